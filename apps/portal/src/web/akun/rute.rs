//! The routes of this area; `web::router` merges them under the shared layers.

use crate::state::AppState;
use crate::web::akun;
use axum::Router;
use axum::routing::{get, post};

/// Accounts: activation, login pages, beranda and profile, password change and reset, `/api/v1/saya`.
pub(crate) fn rute() -> Router<AppState> {
    Router::new()
        .route(
            "/aktivasi/{token}",
            get(akun::halaman::form_aktivasi).post(akun::halaman::kirim_aktivasi),
        )
        .route("/masuk", get(akun::halaman::form_masuk))
        .route("/keluar", post(akun::halaman::keluar))
        .route("/beranda", get(akun::halaman::beranda))
        .route("/profil", post(akun::halaman::ubah_profil))
        .route("/kata-sandi", post(akun::halaman::ganti_kata_sandi))
        .route("/api/v1/aktivasi", post(akun::api::aktivasi))
        .route(
            "/api/v1/atur-ulang-kata-sandi",
            post(akun::api::atur_ulang_kata_sandi),
        )
        .route("/lupa-kata-sandi", get(akun::reset::form_lupa))
        .route(
            "/atur-ulang-kata-sandi/{token}",
            get(akun::reset::form_atur_ulang).post(akun::reset::kirim_atur_ulang),
        )
        .route(
            "/api/v1/saya",
            get(akun::api::saya).put(akun::api::ubah_saya),
        )
}

/// Login and password reset: under the per-address rate limit.
pub(crate) fn terbatas() -> Router<AppState> {
    Router::new()
        .route("/masuk", post(akun::halaman::kirim_masuk))
        .route(
            "/api/v1/sesi",
            post(akun::api::masuk).delete(akun::api::keluar),
        )
        .route("/lupa-kata-sandi", post(akun::reset::kirim_lupa))
        .route("/api/v1/lupa-kata-sandi", post(akun::api::lupa_kata_sandi))
}
