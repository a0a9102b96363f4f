//! The fixed column catalogue (R-LAP-02) and how each column reads a system.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sistem_elektronik::model::isi::label_kode;
use sistem_elektronik::model::{Bagian, SistemElektronik};

/// A column of the catalogue (contract names of DESIGN "Laporan").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kolom {
    NamaInternal,
    NamaEksternal,
    Instansi,
    Unit,
    Kategori,
    KategoriAkses,
    Url,
    Status,
    Progres,
    NomorTandaDaftar,
    TanggalTerdaftar,
    SasaranPelayanan,
    LokasiHosting,
    PenanggungJawab,
    Provinsi,
}

/// How a column's cells are typed in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisSel {
    Teks,
    Angka,
    Persen,
    Tanggal,
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Sel {
    Teks(String),
    Angka(f64),
    /// A fraction, 0.0–1.0, shown as a percentage.
    Persen(f64),
    Tanggal(NaiveDate),
    Kosong,
}

/// A system with the names a report shows next to it.
#[derive(Debug, Clone, PartialEq)]
pub struct SistemLaporan {
    pub sistem: SistemElektronik,
    pub instansi: String,
    pub unit: Option<String>,
    /// The province's name.
    pub provinsi: Option<String>,
}

fn teks(s: impl Into<String>) -> Sel {
    let s = s.into();
    if s.is_empty() {
        Sel::Kosong
    } else {
        Sel::Teks(s)
    }
}

impl Kolom {
    /// The catalogue, in its usual order.
    pub const SEMUA: [Kolom; 15] = [
        Self::NamaInternal,
        Self::NamaEksternal,
        Self::Instansi,
        Self::Unit,
        Self::Provinsi,
        Self::Kategori,
        Self::KategoriAkses,
        Self::Url,
        Self::SasaranPelayanan,
        Self::LokasiHosting,
        Self::PenanggungJawab,
        Self::Status,
        Self::Progres,
        Self::NomorTandaDaftar,
        Self::TanggalTerdaftar,
    ];

    /// The contract name.
    pub fn kode(self) -> &'static str {
        match self {
            Self::NamaInternal => "nama_internal",
            Self::NamaEksternal => "nama_eksternal",
            Self::Instansi => "instansi",
            Self::Unit => "unit",
            Self::Kategori => "kategori",
            Self::KategoriAkses => "kategori_akses",
            Self::Url => "url",
            Self::Status => "status",
            Self::Progres => "progres",
            Self::NomorTandaDaftar => "nomor_tanda_daftar",
            Self::TanggalTerdaftar => "tanggal_terdaftar",
            Self::SasaranPelayanan => "sasaran_pelayanan",
            Self::LokasiHosting => "lokasi_hosting",
            Self::PenanggungJawab => "penanggung_jawab",
            Self::Provinsi => "provinsi",
        }
    }

    /// Parses a contract name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|k| k.kode() == raw.trim())
    }

    /// The header people read.
    pub fn judul(self) -> &'static str {
        match self {
            Self::NamaInternal => "Nama Internal",
            Self::NamaEksternal => "Nama Sistem Elektronik",
            Self::Instansi => "Instansi",
            Self::Unit => "Unit Kerja",
            Self::Kategori => "Kategori",
            Self::KategoriAkses => "Kategori Akses",
            Self::Url => "URL",
            Self::Status => "Status",
            Self::Progres => "Progres Pendaftaran",
            Self::NomorTandaDaftar => "Nomor Tanda Daftar",
            Self::TanggalTerdaftar => "Tanggal Terdaftar",
            Self::SasaranPelayanan => "Sasaran Pelayanan",
            Self::LokasiHosting => "Lokasi Hosting",
            Self::PenanggungJawab => "Penanggung Jawab",
            Self::Provinsi => "Provinsi",
        }
    }

    /// How its cells are typed.
    pub fn jenis(self) -> JenisSel {
        match self {
            Self::Progres => JenisSel::Persen,
            Self::NomorTandaDaftar => JenisSel::Angka,
            Self::TanggalTerdaftar => JenisSel::Tanggal,
            _ => JenisSel::Teks,
        }
    }

    /// A sensible width in characters.
    pub fn lebar(self) -> f64 {
        match self {
            Self::NamaEksternal | Self::Instansi | Self::Url => 40.0,
            Self::NamaInternal | Self::Unit | Self::PenanggungJawab | Self::Status => 28.0,
            Self::Provinsi | Self::LokasiHosting | Self::SasaranPelayanan => 20.0,
            _ => 16.0,
        }
    }

    /// The cell of this column for a system.
    pub fn sel(self, x: &SistemLaporan) -> Sel {
        let s = &x.sistem;
        let d = &s.data_awal;
        let isian = |b: Bagian, nama: &str| {
            s.bagian
                .get(&b)
                .and_then(|v| v.get(nama))
                .and_then(|v| v.as_str())
                .map(label_kode)
                .unwrap_or_default()
        };
        match self {
            Self::NamaInternal => teks(d.nama_internal.clone()),
            Self::NamaEksternal => teks(d.nama_eksternal.clone()),
            Self::Instansi => teks(x.instansi.clone()),
            Self::Unit => teks(x.unit.clone().unwrap_or_default()),
            Self::Provinsi => teks(x.provinsi.clone().unwrap_or_default()),
            Self::Kategori => teks(s.kategori_berlaku().label()),
            Self::KategoriAkses => teks(label_kode(d.kategori_akses.kode())),
            Self::Url => teks(
                d.url
                    .as_ref()
                    .map(|u| u.as_ref().to_string())
                    .unwrap_or_default(),
            ),
            Self::SasaranPelayanan => teks(label_kode(d.sasaran_pelayanan.kode())),
            Self::LokasiHosting => teks(isian(Bagian::PerangkatKeras, "lokasi_hosting")),
            Self::PenanggungJawab => teks(isian(Bagian::PenanggungJawab, "nama")),
            Self::Status => teks(s.status.label()),
            Self::Progres => Sel::Persen(f64::from(s.progres()) / 100.0),
            Self::NomorTandaDaftar => s
                .tanda_daftar
                .as_ref()
                .map_or(Sel::Kosong, |t| Sel::Angka(t.nomor as f64)),
            Self::TanggalTerdaftar => s
                .tanda_daftar
                .as_ref()
                .map_or(Sel::Kosong, |t| Sel::Tanggal(t.tanggal_terbit)),
        }
    }
}
