//! A report configuration (R-LAP-01): its name, the ordered columns, the filters and the order.

use super::kolom::{Kolom, SistemLaporan};
use crate::LaporanError;
use chrono::{DateTime, NaiveDate, Utc};
use pse_kernel::{AkunId, InstansiId, LaporanId};
use pse_kernel::{GalatIsian, Sel};
use serde::{Deserialize, Serialize};
use sistem_elektronik::model::{KategoriSe, StatusSistem};
use std::cmp::Ordering;

/// Which systems a report holds, within the actor's scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterLaporan {
    pub status: Option<StatusSistem>,
    pub kategori: Option<KategoriSe>,
    /// A province code.
    pub provinsi: Option<String>,
    /// One instansi (the admin's reports only).
    pub instansi_id: Option<InstansiId>,
}

/// Filters as typed (every value optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IsianFilter {
    pub status: String,
    pub kategori: String,
    pub provinsi: String,
    pub instansi_id: String,
}

/// A configuration as typed (JSON body or form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IsianLaporan {
    pub nama: String,
    /// Column names, in order.
    pub kolom: Vec<String>,
    pub filter: IsianFilter,
    /// A column name to sort by; empty: by system name.
    pub urutan: String,
}

/// What a configuration record holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RekamLaporan {
    pub id: LaporanId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    /// The account whose configuration it is.
    pub pemilik: AkunId,
    pub nama: String,
    pub kolom: Vec<Kolom>,
    pub filter: FilterLaporan,
    pub urutan: Option<Kolom>,
    pub dibuat_pada: DateTime<Utc>,
    pub diubah_pada: DateTime<Utc>,
}

/// A saved report configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct KonfigurasiLaporan(RekamLaporan);

impl std::ops::Deref for KonfigurasiLaporan {
    type Target = RekamLaporan;
    fn deref(&self) -> &RekamLaporan {
        &self.0
    }
}

type Tersaring = (String, Vec<Kolom>, FilterLaporan, Option<Kolom>);

impl IsianLaporan {
    /// Checks every field at once; unknown columns are named (R-LAP-02). The instansi filter is for
    /// the admin only.
    pub fn validasi(&self, admin: bool) -> Result<Tersaring, LaporanError> {
        let mut g = Vec::new();
        let nama = self.nama.trim().to_string();
        if nama.is_empty() {
            g.push(GalatIsian::new("nama", "Beri nama laporan."));
        } else if nama.chars().count() > 100 {
            g.push(GalatIsian::new(
                "nama",
                "Nama laporan paling banyak 100 karakter.",
            ));
        }
        let mut kolom = Vec::new();
        let mut tak_dikenal = Vec::new();
        for k in self.kolom.iter().filter(|k| !k.trim().is_empty()) {
            match Kolom::parse(k) {
                Some(k) if !kolom.contains(&k) => kolom.push(k),
                Some(_) => {}
                None => tak_dikenal.push(k.trim().to_string()),
            }
        }
        if !tak_dikenal.is_empty() {
            g.push(GalatIsian::new(
                "kolom",
                format!("Kolom tidak dikenal: {}.", tak_dikenal.join(", ")),
            ));
        } else if kolom.is_empty() {
            g.push(GalatIsian::new("kolom", "Pilih paling sedikit satu kolom."));
        }
        let f = &self.filter;
        let mut filter = FilterLaporan::default();
        if !f.status.trim().is_empty() {
            filter.status = StatusSistem::parse(f.status.trim());
            if filter.status.is_none() {
                g.push(GalatIsian::new("filter.status", "Status tidak dikenal."));
            }
        }
        if !f.kategori.trim().is_empty() {
            filter.kategori = KategoriSe::parse(f.kategori.trim());
            if filter.kategori.is_none() {
                g.push(GalatIsian::new(
                    "filter.kategori",
                    "Kategori harus rendah, tinggi atau strategis.",
                ));
            }
        }
        if !f.provinsi.trim().is_empty() {
            let p = f.provinsi.trim();
            if p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()) {
                filter.provinsi = Some(p.into());
            } else {
                g.push(GalatIsian::new(
                    "filter.provinsi",
                    "Tulis kode provinsi dua angka, misalnya 65.",
                ));
            }
        }
        if !f.instansi_id.trim().is_empty() {
            match (admin, f.instansi_id.trim().parse::<InstansiId>()) {
                (false, _) => g.push(GalatIsian::new(
                    "filter.instansi_id",
                    "Saringan instansi hanya untuk admin; laporan Anda selalu berisi instansi Anda sendiri.",
                )),
                (true, Ok(i)) => filter.instansi_id = Some(i),
                (true, Err(_)) => g.push(GalatIsian::new("filter.instansi_id", "Instansi tidak dikenal.")),
            }
        }
        let urutan = match self.urutan.trim() {
            "" => None,
            u => {
                let k = Kolom::parse(u);
                if k.is_none() {
                    g.push(GalatIsian::new(
                        "urutan",
                        format!("Kolom tidak dikenal: {u}."),
                    ));
                }
                k
            }
        };
        if g.is_empty() {
            Ok((nama, kolom, filter, urutan))
        } else {
            Err(LaporanError::Validasi(g))
        }
    }
}

impl KonfigurasiLaporan {
    /// A new configuration of `pemilik` (R-LAP-01).
    pub fn baru(
        pemilik: AkunId,
        isian: &IsianLaporan,
        admin: bool,
        now: DateTime<Utc>,
    ) -> Result<Self, LaporanError> {
        let (nama, kolom, filter, urutan) = isian.validasi(admin)?;
        Ok(Self(RekamLaporan {
            id: LaporanId::new(),
            versi: 0,
            pemilik,
            nama,
            kolom,
            filter,
            urutan,
            dibuat_pada: now,
            diubah_pada: now,
        }))
    }

    /// Restores a configuration from storage.
    pub fn pulihkan(rekam: RekamLaporan) -> Self {
        Self(rekam)
    }

    /// Replaces the configuration with new choices.
    pub fn ubah(
        mut self,
        isian: &IsianLaporan,
        admin: bool,
        now: DateTime<Utc>,
    ) -> Result<Self, LaporanError> {
        let (nama, kolom, filter, urutan) = isian.validasi(admin)?;
        self.0.nama = nama;
        self.0.kolom = kolom;
        self.0.filter = filter;
        self.0.urutan = urutan;
        self.0.diubah_pada = now;
        Ok(self)
    }

    /// The configuration as typed, to fill the edit form.
    pub fn isian(&self) -> IsianLaporan {
        IsianLaporan {
            nama: self.0.nama.clone(),
            kolom: self.0.kolom.iter().map(|k| k.kode().to_string()).collect(),
            filter: IsianFilter {
                status: self
                    .0
                    .filter
                    .status
                    .map(|s| s.kode().into())
                    .unwrap_or_default(),
                kategori: self
                    .0
                    .filter
                    .kategori
                    .map(|k| k.kode().into())
                    .unwrap_or_default(),
                provinsi: self.0.filter.provinsi.clone().unwrap_or_default(),
                instansi_id: self
                    .0
                    .filter
                    .instansi_id
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
            },
            urutan: self.0.urutan.map(|k| k.kode().into()).unwrap_or_default(),
        }
    }

    /// The download's file name: the report's name and the date.
    pub fn nama_berkas(&self, tanggal: NaiveDate) -> String {
        let mut nama: String = self
            .0
            .nama
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        while nama.contains("--") {
            nama = nama.replace("--", "-");
        }
        let nama = nama.trim_matches('-');
        let nama = if nama.is_empty() { "laporan" } else { nama };
        format!("{nama}-{}.xlsx", tanggal.format("%Y-%m-%d"))
    }

    /// Whether the rows must be held and sorted (an order other than the store's, by name).
    pub fn perlu_diurutkan(&self) -> bool {
        self.0.urutan.is_some_and(|k| k != Kolom::NamaEksternal)
    }

    /// A system's cells, in column order.
    pub fn sel(&self, x: &SistemLaporan) -> Vec<Sel> {
        self.0.kolom.iter().map(|k| k.sel(x)).collect()
    }

    /// A system's row held for sorting: its cells with what it sorts by.
    pub fn baris(&self, x: &SistemLaporan) -> BarisLaporan {
        BarisLaporan {
            kunci: self.0.urutan.map_or(Sel::Kosong, |k| k.sel(x)),
            nama: x.nama_eksternal.clone(),
            sel: self.sel(x),
        }
    }

    /// Sorts rows by the chosen column (empty cells last), then by name.
    pub fn urutkan(&self, baris: &mut [BarisLaporan]) {
        baris.sort_by(|a, b| banding(&a.kunci, &b.kunci).then_with(|| a.nama.cmp(&b.nama)));
    }
}

/// A report row held for sorting: only its cells, never the whole system.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisLaporan {
    kunci: Sel,
    nama: String,
    /// The cells, in the configuration's column order.
    pub sel: Vec<Sel>,
}

fn banding(a: &Sel, b: &Sel) -> Ordering {
    use Sel::*;
    match (a, b) {
        (Kosong, Kosong) => Ordering::Equal,
        (Kosong, _) => Ordering::Greater,
        (_, Kosong) => Ordering::Less,
        (Angka(x), Angka(y)) | (Persen(x), Persen(y)) => x.total_cmp(y),
        (Tanggal(x), Tanggal(y)) => x.cmp(y),
        (Teks(x), Teks(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn isian(kolom: &[&str]) -> IsianLaporan {
        IsianLaporan {
            nama: "Rekap SE / 2026".into(),
            kolom: kolom.iter().map(|k| k.to_string()).collect(),
            ..IsianLaporan::default()
        }
    }

    #[test]
    fn r_lap_01_a_configuration_is_added_edited_and_named_for_its_file() {
        let now = DateTime::<Utc>::default();
        let k = KonfigurasiLaporan::baru(
            AkunId::new(),
            &isian(&["status", "nama_eksternal", "status"]),
            false,
            now,
        )
        .unwrap();
        assert_eq!(
            k.kolom,
            vec![Kolom::Status, Kolom::NamaEksternal],
            "ordered, once each"
        );
        let mut ubah = k.isian();
        ubah.urutan = "progres".into();
        ubah.filter.kategori = "tinggi".into();
        let k = k.ubah(&ubah, false, now).unwrap();
        assert_eq!(
            (k.urutan, k.filter.kategori),
            (Some(Kolom::Progres), Some(KategoriSe::Tinggi))
        );
        assert!(k.perlu_diurutkan());
        let tanggal = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(k.nama_berkas(tanggal), "rekap-se-2026-2026-11-23.xlsx");
    }

    #[test]
    fn r_lap_02_only_catalogue_columns_and_known_filters() {
        let mut salah = isian(&["nama_eksternal", "warna", "ukuran"]);
        salah.nama = " ".into();
        salah.filter = IsianFilter {
            status: "hilang".into(),
            kategori: "sedang".into(),
            provinsi: "Kaltara".into(),
            instansi_id: "x".into(),
        };
        salah.urutan = "tinggi_badan".into();
        insta::assert_debug_snapshot!(salah.validasi(false).unwrap_err());
        let kosong = isian(&[]).validasi(false).unwrap_err();
        insta::assert_snapshot!(format!("{kosong:?}"), @r#"Validasi([GalatIsian { field: "kolom", message: "Pilih paling sedikit satu kolom." }])"#);
        assert_eq!(Kolom::SEMUA.len(), 15);
        for k in Kolom::SEMUA {
            assert_eq!(Kolom::parse(k.kode()), Some(k));
        }
    }
}
