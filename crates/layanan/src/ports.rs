//! What the services need from the outside world: the complaints' store with its unit of work,
//! and the survey's. Tokens and the clock are the kernel's ports.

use crate::pengaduan::{NomorPengaduan, Pengaduan, StatusPengaduan};
use crate::survei::{Ikm, Jawaban, JawabanSurvei};
use chrono::{DateTime, Utc};
use pse_kernel::{
    AuditEvent, GagalSimpan, InfraError, JendelaAntrian, PengaduanId, PesanEmail, SurveiId,
    UndanganSurvei,
};

/// Reads of complaints, and the start of a unit of work for writes.
#[async_trait::async_trait]
pub trait PengaduanRepo: Send + Sync {
    /// Starts a unit of work: everything saved through it commits together or not at all.
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaPengaduan>, InfraError>;
    /// A complaint by number.
    async fn dengan_nomor(&self, nomor: NomorPengaduan) -> Result<Option<Pengaduan>, InfraError>;
    /// A complaint by id.
    async fn pengaduan(&self, id: PengaduanId) -> Result<Option<Pengaduan>, InfraError>;
    /// Complaints in `status` (every open one when none), oldest first, in the window `j`, and
    /// how many there are.
    async fn daftar(
        &self,
        status: Option<StatusPengaduan>,
        j: &JendelaAntrian,
    ) -> Result<(Vec<Pengaduan>, u64), InfraError>;
}

/// One transaction of writes.
#[async_trait::async_trait]
pub trait UnitKerjaPengaduan: Send {
    /// The next number's place in `tahun` (the highest given plus one), inside this transaction;
    /// two transactions that take the same one cannot both commit (the number is unique).
    async fn urut_berikutnya(&mut self, tahun: i32) -> Result<u32, GagalSimpan>;
    /// Saves a complaint (new at version 0, else checked against its version).
    async fn simpan(&mut self, p: &Pengaduan) -> Result<(), GagalSimpan>;
    /// Queues an email in the outbox.
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan>;
    /// Records an audit event.
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Commits.
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan>;
}

/// The survey's store: invitations are written by the services that finish something (through
/// their units of work); this port reads them and keeps their answers.
#[async_trait::async_trait]
pub trait SurveiRepo: Send + Sync {
    /// The invitation whose token hashes to `hash`, and whether it was answered.
    async fn undangan(&self, hash: &str) -> Result<Option<(UndanganSurvei, bool)>, InfraError>;
    /// Keeps the answer of the invitation `hash` if it has none yet, in one atomic statement;
    /// `false` when it was answered already (or does not exist).
    async fn jawab(
        &self,
        hash: &str,
        jawaban: &Jawaban,
        saran: Option<&str>,
        pada: DateTime<Utc>,
    ) -> Result<bool, InfraError>;
    /// The index of the answers given from `dari` up to (not including) `sampai`.
    async fn ikm(&self, dari: DateTime<Utc>, sampai: DateTime<Utc>) -> Result<Ikm, InfraError>;
    /// The answers given from `dari` up to (not including) `sampai`, by answer time then id:
    /// `batas` of them after `setelah` (from the first when `None`), read along the index of
    /// answer times at any depth.
    async fn jawaban(
        &self,
        dari: DateTime<Utc>,
        sampai: DateTime<Utc>,
        setelah: Option<(DateTime<Utc>, SurveiId)>,
        batas: u64,
    ) -> Result<Vec<JawabanSurvei>, InfraError>;
}
