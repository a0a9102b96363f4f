//! Instansi (agencies) and the wilayah (regions) they sit in.

use super::email::AturanDomain;
use pse_kernel::InstansiId;
use serde::{Deserialize, Serialize};

/// The kind of instansi (`instansi_baru_jenis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisInstansi {
    /// A ministry.
    Kementerian,
    /// A non-ministerial agency or state institution.
    Lembaga,
    /// A provincial government.
    PemerintahProvinsi,
    /// A regency government.
    PemerintahKabupaten,
    /// A city government.
    PemerintahKota,
    /// An institution appointed to run public electronic systems.
    Institusi,
}

impl JenisInstansi {
    /// Every kind, in display order.
    pub const SEMUA: [JenisInstansi; 6] = [
        Self::Kementerian,
        Self::Lembaga,
        Self::PemerintahProvinsi,
        Self::PemerintahKabupaten,
        Self::PemerintahKota,
        Self::Institusi,
    ];

    /// Parses a contract value.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|j| j.kode() == raw.trim())
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Kementerian => "kementerian",
            Self::Lembaga => "lembaga",
            Self::PemerintahProvinsi => "pemerintah_provinsi",
            Self::PemerintahKabupaten => "pemerintah_kabupaten",
            Self::PemerintahKota => "pemerintah_kota",
            Self::Institusi => "institusi",
        }
    }

    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Kementerian => "Kementerian",
            Self::Lembaga => "Lembaga",
            Self::PemerintahProvinsi => "Pemerintah Provinsi",
            Self::PemerintahKabupaten => "Pemerintah Kabupaten",
            Self::PemerintahKota => "Pemerintah Kota",
            Self::Institusi => "Institusi",
        }
    }

    /// Whether it is an Instansi Penyelenggara Negara (everything but an appointed Institusi).
    pub fn ippd(self) -> bool {
        self != Self::Institusi
    }
}

pub use pse_kernel::Wilayah;

/// What an instansi record holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RekamInstansi {
    /// Id.
    pub id: InstansiId,
    /// Official name.
    pub nama: String,
    /// Kind.
    pub jenis: JenisInstansi,
    /// Province code (none for a central agency).
    pub provinsi: Option<String>,
    /// Regency/city code.
    pub kota: Option<String>,
    /// Address.
    pub alamat: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Office telephone.
    pub telepon: Option<String>,
    /// Email domain of an Institusi (R-PEJ-01).
    pub domain_email: Option<String>,
    /// Whether the admin (or the reference list) verified it.
    pub terverifikasi: bool,
}

/// An agency that registers electronic systems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instansi(RekamInstansi);

impl Instansi {
    /// Restores an instansi from storage or reference data.
    pub fn pulihkan(rekam: RekamInstansi) -> Self {
        Self(rekam)
    }

    /// The record.
    pub fn rekam(&self) -> &RekamInstansi {
        &self.0
    }

    /// The id.
    pub fn id(&self) -> InstansiId {
        self.0.id
    }

    /// Which email domains are official for it (R-PEJ-01).
    pub fn aturan_domain(&self) -> AturanDomain {
        match (&self.0.jenis, &self.0.domain_email) {
            (JenisInstansi::Institusi, Some(d)) => AturanDomain::Domain(d.clone()),
            _ => AturanDomain::GoId,
        }
    }

    /// The comparison key of a name: lower-case, single spaces, no punctuation (R-PEJ-06).
    pub fn kunci_nama(nama: &str) -> String {
        nama.to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The host of a website address, without `www.`, for an Institusi's email domain.
pub fn domain_dari_website(website: &str) -> Option<String> {
    let t = website.trim().to_lowercase();
    let tanpa_skema = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(&t);
    let host = tanpa_skema
        .split(['/', ':', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_pej_06_names_compare_ignoring_case_spaces_and_punctuation() {
        assert_eq!(
            Instansi::kunci_nama("  pemerintah   KOTA  tarakan "),
            Instansi::kunci_nama("Pemerintah Kota Tarakan")
        );
        assert_eq!(
            Instansi::kunci_nama("Badan Siber dan Sandi Negara."),
            "badan siber dan sandi negara"
        );
    }

    #[test]
    fn r_pej_01_institusi_domain_comes_from_its_website() {
        assert_eq!(
            domain_dari_website("https://www.tvri.co.id/profil"),
            Some("tvri.co.id".into())
        );
        assert_eq!(domain_dari_website("bukan alamat"), None);
    }
}
