//! Who is calling: the session's account, resolved on every request. A session ends after 30
//! minutes without a request (sliding: a request touches it, at most once a minute, which saves it
//! and so moves its expiry and cookie) and at the latest 12 hours after login; a session whose
//! account is no longer active is ended on the spot. An ended session is told apart from none, so
//! the user sees "sesi berakhir" instead of a bare login form.

use crate::state::AppState;
use crate::web::galat::WebError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use layanan::standar::KontakLayanan;
use pse_kernel::{Actor, AkunId};
use registrasi_pejabat::model::Akun;
use std::sync::Arc;
use store_sea_orm::{KUNCI_AKUN, SesiStore};
use tower_sessions::Session;

/// The caller: the actor, and its account when logged in. Read once per request (a guard that
/// reads it leaves it for the handler).
#[derive(Clone)]
pub struct Aktor {
    /// The actor passed to use cases.
    pub aktor: Actor,
    /// The active account, if logged in.
    pub akun: Option<Akun>,
    /// The session.
    pub sesi: Session,
    /// Whether a logged-in session has just ended (idle or too old).
    pub berakhir: bool,
    /// The time of the request (seconds since the epoch), by the store's clock.
    sekarang: i64,
    /// The path asked for (the header marks where the reader is).
    pub jalur: String,
    /// The banner left by the action that redirected here, shown once.
    pub kilat: Option<String>,
    /// Where people get help (every page's footer).
    pub kontak: Arc<KontakLayanan>,
}

/// Session key: when the user logged in (seconds since the epoch).
const KUNCI_MASUK_PADA: &str = "masuk_pada";
/// Session key: the last request that touched the session (seconds since the epoch).
const KUNCI_DISENTUH: &str = "disentuh";
/// Session key: the banner the next page shows once, after an action redirected to it.
const KUNCI_KILAT: &str = "kilat";
/// Inactivity after which a session ends.
pub const BATAS_DIAM_DETIK: i64 = 30 * 60;
/// Age after which a session ends whatever the activity.
pub const BATAS_UMUR_DETIK: i64 = 12 * 60 * 60;
/// A session is touched (saved) at most this often.
const SENTUH_SETIAP_DETIK: i64 = 60;

/// What a request does to a logged-in session, at `now`, logged in at `masuk_pada` and last
/// touched at `disentuh` (seconds since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Giliran {
    /// Idle too long or too old: it ends.
    Berakhir,
    /// Saved again, so its expiry and cookie move on.
    Sentuh,
    /// Touched less than a minute ago: left as it is (no write).
    Biarkan,
}

/// The touches this instance made: the parallel requests of one session that find the same
/// touch time too old make one touch between them (each would otherwise save the same row, and
/// the saves queue on its lock).
#[derive(Clone)]
pub struct Sentuhan(moka::future::Cache<(String, i64), ()>);

impl Default for Sentuhan {
    fn default() -> Self {
        Self(
            moka::future::Cache::builder()
                .max_capacity(100_000)
                .time_to_live(std::time::Duration::from_secs(
                    SENTUH_SETIAP_DETIK.unsigned_abs(),
                ))
                .build(),
        )
    }
}

impl Sentuhan {
    /// Whether this request makes the touch of session `sesi` last touched at `disentuh`.
    async fn giliran_saya(&self, sesi: String, disentuh: i64) -> bool {
        self.0
            .entry((sesi, disentuh))
            .or_insert(())
            .await
            .is_fresh()
    }
}

fn giliran(now: i64, masuk_pada: i64, disentuh: i64) -> Giliran {
    if now - masuk_pada > BATAS_UMUR_DETIK || now - disentuh > BATAS_DIAM_DETIK {
        Giliran::Berakhir
    } else if now - disentuh >= SENTUH_SETIAP_DETIK {
        Giliran::Sentuh
    } else {
        Giliran::Biarkan
    }
}

impl FromRequestParts<AppState> for Aktor {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(a) = parts.extensions.get::<Aktor>() {
            return Ok(a.clone());
        }
        let a = Self::baca(parts, state).await?;
        parts.extensions.insert(a.clone());
        Ok(a)
    }
}

impl Aktor {
    /// The caller from the session: the session and its account read in one statement, the
    /// session ended when idle or too old and touched (saved) at most once a minute, the banner
    /// taken. The session's own copy is loaded only when something in it changes.
    async fn baca(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let sesi = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, m)| WebError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, m))?;
        let now = state.store.sekarang().timestamp();
        let jalur = parts.uri.path().to_string();
        let publik = |sesi, berakhir| Self {
            aktor: Actor::Publik,
            akun: None,
            sesi,
            berakhir,
            sekarang: now,
            jalur: jalur.clone(),
            kilat: None,
            kontak: state.kontak.clone(),
        };
        let Some(sid) = sesi.id() else {
            return Ok(publik(sesi, false));
        };
        let (rekaman, akun) = match SesiStore::new(state.store.clone())
            .baca_dengan_akun(&sid)
            .await
        {
            Ok(Some(v)) => v,
            Ok(None) => return Ok(publik(sesi, false)),
            // The session store (the database) does not answer: an outage, not "not logged in".
            Err(tower_sessions::session_store::Error::Backend(e)) => {
                tracing::warn!(galat = %e, "sesi tidak dapat dibaca");
                return Err(WebError::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    super::galat::PESAN_503,
                ));
            }
            Err(_) => return Ok(publik(sesi, false)),
        };
        let angka = |kunci: &str| rekaman.data.get(kunci).and_then(|v| v.as_i64());
        let Some(masuk) = rekaman
            .data
            .get(KUNCI_AKUN)
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse::<AkunId>().ok())
        else {
            return Ok(publik(sesi, false));
        };
        let masuk_pada = angka(KUNCI_MASUK_PADA).unwrap_or(0);
        let disentuh = angka(KUNCI_DISENTUH).unwrap_or(masuk_pada);
        let g = giliran(now, masuk_pada, disentuh);
        if g == Giliran::Berakhir {
            let _ = sesi.flush().await;
            return Ok(publik(sesi, true));
        }
        let Some(akun) = akun.filter(|a| a.id == masuk && a.boleh_masuk()) else {
            let _ = sesi.flush().await;
            return Ok(publik(sesi, false));
        };
        if g == Giliran::Sentuh && state.sentuhan.giliran_saya(sid.to_string(), disentuh).await {
            let _ = sesi.insert(KUNCI_DISENTUH, now).await;
        }
        // Only a banner that is there is taken: removing nothing would still save the session,
        // a write on every request.
        let kilat = match rekaman.data.get(KUNCI_KILAT).and_then(|v| v.as_str()) {
            Some(_) => sesi.remove::<String>(KUNCI_KILAT).await.ok().flatten(),
            None => None,
        };
        Ok(Self {
            aktor: akun.aktor(),
            akun: Some(akun),
            sesi,
            berakhir: false,
            sekarang: now,
            jalur,
            kilat,
            kontak: state.kontak.clone(),
        })
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
        let now = self.sekarang;
        self.sesi
            .insert(KUNCI_AKUN, akun.id.to_string())
            .await
            .map_err(galat)?;
        self.sesi
            .insert(KUNCI_MASUK_PADA, now)
            .await
            .map_err(galat)?;
        self.sesi.insert(KUNCI_DISENTUH, now).await.map_err(galat)?;
        Ok(())
    }

    /// What a request that needs a login is told.
    pub fn pesan_masuk(&self) -> &'static str {
        if self.berakhir {
            PESAN_BERAKHIR
        } else {
            "Silakan masuk terlebih dahulu."
        }
    }

    /// Ends the session.
    pub async fn keluar(&self) {
        let _ = self.sesi.flush().await;
    }

    /// Leaves `pesan` as the banner of the page this action redirects to (post/redirect/get:
    /// a refresh there repeats nothing and shows nothing again).
    pub async fn kilat(&self, pesan: impl Into<String>) {
        if let Err(e) = self.sesi.insert(KUNCI_KILAT, pesan.into()).await {
            tracing::warn!(galat = %e, "pesan untuk halaman berikutnya tidak tersimpan");
        }
    }
}

/// What a user whose session ended is told.
pub const PESAN_BERAKHIR: &str = "Sesi Anda telah berakhir karena 30 menit tanpa aktivitas atau 12 jam sejak masuk. Silakan masuk kembali.";

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
        Actor::Publik => WebError::new(axum::http::StatusCode::UNAUTHORIZED, aktor.pesan_masuk()),
        _ => WebError::new(
            axum::http::StatusCode::FORBIDDEN,
            "Halaman ini khusus admin Direktorat LAIP.",
        ),
    };
    if api {
        galat.into_response()
    } else {
        super::halaman::GalatHalaman::untuk(galat, &aktor).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn r_x_02_parallel_requests_of_one_session_make_one_touch() {
        let s = Sentuhan::default();
        let giliran: Vec<bool> =
            futures::future::join_all((0..16).map(|_| s.giliran_saya("sesi-a".into(), 1_000)))
                .await;
        assert_eq!(giliran.iter().filter(|g| **g).count(), 1);
        // Once touched, the next stale touch time is touched again; other sessions are their own.
        assert!(s.giliran_saya("sesi-a".into(), 1_060).await);
        assert!(s.giliran_saya("sesi-b".into(), 1_000).await);
        assert!(!s.giliran_saya("sesi-b".into(), 1_000).await);
    }

    const MENIT: i64 = 60;

    #[test]
    fn r_x_02_idle_sessions_end_after_30_minutes_active_ones_slide_up_to_12_hours() {
        let masuk = 1_000_000;
        // Active every 29 minutes: it slides, touched each time, until the 12-hour cap.
        let mut disentuh = masuk;
        let mut now = masuk;
        while now + 29 * MENIT - masuk <= BATAS_UMUR_DETIK {
            now += 29 * MENIT;
            assert_eq!(
                giliran(now, masuk, disentuh),
                Giliran::Sentuh,
                "{}",
                now - masuk
            );
            disentuh = now;
        }
        assert_eq!(
            giliran(masuk + 12 * 60 * MENIT + 1, masuk, masuk + 12 * 60 * MENIT),
            Giliran::Berakhir
        );
        // Idle for more than 30 minutes: it ends.
        assert_eq!(giliran(masuk + 30 * MENIT, masuk, masuk), Giliran::Sentuh);
        assert_eq!(
            giliran(masuk + 30 * MENIT + 1, masuk, masuk),
            Giliran::Berakhir
        );
        // A request within a minute of the last touch writes nothing.
        assert_eq!(giliran(masuk + 59, masuk, masuk), Giliran::Biarkan);
    }
}
