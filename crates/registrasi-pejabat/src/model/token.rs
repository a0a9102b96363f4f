//! Single-use activation links (R-PEJ-11): the raw token travels only in the email; the store keeps
//! its SHA-256.

use chrono::{DateTime, Utc};
use pse_kernel::AkunId;
pub use pse_kernel::hash_token;

/// An activation token as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenAktivasi {
    /// SHA-256 of the raw token.
    pub hash: String,
    /// The account it activates.
    pub akun_id: AkunId,
    /// When it stops working.
    pub kedaluwarsa: DateTime<Utc>,
    /// When it was used.
    pub dipakai_pada: Option<DateTime<Utc>>,
}

impl TokenAktivasi {
    /// Whether it can still be redeemed at `now`.
    pub fn berlaku(&self, now: DateTime<Utc>) -> bool {
        self.dipakai_pada.is_none() && now < self.kedaluwarsa
    }

    /// Marks it used.
    pub fn pakai(mut self, now: DateTime<Utc>) -> Self {
        self.dipakai_pada = Some(now);
        self
    }

    /// Ends it at `now` (a newer link replaces it).
    pub fn cabut(mut self, now: DateTime<Utc>) -> Self {
        self.kedaluwarsa = self.kedaluwarsa.min(now);
        self
    }
}
