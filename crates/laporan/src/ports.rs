//! What reports need from the outside world: stored configurations, the systems in scope, and a
//! spreadsheet writer.

use crate::model::{FilterLaporan, Kolom, KonfigurasiLaporan, RekapNasional, Sel, SistemLaporan};
use pse_kernel::{AkunId, AuditEvent, GagalSimpan, InfraError, Kursor, LaporanId, Lingkup};

/// Configurations and the read model of systems.
#[async_trait::async_trait]
pub trait LaporanRepo: Send + Sync {
    /// A configuration by id.
    async fn konfigurasi(&self, id: LaporanId) -> Result<Option<KonfigurasiLaporan>, InfraError>;
    /// An account's configurations, newest first.
    async fn milik(&self, pemilik: AkunId) -> Result<Vec<KonfigurasiLaporan>, InfraError>;
    /// Saves a configuration (version-checked) with its audit record, in one transaction.
    async fn simpan(&self, k: &KonfigurasiLaporan, audit: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Deletes a configuration with its audit record, in one transaction.
    async fn hapus(&self, id: LaporanId, audit: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Systems in `lingkup` matching `filter`, by name then id: `batas` of them after the
    /// cursor `setelah` (from the first when `None`), read along an index at any depth.
    async fn sistem(
        &self,
        lingkup: Lingkup,
        filter: &FilterLaporan,
        setelah: Option<&Kursor>,
        batas: u64,
    ) -> Result<Vec<SistemLaporan>, InfraError>;
}

/// Writes one report sheet row by row (the header first); rows are not kept once written.
pub trait LaporanWriter: Send {
    /// The header row of `kolom`.
    fn judul(&mut self, kolom: &[Kolom]) -> Result<(), InfraError>;
    /// One row of cells, in the header's order.
    fn baris(&mut self, sel: &[Sel]) -> Result<(), InfraError>;
    /// The finished file.
    fn selesai(self: Box<Self>) -> Result<IsiBerkas, InfraError>;
}

/// The bytes of a finished file: its length and a reader over them, so a large report is sent
/// from where it was written (a temporary file) and never held whole in memory.
pub struct IsiBerkas {
    /// Length in bytes.
    pub panjang: u64,
    /// The bytes, from the first.
    pub isi: Box<dyn std::io::Read + Send>,
}

impl IsiBerkas {
    /// A file already in memory.
    pub fn dari_memori(isi: Vec<u8>) -> Self {
        Self {
            panjang: isi.len() as u64,
            isi: Box::new(std::io::Cursor::new(isi)),
        }
    }

    /// Reads the whole file into memory (for tests and small files).
    pub fn baca_semua(mut self) -> std::io::Result<Vec<u8>> {
        let mut v = Vec::with_capacity(usize::try_from(self.panjang).unwrap_or(0));
        std::io::Read::read_to_end(&mut self.isi, &mut v)?;
        Ok(v)
    }
}

impl std::fmt::Debug for IsiBerkas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IsiBerkas")
            .field("panjang", &self.panjang)
            .finish_non_exhaustive()
    }
}

/// Makes spreadsheet files.
pub trait PabrikBerkas: Send + Sync {
    /// A writer for a report named `nama`.
    fn laporan(&self, nama: &str) -> Result<Box<dyn LaporanWriter>, InfraError>;
    /// The national recap workbook, with its chart.
    fn rekap(&self, r: &RekapNasional) -> Result<Vec<u8>, InfraError>;
}
