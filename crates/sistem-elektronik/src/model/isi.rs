//! A system's filled-in data as one value (kept as the previous version when it changes, R-PD-04),
//! and the same data as label–text rows people read, which is also what a change is compared on.

use super::bagian::{Bagian, JenisIsian};
use super::data_awal::DataAwal;
use super::kategori::PenilaianKategori;
use super::sistem::DokumenPendukung;
use pse_kernel::DaftarWilayah;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Everything a registrant filled in: Data Awal, the sections, the documents, the self-assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IsiSistem {
    pub data_awal: DataAwal,
    pub bagian: BTreeMap<Bagian, Value>,
    pub dokumen: Vec<DokumenPendukung>,
    pub penilaian: Option<PenilaianKategori>,
}

/// What people read for every option code of the Data Awal, the sections and the documents: one
/// table for pages, emails, errors and reports, so no code reaches a person's eyes.
pub const LABEL_PILIHAN: &[(&str, &str)] = &[
    ("lokal", "Lokal"),
    ("regional", "Regional (antardaerah)"),
    ("nasional", "Nasional"),
    ("internasional", "Internasional"),
    ("online", "Daring (dapat diakses publik)"),
    ("offline", "Luring (hanya internal)"),
    ("rendah", "Rendah"),
    ("tinggi", "Tinggi"),
    ("strategis", "Strategis"),
    ("perizinan", "Perizinan"),
    ("pembayaran", "Pembayaran"),
    ("pelaporan_masyarakat", "Pelaporan masyarakat"),
    ("pendaftaran", "Pendaftaran"),
    ("publikasi_informasi", "Publikasi informasi"),
    ("administrasi_pemerintahan", "Administrasi pemerintahan"),
    ("pdn", "Pusat Data Nasional (PDN)"),
    ("pusat_data_instansi", "Pusat data instansi"),
    ("cloud", "Komputasi awan (cloud)"),
    ("open_source", "Sumber terbuka (open source)"),
    ("proprietary", "Berlisensi (proprietary)"),
    ("campuran", "Campuran"),
    ("instansi", "Instansi sendiri"),
    ("internal", "Internal instansi"),
    ("pihak_ketiga", "Pihak ketiga"),
    ("sop", "Standar operasional prosedur (SOP)"),
    ("arsitektur", "Dokumen arsitektur"),
    ("manual", "Manual pengguna"),
    ("lainnya", "Lainnya"),
];

/// The label of an option code; any other text (what a person typed) as it is.
pub fn label_kode(k: &str) -> String {
    LABEL_PILIHAN
        .iter()
        .find(|(kode, _)| *kode == k)
        .map_or_else(|| k.to_string(), |(_, label)| (*label).to_string())
}

#[cfg(test)]
mod tests_label {
    use super::*;
    use crate::model::bagian::JenisIsian;
    use crate::model::{Akses, KategoriSe, Sasaran};

    /// Every code a person can choose, from the domain's own lists.
    fn semua_kode() -> Vec<&'static str> {
        let mut v: Vec<&'static str> = Sasaran::SEMUA.map(Sasaran::kode).to_vec();
        v.extend(Akses::SEMUA.map(Akses::kode));
        v.extend(KategoriSe::SEMUA.map(KategoriSe::kode));
        v.extend(crate::model::sistem::JENIS_DOKUMEN);
        for b in Bagian::SEMUA {
            for (_, _, jenis) in b.kolom() {
                if let JenisIsian::Pilihan(o) | JenisIsian::DaftarPilihan(o) = jenis {
                    v.extend(o.iter());
                }
            }
        }
        v
    }

    #[test]
    fn r_se_04_every_option_a_person_can_choose_has_a_label_and_no_label_is_a_code() {
        for k in semua_kode() {
            let l = label_kode(k);
            assert_ne!(l, k, "{k} has no label");
            assert!(!l.contains('_'), "{l}");
        }
        assert_eq!(
            label_kode("Dinas_Kominfo"),
            "Dinas_Kominfo",
            "typed text stays"
        );
    }

    #[test]
    fn r_se_04_a_region_code_reads_as_its_name() {
        let w = pse_kernel::DaftarWilayah::baru([pse_kernel::Wilayah {
            kode: "65.71".into(),
            nama: "Kota Tarakan".into(),
        }]);
        let v = |s: &str| Value::String(s.into());
        assert_eq!(
            teks_isian(JenisIsian::Kota, &v("65.71"), &w),
            "Kota Tarakan"
        );
        assert_eq!(
            teks_isian(JenisIsian::Kota, &v("Tarakan"), &w),
            "Tarakan",
            "text kept from before the lists stays readable"
        );
        assert_eq!(teks_isian(JenisIsian::Teks, &v("65.71"), &w), "65.71");
        assert_eq!(
            teks_isian(JenisIsian::YaTidak, &Value::Bool(true), &w),
            "Ya"
        );
    }

    #[test]
    fn options_read_as_a_sentence() {
        assert_eq!(
            daftar_label(&["sop", "manual", "lainnya"]),
            "Standar operasional prosedur (SOP), Manual pengguna atau Lainnya"
        );
        assert_eq!(daftar_label(&["cloud"]), "Komputasi awan (cloud)");
    }
}

/// The options' labels as a sentence lists them: `A, B atau C`.
pub fn daftar_label(kode: &[&str]) -> String {
    let label: Vec<String> = kode.iter().map(|k| label_kode(k)).collect();
    match label.split_last() {
        Some((akhir, awal)) if !awal.is_empty() => format!("{} atau {akhir}", awal.join(", ")),
        Some((akhir, _)) => akhir.clone(),
        None => String::new(),
    }
}

/// A stored value as people read it.
pub fn teks_nilai(v: &Value) -> String {
    match v {
        Value::Bool(true) => "Ya".into(),
        Value::Bool(false) => "Tidak".into(),
        Value::String(s) => label_kode(s),
        Value::Array(a) => a.iter().map(teks_nilai).collect::<Vec<_>>().join(", "),
        Value::Null => "—".into(),
        lain => lain.to_string(),
    }
}

/// A section field's stored value as people read it: a region code by its name in `wilayah`, a
/// date as "15 Januari 2024".
pub fn teks_isian(jenis: JenisIsian, v: &Value, wilayah: &DaftarWilayah) -> String {
    match (jenis, v) {
        (JenisIsian::Provinsi | JenisIsian::Kota, Value::String(kode)) => wilayah
            .nama(kode)
            .map_or_else(|| kode.clone(), String::from),
        (JenisIsian::Tanggal, Value::String(t)) => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map_or_else(|_| t.clone(), pse_kernel::kalender::tanggal_panjang),
        _ => teks_nilai(v),
    }
}

impl DataAwal {
    /// The Data Awal as label–text rows.
    pub fn rincian(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Nama internal", self.nama_internal.clone()),
            ("Nama eksternal", self.nama_eksternal.clone()),
            ("Keterangan", self.keterangan.clone()),
            (
                "Sasaran pelayanan",
                label_kode(self.sasaran_pelayanan.kode()),
            ),
            ("Kategori (dinyatakan)", self.kategori.label().into()),
            ("Kategori akses", label_kode(self.kategori_akses.kode())),
            (
                "URL",
                self.url
                    .as_ref()
                    .map_or_else(|| "—".into(), |u| u.as_ref().to_string()),
            ),
            (
                "Dipublikasikan di dasbor SPBE",
                if self.publikasi_spbe { "Ya" } else { "Tidak" }.into(),
            ),
        ]
    }
}

/// One field that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perbedaan {
    /// The part of the form (e.g. "Data Awal", "Helpdesk").
    pub bagian: String,
    /// The field's label.
    pub kolom: String,
    pub sebelum: String,
    pub sesudah: String,
}

impl IsiSistem {
    /// Every field as (part, label, text), in form order; region codes named from `wilayah`.
    pub fn baris(&self, wilayah: &DaftarWilayah) -> Vec<(&'static str, &'static str, String)> {
        let mut baris: Vec<_> = self
            .data_awal
            .rincian()
            .into_iter()
            .map(|(l, v)| ("Data Awal", l, v))
            .collect();
        for b in Bagian::SEMUA {
            for (nama, label, jenis) in b.kolom() {
                let v = self
                    .bagian
                    .get(&b)
                    .and_then(|x| x.get(*nama))
                    .map_or_else(|| "—".into(), |v| teks_isian(*jenis, v, wilayah));
                baris.push((b.judul(), *label, v));
            }
        }
        let dokumen = self
            .dokumen
            .iter()
            .map(|d| format!("{} ({})", d.nama_berkas, label_kode(&d.jenis)))
            .collect::<Vec<_>>()
            .join(", ");
        baris.push(("Dokumen Pendukung", "Berkas", dokumen));
        let (skor, kategori) = self.penilaian.as_ref().map_or_else(
            || ("—".into(), "—".into()),
            |p| (p.skor.to_string(), p.kategori.label().to_string()),
        );
        baris.push(("Penilaian Kategori", "Skor", skor));
        baris.push(("Penilaian Kategori", "Kategori", kategori));
        baris
    }

    /// The fields whose text differs from `sebelum`, in form order (R-PD-04).
    pub fn perbedaan_dari(&self, sebelum: &IsiSistem, wilayah: &DaftarWilayah) -> Vec<Perbedaan> {
        sebelum
            .baris(wilayah)
            .into_iter()
            .zip(self.baris(wilayah))
            .filter(|(a, b)| a.2 != b.2)
            .map(|((bagian, kolom, lama), (_, _, baru))| Perbedaan {
                bagian: bagian.into(),
                kolom: kolom.into(),
                sebelum: lama,
                sesudah: baru,
            })
            .collect()
    }
}
