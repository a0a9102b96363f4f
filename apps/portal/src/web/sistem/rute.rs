//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::sistem;
use axum::Router;
use axum::routing::{get, post, put};

/// Electronic systems: Data Awal, sections, self-assessment, documents, submission, trustmarks (pages and API).
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route("/sistem-elektronik", get(sistem::halaman::daftar))
        .route(
            "/sistem-elektronik/baru",
            get(sistem::halaman::form_baru).post(sistem::halaman::baru),
        )
        .route("/sistem-elektronik/{id}", get(sistem::formulir::detail))
        .route(
            "/sistem-elektronik/{id}/data-awal",
            get(sistem::halaman::form_perbaikan).post(sistem::halaman::perbaiki),
        )
        .route(
            "/sistem-elektronik/{id}/bagian/{bagian}",
            get(sistem::formulir::form_bagian).post(sistem::formulir::simpan_bagian),
        )
        .route(
            "/sistem-elektronik/{id}/dokumen",
            get(sistem::kelengkapan::form_dokumen).post(sistem::kelengkapan::unggah_dokumen),
        )
        .route(
            "/sistem-elektronik/{id}/dokumen/{sha256}/hapus",
            post(sistem::kelengkapan::hapus_dokumen),
        )
        .route(
            "/sistem-elektronik/{id}/penilaian-kategori",
            get(sistem::kelengkapan::form_penilaian).post(sistem::kelengkapan::simpan_penilaian),
        )
        .route(
            "/sistem-elektronik/{id}/periksa",
            get(sistem::formulir::periksa),
        )
        .route(
            "/sistem-elektronik/{id}/ajukan",
            post(sistem::formulir::ajukan),
        )
        .route(
            "/api/v1/sistem-elektronik",
            get(sistem::api::daftar).post(sistem::api::ajukan),
        )
        .route("/api/v1/sistem-elektronik/{id}", get(sistem::api::lihat))
        .route(
            "/api/v1/sistem-elektronik/{id}/data-awal",
            put(sistem::api::perbaiki),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/bagian/{bagian}",
            put(sistem::api::bagian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/bagian/{bagian}/draf",
            put(sistem::api::draf_bagian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/penilaian-kategori",
            put(sistem::api::penilaian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/dokumen",
            post(sistem::api::dokumen),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/dokumen/{sha256}",
            get(sistem::api::unduh_dokumen).delete(sistem::api::hapus_dokumen),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/ajukan",
            post(sistem::api::ajukan_formulir),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/tanda-daftar.svg",
            get(sistem::api::trustmark_svg),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/tanda-daftar.png",
            get(sistem::api::trustmark_png),
        )
}
