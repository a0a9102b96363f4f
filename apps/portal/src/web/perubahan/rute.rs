//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::perubahan;
use axum::Router;
use axum::routing::{get, post};

/// Change requests (pages and API).
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route("/perubahan-data", get(perubahan::halaman::daftar))
        .route(
            "/perubahan-data/baru",
            get(perubahan::halaman::form_baru).post(perubahan::halaman::baru),
        )
        .route("/perubahan-data/{id}", get(perubahan::halaman::detail))
        .route(
            "/perubahan-data/{id}/selesai",
            post(perubahan::halaman::selesai),
        )
        .route(
            "/api/v1/perubahan-data",
            get(perubahan::api::daftar).post(perubahan::api::ajukan),
        )
        .route("/api/v1/perubahan-data/{id}", get(perubahan::api::lihat))
        .route(
            "/api/v1/perubahan-data/{id}/selesai",
            post(perubahan::api::selesai),
        )
}
