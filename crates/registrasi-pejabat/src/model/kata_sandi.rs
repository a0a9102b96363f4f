//! The password policy (DESIGN, ASVS V2.1): 10 to 128 characters, never the email, not one of the
//! most common passwords (`fixtures/kata-sandi-umum.txt`), and hard enough to guess by the
//! zxcvbn estimate (more than 10^8 guesses, the user's email taken into account).

use secrecy::{ExposeSecret, SecretString};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The common passwords, lower case.
static UMUM: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../fixtures/kata-sandi-umum.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

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
        if UMUM.contains(s.trim().to_lowercase().as_str()) {
            return Err(
                "Kata sandi ini termasuk yang paling sering dipakai orang; pilih yang lain.".into(),
            );
        }
        // The email, its parts and its name run together are what a guesser tries first.
        let email = email.trim().to_lowercase();
        let lokal = email.split('@').next().unwrap_or_default();
        let nama: String = lokal.chars().filter(char::is_ascii_alphanumeric).collect();
        let mut masukan = vec![
            email.as_str(),
            lokal,
            nama.as_str(),
            "pse",
            "komdigi",
            "kominfo",
        ];
        masukan.extend(
            email
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|b| b.len() > 2),
        );
        let nilai = zxcvbn::zxcvbn(s, &masukan);
        if nilai.score() < zxcvbn::Score::Three {
            return Err("Kata sandi terlalu mudah ditebak. Gabungkan beberapa kata yang tidak berhubungan, atau tambahkan angka dan tanda baca di tengahnya.".into());
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
    fn r_x_02_common_and_easily_guessed_passwords_are_refused() {
        let email = "budi.santoso@kominfo.go.id";
        let hasil: Vec<_> = [
            "password1234",
            "Indonesia123",
            "1234567890",
            "budisantoso123",
            "aaaaaaaaaaaa",
            "Sandi-Baru-Sekali-2026",
            "kopi tubruk di pelabuhan",
        ]
        .into_iter()
        .map(|k| (k, KataSandiBaru::parse(k.into(), email).err()))
        .collect();
        insta::assert_yaml_snapshot!(hasil);
    }

    #[test]
    fn r_x_02_password_is_never_printed() {
        let k = KataSandiBaru::parse("Rahasia-Sekali-2026".into(), "a@b.go.id");
        assert!(!format!("{k:?}").contains("Rahasia"));
    }
}
