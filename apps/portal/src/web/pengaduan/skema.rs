//! JSON shapes of complaints.

use crate::web::halaman::wib;
use layanan::pengaduan::{Pengaduan, Tanggapan};
use serde::Serialize;
use utoipa::ToSchema;

/// What a complainant gets back at once.
#[derive(Serialize, ToSchema)]
pub struct Diterima {
    /// The complaint's number (`ADU-2026-000001`).
    pub nomor: String,
    /// The code that, with the number, opens its status (shown once, also emailed).
    pub kode: String,
}

/// One answer.
#[derive(Serialize, ToSchema)]
pub struct TanggapanJson {
    /// The answer.
    pub isi: String,
    /// The status it set (`diproses`, `selesai`).
    pub status: &'static str,
    /// When (RFC 3339).
    pub pada: String,
}

impl From<&Tanggapan> for TanggapanJson {
    fn from(t: &Tanggapan) -> Self {
        Self {
            isi: t.isi.clone(),
            status: t.status.kode(),
            pada: t.pada.to_rfc3339(),
        }
    }
}

/// A complaint as its complainant reads it.
#[derive(Serialize, ToSchema)]
pub struct StatusPengaduanJson {
    /// Its number.
    pub nomor: String,
    /// Status code (`baru`, `diproses`, `selesai`).
    pub status: &'static str,
    /// Category code.
    pub kategori: &'static str,
    /// What was complained.
    pub uraian: String,
    /// When it was filed (RFC 3339).
    pub diajukan_pada: String,
    /// The answers, oldest first.
    pub tanggapan: Vec<TanggapanJson>,
}

impl From<&Pengaduan> for StatusPengaduanJson {
    fn from(p: &Pengaduan) -> Self {
        Self {
            nomor: p.nomor.to_string(),
            status: p.status.kode(),
            kategori: p.data.kategori.kode(),
            uraian: p.data.uraian.clone(),
            diajukan_pada: p.diajukan_pada.to_rfc3339(),
            tanggapan: p.tanggapan.iter().map(Into::into).collect(),
        }
    }
}

/// A complaint as the admin reads it.
#[derive(Serialize, ToSchema)]
pub struct PengaduanJson {
    /// Its id.
    pub id: String,
    /// Its number.
    pub nomor: String,
    /// The complainant.
    pub nama: String,
    /// Where answers go.
    pub email: String,
    /// Category code.
    pub kategori: &'static str,
    /// What was complained.
    pub uraian: String,
    /// What it is about, if given.
    pub rujukan: Option<String>,
    /// Status code.
    pub status: &'static str,
    /// When it was filed (RFC 3339).
    pub diajukan_pada: String,
    /// When it was filed, as people read it (WIB).
    pub diajukan: String,
    /// The answers, oldest first.
    pub tanggapan: Vec<TanggapanJson>,
}

impl From<&Pengaduan> for PengaduanJson {
    fn from(p: &Pengaduan) -> Self {
        Self {
            id: p.id.to_string(),
            nomor: p.nomor.to_string(),
            nama: p.data.nama.clone(),
            email: p.data.email.clone(),
            kategori: p.data.kategori.kode(),
            uraian: p.data.uraian.clone(),
            rujukan: p.data.rujukan.clone(),
            status: p.status.kode(),
            diajukan_pada: p.diajukan_pada.to_rfc3339(),
            diajukan: wib(p.diajukan_pada),
            tanggapan: p.tanggapan.iter().map(Into::into).collect(),
        }
    }
}
