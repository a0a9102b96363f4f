//! The HTTP surface: pages, the JSON API, static assets, and the middleware stack (sessions, CSRF,
//! rate limits, body limits, security headers, tracing, panic catching).

pub mod aliran;
pub mod antrian;
pub mod api;
pub mod api_laporan;
pub mod api_perubahan;
pub mod api_sistem;
pub mod api_struktur;
pub mod dokumen_api;
pub mod galat;
pub mod halaman;
pub mod halaman_admin;
pub mod halaman_akun;
pub mod halaman_formulir;
pub mod halaman_kelengkapan;
pub mod halaman_laporan;
pub mod halaman_pendaftaran;
pub mod halaman_pengguna;
pub mod halaman_perubahan;
pub mod halaman_publik;
pub mod halaman_reset;
pub mod halaman_sistem;
pub mod halaman_struktur;
pub mod isian;
pub mod jalur;
pub mod klien;
pub mod sesi;
pub mod tajuk;
pub mod unggah;

use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use std::sync::Arc;
use std::time::Duration;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// A download: `Content-Disposition: attachment` with `nosniff`.
pub fn lampiran(nama: &str, jenis: &'static str, isi: impl Into<axum::body::Body>) -> Response {
    let nama_aman: String = nama
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(jenis)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{nama_aman}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        isi.into(),
    )
        .into_response()
}

async fn gaya() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../aset/gaya.css"),
    )
        .into_response()
}

async fn gaya_surat() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../aset/surat.css"),
    )
        .into_response()
}

async fn skrip_wilayah() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../aset/wilayah.js"),
    )
        .into_response()
}

async fn tidak_ditemukan(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        galat::WebError::tidak_ditemukan().into_response()
    } else {
        (
            StatusCode::NOT_FOUND,
            axum::response::Html(include_str!("../../templates/404.html")),
        )
            .into_response()
    }
}

/// A request's tracing span names the route pattern, never the URI: links carry tokens and codes
/// that must not reach a log.
fn rentang(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let rute = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(tidak dikenal)".into());
    tracing::info_span!("http", metode = %req.method(), rute)
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let k = &state.konfigurasi;
    let batas_unggah =
        usize::try_from(k.batas_dokumen_mib * 1024 * 1024 + 256 * 1024).unwrap_or(usize::MAX);

    // Login and registration: a per-IP budget per minute.
    let per_menit = u64::from(k.batas_percobaan_per_menit.max(1));
    let governor = GovernorConfigBuilder::default()
        .period(Duration::from_millis(60_000 / per_menit))
        .burst_size(k.batas_percobaan_per_menit.max(1))
        .methods(vec![axum::http::Method::POST, axum::http::Method::PUT])
        .key_extractor(klien::KunciKlien(Arc::new(k.proxy_tepercaya.clone())))
        .finish()
        .map(Arc::new);

    let mut terbatas = Router::new()
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
        .route("/api/v1/lupa-kata-sandi", post(api::lupa_kata_sandi));
    if let Some(g) = governor {
        terbatas = terbatas.layer(GovernorLayer::new(g).error_handler(|e| {
            let detik = match e {
                tower_governor::GovernorError::TooManyRequests { wait_time, .. } => wait_time,
                _ => 60,
            };
            let mut r = galat::WebError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Terlalu banyak percobaan dari alamat ini. Tunggu sebentar, lalu coba lagi.",
            )
            .into_response();
            r.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, detik.max(1).into());
            r
        }));
    }

    let sesi = SessionManagerLayer::new(store_sea_orm::SesiStore::new(state.store.clone()))
        .with_name("pse_sesi")
        .with_secure(k.cookie_secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        // The row and cookie outlive the 30-minute idle limit, which `sesi::Aktor` enforces (a
        // touched session is saved, so they slide); the 12-hour cap is checked there too.
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            sesi::BATAS_UMUR_DETIK,
        )));

    let admin = Router::new()
        .route("/admin/antrian", get(halaman_admin::antrian))
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
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            sesi::hanya_admin,
        ));

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
        .route(
            "/aktivasi/{token}",
            get(halaman_akun::form_aktivasi).post(halaman_akun::kirim_aktivasi),
        )
        .route("/masuk", get(halaman_akun::form_masuk))
        .route("/keluar", post(halaman_akun::keluar))
        .route("/beranda", get(halaman_akun::beranda))
        .route("/profil", post(halaman_akun::ubah_profil))
        .route("/kata-sandi", post(halaman_akun::ganti_kata_sandi))
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
        .route("/tanda-daftar/{nomor}", get(halaman_publik::tanda_daftar))
        .route("/registri", get(halaman_publik::registri))
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
        .route("/api/v1/wilayah/provinsi", get(api::provinsi))
        .route("/api/v1/wilayah/provinsi/{kode}/kota", get(api::kota))
        .route("/api/v1/instansi", get(api::instansi))
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
        .route("/api/openapi.json", get(dokumen_api::openapi))
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
        .route(
            "/api/v1/perubahan-data",
            get(api_perubahan::daftar).post(api_perubahan::ajukan),
        )
        .route("/api/v1/perubahan-data/{id}", get(api_perubahan::lihat))
        .route(
            "/api/v1/perubahan-data/{id}/selesai",
            post(api_perubahan::selesai),
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
        .route(
            "/api/v1/publik/sistem-elektronik",
            get(api_sistem::cari_publik),
        )
        .route(
            "/api/v1/publik/tanda-daftar/{nomor}",
            get(api_sistem::verifikasi),
        )
        .merge(admin)
        .merge(terbatas)
        .fallback(tidak_ditemukan)
        .layer(DefaultBodyLimit::max(batas_unggah))
        .layer(RequestBodyTimeoutLayer::new(Duration::from_secs(
            k.batas_isi_detik,
        )))
        .layer(sesi)
        .layer(CsrfLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            tajuk::tajuk_keamanan,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(rentang))
        .layer(CatchPanicLayer::custom(|_| {
            galat::WebError::new(StatusCode::INTERNAL_SERVER_ERROR, galat::PESAN_500)
                .into_response()
        }))
        .with_state(state)
}
