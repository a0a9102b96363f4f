//! Failed logins per pair (email digest and address), counted with one atomic upsert so that
//! parallel failures each count.

use crate::entitas::percobaan_masuk as tabel;
use crate::{Store, infra};
use chrono::{DateTime, Utc};
use pse_kernel::InfraError;
use registrasi_pejabat::model::{KunciMasuk, PercobaanMasuk};
use sea_orm::sea_query::{Expr, ExprTrait as _, OnConflict};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

fn dari(m: tabel::Model) -> PercobaanMasuk {
    PercobaanMasuk {
        gagal: u32::try_from(m.gagal).unwrap_or(0),
        terakhir: DateTime::from_timestamp(m.terakhir, 0).unwrap_or_default(),
    }
}

impl Store {
    pub(crate) async fn baca_percobaan(
        &self,
        kunci: &KunciMasuk,
    ) -> Result<Option<PercobaanMasuk>, InfraError> {
        Ok(tabel::Entity::find_by_id(kunci.as_ref())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari))
    }

    pub(crate) async fn tambah_percobaan(
        &self,
        kunci: &KunciMasuk,
        now: DateTime<Utc>,
        lupa_sebelum: DateTime<Utc>,
    ) -> Result<PercobaanMasuk, InfraError> {
        use tabel::Column as C;
        let lupa = lupa_sebelum.timestamp();
        // Stale pairs go first, so strangers' typing cannot grow the table without bound.
        tabel::Entity::delete_many()
            .filter(C::Terakhir.lt(lupa))
            .filter(C::Kunci.ne(kunci.as_ref()))
            .exec(&self.db)
            .await
            .map_err(infra)?;
        let baris = tabel::Model {
            kunci: kunci.as_ref().to_string(),
            gagal: 1,
            terakhir: now.timestamp(),
        };
        let m = tabel::Entity::insert(baris.into_active_model())
            .on_conflict(
                OnConflict::column(C::Kunci)
                    .value(
                        C::Gagal,
                        Expr::case(Expr::col((tabel::Entity, C::Terakhir)).lt(lupa), 1)
                            .finally(Expr::col((tabel::Entity, C::Gagal)).add(1)),
                    )
                    .value(C::Terakhir, now.timestamp())
                    .to_owned(),
            )
            .exec_with_returning(&self.db)
            .await
            .map_err(infra)?;
        Ok(dari(m))
    }

    pub(crate) async fn hapus_percobaan(&self, kunci: &KunciMasuk) -> Result<(), InfraError> {
        tabel::Entity::delete_by_id(kunci.as_ref())
            .exec(&self.db)
            .await
            .map_err(infra)?;
        Ok(())
    }
}
