//! The Admin Pengelola's pages: its instansi's users of the office application, adding one, and
//! ending one who left (with a reason).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, alihkan, galat_isian};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use aplikasi_perkantoran::pengguna::{PeranSep, StatusPengguna};
use aplikasi_perkantoran::service::IsianPengguna;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::GalatIsian;

/// The Admin Pengelola's users.
#[derive(Template, WebTemplate)]
#[template(path = "sep_pengguna.html")]
pub struct HalamanPengguna {
    nav: Nav,
    aplikasi: String,
    baris: Vec<BarisPengguna>,
    f: IsianPengguna,
    galat: Vec<GalatIsian>,
    /// The reason just typed for ending a user, kept when it was refused.
    alasan: String,
}

/// A user in the Admin Pengelola's list.
pub struct BarisPengguna {
    id: String,
    nama: String,
    email: String,
    jabatan: String,
    status: &'static str,
    /// Whether the Admin Pengelola may end it (an active user it added).
    diakhiri: bool,
}

impl HalamanPengguna {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }

    /// The reason field of a row (`alasan-<id>`), for its label and error.
    fn galat_alasan(&self, id: &str) -> Option<&str> {
        galat_isian(&self.galat, &format!("alasan-{id}"))
    }
}

async fn pengguna_dengan(
    s: &AppState,
    a: &Aktor,
    f: IsianPengguna,
    galat: Vec<GalatIsian>,
    alasan: String,
) -> Result<HalamanPengguna, GalatHalaman> {
    let (admin, v) = s.sep.pengguna_saya(&a.aktor).await.halaman(a)?;
    let aplikasi = s
        .sep
        .katalog()
        .await
        .halaman(a)?
        .into_iter()
        .find(|x| x.id == admin.aplikasi_id)
        .map(|x| x.nama)
        .unwrap_or_default();
    Ok(HalamanPengguna {
        nav: Nav::dari(a),
        aplikasi,
        baris: v
            .iter()
            .map(|p| BarisPengguna {
                id: p.id.to_string(),
                nama: p.nama.clone(),
                email: p.email.clone(),
                jabatan: p.jabatan.clone(),
                status: p.status.label(),
                diakhiri: p.peran == PeranSep::Pengguna && p.status == StatusPengguna::Aktif,
            })
            .collect(),
        f,
        galat,
        alasan,
    })
}

/// `GET /sep/pengguna`.
pub async fn pengguna(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<HalamanPengguna, GalatHalaman> {
    pengguna_dengan(&s, &a, IsianPengguna::default(), Vec::new(), String::new()).await
}

/// `POST /sep/pengguna`.
pub async fn tambah_pengguna(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<IsianPengguna>,
) -> Result<Response, GalatHalaman> {
    match s.sep.tambah_pengguna(&a.aktor, &f).await {
        Ok(p) => Ok(alihkan(
            &a,
            "/sep/pengguna",
            format!("{} ditambahkan sebagai pengguna.", p.nama),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                pengguna_dengan(&s, &a, f, galat, String::new()).await?,
            )
                .into_response())
        }
    }
}

/// `POST /sep/pengguna/{id}/nonaktifkan` with `alasan`: the Admin Pengelola ends a user.
pub async fn nonaktifkan_pengguna(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<crate::web::admin::akun::Alasan>,
) -> Result<Response, GalatHalaman> {
    let pid = crate::web::jalur::id_halaman(&a, &id)?;
    match s
        .sep
        .nonaktifkan_pengguna_saya(&a.aktor, pid, f.alasan())
        .await
    {
        Ok(p) => Ok(alihkan(
            &a,
            "/sep/pengguna",
            format!(
                "{} dinonaktifkan dan tidak dapat lagi masuk ke aplikasi.",
                p.nama
            ),
        )
        .await),
        Err(e) => {
            let (status, mut galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            // The reason's field is the row's own.
            for g in &mut galat {
                if g.field == "alasan" {
                    g.field = format!("alasan-{id}");
                }
            }
            Ok((
                status,
                pengguna_dengan(
                    &s,
                    &a,
                    IsianPengguna::default(),
                    galat,
                    f.alasan().to_string(),
                )
                .await?,
            )
                .into_response())
        }
    }
}
