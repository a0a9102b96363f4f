//! What the registration needs from the outside world. Every port is an object-safe
//! `#[async_trait]` trait held as `Arc<dyn …>`.

use crate::model::{
    Akun, Instansi, KunciMasuk, PercobaanMasuk, PermohonanPejabat, SubPejabat, TokenAktivasi,
    UnitOrganisasi, Wilayah,
};
use chrono::{DateTime, Utc};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian, PermohonanId,
    PesanEmail, SubPejabatId, UndanganSurvei, UnitId,
};
use secrecy::SecretString;
use std::collections::HashMap;

/// Reads of the registration data, and the start of a unit of work for writes.
#[async_trait::async_trait]
pub trait RegistrasiRepo: Send + Sync {
    /// Starts a unit of work: everything saved through it commits together or not at all.
    async fn mulai(&self) -> Result<Box<dyn UnitKerja>, InfraError>;
    /// A province or regency/city by Kemendagri code.
    async fn wilayah(&self, kode: &str) -> Result<Option<Wilayah>, InfraError>;
    /// An instansi by id.
    async fn instansi(&self, id: InstansiId) -> Result<Option<Instansi>, InfraError>;
    /// The names of the instansi `ids` that exist, in one read.
    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError>;
    /// A verified instansi whose [`Instansi::kunci_nama`] equals `kunci`.
    async fn instansi_bernama(&self, kunci: &str) -> Result<Option<Instansi>, InfraError>;
    /// The instansi's Pejabat Pendaftar account that is active or waiting for activation.
    async fn pejabat_aktif(&self, instansi: InstansiId) -> Result<Option<Akun>, InfraError>;
    /// An account by id.
    async fn akun(&self, id: AkunId) -> Result<Option<Akun>, InfraError>;
    /// Every account, by creation time and id, in the window `j`, and how many there are.
    async fn daftar_akun(
        &self,
        j: &pse_kernel::JendelaAntrian,
    ) -> Result<(Vec<Akun>, u64), InfraError>;
    /// The petugas layanan accounts of `instansi` (any status), by name.
    async fn akun_petugas(&self, instansi: InstansiId) -> Result<Vec<Akun>, InfraError>;
    /// An account by (lower-case) email.
    async fn akun_dengan_email(&self, email: &str) -> Result<Option<Akun>, InfraError>;
    /// The failed logins recorded for a pair, if any.
    async fn percobaan_masuk(
        &self,
        kunci: &KunciMasuk,
    ) -> Result<Option<PercobaanMasuk>, InfraError>;
    /// Counts one more failure for the pair in one atomic statement (so parallel failures each
    /// count) and returns the new record; a record whose last failure is before `lupa_sebelum`
    /// starts again at one, and such stale records of other pairs may be dropped.
    async fn tambah_gagal_masuk(
        &self,
        kunci: &KunciMasuk,
        now: DateTime<Utc>,
        lupa_sebelum: DateTime<Utc>,
    ) -> Result<PercobaanMasuk, InfraError>;
    /// Forgets the pair's failures (a successful login).
    async fn hapus_gagal_masuk(&self, kunci: &KunciMasuk) -> Result<(), InfraError>;
    /// An application by id.
    async fn permohonan(&self, id: PermohonanId) -> Result<Option<PermohonanPejabat>, InfraError>;
    /// The open (submitted or rejected) application of an email, if any.
    async fn permohonan_terbuka(&self, email: &str) -> Result<Option<PermohonanId>, InfraError>;
    /// Applications waiting for a decision in the window `j` (oldest in the queue first), and
    /// how many wait in all.
    async fn antrian_permohonan(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanPejabat>, u64), InfraError>;
    /// An activation token by its hash.
    async fn token_aktivasi(&self, hash: &str) -> Result<Option<TokenAktivasi>, InfraError>;
    /// Every activation token of an account.
    async fn token_akun(&self, akun: AkunId) -> Result<Vec<TokenAktivasi>, InfraError>;
    /// The units of an instansi's Struktur Organisasi.
    async fn unit_instansi(&self, instansi: InstansiId) -> Result<Vec<UnitOrganisasi>, InfraError>;
    /// A unit by id.
    async fn unit(&self, id: UnitId) -> Result<Option<UnitOrganisasi>, InfraError>;
    /// How many electronic systems are registered under a unit (R-SUB-01).
    async fn jumlah_sistem_unit(&self, id: UnitId) -> Result<u64, InfraError>;
    /// The sub pejabat of an instansi, every status.
    async fn sub_pejabat_instansi(
        &self,
        instansi: InstansiId,
    ) -> Result<Vec<SubPejabat>, InfraError>;
    /// A sub pejabat by id.
    async fn sub_pejabat(&self, id: SubPejabatId) -> Result<Option<SubPejabat>, InfraError>;
    /// Sub pejabat registrations with this (lower-case) email, every status.
    async fn sub_pejabat_dengan_email(&self, email: &str) -> Result<Vec<SubPejabat>, InfraError>;
    /// Sub pejabat waiting for verification in the window `j` (oldest in the queue first), and
    /// how many wait in all.
    async fn antrian_sub_pejabat(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SubPejabat>, u64), InfraError>;
}

/// One transaction of writes. Saving an aggregate with `versi == 0` inserts it; otherwise it updates
/// the row only if its version still equals `versi` (else [`GagalSimpan::VersiBasi`]) and bumps it.
///
/// Use cases read everything they need before starting one: while it is open, the embedded SQLite
/// store has no connection left for reads.
#[async_trait::async_trait]
pub trait UnitKerja: Send {
    /// Saves an application.
    async fn simpan_permohonan(&mut self, p: &PermohonanPejabat) -> Result<(), GagalSimpan>;
    /// Saves an account.
    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan>;
    /// Inserts an instansi.
    async fn simpan_instansi(&mut self, i: &Instansi) -> Result<(), GagalSimpan>;
    /// Saves a unit.
    async fn simpan_unit(&mut self, u: &UnitOrganisasi) -> Result<(), GagalSimpan>;
    /// Deletes a unit.
    async fn hapus_unit(&mut self, id: UnitId) -> Result<(), GagalSimpan>;
    /// Saves a sub pejabat registration.
    async fn simpan_sub_pejabat(&mut self, s: &SubPejabat) -> Result<(), GagalSimpan>;
    /// Inserts or updates an activation token (by hash).
    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan>;
    /// Ends every session of an account.
    async fn akhiri_sesi(&mut self, akun: AkunId) -> Result<(), GagalSimpan>;
    /// Appends an audit record (R-X-01).
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Enqueues an email in the outbox.
    /// Records an invitation to the satisfaction survey (its email goes through `kirim_email`).
    async fn undang_survei(&mut self, u: &UndanganSurvei) -> Result<(), GagalSimpan>;
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan>;
    /// Commits.
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan>;
}

/// Hashes and checks passwords (Argon2id in production, R-X-02).
#[async_trait::async_trait]
pub trait PasswordHasher: Send + Sync {
    /// A PHC hash string of `kata_sandi`.
    async fn hash(&self, kata_sandi: &SecretString) -> Result<String, InfraError>;
    /// Whether `kata_sandi` matches `hash`. With no hash it still spends the same time and answers
    /// false, so unknown accounts cannot be told apart by timing.
    async fn cocok(
        &self,
        kata_sandi: &SecretString,
        hash: Option<&str>,
    ) -> Result<bool, InfraError>;
}

pub use pse_kernel::DokumenStore;
pub use pse_kernel::TokenGenerator;
