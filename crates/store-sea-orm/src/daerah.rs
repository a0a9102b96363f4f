//! The pemda intake on sea-orm (R-DAE): a request is one row, its aggregate as JSON beside the
//! columns its lists filter on (who it waits for, its pemda, its applicant), each list read by
//! (application time, id) on its index; petugas are `akun` rows with a `tugas`; a registration
//! saves the request and its Sistem Elektronik in one transaction.

use crate::entitas::permohonan_daerah as baris;
use crate::entitas::{akun, instansi, jam_kerja_instansi, unit};
use crate::registrasi::{Transaksi, simpan_berversi};
use crate::{Store, infra};
use permohonan_daerah::ports::{Kantor, PermohonanDaerahRepo, Saring, UnitKerjaDaerah};
use permohonan_daerah::{PermohonanDaerah, Petugas};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JamKerja, JendelaAntrian, Peran,
    PermohonanDaerahId, PesanEmail, Tugas, UnitId,
};
use sea_orm::{
    ActiveModelTrait as _, ColumnTrait, EntityTrait, IntoActiveModel as _, QueryFilter, QueryOrder,
    QuerySelect,
};
use sistem_elektronik::model::SistemElektronik;

/// The most petugas one task of one Dinas lists.
const PETUGAS_MAKS: u64 = 200;

fn dari(m: baris::Model) -> Result<PermohonanDaerah, InfraError> {
    let mut p: PermohonanDaerah = serde_json::from_value(m.isi)
        .map_err(|e| InfraError::new(format!("permohonan_daerah {}: {e}", m.id)))?;
    p.versi = m.versi;
    Ok(p)
}

fn ke(p: &PermohonanDaerah) -> Result<baris::Model, GagalSimpan> {
    let menunggu = p.menunggu_siapa();
    Ok(baris::Model {
        id: p.id.to_string(),
        versi: p.versi + 1,
        instansi_id: p.instansi_id.to_string(),
        unit_id: p.unit_id.to_string(),
        pemohon: p.pemohon.to_string(),
        status: p.status.kode().into(),
        menunggu_tugas: menunggu.map(|(t, _)| t.kode().into()),
        menunggu_akun: menunggu.and_then(|(_, a)| a).map(|a| a.to_string()),
        sistem_elektronik_id: p.sistem_elektronik_id.map(|s| s.to_string()),
        diajukan_pada: p.diajukan_pada,
        isi: serde_json::to_value(p).map_err(|e| GagalSimpan::Infra(InfraError::new(e)))?,
    })
}

/// A petugas from its account row.
fn petugas_dari(m: akun::Model) -> Option<Petugas> {
    Some(Petugas {
        akun_id: m.id.parse().ok()?,
        instansi_id: m.instansi_id.as_deref()?.parse().ok()?,
        tugas: Tugas::dari_kode(m.tugas.as_deref()?)?,
        nama: m.nama,
        email: m.email,
    })
}

/// Active petugas accounts.
fn petugas_aktif() -> sea_orm::Select<akun::Entity> {
    akun::Entity::find()
        .filter(akun::Column::Peran.eq(Peran::PetugasLayanan.kode()))
        .filter(akun::Column::Status.eq("aktif"))
}

#[async_trait::async_trait]
impl PermohonanDaerahRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaDaerah>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn permohonan(
        &self,
        id: PermohonanDaerahId,
    ) -> Result<Option<PermohonanDaerah>, InfraError> {
        baris::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn daftar(
        &self,
        instansi: InstansiId,
        saring: Saring,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanDaerah>, u64), InfraError> {
        use baris::Column as K;
        let q = baris::Entity::find();
        let (q, sumber) = match saring {
            Saring::Instansi(i) => (
                q.filter(K::InstansiId.eq(i.to_string())),
                format!("daerah:instansi:{i}"),
            ),
            Saring::Pemohon(a) => (
                q.filter(K::Pemohon.eq(a.to_string())),
                format!("daerah:pemohon:{a}"),
            ),
            // What waits for every Kepala Dinas of the pemda: on (instansi, task, time).
            Saring::Menunggu(_, Tugas::KepalaDinas) => (
                q.filter(K::InstansiId.eq(instansi.to_string()))
                    .filter(K::MenungguTugas.eq(Tugas::KepalaDinas.kode()))
                    .filter(K::MenungguAkun.is_null()),
                format!("daerah:kepala_dinas:{instansi}"),
            ),
            Saring::Menunggu(a, _) => (
                q.filter(K::MenungguAkun.eq(a.to_string())),
                format!("daerah:akun:{a}"),
            ),
        };
        let (baris, total) = self.jendela(&sumber, q, K::DiajukanPada, K::Id, j).await?;
        Ok((
            baris.into_iter().map(dari).collect::<Result<_, _>>()?,
            total,
        ))
    }

    async fn petugas(&self, a: AkunId) -> Result<Option<Petugas>, InfraError> {
        Ok(petugas_aktif()
            .filter(akun::Column::Id.eq(a.to_string()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .and_then(petugas_dari))
    }

    async fn petugas_bertugas(
        &self,
        i: InstansiId,
        tugas: Tugas,
    ) -> Result<Vec<Petugas>, InfraError> {
        Ok(petugas_aktif()
            .filter(akun::Column::InstansiId.eq(i.to_string()))
            .filter(akun::Column::Tugas.eq(tugas.kode()))
            .order_by_asc(akun::Column::Nama)
            .limit(PETUGAS_MAKS)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .filter_map(petugas_dari)
            .collect())
    }

    async fn kantor(&self, i: InstansiId) -> Result<Option<Kantor>, InfraError> {
        let Some(m) = instansi::Entity::find_by_id(i.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
        else {
            return Ok(None);
        };
        let jam = jam_kerja_instansi::Entity::find_by_id(i.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .and_then(|j| serde_json::from_value(j.jam).ok())
            .and_then(|hari| JamKerja::baru(hari).ok())
            .unwrap_or_default();
        Ok(Some(Kantor {
            pemda: matches!(
                m.jenis.as_str(),
                "pemerintah_provinsi" | "pemerintah_kabupaten" | "pemerintah_kota"
            ),
            provinsi: m.provinsi,
            jam,
        }))
    }

    async fn simpan_jam_kerja(
        &self,
        i: InstansiId,
        jam: &JamKerja,
        audit: &AuditEvent,
    ) -> Result<(), GagalSimpan> {
        use sea_orm::sea_query::OnConflict;
        let t = self.transaksi().await?;
        jam_kerja_instansi::Entity::insert(jam_kerja_instansi::ActiveModel {
            instansi_id: sea_orm::ActiveValue::Set(i.to_string()),
            jam: sea_orm::ActiveValue::Set(
                serde_json::to_value(jam.hari())
                    .map_err(|e| GagalSimpan::Infra(InfraError::new(e)))?,
            ),
        })
        .on_conflict(
            OnConflict::column(jam_kerja_instansi::Column::InstansiId)
                .update_column(jam_kerja_instansi::Column::Jam)
                .to_owned(),
        )
        .exec_without_returning(&t.txn)
        .await
        .map_err(crate::registrasi::gagal)?;
        t.audit(audit).await?;
        t.selesai().await
    }

    async fn akun(&self, a: AkunId) -> Result<Option<(String, String)>, InfraError> {
        Ok(akun::Entity::find_by_id(a.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|m| (m.nama, m.email)))
    }

    async fn nama_unit(&self, u: UnitId) -> Result<Option<String>, InfraError> {
        Ok(unit::Entity::find_by_id(u.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|m| m.nama))
    }
}

#[async_trait::async_trait]
impl UnitKerjaDaerah for Transaksi {
    async fn simpan(&mut self, p: &PermohonanDaerah) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        simpan_berversi::<baris::Entity>(
            &self.txn,
            ke(p)?.into_active_model().reset_all(),
            baris::Column::Id,
            p.id.to_string(),
            baris::Column::Versi,
            p.versi,
        )
        .await
    }

    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        self.sistem(s).await
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
