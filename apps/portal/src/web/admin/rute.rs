//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::{admin, laporan, perubahan, sistem, struktur};
use axum::Router;
use axum::routing::{get, post};

/// The admin's back office (`/admin/…`, `/api/v1/admin/…`); `super::router` puts them behind the
/// admin guard.
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route("/admin/antrian", get(admin::halaman::antrian))
        .route("/admin/kinerja", get(admin::halaman::kinerja))
        .route("/admin/akun", get(admin::akun::halaman))
        .route("/admin/akun/{id}/{aksi}", post(admin::akun::ubah))
        .route("/api/v1/admin/akun", get(admin::akun::daftar_akun))
        .route(
            "/api/v1/admin/akun/{id}/nonaktifkan",
            post(admin::akun::nonaktifkan_akun),
        )
        .route(
            "/api/v1/admin/akun/{id}/aktifkan",
            post(admin::akun::aktifkan_akun),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}",
            get(admin::halaman::permohonan),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}/dokumen",
            get(admin::halaman::dokumen),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}/setujui",
            post(admin::halaman::setujui),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}/tolak",
            post(admin::halaman::tolak),
        )
        .route("/admin/audit", get(admin::catatan::audit))
        .route(
            "/admin/sistem-elektronik/{id}",
            get(sistem::formulir::admin_detail),
        )
        .route("/admin/data-awal/{id}", get(sistem::formulir::admin_detail))
        .route(
            "/admin/data-awal/{id}/{keputusan}",
            post(sistem::formulir::putuskan_data_awal),
        )
        .route(
            "/admin/sistem-elektronik/{id}/{keputusan}",
            post(sistem::formulir::putuskan_formulir),
        )
        .route("/admin/laporan/rekap", get(laporan::halaman::rekap))
        .route("/admin/surel", get(admin::catatan::surel))
        .route(
            "/admin/perubahan-data/{id}",
            get(perubahan::halaman::detail),
        )
        .route(
            "/admin/perubahan-data/{id}/{keputusan}",
            post(perubahan::halaman::putuskan),
        )
        .route(
            "/admin/sub-pejabat/{id}",
            get(struktur::detail::halaman_detail_sub),
        )
        .route(
            "/admin/sub-pejabat/{id}/surat-tugas",
            get(struktur::detail::unduh_surat_tugas),
        )
        .route(
            "/admin/sub-pejabat/{id}/setujui",
            post(struktur::detail::setujui_sub),
        )
        .route(
            "/admin/sub-pejabat/{id}/tolak",
            post(struktur::detail::tolak_sub),
        )
        .route("/api/v1/admin/antrian", get(admin::api::antrian))
        .route(
            "/api/v1/admin/antrian/ringkasan",
            get(admin::api::ringkasan_antrian),
        )
        .route("/api/v1/admin/laporan/rekap", get(laporan::api::rekap))
        .route("/api/v1/admin/surel", get(admin::api::surel_tertunda))
        .route(
            "/api/v1/admin/pendaftaran-pejabat/{id}",
            get(admin::api::detail_permohonan),
        )
        .route(
            "/api/v1/admin/pendaftaran-pejabat/{id}/dokumen",
            get(admin::api::dokumen_permohonan),
        )
        .route(
            "/api/v1/admin/{jenis}/{id}/setujui",
            post(admin::api::setujui),
        )
        .route("/api/v1/admin/{jenis}/{id}/tolak", post(admin::api::tolak))
        .route(
            "/api/v1/admin/akun/{id}/aktivasi-ulang",
            post(admin::api::aktivasi_ulang),
        )
        .route("/api/v1/admin/audit", get(admin::api::audit))
        .route(
            "/api/v1/admin/sub-pejabat/{id}",
            get(struktur::api::lihat_sub_admin),
        )
        .route(
            "/api/v1/admin/sub-pejabat/{id}/surat-tugas",
            get(struktur::api::surat_tugas_admin),
        )
}
