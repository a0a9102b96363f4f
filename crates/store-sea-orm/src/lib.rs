//! The store adapter: every repository port on sea-orm, one code path for PostgreSQL (production)
//! and embedded SQLite (the default, nothing to install).
//!
//! Architecture Invariant: row types stay in this crate; `DbErr` never reaches a domain type.

mod audit;
mod entitas;
mod laporan;
mod outbox;
mod perubahan;
mod peta;
mod referensi;
mod registrasi;
mod sesi;
mod sistem;
#[cfg(feature = "uji")]
pub mod uji;

pub use referensi::RekamLibur;
pub use sesi::{KUNCI_AKUN, SesiStore};

use pse_kernel::{Clock, InfraError};
use pse_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::sync::Arc;
use std::time::Duration;

/// A connection pool to the portal's database.
#[derive(Clone)]
pub struct Store {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.db.get_database_backend())
            .finish()
    }
}

pub(crate) fn infra(e: DbErr) -> InfraError {
    InfraError::new(e)
}

impl Store {
    /// Connects to `url` (`postgres://…` or `sqlite://…?mode=rwc`) and runs the migrations.
    /// `clock` stamps outbox rows.
    pub async fn connect(url: &str, clock: Arc<dyn Clock>) -> Result<Self, InfraError> {
        let mut opt = ConnectOptions::new(url.to_string());
        opt.connect_timeout(Duration::from_secs(10))
            .sqlx_logging(false);
        if url.starts_with("sqlite:") {
            // SQLite has one writer at a time: a single pooled connection serialises units of work
            // instead of failing them with "database is locked".
            opt.max_connections(1).map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
        } else {
            opt.max_connections(16);
        }
        let db = Database::connect(opt).await.map_err(infra)?;
        let store = Self { db, clock };
        store.migrate().await?;
        Ok(store)
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), InfraError> {
        Migrator::up(&self.db, None).await.map_err(infra)
    }

    /// Whether the database answers (readiness).
    pub async fn siap(&self) -> bool {
        self.db.ping().await.is_ok()
    }

    /// The SQLite URL of a file in `dir` (created if missing).
    pub fn url_sqlite(dir: &std::path::Path) -> String {
        format!("sqlite://{}?mode=rwc", dir.join("pse.sqlite").display())
    }
}

impl Store {
    /// The raw connection, for tests and operational commands.
    pub fn koneksi(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Closes the pool.
    pub async fn close(self) {
        let _ = self.db.close().await;
    }
}
