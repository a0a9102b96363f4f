//! The crate's one error type. Variants a user can cause carry an Indonesian message (and the field);
//! infrastructure failures are one opaque variant.

use pse_kernel::InfraError;

pub use pse_kernel::GalatIsian;

/// Everything a registration use case can answer instead of success.
#[derive(Debug, thiserror::Error)]
pub enum RegistrasiError {
    /// One or more fields are missing or malformed (HTTP 422).
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
    /// The thing is not in a state that allows this (HTTP 409).
    #[error("{0}")]
    StatusTidakSesuai(String),
    /// Someone else changed the data first (HTTP 409).
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
    /// A failure of the database, storage or another adapter (HTTP 500, opaque).
    #[error(transparent)]
    Infra(#[from] InfraError),
}

impl RegistrasiError {
    /// A validation error on a single field.
    pub fn isian(field: &str, message: impl Into<String>) -> Self {
        Self::Validasi(vec![GalatIsian::new(field, message)])
    }
}
