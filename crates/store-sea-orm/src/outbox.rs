//! The email outbox on sea-orm. Claiming leases rows for a few minutes; on PostgreSQL the claim
//! skips rows another dispatcher holds (`FOR UPDATE SKIP LOCKED`), so several portals can run.

use crate::entitas::outbox;
use crate::{Store, infra};
use chrono::{DateTime, Duration, Utc};
use pse_kernel::{InfraError, Outbox, PesanEmail, PesanId, PesanKeluar};
use sea_orm::sea_query::{LockBehavior, LockType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

/// Waiting to be sent.
pub(crate) const MENUNGGU: &str = "menunggu";
/// Sent.
pub(crate) const TERKIRIM: &str = "terkirim";
/// Failed for good; visible to the admin.
pub(crate) const GAGAL: &str = "gagal";

/// How long a claim keeps other dispatchers away from a row, unless renewed: a dispatcher that
/// died gives its rows back within it.
const SEWA: Duration = Duration::seconds(60);

#[async_trait::async_trait]
impl Outbox for Store {
    async fn klaim(&self, batas: u64, now: DateTime<Utc>) -> Result<Vec<PesanKeluar>, InfraError> {
        let txn = self.db.begin().await.map_err(infra)?;
        let mut q = outbox::Entity::find()
            .filter(outbox::Column::Status.eq(MENUNGGU))
            .filter(outbox::Column::Berikutnya.lte(now))
            .order_by_asc(outbox::Column::Berikutnya)
            .limit(batas);
        if self.db.get_database_backend() == DatabaseBackend::Postgres {
            q = q.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let baris = q.all(&txn).await.map_err(infra)?;
        let mut hasil = Vec::with_capacity(baris.len());
        for m in baris {
            outbox::Entity::update_many()
                .col_expr(
                    outbox::Column::Berikutnya,
                    sea_orm::sea_query::Expr::val(now + SEWA),
                )
                .filter(outbox::Column::Id.eq(m.id.clone()))
                .exec(&txn)
                .await
                .map_err(infra)?;
            hasil.push(PesanKeluar {
                id: crate::peta::id("outbox", &m.id)?,
                percobaan: u32::try_from(m.percobaan).unwrap_or(0),
                pesan: PesanEmail {
                    kepada: m.kepada,
                    template: m.template,
                    data: m.data,
                },
            });
        }
        txn.commit().await.map_err(infra)?;
        Ok(hasil)
    }

    async fn tandai_terkirim(
        &self,
        id: PesanId,
        now: DateTime<Utc>,
        data: &serde_json::Value,
    ) -> Result<(), InfraError> {
        outbox::Entity::update(outbox::ActiveModel {
            id: Set(id.to_string()),
            status: Set(TERKIRIM.into()),
            terkirim_pada: Set(Some(now)),
            data: Set(data.clone()),
            ..Default::default()
        })
        .exec(&self.db)
        .await
        .map_err(infra)?;
        Ok(())
    }

    async fn perpanjang(&self, ids: &[PesanId], now: DateTime<Utc>) -> Result<(), InfraError> {
        self.jatuh_tempo(ids, now + SEWA).await
    }

    async fn lepas(&self, ids: &[PesanId], now: DateTime<Utc>) -> Result<(), InfraError> {
        self.jatuh_tempo(ids, now).await
    }

    async fn tandai_gagal(
        &self,
        id: PesanId,
        galat: &str,
        coba_lagi: Option<DateTime<Utc>>,
    ) -> Result<(), InfraError> {
        let Some(m) = outbox::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
        else {
            return Ok(());
        };
        let mut am = outbox::ActiveModel {
            id: Set(m.id),
            percobaan: Set(m.percobaan + 1),
            galat_terakhir: Set(Some(galat.chars().take(1000).collect())),
            ..Default::default()
        };
        match coba_lagi {
            Some(t) => am.berikutnya = Set(t),
            None => am.status = Set(GAGAL.into()),
        }
        outbox::Entity::update(am)
            .exec(&self.db)
            .await
            .map_err(infra)?;
        Ok(())
    }
}

impl Store {
    /// Sets when the waiting messages `ids` are next due, in one statement.
    async fn jatuh_tempo(&self, ids: &[PesanId], pada: DateTime<Utc>) -> Result<(), InfraError> {
        if ids.is_empty() {
            return Ok(());
        }
        outbox::Entity::update_many()
            .col_expr(
                outbox::Column::Berikutnya,
                sea_orm::sea_query::Expr::val(pada),
            )
            .filter(outbox::Column::Status.eq(MENUNGGU))
            .filter(outbox::Column::Id.is_in(ids.iter().map(ToString::to_string)))
            .exec(&self.db)
            .await
            .map_err(infra)?;
        Ok(())
    }
}
