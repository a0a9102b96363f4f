//! What an OPD fills in and uploads to apply (R-DAE-01): the system, the recommendation letter's
//! number and date, and two PDFs.

use chrono::NaiveDate;
use pse_kernel::{Galat, GalatIsian};
use serde::{Deserialize, Serialize};

/// The longest text kept in any field, in characters.
pub const PANJANG_MAKS: usize = 2000;
/// The longest name or letter number, in characters.
const NAMA_MAKS: usize = 200;

/// An uploaded PDF, already checked, as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Berkas {
    /// Hex SHA-256 of the content; the key in the document store.
    pub sha256: String,
    /// The name it was uploaded with.
    pub nama_berkas: String,
    /// Size in bytes.
    pub ukuran: u64,
}

/// The application's fields as typed (a JSON `null` or a missing field is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct FormPermohonan {
    /// The system's name.
    pub nama_sistem: String,
    /// What it does and for whom.
    pub deskripsi: String,
    /// The recommendation letter's number.
    pub nomor_surat: String,
    /// Its date, `YYYY-MM-DD`.
    pub tanggal_surat: String,
}

/// The application's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsianPermohonan {
    /// The system's name.
    pub nama_sistem: String,
    /// What it does and for whom.
    pub deskripsi: String,
    /// The recommendation letter's number.
    pub nomor_surat: String,
    /// Its date.
    pub tanggal_surat: NaiveDate,
}

impl IsianPermohonan {
    /// Checks every field and that both PDFs came (`ada_surat`, `ada_laporan`), naming each
    /// problem by its field, in the form's order. A letter cannot be dated after `hari_ini`.
    pub fn periksa(
        f: &FormPermohonan,
        ada_surat: bool,
        ada_laporan: bool,
        hari_ini: NaiveDate,
    ) -> Result<Self, Galat> {
        let mut galat = Vec::new();
        let mut teks = |field: &str, nilai: &str, maks: usize, kosong: &str| {
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
        };
        let nama_sistem = teks(
            "nama_sistem",
            &f.nama_sistem,
            NAMA_MAKS,
            "Isi nama sistem elektronik.",
        );
        let deskripsi = teks(
            "deskripsi",
            &f.deskripsi,
            PANJANG_MAKS,
            "Jelaskan fungsi dan pengguna sistem elektronik.",
        );
        let nomor_surat = teks(
            "nomor_surat",
            &f.nomor_surat,
            NAMA_MAKS,
            "Isi nomor Surat Rekomendasi Pembangunan Aplikasi.",
        );
        let tanggal_surat = match NaiveDate::parse_from_str(f.tanggal_surat.trim(), "%Y-%m-%d") {
            Ok(t) if t <= hari_ini => Some(t),
            Ok(_) => {
                galat.push(GalatIsian::new(
                    "tanggal_surat",
                    "Tanggal surat tidak boleh sesudah hari ini.",
                ));
                None
            }
            Err(_) if f.tanggal_surat.trim().is_empty() => {
                galat.push(GalatIsian::new("tanggal_surat", "Isi tanggal surat."));
                None
            }
            Err(_) => {
                galat.push(GalatIsian::new(
                    "tanggal_surat",
                    "Tulis tanggal surat sebagai TTTT-BB-HH, misalnya 2026-11-30.",
                ));
                None
            }
        };
        if !ada_surat {
            galat.push(GalatIsian::new(
                "surat_rekomendasi",
                "Unggah Surat Rekomendasi Pembangunan Aplikasi dalam PDF.",
            ));
        }
        if !ada_laporan {
            galat.push(GalatIsian::new(
                "laporan_tahapan",
                "Unggah laporan tahap perencanaan, analisis, desain, implementasi dan pengujian kelaikan dalam PDF.",
            ));
        }
        match tanggal_surat {
            Some(tanggal_surat) if galat.is_empty() => Ok(Self {
                nama_sistem,
                deskripsi,
                nomor_surat,
                tanggal_surat,
            }),
            _ => Err(Galat::Validasi(galat)),
        }
    }
}
