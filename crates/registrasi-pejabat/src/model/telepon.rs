//! Telephone numbers: an office line ([`NomorTelepon`]) and a mobile (WhatsApp) number ([`NomorHp`]).

use serde::{Deserialize, Serialize};

fn normalisasi(raw: &str) -> Result<String, ()> {
    let t = raw.trim();
    let (plus, isi) = match t.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let mut digit = String::new();
    for c in isi.chars() {
        match c {
            '0'..='9' => digit.push(c),
            ' ' | '-' | '(' | ')' | '.' => {}
            _ => return Err(()),
        }
    }
    if plus || digit.starts_with("62") {
        match digit.strip_prefix("62") {
            Some(r) => Ok(format!("0{r}")),
            None => Err(()),
        }
    } else {
        Ok(digit)
    }
}

/// An Indonesian landline or office number, kept as digits starting with 0 (area code included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NomorTelepon(String);

impl NomorTelepon {
    /// Parses `021-3452841`, `(0561) 736 541`, `+62 21 3452841`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        if raw.trim().is_empty() {
            return Err("Nomor telepon kantor wajib diisi.".into());
        }
        match normalisasi(raw) {
            Ok(d) if d.starts_with('0') && (8..=15).contains(&d.len()) => Ok(Self(d)),
            _ => Err(
                "Nomor telepon kantor tidak valid; tulis dengan kode area, contoh 021-3452841."
                    .into(),
            ),
        }
    }
}

impl AsRef<str> for NomorTelepon {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An Indonesian mobile number (for WhatsApp), kept as digits starting with 08.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NomorHp(String);

impl NomorHp {
    /// Parses `0812-3456-7890`, `+62 812 3456 7890`, `6281234567890`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        if raw.trim().is_empty() {
            return Err("Nomor HP (WhatsApp) wajib diisi.".into());
        }
        match normalisasi(raw) {
            Ok(d) if d.starts_with("08") && (10..=13).contains(&d.len()) => Ok(Self(d)),
            _ => Err(
                "Nomor HP tidak valid; gunakan nomor seluler Indonesia, contoh 0812-3456-7890."
                    .into(),
            ),
        }
    }
}

impl AsRef<str> for NomorHp {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_pej_03_phone_numbers_are_normalised() {
        assert_eq!(
            NomorTelepon::parse("(0561) 736 541").map(|n| n.0),
            Ok("0561736541".into())
        );
        assert_eq!(
            NomorTelepon::parse("+62 21 3452841").map(|n| n.0),
            Ok("0213452841".into())
        );
        assert_eq!(
            NomorHp::parse("+62 812-3456-7890").map(|n| n.0),
            Ok("081234567890".into())
        );
        assert_eq!(
            NomorHp::parse("6281234567890").map(|n| n.0),
            Ok("081234567890".into())
        );
    }

    #[test]
    fn r_pej_03_bad_phone_numbers_get_their_own_message() {
        let hasil = (
            NomorTelepon::parse("12345").err(),
            NomorTelepon::parse("").err(),
            NomorHp::parse("021-3452841").err(),
            NomorHp::parse("0812 ab").err(),
        );
        insta::assert_yaml_snapshot!(hasil);
    }
}
