//! The routes, one function per area; `super::router` merges them under the shared layers.

use super::{
    admin, akun, dokumen_api, gaya, gaya_surat, halaman, laporan, pendaftaran, perubahan, publik,
    sistem, skrip_galat, skrip_wilayah, struktur,
};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post, put};

/// The public face: landing, health, assets, the registration pages, reference data, the public registry and Tanda Daftar verification, the OpenAPI document.
pub(super) fn publik() -> Router<AppState> {
    Router::new()
        .route("/", get(halaman::beranda_publik))
        .route("/healthz", get(publik::api::healthz))
        .route("/readyz", get(publik::api::readyz))
        .route("/aset/gaya.css", get(gaya))
        .route("/aset/wilayah.js", get(skrip_wilayah))
        .route("/aset/galat.js", get(skrip_galat))
        .route("/aset/surat.css", get(gaya_surat))
        .route(
            "/pendaftaran-pejabat",
            get(pendaftaran::halaman::form_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/muat",
            post(pendaftaran::halaman::muat_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/templat/{surat}",
            post(pendaftaran::halaman::templat_surat),
        )
        .route(
            "/pendaftaran-pejabat/{id}/terkirim",
            get(pendaftaran::halaman::pendaftaran_terkirim),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan",
            get(pendaftaran::halaman::form_perbaikan),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan/muat",
            post(pendaftaran::halaman::muat_perbaikan),
        )
        .route("/tanda-daftar/{nomor}", get(publik::halaman::tanda_daftar))
        .route("/registri", get(publik::halaman::registri))
        .route("/api/v1/wilayah/provinsi", get(publik::api::provinsi))
        .route(
            "/api/v1/wilayah/provinsi/{kode}/kota",
            get(publik::api::kota),
        )
        .route("/api/v1/instansi", get(publik::api::instansi))
        .route("/api/openapi.json", get(dokumen_api::openapi))
        .route(
            "/api/v1/publik/sistem-elektronik",
            get(sistem::api::cari_publik),
        )
        .route(
            "/api/v1/publik/tanda-daftar/{nomor}",
            get(sistem::api::verifikasi),
        )
}

/// Accounts: activation, login pages, beranda and profile, password change and reset, `/api/v1/saya`.
pub(super) fn akun() -> Router<AppState> {
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

/// Struktur Organisasi and Sub Pejabat (pages and API).
pub(super) fn struktur() -> Router<AppState> {
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

/// Electronic systems: Data Awal, sections, self-assessment, documents, submission, trustmarks (pages and API).
pub(super) fn sistem() -> Router<AppState> {
    Router::new()
        .route("/sistem-elektronik", get(sistem::halaman::daftar))
        .route(
            "/sistem-elektronik/baru",
            get(sistem::halaman::form_baru).post(sistem::halaman::baru),
        )
        .route("/sistem-elektronik/{id}", get(sistem::formulir::detail))
        .route(
            "/sistem-elektronik/{id}/data-awal",
            get(sistem::halaman::form_perbaikan).post(sistem::halaman::perbaiki),
        )
        .route(
            "/sistem-elektronik/{id}/bagian/{bagian}",
            get(sistem::formulir::form_bagian).post(sistem::formulir::simpan_bagian),
        )
        .route(
            "/sistem-elektronik/{id}/dokumen",
            get(sistem::kelengkapan::form_dokumen).post(sistem::kelengkapan::unggah_dokumen),
        )
        .route(
            "/sistem-elektronik/{id}/penilaian-kategori",
            get(sistem::kelengkapan::form_penilaian).post(sistem::kelengkapan::simpan_penilaian),
        )
        .route(
            "/sistem-elektronik/{id}/periksa",
            get(sistem::formulir::periksa),
        )
        .route(
            "/sistem-elektronik/{id}/ajukan",
            post(sistem::formulir::ajukan),
        )
        .route(
            "/api/v1/sistem-elektronik",
            get(sistem::api::daftar).post(sistem::api::ajukan),
        )
        .route("/api/v1/sistem-elektronik/{id}", get(sistem::api::lihat))
        .route(
            "/api/v1/sistem-elektronik/{id}/data-awal",
            put(sistem::api::perbaiki),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/bagian/{bagian}",
            put(sistem::api::bagian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/bagian/{bagian}/draf",
            put(sistem::api::draf_bagian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/penilaian-kategori",
            put(sistem::api::penilaian),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/dokumen",
            post(sistem::api::dokumen),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/dokumen/{sha256}",
            get(sistem::api::unduh_dokumen),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/ajukan",
            post(sistem::api::ajukan_formulir),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/tanda-daftar.svg",
            get(sistem::api::trustmark_svg),
        )
        .route(
            "/api/v1/sistem-elektronik/{id}/tanda-daftar.png",
            get(sistem::api::trustmark_png),
        )
}

/// Reports (pages and API).
pub(super) fn laporan() -> Router<AppState> {
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

/// Change requests (pages and API).
pub(super) fn perubahan() -> Router<AppState> {
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

/// Login, registration and password reset: the routes under the per-address rate limit.
pub(super) fn terbatas() -> Router<AppState> {
    Router::new()
        .route(
            "/pendaftaran-pejabat",
            post(pendaftaran::halaman::kirim_pendaftaran),
        )
        .route(
            "/pendaftaran-pejabat/{id}/perbaikan",
            post(pendaftaran::halaman::kirim_perbaikan),
        )
        .route("/masuk", post(akun::halaman::kirim_masuk))
        .route(
            "/api/v1/pendaftaran-pejabat",
            post(pendaftaran::api::daftar_pejabat),
        )
        .route(
            "/api/v1/pendaftaran-pejabat/{id}",
            put(pendaftaran::api::perbaiki_pejabat),
        )
        .route(
            "/api/v1/sesi",
            post(akun::api::masuk).delete(akun::api::keluar),
        )
        .route("/lupa-kata-sandi", post(akun::reset::kirim_lupa))
        .route("/api/v1/lupa-kata-sandi", post(akun::api::lupa_kata_sandi))
}

/// The admin's back office (`/admin/…`, `/api/v1/admin/…`); `super::router` puts them behind the
/// admin guard.
pub(super) fn admin() -> Router<AppState> {
    Router::new()
        .route("/admin/antrian", get(admin::halaman::antrian))
        .route("/admin/kinerja", get(admin::halaman::kinerja))
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
        .route("/admin/audit", get(admin::halaman::audit))
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
        .route("/admin/surel", get(admin::halaman::surel))
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
