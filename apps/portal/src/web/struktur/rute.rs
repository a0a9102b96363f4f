//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::struktur;
use axum::Router;
use axum::routing::{get, post, put};

/// Struktur Organisasi and Sub Pejabat (pages and API).
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route(
            "/struktur-organisasi",
            get(struktur::halaman::halaman_struktur).post(struktur::halaman::tambah_unit),
        )
        .route(
            "/struktur-organisasi/{id}",
            get(struktur::halaman::form_ubah_unit).post(struktur::halaman::ubah_unit),
        )
        .route(
            "/struktur-organisasi/{id}/hapus",
            get(struktur::halaman::konfirmasi_hapus_unit).post(struktur::halaman::hapus_unit),
        )
        .route("/pengguna", get(struktur::pengguna::halaman_pengguna))
        .route(
            "/pengguna/tambah",
            get(struktur::pengguna::form_tambah_sub).post(struktur::pengguna::tambah_sub),
        )
        .route(
            "/pengguna/templat-surat-tugas",
            post(struktur::pengguna::templat_surat_tugas),
        )
        .route("/pengguna/{id}", get(struktur::detail::halaman_detail_sub))
        .route(
            "/pengguna/{id}/ubah",
            get(struktur::pengguna::form_ubah_sub).post(struktur::pengguna::ubah_sub),
        )
        .route(
            "/pengguna/{id}/hapus",
            get(struktur::pengguna::konfirmasi_hapus_sub).post(struktur::pengguna::hapus_sub),
        )
        .route(
            "/pengguna/{id}/surat-tugas",
            get(struktur::detail::unduh_surat_tugas),
        )
        .route(
            "/api/v1/unit-organisasi",
            get(struktur::api::daftar_unit).post(struktur::api::tambah_unit),
        )
        .route(
            "/api/v1/unit-organisasi/{id}",
            put(struktur::api::ubah_unit).delete(struktur::api::hapus_unit),
        )
        .route(
            "/api/v1/sub-pejabat",
            get(struktur::api::daftar_sub).post(struktur::api::tambah_sub),
        )
        .route(
            "/api/v1/sub-pejabat/{id}",
            get(struktur::api::lihat_sub)
                .put(struktur::api::ubah_sub)
                .delete(struktur::api::hapus_sub),
        )
        .route(
            "/api/v1/sub-pejabat/{id}/surat-tugas",
            get(struktur::api::surat_tugas),
        )
}
