//! Who is calling: the session's account, resolved on every request. A session whose account is no
//! longer active is ended on the spot.

use crate::state::AppState;
use crate::web::galat::WebError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use pse_kernel::{Actor, AkunId};
use registrasi_pejabat::model::Akun;
use store_sea_orm::KUNCI_AKUN;
use tower_sessions::Session;

/// The caller: the actor, and its account when logged in.
pub struct Aktor {
    /// The actor passed to use cases.
    pub aktor: Actor,
    /// The active account, if logged in.
    pub akun: Option<Akun>,
    /// The session.
    pub sesi: Session,
}

impl FromRequestParts<AppState> for Aktor {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let sesi = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, m)| WebError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, m))?;
        let id = sesi
            .get::<String>(KUNCI_AKUN)
            .await
            .ok()
            .flatten()
            .and_then(|s| s.parse::<AkunId>().ok());
        let Some(id) = id else {
            return Ok(Self {
                aktor: Actor::Publik,
                akun: None,
                sesi,
            });
        };
        match state.registrasi.akun_aktif(id).await? {
            Some(akun) => Ok(Self {
                aktor: akun.aktor(),
                akun: Some(akun),
                sesi,
            }),
            None => {
                let _ = sesi.flush().await;
                Ok(Self {
                    aktor: Actor::Publik,
                    akun: None,
                    sesi,
                })
            }
        }
    }
}

impl Aktor {
    /// Starts a logged-in session for `akun` with a new session id.
    pub async fn masuk(&self, akun: &Akun) -> Result<(), WebError> {
        let galat = |e: tower_sessions::session::Error| {
            tracing::error!(galat = %e, "sesi tidak dapat disimpan");
            WebError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                super::galat::PESAN_500,
            )
        };
        self.sesi.cycle_id().await.map_err(galat)?;
        self.sesi
            .insert(KUNCI_AKUN, akun.id.to_string())
            .await
            .map_err(galat)?;
        Ok(())
    }

    /// Ends the session.
    pub async fn keluar(&self) {
        let _ = self.sesi.flush().await;
    }
}

/// Guards the admin routes (`/admin/…`, `/api/v1/admin/…`): no session is 401 (a page redirects to
/// the login), anyone but the admin 403. The use cases check again; this keeps an owner's own view
/// from answering under an admin address.
pub async fn hanya_admin(
    axum::extract::State(s): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let (mut parts, body) = req.into_parts();
    let api = parts.uri.path().starts_with("/api/");
    let aktor = match Aktor::from_request_parts(&mut parts, &s).await {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let galat = match &aktor.aktor {
        a if a.adalah_admin() => {
            return next
                .run(axum::extract::Request::from_parts(parts, body))
                .await;
        }
        Actor::Publik => WebError::new(
            axum::http::StatusCode::UNAUTHORIZED,
            "Silakan masuk terlebih dahulu.",
        ),
        _ => WebError::new(
            axum::http::StatusCode::FORBIDDEN,
            "Halaman ini khusus admin Direktorat LAIP.",
        ),
    };
    if api {
        galat.into_response()
    } else {
        super::halaman::GalatHalaman(galat, super::halaman::Nav::dari(&aktor)).into_response()
    }
}
