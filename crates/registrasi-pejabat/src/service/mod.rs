//! The registration use cases, one method each, taking the acting [`Actor`] first. Authorization is
//! checked here, so an embedding tool cannot skip it.

mod administrasi;
mod akun;
mod meja;
mod pendaftaran;
mod petugas;
mod reset;
mod struktur;

pub use akun::UbahProfil;
pub use pendaftaran::ItemAntrian;
pub use petugas::IsianPetugas;
pub use reset::MASA_RESET_MENIT;
pub use struktur::ItemAntrianSub;

use crate::RegistrasiError;
use crate::model::TokenAktivasi;
use crate::ports::{DokumenStore, PasswordHasher, RegistrasiRepo, TokenGenerator};
use chrono::{DateTime, Duration, Utc};
use pse_kernel::Galat;
use pse_kernel::{Actor, AkunId, AuditLog, Clock, KalenderKerja, Peran};
use secrecy::SecretString;
use std::sync::Arc;

/// Tunable limits.
#[derive(Debug, Clone)]
pub struct Pengaturan {
    /// Largest accepted document in bytes (R-PEJ-05: 10 MiB).
    pub batas_dokumen: u64,
    /// How long an activation link works (R-PEJ-11: 72 hours).
    pub masa_aktivasi: Duration,
    /// Working days the admin has for a decision (R-SE-13: 1).
    pub hari_layanan: u32,
}

impl Default for Pengaturan {
    fn default() -> Self {
        Self {
            batas_dokumen: 10 * 1024 * 1024,
            masa_aktivasi: Duration::hours(72),
            hari_layanan: 1,
        }
    }
}

/// The adapters the service runs on.
#[derive(Clone)]
pub struct PortRegistrasi {
    /// Store.
    pub repo: Arc<dyn RegistrasiRepo>,
    /// Audit trail reader.
    pub audit: Arc<dyn AuditLog>,
    /// Password hashing.
    pub hasher: Arc<dyn PasswordHasher>,
    /// Random tokens.
    pub token: Arc<dyn TokenGenerator>,
    /// Document storage.
    pub dokumen: Arc<dyn DokumenStore>,
    /// Time.
    pub clock: Arc<dyn Clock>,
}

/// The registration service.
#[derive(Clone)]
pub struct RegistrasiService {
    port: PortRegistrasi,
    kalender: KalenderKerja,
    pengaturan: Pengaturan,
}

impl RegistrasiService {
    /// A service on `port`, with the working-day calendar and limits.
    pub fn new(port: PortRegistrasi, kalender: KalenderKerja, pengaturan: Pengaturan) -> Self {
        Self {
            port,
            kalender,
            pengaturan,
        }
    }

    /// The limits in force.
    pub fn pengaturan(&self) -> &Pengaturan {
        &self.pengaturan
    }

    fn now(&self) -> DateTime<Utc> {
        self.port.clock.now()
    }

    /// The stored link behind `token` and its account, while the link works and the account is
    /// in `status`; anything else is `galat` (one answer for an unknown, used or expired link).
    async fn tautan_berlaku(
        &self,
        token: &str,
        status: crate::model::StatusAkun,
        galat: fn() -> RegistrasiError,
    ) -> Result<(TokenAktivasi, crate::model::Akun), RegistrasiError> {
        let now = self.now();
        let t = self
            .port
            .repo
            .token_aktivasi(&crate::model::hash_token(token))
            .await?
            .filter(|t| t.berlaku(now))
            .ok_or_else(galat)?;
        let akun = self
            .port
            .repo
            .akun(t.akun_id)
            .await?
            .filter(|a| a.status == status)
            .ok_or_else(galat)?;
        Ok((t, akun))
    }

    /// A new password for `akun` checked against the policy and hashed.
    async fn hash_kata_sandi_baru(
        &self,
        kata_sandi: SecretString,
        akun: &crate::model::Akun,
    ) -> Result<String, RegistrasiError> {
        let baru = crate::model::KataSandiBaru::parse(kata_sandi, akun.email.as_ref())
            .map_err(|m| RegistrasiError::isian("kata_sandi", m))?;
        Ok(self.port.hasher.hash(baru.rahasia()).await?)
    }

    fn token_aktivasi(&self, akun_id: AkunId, now: DateTime<Utc>) -> (SecretString, TokenAktivasi) {
        let raw = self.port.token.buat();
        let token = TokenAktivasi {
            hash: crate::model::hash_token(secrecy::ExposeSecret::expose_secret(&raw)),
            akun_id,
            kedaluwarsa: now + self.pengaturan.masa_aktivasi,
            dipakai_pada: None,
        };
        (raw, token)
    }
}

/// Only the admin may.
fn wajib_admin(aktor: &Actor) -> Result<(), RegistrasiError> {
    match aktor.peran() {
        Some(Peran::Admin) => Ok(()),
        Some(_) => Err(Galat::Dilarang.into()),
        None => Err(Galat::BelumMasuk.into()),
    }
}
