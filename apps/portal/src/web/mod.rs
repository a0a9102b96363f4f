//! The HTTP surface: pages, the JSON API, static assets, and the middleware stack (sessions, CSRF,
//! rate limits, body limits, security headers, tracing, panic catching).

pub mod admin;
pub mod akun;
pub mod aliran;
pub mod daerah;
pub mod dokumen_api;
pub mod galat;
pub mod halaman;
pub mod isian;
pub mod jalur;
pub mod klien;
pub mod laporan;
pub mod pendaftaran;
pub mod pengaduan;
pub mod perubahan;
pub mod publik;
pub mod sep;
pub mod sesi;
pub mod sistem;
pub mod skema;
pub mod struktur;
pub mod tajuk;
pub mod unggah;

use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
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

/// `GET /aset/logo`: the header's mark; an SVG runs no script even when opened on its own.
async fn logo(axum::extract::State(s): axum::extract::State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, s.logo.jenis),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            ),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        s.logo.isi.clone(),
    )
        .into_response()
}

/// The portal's scripts (progressive enhancement only: every page works without them), by name.
const SKRIP: &[(&str, &str)] = &[
    ("galat.js", include_str!("../../aset/skrip/galat.js")),
    ("kota.js", include_str!("../../aset/skrip/kota.js")),
    ("wilayah.js", include_str!("../../aset/skrip/wilayah.js")),
];

/// `GET /aset/skrip/{nama}`.
async fn skrip(axum::extract::Path(nama): axum::extract::Path<String>) -> Response {
    match SKRIP.iter().find(|(n, _)| *n == nama) {
        Some((_, isi)) => (
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            *isi,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The page of an address that does not exist, with the reader's header and the help footer.
#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "404.html")]
struct HalamanTidakAda {
    nav: halaman::Nav,
}

async fn tidak_ditemukan(
    axum::extract::State(s): axum::extract::State<AppState>,
    uri: axum::http::Uri,
    a: Result<sesi::Aktor, galat::WebError>,
) -> Response {
    if uri.path().starts_with("/api/") {
        return galat::WebError::tidak_ditemukan().into_response();
    }
    let nav = match &a {
        Ok(a) => halaman::Nav::dari(a),
        Err(_) => halaman::Nav::tamu(s.kontak.clone(), uri.path()),
    };
    (StatusCode::NOT_FOUND, HalamanTidakAda { nav }).into_response()
}

/// A request's tracing span names the route pattern, never the URI (links carry tokens and codes
/// that must not reach a log), and the request's id (`x-request-id`: the client's, at most 64
/// characters, or one made for it; the answer carries it back).
fn rentang(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let rute = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(tidak dikenal)".into());
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .chars()
        .take(64)
        .collect::<String>();
    tracing::info_span!("http", metode = %req.method(), rute, id)
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    crate::metrik::siapkan();
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

    let mut terbatas = pendaftaran::rute::terbatas()
        .merge(akun::rute::terbatas())
        .merge(pengaduan::rute::terbatas())
        .merge(sep::rute::terbatas());
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

    let admin = admin::rute::rute()
        .merge(pengaduan::rute::admin())
        .merge(sep::rute::admin())
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            sesi::hanya_admin,
        ));

    Router::new()
        .merge(publik::rute::rute())
        .merge(pendaftaran::rute::rute())
        .merge(akun::rute::rute())
        .merge(struktur::rute::rute())
        .merge(sistem::rute::rute())
        .merge(laporan::rute::rute())
        .merge(perubahan::rute::rute())
        .merge(daerah::rute::rute())
        .merge(sep::rute::rute())
        .merge(pengaduan::rute::rute())
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
        .layer(axum::middleware::from_fn(crate::metrik::catat))
        .layer(TraceLayer::new_for_http().make_span_with(rentang))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(CatchPanicLayer::custom(|_| {
            galat::WebError::new(StatusCode::INTERNAL_SERVER_ERROR, galat::PESAN_500)
                .into_response()
        }))
        .with_state(state)
}
