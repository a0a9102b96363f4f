//! The application to become Pejabat Pendaftar and its state machine (R-PEJ-07, R-PEJ-09):
//! `diajukan` → `ditolak` → (corrected) `diajukan` … → `disetujui`.

use super::dokumen::DokumenRef;
use super::formulir::{DataPendaftar, PilihanInstansi};
use crate::RegistrasiError;
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{AkunId, PermohonanId};
use serde::{Deserialize, Serialize};

/// Whether the applicant is the instansi's first pejabat or replaces the active one (R-PEJ-02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusPendaftar {
    /// The instansi has no active Pejabat Pendaftar.
    Baru,
    /// Replaces the active Pejabat Pendaftar.
    Pengganti,
}

impl StatusPendaftar {
    /// Parses a contract value.
    pub fn parse(raw: &str) -> Result<Self, String> {
        match raw.trim() {
            "baru" => Ok(Self::Baru),
            "pengganti" => Ok(Self::Pengganti),
            "" => Err("Pilih status pendaftar: Pendaftar Baru atau Pendaftar Pengganti.".into()),
            _ => Err(
                "Status pendaftar tidak dikenal; pilih Pendaftar Baru atau Pendaftar Pengganti."
                    .into(),
            ),
        }
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Baru => "baru",
            Self::Pengganti => "pengganti",
        }
    }

    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Baru => "Pendaftar Baru",
            Self::Pengganti => "Pendaftar Pengganti",
        }
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusPermohonan {
    /// Waiting for the admin.
    Diajukan,
    /// Rejected; the applicant may correct it.
    Ditolak,
    /// Approved; the account exists.
    Disetujui,
}

impl StatusPermohonan {
    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Diajukan => "diajukan",
            Self::Ditolak => "ditolak",
            Self::Disetujui => "disetujui",
        }
    }

    /// Parses a stored value.
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Diajukan, Self::Ditolak, Self::Disetujui]
            .into_iter()
            .find(|s| s.kode() == raw)
    }

    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Diajukan => "Menunggu verifikasi",
            Self::Ditolak => "Ditolak",
            Self::Disetujui => "Disetujui",
        }
    }
}

/// Why an application was rejected (R-PEJ-07, R-PEJ-08).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KategoriPenolakan {
    /// The document is incomplete.
    DokumenTidakLengkap,
    /// The unit has no ICT authority (R-PEJ-08).
    BukanKewenanganTik,
    /// Data is invalid.
    DataTidakValid,
    /// Another reason, in the note.
    Lainnya,
}

impl KategoriPenolakan {
    /// Every category, in display order.
    pub const SEMUA: [KategoriPenolakan; 4] = [
        Self::DokumenTidakLengkap,
        Self::BukanKewenanganTik,
        Self::DataTidakValid,
        Self::Lainnya,
    ];

    /// Parses a contract value.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|k| k.kode() == raw.trim())
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::DokumenTidakLengkap => "dokumen_tidak_lengkap",
            Self::BukanKewenanganTik => "bukan_kewenangan_tik",
            Self::DataTidakValid => "data_tidak_valid",
            Self::Lainnya => "lainnya",
        }
    }

    /// The reason as the applicant reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::DokumenTidakLengkap => "Dokumen Surat Tugas dan Surat Permohonan tidak lengkap",
            Self::BukanKewenanganTik => "Unit kerja tidak memiliki kewenangan di bidang TIK",
            Self::DataTidakValid => "Data pendaftar tidak valid",
            Self::Lainnya => "Alasan lain",
        }
    }
}

/// A rejection: category, note and time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Penolakan {
    /// Category.
    pub kategori: KategoriPenolakan,
    /// The admin's note.
    pub catatan: String,
    /// When.
    pub waktu: DateTime<Utc>,
}

/// What an application holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RekamPermohonan {
    /// Id, kept across corrections.
    pub id: PermohonanId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    /// Status.
    pub status: StatusPermohonan,
    /// The registrant's data.
    pub data: DataPendaftar,
    /// The chosen or proposed instansi.
    pub instansi: PilihanInstansi,
    /// The Surat Tugas + Surat Permohonan PDF.
    pub dokumen: DokumenRef,
    /// First submission.
    pub diajukan_pada: DateTime<Utc>,
    /// Last (re)submission: the queue orders by it and counts the due time from it.
    pub masuk_antrian_pada: DateTime<Utc>,
    /// How many times it was submitted.
    pub jumlah_pengajuan: u32,
    /// The last rejection.
    pub penolakan: Option<Penolakan>,
    /// SHA-256 of the correction code sent with the last rejection.
    #[serde(skip)]
    pub kode_perbaikan_hash: Option<String>,
    /// The account made on approval.
    pub akun_id: Option<AkunId>,
}

/// Whether `s` has the shape of [`PermohonanPejabat::nomor`] (`PJB-`, a year, `-`, six
/// characters of the readable alphabet).
pub fn nomor_permohonan_sah(s: &str) -> bool {
    let Some(sisa) = s.strip_prefix("PJB-") else {
        return false;
    };
    let Some((tahun, kode)) = sisa.split_once('-') else {
        return false;
    };
    tahun.len() == 4
        && tahun.bytes().all(|b| b.is_ascii_digit())
        && kode.len() == 6
        && kode
            .bytes()
            .all(|b| b.is_ascii_digit() || (b.is_ascii_uppercase() && !b"ILOU".contains(&b)))
}

/// An application to become Pejabat Pendaftar.
#[derive(Debug, Clone, PartialEq)]
pub struct PermohonanPejabat(RekamPermohonan);

impl std::ops::Deref for PermohonanPejabat {
    type Target = RekamPermohonan;
    fn deref(&self) -> &RekamPermohonan {
        &self.0
    }
}

impl PermohonanPejabat {
    /// The number people quote, `PJB-2026-7K3QDX`: the year it was first filed (WIB) and six
    /// readable characters of its id (the id itself never reaches a person).
    pub fn nomor(&self) -> String {
        use chrono::Datelike;
        let tahun = self
            .0
            .diajukan_pada
            .with_timezone(&pse_kernel::kalender::wib())
            .year();
        format!("PJB-{tahun}-{}", self.0.id.singkat())
    }

    /// A new application, `diajukan`.
    pub fn ajukan(
        data: DataPendaftar,
        instansi: PilihanInstansi,
        dokumen: DokumenRef,
        now: DateTime<Utc>,
    ) -> Self {
        Self(RekamPermohonan {
            id: PermohonanId::new(),
            versi: 0,
            status: StatusPermohonan::Diajukan,
            data,
            instansi,
            dokumen,
            diajukan_pada: now,
            masuk_antrian_pada: now,
            jumlah_pengajuan: 1,
            penolakan: None,
            kode_perbaikan_hash: None,
            akun_id: None,
        })
    }

    /// Restores an application from storage.
    pub fn pulihkan(rekam: RekamPermohonan) -> Self {
        Self(rekam)
    }

    fn harus(&self, status: StatusPermohonan, pesan: &str) -> Result<(), RegistrasiError> {
        if self.0.status == status {
            Ok(())
        } else {
            Err(Galat::StatusTidakSesuai(format!(
                "{pesan} (status permohonan saat ini: {}).",
                self.0.status.label()
            ))
            .into())
        }
    }

    /// The guard of [`Self::tolak`]: only an application waiting for the admin can be rejected.
    pub fn boleh_ditolak(&self) -> Result<(), RegistrasiError> {
        self.harus(
            StatusPermohonan::Diajukan,
            "Hanya permohonan yang menunggu verifikasi dapat ditolak",
        )
    }

    /// Rejects a waiting application; `kode_hash` is the hash of the correction code sent to the applicant.
    pub fn tolak(
        mut self,
        penolakan: Penolakan,
        kode_hash: String,
    ) -> Result<Self, RegistrasiError> {
        self.boleh_ditolak()?;
        self.0.status = StatusPermohonan::Ditolak;
        self.0.penolakan = Some(penolakan);
        self.0.kode_perbaikan_hash = Some(kode_hash);
        Ok(self)
    }

    /// Whether `kode` is the correction code of the last rejection.
    pub fn kode_cocok(&self, kode: &str) -> bool {
        self.0.kode_perbaikan_hash.as_deref() == Some(super::token::hash_token(kode).as_str())
    }

    /// Resubmits a rejected application with corrected data (R-PEJ-09): same id, back in the queue.
    pub fn ajukan_ulang(
        mut self,
        kode: &str,
        data: DataPendaftar,
        instansi: PilihanInstansi,
        dokumen: DokumenRef,
        now: DateTime<Utc>,
    ) -> Result<Self, RegistrasiError> {
        self.harus(
            StatusPermohonan::Ditolak,
            "Hanya permohonan yang ditolak dapat diperbaiki",
        )?;
        if !self.kode_cocok(kode) {
            return Err(RegistrasiError::KodePerbaikanSalah);
        }
        self.0.status = StatusPermohonan::Diajukan;
        self.0.data = data;
        self.0.instansi = instansi;
        self.0.dokumen = dokumen;
        self.0.masuk_antrian_pada = now;
        self.0.jumlah_pengajuan += 1;
        self.0.kode_perbaikan_hash = None;
        Ok(self)
    }

    /// Approves a waiting application, recording the account made for it.
    pub fn setujui(mut self, akun_id: AkunId) -> Result<Self, RegistrasiError> {
        self.harus(
            StatusPermohonan::Diajukan,
            "Hanya permohonan yang menunggu verifikasi dapat disetujui",
        )?;
        self.0.status = StatusPermohonan::Disetujui;
        self.0.akun_id = Some(akun_id);
        Ok(self)
    }
}
