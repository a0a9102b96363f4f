//! A system's filled-in data as one value (kept as the previous version when it changes, R-PD-04),
//! and the same data as label–text rows people read, which is also what a change is compared on.

use super::bagian::Bagian;
use super::data_awal::DataAwal;
use super::kategori::PenilaianKategori;
use super::sistem::DokumenPendukung;
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

/// Labels an option code for people: `pusat_data_instansi` → `pusat data instansi`.
pub fn label_kode(k: &str) -> String {
    k.replace('_', " ")
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
    /// Every field as (part, label, text), in form order.
    pub fn baris(&self) -> Vec<(&'static str, &'static str, String)> {
        let mut baris: Vec<_> = self
            .data_awal
            .rincian()
            .into_iter()
            .map(|(l, v)| ("Data Awal", l, v))
            .collect();
        for b in Bagian::SEMUA {
            for (nama, label, _) in b.kolom() {
                let v = self
                    .bagian
                    .get(&b)
                    .and_then(|x| x.get(*nama))
                    .map_or_else(|| "—".into(), teks_nilai);
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
    pub fn perbedaan_dari(&self, sebelum: &IsiSistem) -> Vec<Perbedaan> {
        sebelum
            .baris()
            .into_iter()
            .zip(self.baris())
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
