//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::daerah;
use axum::Router;
use axum::routing::{get, post};

/// The pejabat's petugas, the requests, their steps and papers (pages and API).
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/layanan-daerah/petugas",
            get(daerah::api::daftar_petugas).post(daerah::api::undang),
        )
        .route(
            "/api/v1/layanan-daerah/petugas/{id}/akhiri",
            post(daerah::api::akhiri),
        )
        .route(
            "/api/v1/permohonan-daerah",
            get(daerah::api::daftar).post(daerah::api::ajukan),
        )
        .route("/api/v1/permohonan-daerah/{id}", get(daerah::api::lihat))
        .route(
            "/api/v1/permohonan-daerah/{id}/disposisi",
            post(daerah::api::disposisi),
        )
        .route(
            "/api/v1/permohonan-daerah/{id}/kembalikan",
            post(daerah::api::kembalikan),
        )
        .route(
            "/api/v1/permohonan-daerah/{id}/lengkapi",
            post(daerah::api::lengkapi),
        )
        .route(
            "/api/v1/permohonan-daerah/{id}/catat",
            post(daerah::api::catat),
        )
        .route(
            "/api/v1/permohonan-daerah/{id}/selesaikan",
            post(daerah::api::selesaikan),
        )
        .route(
            "/permohonan-daerah/{id}/lembar-disposisi",
            get(daerah::halaman::lembar_disposisi),
        )
        .route(
            "/permohonan-daerah/{id}/surat-balasan",
            get(daerah::halaman::surat_balasan),
        )
}
