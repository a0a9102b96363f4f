//! The registration form: raw input, the context looked up for it, and the validation that turns it
//! into [`DataPendaftar`] or one message per field (R-PEJ-01…R-PEJ-06, R-PEJ-13, R-PEJ-14).

use super::email::{AturanDomain, EmailDinas};
use super::instansi::{Instansi, JenisInstansi, Wilayah, domain_dari_website};
use super::nomor_induk::{JenisKepegawaian, Nik, Nip, NomorInduk};
use super::permohonan::StatusPendaftar;
use super::telepon::{NomorHp, NomorTelepon};
use crate::GalatIsian;
use pse_kernel::InstansiId;
use serde::{Deserialize, Serialize};

/// The form as typed: every field a string, empty when missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormulirPendaftaran {
    pub email: String,
    pub status_pendaftar: String,
    pub nama_lengkap: String,
    pub jenis_kepegawaian: String,
    pub nip: String,
    pub nik: String,
    pub jabatan: String,
    pub tingkat_jabatan: String,
    pub telepon_kantor: String,
    pub nomor_hp: String,
    pub provinsi: String,
    pub kota: String,
    pub instansi_id: String,
    pub instansi_baru_nama: String,
    pub instansi_baru_jenis: String,
    pub instansi_baru_alamat: String,
    pub instansi_baru_website: String,
    pub instansi_baru_telepon: String,
}

/// What the service looked up for a form before validating it.
#[derive(Debug, Clone, Default)]
pub struct KonteksValidasi {
    /// The province named by `provinsi`, if it exists.
    pub provinsi: Option<Wilayah>,
    /// The regency/city named by `kota`, if it exists.
    pub kota: Option<Wilayah>,
    /// The verified instansi named by `instansi_id`, if it exists.
    pub instansi: Option<Instansi>,
    /// Whether that instansi has an active Pejabat Pendaftar.
    pub ada_pejabat_aktif: bool,
    /// A verified instansi whose name matches the proposal's (R-PEJ-06).
    pub instansi_serupa: Option<Instansi>,
    /// Whether the email already belongs to an account or another open application.
    pub email_terpakai: bool,
}

/// A proposed new instansi, verified by the admin with the application (R-PEJ-06).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsulanInstansi {
    pub nama: String,
    pub jenis: JenisInstansi,
    pub provinsi: String,
    pub kota: String,
    pub alamat: String,
    pub website: String,
    pub telepon: Option<String>,
}

/// The instansi an application is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "pilihan", rename_all = "snake_case")]
pub enum PilihanInstansi {
    /// One of the verified instansi.
    Terdaftar {
        /// Its id.
        id: InstansiId,
        /// Its name at the time of the application.
        nama: String,
    },
    /// A proposal.
    Usulan(UsulanInstansi),
}

impl PilihanInstansi {
    /// The name to show.
    pub fn nama(&self) -> &str {
        match self {
            Self::Terdaftar { nama, .. } => nama,
            Self::Usulan(u) => &u.nama,
        }
    }
}

/// The level of a government registrant's position (001 §4a, 002 §5.1): a Pejabat Pendaftar of
/// an Instansi Penyelenggara Negara holds an administrator post or is a senior functional
/// official (ahli madya); anyone else is registered as a Sub Pejabat by their pejabat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TingkatJabatan {
    /// Jabatan administrator.
    Administrator,
    /// Jabatan fungsional ahli madya.
    FungsionalAhliMadya,
    /// Any other position.
    Lainnya,
}

impl TingkatJabatan {
    /// Every level, in the form's order.
    pub const SEMUA: [Self; 3] = [
        Self::Administrator,
        Self::FungsionalAhliMadya,
        Self::Lainnya,
    ];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::FungsionalAhliMadya => "fungsional_ahli_madya",
            Self::Lainnya => "lainnya",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Administrator => "Jabatan administrator",
            Self::FungsionalAhliMadya => "Jabatan fungsional ahli madya",
            Self::Lainnya => "Jabatan lainnya",
        }
    }

    /// The level named `kode`.
    pub fn parse(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|t| t.kode() == kode.trim())
    }
}

/// The registrant's validated data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataPendaftar {
    pub email: EmailDinas,
    pub status_pendaftar: StatusPendaftar,
    pub nama_lengkap: String,
    pub jenis_kepegawaian: JenisKepegawaian,
    pub nomor_induk: NomorInduk,
    pub jabatan: String,
    /// The position's level (a government registrant's; none for an Institusi's).
    #[serde(default)]
    pub tingkat_jabatan: Option<TingkatJabatan>,
    pub telepon_kantor: NomorTelepon,
    pub nomor_hp: NomorHp,
    pub provinsi: String,
    pub kota: String,
}

/// Words that open the name of a unit kerja or perangkat daerah, which does not register on its own
/// (R-PEJ-14).
const AWALAN_UNIT: [&str; 10] = [
    "dinas ",
    "biro ",
    "bagian ",
    "bidang ",
    "subbagian ",
    "seksi ",
    "uptd ",
    "upt ",
    "sekretariat daerah",
    "direktorat ",
];

/// The fields in the order the form shows them; messages are answered in this order.
pub const URUTAN_ISIAN: [&str; 19] = [
    "email",
    "status_pendaftar",
    "nama_lengkap",
    "jenis_kepegawaian",
    "nip",
    "nik",
    "jabatan",
    "tingkat_jabatan",
    "telepon_kantor",
    "nomor_hp",
    "provinsi",
    "kota",
    "instansi_id",
    "instansi_baru_nama",
    "instansi_baru_jenis",
    "instansi_baru_alamat",
    "instansi_baru_website",
    "instansi_baru_telepon",
    "dokumen",
];

fn urut_formulir(mut galat: Vec<GalatIsian>) -> Vec<GalatIsian> {
    galat.sort_by_key(|g| {
        URUTAN_ISIAN
            .iter()
            .position(|f| *f == g.field)
            .unwrap_or(URUTAN_ISIAN.len())
    });
    galat
}

struct Pengumpul(Vec<GalatIsian>);

impl Pengumpul {
    fn ambil<T>(&mut self, field: &str, hasil: Result<T, String>) -> Option<T> {
        hasil
            .map_err(|m| self.0.push(GalatIsian::new(field, m)))
            .ok()
    }

    fn wajib(&mut self, field: &str, nilai: &str, pesan: &str) -> Option<String> {
        let t = nilai.trim();
        if t.is_empty() {
            self.0.push(GalatIsian::new(field, pesan));
            None
        } else if t.chars().count() > 200 {
            self.0.push(GalatIsian::new(
                field,
                "Isian terlalu panjang (paling banyak 200 karakter).",
            ));
            None
        } else {
            Some(t.to_string())
        }
    }

    fn galat(&mut self, field: &str, pesan: impl Into<String>) {
        self.0.push(GalatIsian::new(field, pesan));
    }
}

impl FormulirPendaftaran {
    /// Validates the form in `konteks`, answering every problem at once, field by field, in form order.
    pub fn validasi(
        &self,
        konteks: &KonteksValidasi,
    ) -> Result<(DataPendaftar, PilihanInstansi), Vec<GalatIsian>> {
        let mut p = Pengumpul(Vec::new());
        let status = p.ambil(
            "status_pendaftar",
            StatusPendaftar::parse(&self.status_pendaftar),
        );
        let nama_lengkap = p.wajib(
            "nama_lengkap",
            &self.nama_lengkap,
            "Nama lengkap (sesuai KTP) wajib diisi.",
        );
        let jenis_kep = p.ambil(
            "jenis_kepegawaian",
            JenisKepegawaian::parse(&self.jenis_kepegawaian),
        );
        let jabatan = p.wajib(
            "jabatan",
            &self.jabatan,
            "Jabatan wajib diisi: jabatan yang membidangi teknologi informasi dan komunikasi.",
        );
        let telepon = p.ambil("telepon_kantor", NomorTelepon::parse(&self.telepon_kantor));
        let hp = p.ambil("nomor_hp", NomorHp::parse(&self.nomor_hp));

        let provinsi = match (&konteks.provinsi, self.provinsi.trim().is_empty()) {
            (_, true) => {
                p.galat("provinsi", "Pilih provinsi.");
                None
            }
            (Some(w), false) if w.provinsi() => Some(w.clone()),
            _ => {
                p.galat("provinsi", "Provinsi tidak dikenal; pilih dari daftar.");
                None
            }
        };
        let kota = match (&konteks.kota, self.kota.trim().is_empty()) {
            (_, true) => {
                p.galat("kota", "Pilih kabupaten/kota.");
                None
            }
            (Some(k), false)
                if provinsi.as_ref().is_none_or(|pr| pr.memuat(k)) && !k.provinsi() =>
            {
                Some(k.clone())
            }
            _ => {
                p.galat(
                    "kota",
                    "Kabupaten/kota tidak dikenal atau tidak berada di provinsi yang dipilih.",
                );
                None
            }
        };

        let pilihan = self.pilihan_instansi(konteks, &mut p);
        let jenis_instansi = pilihan.as_ref().map(|(_, jenis, _)| *jenis);

        let aturan = pilihan
            .as_ref()
            .map(|(_, _, a)| a.clone())
            .unwrap_or(AturanDomain::GoId);
        let email = p.ambil("email", EmailDinas::parse(&self.email, &aturan));
        if email.is_some() && konteks.email_terpakai {
            p.galat(
                "email",
                "Email ini sudah dipakai oleh akun atau permohonan lain yang sedang diproses.",
            );
        }

        let nomor_induk = match jenis_kep {
            Some(JenisKepegawaian::Pkwtt) if jenis_instansi.is_some_and(JenisInstansi::ippd) => {
                p.galat(
                    "jenis_kepegawaian",
                    "PKWTT hanya untuk pegawai Institusi; Pejabat Pendaftar instansi pemerintah adalah PNS, PPPK atau pegawai tetap.",
                );
                None
            }
            Some(JenisKepegawaian::Pns | JenisKepegawaian::Pppk)
                if jenis_instansi == Some(JenisInstansi::Institusi) =>
            {
                p.galat(
                    "jenis_kepegawaian",
                    "Pejabat Pendaftar Institusi adalah pegawai tetap atau pegawai PKWTT yang memimpin unit TIK-nya.",
                );
                None
            }
            Some(JenisKepegawaian::Pkwtt) => {
                p.ambil("nik", Nik::parse(&self.nik)).map(NomorInduk::Nik)
            }
            Some(j) => p
                .ambil("nip", Nip::parse(&self.nip, j))
                .map(NomorInduk::Nip),
            None => None,
        };

        // A government registrant's level, when given, decides whether it may be the Pejabat
        // Pendaftar at all; without it the admin judges the position (R-PEJ-08).
        let tingkat = match (TingkatJabatan::parse(&self.tingkat_jabatan), jenis_instansi) {
            (_, Some(JenisInstansi::Institusi)) | (_, None) => None,
            (None, Some(_)) if !self.tingkat_jabatan.trim().is_empty() => {
                p.galat(
                    "tingkat_jabatan",
                    "Pilih tingkat jabatan: administrator, fungsional ahli madya, atau lainnya.",
                );
                None
            }
            (None, Some(_)) => None,
            (Some(TingkatJabatan::Lainnya), Some(_)) => {
                p.galat(
                    "tingkat_jabatan",
                    "Pejabat Pendaftar instansi pemerintah menduduki jabatan administrator atau jabatan fungsional ahli madya yang membidangi TIK. Pejabat lain didaftarkan sebagai Sub Pejabat oleh Pejabat Pendaftar instansinya (menu Pengguna).",
                );
                None
            }
            (Some(t), Some(_)) => Some(t),
        };

        if let (Some(st), Some((pil, _, _))) = (status, &pilihan) {
            let ada = matches!(pil, PilihanInstansi::Terdaftar { .. }) && konteks.ada_pejabat_aktif;
            match (st, ada) {
                (StatusPendaftar::Baru, true) => p.galat(
                    "status_pendaftar",
                    "Instansi ini sudah memiliki Pejabat Pendaftar aktif; pilih Pendaftar Pengganti untuk menggantikannya.",
                ),
                (StatusPendaftar::Pengganti, false) => p.galat(
                    "status_pendaftar",
                    "Instansi ini belum memiliki Pejabat Pendaftar aktif; pilih Pendaftar Baru.",
                ),
                _ => {}
            }
        }

        match (
            p.0.is_empty(),
            email,
            status,
            nama_lengkap,
            jenis_kep,
            nomor_induk,
            jabatan,
            telepon,
            hp,
            provinsi,
            kota,
            pilihan,
        ) {
            (
                true,
                Some(email),
                Some(status_pendaftar),
                Some(nama_lengkap),
                Some(jenis_kepegawaian),
                Some(nomor_induk),
                Some(jabatan),
                Some(telepon_kantor),
                Some(nomor_hp),
                Some(provinsi),
                Some(kota),
                Some((pilihan, _, _)),
            ) => Ok((
                DataPendaftar {
                    email,
                    status_pendaftar,
                    nama_lengkap,
                    jenis_kepegawaian,
                    nomor_induk,
                    jabatan,
                    tingkat_jabatan: tingkat,
                    telepon_kantor,
                    nomor_hp,
                    provinsi: provinsi.kode,
                    kota: kota.kode,
                },
                pilihan,
            )),
            _ => Err(urut_formulir(p.0)),
        }
    }

    fn pilihan_instansi(
        &self,
        konteks: &KonteksValidasi,
        p: &mut Pengumpul,
    ) -> Option<(PilihanInstansi, JenisInstansi, AturanDomain)> {
        if !self.instansi_id.trim().is_empty() {
            return match &konteks.instansi {
                Some(i) if i.rekam().terverifikasi => Some((
                    PilihanInstansi::Terdaftar {
                        id: i.id(),
                        nama: i.rekam().nama.clone(),
                    },
                    i.rekam().jenis,
                    i.aturan_domain(),
                )),
                _ => {
                    p.galat(
                        "instansi_id",
                        "Instansi tidak ditemukan; pilih dari daftar atau tambahkan instansi baru.",
                    );
                    None
                }
            };
        }
        if self.instansi_baru_nama.trim().is_empty() {
            p.galat(
                "instansi_id",
                "Pilih instansi dari daftar, atau tambahkan instansi baru bila belum ada.",
            );
            return None;
        }
        let nama = p.wajib(
            "instansi_baru_nama",
            &self.instansi_baru_nama,
            "Nama instansi wajib diisi.",
        );
        let kunci = Instansi::kunci_nama(&self.instansi_baru_nama);
        if let Some(ada) = &konteks.instansi_serupa {
            p.galat(
                "instansi_baru_nama",
                format!(
                    "Instansi \"{}\" sudah terdaftar; pilih dari daftar instansi, jangan menambahkannya lagi.",
                    ada.rekam().nama
                ),
            );
        } else if AWALAN_UNIT
            .iter()
            .any(|a| format!("{kunci} ").starts_with(a))
        {
            p.galat(
                "instansi_baru_nama",
                "Unit kerja atau perangkat daerah tidak mendaftar sendiri; pendaftaran satu pintu melalui Dinas Kominfo atau Pusdatin instansi induknya.",
            );
        }
        let jenis = match JenisInstansi::parse(&self.instansi_baru_jenis) {
            Some(
                JenisInstansi::PemerintahProvinsi
                | JenisInstansi::PemerintahKabupaten
                | JenisInstansi::PemerintahKota,
            ) => {
                p.galat(
                    "instansi_baru_jenis",
                    "Semua pemerintah provinsi, kabupaten dan kota sudah ada di daftar instansi; pilih dari daftar.",
                );
                None
            }
            Some(j) => Some(j),
            None => {
                p.galat("instansi_baru_jenis", "Pilih jenis instansi.");
                None
            }
        };
        let alamat = p.wajib(
            "instansi_baru_alamat",
            &self.instansi_baru_alamat,
            "Alamat instansi wajib diisi.",
        );
        let website = match domain_dari_website(&self.instansi_baru_website) {
            Some(d) => Some((self.instansi_baru_website.trim().to_string(), d)),
            None => {
                p.galat(
                    "instansi_baru_website",
                    "Alamat situs web instansi wajib diisi, contoh https://www.instansi.go.id.",
                );
                None
            }
        };
        let telepon = if self.instansi_baru_telepon.trim().is_empty() {
            None
        } else {
            p.ambil(
                "instansi_baru_telepon",
                NomorTelepon::parse(&self.instansi_baru_telepon),
            )
            .map(|t| t.as_ref().to_string())
        };
        let (nama, jenis, alamat, (website, domain)) = (nama?, jenis?, alamat?, website?);
        let aturan = if jenis == JenisInstansi::Institusi {
            AturanDomain::Domain(domain)
        } else {
            AturanDomain::GoId
        };
        Some((
            PilihanInstansi::Usulan(UsulanInstansi {
                nama,
                jenis,
                provinsi: self.provinsi.trim().into(),
                kota: self.kota.trim().into(),
                alamat,
                website,
                telepon,
            }),
            jenis,
            aturan,
        ))
    }
}
