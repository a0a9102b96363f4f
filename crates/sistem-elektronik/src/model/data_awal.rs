//! Data Awal (R-SE-01, R-SE-02): what identifies a system before the admin's first check.

use super::kategori::KategoriSe;
use crate::{GalatIsian, SistemError, TolakBilaAda};
use pse_kernel::UnitId;
use serde::{Deserialize, Serialize};

/// Who the system serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sasaran {
    Lokal,
    Regional,
    Nasional,
    Internasional,
}

impl Sasaran {
    /// Every reach, narrowest first.
    pub const SEMUA: [Self; 4] = [
        Self::Lokal,
        Self::Regional,
        Self::Nasional,
        Self::Internasional,
    ];

    fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "lokal" => Some(Self::Lokal),
            "regional" => Some(Self::Regional),
            "nasional" => Some(Self::Nasional),
            "internasional" => Some(Self::Internasional),
            _ => None,
        }
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Lokal => "lokal",
            Self::Regional => "regional",
            Self::Nasional => "nasional",
            Self::Internasional => "internasional",
        }
    }
}

/// Online (used by the public) or offline (internal only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Akses {
    Online,
    Offline,
}

impl Akses {
    /// Both kinds.
    pub const SEMUA: [Self; 2] = [Self::Online, Self::Offline];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Offline => "offline",
        }
    }
}

/// An http(s) address with a host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UrlSistem(String);

impl UrlSistem {
    /// Parses `https://layanan.instansi.go.id/…`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let t = raw.trim();
        let sisa = t
            .strip_prefix("https://")
            .or_else(|| t.strip_prefix("http://"))
            .ok_or_else(|| {
                "Alamat harus diawali http:// atau https://, contoh https://layanan.instansi.go.id."
                    .to_string()
            })?;
        let host = sisa.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit('@').next().unwrap_or_default();
        let nama = host.split(':').next().unwrap_or_default();
        let sah = nama.contains('.')
            && !nama.starts_with('.')
            && !nama.ends_with('.')
            && nama
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            && !t.chars().any(char::is_whitespace);
        if sah && t.len() <= 2000 {
            Ok(Self(t.to_string()))
        } else {
            Err("Alamat sistem tidak valid, contoh https://layanan.instansi.go.id.".into())
        }
    }
}

impl AsRef<str> for UrlSistem {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Data Awal as typed (JSON of the contract).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IsianDataAwal {
    pub nama_internal: String,
    pub nama_eksternal: String,
    pub keterangan: String,
    pub sasaran_pelayanan: String,
    pub kategori: String,
    pub kategori_akses: String,
    pub url: String,
    pub publikasi_spbe: bool,
    pub unit_id: Option<String>,
}

/// Validated Data Awal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataAwal {
    pub nama_internal: String,
    pub nama_eksternal: String,
    pub keterangan: String,
    pub sasaran_pelayanan: Sasaran,
    /// The category the applicant declares; the self-assessment takes precedence.
    pub kategori: KategoriSe,
    pub kategori_akses: Akses,
    pub url: Option<UrlSistem>,
    pub publikasi_spbe: bool,
}

fn wajib(galat: &mut Vec<GalatIsian>, field: &str, nilai: &str, pesan: &str) -> String {
    let t = nilai.trim();
    if t.is_empty() {
        galat.push(GalatIsian::new(field, pesan));
    } else if t.chars().count() > 500 {
        galat.push(GalatIsian::new(
            field,
            "Isian terlalu panjang (paling banyak 500 karakter).",
        ));
    }
    t.to_string()
}

impl IsianDataAwal {
    /// Validates every field at once. An online system needs an http(s) URL; an offline one may
    /// have none (R-SE-02).
    pub fn validasi(&self) -> Result<DataAwal, SistemError> {
        let mut g = Vec::new();
        let nama_internal = wajib(
            &mut g,
            "nama_internal",
            &self.nama_internal,
            "Nama internal sistem wajib diisi.",
        );
        let nama_eksternal = wajib(
            &mut g,
            "nama_eksternal",
            &self.nama_eksternal,
            "Nama eksternal (nama yang dikenal publik) wajib diisi.",
        );
        let keterangan = wajib(
            &mut g,
            "keterangan",
            &self.keterangan,
            "Keterangan singkat fungsi sistem wajib diisi.",
        );
        let sasaran = Sasaran::parse(&self.sasaran_pelayanan);
        if sasaran.is_none() {
            g.push(GalatIsian::new(
                "sasaran_pelayanan",
                "Pilih sasaran pelayanan: lokal, regional, nasional atau internasional.",
            ));
        }
        let kategori = KategoriSe::parse(&self.kategori);
        if kategori.is_none() {
            g.push(GalatIsian::new(
                "kategori",
                "Pilih kategori sistem: rendah, tinggi atau strategis.",
            ));
        }
        let akses = match self.kategori_akses.trim() {
            "online" => Some(Akses::Online),
            "offline" => Some(Akses::Offline),
            _ => {
                g.push(GalatIsian::new(
                    "kategori_akses",
                    "Pilih kategori akses: online (dipakai publik) atau offline (internal).",
                ));
                None
            }
        };
        let url = match (akses, self.url.trim().is_empty()) {
            (Some(Akses::Online), true) => {
                g.push(GalatIsian::new(
                    "url",
                    "Sistem online wajib mencantumkan alamat (URL) yang dapat diakses publik.",
                ));
                None
            }
            (_, true) => None,
            (_, false) => UrlSistem::parse(&self.url)
                .map_err(|m| g.push(GalatIsian::new("url", m)))
                .ok(),
        };
        g.tolak_bila_ada()?;
        match (sasaran, kategori, akses) {
            (Some(sasaran_pelayanan), Some(kategori), Some(kategori_akses)) => Ok(DataAwal {
                nama_internal,
                nama_eksternal,
                keterangan,
                sasaran_pelayanan,
                kategori,
                kategori_akses,
                url,
                publikasi_spbe: self.publikasi_spbe,
            }),
            _ => Err(SistemError::Validasi(Vec::new())),
        }
    }

    /// The unit the form names, if any.
    pub fn unit(&self) -> Result<Option<UnitId>, SistemError> {
        match self
            .unit_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(s) => s
                .parse()
                .map(Some)
                .map_err(|_| SistemError::isian("unit_id", "Unit tidak dikenal.")),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn isian(akses: &str, url: &str) -> IsianDataAwal {
        IsianDataAwal {
            nama_internal: "SIMPEG".into(),
            nama_eksternal: "Sistem Informasi Kepegawaian".into(),
            keterangan: "Layanan kepegawaian".into(),
            sasaran_pelayanan: "lokal".into(),
            kategori: "rendah".into(),
            kategori_akses: akses.into(),
            url: url.into(),
            publikasi_spbe: true,
            unit_id: None,
        }
    }

    #[test]
    fn r_se_02_online_needs_a_url_offline_does_not() {
        let online = isian("online", "").validasi().unwrap_err();
        insta::assert_debug_snapshot!(online);
        assert!(isian("offline", "").validasi().is_ok());
        assert!(
            isian("online", "https://simpeg.tarakankota.go.id")
                .validasi()
                .is_ok()
        );
        assert!(isian("online", "ftp://simpeg.go.id").validasi().is_err());
        assert!(
            isian("offline", "https://intranet.tarakankota.go.id")
                .validasi()
                .is_ok(),
            "a URL may be given"
        );
    }

    #[test]
    fn r_se_01_every_data_awal_field_is_asked() {
        let e = IsianDataAwal::default().validasi().unwrap_err();
        insta::assert_debug_snapshot!(e);
    }
}
