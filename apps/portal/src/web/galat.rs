//! One mapping from domain errors to HTTP: status codes and Indonesian messages, as
//! `application/problem+json` for the API and as an error page for people. The cause of a 500 is
//! logged; the user sees an opaque message.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use serde::Serialize;

/// An error answered by the web layer.
#[derive(Debug)]
pub struct WebError {
    /// HTTP status.
    pub status: StatusCode,
    /// The message shown.
    pub pesan: String,
    /// Field messages (422).
    pub galat: Vec<GalatIsian>,
    /// Seconds to wait before trying again (`Retry-After` of a 429).
    pub tunggu: Option<u64>,
}

/// The opaque message of an infrastructure failure.
pub const PESAN_500: &str = "Terjadi kesalahan pada sistem. Silakan coba lagi beberapa saat lagi.";

/// The message of a passing outage (a saturated pool, a database that does not answer).
pub const PESAN_503: &str =
    "Layanan sedang sibuk atau sebentar tidak tersedia. Silakan coba lagi dalam beberapa detik.";

/// Seconds a client is asked to wait after a 503.
pub const COBA_LAGI_DETIK: u64 = 5;

impl WebError {
    /// An error with a status and message.
    pub fn new(status: StatusCode, pesan: impl Into<String>) -> Self {
        Self {
            status,
            pesan: pesan.into(),
            galat: Vec::new(),
            tunggu: None,
        }
    }

    /// A malformed request (400) about one field.
    pub fn isian(status: StatusCode, field: &str, pesan: &str) -> Self {
        Self {
            status,
            pesan: pesan.into(),
            galat: vec![GalatIsian::new(field, pesan)],
            tunggu: None,
        }
    }

    /// The same error with a refused upload (415, 413) named by the form's own file field.
    pub fn dokumen_di(mut self, field: &str) -> Self {
        for g in &mut self.galat {
            if g.field == FIELD_DOKUMEN {
                g.field = field.into();
            }
        }
        self
    }

    /// Not found.
    pub fn tidak_ditemukan() -> Self {
        Self::new(StatusCode::NOT_FOUND, "Halaman atau data tidak ditemukan.")
    }
}

impl From<pse_kernel::InfraError> for WebError {
    fn from(sebab: pse_kernel::InfraError) -> Self {
        if sebab.sementara {
            tracing::warn!(galat = %sebab, "layanan sementara tidak tersedia");
            Self::new(StatusCode::SERVICE_UNAVAILABLE, PESAN_503)
        } else {
            tracing::error!(galat = %sebab, "kegagalan infrastruktur");
            Self::new(StatusCode::INTERNAL_SERVER_ERROR, PESAN_500)
        }
    }
}

impl From<pse_kernel::GalatPaging> for WebError {
    fn from(e: pse_kernel::GalatPaging) -> Self {
        Self::isian(StatusCode::BAD_REQUEST, e.field, &e.pesan)
    }
}

impl From<pse_kernel::GalatMeja> for WebError {
    fn from(e: pse_kernel::GalatMeja) -> Self {
        use pse_kernel::GalatMeja as G;
        match e {
            G::JenisTidakDikenal => Self::tidak_ditemukan(),
            G::Paging(g) => g.into(),
            G::Infra(sebab) => sebab.into(),
        }
    }
}

impl From<pse_kernel::Galat> for WebError {
    /// The one mapping of the shared kinds: 422 with every field, 415/413 on the document, 409
    /// for state, 404, 401, 403, 400 for paging, 500/503 for infrastructure.
    fn from(e: pse_kernel::Galat) -> Self {
        use pse_kernel::Galat as G;
        let pesan = e.to_string();
        let status = match e {
            G::Infra(sebab) => return sebab.into(),
            G::Paging(g) => return g.into(),
            G::Validasi(galat) => {
                return Self {
                    galat,
                    ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, pesan)
                };
            }
            G::PdfDitolak(_) => {
                return Self::isian(StatusCode::UNSUPPORTED_MEDIA_TYPE, FIELD_DOKUMEN, &pesan);
            }
            G::TerlaluBesar { .. } => {
                return Self::isian(StatusCode::PAYLOAD_TOO_LARGE, FIELD_DOKUMEN, &pesan);
            }
            G::StatusTidakSesuai(_) | G::VersiBasi => StatusCode::CONFLICT,
            G::TidakDitemukan => StatusCode::NOT_FOUND,
            G::BelumMasuk => StatusCode::UNAUTHORIZED,
            G::Dilarang => StatusCode::FORBIDDEN,
        };
        Self::new(status, pesan)
    }
}

impl From<RegistrasiError> for WebError {
    fn from(e: RegistrasiError) -> Self {
        let status = match e {
            RegistrasiError::Umum(g) => return g.into(),
            RegistrasiError::KredensialSalah => StatusCode::UNAUTHORIZED,
            RegistrasiError::AkunTidakAktif(_) | RegistrasiError::KodePerbaikanSalah => {
                StatusCode::FORBIDDEN
            }
            RegistrasiError::AkunTerkunci { .. } => StatusCode::TOO_MANY_REQUESTS,
            RegistrasiError::TokenTidakBerlaku | RegistrasiError::TautanResetTidakBerlaku => {
                StatusCode::BAD_REQUEST
            }
        };
        Self {
            status,
            pesan: e.to_string(),
            galat: Vec::new(),
            tunggu: tunggu_detik(&e),
        }
    }
}

impl From<perubahan_data::PerubahanError> for WebError {
    fn from(e: perubahan_data::PerubahanError) -> Self {
        use perubahan_data::PerubahanError as E;
        match e {
            E::Umum(g) => g.into(),
            e @ E::SudahAdaPengajuan => Self::new(StatusCode::CONFLICT, e.to_string()),
        }
    }
}

/// The field an uploaded document's 415 or 413 names.
const FIELD_DOKUMEN: &str = "dokumen";

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    jenis: &'static str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [GalatIsian],
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let body = Problem {
            jenis: "about:blank",
            title: self.status.canonical_reason().unwrap_or("Error"),
            status: self.status.as_u16(),
            detail: &self.pesan,
            errors: &self.galat,
        };
        let mut r = (self.status, Json(&body)).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        coba_lagi(self.status, self.tunggu, &mut r);
        r
    }
}

/// Seconds a locked login must wait (its `Retry-After`).
pub fn tunggu_detik(e: &RegistrasiError) -> Option<u64> {
    match e {
        RegistrasiError::AkunTerkunci { menit } => u64::try_from(*menit * 60).ok(),
        _ => None,
    }
}

/// Adds `Retry-After` to a 503 (a few seconds) and to a 429 (`tunggu`, else a minute).
pub fn coba_lagi(status: StatusCode, tunggu: Option<u64>, r: &mut Response) {
    let detik = match status {
        StatusCode::SERVICE_UNAVAILABLE => tunggu.unwrap_or(COBA_LAGI_DETIK),
        StatusCode::TOO_MANY_REQUESTS => tunggu.unwrap_or(60),
        _ => return,
    };
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from(detik));
}
