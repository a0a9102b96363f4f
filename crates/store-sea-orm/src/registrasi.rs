//! The registration ports on sea-orm: reads on the pool, writes in one transaction per use case.

use crate::entitas::{
    akun, audit, instansi, outbox, permohonan, sesi, sistem, sub_pejabat, token, unit, wilayah,
};
use crate::{Store, infra, peta};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian, PermohonanId,
    PesanEmail, PesanId, SubPejabatId, UnitId,
};
use registrasi_pejabat::model::{
    Akun, Instansi, KunciMasuk, PercobaanMasuk, PermohonanPejabat, StatusAkun, StatusPermohonan,
    StatusSubPejabat, SubPejabat, TokenAktivasi, UnitOrganisasi, Wilayah,
};
use registrasi_pejabat::ports::{RegistrasiRepo, UnitKerja};
use sea_orm::sea_query::OnConflict;
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, SqlErr, TransactionTrait,
};
use std::collections::HashMap;
use std::sync::Arc;

/// Maps a database error of a write: a unique-constraint violation is [`GagalSimpan::Duplikat`].
pub(crate) fn gagal(e: DbErr) -> GagalSimpan {
    match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(m)) => GagalSimpan::Duplikat(m),
        _ => GagalSimpan::Infra(infra(e)),
    }
}

/// The most petugas layanan one pemda lists.
const PETUGAS_MAKS: u64 = 200;

/// Inserts (`versi_lama == 0`) or updates the row whose version is still `versi_lama`.
pub(crate) async fn simpan_berversi<E>(
    txn: &DatabaseTransaction,
    am: E::ActiveModel,
    kolom_id: E::Column,
    id: String,
    kolom_versi: E::Column,
    versi_lama: i64,
) -> Result<(), GagalSimpan>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    if versi_lama == 0 {
        E::insert(am)
            .exec_without_returning(txn)
            .await
            .map_err(gagal)?;
        return Ok(());
    }
    let hasil = E::update_many()
        .set(am)
        .filter(kolom_id.eq(id))
        .filter(kolom_versi.eq(versi_lama))
        .exec(txn)
        .await
        .map_err(gagal)?;
    if hasil.rows_affected == 0 {
        return Err(GagalSimpan::VersiBasi);
    }
    Ok(())
}

/// A unit of work: one database transaction.
pub(crate) struct Transaksi {
    pub(crate) txn: DatabaseTransaction,
    pub(crate) clock: Arc<dyn pse_kernel::Clock>,
    /// The public registry's totals, told after commit when a published system was saved.
    pub(crate) hitungan: Arc<crate::HitunganPublik>,
    pub(crate) publik_berubah: bool,
    /// The queues' lengths, told after commit when something that waits in one was saved.
    pub(crate) antrian: Arc<crate::HitunganPublik>,
    pub(crate) antrian_berubah: bool,
}

impl Transaksi {
    /// Commits, then lets the public totals go if a published system changed.
    pub(crate) async fn selesai(self) -> Result<(), GagalSimpan> {
        let (hitungan, berubah) = (self.hitungan.clone(), self.publik_berubah);
        let (antrian, antrian_berubah) = (self.antrian.clone(), self.antrian_berubah);
        self.txn.commit().await.map_err(gagal)?;
        if berubah {
            hitungan.berubah();
        }
        if antrian_berubah {
            antrian.berubah();
        }
        Ok(())
    }
}

impl Transaksi {
    pub(crate) async fn audit(&self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        let m = audit::Model {
            id: e.id.to_string(),
            waktu: e.waktu,
            aktor: e.aktor.clone(),
            subjek_jenis: e.subjek_jenis.clone(),
            subjek_id: e.subjek_id.clone(),
            aksi: e.aksi.clone(),
            dari_status: e.dari_status.clone(),
            ke_status: e.ke_status.clone(),
            alasan: e.alasan.clone(),
        };
        audit::Entity::insert(m.into_active_model().reset_all())
            .exec_without_returning(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(())
    }

    pub(crate) async fn email(&self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        let now = self.clock.now();
        let m = outbox::Model {
            id: PesanId::new().to_string(),
            kepada: p.kepada.clone(),
            template: p.template.clone(),
            data: p.data.clone(),
            status: crate::outbox::MENUNGGU.into(),
            percobaan: 0,
            berikutnya: now,
            galat_terakhir: None,
            dibuat_pada: now,
            terkirim_pada: None,
        };
        outbox::Entity::insert(m.into_active_model().reset_all())
            .exec_without_returning(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl UnitKerja for Transaksi {
    async fn simpan_permohonan(&mut self, p: &PermohonanPejabat) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        let m = peta::permohonan_ke(p, p.versi + 1)?;
        simpan_berversi::<permohonan::Entity>(
            &self.txn,
            m.into_active_model().reset_all(),
            permohonan::Column::Id,
            p.id.to_string(),
            permohonan::Column::Versi,
            p.versi,
        )
        .await
    }

    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan> {
        simpan_berversi::<akun::Entity>(
            &self.txn,
            peta::akun_ke(a, a.versi + 1)
                .into_active_model()
                .reset_all(),
            akun::Column::Id,
            a.id.to_string(),
            akun::Column::Versi,
            a.versi,
        )
        .await
    }

    async fn simpan_unit(&mut self, u: &UnitOrganisasi) -> Result<(), GagalSimpan> {
        simpan_berversi::<unit::Entity>(
            &self.txn,
            peta::unit_ke(u, u.versi + 1)
                .into_active_model()
                .reset_all(),
            unit::Column::Id,
            u.id.to_string(),
            unit::Column::Versi,
            u.versi,
        )
        .await
    }

    /// Deletes the unit only while no system points at it, in the same statement, so a system
    /// registered meanwhile makes the deletion a conflict instead of leaving it pointing nowhere.
    async fn hapus_unit(&mut self, id: UnitId) -> Result<(), GagalSimpan> {
        let hasil = unit::Entity::delete_many()
            .filter(unit::Column::Id.eq(id.to_string()))
            .filter(
                Expr::exists(
                    sistem::Entity::find()
                        .select_only()
                        .expr(Expr::val(1))
                        .filter(sistem::Column::UnitId.eq(id.to_string()))
                        .into_query(),
                )
                .not(),
            )
            .exec(&self.txn)
            .await
            .map_err(gagal)?;
        if hasil.rows_affected == 0 {
            return Err(GagalSimpan::VersiBasi);
        }
        Ok(())
    }

    async fn simpan_sub_pejabat(&mut self, s: &SubPejabat) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        simpan_berversi::<sub_pejabat::Entity>(
            &self.txn,
            peta::sub_ke(s, s.versi + 1)?
                .into_active_model()
                .reset_all(),
            sub_pejabat::Column::Id,
            s.id.to_string(),
            sub_pejabat::Column::Versi,
            s.versi,
        )
        .await
    }

    async fn simpan_instansi(&mut self, i: &Instansi) -> Result<(), GagalSimpan> {
        instansi::Entity::insert(peta::instansi_ke(i).into_active_model().reset_all())
            .exec_without_returning(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(())
    }

    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan> {
        token::Entity::insert(peta::token_ke(t).into_active_model().reset_all())
            .on_conflict(
                OnConflict::column(token::Column::Hash)
                    .update_columns([token::Column::DipakaiPada, token::Column::Kedaluwarsa])
                    .to_owned(),
            )
            .exec_without_returning(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(())
    }

    async fn akhiri_sesi(&mut self, akun_id: AkunId) -> Result<(), GagalSimpan> {
        sesi::Entity::delete_many()
            .filter(sesi::Column::AkunId.eq(akun_id.to_string()))
            .exec(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(())
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit(e).await
    }

    async fn undang_survei(&mut self, u: &pse_kernel::UndanganSurvei) -> Result<(), GagalSimpan> {
        self.survei(u).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.email(p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.selesai().await
    }
}

impl Store {
    pub(crate) async fn transaksi(&self) -> Result<Transaksi, InfraError> {
        Ok(Transaksi {
            txn: self.db.begin().await.map_err(infra)?,
            clock: self.clock.clone(),
            hitungan: self.hitungan.clone(),
            publik_berubah: false,
            antrian: self.antrian.clone(),
            antrian_berubah: false,
        })
    }
}

#[async_trait::async_trait]
impl RegistrasiRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerja>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn wilayah(&self, kode: &str) -> Result<Option<Wilayah>, InfraError> {
        Ok(wilayah::Entity::find_by_id(kode.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|m| Wilayah {
                kode: m.kode,
                nama: m.nama,
            }))
    }

    async fn instansi(&self, id: InstansiId) -> Result<Option<Instansi>, InfraError> {
        instansi::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::instansi_dari)
            .transpose()
    }

    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        self.nama_instansi_banyak(ids).await
    }

    async fn instansi_bernama(&self, kunci: &str) -> Result<Option<Instansi>, InfraError> {
        instansi::Entity::find()
            .filter(instansi::Column::KunciNama.eq(kunci))
            .filter(instansi::Column::Terverifikasi.eq(true))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::instansi_dari)
            .transpose()
    }

    async fn pejabat_aktif(&self, instansi_id: InstansiId) -> Result<Option<Akun>, InfraError> {
        akun::Entity::find()
            .filter(akun::Column::InstansiId.eq(instansi_id.to_string()))
            .filter(akun::Column::Peran.eq(pse_kernel::Peran::PejabatPendaftar.kode()))
            .filter(akun::Column::Status.ne(StatusAkun::Nonaktif.kode()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::akun_dari)
            .transpose()
    }

    async fn akun(&self, id: AkunId) -> Result<Option<Akun>, InfraError> {
        akun::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::akun_dari)
            .transpose()
    }

    async fn daftar_akun(
        &self,
        j: &pse_kernel::JendelaAntrian,
    ) -> Result<(Vec<Akun>, u64), InfraError> {
        let (baris, total) = self
            .jendela(
                "akun:semua",
                akun::Entity::find(),
                akun::Column::DibuatPada,
                akun::Column::Id,
                j,
            )
            .await?;
        Ok((
            baris
                .into_iter()
                .map(peta::akun_dari)
                .collect::<Result<_, _>>()?,
            total,
        ))
    }

    async fn akun_petugas(&self, instansi: InstansiId) -> Result<Vec<Akun>, InfraError> {
        akun::Entity::find()
            .filter(akun::Column::InstansiId.eq(instansi.to_string()))
            .filter(akun::Column::Peran.eq(pse_kernel::Peran::PetugasLayanan.kode()))
            .order_by_asc(akun::Column::Nama)
            .limit(PETUGAS_MAKS)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(peta::akun_dari)
            .collect()
    }

    async fn akun_dengan_email(&self, email: &str) -> Result<Option<Akun>, InfraError> {
        akun::Entity::find()
            .filter(akun::Column::Email.eq(email.to_lowercase()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::akun_dari)
            .transpose()
    }

    async fn percobaan_masuk(
        &self,
        kunci: &KunciMasuk,
    ) -> Result<Option<PercobaanMasuk>, InfraError> {
        self.baca_percobaan(kunci).await
    }

    async fn tambah_gagal_masuk(
        &self,
        kunci: &KunciMasuk,
        now: chrono::DateTime<chrono::Utc>,
        lupa_sebelum: chrono::DateTime<chrono::Utc>,
    ) -> Result<PercobaanMasuk, InfraError> {
        self.tambah_percobaan(kunci, now, lupa_sebelum).await
    }

    async fn hapus_gagal_masuk(&self, kunci: &KunciMasuk) -> Result<(), InfraError> {
        self.hapus_percobaan(kunci).await
    }

    async fn permohonan(&self, id: PermohonanId) -> Result<Option<PermohonanPejabat>, InfraError> {
        permohonan::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::permohonan_dari)
            .transpose()
    }

    async fn permohonan_terbuka(&self, email: &str) -> Result<Option<PermohonanId>, InfraError> {
        permohonan::Entity::find()
            .filter(permohonan::Column::Email.eq(email.to_lowercase()))
            .filter(permohonan::Column::Status.ne(StatusPermohonan::Disetujui.kode()))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|m| peta::id("permohonan", &m.id))
            .transpose()
    }

    async fn antrian_permohonan(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanPejabat>, u64), InfraError> {
        let (baris, total) = self
            .jendela(
                "permohonan",
                permohonan::Entity::find()
                    .filter(permohonan::Column::Status.eq(StatusPermohonan::Diajukan.kode())),
                permohonan::Column::MasukAntrianPada,
                permohonan::Column::Id,
                j,
            )
            .await?;
        let daftar = baris
            .into_iter()
            .map(peta::permohonan_dari)
            .collect::<Result<_, _>>()?;
        Ok((daftar, total))
    }

    async fn token_aktivasi(&self, hash: &str) -> Result<Option<TokenAktivasi>, InfraError> {
        token::Entity::find_by_id(hash.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::token_dari)
            .transpose()
    }

    async fn token_akun(&self, akun: AkunId) -> Result<Vec<TokenAktivasi>, InfraError> {
        token::Entity::find()
            .filter(token::Column::AkunId.eq(akun.to_string()))
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(peta::token_dari)
            .collect()
    }

    async fn unit_instansi(
        &self,
        instansi_id: InstansiId,
    ) -> Result<Vec<UnitOrganisasi>, InfraError> {
        unit::Entity::find()
            .filter(unit::Column::InstansiId.eq(instansi_id.to_string()))
            .order_by_asc(unit::Column::Nama)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(peta::unit_dari)
            .collect()
    }

    async fn unit(&self, id: UnitId) -> Result<Option<UnitOrganisasi>, InfraError> {
        unit::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::unit_dari)
            .transpose()
    }

    async fn jumlah_sistem_unit(&self, id: UnitId) -> Result<u64, InfraError> {
        sistem::Entity::find()
            .filter(sistem::Column::UnitId.eq(id.to_string()))
            .count(&self.db)
            .await
            .map_err(infra)
    }

    async fn sub_pejabat_instansi(
        &self,
        instansi_id: InstansiId,
    ) -> Result<Vec<SubPejabat>, InfraError> {
        sub_pejabat::Entity::find()
            .filter(sub_pejabat::Column::InstansiId.eq(instansi_id.to_string()))
            .order_by_asc(sub_pejabat::Column::DiajukanPada)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(peta::sub_dari)
            .collect()
    }

    async fn sub_pejabat(&self, id: SubPejabatId) -> Result<Option<SubPejabat>, InfraError> {
        sub_pejabat::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(peta::sub_dari)
            .transpose()
    }

    async fn sub_pejabat_dengan_email(&self, email: &str) -> Result<Vec<SubPejabat>, InfraError> {
        sub_pejabat::Entity::find()
            .filter(sub_pejabat::Column::Email.eq(email.to_lowercase()))
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(peta::sub_dari)
            .collect()
    }

    async fn antrian_sub_pejabat(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SubPejabat>, u64), InfraError> {
        let (baris, total) = self
            .jendela(
                "sub_pejabat",
                sub_pejabat::Entity::find()
                    .filter(sub_pejabat::Column::Status.eq(StatusSubPejabat::TidakAktif.kode())),
                sub_pejabat::Column::MasukAntrianPada,
                sub_pejabat::Column::Id,
                j,
            )
            .await?;
        let daftar = baris
            .into_iter()
            .map(peta::sub_dari)
            .collect::<Result<_, _>>()?;
        Ok((daftar, total))
    }
}
