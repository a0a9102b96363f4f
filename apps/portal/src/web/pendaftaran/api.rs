//! The JSON API of a Pejabat Pendaftar's application and its corrected resubmission.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::sesi::Aktor;
use crate::web::skema::IdStatus;
use crate::web::unggah::FormMultipart;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Json, response::Response};

/// `POST /api/v1/pendaftaran-pejabat` (multipart) → 201 `{id, status}`.
#[utoipa::path(post, path = "/api/v1/pendaftaran-pejabat", tag = "pendaftaran", request_body(content_type = "multipart/form-data", description = "Isian formulir pendaftaran dan dokumen (PDF)"), responses((status = 201, description = "Permohonan diajukan", body = IdStatus)))]
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
    Ok((
        StatusCode::CREATED,
        Json(IdStatus::new(p.id, p.status.kode())),
    )
        .into_response())
}

/// `PUT /api/v1/pendaftaran-pejabat/{id}` (multipart with `kode_perbaikan`): corrected resubmission.
#[utoipa::path(put, path = "/api/v1/pendaftaran-pejabat/{id}", tag = "pendaftaran", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "Isian perbaikan dengan kode_perbaikan dan dokumen (PDF)"), responses((status = 200, description = "Perbaikan dikirim", body = IdStatus)))]
pub async fn perbaiki_pejabat(
    State(s): State<AppState>,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<IdStatus>, WebError> {
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
    Ok(Json(IdStatus::new(p.id, p.status.kode())))
}
