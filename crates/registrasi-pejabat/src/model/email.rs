//! Email addresses. [`Email`] is any well-formed address, stored lower-case; [`EmailDinas`] is an
//! official agency address (R-PEJ-01).

use std::fmt;

/// A well-formed email address, lower-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Parses an address: one `@`, a non-empty local part, a domain with a dot, no spaces.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err("Email wajib diisi.".into());
        }
        let Some((lokal, domain)) = s.split_once('@') else {
            return Err("Format email tidak valid, contoh: nama@kominfo.go.id.".into());
        };
        let domain_sah = domain.split('.').count() >= 2
            && domain.split('.').all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        let lokal_sah = !lokal.is_empty()
            && lokal.len() <= 64
            && lokal
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c));
        if !domain_sah || !lokal_sah || s.len() > 254 {
            return Err("Format email tidak valid, contoh: nama@kominfo.go.id.".into());
        }
        Ok(Self(s))
    }

    /// The part after `@`.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map(|(_, d)| d).unwrap_or_default()
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which domains count as official for an instansi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AturanDomain {
    /// An Instansi Penyelenggara Negara: the domain ends in `.go.id`.
    GoId,
    /// An appointed Institusi: the domain on its record (or one of its subdomains).
    Domain(String),
}

/// An official agency email address (R-PEJ-01).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct EmailDinas(Email);

impl EmailDinas {
    /// Parses an address and checks its domain against `aturan`.
    pub fn parse(raw: &str, aturan: &AturanDomain) -> Result<Self, String> {
        let email = Email::parse(raw)?;
        let domain = email.domain();
        let sah = match aturan {
            AturanDomain::GoId => domain.ends_with(".go.id"),
            AturanDomain::Domain(d) => {
                let d = d.trim().to_lowercase();
                !d.is_empty() && (domain == d || domain.ends_with(&format!(".{d}")))
            }
        };
        if sah {
            Ok(Self(email))
        } else {
            Err(match aturan {
                AturanDomain::GoId => format!(
                    "Gunakan email dinas instansi yang berakhiran .go.id; {domain} bukan domain instansi pemerintah."
                ),
                AturanDomain::Domain(d) => {
                    format!("Gunakan email dinas dengan domain institusi ({d}).")
                }
            })
        }
    }

    /// The plain address.
    pub fn email(&self) -> &Email {
        &self.0
    }
}

impl AsRef<str> for EmailDinas {
    fn as_ref(&self) -> &str {
        self.0.as_ref()
    }
}

impl fmt::Display for EmailDinas {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_pej_01_official_address_is_go_id_and_stored_lower_case() {
        let e = EmailDinas::parse("  Budi.Santoso@Kominfo.GO.ID ", &AturanDomain::GoId);
        assert_eq!(
            e.map(|e| e.to_string()),
            Ok("budi.santoso@kominfo.go.id".to_string())
        );
    }

    #[test]
    fn r_pej_01_public_mail_domains_are_refused() {
        let hasil: Vec<_> = [
            "budi@gmail.com",
            "budi@go.id.example.com",
            "budi@",
            "budi",
            "",
        ]
        .iter()
        .map(|raw| {
            (
                raw.to_string(),
                EmailDinas::parse(raw, &AturanDomain::GoId).err(),
            )
        })
        .collect();
        insta::assert_yaml_snapshot!(hasil);
    }

    #[test]
    fn r_pej_01_institusi_uses_the_domain_on_its_record() {
        let aturan = AturanDomain::Domain("bi.go.id".into());
        assert!(EmailDinas::parse("a@bi.go.id", &aturan).is_ok());
        assert!(EmailDinas::parse("a@dsta.bi.go.id", &aturan).is_ok());
        assert!(EmailDinas::parse("a@xbi.go.id", &aturan).is_err());
        let lpp = AturanDomain::Domain("tvri.co.id".into());
        assert!(EmailDinas::parse("a@tvri.co.id", &lpp).is_ok());
        assert!(EmailDinas::parse("a@kominfo.go.id", &lpp).is_err());
    }
}
