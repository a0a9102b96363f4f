//! Shared kernel of the PSE Lingkup Publik domain: identifiers, the acting [`Actor`], the [`Clock`],
//! the working-day calendar, audit records, the email outbox port and paging.
//!
//! Architecture Invariant: no I/O crate is a dependency; every other domain crate builds on this one.

pub mod actor;
pub mod audit;
pub mod berkas;
pub mod clock;
pub mod galat;
pub mod ids;
pub mod kalender;
pub mod meja;
pub mod outbox;
pub mod paging;
pub mod pdf;
pub mod survei;
pub mod token;
pub mod waktu_kerja;
pub mod wilayah;

pub use actor::{Actor, Lingkup, Peran, Tugas};
pub use audit::AuditEvent;
pub use berkas::{IsiBerkas, KepalaKolom, PabrikTabel, PenulisTabel, Sel, Unduhan};
pub use clock::Clock;
pub use galat::{GagalSimpan, Galat, GalatIsian, InfraError, TolakBilaAda};
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
pub use survei::{LayananSurvei, UndanganSurvei};
pub use token::{TokenGenerator, hash_token};
pub use waktu_kerja::{JamKerja, PermintaanTenggat, WaktuKerja, ZonaWaktu};
pub use wilayah::{DaftarWilayah, Wilayah};

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
