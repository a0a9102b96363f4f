//! The store adapter: every repository port on sea-orm, one code path for PostgreSQL (production)
//! and embedded SQLite (the default, nothing to install).
//!
//! Architecture Invariant: row types stay in this crate; `DbErr` never reaches a domain type.

mod audit;
mod daerah;
mod entitas;
mod laporan;
mod meja;
mod outbox;
mod pengaduan;
mod penghitung;
mod percobaan;
mod perubahan;
mod peta;
mod referensi;
mod registrasi;
mod semai;
mod sep;
mod sesi;
mod sistem;
mod survei;
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
    hitungan: Arc<HitunganPublik>,
    /// The queue sources' lengths, let go on every commit that saved a queued kind of thing.
    antrian: Arc<HitunganPublik>,
}

/// Totals kept a short while (the public registry's by filter, the queue's by source): counting tens of thousands of
/// published systems on every request would cap the registry's rate. Every committed change to a
/// published system starts a new generation, so this instance never answers a total older than
/// its last such commit; another instance's commits show within [`HitunganPublik::SEGAR`], or
/// [`HitunganPublik::UMUR`] on a total nobody asked for since.
pub(crate) struct HitunganPublik {
    segar: Duration,
    generasi: std::sync::atomic::AtomicU64,
    simpanan: moka::future::Cache<(u64, String), Arc<Tersimpan>>,
}

/// A kept total and when it was counted.
struct Tersimpan {
    nilai: u64,
    pada: std::time::Instant,
    /// One request is counting it again.
    menghitung: std::sync::atomic::AtomicBool,
}

impl Tersimpan {
    fn baru(nilai: u64) -> Arc<Self> {
        Arc::new(Self {
            nilai,
            pada: std::time::Instant::now(),
            menghitung: std::sync::atomic::AtomicBool::new(false),
        })
    }
}

impl HitunganPublik {
    /// Age after which a kept total is counted again, by one request.
    const SEGAR: Duration = Duration::from_secs(30);
    /// Age after which a kept total is dropped.
    const UMUR: Duration = Duration::from_secs(60);

    fn baru() -> Self {
        Self::dengan(Self::SEGAR, Self::UMUR)
    }

    fn dengan(segar: Duration, umur: Duration) -> Self {
        Self {
            segar,
            generasi: std::sync::atomic::AtomicU64::new(0),
            simpanan: moka::future::Cache::builder()
                .max_capacity(10_000)
                .time_to_live(umur)
                .build(),
        }
    }

    /// The total kept under `kunci` in the current generation, else `hitung`'s, kept. Requests
    /// that miss together wait for one count instead of each running it; a kept total older than
    /// [`Self::SEGAR`] is counted again by the first request that sees it while the others
    /// answer the kept one (no request waits behind a recount of a total it already has).
    pub(crate) async fn atau_hitung(
        &self,
        kunci: String,
        hitung: impl Future<Output = Result<u64, InfraError>>,
    ) -> Result<u64, InfraError> {
        use std::sync::atomic::Ordering;
        let k = (self.generasi.load(Ordering::Acquire), kunci);
        if let Some(t) = self.simpanan.get(&k).await {
            if t.pada.elapsed() < self.segar || t.menghitung.swap(true, Ordering::AcqRel) {
                return Ok(t.nilai);
            }
            return match hitung.await {
                Ok(n) => {
                    self.simpanan.insert(k, Tersimpan::baru(n)).await;
                    Ok(n)
                }
                Err(e) => {
                    t.menghitung.store(false, Ordering::Release);
                    Err(e)
                }
            };
        }
        self.simpanan
            .try_get_with(k, async { hitung.await.map(Tersimpan::baru) })
            .await
            .map(|t| t.nilai)
            .map_err(|e| (*e).clone())
    }

    /// A published system changed (after its commit).
    pub(crate) fn berubah(&self) {
        self.generasi
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.db.get_database_backend())
            .finish()
    }
}

/// A database error as the domain sees it: an exhausted pool or a lost connection is passing
/// ([`InfraError::tidak_tersedia`], answered 503), anything else is a failure.
pub(crate) fn infra(e: DbErr) -> InfraError {
    if sementara(&e) {
        InfraError::tidak_tersedia(e)
    } else {
        InfraError::new(e)
    }
}

fn sementara(e: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as Sqlx;
    match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(s)) | DbErr::Query(RuntimeErr::SqlxError(s)) => matches!(
            s.as_ref(),
            Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::Io(_) | Sqlx::WorkerCrashed
        ),
        _ => false,
    }
}

impl Store {
    /// The window `j` of the queue `sumber`, ordered by (`masuk`, `id`), and how many it holds.
    pub(crate) async fn jendela<E>(
        &self,
        sumber: &str,
        q: sea_orm::Select<E>,
        masuk: E::Column,
        id: E::Column,
        j: &pse_kernel::JendelaAntrian,
    ) -> Result<(Vec<E::Model>, u64), InfraError>
    where
        E: sea_orm::EntityTrait,
        E::Model: Sync,
    {
        let (q, total) = self.pilih_jendela(sumber, q, masuk, id, j).await?;
        if total == 0 {
            return Ok((Vec::new(), 0));
        }
        Ok((q.all(&self.db).await.map_err(infra)?, total))
    }

    /// The query of the window `j` of the queue `sumber` (ordered, limited; choose its
    /// columns), and the queue's length, counted once between commits that change a queue (the
    /// overdue part of a queue, which grows with the clock, is counted each time). A length of
    /// 0 means the window is empty: the caller need not run the query (a desk page then asks
    /// only the queues that hold something).
    pub(crate) async fn pilih_jendela<E>(
        &self,
        sumber: &str,
        q: sea_orm::Select<E>,
        masuk: E::Column,
        id: E::Column,
        j: &pse_kernel::JendelaAntrian,
    ) -> Result<(sea_orm::Select<E>, u64), InfraError>
    where
        E: sea_orm::EntityTrait,
        E::Model: Sync,
    {
        use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, QuerySelect};
        let hitung = |q: sea_orm::Select<E>| async move {
            q.select_only()
                .column(id)
                .count(&self.db)
                .await
                .map_err(infra)
        };
        if let Some(t) = j.masuk_sebelum {
            // The overdue part moves with the clock: counted each time, on the same index.
            let q = q.filter(masuk.lt(t));
            let total = hitung(q.clone()).await?;
            return Ok((jendela_dari(q, masuk, id, j), total));
        }
        let total = self
            .antrian
            .atau_hitung(sumber.to_string(), hitung(q.clone()))
            .await?;
        Ok((jendela_dari(q, masuk, id, j), total))
    }
}

/// `q` after the window's cursor, in its order, limited.
fn jendela_dari<E: sea_orm::EntityTrait>(
    q: sea_orm::Select<E>,
    masuk: E::Column,
    id: E::Column,
    j: &pse_kernel::JendelaAntrian,
) -> sea_orm::Select<E> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    use sea_orm::{QueryFilter, QueryOrder, QuerySelect};
    let mut q = q;
    if let Some((t, i)) = &j.setelah {
        // Qualified by the table: a caller may join another that has an `id`.
        q = q.filter(
            Expr::tuple([
                Expr::col((E::default(), masuk)),
                Expr::col((E::default(), id)),
            ])
            .gt(Expr::tuple([Expr::val(*t), Expr::val(i.clone())])),
        );
    }
    q.order_by_asc(masuk).order_by_asc(id).limit(j.batas)
}

/// The connection pool's size and patience.
#[derive(Debug, Clone, Copy)]
pub struct PengaturanPool {
    /// Connections to PostgreSQL (SQLite always has one writer, so one connection).
    pub ukuran: u32,
    /// How long a request waits for a free connection before it is answered 503.
    pub tunggu: Duration,
}

impl Default for PengaturanPool {
    /// Four connections per core (at least eight), three seconds of waiting.
    fn default() -> Self {
        let inti = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self {
            ukuran: u32::try_from(inti * 4).unwrap_or(8).max(8),
            tunggu: Duration::from_secs(3),
        }
    }
}

impl Store {
    /// Connects to `url` (`postgres://…` or `sqlite://…?mode=rwc`) and runs the migrations.
    /// `clock` stamps outbox rows.
    pub async fn connect(url: &str, clock: Arc<dyn Clock>) -> Result<Self, InfraError> {
        Self::connect_dengan(url, clock, PengaturanPool::default()).await
    }

    /// [`Store::connect`] with a chosen pool.
    pub async fn connect_dengan(
        url: &str,
        clock: Arc<dyn Clock>,
        pool: PengaturanPool,
    ) -> Result<Self, InfraError> {
        let mut opt = ConnectOptions::new(url.to_string());
        opt.connect_timeout(Duration::from_secs(10))
            .acquire_timeout(pool.tunggu)
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
            opt.max_connections(pool.ukuran.max(1));
        }
        let db = Database::connect(opt).await.map_err(infra)?;
        let store = Self {
            db,
            clock,
            hitungan: Arc::new(HitunganPublik::baru()),
            antrian: Arc::new(HitunganPublik::baru()),
        };
        store.migrate().await?;
        if store.db.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
            // Without statistics SQLite's planner takes the status index over the registry's
            // partial index and sorts the whole registry (a sampled ANALYZE misjudges it too); a
            // full one takes under a tenth of a second for 100,000 systems.
            store.analisis().await?;
        }
        Ok(store)
    }

    /// Refreshes the planner's statistics (after a bulk load; PostgreSQL's autovacuum also does).
    pub async fn analisis(&self) -> Result<(), InfraError> {
        use sea_orm::ConnectionTrait;
        self.db.execute_unprepared("ANALYZE").await.map_err(infra)?;
        Ok(())
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
    /// Writes a consistent copy of a SQLite database to `berkas` (`VACUUM INTO`, while it is in
    /// use); on PostgreSQL the operator's `pg_dump` does this.
    pub async fn salin_sqlite(&self, berkas: &std::path::Path) -> Result<(), InfraError> {
        use sea_orm::ConnectionTrait;
        let jalur = berkas.to_string_lossy().replace('\'', "''");
        self.db
            .execute_unprepared(&format!("VACUUM INTO '{jalur}'"))
            .await
            .map(|_| ())
            .map_err(infra)
    }

    /// How many outbox rows wait to be sent and how many failed for good (for the operator's
    /// metrics; the sent ones are not counted).
    pub async fn hitung_outbox(&self) -> Result<(u64, u64), InfraError> {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let n = |status: &'static str| {
            entitas::outbox::Entity::find()
                .filter(entitas::outbox::Column::Status.eq(status))
                .count(&self.db)
        };
        Ok((
            n(outbox::MENUNGGU).await.map_err(infra)?,
            n(outbox::GAGAL).await.map_err(infra)?,
        ))
    }

    /// The connection pool: open connections and idle ones.
    pub fn kolam_koneksi(&self) -> (u32, usize) {
        match self.db.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                let p = self.db.get_postgres_connection_pool();
                (p.size(), p.num_idle())
            }
            _ => {
                let p = self.db.get_sqlite_connection_pool();
                (p.size(), p.num_idle())
            }
        }
    }

    /// The store's clock (the same time the sessions expire by).
    pub fn sekarang(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The raw connection, for tests and operational commands.
    pub fn koneksi(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Closes the pool.
    pub async fn close(self) {
        let _ = self.db.close().await;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A count that answers `n` and tallies how often it ran.
    async fn hitung(kali: &AtomicU32, n: u64) -> Result<u64, InfraError> {
        kali.fetch_add(1, Ordering::SeqCst);
        Ok(n)
    }

    #[tokio::test]
    async fn a_stale_total_is_recounted_by_one_request_while_the_others_answer_the_kept_one() {
        let h = HitunganPublik::dengan(Duration::from_millis(50), Duration::from_secs(60));
        let kali = AtomicU32::new(0);
        let k = || "publik".to_string();
        assert_eq!(h.atau_hitung(k(), hitung(&kali, 5)).await.unwrap(), 5);
        assert_eq!(h.atau_hitung(k(), hitung(&kali, 6)).await.unwrap(), 5);
        assert_eq!(kali.load(Ordering::SeqCst), 1, "kept: not counted again");

        tokio::time::sleep(Duration::from_millis(60)).await;
        let (mulai, lanjut) = (tokio::sync::Notify::new(), tokio::sync::Notify::new());
        let lambat = async {
            mulai.notify_one();
            lanjut.notified().await;
            hitung(&kali, 7).await
        };
        let lain = async {
            mulai.notified().await;
            // While the first recounts, another request answers the kept total at once.
            let n = h.atau_hitung(k(), hitung(&kali, 8)).await.unwrap();
            lanjut.notify_one();
            n
        };
        let (a, b) = tokio::join!(h.atau_hitung(k(), lambat), lain);
        assert_eq!((a.unwrap(), b), (7, 5));
        assert_eq!(kali.load(Ordering::SeqCst), 2, "one recount");
        assert_eq!(h.atau_hitung(k(), hitung(&kali, 9)).await.unwrap(), 7);

        h.berubah();
        assert_eq!(h.atau_hitung(k(), hitung(&kali, 10)).await.unwrap(), 10);
        assert_eq!(kali.load(Ordering::SeqCst), 3, "a commit: counted afresh");
    }
}
