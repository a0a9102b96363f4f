//! The JSON API of reports (`/api/v1/laporan`) and the admin's national recap.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::laporan::skema::LaporanJson;
use crate::web::sesi::Aktor;
use crate::web::skema::Daftar;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use laporan::model::IsianLaporan;
use pse_kernel::Unduhan;
use sistem_elektronik::SistemError;

/// The media type of `.xlsx`.
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A finished spreadsheet as a download, read from where it was written as it is sent.
pub(crate) fn unduhan(b: Unduhan) -> Response {
    let panjang = b.isi.panjang;
    let mut r = crate::web::lampiran(&b.nama_berkas, XLSX, crate::web::aliran::badan(b.isi));
    r.headers_mut()
        .insert(axum::http::header::CONTENT_LENGTH, panjang.into());
    r
}

/// Makes a report file in one of the export slots, so only a few are written at once; a full
/// pool past its wait is an outage (503), never a pile of work.
pub(crate) async fn di_slot(
    s: &AppState,
    kerja: impl Future<Output = Result<Unduhan, SistemError>>,
) -> Result<Unduhan, SistemError> {
    let _izin = s.ekspor.izin().await?;
    kerja.await
}

/// `GET /api/v1/laporan`: the actor's report configurations.
#[utoipa::path(get, path = "/api/v1/laporan", tag = "laporan", responses((status = 200, description = "Konfigurasi laporan", body = Daftar<LaporanJson>)))]
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Json<Daftar<LaporanJson>>, WebError> {
    let v = s.laporan.daftar(&a.aktor).await?;
    Ok(Json(Daftar::semua(v.iter().map(Into::into).collect())))
}

/// `POST /api/v1/laporan` `{nama, kolom, filter?, urutan?}` → 201.
#[utoipa::path(post, path = "/api/v1/laporan", tag = "laporan", request_body(content = Object, description = "nama, kolom (kode kolom berurutan), filter (instansi_id, status, kategori, provinsi; semua boleh kosong), urutan"), responses((status = 201, description = "Konfigurasi tersimpan", body = LaporanJson)))]
pub async fn buat(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<IsianLaporan>,
) -> Result<Response, WebError> {
    let k = s.laporan.buat(&a.aktor, &b).await?;
    Ok((StatusCode::CREATED, Json(LaporanJson::from(&k))).into_response())
}

/// `GET /api/v1/laporan/{id}`.
#[utoipa::path(get, path = "/api/v1/laporan/{id}", tag = "laporan", params(("id" = String, Path)), responses((status = 200, description = "Konfigurasi laporan", body = LaporanJson)))]
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<LaporanJson>, WebError> {
    let k = s
        .laporan
        .lihat(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json(LaporanJson::from(&k)))
}

/// `PUT /api/v1/laporan/{id}`: replaces the configuration.
#[utoipa::path(put, path = "/api/v1/laporan/{id}", tag = "laporan", params(("id" = String, Path)), request_body(content = Object, description = "nama, kolom (kode kolom berurutan), filter (instansi_id, status, kategori, provinsi; semua boleh kosong), urutan"), responses((status = 200, description = "Konfigurasi diubah", body = LaporanJson)))]
pub async fn ubah(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<IsianLaporan>,
) -> Result<Json<LaporanJson>, WebError> {
    let k = s
        .laporan
        .ubah(&a.aktor, crate::web::jalur::id(&id)?, &b)
        .await?;
    Ok(Json(LaporanJson::from(&k)))
}

/// `DELETE /api/v1/laporan/{id}` → 204.
#[utoipa::path(delete, path = "/api/v1/laporan/{id}", tag = "laporan", params(("id" = String, Path)), responses((status = 204, description = "Konfigurasi dihapus")))]
pub async fn hapus(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.laporan
        .hapus(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/laporan/{id}/unduh`: the `.xlsx` (R-LAP-03).
#[utoipa::path(get, path = "/api/v1/laporan/{id}/unduh", tag = "laporan", params(("id" = String, Path)), responses((status = 200, description = "Berkas .xlsx", body = crate::web::skema::Berkas, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
pub async fn unduh(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = crate::web::jalur::id(&id)?;
    Ok(unduhan(di_slot(&s, s.laporan.unduh(&a.aktor, id)).await?))
}

/// `GET /api/v1/admin/laporan/rekap`: the national recap workbook with its chart.
#[utoipa::path(get, path = "/api/v1/admin/laporan/rekap", tag = "admin", responses((status = 200, description = "Rekap nasional .xlsx", body = crate::web::skema::Berkas, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
pub async fn rekap(State(s): State<AppState>, a: Aktor) -> Result<Response, WebError> {
    Ok(unduhan(di_slot(&s, s.laporan.rekap(&a.aktor)).await?))
}
