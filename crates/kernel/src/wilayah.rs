//! Wilayah (Kemendagri regions): a province `11` or a regency/city `11.01`, and the loaded list
//! that fields holding a region code are checked against and named from.

use serde::Serialize;
use std::collections::BTreeMap;

/// A province or a regency/city with its Kemendagri code (`11`, `11.01`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wilayah {
    /// Kemendagri code.
    pub kode: String,
    /// Name.
    pub nama: String,
}

impl Wilayah {
    /// Whether this is a province (a code without a dot).
    pub fn provinsi(&self) -> bool {
        !self.kode.contains('.')
    }

    /// Whether `kota` lies in this province.
    pub fn memuat(&self, kota: &Wilayah) -> bool {
        provinsi_dari(&kota.kode) == Some(self.kode.as_str())
    }
}

/// The province part of a regency/city code (`65` of `65.71`); `None` for a province's code.
pub fn provinsi_dari(kode_kota: &str) -> Option<&str> {
    kode_kota.split_once('.').map(|(p, _)| p)
}

/// The Kemendagri list shipped with the project (`kode,nama`: 38 provinces, 514 regencies and cities).
const BAWAAN: &str = include_str!("../../../fixtures/wilayah.csv");

/// The loaded wilayah, by code; read once when the services are built, like the holiday calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DaftarWilayah {
    nama: BTreeMap<String, String>,
}

impl DaftarWilayah {
    /// The list of `wilayah`.
    pub fn baru(wilayah: impl IntoIterator<Item = Wilayah>) -> Self {
        Self {
            nama: wilayah.into_iter().map(|w| (w.kode, w.nama)).collect(),
        }
    }

    /// The list shipped with the project: what an embedder gets by default. The portal reads its
    /// database's list instead, which later official lists (`pse-portal wilayah impor`) update.
    pub fn bawaan() -> Self {
        Self::baru(BAWAAN.lines().skip(1).filter_map(|baris| {
            let (kode, nama) = baris.split_once(',')?;
            Some(Wilayah {
                kode: kode.trim().into(),
                nama: nama.trim().into(),
            })
        }))
    }

    /// The name of the province or regency/city `kode`.
    pub fn nama(&self, kode: &str) -> Option<&str> {
        self.nama.get(kode).map(String::as_str)
    }

    /// Whether `kode` is a loaded province.
    pub fn provinsi(&self, kode: &str) -> bool {
        !kode.contains('.') && self.nama.contains_key(kode)
    }

    /// Whether `kode` is a loaded regency/city.
    pub fn kota(&self, kode: &str) -> bool {
        kode.contains('.') && self.nama.contains_key(kode)
    }

    /// Every loaded wilayah in code order (each province before its regencies and cities).
    pub fn semua(&self) -> impl Iterator<Item = Wilayah> + '_ {
        self.nama.iter().map(|(kode, nama)| Wilayah {
            kode: kode.clone(),
            nama: nama.clone(),
        })
    }

    /// The loaded provinces in code order (what a province picker offers, read without a query).
    pub fn daftar_provinsi(&self) -> Vec<Wilayah> {
        self.semua().filter(Wilayah::provinsi).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(kode: &str, nama: &str) -> Wilayah {
        Wilayah {
            kode: kode.into(),
            nama: nama.into(),
        }
    }

    #[test]
    fn the_shipped_list_holds_every_province_and_city() {
        let d = DaftarWilayah::bawaan();
        assert_eq!(d.semua().filter(Wilayah::provinsi).count(), 38);
        assert_eq!(d.semua().filter(|w| !w.provinsi()).count(), 514);
        assert_eq!(d.nama("65.71"), Some("Kota Tarakan"));
    }

    #[test]
    fn codes_are_looked_up_by_kind() {
        let d = DaftarWilayah::baru([w("65", "Kalimantan Utara"), w("65.71", "Kota Tarakan")]);
        assert_eq!(d.nama("65.71"), Some("Kota Tarakan"));
        assert!(d.provinsi("65") && !d.provinsi("65.71") && !d.provinsi("31"));
        assert!(d.kota("65.71") && !d.kota("65") && !d.kota("65.01"));
        assert!(w("65", "").memuat(&w("65.71", "")) && !w("6", "").memuat(&w("65.71", "")));
        assert_eq!(
            d.semua().map(|w| w.kode).collect::<Vec<_>>(),
            ["65", "65.71"]
        );
        assert_eq!(d.daftar_provinsi(), [w("65", "Kalimantan Utara")]);
    }
}
