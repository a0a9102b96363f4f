//! The JSON API of change requests (`/api/v1/perubahan-data`).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use perubahan_data::model::PermohonanPerubahan;
use serde::Deserialize;
use serde_json::{Value, json};

/// A change request as the API shows it.
pub(crate) fn perubahan_json(p: &PermohonanPerubahan) -> Value {
    json!({
        "id": p.id,
        "sistem_elektronik_id": p.sistem_id,
        "nama_sistem": p.nama_sistem,
        "alasan": p.alasan,
        "status": p.status.kode(),
        "status_label": p.status.label(),
        "penolakan": p.penolakan.as_ref().map(|x| json!({
            "kategori_alasan": x.kategori, "catatan": x.catatan, "waktu": x.waktu,
        })),
        "perbedaan": p.perbedaan,
        "diajukan_pada": p.diajukan_pada,
        "diputus_pada": p.diputus_pada,
        "selesai_pada": p.selesai_pada,
    })
}

/// `GET /api/v1/perubahan-data`: the actor's change requests, newest first.
#[utoipa::path(get, path = "/api/v1/perubahan-data", tag = "perubahan", responses((status = 200, description = "Pengajuan perubahan data")))]
pub async fn daftar(State(s): State<AppState>, a: Aktor) -> Result<Json<Value>, WebError> {
    let items: Vec<Value> = s
        .perubahan
        .daftar(&a.aktor)
        .await?
        .iter()
        .map(perubahan_json)
        .collect();
    Ok(Json(
        json!({"total": items.len(), "items": items, "page": 1}),
    ))
}

/// Body of a change request.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Ajukan {
    sistem_elektronik_id: String,
    alasan: String,
}

/// `POST /api/v1/perubahan-data` `{sistem_elektronik_id, alasan}` → 201 `terkirim`.
#[utoipa::path(post, path = "/api/v1/perubahan-data", tag = "perubahan", responses((status = 201, description = "Pengajuan terkirim")))]
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<Ajukan>,
) -> Result<Response, WebError> {
    let p = s
        .perubahan
        .ajukan(&a.aktor, &b.sistem_elektronik_id, &b.alasan)
        .await?;
    Ok((StatusCode::CREATED, Json(perubahan_json(&p))).into_response())
}

/// `GET /api/v1/perubahan-data/{id}`: one request with what changed.
#[utoipa::path(get, path = "/api/v1/perubahan-data/{id}", tag = "perubahan", params(("id" = String, Path)), responses((status = 200, description = "Pengajuan perubahan data")))]
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<Value>, WebError> {
    let p = s.perubahan.lihat(&a.aktor, super::jalur::id(&id)?).await?;
    Ok(Json(perubahan_json(&p)))
}

/// `POST /api/v1/perubahan-data/{id}/selesai`: the system is `terdaftar` again with the new data.
#[utoipa::path(post, path = "/api/v1/perubahan-data/{id}/selesai", tag = "perubahan", params(("id" = String, Path)), responses((status = 200, description = "Perubahan selesai")))]
pub async fn selesai(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<Value>, WebError> {
    let p = s
        .perubahan
        .selesai(&a.aktor, super::jalur::id(&id)?)
        .await?;
    Ok(Json(perubahan_json(&p)))
}
