//! The JSON bodies of the area.

use aplikasi_perkantoran::katalog::AplikasiPerkantoran;
use aplikasi_perkantoran::pengguna::PenggunaSep;
use aplikasi_perkantoran::penyalahgunaan::Penyalahgunaan;
use aplikasi_perkantoran::permohonan::PermohonanSep;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// An application of the catalogue.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AplikasiJson {
    pub id: String,
    pub nama: String,
    pub deskripsi: String,
    pub url: String,
    pub dasar_penetapan: String,
}

impl From<&AplikasiPerkantoran> for AplikasiJson {
    fn from(a: &AplikasiPerkantoran) -> Self {
        Self {
            id: a.id.to_string(),
            nama: a.nama.clone(),
            deskripsi: a.deskripsi.clone(),
            url: a.url.clone(),
            dasar_penetapan: a.dasar_penetapan.clone(),
        }
    }
}

/// A request to use an application.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PermohonanSepJson {
    pub id: String,
    pub aplikasi_id: String,
    pub instansi_id: String,
    /// `diajukan`, `perlu_perbaikan`, `lengkap`, `disetujui`, `ditolak`.
    pub status: String,
    pub diajukan_pada: String,
    /// The decision's due time (RFC 3339), once the file is complete.
    pub tenggat: Option<String>,
    /// The file check's due time (RFC 3339), while the file waits for it.
    pub tenggat_periksa: Option<String>,
    /// Whether the Direktorat's next step (the file check or the decision) is past its due time.
    pub terlambat: bool,
    /// The refusal's ground, once refused.
    pub kategori_alasan: Option<String>,
    /// The status link's code: only in the answer that filed the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
}

impl PermohonanSepJson {
    /// The request as of `sekarang`.
    pub fn new(p: &PermohonanSep, sekarang: DateTime<Utc>) -> Self {
        Self {
            id: p.id.to_string(),
            aplikasi_id: p.aplikasi_id.to_string(),
            instansi_id: p.instansi_id.to_string(),
            status: p.status.kode().into(),
            diajukan_pada: p.diajukan_pada.to_rfc3339(),
            tenggat: p.tenggat().map(|t| t.to_rfc3339()),
            tenggat_periksa: p.tenggat_periksa.map(|t| t.to_rfc3339()),
            terlambat: p.terlambat(sekarang),
            kategori_alasan: p.penolakan.as_ref().map(|(a, _)| a.kode().into()),
            kode: None,
        }
    }
}

/// A user of an office application.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PenggunaSepJson {
    pub id: String,
    pub nama: String,
    pub nip: String,
    pub email: String,
    pub jabatan: String,
    /// `admin_pengelola` or `pengguna`.
    pub peran: String,
    /// `aktif`, `nonaktif`, `nonaktif_permanen`.
    pub status: String,
}

impl From<&PenggunaSep> for PenggunaSepJson {
    fn from(p: &PenggunaSep) -> Self {
        Self {
            id: p.id.to_string(),
            nama: p.nama.clone(),
            nip: p.nip.clone(),
            email: p.email.clone(),
            jabatan: p.jabatan.clone(),
            peran: match p.peran {
                aplikasi_perkantoran::pengguna::PeranSep::AdminPengelola => "admin_pengelola",
                aplikasi_perkantoran::pengguna::PeranSep::Pengguna => "pengguna",
            }
            .into(),
            status: p.status.kode().into(),
        }
    }
}

/// A misuse case.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PenyalahgunaanJson {
    pub id: String,
    pub pengguna_id: String,
    /// `spam`, `fitnah`, `sara`, `penipuan`.
    pub kategori: String,
    pub uraian: String,
    /// `tercatat`, `menunggu_jawaban`, `dijawab`, `kedaluwarsa`, `ditutup`, `dinonaktifkan`.
    pub status: String,
    /// The answer's due time, once warned.
    pub tenggat: Option<String>,
    pub jawaban: Option<String>,
    /// Every event, oldest first.
    pub riwayat: Vec<PeristiwaJson>,
}

/// One event of a misuse case.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PeristiwaJson {
    /// The status it reached.
    pub status: String,
    /// When (RFC 3339).
    pub waktu: String,
}

impl From<&Penyalahgunaan> for PenyalahgunaanJson {
    fn from(k: &Penyalahgunaan) -> Self {
        Self {
            id: k.id.to_string(),
            pengguna_id: k.pengguna_id.to_string(),
            kategori: k.kategori.kode().into(),
            uraian: k.uraian.clone(),
            status: k.status.kode().into(),
            tenggat: k.peringatan.map(|(_, t)| t.to_rfc3339()),
            jawaban: k.jawaban.as_ref().map(|(j, _)| j.clone()),
            riwayat: k
                .riwayat
                .iter()
                .map(|(s, t)| PeristiwaJson {
                    status: s.kode().to_string(),
                    waktu: t.to_rfc3339(),
                })
                .collect(),
        }
    }
}

/// A change of a user's state, as the office application reads it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PerubahanJson {
    pub pengguna_id: String,
    pub email: String,
    pub nip: String,
    /// `aktif`, `nonaktif`, `nonaktif_permanen`.
    pub status: String,
    /// When the state last changed.
    pub pada: String,
}

/// The changes after a cursor, and the cursor to ask with next.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SinkronJson {
    pub items: Vec<PerubahanJson>,
    /// Pass as `sejak` next time.
    pub berikutnya: Option<String>,
}

/// A freshly issued sync token (shown once).
#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenJson {
    pub token: String,
}
