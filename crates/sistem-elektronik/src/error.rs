//! The crate's error type: variants a user can cause carry an Indonesian message (and the field).

use pse_kernel::InfraError;

pub use pse_kernel::GalatIsian;

/// Everything a system use case can answer instead of success.
#[derive(Debug, thiserror::Error)]
pub enum SistemError {
    /// Fields are missing or malformed (HTTP 422).
    #[error("Periksa kembali isian berikut.")]
    Validasi(Vec<GalatIsian>),
    /// The uploaded file is not a PDF, or one that is encrypted or acts when opened (HTTP 415).
    #[error("{0}")]
    PdfDitolak(pse_kernel::pdf::MasalahPdf),
    /// The uploaded file is over the limit (HTTP 413).
    #[error("Ukuran dokumen melebihi batas {batas_mib} MiB.")]
    TerlaluBesar {
        /// The limit in MiB.
        batas_mib: u64,
    },
    /// Not allowed in the system's current state (HTTP 409).
    #[error("{0}")]
    StatusTidakSesuai(String),
    /// Someone else changed it first (HTTP 409).
    #[error("Data ini baru saja diubah orang lain, muat ulang.")]
    VersiBasi,
    /// Not found or not visible to the actor (HTTP 404).
    #[error("Data tidak ditemukan.")]
    TidakDitemukan,
    /// Must log in (HTTP 401).
    #[error("Silakan masuk terlebih dahulu.")]
    BelumMasuk,
    /// Not allowed (HTTP 403).
    #[error("Anda tidak berwenang melakukan tindakan ini.")]
    Dilarang,
    /// A paging parameter out of range (HTTP 400).
    #[error(transparent)]
    Paging(#[from] pse_kernel::GalatPaging),
    /// Infrastructure failure (HTTP 500, opaque).
    #[error(transparent)]
    Infra(#[from] InfraError),
}

impl SistemError {
    /// A validation error on one field.
    pub fn isian(field: &str, message: impl Into<String>) -> Self {
        Self::Validasi(vec![GalatIsian::new(field, message)])
    }
}

/// Turns collected field messages into a result.
pub(crate) trait GalatIsianExt {
    /// `Ok` when empty, else the validation error.
    fn tolak_bila_ada(self) -> Result<(), SistemError>;
}

impl GalatIsianExt for Vec<GalatIsian> {
    fn tolak_bila_ada(self) -> Result<(), SistemError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(SistemError::Validasi(self))
        }
    }
}
