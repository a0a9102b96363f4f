//! The JSON body of a change request.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// Why a change request was rejected.
#[derive(Serialize, ToSchema)]
pub struct PenolakanPerubahanJson {
    /// The reason's category code.
    pub kategori_alasan: String,
    /// The admin's note.
    pub catatan: String,
    /// When.
    pub waktu: DateTime<Utc>,
}

/// A change request of a registered system.
#[derive(Serialize, ToSchema)]
pub struct PerubahanJson {
    /// Its id.
    pub id: String,
    /// The system it changes.
    pub sistem_elektronik_id: String,
    /// The system's public name.
    pub nama_sistem: String,
    /// Why the change is asked for.
    pub alasan: String,
    /// Status code.
    pub status: &'static str,
    /// Status as people read it.
    pub status_label: &'static str,
    /// The rejection, if rejected.
    pub penolakan: Option<PenolakanPerubahanJson>,
    /// What changed, field by field, once finished.
    #[schema(value_type = Vec<Object>)]
    pub perbedaan: Vec<sistem_elektronik::model::Perbedaan>,
    /// When it was asked for.
    pub diajukan_pada: DateTime<Utc>,
    /// When the admin decided.
    pub diputus_pada: Option<DateTime<Utc>>,
    /// When the change was finished.
    pub selesai_pada: Option<DateTime<Utc>>,
}

impl From<&perubahan_data::model::PermohonanPerubahan> for PerubahanJson {
    fn from(p: &perubahan_data::model::PermohonanPerubahan) -> Self {
        Self {
            id: p.id.to_string(),
            sistem_elektronik_id: p.sistem_id.to_string(),
            nama_sistem: p.nama_sistem.clone(),
            alasan: p.alasan.clone(),
            status: p.status.kode(),
            status_label: p.status.label(),
            penolakan: p.penolakan.as_ref().map(|x| PenolakanPerubahanJson {
                kategori_alasan: x.kategori.clone(),
                catatan: x.catatan.clone(),
                waktu: x.waktu,
            }),
            perbedaan: p.perbedaan.clone(),
            diajukan_pada: p.diajukan_pada,
            diputus_pada: p.diputus_pada,
            selesai_pada: p.selesai_pada,
        }
    }
}
