//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::pengaduan;
use axum::Router;
use axum::routing::{get, post};

/// The public pages and reads.
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route("/pengaduan", get(pengaduan::halaman::form))
        .route("/pengaduan/status", get(pengaduan::halaman::status))
        .route("/api/v1/pengaduan/{nomor}", get(pengaduan::api::status))
        .route("/survei/{token}", get(pengaduan::survei::halaman))
}

/// Filing a complaint and answering the survey: under the per-address rate limit.
pub(crate) fn terbatas() -> Router<AppState> {
    Router::new()
        .route("/pengaduan", post(pengaduan::halaman::kirim))
        .route("/api/v1/pengaduan", post(pengaduan::api::ajukan))
        .route("/survei/{token}", post(pengaduan::survei::kirim))
        .route("/api/v1/survei/{token}", post(pengaduan::survei::jawab))
}

/// The admin's complaint desk and survey index; `web::router` puts them behind the admin guard.
pub(crate) fn admin() -> Router<AppState> {
    Router::new()
        .route("/admin/pengaduan", get(pengaduan::halaman::daftar))
        .route("/admin/pengaduan/{id}", get(pengaduan::halaman::detail))
        .route(
            "/admin/pengaduan/{id}/tanggapi",
            post(pengaduan::halaman::tanggapi),
        )
        .route("/admin/survei", get(pengaduan::survei::halaman_admin))
        .route("/admin/survei/unduh", get(pengaduan::survei::unduh))
        .route("/api/v1/admin/survei/ikm", get(pengaduan::survei::ikm))
        .route(
            "/api/v1/admin/survei/jawaban",
            get(pengaduan::survei::jawaban),
        )
        .route("/api/v1/admin/pengaduan", get(pengaduan::api::daftar))
        .route(
            "/api/v1/admin/pengaduan/{id}/tanggapi",
            post(pengaduan::api::tanggapi),
        )
}
