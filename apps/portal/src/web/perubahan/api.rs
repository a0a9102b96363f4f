//! The JSON API of change requests (`/api/v1/perubahan-data`).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::perubahan::skema::PerubahanJson;
use crate::web::sesi::Aktor;
use crate::web::skema::Daftar;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// `GET /api/v1/perubahan-data`: the actor's change requests, newest first.
#[utoipa::path(get, path = "/api/v1/perubahan-data", tag = "perubahan", responses((status = 200, description = "Pengajuan perubahan data", body = Daftar<PerubahanJson>)))]
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Json<Daftar<PerubahanJson>>, WebError> {
    let v = s.perubahan.daftar(&a.aktor).await?;
    Ok(Json(Daftar::semua(v.iter().map(Into::into).collect())))
}

/// Body of a change request.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Ajukan {
    sistem_elektronik_id: String,
    alasan: String,
}

/// `POST /api/v1/perubahan-data` `{sistem_elektronik_id, alasan}` → 201 `terkirim`.
#[utoipa::path(post, path = "/api/v1/perubahan-data", tag = "perubahan", request_body = Ajukan, responses((status = 201, description = "Pengajuan terkirim", body = PerubahanJson)))]
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<Ajukan>,
) -> Result<Response, WebError> {
    let p = s
        .perubahan
        .ajukan(&a.aktor, &b.sistem_elektronik_id, &b.alasan)
        .await?;
    Ok((StatusCode::CREATED, Json(PerubahanJson::from(&p))).into_response())
}

/// `GET /api/v1/perubahan-data/{id}`: one request with what changed.
#[utoipa::path(get, path = "/api/v1/perubahan-data/{id}", tag = "perubahan", params(("id" = String, Path)), responses((status = 200, description = "Pengajuan perubahan data", body = PerubahanJson)))]
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PerubahanJson>, WebError> {
    let p = s
        .perubahan
        .lihat(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json(PerubahanJson::from(&p)))
}

/// `POST /api/v1/perubahan-data/{id}/selesai`: the system is `terdaftar` again with the new data.
#[utoipa::path(post, path = "/api/v1/perubahan-data/{id}/selesai", tag = "perubahan", params(("id" = String, Path)), responses((status = 200, description = "Perubahan selesai", body = PerubahanJson)))]
pub async fn selesai(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PerubahanJson>, WebError> {
    let p = s
        .perubahan
        .selesai(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json(PerubahanJson::from(&p)))
}
