//! The change requests' error: one failure of their own, every other a shared kind.

use pse_kernel::{GagalSimpan, Galat, InfraError};

/// Everything a change request use case can answer instead of success.
#[derive(Debug, thiserror::Error)]
pub enum PerubahanError {
    /// The system already has a request that is not finished (HTTP 409, R-PD-02); also what a
    /// second request racing the first is told when the store's unique rule refuses it.
    #[error(
        "Sistem ini sudah memiliki pengajuan perubahan yang belum selesai; selesaikan atau tunggu keputusannya dahulu."
    )]
    SudahAdaPengajuan,
    /// A kind every service shares (fields, state, access, infrastructure).
    #[error(transparent)]
    Umum(#[from] Galat),
}

impl From<InfraError> for PerubahanError {
    fn from(e: InfraError) -> Self {
        Self::Umum(e.into())
    }
}

impl From<GagalSimpan> for PerubahanError {
    fn from(e: GagalSimpan) -> Self {
        match e {
            GagalSimpan::Duplikat(_) => Self::SudahAdaPengajuan,
            e => Self::Umum(e.into()),
        }
    }
}
