//! Isu dan Keluhan (R-LAY-03): a complaint gets its number (`ADU-<year>-<6 digits>`) and a code
//! at once; with both the complainant sees its status and answers; the admin answers it, moving
//! it `baru` → `diproses` → `selesai` (final).

use chrono::{DateTime, Utc};
use pse_kernel::{AkunId, Galat, GalatIsian, PengaduanId};
use serde::Serialize;

/// The longest name, in characters.
pub const NAMA_MAKS: usize = 200;
/// The longest email address.
pub const EMAIL_MAKS: usize = 254;
/// The longest description or answer.
pub const URAIAN_MAKS: usize = 4000;
/// The longest reference (a system's name or a Tanda Daftar number).
pub const RUJUKAN_MAKS: usize = 200;

/// What a complaint is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum KategoriPengaduan {
    /// The portal does not work as it should.
    KendalaTeknis,
    /// The service (its time, its officers).
    Layanan,
    /// Data shown or kept.
    Data,
    /// Anything else.
    Lainnya,
}

impl KategoriPengaduan {
    /// Every category, in the form's order.
    pub const SEMUA: [Self; 4] = [
        Self::KendalaTeknis,
        Self::Layanan,
        Self::Data,
        Self::Lainnya,
    ];

    /// Its code in the API.
    pub fn kode(self) -> &'static str {
        match self {
            Self::KendalaTeknis => "kendala_teknis",
            Self::Layanan => "layanan",
            Self::Data => "data",
            Self::Lainnya => "lainnya",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::KendalaTeknis => "Kendala teknis portal",
            Self::Layanan => "Pelayanan",
            Self::Data => "Data sistem elektronik atau instansi",
            Self::Lainnya => "Lainnya",
        }
    }

    /// The category of `kode`.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|k| k.kode() == kode)
    }
}

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum StatusPengaduan {
    /// Received, not yet handled.
    Baru,
    /// Being handled.
    Diproses,
    /// Answered and closed.
    Selesai,
}

impl StatusPengaduan {
    /// Every status, in order.
    pub const SEMUA: [Self; 3] = [Self::Baru, Self::Diproses, Self::Selesai];

    /// Its code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Baru => "baru",
            Self::Diproses => "diproses",
            Self::Selesai => "selesai",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Baru => "Baru",
            Self::Diproses => "Sedang diproses",
            Self::Selesai => "Selesai",
        }
    }

    /// The status of `kode`.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode() == kode)
    }

    /// Whether it still waits for the admin.
    pub fn terbuka(self) -> bool {
        self != Self::Selesai
    }
}

/// A complaint's number: its year and its place in that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NomorPengaduan {
    /// The year it was made.
    pub tahun: i32,
    /// Its place in the year, from 1.
    pub urut: u32,
}

impl std::fmt::Display for NomorPengaduan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ADU-{}-{:06}", self.tahun, self.urut)
    }
}

impl std::str::FromStr for NomorPengaduan {
    type Err = Galat;

    /// `ADU-2026-000123`, case-insensitive; anything else is not found.
    fn from_str(s: &str) -> Result<Self, Galat> {
        let s = s.trim().to_ascii_uppercase();
        let mut bagian = s.splitn(3, '-');
        match (bagian.next(), bagian.next(), bagian.next()) {
            (Some("ADU"), Some(t), Some(u)) if t.len() == 4 && u.len() == 6 => {
                let tahun = t.parse().map_err(|_| Galat::TidakDitemukan)?;
                let urut: u32 = u.parse().map_err(|_| Galat::TidakDitemukan)?;
                if urut == 0 {
                    return Err(Galat::TidakDitemukan);
                }
                Ok(Self { tahun, urut })
            }
            _ => Err(Galat::TidakDitemukan),
        }
    }
}

/// The complaint form as typed (absent fields are empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct FormulirPengaduan {
    /// The complainant's name.
    pub nama: String,
    /// Where the answer goes.
    pub email: String,
    /// The category's code.
    pub kategori: String,
    /// What happened.
    pub uraian: String,
    /// The system or number it is about (optional).
    pub rujukan: String,
}

/// A checked complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataPengaduan {
    /// The complainant's name.
    pub nama: String,
    /// The email address, lower-case.
    pub email: String,
    /// The category.
    pub kategori: KategoriPengaduan,
    /// What happened.
    pub uraian: String,
    /// What it is about.
    pub rujukan: Option<String>,
}

fn panjang(galat: &mut Vec<GalatIsian>, field: &str, nilai: &str, maks: usize, apa: &str) {
    if nilai.chars().count() > maks {
        galat.push(GalatIsian::new(
            field,
            format!("{apa} paling panjang {maks} karakter."),
        ));
    }
}

/// Whether `s` looks like an email address a message can be sent to.
fn email_wajar(s: &str) -> bool {
    match s.split_once('@') {
        Some((lokal, domain)) => {
            !lokal.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
                && !domain.contains('@')
        }
        None => false,
    }
}

impl FormulirPengaduan {
    /// Every field checked at once, each problem with its own message.
    pub fn periksa(&self) -> Result<DataPengaduan, Galat> {
        let mut galat = Vec::new();
        let nama = self.nama.trim();
        let email = self.email.trim().to_lowercase();
        let uraian = self.uraian.trim();
        let rujukan = self.rujukan.trim();
        if nama.is_empty() {
            galat.push(GalatIsian::new("nama", "Nama wajib diisi."));
        }
        panjang(&mut galat, "nama", nama, NAMA_MAKS, "Nama");
        if email.is_empty() {
            galat.push(GalatIsian::new(
                "email",
                "Email wajib diisi agar tanggapan dapat dikirimkan.",
            ));
        } else if email.len() > EMAIL_MAKS || !email_wajar(&email) {
            galat.push(GalatIsian::new(
                "email",
                "Tulis alamat email yang benar, misalnya nama@contoh.go.id.",
            ));
        }
        let kategori = KategoriPengaduan::dari_kode(self.kategori.trim());
        if kategori.is_none() {
            galat.push(GalatIsian::new("kategori", "Pilih kategori pengaduan."));
        }
        if uraian.is_empty() {
            galat.push(GalatIsian::new(
                "uraian",
                "Uraikan isu atau keluhan Anda: apa yang terjadi, kapan, dan pada halaman mana.",
            ));
        }
        panjang(&mut galat, "uraian", uraian, URAIAN_MAKS, "Uraian");
        panjang(&mut galat, "rujukan", rujukan, RUJUKAN_MAKS, "Rujukan");
        match kategori {
            Some(kategori) if galat.is_empty() => Ok(DataPengaduan {
                nama: nama.to_string(),
                email,
                kategori,
                uraian: uraian.to_string(),
                rujukan: (!rujukan.is_empty()).then(|| rujukan.to_string()),
            }),
            _ => Err(Galat::Validasi(galat)),
        }
    }
}

/// One answer of the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tanggapan {
    /// The answer.
    pub isi: String,
    /// The status it set.
    pub status: StatusPengaduan,
    /// When.
    pub pada: DateTime<Utc>,
    /// The admin who answered.
    pub oleh: AkunId,
}

/// A complaint and its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pengaduan {
    /// Its id.
    pub id: PengaduanId,
    /// Its number.
    pub nomor: NomorPengaduan,
    /// The hash of its code (the code itself is given once, to the complainant).
    #[serde(skip)]
    pub hash_kode: String,
    /// What was complained.
    pub data: DataPengaduan,
    /// Where it stands.
    pub status: StatusPengaduan,
    /// The answers, oldest first.
    pub tanggapan: Vec<Tanggapan>,
    /// When it was made.
    pub diajukan_pada: DateTime<Utc>,
    /// Its version, for the unit of work.
    pub versi: i64,
}

impl Pengaduan {
    /// A new complaint, `baru`.
    pub fn baru(
        nomor: NomorPengaduan,
        hash_kode: String,
        data: DataPengaduan,
        pada: DateTime<Utc>,
    ) -> Self {
        Self {
            id: PengaduanId::new(),
            nomor,
            hash_kode,
            data,
            status: StatusPengaduan::Baru,
            tanggapan: Vec::new(),
            diajukan_pada: pada,
            versi: 0,
        }
    }

    /// The admin's answer, setting `status` (`diproses` or `selesai`). A closed complaint takes no
    /// answer (checked first); the answer must be written and the status may not go back.
    pub fn tanggapi(
        &self,
        isi: &str,
        status: &str,
        oleh: AkunId,
        pada: DateTime<Utc>,
    ) -> Result<Self, Galat> {
        if !self.status.terbuka() {
            return Err(Galat::StatusTidakSesuai(
                "Pengaduan ini sudah selesai; tanggapan tidak dapat ditambahkan.".into(),
            ));
        }
        let mut galat = Vec::new();
        let isi = isi.trim();
        if isi.is_empty() {
            galat.push(GalatIsian::new(
                "tanggapan",
                "Tulis tanggapan untuk pelapor.",
            ));
        }
        panjang(&mut galat, "tanggapan", isi, URAIAN_MAKS, "Tanggapan");
        let status = match StatusPengaduan::dari_kode(status.trim()) {
            Some(s) if s > StatusPengaduan::Baru => Some(s),
            _ => {
                galat.push(GalatIsian::new(
                    "status",
                    "Pilih status: Sedang diproses atau Selesai.",
                ));
                None
            }
        };
        match status {
            Some(status) if galat.is_empty() => {
                let mut p = self.clone();
                p.status = status;
                p.tanggapan.push(Tanggapan {
                    isi: isi.to_string(),
                    status,
                    pada,
                    oleh,
                });
                Ok(p)
            }
            _ => Err(Galat::Validasi(galat)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use chrono::TimeZone;

    fn pada() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).single().unwrap()
    }

    fn formulir() -> FormulirPengaduan {
        FormulirPengaduan {
            nama: "  Budi Santoso ".into(),
            email: "Budi@TarakanKota.go.id".into(),
            kategori: "kendala_teknis".into(),
            uraian: "Tombol Ajukan tidak dapat ditekan pada bagian Helpdesk.".into(),
            rujukan: String::new(),
        }
    }

    #[test]
    fn r_lay_03_a_complaint_needs_a_name_an_address_a_category_and_what_happened() {
        let d = formulir().periksa().unwrap();
        assert_eq!(d.nama, "Budi Santoso");
        assert_eq!(d.email, "budi@tarakankota.go.id");
        assert_eq!(d.rujukan, None);
        let kosong = FormulirPengaduan::default().periksa().unwrap_err();
        let panjang = FormulirPengaduan {
            email: "bukan email".into(),
            uraian: "x".repeat(URAIAN_MAKS + 1),
            kategori: "spam".into(),
            ..formulir()
        }
        .periksa()
        .unwrap_err();
        insta::assert_yaml_snapshot!((kosong.to_string(), galat(kosong), galat(panjang)));
    }

    fn galat(g: Galat) -> Vec<(String, String)> {
        match g {
            Galat::Validasi(v) => v.into_iter().map(|e| (e.field, e.message)).collect(),
            lain => vec![(String::new(), lain.to_string())],
        }
    }

    #[test]
    fn r_lay_03_numbers_read_back_and_anything_else_is_not_found() {
        let n = NomorPengaduan {
            tahun: 2026,
            urut: 123,
        };
        assert_eq!(n.to_string(), "ADU-2026-000123");
        assert_eq!("adu-2026-000123".parse::<NomorPengaduan>().unwrap(), n);
        for salah in [
            "ADU-2026-000000",
            "ADU-26-000123",
            "ADU-2026-12345",
            "SE-2026-000123",
            "",
        ] {
            assert!(
                matches!(salah.parse::<NomorPengaduan>(), Err(Galat::TidakDitemukan)),
                "{salah}"
            );
        }
    }

    #[test]
    fn r_lay_03_answers_move_forward_and_a_closed_complaint_takes_none() {
        let p = Pengaduan::baru(
            NomorPengaduan {
                tahun: 2026,
                urut: 1,
            },
            "hash".into(),
            formulir().periksa().unwrap(),
            pada(),
        );
        let admin = AkunId::new();
        let p = p
            .tanggapi("Sedang kami periksa.", "diproses", admin, pada())
            .unwrap();
        assert_eq!(p.status, StatusPengaduan::Diproses);
        let salah = p.tanggapi("", "baru", admin, pada()).unwrap_err();
        let p = p
            .tanggapi("Sudah diperbaiki.", "selesai", admin, pada())
            .unwrap();
        assert_eq!(p.tanggapan.len(), 2);
        let tutup = p.tanggapi("", "", admin, pada()).unwrap_err();
        assert!(
            matches!(tutup, Galat::StatusTidakSesuai(_)),
            "the state is checked before the fields"
        );
        insta::assert_yaml_snapshot!((galat(salah), galat(tutup)));
    }
}
