//! The public JSON API: health, readiness and reference data (regions, verified instansi).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::skema::{Daftar, InstansiJson, WilayahJson};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Json, response::Response};
use registrasi_pejabat::referensi::SaringWilayah;
use serde::Deserialize;

/// `GET /healthz`.
#[utoipa::path(get, path = "/healthz", tag = "sistem", responses((status = 200, description = "Hidup", body = String, content_type = "text/plain")))]
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "sistem", responses((status = 200, description = "Siap: basis data menjawab", body = String, content_type = "text/plain"), (status = 503, description = "Basis data tidak menjawab", body = String, content_type = "text/plain")))]
pub async fn readyz(State(s): State<AppState>) -> Response {
    if s.store.siap().await {
        (StatusCode::OK, "siap").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "basis data tidak menjawab").into_response()
    }
}

/// `GET /api/v1/wilayah/provinsi`.
#[utoipa::path(get, path = "/api/v1/wilayah/provinsi", tag = "referensi", responses((status = 200, description = "Semua provinsi", body = Daftar<WilayahJson>)))]
pub async fn provinsi(State(s): State<AppState>) -> Result<Json<Daftar<WilayahJson>>, WebError> {
    let v = s
        .referensi
        .daftar_provinsi()
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)?;
    Ok(Json(Daftar::semua(v.into_iter().map(Into::into).collect())))
}

/// `GET /api/v1/wilayah/provinsi/{kode}/kota`.
#[utoipa::path(get, path = "/api/v1/wilayah/provinsi/{kode}/kota", tag = "referensi", params(("kode" = String, Path)), responses((status = 200, description = "Kabupaten/kota satu provinsi", body = Daftar<WilayahJson>)))]
pub async fn kota(
    State(s): State<AppState>,
    Path(kode): Path<String>,
) -> Result<Json<Daftar<WilayahJson>>, WebError> {
    let kota = s
        .referensi
        .daftar_kota(&kode)
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)?;
    Ok(Json(Daftar::semua(
        kota.into_iter().map(Into::into).collect(),
    )))
}

/// Query of `GET /api/v1/instansi`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CariInstansi {
    q: String,
    provinsi: String,
    kota: String,
    page: Option<u64>,
}

/// `GET /api/v1/instansi?q=&provinsi=&kota=`: verified instansi.
#[utoipa::path(get, path = "/api/v1/instansi", tag = "referensi", params(("q" = String, Query), ("provinsi" = String, Query), ("kota" = String, Query), ("page" = String, Query)), responses((status = 200, description = "Instansi terverifikasi", body = Daftar<InstansiJson>)))]
pub async fn instansi(
    State(s): State<AppState>,
    Query(q): Query<CariInstansi>,
) -> Result<Json<Daftar<InstansiJson>>, WebError> {
    let h = s
        .referensi
        .cari_instansi(
            &q.q,
            SaringWilayah::baru(&q.provinsi, &q.kota),
            pse_kernel::Paging::nomor(q.page)?,
        )
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)?;
    Ok(Json(Daftar::dari(h, |i| InstansiJson::from(&i))))
}

/// Query of `GET /api/v1/kalender/tenggat`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryTenggat {
    mulai: Option<String>,
    menit_kerja: Option<String>,
    hari_kerja: Option<String>,
    zona: Option<String>,
}

/// A due time from the portal's calendar.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct TenggatJson {
    /// RFC 3339 in the asked zone.
    pub tenggat: String,
}

/// `GET /api/v1/kalender/tenggat?mulai=RFC3339&menit_kerja=N&zona=WIB|WITA|WIT` (or
/// `hari_kerja=N`): the due time on the portal's working-time calendar (R-DAE-05, R-X-03).
#[utoipa::path(get, path = "/api/v1/kalender/tenggat", tag = "referensi", params(("mulai" = String, Query), ("menit_kerja" = Option<u32>, Query), ("hari_kerja" = Option<u32>, Query), ("zona" = Option<String>, Query)), responses((status = 200, description = "Tenggat menurut jam kerja", body = TenggatJson)))]
pub async fn tenggat(
    State(s): State<AppState>,
    Query(q): Query<QueryTenggat>,
) -> Result<Json<TenggatJson>, WebError> {
    let p = pse_kernel::PermintaanTenggat::baca(
        q.mulai.as_deref(),
        q.menit_kerja.as_deref(),
        q.hari_kerja.as_deref(),
        q.zona.as_deref(),
    )?;
    Ok(Json(TenggatJson {
        tenggat: p.tenggat(&s.kalender).to_rfc3339(),
    }))
}
