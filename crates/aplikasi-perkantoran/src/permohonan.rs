//! An application to use an office application (R-SEP-01..03): the Sekretaris applies with the
//! Surat Kuasa and the Admin Pengelola's proof of employment; the Direktorat declares the file
//! complete (the 4 working days run from then) or asks for a correction; the Direktur Jenderal
//! approves or refuses on one of three grounds.

use crate::katalog::wajib;
use chrono::{DateTime, Utc};
use pse_kernel::{
    AplikasiId, Galat, GalatIsian, InstansiId, KalenderKerja, PermohonanSepId, TolakBilaAda,
};
use serde::{Deserialize, Serialize};

/// Working days the Direktur Jenderal has, from the file being complete (R-SEP-02).
pub const HARI_KEPUTUSAN: u32 = 4;

/// Working days the Direktorat has to check a filed (or corrected) file for completeness: the
/// verification desk's service standard.
pub const HARI_PERIKSA: u32 = 1;

/// An uploaded PDF, already checked, as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Berkas {
    /// Hex SHA-256 of the content.
    pub sha256: String,
    /// The name it was uploaded with.
    pub nama_berkas: String,
    /// Size in bytes.
    pub ukuran: u64,
}

/// A person named in the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Orang {
    pub nama: String,
    pub nip: String,
    pub jabatan: String,
    pub email: String,
}

/// The application's fields as typed (DESIGN "Aplikasi Perkantoran").
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct FormPermohonanSep {
    pub sekretaris_nama: String,
    pub sekretaris_nip: String,
    pub sekretaris_jabatan: String,
    pub sekretaris_email: String,
    pub admin_nama: String,
    pub admin_nip: String,
    pub admin_jabatan: String,
    pub admin_email: String,
    pub admin_nomor_hp: String,
}

/// The application's people, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsianPermohonanSep {
    /// The Sekretaris who applies.
    pub sekretaris: Orang,
    /// The Admin Pengelola it appoints.
    pub admin: Orang,
    /// The Admin Pengelola's mobile number.
    pub admin_nomor_hp: String,
}

fn nip(galat: &mut Vec<GalatIsian>, field: &str, nilai: &str) -> String {
    let angka: String = nilai.chars().filter(|c| !c.is_whitespace()).collect();
    if angka.len() != 18 || !angka.chars().all(|c| c.is_ascii_digit()) {
        galat.push(GalatIsian::new(field, "NIP terdiri dari 18 angka."));
    }
    angka
}

fn email(galat: &mut Vec<GalatIsian>, field: &str, nilai: &str) -> String {
    let t = nilai.trim().to_lowercase();
    let sah = t.split_once('@').is_some_and(|(a, d)| {
        !a.is_empty() && d.contains('.') && !d.starts_with('.') && !t.contains(' ')
    });
    if !sah {
        galat.push(GalatIsian::new(
            field,
            "Tulis alamat email yang sah, misalnya nama@instansi.go.id.",
        ));
    }
    t
}

impl FormPermohonanSep {
    /// Checks every field and that both PDFs came, naming each problem in the form's order.
    pub fn periksa(&self, ada_kuasa: bool, ada_bukti: bool) -> Result<IsianPermohonanSep, Galat> {
        let mut g = Vec::new();
        let sekretaris = Orang {
            nama: wajib(
                &mut g,
                "sekretaris_nama",
                &self.sekretaris_nama,
                200,
                "Isi nama Sekretaris.",
            ),
            nip: nip(&mut g, "sekretaris_nip", &self.sekretaris_nip),
            jabatan: wajib(
                &mut g,
                "sekretaris_jabatan",
                &self.sekretaris_jabatan,
                200,
                "Isi jabatan Sekretaris.",
            ),
            email: email(&mut g, "sekretaris_email", &self.sekretaris_email),
        };
        let admin = Orang {
            nama: wajib(
                &mut g,
                "admin_nama",
                &self.admin_nama,
                200,
                "Isi nama Admin Pengelola.",
            ),
            nip: nip(&mut g, "admin_nip", &self.admin_nip),
            jabatan: wajib(
                &mut g,
                "admin_jabatan",
                &self.admin_jabatan,
                200,
                "Isi jabatan Admin Pengelola.",
            ),
            email: email(&mut g, "admin_email", &self.admin_email),
        };
        let hp: String = self
            .admin_nomor_hp
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        if !(hp.starts_with("08") && (10..=13).contains(&hp.len())) {
            g.push(GalatIsian::new(
                "admin_nomor_hp",
                "Tulis nomor HP yang diawali 08, 10 sampai 13 angka.",
            ));
        }
        if !ada_kuasa {
            g.push(GalatIsian::new(
                "surat_kuasa",
                "Unggah Surat Kuasa penunjukan Admin Pengelola dalam PDF.",
            ));
        }
        if !ada_bukti {
            g.push(GalatIsian::new(
                "bukti_kepegawaian",
                "Unggah Kartu Pegawai atau SK Pengangkatan Admin Pengelola dalam PDF.",
            ));
        }
        g.tolak_bila_ada()?;
        Ok(IsianPermohonanSep {
            sekretaris,
            admin,
            admin_nomor_hp: hp,
        })
    }
}

/// Where an application stands (contract values of DESIGN "Statuses").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusPermohonanSep {
    Diajukan,
    PerluPerbaikan,
    Lengkap,
    Disetujui,
    Ditolak,
}

impl StatusPermohonanSep {
    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Diajukan => "diajukan",
            Self::PerluPerbaikan => "perlu_perbaikan",
            Self::Lengkap => "lengkap",
            Self::Disetujui => "disetujui",
            Self::Ditolak => "ditolak",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Diajukan => "Diajukan, menunggu pemeriksaan berkas",
            Self::PerluPerbaikan => "Perlu perbaikan",
            Self::Lengkap => "Berkas lengkap, menunggu keputusan",
            Self::Disetujui => "Disetujui",
            Self::Ditolak => "Ditolak",
        }
    }
}

/// The three grounds of a refusal (R-SEP-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AlasanTolak {
    /// The requirements are not met.
    PersyaratanTidakTerpenuhi,
    /// Not a Badan Pemerintahan, or not its authority.
    BukanBadanPemerintahan,
    /// That Badan Pemerintahan already has an Admin Pengelola for it.
    AdminPengelolaSudahAda,
}

impl AlasanTolak {
    /// Every ground.
    pub const SEMUA: [Self; 3] = [
        Self::PersyaratanTidakTerpenuhi,
        Self::BukanBadanPemerintahan,
        Self::AdminPengelolaSudahAda,
    ];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::PersyaratanTidakTerpenuhi => "persyaratan_tidak_terpenuhi",
            Self::BukanBadanPemerintahan => "bukan_badan_pemerintahan",
            Self::AdminPengelolaSudahAda => "admin_pengelola_sudah_ada",
        }
    }

    /// As the decision letter words it.
    pub fn label(self) -> &'static str {
        match self {
            Self::PersyaratanTidakTerpenuhi => "Permohonan tidak memenuhi persyaratan",
            Self::BukanBadanPemerintahan => {
                "Permohonan bukan berasal dari Badan Pemerintahan atau bukan kewenangannya"
            }
            Self::AdminPengelolaSudahAda => {
                "Akun Admin Pengelola sudah pernah diberikan kepada Badan Pemerintahan tersebut"
            }
        }
    }

    /// The ground of a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|a| a.kode() == kode.trim())
    }
}

/// An application to use an office application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermohonanSep {
    pub id: PermohonanSepId,
    pub aplikasi_id: AplikasiId,
    pub instansi_id: InstansiId,
    pub isian: IsianPermohonanSep,
    pub surat_kuasa: Berkas,
    pub bukti_kepegawaian: Berkas,
    pub status: StatusPermohonanSep,
    pub diajukan_pada: DateTime<Utc>,
    /// When the file was declared complete, and the decision's due time then.
    pub lengkap: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The corrections asked for, in order.
    pub perbaikan: Vec<(String, DateTime<Utc>)>,
    /// The refusal's ground and note.
    pub penolakan: Option<(AlasanTolak, String)>,
    /// When it was decided.
    pub diputuskan_pada: Option<DateTime<Utc>>,
    /// When the file check is due, while the file waits for it ([`HARI_PERIKSA`]).
    #[serde(default)]
    pub tenggat_periksa: Option<DateTime<Utc>>,
    /// When the Direktorat is reminded of the decision's due time (one working day before it),
    /// until it has been.
    #[serde(default)]
    pub ingat_pada: Option<DateTime<Utc>>,
    /// The hash of the Sekretaris' status-link code (the code travels only in the emails).
    pub hash_kode: String,
    pub versi: i64,
}

fn bukan_giliran(p: &PermohonanSep) -> Galat {
    Galat::StatusTidakSesuai(format!(
        "Permohonan ini tidak dapat diproses begitu: statusnya \"{}\".",
        p.status.label()
    ))
}

impl PermohonanSep {
    /// A new application (R-SEP-01); its file check is due [`HARI_PERIKSA`] working days on.
    pub fn ajukan(
        aplikasi_id: AplikasiId,
        instansi_id: InstansiId,
        isian: IsianPermohonanSep,
        surat_kuasa: Berkas,
        bukti_kepegawaian: Berkas,
        kalender: &KalenderKerja,
        pada: DateTime<Utc>,
    ) -> Self {
        Self {
            id: PermohonanSepId::new(),
            aplikasi_id,
            instansi_id,
            isian,
            surat_kuasa,
            bukti_kepegawaian,
            status: StatusPermohonanSep::Diajukan,
            diajukan_pada: pada,
            lengkap: None,
            perbaikan: Vec::new(),
            penolakan: None,
            diputuskan_pada: None,
            tenggat_periksa: Some(kalender.tenggat(pada, HARI_PERIKSA)),
            ingat_pada: None,
            hash_kode: String::new(),
            versi: 0,
        }
    }

    /// The file is complete: the Direktur Jenderal's 4 working days run from `pada` (R-SEP-02),
    /// and the Direktorat is reminded one working day before they end.
    pub fn nyatakan_lengkap(
        &mut self,
        kalender: &KalenderKerja,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        if self.status != StatusPermohonanSep::Diajukan {
            return Err(bukan_giliran(self));
        }
        self.status = StatusPermohonanSep::Lengkap;
        self.lengkap = Some((pada, kalender.tenggat(pada, HARI_KEPUTUSAN)));
        self.tenggat_periksa = None;
        self.ingat_pada = Some(kalender.tenggat(pada, HARI_KEPUTUSAN - 1));
        Ok(())
    }

    /// When the decision is due, once the file is complete.
    pub fn tenggat(&self) -> Option<DateTime<Utc>> {
        self.lengkap.map(|(_, t)| t)
    }

    /// When the Direktorat's next step is due: the file check while it waits for it, the
    /// decision once the file is complete; nothing while the Sekretaris corrects or once decided.
    pub fn tenggat_meja(&self) -> Option<DateTime<Utc>> {
        match self.status {
            StatusPermohonanSep::Diajukan => self.tenggat_periksa,
            StatusPermohonanSep::Lengkap => self.tenggat(),
            _ => None,
        }
    }

    /// Whether the Direktorat's next step is overdue at `sekarang`.
    pub fn terlambat(&self, sekarang: DateTime<Utc>) -> bool {
        self.tenggat_meja().is_some_and(|t| sekarang > t)
    }

    /// Whether the Direktorat is to be reminded of the decision's due time at `sekarang`.
    pub fn perlu_diingatkan(&self, sekarang: DateTime<Utc>) -> bool {
        self.status == StatusPermohonanSep::Lengkap
            && self.ingat_pada.is_some_and(|t| sekarang >= t)
    }

    /// The reminder went out: it is not sent again.
    pub fn sudah_diingatkan(&mut self) {
        self.ingat_pada = None;
    }

    /// Asks the Sekretaris to correct the file; the clock stops until it comes back.
    pub fn minta_perbaikan(&mut self, catatan: &str, pada: DateTime<Utc>) -> Result<(), Galat> {
        if self.status != StatusPermohonanSep::Diajukan {
            return Err(bukan_giliran(self));
        }
        let mut g = Vec::new();
        let catatan = wajib(
            &mut g,
            "catatan",
            catatan,
            2000,
            "Tulis apa yang perlu diperbaiki.",
        );
        g.tolak_bila_ada()?;
        self.perbaikan.push((catatan, pada));
        self.status = StatusPermohonanSep::PerluPerbaikan;
        self.tenggat_periksa = None;
        Ok(())
    }

    /// The Sekretaris corrects the same application at `pada`; it is checked again, due
    /// [`HARI_PERIKSA`] working days on.
    pub fn perbaiki(
        &mut self,
        isian: IsianPermohonanSep,
        surat_kuasa: Option<Berkas>,
        bukti_kepegawaian: Option<Berkas>,
        kalender: &KalenderKerja,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        if self.status != StatusPermohonanSep::PerluPerbaikan {
            return Err(bukan_giliran(self));
        }
        self.isian = isian;
        if let Some(b) = surat_kuasa {
            self.surat_kuasa = b;
        }
        if let Some(b) = bukti_kepegawaian {
            self.bukti_kepegawaian = b;
        }
        self.status = StatusPermohonanSep::Diajukan;
        self.tenggat_periksa = Some(kalender.tenggat(pada, HARI_PERIKSA));
        Ok(())
    }

    /// Approves a complete application. When the Badan Pemerintahan already has an active Admin
    /// Pengelola for the application (`admin_aktif`), approval is refused and the third ground
    /// is proposed instead (R-SEP-03).
    pub fn setujui(&mut self, admin_aktif: bool, pada: DateTime<Utc>) -> Result<(), Galat> {
        if self.status != StatusPermohonanSep::Lengkap {
            return Err(bukan_giliran(self));
        }
        if admin_aktif {
            return Err(Galat::StatusTidakSesuai(format!(
                "Badan Pemerintahan ini sudah memiliki Admin Pengelola aktif untuk aplikasi ini; tolak permohonan dengan alasan \"{}\".",
                AlasanTolak::AdminPengelolaSudahAda.label()
            )));
        }
        self.status = StatusPermohonanSep::Disetujui;
        self.diputuskan_pada = Some(pada);
        self.ingat_pada = None;
        Ok(())
    }

    /// Refuses it on one of the three grounds (R-SEP-03), with a note for the Sekretaris.
    pub fn tolak(
        &mut self,
        alasan: Option<AlasanTolak>,
        catatan: &str,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        if matches!(
            self.status,
            StatusPermohonanSep::Disetujui | StatusPermohonanSep::Ditolak
        ) {
            return Err(bukan_giliran(self));
        }
        let mut g = Vec::new();
        if alasan.is_none() {
            g.push(GalatIsian::new(
                "kategori_alasan",
                "Pilih alasan penolakan: persyaratan tidak terpenuhi, bukan Badan Pemerintahan, atau Admin Pengelola sudah ada.",
            ));
        }
        let catatan = wajib(
            &mut g,
            "catatan",
            catatan,
            2000,
            "Tulis catatan untuk Sekretaris.",
        );
        let (Some(alasan), true) = (alasan, g.is_empty()) else {
            return Err(Galat::Validasi(g));
        };
        self.penolakan = Some((alasan, catatan));
        self.status = StatusPermohonanSep::Ditolak;
        self.diputuskan_pada = Some(pada);
        self.tenggat_periksa = None;
        self.ingat_pada = None;
        Ok(())
    }
}
