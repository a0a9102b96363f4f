//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::sep;
use axum::Router;
use axum::routing::{get, post};

/// The catalogue, a request's status by its link, the answer to a warning by its link, the
/// Admin Pengelola's users, the sync.
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/publik/aplikasi-perkantoran",
            get(sep::api::katalog),
        )
        .route("/api/v1/permohonan-sep/{id}", get(sep::api::status_sep))
        .route(
            "/api/v1/sep/pengguna",
            get(sep::api::daftar_pengguna).post(sep::api::tambah_pengguna),
        )
        .route(
            "/api/v1/sep/pengguna/{id}/nonaktifkan",
            post(sep::api::nonaktifkan_pengguna),
        )
        .route("/api/v1/sep/aplikasi/{id}/pengguna", get(sep::api::sinkron))
        .route("/aplikasi-perkantoran", get(sep::halaman::katalog))
        .route("/permohonan-sep/{id}", get(sep::halaman::status))
        .route("/sep/peringatan/{id}/jawab", get(sep::halaman::form_jawab))
        .route(
            "/sep/pengguna",
            get(sep::pengguna::pengguna).post(sep::pengguna::tambah_pengguna),
        )
        .route(
            "/sep/pengguna/{id}/nonaktifkan",
            post(sep::pengguna::nonaktifkan_pengguna),
        )
}

/// Anyone's submissions (an application, its correction, an answer to a warning): under the
/// per-address rate limit.
pub(crate) fn terbatas() -> Router<AppState> {
    Router::new()
        .route("/api/v1/permohonan-sep", post(sep::api::ajukan_sep))
        .route(
            "/api/v1/permohonan-sep/{id}/perbaiki",
            post(sep::api::perbaiki_sep),
        )
        .route(
            "/api/v1/sep/peringatan/{id}/jawaban",
            post(sep::api::jawab_peringatan),
        )
        .route("/aplikasi-perkantoran", post(sep::halaman::ajukan))
        .route(
            "/permohonan-sep/{id}/perbaikan",
            post(sep::halaman::perbaiki),
        )
        .route("/sep/peringatan/{id}/jawab", post(sep::halaman::jawab))
}

/// The Direktorat's side; `web::router` puts it behind the admin guard.
pub(crate) fn admin() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/admin/aplikasi-perkantoran",
            post(sep::api::tambah_aplikasi),
        )
        .route(
            "/api/v1/admin/aplikasi-perkantoran/{id}/token",
            post(sep::api::terbitkan_token).delete(sep::api::cabut_token),
        )
        .route("/api/v1/admin/permohonan-sep", get(sep::api::antrian_sep))
        .route(
            "/api/v1/admin/permohonan-sep/{id}",
            get(sep::api::lihat_sep),
        )
        .route(
            "/api/v1/admin/permohonan-sep/{id}/lengkap",
            post(sep::api::lengkap_sep),
        )
        .route(
            "/api/v1/admin/permohonan-sep/{id}/perbaikan",
            post(sep::api::perbaikan_sep),
        )
        .route(
            "/api/v1/admin/permohonan-sep/{id}/setujui",
            post(sep::api::setujui_sep),
        )
        .route(
            "/api/v1/admin/permohonan-sep/{id}/tolak",
            post(sep::api::tolak_sep),
        )
        .route(
            "/api/v1/admin/sep/pengguna/{id}/aktifkan",
            post(sep::api::aktifkan_pengguna),
        )
        .route(
            "/api/v1/admin/sep/penyalahgunaan",
            get(sep::api::daftar_kasus).post(sep::api::catat_kasus),
        )
        .route(
            "/api/v1/admin/sep/penyalahgunaan/{id}/peringatan",
            post(sep::api::peringatkan),
        )
        .route(
            "/api/v1/admin/sep/penyalahgunaan/{id}/putuskan",
            post(sep::api::putuskan_kasus),
        )
        .route(
            "/admin/aplikasi-perkantoran",
            get(sep::admin::ringkasan).post(sep::admin::tambah),
        )
        .route(
            "/admin/aplikasi-perkantoran/{id}/token",
            post(sep::admin::token),
        )
        .route("/admin/permohonan-sep/{id}", get(sep::admin::permohonan))
        .route(
            "/admin/permohonan-sep/{id}/dokumen/{jenis}",
            get(sep::admin::dokumen),
        )
        .route(
            "/admin/permohonan-sep/{id}/{aksi}",
            post(sep::admin::putuskan),
        )
        .route(
            "/admin/sep/penyalahgunaan",
            get(sep::kasus::daftar_kasus).post(sep::kasus::catat),
        )
        .route(
            "/admin/sep/penyalahgunaan/{id}",
            get(sep::kasus::detail_kasus),
        )
        .route(
            "/admin/sep/penyalahgunaan/{id}/surat",
            get(sep::kasus::surat),
        )
        .route(
            "/admin/sep/penyalahgunaan/{id}/{aksi}",
            post(sep::kasus::aksi_kasus),
        )
        .route(
            "/admin/sep/pengguna/{id}/aktifkan",
            post(sep::kasus::aktifkan),
        )
}
