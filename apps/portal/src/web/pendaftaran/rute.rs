//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::pendaftaran;
use axum::Router;
use axum::routing::{get, post, put};

/// The registration pages: the form, the letter templates, the sent page and the correction.
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route(
            "/pendaftaran-pejabat",
            get(pendaftaran::halaman::form_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/muat",
            post(pendaftaran::halaman::muat_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/templat/{surat}",
            post(pendaftaran::halaman::templat_surat),
        )
        .route(
            "/pendaftaran-pejabat/{nomor}/terkirim",
            get(pendaftaran::halaman::pendaftaran_terkirim),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan",
            get(pendaftaran::halaman::form_perbaikan),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan/muat",
            post(pendaftaran::halaman::muat_perbaikan),
        )
}

/// The registration's submissions: under the per-address rate limit.
pub(crate) fn terbatas() -> Router<AppState> {
    Router::new()
        .route(
            "/pendaftaran-pejabat",
            post(pendaftaran::halaman::kirim_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan",
            post(pendaftaran::halaman::kirim_perbaikan),
        )
        .route(
            "/api/v1/pendaftaran-pejabat",
            post(pendaftaran::api::daftar_pejabat),
        )
        .route(
            "/api/v1/pendaftaran-pejabat/{id}",
            put(pendaftaran::api::perbaiki_pejabat),
        )
}
