//! Failed logins, counted per typed email and client address (R-X-02). A lock earned from one
//! address never shuts the owner out at another; an unknown email is counted and locked exactly
//! like a known one, so the answers tell nothing about which accounts exist; each failure after a
//! first lock locks again, for longer the more there were.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

/// Failures that lock the pair the first time.
pub const BATAS_GAGAL_MASUK: u32 = 5;
/// How long the first lock lasts; it doubles every further [`BATAS_GAGAL_MASUK`] failures.
pub const LAMA_KUNCI_MENIT: i64 = 15;
/// The longest lock (four doublings: 4 hours).
const TINGKAT_KUNCI_MAKS: u32 = 4;
/// Failures are forgotten this long after the last one.
pub const LUPA_SETELAH_JAM: i64 = 24;

/// The pair failures are counted for: an email as typed (trimmed, any case) and the client's
/// address, kept only as a SHA-256 digest (nothing typed by a stranger is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KunciMasuk(String);

impl KunciMasuk {
    /// The pair for `email` typed at `alamat`.
    pub fn new(email: &str, alamat: &str) -> Self {
        let mut h = Sha256::new();
        h.update(email.trim().to_lowercase().as_bytes());
        h.update([0]);
        h.update(alamat.as_bytes());
        Self(hex::encode(h.finalize()))
    }
}

impl AsRef<str> for KunciMasuk {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The failures recorded for a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PercobaanMasuk {
    /// Failures since the last success (or since they were forgotten).
    pub gagal: u32,
    /// When the last one happened.
    pub terakhir: DateTime<Utc>,
}

impl PercobaanMasuk {
    /// Until when the pair is locked: after 5 failures 15 minutes from the last one, after 10
    /// thirty, after 15 an hour, up to 4 hours.
    pub fn terkunci_sampai(&self) -> Option<DateTime<Utc>> {
        let lebih = self.gagal.checked_sub(BATAS_GAGAL_MASUK)?;
        let tingkat = (lebih / BATAS_GAGAL_MASUK).min(TINGKAT_KUNCI_MAKS);
        Some(self.terakhir + Duration::minutes(LAMA_KUNCI_MENIT << tingkat))
    }

    /// Whole minutes (rounded up) the pair stays locked at `now`, if locked.
    pub fn sisa_kunci(&self, now: DateTime<Utc>) -> Option<i64> {
        self.terkunci_sampai()
            .filter(|t| *t > now)
            .map(|t| ((t - now).num_seconds() + 59) / 60)
    }

    /// Whether this record is the one that just locked the pair for the first time.
    pub fn baru_terkunci(&self) -> bool {
        self.gagal == BATAS_GAGAL_MASUK
    }

    /// The instant before which a pair's last failure is forgotten, seen at `now`.
    pub fn lupa_sebelum(now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::hours(LUPA_SETELAH_JAM)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(gagal: u32) -> PercobaanMasuk {
        PercobaanMasuk {
            gagal,
            terakhir: DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default(),
        }
    }

    #[test]
    fn r_x_02_four_failures_do_not_lock_the_fifth_locks_for_15_minutes() {
        let x = p(4);
        assert_eq!(x.terkunci_sampai(), None);
        let x = p(5);
        assert_eq!(x.sisa_kunci(x.terakhir), Some(15));
        assert_eq!(x.sisa_kunci(x.terakhir + Duration::minutes(15)), None);
        assert!(x.baru_terkunci());
    }

    #[test]
    fn r_x_02_each_failure_after_a_lock_locks_again_for_longer_up_to_four_hours() {
        let menit = |g| p(g).sisa_kunci(p(g).terakhir);
        assert_eq!(menit(6), Some(15));
        assert_eq!(menit(10), Some(30));
        assert_eq!(menit(15), Some(60));
        assert_eq!(menit(25), Some(240));
        assert_eq!(menit(10_000), Some(240));
        assert!(!p(6).baru_terkunci());
    }

    #[test]
    fn r_x_02_the_pair_is_the_email_in_any_case_and_the_address() {
        assert_eq!(
            KunciMasuk::new(" Budi@Kominfo.go.id ", "10.0.0.1"),
            KunciMasuk::new("budi@kominfo.go.id", "10.0.0.1")
        );
        assert_ne!(
            KunciMasuk::new("budi@kominfo.go.id", "10.0.0.1"),
            KunciMasuk::new("budi@kominfo.go.id", "10.0.0.2")
        );
        assert_eq!(KunciMasuk::new("a", "b").as_ref().len(), 64);
    }
}
