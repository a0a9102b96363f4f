//! Password hashing (Argon2id, OWASP parameters, on a blocking thread) and random tokens.

use argon2::{Argon2, PasswordHasher as _, PasswordVerifier as _};
use pse_kernel::InfraError;
use rand::RngCore;
use registrasi_pejabat::ports::{PasswordHasher, TokenGenerator};
use secrecy::{ExposeSecret, SecretString};

/// Argon2id with the crate's defaults: m = 19456 KiB, t = 2, p = 1 (R-X-02).
pub struct Argon2Hasher {
    /// Checked against when the account is unknown, so timing tells nothing.
    dummy: String,
}

impl Argon2Hasher {
    /// A hasher with a fresh dummy hash.
    pub fn new() -> Result<Self, InfraError> {
        let acak = hex::encode(acak_32());
        Ok(Self {
            dummy: hash_sinkron(&acak)?,
        })
    }
}

fn acak_32() -> [u8; 32] {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    b
}

fn hash_sinkron(kata_sandi: &str) -> Result<String, InfraError> {
    Argon2::default()
        .hash_password_with_salt(kata_sandi.as_bytes(), &acak_32()[..16])
        .map(|h| h.to_string())
        .map_err(InfraError::new)
}

fn cocok_sinkron(kata_sandi: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(kata_sandi.as_bytes(), hash)
        .is_ok()
}

#[async_trait::async_trait]
impl PasswordHasher for Argon2Hasher {
    async fn hash(&self, kata_sandi: &SecretString) -> Result<String, InfraError> {
        let k = SecretString::from(kata_sandi.expose_secret().to_string());
        tokio::task::spawn_blocking(move || hash_sinkron(k.expose_secret()))
            .await
            .map_err(InfraError::new)?
    }

    async fn cocok(
        &self,
        kata_sandi: &SecretString,
        hash: Option<&str>,
    ) -> Result<bool, InfraError> {
        let k = SecretString::from(kata_sandi.expose_secret().to_string());
        let (h, ada) = match hash {
            Some(h) => (h.to_string(), true),
            None => (self.dummy.clone(), false),
        };
        let hasil = tokio::task::spawn_blocking(move || cocok_sinkron(k.expose_secret(), &h))
            .await
            .map_err(InfraError::new)?;
        Ok(ada && hasil)
    }
}

/// 32 random bytes from the operating system's generator, hex-encoded.
pub struct TokenAcak;

impl TokenGenerator for TokenAcak {
    fn buat(&self) -> SecretString {
        hex::encode(acak_32()).into()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn r_x_02_argon2id_with_owasp_parameters() {
        let h = Argon2Hasher::new().unwrap();
        let hash = h.hash(&"Rahasia-Sekali-2026".into()).await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(
            h.cocok(&"Rahasia-Sekali-2026".into(), Some(&hash))
                .await
                .unwrap()
        );
        assert!(!h.cocok(&"salah".into(), Some(&hash)).await.unwrap());
        assert!(!h.cocok(&"apa saja".into(), None).await.unwrap());
    }

    #[test]
    fn tokens_are_32_random_bytes() {
        let a = TokenAcak.buat();
        assert_eq!(a.expose_secret().len(), 64);
        assert_ne!(a.expose_secret(), TokenAcak.buat().expose_secret());
    }
}
