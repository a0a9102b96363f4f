//! The crate's one error type: the registration's own failures (logins, links, correction codes)
//! and, wrapped, the kinds every service shares ([`Galat`]: fields, PDFs, state, access,
//! infrastructure).

use pse_kernel::{GagalSimpan, InfraError};

pub use pse_kernel::{Galat, GalatIsian};

/// Everything a registration use case can answer instead of success.
#[derive(Debug, thiserror::Error)]
pub enum RegistrasiError {
    /// Wrong email or password (HTTP 401).
    #[error("Email atau kata sandi salah.")]
    KredensialSalah,
    /// Too many failed logins for this email from this address (HTTP 429, `Retry-After`).
    #[error(
        "Terlalu banyak percobaan masuk yang gagal dari perangkat ini. Coba lagi setelah {menit} menit."
    )]
    AkunTerkunci {
        /// Minutes until it opens again.
        menit: i64,
    },
    /// The account exists but cannot log in (HTTP 403).
    #[error("{0}")]
    AkunTidakAktif(String),
    /// The activation link is unknown, used or expired (HTTP 400).
    #[error(
        "Tautan aktivasi tidak berlaku: sudah dipakai, kedaluwarsa, atau salah. Minta admin menerbitkan tautan baru."
    )]
    TokenTidakBerlaku,
    /// The reset link is unknown, used or expired (HTTP 400).
    #[error(
        "Tautan atur ulang kata sandi tidak berlaku: sudah dipakai, lebih dari 1 jam, atau salah. Minta tautan baru di halaman Lupa kata sandi."
    )]
    TautanResetTidakBerlaku,
    /// The correction code does not match (HTTP 403).
    #[error("Kode perbaikan tidak cocok. Gunakan tautan dari email penolakan terakhir.")]
    KodePerbaikanSalah,
    /// A kind every service shares (fields, PDFs, state, access, infrastructure).
    #[error(transparent)]
    Umum(#[from] Galat),
}

impl From<InfraError> for RegistrasiError {
    fn from(e: InfraError) -> Self {
        Self::Umum(e.into())
    }
}

impl From<GagalSimpan> for RegistrasiError {
    fn from(e: GagalSimpan) -> Self {
        Self::Umum(e.into())
    }
}

impl RegistrasiError {
    /// A validation error on a single field.
    pub fn isian(field: &str, message: impl Into<String>) -> Self {
        Galat::isian(field, message).into()
    }
}
