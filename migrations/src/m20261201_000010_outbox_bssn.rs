//! The BSSN notice of a Tanda Daftar found by its number in one index lookup, however many emails
//! the outbox holds (R-SE-08: a system shows its notice's delivery state).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000010_outbox_bssn"
    }
}

/// The expression the store queries, word for word (`status_notifikasi_bssn`).
pub fn nomor_bssn(backend: DatabaseBackend) -> &'static str {
    match backend {
        DatabaseBackend::Sqlite => "CAST(json_extract(data, '$.nomor') AS TEXT)",
        _ => "(data ->> 'nomor')",
    }
}

/// The partial index's predicate, word for word in the query too.
pub const PREDIKAT_BSSN: &str = "template = 'notifikasi_bssn'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let sql = format!(
            "CREATE INDEX outbox_bssn_nomor ON outbox (({})) WHERE {PREDIKAT_BSSN}",
            nomor_bssn(m.get_database_backend())
        );
        m.get_connection().execute_unprepared(&sql).await?;
        Ok(())
    }
}
