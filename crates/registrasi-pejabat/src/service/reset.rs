//! "Lupa kata sandi": a reset link by email (single use, one hour, stored as a hash), which sets a
//! new password and ends every session of the account (R-X-02). Asking tells nothing about
//! whether the email belongs to an account.

use super::RegistrasiService;
use crate::RegistrasiError;
use crate::model::{Akun, Email, StatusAkun, TokenAktivasi, hash_token};
use chrono::Duration;
use pse_kernel::{Actor, AuditEvent, PesanEmail, Surel};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

/// How long a reset link works.
pub const MASA_RESET_MENIT: i64 = 60;

impl RegistrasiService {
    /// Sends a reset link to `email` when it is an active account's; earlier links end. Answers
    /// the same whether or not it is, so the caller shows one message for both.
    pub async fn minta_reset(&self, email: &str) -> Result<(), RegistrasiError> {
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let Some(akun) = self
            .port
            .repo
            .akun_dengan_email(email.as_ref())
            .await?
            .filter(|a| a.status == StatusAkun::Aktif)
        else {
            return Ok(());
        };
        let now = self.now();
        let lama = self.port.repo.token_akun(akun.id).await?;
        let raw = self.port.token.buat();
        let token = TokenAktivasi {
            hash: hash_token(raw.expose_secret()),
            akun_id: akun.id,
            kedaluwarsa: now + Duration::minutes(MASA_RESET_MENIT),
            dipakai_pada: None,
        };
        let mut uow = self.port.repo.mulai().await?;
        for t in lama.into_iter().filter(|t| t.berlaku(now)) {
            uow.simpan_token(&t.cabut(now)).await?;
        }
        uow.simpan_token(&token).await?;
        uow.catat_audit(&AuditEvent::baru(
            now,
            &Actor::Publik,
            "akun",
            akun.id,
            "minta_reset_kata_sandi",
        ))
        .await?;
        uow.kirim_email(&PesanEmail::baru(
            akun.email.as_ref(),
            Surel::ResetKataSandi,
            json!({
                "nama": akun.nama,
                "token": raw.expose_secret(),
                "masa_berlaku_menit": MASA_RESET_MENIT,
            }),
        ))
        .await?;
        uow.commit().await.map_err(Into::into)
    }

    /// The active account a reset link is for, if the link still works.
    pub async fn akun_untuk_reset(&self, token: &str) -> Result<Akun, RegistrasiError> {
        let (_, akun) = self
            .tautan_berlaku(token, StatusAkun::Aktif, || {
                RegistrasiError::TautanResetTidakBerlaku
            })
            .await?;
        Ok(akun)
    }

    /// Redeems a reset link: sets the new password, uses the link up and ends every session.
    pub async fn atur_ulang_kata_sandi(
        &self,
        token: &str,
        kata_sandi: SecretString,
    ) -> Result<Akun, RegistrasiError> {
        let (t, akun) = self
            .tautan_berlaku(token, StatusAkun::Aktif, || {
                RegistrasiError::TautanResetTidakBerlaku
            })
            .await?;
        let hash = self.hash_kata_sandi_baru(kata_sandi, &akun).await?;
        let now = self.now();
        let akun = akun.ganti_kata_sandi(hash)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.simpan_token(&t.pakai(now)).await?;
        uow.akhiri_sesi(akun.id).await?;
        uow.catat_audit(&AuditEvent::baru(
            now,
            &akun.aktor(),
            "akun",
            akun.id,
            "reset_kata_sandi",
        ))
        .await?;
        uow.commit().await?;
        Ok(akun)
    }
}
