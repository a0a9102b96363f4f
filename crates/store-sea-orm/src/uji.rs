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

/// What a test reads of a store besides its ports: the emails its units of work wrote, how many
/// rows a table holds, the survey invitations, and the sessions of an account (a session opened
/// here is what ending an account's sessions must remove).
impl crate::Store {
    /// Every email written to the outbox, oldest first.
    pub async fn uji_surel(&self) -> Vec<pse_kernel::PesanEmail> {
        use crate::entitas::outbox;
        use sea_orm::{EntityTrait, QueryOrder};
        outbox::Entity::find()
            .order_by_asc(outbox::Column::DibuatPada)
            .order_by_asc(outbox::Column::Id)
            .all(self.koneksi())
            .await
            .unwrap_or_else(|e| panic!("outbox: {e}"))
            .into_iter()
            .map(|m| pse_kernel::PesanEmail {
                kepada: m.kepada,
                template: m.template,
                data: m.data,
            })
            .collect()
    }

    /// How many rows `tabel` holds.
    pub async fn uji_jumlah(&self, tabel: &str) -> u64 {
        let sql = format!("SELECT COUNT(*) AS n FROM {tabel}");
        let baris = self
            .koneksi()
            .query_one_raw(sea_orm::Statement::from_string(
                self.koneksi().get_database_backend(),
                sql,
            ))
            .await
            .unwrap_or_else(|e| panic!("{tabel}: {e}"));
        baris
            .and_then(|b| b.try_get::<i64>("", "n").ok())
            .map_or(0, |n| u64::try_from(n).unwrap_or(0))
    }

    /// Every survey invitation, by the order they were made.
    pub async fn uji_survei(&self) -> Vec<pse_kernel::UndanganSurvei> {
        use crate::entitas::survei;
        use layanan::ports::SurveiRepo as _;
        use sea_orm::{EntityTrait, QueryOrder};
        let mut v = Vec::new();
        for m in survei::Entity::find()
            .order_by_asc(survei::Column::DibuatPada)
            .all(self.koneksi())
            .await
            .unwrap_or_else(|e| panic!("undangan_survei: {e}"))
        {
            if let Ok(Some((u, _))) = self.undangan(&m.hash_token).await {
                v.push(u);
            }
        }
        v
    }

    /// Opens a session of `akun` (as a login would), valid for a day.
    pub async fn uji_buka_sesi(&self, akun: pse_kernel::AkunId) {
        use crate::entitas::sesi;
        use sea_orm::{ActiveValue::Set, EntityTrait};
        sesi::Entity::insert(sesi::ActiveModel {
            id: Set(uuid::Uuid::new_v4().simple().to_string()),
            data: Set("{}".into()),
            kedaluwarsa: Set(self.sekarang() + chrono::Duration::days(1)),
            akun_id: Set(Some(akun.to_string())),
        })
        .exec_without_returning(self.koneksi())
        .await
        .unwrap_or_else(|e| panic!("sesi: {e}"));
    }

    /// How many sessions of `akun` are kept.
    pub async fn uji_sesi(&self, akun: pse_kernel::AkunId) -> u64 {
        use crate::entitas::sesi;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        sesi::Entity::find()
            .filter(sesi::Column::AkunId.eq(akun.to_string()))
            .count(self.koneksi())
            .await
            .unwrap_or_else(|e| panic!("sesi: {e}"))
    }
}
