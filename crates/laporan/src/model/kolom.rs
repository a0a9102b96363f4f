//! The fixed column catalogue (R-LAP-02) and how each column reads a system.

use chrono::NaiveDate;
use pse_kernel::{KepalaKolom, Sel, SistemId};
use serde::{Deserialize, Serialize};
use sistem_elektronik::model::isi::label_kode;
use sistem_elektronik::model::{Bagian, KategoriSe, SistemElektronik, StatusSistem};

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

/// What a report reads of one system: a flat row (the report's read model), so a store can
/// fill it from plain columns without loading the whole aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct SistemLaporan {
    pub id: SistemId,
    pub nama_internal: String,
    pub nama_eksternal: String,
    pub instansi: String,
    pub unit: Option<String>,
    /// The province's name.
    pub provinsi: Option<String>,
    /// The category in force (the self-assessment's, else the declared one).
    pub kategori: KategoriSe,
    /// Stored codes, shown with [`label_kode`].
    pub kategori_akses: String,
    pub sasaran_pelayanan: String,
    pub url: Option<String>,
    /// From the hardware section (a code), when filled.
    pub lokasi_hosting: Option<String>,
    /// From the responsible-person section, when filled.
    pub penanggung_jawab: Option<String>,
    pub status: StatusSistem,
    /// Percent, 0–100.
    pub progres: u32,
    /// The Tanda Daftar's number and date of issue.
    pub tanda_daftar: Option<(u64, NaiveDate)>,
}

impl SistemLaporan {
    /// The row of an aggregate, with the names shown next to it.
    pub fn dari(
        s: &SistemElektronik,
        instansi: String,
        unit: Option<String>,
        provinsi: Option<String>,
    ) -> Self {
        let d = &s.data_awal;
        let isian = |b: Bagian, nama: &str| {
            s.bagian
                .get(&b)
                .and_then(|v| v.get(nama))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        Self {
            id: s.id,
            nama_internal: d.nama_internal.clone(),
            nama_eksternal: d.nama_eksternal.clone(),
            instansi,
            unit,
            provinsi,
            kategori: s.kategori_berlaku(),
            kategori_akses: d.kategori_akses.kode().to_string(),
            sasaran_pelayanan: d.sasaran_pelayanan.kode().to_string(),
            url: d.url.as_ref().map(|u| u.as_ref().to_string()),
            lokasi_hosting: isian(Bagian::PerangkatKeras, "lokasi_hosting"),
            penanggung_jawab: isian(Bagian::PenanggungJawab, "nama"),
            status: s.status,
            progres: s.progres(),
            tanda_daftar: s.tanda_daftar.as_ref().map(|t| (t.nomor, t.tanggal_terbit)),
        }
    }
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

    /// Its header in a file: title and width.
    pub fn kepala(self) -> KepalaKolom {
        KepalaKolom::new(self.judul(), self.lebar())
    }

    /// The cell of this column for a system.
    pub fn sel(self, x: &SistemLaporan) -> Sel {
        let kode = |k: &Option<String>| teks(k.as_deref().map(label_kode).unwrap_or_default());
        match self {
            Self::NamaInternal => teks(x.nama_internal.clone()),
            Self::NamaEksternal => teks(x.nama_eksternal.clone()),
            Self::Instansi => teks(x.instansi.clone()),
            Self::Unit => teks(x.unit.clone().unwrap_or_default()),
            Self::Provinsi => teks(x.provinsi.clone().unwrap_or_default()),
            Self::Kategori => teks(x.kategori.label()),
            Self::KategoriAkses => teks(label_kode(&x.kategori_akses)),
            Self::Url => teks(x.url.clone().unwrap_or_default()),
            Self::SasaranPelayanan => teks(label_kode(&x.sasaran_pelayanan)),
            Self::LokasiHosting => kode(&x.lokasi_hosting),
            Self::PenanggungJawab => kode(&x.penanggung_jawab),
            Self::Status => teks(x.status.label()),
            Self::Progres => Sel::Persen(f64::from(x.progres) / 100.0),
            Self::NomorTandaDaftar => x
                .tanda_daftar
                .map_or(Sel::Kosong, |(nomor, _)| Sel::Angka(nomor as f64)),
            Self::TanggalTerdaftar => x
                .tanda_daftar
                .map_or(Sel::Kosong, |(_, tanggal)| Sel::Tanggal(tanggal)),
        }
    }
}
