//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::laporan;
use axum::Router;
use axum::routing::get;

/// Reports (pages and API).
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route("/laporan", get(laporan::halaman::daftar))
        .route(
            "/laporan/baru",
            get(laporan::halaman::form_baru).post(laporan::halaman::baru),
        )
        .route(
            "/laporan/{id}/ubah",
            get(laporan::halaman::form_ubah).post(laporan::halaman::ubah),
        )
        .route(
            "/laporan/{id}/hapus",
            get(laporan::halaman::konfirmasi_hapus).post(laporan::halaman::hapus),
        )
        .route("/laporan/{id}/unduh", get(laporan::halaman::unduh))
        .route(
            "/api/v1/laporan",
            get(laporan::api::daftar).post(laporan::api::buat),
        )
        .route(
            "/api/v1/laporan/{id}",
            get(laporan::api::lihat)
                .put(laporan::api::ubah)
                .delete(laporan::api::hapus),
        )
        .route("/api/v1/laporan/{id}/unduh", get(laporan::api::unduh))
}
