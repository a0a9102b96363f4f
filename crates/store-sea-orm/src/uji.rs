//! Test support: a fresh database per test, on SQLite always and on PostgreSQL when
//! `PSE_TEST_POSTGRES_URL` is set (`PSE_REQUIRE_POSTGRES=1` turns its absence into a failure).

#![allow(clippy::panic)]

use sea_orm::{ConnectionTrait, Database};

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite in a temporary folder.
    Sqlite,
    /// A fresh database on the PostgreSQL server of `PSE_TEST_POSTGRES_URL`.
    Postgres,
}

/// The back ends to run on: SQLite, and PostgreSQL when configured.
///
/// # Panics
/// When `PSE_REQUIRE_POSTGRES=1` and `PSE_TEST_POSTGRES_URL` is not set.
pub fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    match std::env::var("PSE_TEST_POSTGRES_URL") {
        Ok(u) if !u.is_empty() => v.push(Backend::Postgres),
        _ if std::env::var("PSE_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("PSE_REQUIRE_POSTGRES=1 tetapi PSE_TEST_POSTGRES_URL tidak diset")
        }
        _ => {}
    }
    v
}

/// A fresh, empty database; dropped (PostgreSQL) or deleted (SQLite) by [`BasisDataUji::hapus`] or
/// when the process's temporary folder goes.
#[derive(Debug)]
pub struct BasisDataUji {
    /// Its connection URL.
    pub url: String,
    nama_pg: Option<(String, String)>,
    _dir: Option<std::path::PathBuf>,
}

fn acak() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

impl BasisDataUji {
    /// Creates one on `backend`.
    pub async fn baru(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("pse-uji-{}", acak()));
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    panic!("folder uji: {e}");
                }
                Self {
                    url: crate::Store::url_sqlite(&dir),
                    nama_pg: None,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let dasar = std::env::var("PSE_TEST_POSTGRES_URL").unwrap_or_default();
                let nama = format!("pse_uji_{}", acak());
                let db = match Database::connect(&dasar).await {
                    Ok(db) => db,
                    Err(e) => panic!("tidak dapat terhubung ke {dasar}: {e}"),
                };
                if let Err(e) = db
                    .execute_unprepared(&format!("CREATE DATABASE {nama}"))
                    .await
                {
                    panic!("CREATE DATABASE: {e}");
                }
                let _ = db.close().await;
                let (awal, _) = dasar.rsplit_once('/').unwrap_or((&dasar, ""));
                Self {
                    url: format!("{awal}/{nama}"),
                    nama_pg: Some((dasar.clone(), nama)),
                    _dir: None,
                }
            }
        }
    }

    /// On PostgreSQL, refuses new connections and ends the open ones (`true`), or lets them in
    /// again (`false`): a database outage for drills. Answers whether it could (not on SQLite).
    pub async fn padam(&self, padam: bool) -> bool {
        let Some((dasar, nama)) = &self.nama_pg else {
            return false;
        };
        let Ok(db) = Database::connect(dasar).await else {
            return false;
        };
        let mut sql = vec![format!(
            "ALTER DATABASE {nama} ALLOW_CONNECTIONS {}",
            !padam
        )];
        if padam {
            sql.push(format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{nama}'"
            ));
        }
        let mut jadi = true;
        for q in sql {
            jadi &= db.execute_unprepared(&q).await.is_ok();
        }
        let _ = db.close().await;
        jadi
    }

    /// Drops the database.
    pub async fn hapus(self) {
        if let Some((dasar, nama)) = &self.nama_pg
            && let Ok(db) = Database::connect(dasar).await
        {
            let _ = db
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {nama} WITH (FORCE)"))
                .await;
            let _ = db.close().await;
        }
        if let Some(dir) = &self._dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
