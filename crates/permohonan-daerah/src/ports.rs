//! What the intake needs from the outside world: its requests and their unit of work (which
//! also saves the Sistem Elektronik a registration makes), the Dinas' petugas, each pemda's
//! office, and names for the papers. Documents go to the kernel's `DokumenStore`.

use crate::model::{PermohonanDaerah, Petugas, Tugas};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JamKerja, JendelaAntrian,
    PermohonanDaerahId, PesanEmail, UnitId,
};
use sistem_elektronik::model::SistemElektronik;

/// A pemda's office as the intake needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kantor {
    /// Whether the instansi is a Pemerintah Provinsi, Kabupaten or Kota (only those have it).
    pub pemda: bool,
    /// The province's code, which gives the time zone.
    pub provinsi: Option<String>,
    /// Its office hours.
    pub jam: JamKerja,
}

/// Which requests a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saring {
    /// What waits for this petugas now.
    Menunggu(AkunId, Tugas),
    /// Every request of a pemda.
    Instansi(InstansiId),
    /// An applicant's own requests.
    Pemohon(AkunId),
}

/// Reads of requests and the start of a unit of work.
#[async_trait::async_trait]
pub trait PermohonanDaerahRepo: Send + Sync {
    /// Starts a unit of work.
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaDaerah>, InfraError>;
    /// A request by id.
    async fn permohonan(
        &self,
        id: PermohonanDaerahId,
    ) -> Result<Option<PermohonanDaerah>, InfraError>;
    /// The requests `saring` selects of `instansi`, oldest first by application, in the window
    /// `j`, and how many there are.
    async fn daftar(
        &self,
        instansi: InstansiId,
        saring: Saring,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanDaerah>, u64), InfraError>;
    /// The active petugas behind an account, if it is one.
    async fn petugas(&self, akun: AkunId) -> Result<Option<Petugas>, InfraError>;
    /// The active petugas of `instansi` with `tugas`, by name.
    async fn petugas_bertugas(
        &self,
        instansi: InstansiId,
        tugas: Tugas,
    ) -> Result<Vec<Petugas>, InfraError>;
    /// The office of `instansi`.
    async fn kantor(&self, instansi: InstansiId) -> Result<Option<Kantor>, InfraError>;
    /// Keeps the office hours of `instansi` with the audit record, in one transaction.
    async fn simpan_jam_kerja(
        &self,
        instansi: InstansiId,
        jam: &JamKerja,
        audit: &AuditEvent,
    ) -> Result<(), GagalSimpan>;
    /// An account's name and email.
    async fn akun(&self, akun: AkunId) -> Result<Option<(String, String)>, InfraError>;
    /// A unit's name.
    async fn nama_unit(&self, unit: UnitId) -> Result<Option<String>, InfraError>;
}

/// One transaction: the request, the system a registration makes, the audit and the emails.
#[async_trait::async_trait]
pub trait UnitKerjaDaerah: Send {
    /// Saves a request (new at version 0, else version-checked).
    async fn simpan(&mut self, p: &PermohonanDaerah) -> Result<(), GagalSimpan>;
    /// Saves the Sistem Elektronik registered from a request.
    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan>;
    /// Appends an audit record.
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Enqueues an email.
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan>;
    /// Commits.
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan>;
}
