//! The office applications on sea-orm (R-SEP): each aggregate one row, as JSON beside the
//! columns its reads filter and order on; the Direktorat's queue on a partial index whose
//! predicate is written word for word as here; a user's last change of state stamped for the
//! sync; a job claimed by one conditional statement.

use crate::entitas::{
    akun, aplikasi_sep, jadwal, pengguna_sep, penyalahgunaan_sep, permohonan_sep,
};
use crate::registrasi::{Transaksi, gagal, simpan_berversi};
use crate::{Store, infra};
use aplikasi_perkantoran::katalog::AplikasiPerkantoran;
use aplikasi_perkantoran::pengguna::{PenggunaSep, PeranSep, StatusPengguna};
use aplikasi_perkantoran::penyalahgunaan::{Penyalahgunaan, StatusPenyalahgunaan};
use aplikasi_perkantoran::permohonan::PermohonanSep;
use aplikasi_perkantoran::ports::{PerubahanPengguna, SepRepo, UnitKerjaSep};
use chrono::{DateTime, Utc};
use pse_kernel::{
    AkunId, AplikasiId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian,
    PenggunaSepId, PenyalahgunaanId, PermohonanSepId, PesanEmail,
};
use registrasi_pejabat::model::{Akun, TokenAktivasi};
use registrasi_pejabat::ports::UnitKerja;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait, Condition, EntityTrait,
    IntoActiveModel as _, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// The most catalogue entries read (the Minister sets a handful).
const KATALOG_MAKS: u64 = 200;

fn baca<T: DeserializeOwned>(
    tabel: &str,
    id: &str,
    isi: serde_json::Value,
) -> Result<T, InfraError> {
    serde_json::from_value(isi).map_err(|e| InfraError::new(format!("{tabel} {id}: {e}")))
}

fn tulis<T: Serialize>(x: &T) -> Result<serde_json::Value, GagalSimpan> {
    serde_json::to_value(x).map_err(|e| GagalSimpan::Infra(InfraError::new(e)))
}

fn permohonan_dari(m: permohonan_sep::Model) -> Result<PermohonanSep, InfraError> {
    let mut p: PermohonanSep = baca("permohonan_sep", &m.id, m.isi)?;
    p.versi = m.versi;
    Ok(p)
}

fn pengguna_dari(m: pengguna_sep::Model) -> Result<PenggunaSep, InfraError> {
    let mut p: PenggunaSep = baca("pengguna_sep", &m.id, m.isi)?;
    p.versi = m.versi;
    Ok(p)
}

fn kasus_dari(m: penyalahgunaan_sep::Model) -> Result<Penyalahgunaan, InfraError> {
    let mut k: Penyalahgunaan = baca("penyalahgunaan_sep", &m.id, m.isi)?;
    k.versi = m.versi;
    Ok(k)
}

fn aplikasi_dari(m: aplikasi_sep::Model) -> Result<AplikasiPerkantoran, InfraError> {
    baca("aplikasi_sep", &m.id, m.isi)
}

fn kode_peran(p: PeranSep) -> &'static str {
    match p {
        PeranSep::AdminPengelola => "admin_pengelola",
        PeranSep::Pengguna => "pengguna",
    }
}

#[async_trait::async_trait]
impl SepRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSep>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn katalog(&self) -> Result<Vec<AplikasiPerkantoran>, InfraError> {
        aplikasi_sep::Entity::find()
            .order_by_asc(aplikasi_sep::Column::Nama)
            .limit(KATALOG_MAKS)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(aplikasi_dari)
            .collect()
    }

    async fn aplikasi(&self, id: AplikasiId) -> Result<Option<AplikasiPerkantoran>, InfraError> {
        aplikasi_sep::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(aplikasi_dari)
            .transpose()
    }

    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        self.nama_instansi_banyak(ids).await
    }

    async fn permohonan(&self, id: PermohonanSepId) -> Result<Option<PermohonanSep>, InfraError> {
        permohonan_sep::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(permohonan_dari)
            .transpose()
    }

    async fn antrian(
        &self,
        j: &JendelaAntrian,
        terlambat_pada: Option<DateTime<Utc>>,
    ) -> Result<(Vec<PermohonanSep>, u64), InfraError> {
        // Word for word the predicate of the partial index `permohonan_sep_antrian`.
        let q =
            permohonan_sep::Entity::find().filter(Expr::cust(pse_migrations::PREDIKAT_ANTRIAN_SEP));
        let (baris, total) = match terlambat_pada {
            None => {
                self.jendela(
                    "sep:antrian",
                    q,
                    permohonan_sep::Column::DiajukanPada,
                    permohonan_sep::Column::Id,
                    j,
                )
                .await?
            }
            Some(t) => {
                // The overdue part moves with the clock: counted each time (a short queue).
                let q = q.filter(permohonan_sep::Column::Tenggat.lt(t));
                let total = q
                    .clone()
                    .select_only()
                    .column(permohonan_sep::Column::Id)
                    .count(&self.db)
                    .await
                    .map_err(infra)?;
                let baris = crate::jendela_dari(
                    q,
                    permohonan_sep::Column::DiajukanPada,
                    permohonan_sep::Column::Id,
                    j,
                )
                .all(&self.db)
                .await
                .map_err(infra)?;
                (baris, total)
            }
        };
        Ok((
            baris
                .into_iter()
                .map(permohonan_dari)
                .collect::<Result<_, _>>()?,
            total,
        ))
    }

    async fn perlu_diingatkan(
        &self,
        pada: DateTime<Utc>,
        batas: u64,
    ) -> Result<Vec<PermohonanSep>, InfraError> {
        // On the partial index `permohonan_sep_ingat`.
        permohonan_sep::Entity::find()
            .filter(permohonan_sep::Column::IngatPada.is_not_null())
            .filter(permohonan_sep::Column::IngatPada.lte(pada))
            .order_by_asc(permohonan_sep::Column::IngatPada)
            .limit(batas)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(permohonan_dari)
            .collect()
    }

    async fn email_admin(&self, batas: u64) -> Result<Vec<(String, String)>, InfraError> {
        akun::Entity::find()
            .select_only()
            .columns([akun::Column::Nama, akun::Column::Email])
            .filter(akun::Column::Peran.eq(pse_kernel::Peran::Admin.kode()))
            .filter(akun::Column::Status.eq(registrasi_pejabat::model::StatusAkun::Aktif.kode()))
            .order_by_asc(akun::Column::Email)
            .limit(batas)
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(infra)
    }

    async fn pengguna(&self, id: PenggunaSepId) -> Result<Option<PenggunaSep>, InfraError> {
        pengguna_sep::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(pengguna_dari)
            .transpose()
    }

    async fn pengguna_akun(&self, akun: AkunId) -> Result<Option<PenggunaSep>, InfraError> {
        pengguna_sep::Entity::find()
            .filter(pengguna_sep::Column::AkunId.eq(akun.to_string()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(pengguna_dari)
            .transpose()
    }

    async fn pengguna_email(
        &self,
        aplikasi: AplikasiId,
        email: &str,
    ) -> Result<Option<PenggunaSep>, InfraError> {
        pengguna_sep::Entity::find()
            .filter(pengguna_sep::Column::AplikasiId.eq(aplikasi.to_string()))
            .filter(pengguna_sep::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(pengguna_dari)
            .transpose()
    }

    async fn admin_aktif(
        &self,
        aplikasi: AplikasiId,
        instansi: InstansiId,
    ) -> Result<Option<PenggunaSep>, InfraError> {
        pengguna_sep::Entity::find()
            .filter(pengguna_sep::Column::AplikasiId.eq(aplikasi.to_string()))
            .filter(pengguna_sep::Column::InstansiId.eq(instansi.to_string()))
            .filter(pengguna_sep::Column::Peran.eq(kode_peran(PeranSep::AdminPengelola)))
            .filter(pengguna_sep::Column::Status.eq(StatusPengguna::Aktif.kode()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(pengguna_dari)
            .transpose()
    }

    async fn pengguna_instansi(
        &self,
        aplikasi: AplikasiId,
        instansi: InstansiId,
        batas: u64,
    ) -> Result<Vec<PenggunaSep>, InfraError> {
        pengguna_sep::Entity::find()
            .filter(pengguna_sep::Column::AplikasiId.eq(aplikasi.to_string()))
            .filter(pengguna_sep::Column::InstansiId.eq(instansi.to_string()))
            .order_by_asc(pengguna_sep::Column::Nama)
            .order_by_asc(pengguna_sep::Column::Id)
            .limit(batas)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(pengguna_dari)
            .collect()
    }

    async fn penyalahgunaan(
        &self,
        id: PenyalahgunaanId,
    ) -> Result<Option<Penyalahgunaan>, InfraError> {
        penyalahgunaan_sep::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(kasus_dari)
            .transpose()
    }

    async fn daftar_penyalahgunaan(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<Penyalahgunaan>, u64), InfraError> {
        let (baris, total) = self
            .jendela(
                "sep:kasus",
                penyalahgunaan_sep::Entity::find(),
                penyalahgunaan_sep::Column::DicatatPada,
                penyalahgunaan_sep::Column::Id,
                j,
            )
            .await?;
        Ok((
            baris
                .into_iter()
                .map(kasus_dari)
                .collect::<Result<_, _>>()?,
            total,
        ))
    }

    async fn terbukti(&self, pengguna: PenggunaSepId) -> Result<u32, InfraError> {
        use sea_orm::PaginatorTrait;
        let n = penyalahgunaan_sep::Entity::find()
            .filter(penyalahgunaan_sep::Column::PenggunaId.eq(pengguna.to_string()))
            .filter(penyalahgunaan_sep::Column::Status.is_in([
                StatusPenyalahgunaan::Kedaluwarsa.kode(),
                StatusPenyalahgunaan::Dinonaktifkan.kode(),
            ]))
            .count(&self.db)
            .await
            .map_err(infra)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    async fn menunggu_jawaban(
        &self,
        sebelum: DateTime<Utc>,
        batas: u64,
    ) -> Result<Vec<Penyalahgunaan>, InfraError> {
        penyalahgunaan_sep::Entity::find()
            .filter(
                penyalahgunaan_sep::Column::Status.eq(StatusPenyalahgunaan::MenungguJawaban.kode()),
            )
            .filter(penyalahgunaan_sep::Column::Tenggat.lt(sebelum))
            .order_by_asc(penyalahgunaan_sep::Column::Tenggat)
            .limit(batas)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(kasus_dari)
            .collect()
    }

    async fn perubahan_pengguna(
        &self,
        aplikasi: AplikasiId,
        setelah: Option<(DateTime<Utc>, PenggunaSepId)>,
        batas: u64,
    ) -> Result<Vec<PerubahanPengguna>, InfraError> {
        use pengguna_sep::Column as K;
        let mut q = pengguna_sep::Entity::find().filter(K::AplikasiId.eq(aplikasi.to_string()));
        if let Some((t, id)) = setelah {
            q = q.filter(
                Condition::any().add(K::BerubahPada.gt(t)).add(
                    Condition::all()
                        .add(K::BerubahPada.eq(t))
                        .add(K::Id.gt(id.to_string())),
                ),
            );
        }
        q.order_by_asc(K::BerubahPada)
            .order_by_asc(K::Id)
            .limit(batas)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|m| {
                let pada = m.berubah_pada;
                Ok(PerubahanPengguna {
                    pengguna: pengguna_dari(m)?,
                    pada,
                })
            })
            .collect()
    }

    async fn aplikasi_token(&self, hash: &str) -> Result<Option<AplikasiId>, InfraError> {
        aplikasi_sep::Entity::find()
            .filter(aplikasi_sep::Column::HashToken.eq(hash))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|m| crate::peta::id("aplikasi_sep", &m.id))
            .transpose()
    }

    async fn klaim_jadwal(
        &self,
        nama: &str,
        sekarang: DateTime<Utc>,
        sampai: DateTime<Utc>,
    ) -> Result<bool, InfraError> {
        let baru = jadwal::Entity::insert(jadwal::ActiveModel {
            nama: Set(nama.to_string()),
            sampai: Set(sampai),
        })
        .on_conflict(
            OnConflict::column(jadwal::Column::Nama)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await
        .map_err(infra)?;
        if baru == 1 {
            return Ok(true);
        }
        let hasil = jadwal::Entity::update_many()
            .col_expr(jadwal::Column::Sampai, Expr::value(sampai))
            .filter(jadwal::Column::Nama.eq(nama))
            .filter(jadwal::Column::Sampai.lte(sekarang))
            .exec(&self.db)
            .await
            .map_err(infra)?;
        Ok(hasil.rows_affected == 1)
    }
}

#[async_trait::async_trait]
impl UnitKerjaSep for Transaksi {
    async fn simpan_aplikasi(&mut self, a: &AplikasiPerkantoran) -> Result<(), GagalSimpan> {
        aplikasi_sep::Entity::insert(aplikasi_sep::ActiveModel {
            id: Set(a.id.to_string()),
            nama: Set(a.nama.clone()),
            hash_token: Set(None),
            isi: Set(tulis(a)?),
        })
        .on_conflict(
            OnConflict::column(aplikasi_sep::Column::Id)
                .update_columns([aplikasi_sep::Column::Nama, aplikasi_sep::Column::Isi])
                .to_owned(),
        )
        .exec_without_returning(&self.txn)
        .await
        .map_err(gagal)?;
        Ok(())
    }

    async fn simpan_token_aplikasi(
        &mut self,
        aplikasi: AplikasiId,
        hash: Option<&str>,
    ) -> Result<(), GagalSimpan> {
        aplikasi_sep::Entity::update_many()
            .col_expr(
                aplikasi_sep::Column::HashToken,
                Expr::value(hash.map(String::from)),
            )
            .filter(aplikasi_sep::Column::Id.eq(aplikasi.to_string()))
            .exec(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(())
    }

    async fn simpan_permohonan(&mut self, p: &PermohonanSep) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        let m = permohonan_sep::Model {
            id: p.id.to_string(),
            versi: p.versi + 1,
            aplikasi_id: p.aplikasi_id.to_string(),
            instansi_id: p.instansi_id.to_string(),
            status: p.status.kode().into(),
            diajukan_pada: p.diajukan_pada,
            tenggat: p.tenggat_meja(),
            ingat_pada: p.ingat_pada,
            isi: tulis(p)?,
        };
        simpan_berversi::<permohonan_sep::Entity>(
            &self.txn,
            m.into_active_model().reset_all(),
            permohonan_sep::Column::Id,
            p.id.to_string(),
            permohonan_sep::Column::Versi,
            p.versi,
        )
        .await
    }

    async fn simpan_pengguna(
        &mut self,
        p: &PenggunaSep,
        pada: DateTime<Utc>,
    ) -> Result<(), GagalSimpan> {
        // The sync reads the time of the last change of state: kept when the state is the same.
        let lama = pengguna_sep::Entity::find_by_id(p.id.to_string())
            .one(&self.txn)
            .await
            .map_err(gagal)?;
        let berubah_pada = match lama {
            Some(l) if l.status == p.status.kode() => l.berubah_pada,
            _ => pada,
        };
        let m = pengguna_sep::Model {
            id: p.id.to_string(),
            versi: p.versi + 1,
            aplikasi_id: p.aplikasi_id.to_string(),
            instansi_id: p.instansi_id.to_string(),
            peran: kode_peran(p.peran).into(),
            status: p.status.kode().into(),
            akun_id: p.akun_id.map(|a| a.to_string()),
            nama: p.nama.clone(),
            email: p.email.clone(),
            berubah_pada,
            isi: tulis(p)?,
        };
        simpan_berversi::<pengguna_sep::Entity>(
            &self.txn,
            m.into_active_model().reset_all(),
            pengguna_sep::Column::Id,
            p.id.to_string(),
            pengguna_sep::Column::Versi,
            p.versi,
        )
        .await
    }

    async fn simpan_penyalahgunaan(&mut self, k: &Penyalahgunaan) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        let m = penyalahgunaan_sep::Model {
            id: k.id.to_string(),
            versi: k.versi + 1,
            pengguna_id: k.pengguna_id.to_string(),
            status: k.status.kode().into(),
            dicatat_pada: k.riwayat.first().map(|(_, t)| *t).unwrap_or_default(),
            tenggat: k.peringatan.map(|(_, t)| t),
            isi: tulis(k)?,
        };
        simpan_berversi::<penyalahgunaan_sep::Entity>(
            &self.txn,
            m.into_active_model().reset_all(),
            penyalahgunaan_sep::Column::Id,
            k.id.to_string(),
            penyalahgunaan_sep::Column::Versi,
            k.versi,
        )
        .await
    }

    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan> {
        UnitKerja::simpan_akun(self, a).await
    }

    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan> {
        UnitKerja::simpan_token(self, t).await
    }

    async fn akhiri_sesi(&mut self, akun: AkunId) -> Result<(), GagalSimpan> {
        UnitKerja::akhiri_sesi(self, akun).await
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit(e).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.email(p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.selesai().await
    }
}
