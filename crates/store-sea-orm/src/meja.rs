//! The verification desk's decisions: one row each, read back per kind and period in the order
//! of their duration (the index `keputusan_antrian_jenis` serves both the count and the order).

use crate::entitas::keputusan_antrian as tabel;
use crate::{Store, infra};
use chrono::{DateTime, Utc};
use pse_kernel::{InfraError, JenisAntrian, KeputusanId, KeputusanTercatat, RiwayatKeputusan};
use sea_orm::{
    ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

fn periode(jenis: JenisAntrian, sejak: DateTime<Utc>) -> sea_orm::Select<tabel::Entity> {
    tabel::Entity::find()
        .filter(tabel::Column::Jenis.eq(jenis.kode()))
        .filter(tabel::Column::Diputuskan.gte(sejak))
}

#[async_trait::async_trait]
impl RiwayatKeputusan for Store {
    async fn catat(&self, k: &KeputusanTercatat) -> Result<(), InfraError> {
        let baris = tabel::Model {
            id: KeputusanId::new().to_string(),
            jenis: k.jenis.kode().to_string(),
            item_id: k.id.clone(),
            masuk: k.masuk,
            diputuskan: k.diputuskan,
            lama_detik: k.lama_detik(),
            setuju: k.setuju,
        };
        tabel::Entity::insert(baris.into_active_model())
            .exec_without_returning(&self.db)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn jumlah(&self, jenis: JenisAntrian, sejak: DateTime<Utc>) -> Result<u64, InfraError> {
        periode(jenis, sejak)
            .select_only()
            .column(tabel::Column::Id)
            .count(&self.db)
            .await
            .map_err(infra)
    }

    async fn lama_terurut(
        &self,
        jenis: JenisAntrian,
        sejak: DateTime<Utc>,
        dari: u64,
        n: u64,
    ) -> Result<Vec<i64>, InfraError> {
        periode(jenis, sejak)
            .select_only()
            .column(tabel::Column::LamaDetik)
            .order_by_asc(tabel::Column::LamaDetik)
            .offset(dari)
            .limit(n)
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(infra)
    }
}
