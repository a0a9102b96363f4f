//! The JSON bodies of the admin's back office: the verification desk and its summary, the audit
//! trail and the undelivered emails.

use chrono::{DateTime, Utc};
use pse_kernel::{AuditEvent, ItemAntrian, PesanTertunda, RingkasanJenis};
use serde::Serialize;
use utoipa::ToSchema;

/// An item of the verification desk.
#[derive(Serialize, ToSchema)]
pub struct ItemAntrianJson {
    /// Its kind's code (`pendaftaran-pejabat`, `sub-pejabat`, `data-awal`, `sistem-elektronik`,
    /// `perubahan-data`, `permohonan-sep`), also the path of its decision.
    pub jenis: &'static str,
    /// The kind as people read it.
    pub label: &'static str,
    /// Its id.
    pub id: String,
    /// Applicant or system, with the instansi.
    pub judul: String,
    /// Email, address or reason.
    pub keterangan: String,
    /// The instansi's name.
    pub instansi: String,
    /// When it entered the queue.
    pub masuk_antrian_pada: DateTime<Utc>,
    /// When the decision is due.
    pub tenggat: DateTime<Utc>,
    /// Past due.
    pub terlambat: bool,
}

impl From<ItemAntrian> for ItemAntrianJson {
    fn from(i: ItemAntrian) -> Self {
        Self {
            jenis: i.jenis.kode(),
            label: i.jenis.label(),
            judul: format!("{} — {}", i.judul, i.instansi),
            id: i.id,
            keterangan: i.keterangan,
            instansi: i.instansi,
            masuk_antrian_pada: i.masuk,
            tenggat: i.tenggat,
            terlambat: i.terlambat,
        }
    }
}

/// The desk's state of one kind.
#[derive(Serialize, ToSchema)]
pub struct RingkasanJenisJson {
    /// The kind's code.
    pub jenis: &'static str,
    /// The kind as people read it.
    pub label: &'static str,
    /// Waiting.
    pub terbuka: u64,
    /// Of those, past due.
    pub terlambat: u64,
    /// Decided in the period.
    pub diputuskan: u64,
    /// Median minutes from entering the queue to the decision.
    pub median_menit: Option<i64>,
}

impl From<RingkasanJenis> for RingkasanJenisJson {
    fn from(r: RingkasanJenis) -> Self {
        Self {
            jenis: r.jenis.kode(),
            label: r.label,
            terbuka: r.terbuka,
            terlambat: r.terlambat,
            diputuskan: r.diputuskan,
            median_menit: r.median_menit,
        }
    }
}

/// The service-level summary of the desk.
#[derive(Serialize, ToSchema)]
pub struct RingkasanMeja {
    /// The days decisions are counted over.
    pub hari: i64,
    /// Per kind.
    pub jenis: Vec<RingkasanJenisJson>,
}

/// An audit record.
#[derive(Serialize, ToSchema)]
pub struct AuditJson {
    /// Its id.
    pub id: String,
    /// When.
    pub waktu: DateTime<Utc>,
    /// Who (`admin:<id>`, `publik`, `sistem`).
    pub aktor: String,
    /// The subject's kind.
    pub subjek_jenis: String,
    /// The subject's id.
    pub subjek_id: String,
    /// The action.
    pub aksi: String,
    /// Status before.
    pub dari_status: Option<String>,
    /// Status after.
    pub ke_status: Option<String>,
    /// The reason given.
    pub alasan: Option<String>,
}

impl From<AuditEvent> for AuditJson {
    fn from(e: AuditEvent) -> Self {
        Self {
            id: e.id.to_string(),
            waktu: e.waktu,
            aktor: e.aktor,
            subjek_jenis: e.subjek_jenis,
            subjek_id: e.subjek_id,
            aksi: e.aksi,
            dari_status: e.dari_status,
            ke_status: e.ke_status,
            alasan: e.alasan,
        }
    }
}

/// An email not delivered yet.
#[derive(Serialize, ToSchema)]
pub struct SurelTertundaJson {
    /// Recipient.
    pub kepada: String,
    /// Template name.
    pub template: String,
    /// `menunggu` or `gagal`.
    pub status: String,
    /// Attempts so far.
    pub percobaan: u32,
    /// The last error.
    pub galat_terakhir: Option<String>,
    /// When it was written.
    pub dibuat_pada: DateTime<Utc>,
}

impl From<PesanTertunda> for SurelTertundaJson {
    fn from(p: PesanTertunda) -> Self {
        Self {
            kepada: p.kepada,
            template: p.template,
            status: p.status,
            percobaan: p.percobaan,
            galat_terakhir: p.galat_terakhir,
            dibuat_pada: p.dibuat_pada,
        }
    }
}

/// What a decision answers: a system or a change request in full, anything else by id and status.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum HasilKeputusan {
    /// A system (Data Awal or form).
    Sistem(Box<crate::web::sistem::skema::SistemJson>),
    /// A change request.
    Perubahan(Box<crate::web::perubahan::skema::PerubahanJson>),
    /// A Pejabat application or a Sub Pejabat.
    Lain(crate::web::skema::IdStatus),
}
