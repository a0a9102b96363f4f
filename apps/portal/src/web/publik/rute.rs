//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::{dokumen_api, gaya, gaya_surat, halaman, logo, publik, sistem, skrip};
use axum::Router;
use axum::routing::get;

/// The public face: landing, health, assets, reference data, the public registry and Tanda Daftar verification, the OpenAPI document.
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route("/", get(halaman::beranda_publik))
        .route("/healthz", get(publik::api::healthz))
        .route("/metrics", get(crate::metrik::halaman))
        .route("/readyz", get(publik::api::readyz))
        .route("/aset/gaya.css", get(gaya))
        .route("/aset/skrip/{nama}", get(skrip))
        .route("/aset/logo", get(logo))
        .route("/aset/surat.css", get(gaya_surat))
        .route("/tanda-daftar/{nomor}", get(publik::halaman::tanda_daftar))
        .route("/registri", get(publik::halaman::registri))
        .route(
            "/standar-pelayanan",
            get(publik::standar::standar_pelayanan),
        )
        .route("/panduan", get(publik::panduan::panduan))
        .route("/aset/panduan/{berkas}", get(publik::panduan::gambar))
        .route("/api/v1/wilayah/provinsi", get(publik::api::provinsi))
        .route(
            "/api/v1/wilayah/provinsi/{kode}/kota",
            get(publik::api::kota),
        )
        .route("/api/v1/instansi", get(publik::api::instansi))
        .route("/api/v1/kalender/tenggat", get(publik::api::tenggat))
        .route("/api/openapi.json", get(dokumen_api::openapi))
        .route(
            "/api/v1/publik/sistem-elektronik",
            get(sistem::api::cari_publik),
        )
        .route(
            "/api/v1/publik/tanda-daftar/{nomor}",
            get(sistem::api::verifikasi),
        )
}
