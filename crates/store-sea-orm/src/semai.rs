//! Bulk writes for `pse-portal seed --sistem N`: systems built by the domain's own transitions,
//! saved through the same row mapping as every unit of work, a batch per transaction.

use crate::entitas::{instansi, sistem};
use crate::{Store, infra};
use pse_kernel::{InfraError, InstansiId};
use sea_orm::{
    ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use sistem_elektronik::model::SistemElektronik;

impl Store {
    /// The verified instansi with their province codes, by name.
    pub async fn instansi_terverifikasi(
        &self,
    ) -> Result<Vec<(InstansiId, Option<String>)>, InfraError> {
        let baris: Vec<(String, Option<String>)> = instansi::Entity::find()
            .filter(instansi::Column::Terverifikasi.eq(true))
            .select_only()
            .columns([instansi::Column::Id, instansi::Column::Provinsi])
            .order_by_asc(instansi::Column::Nama)
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(infra)?;
        baris
            .into_iter()
            .map(|(id, p)| Ok((crate::peta::id("instansi", &id)?, p)))
            .collect()
    }

    /// The highest Tanda Daftar number issued (0 when none).
    pub async fn nomor_tanda_daftar_terakhir(&self) -> Result<u64, InfraError> {
        crate::sistem::nomor_terbesar(&self.db).await.map_err(infra)
    }

    /// Inserts new systems in one transaction (seeding only: no audit record, no email).
    pub async fn semai_sistem(&self, daftar: &[SistemElektronik]) -> Result<(), InfraError> {
        if daftar.is_empty() {
            return Ok(());
        }
        let baris = daftar
            .iter()
            .map(|s| Ok(crate::sistem::ke(s, 1)?.into_active_model()))
            .collect::<Result<Vec<_>, InfraError>>()?;
        let txn = self.db.begin().await.map_err(infra)?;
        // A few hundred rows per statement stay under every back end's bound-parameter limit.
        for potong in baris.chunks(200) {
            sistem::Entity::insert_many(potong.to_vec())
                .exec_without_returning(&txn)
                .await
                .map_err(infra)?;
        }
        txn.commit().await.map_err(infra)?;
        self.hitungan.berubah();
        self.antrian.berubah();
        Ok(())
    }
}
