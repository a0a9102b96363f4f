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
            "/petugas-daerah",
            get(daerah::petugas::daftar).post(daerah::petugas::undang),
        )
        .route("/petugas-daerah/{id}/akhiri", post(daerah::petugas::akhiri))
        .route(
            "/petugas-daerah/jam-kerja",
            post(daerah::petugas::jam_kerja),
        )
        .route("/permohonan-daerah", get(daerah::halaman::daftar))
        .route("/permohonan-daerah/kinerja", get(daerah::halaman::kinerja))
        .route(
            "/permohonan-daerah/baru",
            get(daerah::formulir::baru).post(daerah::formulir::ajukan),
        )
        .route("/permohonan-daerah/{id}", get(daerah::halaman::lihat))
        .route(
            "/permohonan-daerah/{id}/dokumen/{jenis}",
            get(daerah::halaman::dokumen),
        )
        .route(
            "/permohonan-daerah/{id}/disposisi",
            post(daerah::formulir::disposisi),
        )
        .route(
            "/permohonan-daerah/{id}/kembalikan",
            post(daerah::formulir::kembalikan),
        )
        .route(
            "/permohonan-daerah/{id}/lengkapi",
            post(daerah::formulir::lengkapi),
        )
        .route(
            "/permohonan-daerah/{id}/catat",
            get(daerah::formulir::form_catat).post(daerah::formulir::catat),
        )
        .route(
            "/permohonan-daerah/{id}/selesaikan",
            post(daerah::formulir::selesaikan),
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
