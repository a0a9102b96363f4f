//! The password policy (DESIGN: at least 10 characters, never the email).

use secrecy::{ExposeSecret, SecretString};

/// A new password that meets the policy. It never appears in `Debug` output.
pub struct KataSandiBaru(SecretString);

impl std::fmt::Debug for KataSandiBaru {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KataSandiBaru(***)")
    }
}

impl KataSandiBaru {
    /// Least number of characters.
    pub const PANJANG_MINIMAL: usize = 10;

    /// Checks `kata_sandi` for the account with `email`.
    pub fn parse(kata_sandi: SecretString, email: &str) -> Result<Self, String> {
        let s = kata_sandi.expose_secret();
        if s.chars().count() < Self::PANJANG_MINIMAL {
            return Err(format!(
                "Kata sandi paling sedikit {} karakter.",
                Self::PANJANG_MINIMAL
            ));
        }
        if s.chars().count() > 128 {
            return Err("Kata sandi paling banyak 128 karakter.".into());
        }
        if s.trim().eq_ignore_ascii_case(email.trim()) {
            return Err("Kata sandi tidak boleh sama dengan alamat email.".into());
        }
        Ok(Self(kata_sandi))
    }

    /// The secret, for the hasher.
    pub fn rahasia(&self) -> &SecretString {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_x_02_password_policy_refuses_short_and_email_passwords() {
        let email = "budi@kominfo.go.id";
        let hasil = (
            KataSandiBaru::parse("pendek".into(), email).err(),
            KataSandiBaru::parse("BUDI@kominfo.go.id".into(), email).err(),
            KataSandiBaru::parse("Rahasia-Sekali-2026".into(), email).is_ok(),
        );
        insta::assert_yaml_snapshot!(hasil);
    }

    #[test]
    fn r_x_02_password_is_never_printed() {
        let k = KataSandiBaru::parse("Rahasia-Sekali-2026".into(), "a@b.go.id");
        assert!(!format!("{k:?}").contains("Rahasia"));
    }
}
