//! The JSON API of a Pejabat Pendaftar's application and its corrected resubmission.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::sesi::Aktor;
use crate::web::unggah::FormMultipart;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Json, response::Response};
use registrasi_pejabat::model::PermohonanPejabat;
use serde::Serialize;

/// A filed application: its id, the number people quote, and its status.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PermohonanDiterima {
    /// Its id (paths of the correction).
    pub id: String,
    /// The number on the receipt and in the emails (`PJB-2026-7K3QDX`).
    pub nomor: String,
    /// Its status code.
    pub status: String,
}

impl From<&PermohonanPejabat> for PermohonanDiterima {
    fn from(p: &PermohonanPejabat) -> Self {
        Self {
            id: p.id.to_string(),
            nomor: p.nomor(),
            status: p.status.kode().into(),
        }
    }
}

/// `POST /api/v1/pendaftaran-pejabat` (multipart) → 201 `{id, nomor, status}`.
#[utoipa::path(post, path = "/api/v1/pendaftaran-pejabat", tag = "pendaftaran", request_body(content_type = "multipart/form-data", description = "Isian formulir pendaftaran dan dokumen (PDF)"), responses((status = 201, description = "Permohonan diajukan", body = PermohonanDiterima)))]
pub async fn daftar_pejabat(
    State(s): State<AppState>,
    aktor: Aktor,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let berkas = f.berkas.get("dokumen").cloned();
    let p = s
        .registrasi
        .ajukan(&aktor.aktor, f.formulir_pendaftaran(), berkas)
        .await?;
    Ok((StatusCode::CREATED, Json(PermohonanDiterima::from(&p))).into_response())
}

/// `PUT /api/v1/pendaftaran-pejabat/{id}` (multipart with `kode_perbaikan`): corrected resubmission.
#[utoipa::path(put, path = "/api/v1/pendaftaran-pejabat/{id}", tag = "pendaftaran", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "Isian perbaikan dengan kode_perbaikan dan dokumen (PDF)"), responses((status = 200, description = "Perbaikan dikirim", body = PermohonanDiterima)))]
pub async fn perbaiki_pejabat(
    State(s): State<AppState>,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<PermohonanDiterima>, WebError> {
    let id = crate::web::jalur::id(&id)?;
    let f = FormMultipart::baca(m).await?;
    let berkas = f.berkas.get("dokumen").cloned();
    let p = s
        .registrasi
        .ajukan_ulang(
            id,
            &f.teks("kode_perbaikan"),
            f.formulir_pendaftaran(),
            berkas,
        )
        .await?;
    Ok(Json(PermohonanDiterima::from(&p)))
}
