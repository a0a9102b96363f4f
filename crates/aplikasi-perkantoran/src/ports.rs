//! What the office-application service needs from the outside world: its catalogue, requests,
//! users and misuse cases with one unit of work (which also makes the Admin Pengelola's portal
//! account and activation link), the applications' sync tokens, and the instansi it names.

use crate::katalog::AplikasiPerkantoran;
use crate::pengguna::PenggunaSep;
use crate::penyalahgunaan::Penyalahgunaan;
use crate::permohonan::PermohonanSep;
use chrono::{DateTime, Utc};
use pse_kernel::{
    AkunId, AplikasiId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian,
    PenggunaSepId, PenyalahgunaanId, PermohonanSepId, PesanEmail,
};
use registrasi_pejabat::model::{Akun, TokenAktivasi};
use std::collections::HashMap;

/// A change of a user's state, as the office application reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerubahanPengguna {
    /// The user.
    pub pengguna: PenggunaSep,
    /// When its state last changed.
    pub pada: DateTime<Utc>,
}

/// Reads, and the start of a unit of work.
#[async_trait::async_trait]
pub trait SepRepo: Send + Sync {
    /// Starts a unit of work.
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSep>, InfraError>;
    /// The catalogue, by name (a short list the Minister sets).
    async fn katalog(&self) -> Result<Vec<AplikasiPerkantoran>, InfraError>;
    /// One application of the catalogue.
    async fn aplikasi(&self, id: AplikasiId) -> Result<Option<AplikasiPerkantoran>, InfraError>;
    /// The names of the instansi `ids` that exist, in one read.
    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError>;
    /// A request.
    async fn permohonan(&self, id: PermohonanSepId) -> Result<Option<PermohonanSep>, InfraError>;
    /// Requests waiting for the Direktorat (applied or complete), oldest first, in the window,
    /// and how many wait; with `terlambat_pada`, only those whose next step
    /// ([`PermohonanSep::tenggat_meja`]) was due before it.
    async fn antrian(
        &self,
        j: &JendelaAntrian,
        terlambat_pada: Option<DateTime<Utc>>,
    ) -> Result<(Vec<PermohonanSep>, u64), InfraError>;
    /// Complete requests whose reminder to the Direktorat is due at `pada`
    /// ([`PermohonanSep::ingat_pada`]), at most `batas`.
    async fn perlu_diingatkan(
        &self,
        pada: DateTime<Utc>,
        batas: u64,
    ) -> Result<Vec<PermohonanSep>, InfraError>;
    /// The active admins' names and addresses (the Direktorat's reminders go to them), at most
    /// `batas`.
    async fn email_admin(&self, batas: u64) -> Result<Vec<(String, String)>, InfraError>;
    /// A user.
    async fn pengguna(&self, id: PenggunaSepId) -> Result<Option<PenggunaSep>, InfraError>;
    /// The Admin Pengelola behind a portal account.
    async fn pengguna_akun(&self, akun: AkunId) -> Result<Option<PenggunaSep>, InfraError>;
    /// The user of `aplikasi` with `email`, if any.
    async fn pengguna_email(
        &self,
        aplikasi: AplikasiId,
        email: &str,
    ) -> Result<Option<PenggunaSep>, InfraError>;
    /// The active Admin Pengelola of `instansi` for `aplikasi`, if any.
    async fn admin_aktif(
        &self,
        aplikasi: AplikasiId,
        instansi: InstansiId,
    ) -> Result<Option<PenggunaSep>, InfraError>;
    /// The users of `instansi` for `aplikasi`, by name, in the window (ordered by name and id).
    async fn pengguna_instansi(
        &self,
        aplikasi: AplikasiId,
        instansi: InstansiId,
        batas: u64,
    ) -> Result<Vec<PenggunaSep>, InfraError>;
    /// A misuse case.
    async fn penyalahgunaan(
        &self,
        id: PenyalahgunaanId,
    ) -> Result<Option<Penyalahgunaan>, InfraError>;
    /// Every case, newest first, in the window (by recording time).
    async fn daftar_penyalahgunaan(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<Penyalahgunaan>, u64), InfraError>;
    /// How many misuses of `pengguna` were proven (deactivations).
    async fn terbukti(&self, pengguna: PenggunaSepId) -> Result<u32, InfraError>;
    /// Cases still waiting for an answer whose due time is before `sebelum`, at most `batas`.
    async fn menunggu_jawaban(
        &self,
        sebelum: DateTime<Utc>,
        batas: u64,
    ) -> Result<Vec<Penyalahgunaan>, InfraError>;
    /// Users of `aplikasi` whose state changed after the cursor `(time, id)`, in that order.
    async fn perubahan_pengguna(
        &self,
        aplikasi: AplikasiId,
        setelah: Option<(DateTime<Utc>, PenggunaSepId)>,
        batas: u64,
    ) -> Result<Vec<PerubahanPengguna>, InfraError>;
    /// The application whose sync token hashes to `hash`.
    async fn aplikasi_token(&self, hash: &str) -> Result<Option<AplikasiId>, InfraError>;
    /// Claims the scheduled job `nama` until `sampai` unless another instance holds it at
    /// `sekarang`: one atomic statement, so only one instance runs it.
    async fn klaim_jadwal(
        &self,
        nama: &str,
        sekarang: DateTime<Utc>,
        sampai: DateTime<Utc>,
    ) -> Result<bool, InfraError>;
}

/// One transaction of writes.
#[async_trait::async_trait]
pub trait UnitKerjaSep: Send {
    /// Saves a catalogue entry.
    async fn simpan_aplikasi(&mut self, a: &AplikasiPerkantoran) -> Result<(), GagalSimpan>;
    /// Sets (or with `None` revokes) the hash of an application's sync token.
    async fn simpan_token_aplikasi(
        &mut self,
        aplikasi: AplikasiId,
        hash: Option<&str>,
    ) -> Result<(), GagalSimpan>;
    /// Saves a request (new at version 0, else version-checked).
    async fn simpan_permohonan(&mut self, p: &PermohonanSep) -> Result<(), GagalSimpan>;
    /// Saves a user (version-checked); a state change is stamped for the sync at `pada`.
    async fn simpan_pengguna(
        &mut self,
        p: &PenggunaSep,
        pada: DateTime<Utc>,
    ) -> Result<(), GagalSimpan>;
    /// Saves a misuse case (version-checked).
    async fn simpan_penyalahgunaan(&mut self, p: &Penyalahgunaan) -> Result<(), GagalSimpan>;
    /// Saves the Admin Pengelola's portal account.
    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan>;
    /// Saves its activation link.
    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan>;
    /// Ends every session of a portal account.
    async fn akhiri_sesi(&mut self, akun: AkunId) -> Result<(), GagalSimpan>;
    /// Appends an audit record.
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Enqueues an email.
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan>;
    /// Commits.
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan>;
}
