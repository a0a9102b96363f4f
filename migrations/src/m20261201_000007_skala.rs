//! Indexes for national scale: every list, filter and order the portal issues is served by an
//! index, and substring search by trigrams (`pg_trgm` GIN on PostgreSQL, an FTS5 trigram table on
//! SQLite kept in step by triggers).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000007_skala"
    }
}

/// Indexes both back ends share. The public registry's partial index carries the same predicate,
/// word for word, as the store's query, so both planners can prove it applies; it also holds the
/// filtered columns, so a page's ids are found in the index alone (no table row is read for the
/// rows a filter skips).
const BERSAMA: &[&str] = &[
    "CREATE INDEX IF NOT EXISTS sistem_publik ON sistem_elektronik \
     (nama_eksternal, id, kunci_nama, kategori, instansi_id) \
     WHERE publikasi AND status IN ('terdaftar', 'dalam_perubahan')",
    "CREATE INDEX IF NOT EXISTS sistem_nama ON sistem_elektronik (nama_eksternal, id)",
    "CREATE INDEX IF NOT EXISTS sistem_instansi_dibuat ON sistem_elektronik (instansi_id, dibuat_pada, id)",
    "CREATE INDEX IF NOT EXISTS sistem_antrian ON sistem_elektronik (masuk_antrian_pada, id) \
     WHERE status IN ('data_awal_diajukan', 'diajukan')",
    "CREATE INDEX IF NOT EXISTS audit_waktu ON audit (waktu, id)",
    // Superseded by `sistem_antrian`; left in place it tempts SQLite's planner away from
    // `sistem_publik` (one status holds most systems).
    "DROP INDEX IF EXISTS sistem_status",
];

const POSTGRES: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS sistem_cari_trgm ON sistem_elektronik USING gin (kunci_nama gin_trgm_ops)",
];

const SQLITE: &[&str] = &[
    "CREATE VIRTUAL TABLE IF NOT EXISTS sistem_cari USING fts5(kunci_nama, \
     content='sistem_elektronik', content_rowid='rowid', tokenize='trigram')",
    "INSERT INTO sistem_cari(sistem_cari) VALUES ('rebuild')",
    "CREATE TRIGGER IF NOT EXISTS sistem_cari_tambah AFTER INSERT ON sistem_elektronik BEGIN \
     INSERT INTO sistem_cari(rowid, kunci_nama) VALUES (new.rowid, new.kunci_nama); END",
    "CREATE TRIGGER IF NOT EXISTS sistem_cari_hapus AFTER DELETE ON sistem_elektronik BEGIN \
     INSERT INTO sistem_cari(sistem_cari, rowid, kunci_nama) VALUES ('delete', old.rowid, old.kunci_nama); END",
    "CREATE TRIGGER IF NOT EXISTS sistem_cari_ubah AFTER UPDATE OF kunci_nama ON sistem_elektronik BEGIN \
     INSERT INTO sistem_cari(sistem_cari, rowid, kunci_nama) VALUES ('delete', old.rowid, old.kunci_nama); \
     INSERT INTO sistem_cari(rowid, kunci_nama) VALUES (new.rowid, new.kunci_nama); END",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let khusus = match db.get_database_backend() {
            DatabaseBackend::Postgres => POSTGRES,
            _ => SQLITE,
        };
        for sql in BERSAMA.iter().chain(khusus) {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
