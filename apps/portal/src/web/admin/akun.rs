//! The admin's account administration: every portal account with its role, instansi and status,
//! and deactivating or reactivating one with a reason (its sessions end at once), as pages and
//! as API.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, alihkan, galat_isian};
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use crate::web::skema::Daftar;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use pse_kernel::GalatIsian;
use registrasi_pejabat::model::{Akun, StatusAkun};
use serde::{Deserialize, Serialize};

/// An account as the admin reads it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AkunAdminJson {
    pub id: String,
    pub nama: String,
    pub email: String,
    /// `admin`, `pejabat_pendaftar`, `sub_pejabat`, `petugas_layanan`, `admin_pengelola`.
    pub peran: String,
    pub instansi_id: Option<String>,
    /// `menunggu_aktivasi`, `aktif`, `nonaktif`.
    pub status: String,
}

impl From<&Akun> for AkunAdminJson {
    fn from(a: &Akun) -> Self {
        Self {
            id: a.id.to_string(),
            nama: a.nama.clone(),
            email: a.email.to_string(),
            peran: a.peran.kode().into(),
            instansi_id: a.instansi_id.map(|i| i.to_string()),
            status: a.status.kode().into(),
        }
    }
}

/// `GET /api/v1/admin/akun?setelah=&batas=`: every account, oldest first.
#[utoipa::path(get, path = "/api/v1/admin/akun", tag = "admin", params(("setelah" = Option<String>, Query), ("batas" = Option<u64>, Query)), responses((status = 200, description = "Semua akun portal", body = Daftar<AkunAdminJson>)))]
pub async fn daftar_akun(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<crate::web::skema::QueryKursor>,
) -> Result<Json<Daftar<AkunAdminJson>>, WebError> {
    let h = s.registrasi.daftar_akun(&a.aktor, &q.paging()?).await?;
    Ok(Json(Daftar::dari(h, |x| AkunAdminJson::from(&x))))
}

/// Body with a reason.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Alasan {
    alasan: String,
}

impl Alasan {
    /// The reason as typed.
    pub fn alasan(&self) -> &str {
        &self.alasan
    }
}

/// `POST /api/v1/admin/akun/{id}/nonaktifkan` `{alasan}`: its sessions end at once.
#[utoipa::path(post, path = "/api/v1/admin/akun/{id}/nonaktifkan", tag = "admin", params(("id" = String, Path)), request_body = Alasan, responses((status = 200, description = "Akun dinonaktifkan", body = AkunAdminJson)))]
pub async fn nonaktifkan_akun(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Alasan>,
) -> Result<Json<AkunAdminJson>, WebError> {
    let akun = s
        .registrasi
        .tutup_akun(&a.aktor, crate::web::jalur::id(&id)?, &b.alasan)
        .await?;
    Ok(Json((&akun).into()))
}

/// `POST /api/v1/admin/akun/{id}/aktifkan` `{alasan}`.
#[utoipa::path(post, path = "/api/v1/admin/akun/{id}/aktifkan", tag = "admin", params(("id" = String, Path)), request_body = Alasan, responses((status = 200, description = "Akun diaktifkan kembali", body = AkunAdminJson)))]
pub async fn aktifkan_akun(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Alasan>,
) -> Result<Json<AkunAdminJson>, WebError> {
    let akun = s
        .registrasi
        .buka_akun(&a.aktor, crate::web::jalur::id(&id)?, &b.alasan)
        .await?;
    Ok(Json((&akun).into()))
}

/// An account in the list page.
pub struct BarisAkun {
    id: String,
    nama: String,
    email: String,
    peran: &'static str,
    instansi: String,
    status: &'static str,
    aktif: bool,
    /// Still waiting for activation: a new link can be sent.
    menunggu_aktivasi: bool,
}

/// The accounts page, with the reason form of each action.
#[derive(Template, WebTemplate)]
#[template(path = "admin_akun.html")]
pub struct HalamanAkun {
    nav: Nav,
    baris: Vec<BarisAkun>,
    total: u64,
    berikutnya: Option<String>,
    galat: Vec<GalatIsian>,
}

impl HalamanAkun {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// Query of the accounts page: its cursor.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryAkun {
    setelah: Option<String>,
}

async fn halaman_dengan(
    s: &AppState,
    a: &Aktor,
    setelah: Option<String>,
    galat: Vec<GalatIsian>,
) -> Result<HalamanAkun, GalatHalaman> {
    let paging = crate::web::skema::QueryKursor {
        setelah,
        batas: Some(50),
    }
    .paging()
    .halaman(a)?;
    let h = s
        .registrasi
        .daftar_akun(&a.aktor, &paging)
        .await
        .halaman(a)?;
    let ids: Vec<_> = h.items.iter().filter_map(|x| x.instansi_id).collect();
    let nama = s.registrasi.nama_instansi_akun(&ids).await.halaman(a)?;
    Ok(HalamanAkun {
        nav: Nav::dari(a),
        total: h.total,
        berikutnya: h.berikutnya.clone(),
        baris: h
            .items
            .iter()
            .map(|x| BarisAkun {
                id: x.id.to_string(),
                nama: x.nama.clone(),
                email: x.email.to_string(),
                peran: x.peran.label(),
                instansi: x
                    .instansi_id
                    .and_then(|i| nama.get(&i).cloned())
                    .unwrap_or_else(|| "—".into()),
                status: x.status.label(),
                aktif: x.status != StatusAkun::Nonaktif,
                menunggu_aktivasi: x.status == StatusAkun::MenungguAktivasi,
            })
            .collect(),
        galat,
    })
}

/// `GET /admin/akun`.
pub async fn halaman(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryAkun>,
) -> Result<HalamanAkun, GalatHalaman> {
    halaman_dengan(&s, &a, q.setelah, Vec::new()).await
}

/// `POST /admin/akun/{id}/{aksi}` for `nonaktifkan`, `aktifkan` (with `alasan`), and
/// `aktivasi-ulang` (a new activation link for an account still waiting for it).
pub async fn ubah(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, aksi)): Path<(String, String)>,
    Form(f): Form<Alasan>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    if aksi == "aktivasi-ulang" {
        return match s.registrasi.terbitkan_ulang_aktivasi(&a.aktor, id).await {
            Ok(()) => Ok(alihkan(
                &a,
                "/admin/akun",
                "Tautan aktivasi baru terkirim; tautan sebelumnya tidak berlaku lagi.",
            )
            .await),
            Err(e) => {
                let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
                Ok((status, halaman_dengan(&s, &a, None, galat).await?).into_response())
            }
        };
    }
    let hasil = match aksi.as_str() {
        "nonaktifkan" => s.registrasi.tutup_akun(&a.aktor, id, &f.alasan).await,
        "aktifkan" => s.registrasi.buka_akun(&a.aktor, id, &f.alasan).await,
        _ => return Err(WebError::tidak_ditemukan()).halaman(&a),
    };
    match hasil {
        Ok(akun) => Ok(alihkan(
            &a,
            "/admin/akun",
            format!(
                "Akun {} kini {}.",
                akun.nama,
                akun.status.label().to_lowercase()
            ),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, halaman_dengan(&s, &a, None, galat).await?).into_response())
        }
    }
}
