//! What reports need from the outside world: stored configurations, the systems in scope, and a
//! spreadsheet writer.

use crate::model::{FilterLaporan, KonfigurasiLaporan, RekapNasional, SistemLaporan};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, Kursor, LaporanId, Lingkup, PabrikTabel,
};

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

/// Makes the report's files: one sheet through [`PabrikTabel`], and the national recap.
pub trait PabrikBerkas: PabrikTabel {
    /// The national recap workbook, with its chart.
    fn rekap(&self, r: &RekapNasional) -> Result<Vec<u8>, InfraError>;
}
