//! What change requests need from the outside world; systems are read through
//! [`sistem_elektronik::ports::SistemRepo`].

use crate::model::PermohonanPerubahan;
use pse_kernel::{
    AuditEvent, GagalSimpan, InfraError, JendelaAntrian, Lingkup, PerubahanId, PesanEmail,
    SistemId, UndanganSurvei,
};
use sistem_elektronik::model::SistemElektronik;

/// Reads of change requests and the start of a unit of work.
#[async_trait::async_trait]
pub trait PerubahanRepo: Send + Sync {
    /// Starts a unit of work.
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaPerubahan>, InfraError>;
    /// A request by id.
    async fn perubahan(&self, id: PerubahanId) -> Result<Option<PermohonanPerubahan>, InfraError>;
    /// The open request of a system, if any.
    async fn terbuka_untuk(
        &self,
        sistem: SistemId,
    ) -> Result<Option<PermohonanPerubahan>, InfraError>;
    /// The requests in `lingkup`, newest first.
    async fn daftar(&self, lingkup: Lingkup) -> Result<Vec<PermohonanPerubahan>, InfraError>;
    /// Every request of one system, newest first.
    async fn untuk_sistem(&self, sistem: SistemId) -> Result<Vec<PermohonanPerubahan>, InfraError>;
    /// Requests waiting for the admin in the window `j`, oldest first, and how many wait in all.
    async fn antrian(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanPerubahan>, u64), InfraError>;
}

/// One transaction: the request and its system change together.
#[async_trait::async_trait]
pub trait UnitKerjaPerubahan: Send {
    /// Saves a request (version-checked).
    async fn simpan_perubahan(&mut self, p: &PermohonanPerubahan) -> Result<(), GagalSimpan>;
    /// Saves the system it moves (version-checked).
    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan>;
    /// Appends an audit record.
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Enqueues an email.
    /// Records an invitation to the satisfaction survey (its email goes through `kirim_email`).
    async fn undang_survei(&mut self, u: &UndanganSurvei) -> Result<(), GagalSimpan>;
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan>;
    /// Commits.
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan>;
}
