//! Unguessable tokens (activation links, correction codes, complaint codes, survey links): made by
//! a [`TokenGenerator`] adapter, sent once to a person, and kept only as [`hash_token`].

use secrecy::SecretString;
use sha2::{Digest, Sha256};

/// Makes unguessable tokens: 32 random bytes, URL-safe.
pub trait TokenGenerator: Send + Sync {
    /// A fresh token.
    fn buat(&self) -> SecretString;
}

/// Hex SHA-256 of a token or code, as the store keeps it.
pub fn hash_token(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.trim().as_bytes()))
}
