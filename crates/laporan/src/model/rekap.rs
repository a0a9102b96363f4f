//! The admin's national recap: systems per province and per instansi by status and category.

use super::kolom::SistemLaporan;
use sistem_elektronik::model::{KategoriSe, StatusSistem};
use std::collections::BTreeMap;

/// Counts of one province or instansi.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct BarisRekap {
    pub nama: String,
    /// Per status, in the order of [`StatusSistem::SEMUA`].
    pub per_status: [u64; 7],
    /// Per category: rendah, tinggi, strategis.
    pub per_kategori: [u64; 3],
    /// Every system.
    pub jumlah: u64,
}

impl BarisRekap {
    /// Systems holding a Tanda Daftar.
    pub fn terdaftar(&self) -> u64 {
        StatusSistem::SEMUA
            .iter()
            .zip(self.per_status)
            .filter(|(s, _)| s.terdaftar())
            .map(|(_, n)| n)
            .sum()
    }

    fn tambah(&mut self, x: &SistemLaporan) {
        if let Some(i) = StatusSistem::SEMUA.iter().position(|s| *s == x.status) {
            self.per_status[i] += 1;
        }
        let k = match x.kategori {
            KategoriSe::Rendah => 0,
            KategoriSe::Tinggi => 1,
            KategoriSe::Strategis => 2,
        };
        self.per_kategori[k] += 1;
        self.jumlah += 1;
    }
}

/// The recap, provinces and instansi by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RekapNasional {
    pub per_provinsi: Vec<BarisRekap>,
    pub per_instansi: Vec<BarisRekap>,
}

/// Builds the recap row by row, in constant memory per province and instansi.
#[derive(Debug, Default)]
pub struct PenyusunRekap {
    provinsi: BTreeMap<String, BarisRekap>,
    instansi: BTreeMap<String, BarisRekap>,
}

impl PenyusunRekap {
    /// Counts one system.
    pub fn tambah(&mut self, x: &SistemLaporan) {
        let p = x.provinsi.clone().unwrap_or_else(|| "Pusat".into());
        self.provinsi
            .entry(p.clone())
            .or_insert_with(|| BarisRekap {
                nama: p,
                ..Default::default()
            })
            .tambah(x);
        self.instansi
            .entry(x.instansi.clone())
            .or_insert_with(|| BarisRekap {
                nama: x.instansi.clone(),
                ..Default::default()
            })
            .tambah(x);
    }

    /// The finished recap.
    pub fn selesai(self) -> RekapNasional {
        RekapNasional {
            per_provinsi: self.provinsi.into_values().collect(),
            per_instansi: self.instansi.into_values().collect(),
        }
    }
}
