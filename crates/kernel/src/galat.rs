//! Failures shared by every use case: a field's message, an infrastructure failure, a unit of
//! work that could not save, and [`Galat`], the kinds of answer every service gives instead of
//! success. Each domain crate's error is `Galat` or wraps it, so the web layer maps each kind to
//! HTTP in one place.

use crate::GalatPaging;
use crate::pdf::MasalahPdf;

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
#[derive(Debug, Clone, thiserror::Error)]
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

/// What a use case answers instead of success, for every kind the services share.
#[derive(Debug, thiserror::Error)]
pub enum Galat {
    /// Fields are missing or malformed (HTTP 422).
    #[error("Periksa kembali isian berikut.")]
    Validasi(Vec<GalatIsian>),
    /// The uploaded file is not a PDF, or one that is encrypted or acts when opened (HTTP 415).
    #[error("{0}")]
    PdfDitolak(MasalahPdf),
    /// The uploaded file is over the limit (HTTP 413).
    #[error("Ukuran dokumen melebihi batas {batas_mib} MiB.")]
    TerlaluBesar {
        /// The limit in MiB.
        batas_mib: u64,
    },
    /// Not allowed in the thing's current state (HTTP 409), with the reason for people.
    #[error("{0}")]
    StatusTidakSesuai(String),
    /// Someone else changed it first (HTTP 409).
    #[error("Data ini baru saja diubah orang lain, muat ulang.")]
    VersiBasi,
    /// Not found, or not visible to the actor (HTTP 404).
    #[error("Data tidak ditemukan.")]
    TidakDitemukan,
    /// The actor must log in (HTTP 401).
    #[error("Silakan masuk terlebih dahulu.")]
    BelumMasuk,
    /// The actor may not do this (HTTP 403).
    #[error("Anda tidak berwenang melakukan tindakan ini.")]
    Dilarang,
    /// A paging parameter out of range (HTTP 400).
    #[error(transparent)]
    Paging(#[from] GalatPaging),
    /// A failure of the database, storage or another adapter (HTTP 500 or, passing, 503; opaque).
    #[error(transparent)]
    Infra(#[from] InfraError),
}

impl Galat {
    /// A validation error on one field.
    pub fn isian(field: &str, message: impl Into<String>) -> Self {
        Self::Validasi(vec![GalatIsian::new(field, message)])
    }
}

/// Collected field messages as a result.
pub trait TolakBilaAda {
    /// `Ok` when there is none, else [`Galat::Validasi`] with them all.
    fn tolak_bila_ada(self) -> Result<(), Galat>;
}

impl TolakBilaAda for Vec<GalatIsian> {
    fn tolak_bila_ada(self) -> Result<(), Galat> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Galat::Validasi(self))
        }
    }
}

impl From<GagalSimpan> for Galat {
    /// A save lost to a concurrent change (or to a uniqueness rule a concurrent change won) asks
    /// the user to reload; anything else stays an infrastructure failure.
    fn from(e: GagalSimpan) -> Self {
        match e {
            GagalSimpan::VersiBasi | GagalSimpan::Duplikat(_) => Self::VersiBasi,
            GagalSimpan::Infra(i) => Self::Infra(i),
        }
    }
}
