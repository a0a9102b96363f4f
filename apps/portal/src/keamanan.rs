//! Password hashing (Argon2id, OWASP parameters, on a bounded pool of blocking threads) and
//! random tokens.

use crate::kolam::Kolam;
use argon2::{Argon2, PasswordHasher as _, PasswordVerifier as _};
use pse_kernel::InfraError;
use rand::RngCore;
use registrasi_pejabat::ports::{PasswordHasher, TokenGenerator};
use secrecy::{ExposeSecret, SecretString};
use std::time::Duration;

/// How long a hash waits for a free slot before the request is answered 503.
const TUNGGU_SLOT: Duration = Duration::from_secs(10);

/// Argon2id with the crate's defaults: m = 19456 KiB, t = 2, p = 1 (R-X-02). At most `paralel`
/// hashes run at once, so memory stays bounded whatever the number of parallel logins.
pub struct Argon2Hasher {
    /// Hashing slots.
    kolam: Kolam,
}

/// What a login for an unknown account is checked against, so that it takes as long as a known
/// one (a hash with the same parameters; it never counts as a match). A constant: computing one
/// at start-up left Argon2's 19 MiB to the allocator of an idle server.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$aYA+p8aZdaLaYl80ui7+Zg$6fV2dV/DZkfAO9CpVmq4efhcN/AHl7YYEMc4c9SDiTs";

impl Argon2Hasher {
    /// A hasher running `paralel` hashes at once (unset: one per core).
    pub fn new(paralel: Option<usize>) -> Self {
        Self {
            kolam: Kolam::new(paralel, TUNGGU_SLOT, "antrean hash kata sandi penuh"),
        }
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
        self.kolam
            .blokir(move || hash_sinkron(k.expose_secret()))
            .await?
    }

    async fn cocok(
        &self,
        kata_sandi: &SecretString,
        hash: Option<&str>,
    ) -> Result<bool, InfraError> {
        let k = SecretString::from(kata_sandi.expose_secret().to_string());
        let (h, ada) = match hash {
            Some(h) => (h.to_string(), true),
            None => (DUMMY.to_string(), false),
        };
        let hasil = self
            .kolam
            .blokir(move || cocok_sinkron(k.expose_secret(), &h))
            .await?;
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
    use std::sync::Arc;

    #[tokio::test]
    async fn r_x_02_argon2id_with_owasp_parameters() {
        let h = Argon2Hasher::new(None);
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
    fn r_x_02_an_unknown_account_costs_what_a_known_one_costs() {
        let nyata = hash_sinkron("Rahasia-Sekali-2026").unwrap();
        let (nyata, dummy) = (
            argon2::PasswordHash::new(&nyata).unwrap(),
            argon2::PasswordHash::new(DUMMY).unwrap(),
        );
        assert_eq!(dummy.algorithm, nyata.algorithm);
        assert_eq!(dummy.version, nyata.version);
        assert_eq!(dummy.params, nyata.params);
        assert_eq!(dummy.hash.map(|h| h.len()), nyata.hash.map(|h| h.len()));
        assert!(!cocok_sinkron("akun-tidak-dikenal-lain", DUMMY));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn r_x_02_no_more_hashes_at_once_than_slots() {
        let h = Arc::new(Argon2Hasher::new(Some(1)));
        let sibuk = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let puncak = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tugas: Vec<_> = (0..4)
            .map(|_| {
                let (h, sibuk, puncak) = (h.clone(), sibuk.clone(), puncak.clone());
                tokio::spawn(async move {
                    h.kolam
                        .blokir(move || {
                            use std::sync::atomic::Ordering::SeqCst;
                            let n = sibuk.fetch_add(1, SeqCst) + 1;
                            puncak.fetch_max(n, SeqCst);
                            std::thread::sleep(Duration::from_millis(30));
                            sibuk.fetch_sub(1, SeqCst);
                        })
                        .await
                        .unwrap()
                })
            })
            .collect();
        for t in tugas {
            t.await.unwrap();
        }
        assert_eq!(puncak.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn tokens_are_32_random_bytes() {
        let a = TokenAcak.buat();
        assert_eq!(a.expose_secret().len(), 64);
        assert_ne!(a.expose_secret(), TokenAcak.buat().expose_secret());
    }
}
