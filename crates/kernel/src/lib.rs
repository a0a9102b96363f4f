//! Shared kernel of the PSE Lingkup Publik domain: identifiers, the acting [`Actor`], the [`Clock`],
//! the working-day calendar, audit records, the email outbox port and paging.
//!
//! Architecture Invariant: no I/O crate is a dependency; every other domain crate builds on this one.

pub mod actor;
pub mod audit;
pub mod clock;
pub mod ids;
pub mod kalender;
pub mod meja;
pub mod outbox;
pub mod paging;
pub mod pdf;

pub use actor::{Actor, Lingkup, Peran};
pub use audit::AuditEvent;
pub use clock::Clock;
pub use ids::*;
pub use kalender::{HariLibur, KalenderKerja};
pub use meja::{
    Diputuskan, GalatMeja, ItemAntrian, JenisAntrian, Keputusan, KeputusanTercatat, MejaVerifikasi,
    RingkasanJenis, RiwayatKeputusan, SaringAntrian, SumberAntrian,
};
pub use outbox::{Outbox, PesanEmail, PesanKeluar, PesanTertunda, StatusKirim, Surel};
pub use paging::{
    BATAS_MAKS, GalatPaging, HALAMAN_MAKS, Halaman, JendelaAntrian, Kursor, Paging, Posisi,
    UKURAN_HALAMAN, UKURAN_HALAMAN_AUDIT,
};

/// A message about one form field, shared by every domain crate's validation errors.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GalatIsian {
    /// The field's name in the API contract (`email`, `nip`, …).
    pub field: String,
    /// What is wrong, in Indonesian.
    pub message: String,
}

impl GalatIsian {
    /// A message for `field`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An infrastructure failure (database, file system, network) that no user can cause or fix.
///
/// It carries the cause for the log; users only ever see an opaque message.
/// A failure marked [`InfraError::tidak_tersedia`] is passing (a saturated pool, a database that
/// does not answer): the web layer answers it 503 with `Retry-After`, never 500.
#[derive(Debug, thiserror::Error)]
#[error("kegagalan infrastruktur: {sebab}")]
pub struct InfraError {
    /// The cause, for the log.
    pub sebab: String,
    /// Whether the failure passes by itself (retry later).
    pub sementara: bool,
}

impl InfraError {
    /// Wraps any displayable cause.
    pub fn new(cause: impl std::fmt::Display) -> Self {
        Self {
            sebab: cause.to_string(),
            sementara: false,
        }
    }

    /// A passing failure: the resource is saturated or briefly unreachable.
    pub fn tidak_tersedia(cause: impl std::fmt::Display) -> Self {
        Self {
            sebab: cause.to_string(),
            sementara: true,
        }
    }
}

/// Why a unit of work could not save.
#[derive(Debug, thiserror::Error)]
pub enum GagalSimpan {
    /// The aggregate was changed by someone else since it was read.
    #[error("versi data sudah berubah")]
    VersiBasi,
    /// A uniqueness rule of the store refused the row (the constraint's name).
    #[error("data ganda: {0}")]
    Duplikat(String),
    /// Anything else.
    #[error(transparent)]
    Infra(#[from] InfraError),
}

/// Stores uploaded documents by SHA-256 (shared by every domain that takes uploads).
#[async_trait::async_trait]
pub trait DokumenStore: Send + Sync {
    /// Stores `isi` under `sha256` (idempotent).
    async fn simpan(&self, sha256: &str, isi: Vec<u8>) -> Result<(), InfraError>;
    /// The document stored under `sha256`.
    async fn ambil(&self, sha256: &str) -> Result<Option<Vec<u8>>, InfraError>;
}

/// Reads the back office's logs: the audit trail (R-X-01; records are written through each
/// domain's unit of work) and the emails not yet delivered.
#[async_trait::async_trait]
pub trait AuditLog: Send + Sync {
    /// Records about `subjek_id` (all when `None`), newest first, one page.
    async fn daftar(
        &self,
        subjek_id: Option<&str>,
        page: u64,
    ) -> Result<Halaman<AuditEvent>, InfraError>;
    /// Emails waiting for a retry or given up, newest first.
    async fn surel_tertunda(&self) -> Result<Vec<PesanTertunda>, InfraError>;
}
