//! Response headers every answer carries (ASVS V14): a Content-Security-Policy without inline
//! script or style, HSTS behind https, `Cache-Control: no-store` on everything but the static
//! assets (pages, API answers and downloads may hold personal data); and a request whose declared
//! length is over the limit is refused with 413 before its body is read.

use crate::state::AppState;
use crate::web::galat::WebError;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The policy: only this origin's scripts, styles and images (QR codes are inline `data:` PNGs).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// One year, subdomains included.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Adds the headers; refuses an over-long declared body.
pub async fn tajuk_keamanan(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let batas = s.konfigurasi.batas_dokumen_mib * 1024 * 1024 + 256 * 1024;
    let panjang = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if panjang.is_some_and(|n| n > batas) {
        return WebError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "Kiriman terlalu besar (paling besar {} MiB).",
                s.konfigurasi.batas_dokumen_mib
            ),
        )
        .into_response();
    }
    let aset = req.uri().path().starts_with("/aset/");
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(CSP));
    if s.konfigurasi.cookie_secure {
        h.entry(header::STRICT_TRANSPORT_SECURITY)
            .or_insert(HeaderValue::from_static(HSTS));
    }
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(if aset {
            "public, max-age=3600"
        } else {
            "no-store"
        }));
    r
}
