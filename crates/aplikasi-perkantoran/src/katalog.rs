//! The catalogue of office applications the Minister sets: what each is and on what basis.

use pse_kernel::{AplikasiId, Galat, GalatIsian, TolakBilaAda};
use serde::{Deserialize, Serialize};

/// The longest text of a field, in characters.
pub const PANJANG_MAKS: usize = 2000;

/// An office application of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AplikasiPerkantoran {
    /// Its id.
    pub id: AplikasiId,
    /// Its name.
    pub nama: String,
    /// What it is for.
    pub deskripsi: String,
    /// Where it runs.
    pub url: String,
    /// The Minister's decree that set it.
    pub dasar_penetapan: String,
}

/// A catalogue entry as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct IsianAplikasi {
    /// Its name.
    pub nama: String,
    /// What it is for.
    pub deskripsi: String,
    /// Where it runs (`https://…`).
    pub url: String,
    /// The Minister's decree that set it.
    pub dasar_penetapan: String,
}

/// A required text of at most `maks` characters, trimmed; a problem joins `galat`.
pub(crate) fn wajib(
    galat: &mut Vec<GalatIsian>,
    field: &str,
    nilai: &str,
    maks: usize,
    kosong: &str,
) -> String {
    let t = nilai.trim();
    if t.is_empty() {
        galat.push(GalatIsian::new(field, kosong));
    } else if t.chars().count() > maks {
        galat.push(GalatIsian::new(
            field,
            format!("Paling panjang {maks} karakter."),
        ));
    }
    t.to_string()
}

impl IsianAplikasi {
    /// The entry, every field checked and each problem named.
    pub fn periksa(&self) -> Result<AplikasiPerkantoran, Galat> {
        let mut galat = Vec::new();
        let nama = wajib(&mut galat, "nama", &self.nama, 200, "Isi nama aplikasi.");
        let deskripsi = wajib(
            &mut galat,
            "deskripsi",
            &self.deskripsi,
            PANJANG_MAKS,
            "Jelaskan kegunaan aplikasi.",
        );
        let url = wajib(&mut galat, "url", &self.url, 500, "Isi alamat aplikasi.");
        if !url.is_empty() && !url.starts_with("https://") {
            galat.push(GalatIsian::new("url", "Alamat aplikasi diawali https://."));
        }
        let dasar_penetapan = wajib(
            &mut galat,
            "dasar_penetapan",
            &self.dasar_penetapan,
            500,
            "Isi keputusan Menteri yang menetapkan aplikasi ini.",
        );
        galat.tolak_bila_ada()?;
        Ok(AplikasiPerkantoran {
            id: AplikasiId::new(),
            nama,
            deskripsi,
            url,
            dasar_penetapan,
        })
    }
}
