//! The routes, one function per area; `super::router` merges them under the shared layers.

use super::{
    api, api_laporan, api_perubahan, api_sistem, api_struktur, dokumen_api, gaya, gaya_surat,
    halaman, halaman_admin, halaman_akun, halaman_formulir, halaman_kelengkapan, halaman_laporan,
    halaman_pendaftaran, halaman_pengguna, halaman_perubahan, halaman_publik, halaman_reset,
    halaman_sistem, halaman_struktur, skrip_wilayah,
};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post, put};

/// The public face: landing, health, assets, the registration pages, reference data, the public registry and Tanda Daftar verification, the OpenAPI document.
pub(super) fn publik() -> Router<AppState> {
    Router::new()
        .route("/", get(halaman::beranda_publik))
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/aset/gaya.css", get(gaya))
        .route("/aset/wilayah.js", get(skrip_wilayah))
        .route("/aset/surat.css", get(gaya_surat))
        .route(
            "/pendaftaran-pejabat",
            get(halaman_pendaftaran::form_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/muat",
            post(halaman_pendaftaran::muat_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/templat/{surat}",
            post(halaman_pendaftaran::templat_surat),
        )
        .route(
            "/pendaftaran-pejabat/{id}/terkirim",
            get(halaman_pendaftaran::pendaftaran_terkirim),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan",
            get(halaman_pendaftaran::form_perbaikan),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan/muat",
            post(halaman_pendaftaran::muat_perbaikan),
        )
        .route("/tanda-daftar/{nomor}", get(halaman_publik::tanda_daftar))
        .route("/registri", get(halaman_publik::registri))
        .route("/api/v1/wilayah/provinsi", get(api::provinsi))
        .route("/api/v1/wilayah/provinsi/{kode}/kota", get(api::kota))
        .route("/api/v1/instansi", get(api::instansi))
        .route("/api/openapi.json", get(dokumen_api::openapi))
        .route(
            "/api/v1/publik/sistem-elektronik",
            get(api_sistem::cari_publik),
        )
        .route(
            "/api/v1/publik/tanda-daftar/{nomor}",
            get(api_sistem::verifikasi),
        )
}

/// Accounts: activation, login pages, beranda and profile, password change and reset, `/api/v1/saya`.
pub(super) fn akun() -> Router<AppState> {
    Router::new()
        .route(
            "/aktivasi/{token}",
            get(halaman_akun::form_aktivasi).post(halaman_akun::kirim_aktivasi),
        )
        .route("/masuk", get(halaman_akun::form_masuk))
        .route("/keluar", post(halaman_akun::keluar))
        .route("/beranda", get(halaman_akun::beranda))
        .route("/profil", post(halaman_akun::ubah_profil))
        .route("/kata-sandi", post(halaman_akun::ganti_kata_sandi))
        .route("/api/v1/aktivasi", post(api::aktivasi))
        .route(
            "/api/v1/atur-ulang-kata-sandi",
            post(api::atur_ulang_kata_sandi),
        )
        .route("/lupa-kata-sandi", get(halaman_reset::form_lupa))
        .route(
            "/atur-ulang-kata-sandi/{token}",
            get(halaman_reset::form_atur_ulang).post(halaman_reset::kirim_atur_ulang),
        )
        .route("/api/v1/saya", get(api::saya).put(api::ubah_saya))
}

/// Struktur Organisasi and Sub Pejabat (pages and API).
pub(super) fn struktur() -> Router<AppState> {
    Router::new()
        .route(
            "/struktur-organisasi",
            get(halaman_struktur::halaman_struktur).post(halaman_struktur::tambah_unit),
        )
        .route(
            "/struktur-organisasi/{id}",
            get(halaman_struktur::form_ubah_unit).post(halaman_struktur::ubah_unit),
        )
        .route(
            "/struktur-organisasi/{id}/hapus",
            get(halaman_struktur::konfirmasi_hapus_unit).post(halaman_struktur::hapus_unit),
        )
        .route("/pengguna", get(halaman_pengguna::halaman_pengguna))
        .route(
            "/pengguna/tambah",
            get(halaman_pengguna::form_tambah_sub).post(halaman_pengguna::tambah_sub),
        )
        .route("/pengguna/{id}", get(halaman_pengguna::halaman_detail_sub))
        .route(
            "/pengguna/{id}/ubah",
            get(halaman_pengguna::form_ubah_sub).post(halaman_pengguna::ubah_sub),
        )
        .route(
            "/pengguna/{id}/hapus",
            get(halaman_pengguna::konfirmasi_hapus_sub).post(halaman_pengguna::hapus_sub),
        )
        .route(
            "/pengguna/{id}/surat-tugas",
            get(halaman_pengguna::unduh_surat_tugas),
        )
        .route(
            "/api/v1/unit-organisasi",
            get(api_struktur::daftar_unit).post(api_struktur::tambah_unit),
        )
        .route(
            "/api/v1/unit-organisasi/{id}",
            put(api_struktur::ubah_unit).delete(api_struktur::hapus_unit),
        )
        .route(
            "/api/v1/sub-pejabat",
            get(api_struktur::daftar_sub).post(api_struktur::tambah_sub),
        )
        .route(
            "/api/v1/sub-pejabat/{id}",
            get(api_struktur::lihat_sub)
                .put(api_struktur::ubah_sub)
                .delete(api_struktur::hapus_sub),
        )
        .route(
            "/api/v1/sub-pejabat/{id}/surat-tugas",
            get(api_struktur::surat_tugas),
        )
}

/// Electronic systems: Data Awal, sections, self-assessment, documents, submission, trustmarks (pages and API).
pub(super) fn sistem() -> Router<AppState> {
    Router::new()
        .route("/sistem-elektronik", get(halaman_sistem::daftar))
        .route(
            "/sistem-elektronik/baru",
            get(halaman_sistem::form_baru).post(halaman_sistem::baru),
        )
        .route("/sistem-elektronik/{id}", get(halaman_formulir::detail))
        .route(
            "/sistem-elektronik/{id}/data-awal",
            get(halaman_sistem::form_perbaikan).post(halaman_sistem::perbaiki),
        )
        .route(
            "/sistem-elektronik/{id}/bagian/{bagian}",
            get(halaman_formulir::form_bagian).post(halaman_formulir::simpan_bagian),
        )
        .route(
            "/sistem-elektronik/{id}/dokumen",
            get(halaman_kelengkapan::form_dokumen).post(halaman_kelengkapan::unggah_dokumen),
        )
        .route(
            "/sistem-elektronik/{id}/penilaian-kategori",
            get(halaman_kelengkapan::form_penilaian).post(halaman_kelengkapan::simpan_penilaian),
        )
        .route(
            "/sistem-elektronik/{id}/periksa",
            get(halaman_formulir::periksa),
        )
        .route(
            "/sistem-elektronik/{id}/ajukan",
            post(halaman_formulir::ajukan),
        )
        .route(
            "/api/v1/sistem-elektronik",
            get(api_sistem::daftar).post(api_sistem::ajukan),
        )
        .route("/api/v1/sistem-elektronik/{id}", get(api_sistem::lihat))
        .route(
            "/api/v1/sistem-elektronik/{id}/data-awal",
            put(api_sistem::perbaiki),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/bagian/{bagian}",
            put(api_sistem::bagian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/bagian/{bagian}/draf",
            put(api_sistem::draf_bagian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/penilaian-kategori",
            put(api_sistem::penilaian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/dokumen",
            post(api_sistem::dokumen),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/dokumen/{sha256}",
            get(api_sistem::unduh_dokumen),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/ajukan",
            post(api_sistem::ajukan_formulir),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/tanda-daftar.svg",
            get(api_sistem::trustmark_svg),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/tanda-daftar.png",
            get(api_sistem::trustmark_png),
        )
}

/// Reports (pages and API).
pub(super) fn laporan() -> Router<AppState> {
    Router::new()
        .route("/laporan", get(halaman_laporan::daftar))
        .route(
            "/laporan/baru",
            get(halaman_laporan::form_baru).post(halaman_laporan::baru),
        )
        .route(
            "/laporan/{id}/ubah",
            get(halaman_laporan::form_ubah).post(halaman_laporan::ubah),
        )
        .route(
            "/laporan/{id}/hapus",
            get(halaman_laporan::konfirmasi_hapus).post(halaman_laporan::hapus),
        )
        .route("/laporan/{id}/unduh", get(halaman_laporan::unduh))
        .route(
            "/api/v1/laporan",
            get(api_laporan::daftar).post(api_laporan::buat),
        )
        .route(
            "/api/v1/laporan/{id}",
            get(api_laporan::lihat)
                .put(api_laporan::ubah)
                .delete(api_laporan::hapus),
        )
        .route("/api/v1/laporan/{id}/unduh", get(api_laporan::unduh))
}

/// Change requests (pages and API).
pub(super) fn perubahan() -> Router<AppState> {
    Router::new()
        .route("/perubahan-data", get(halaman_perubahan::daftar))
        .route(
            "/perubahan-data/baru",
            get(halaman_perubahan::form_baru).post(halaman_perubahan::baru),
        )
        .route("/perubahan-data/{id}", get(halaman_perubahan::detail))
        .route(
            "/perubahan-data/{id}/selesai",
            post(halaman_perubahan::selesai),
        )
        .route(
            "/api/v1/perubahan-data",
            get(api_perubahan::daftar).post(api_perubahan::ajukan),
        )
        .route("/api/v1/perubahan-data/{id}", get(api_perubahan::lihat))
        .route(
            "/api/v1/perubahan-data/{id}/selesai",
            post(api_perubahan::selesai),
        )
}

/// Login, registration and password reset: the routes under the per-address rate limit.
pub(super) fn terbatas() -> Router<AppState> {
    Router::new()
        .route(
            "/pendaftaran-pejabat",
            post(halaman_pendaftaran::kirim_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan",
            post(halaman_pendaftaran::kirim_perbaikan),
        )
        .route("/masuk", post(halaman_akun::kirim_masuk))
        .route("/api/v1/pendaftaran-pejabat", post(api::daftar_pejabat))
        .route(
            "/api/v1/pendaftaran-pejabat/{id}",
            put(api::perbaiki_pejabat),
        )
        .route("/api/v1/sesi", post(api::masuk).delete(api::keluar))
        .route("/lupa-kata-sandi", post(halaman_reset::kirim_lupa))
        .route("/api/v1/lupa-kata-sandi", post(api::lupa_kata_sandi))
}

/// The admin's back office (`/admin/…`, `/api/v1/admin/…`); `super::router` puts them behind the
/// admin guard.
pub(super) fn admin() -> Router<AppState> {
    Router::new()
        .route("/admin/antrian", get(halaman_admin::antrian))
        .route("/admin/kinerja", get(halaman_admin::kinerja))
        .route(
            "/admin/pendaftaran-pejabat/{id}",
            get(halaman_admin::permohonan),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}/dokumen",
            get(halaman_admin::dokumen),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}/setujui",
            post(halaman_admin::setujui),
        )
        .route(
            "/admin/pendaftaran-pejabat/{id}/tolak",
            post(halaman_admin::tolak),
        )
        .route("/admin/audit", get(halaman_admin::audit))
        .route(
            "/admin/sistem-elektronik/{id}",
            get(halaman_formulir::admin_detail),
        )
        .route("/admin/data-awal/{id}", get(halaman_formulir::admin_detail))
        .route(
            "/admin/data-awal/{id}/{keputusan}",
            post(halaman_formulir::putuskan_data_awal),
        )
        .route(
            "/admin/sistem-elektronik/{id}/{keputusan}",
            post(halaman_formulir::putuskan_formulir),
        )
        .route("/admin/laporan/rekap", get(halaman_laporan::rekap))
        .route("/admin/surel", get(halaman_admin::surel))
        .route("/admin/perubahan-data/{id}", get(halaman_perubahan::detail))
        .route(
            "/admin/perubahan-data/{id}/{keputusan}",
            post(halaman_perubahan::putuskan),
        )
        .route(
            "/admin/sub-pejabat/{id}",
            get(halaman_pengguna::halaman_detail_sub),
        )
        .route(
            "/admin/sub-pejabat/{id}/surat-tugas",
            get(halaman_pengguna::unduh_surat_tugas),
        )
        .route(
            "/admin/sub-pejabat/{id}/setujui",
            post(halaman_pengguna::setujui_sub),
        )
        .route(
            "/admin/sub-pejabat/{id}/tolak",
            post(halaman_pengguna::tolak_sub),
        )
        .route("/api/v1/admin/antrian", get(api::antrian))
        .route(
            "/api/v1/admin/antrian/ringkasan",
            get(api::ringkasan_antrian),
        )
        .route("/api/v1/admin/laporan/rekap", get(api_laporan::rekap))
        .route("/api/v1/admin/surel", get(api::surel_tertunda))
        .route(
            "/api/v1/admin/pendaftaran-pejabat/{id}",
            get(api::detail_permohonan),
        )
        .route(
            "/api/v1/admin/pendaftaran-pejabat/{id}/dokumen",
            get(api::dokumen_permohonan),
        )
        .route("/api/v1/admin/{jenis}/{id}/setujui", post(api::setujui))
        .route("/api/v1/admin/{jenis}/{id}/tolak", post(api::tolak))
        .route(
            "/api/v1/admin/akun/{id}/aktivasi-ulang",
            post(api::aktivasi_ulang),
        )
        .route("/api/v1/admin/audit", get(api::audit))
        .route(
            "/api/v1/admin/sub-pejabat/{id}",
            get(api_struktur::lihat_sub_admin),
        )
        .route(
            "/api/v1/admin/sub-pejabat/{id}/surat-tugas",
            get(api_struktur::surat_tugas_admin),
        )
}
