//! The JSON API of reports (`/api/v1/laporan`) and the admin's national recap.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use laporan::model::{IsianLaporan, KonfigurasiLaporan};
use laporan::service::BerkasLaporan;
use serde_json::{Value, json};
use sistem_elektronik::SistemError;

/// The media type of `.xlsx`.
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A configuration as the API shows it.
pub(crate) fn laporan_json(k: &KonfigurasiLaporan) -> Value {
    let isian = k.isian();
    json!({
        "id": k.id,
        "nama": k.nama,
        "kolom": isian.kolom,
        "filter": isian.filter,
        "urutan": k.urutan.map(|u| u.kode()),
        "dibuat_pada": k.dibuat_pada,
        "diubah_pada": k.diubah_pada,
    })
}

/// A finished spreadsheet as a download, read from where it was written as it is sent.
pub(crate) fn unduhan(b: BerkasLaporan) -> Response {
    let panjang = b.isi.panjang;
    let mut r = super::lampiran(&b.nama_berkas, XLSX, super::aliran::badan(b.isi));
    r.headers_mut()
        .insert(axum::http::header::CONTENT_LENGTH, panjang.into());
    r
}

/// Makes a report file in one of the export slots, so only a few are written at once; a full
/// pool past its wait is an outage (503), never a pile of work.
pub(crate) async fn di_slot(
    s: &AppState,
    kerja: impl Future<Output = Result<BerkasLaporan, SistemError>>,
) -> Result<BerkasLaporan, SistemError> {
    let _izin = s.ekspor.izin().await?;
    kerja.await
}

/// `GET /api/v1/laporan`: the actor's report configurations.
#[utoipa::path(get, path = "/api/v1/laporan", tag = "laporan", responses((status = 200, description = "Konfigurasi laporan")))]
pub async fn daftar(State(s): State<AppState>, a: Aktor) -> Result<Json<Value>, WebError> {
    let items: Vec<Value> = s
        .laporan
        .daftar(&a.aktor)
        .await?
        .iter()
        .map(laporan_json)
        .collect();
    Ok(Json(
        json!({"total": items.len(), "items": items, "page": 1}),
    ))
}

/// `POST /api/v1/laporan` `{nama, kolom, filter?, urutan?}` → 201.
#[utoipa::path(post, path = "/api/v1/laporan", tag = "laporan", responses((status = 201, description = "Konfigurasi tersimpan")))]
pub async fn buat(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<IsianLaporan>,
) -> Result<Response, WebError> {
    let k = s.laporan.buat(&a.aktor, &b).await?;
    Ok((StatusCode::CREATED, Json(laporan_json(&k))).into_response())
}

/// `GET /api/v1/laporan/{id}`.
#[utoipa::path(get, path = "/api/v1/laporan/{id}", tag = "laporan", params(("id" = String, Path)), responses((status = 200, description = "Konfigurasi laporan")))]
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<Value>, WebError> {
    let k = s.laporan.lihat(&a.aktor, super::jalur::id(&id)?).await?;
    Ok(Json(laporan_json(&k)))
}

/// `PUT /api/v1/laporan/{id}`: replaces the configuration.
#[utoipa::path(put, path = "/api/v1/laporan/{id}", tag = "laporan", params(("id" = String, Path)), responses((status = 200, description = "Konfigurasi diubah")))]
pub async fn ubah(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<IsianLaporan>,
) -> Result<Json<Value>, WebError> {
    let k = s.laporan.ubah(&a.aktor, super::jalur::id(&id)?, &b).await?;
    Ok(Json(laporan_json(&k)))
}

/// `DELETE /api/v1/laporan/{id}` → 204.
#[utoipa::path(delete, path = "/api/v1/laporan/{id}", tag = "laporan", params(("id" = String, Path)), responses((status = 204, description = "Konfigurasi dihapus")))]
pub async fn hapus(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.laporan.hapus(&a.aktor, super::jalur::id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/laporan/{id}/unduh`: the `.xlsx` (R-LAP-03).
#[utoipa::path(get, path = "/api/v1/laporan/{id}/unduh", tag = "laporan", params(("id" = String, Path)), responses((status = 200, description = "Berkas .xlsx")))]
pub async fn unduh(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = super::jalur::id(&id)?;
    Ok(unduhan(di_slot(&s, s.laporan.unduh(&a.aktor, id)).await?))
}

/// `GET /api/v1/admin/laporan/rekap`: the national recap workbook with its chart.
#[utoipa::path(get, path = "/api/v1/admin/laporan/rekap", tag = "admin", responses((status = 200, description = "Rekap nasional .xlsx")))]
pub async fn rekap(State(s): State<AppState>, a: Aktor) -> Result<Response, WebError> {
    Ok(unduhan(di_slot(&s, s.laporan.rekap(&a.aktor)).await?))
}
