//! The JSON API of complaints: `POST /api/v1/pengaduan`, `GET /api/v1/pengaduan/{nomor}?kode=`,
//! and the admin's `GET /api/v1/admin/pengaduan`, `POST /api/v1/admin/pengaduan/{id}/tanggapi`.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::pengaduan::skema::{Diterima, PengaduanJson, StatusPengaduanJson};
use crate::web::sesi::Aktor;
use crate::web::skema::Daftar;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use layanan::pengaduan::{FormulirPengaduan, StatusPengaduan};
use secrecy::ExposeSecret;
use serde::Deserialize;

/// Body of a complaint.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Ajukan {
    nama: String,
    email: String,
    /// `kendala_teknis`, `layanan`, `data` or `lainnya`.
    kategori: String,
    uraian: String,
    rujukan: String,
}

impl From<Ajukan> for FormulirPengaduan {
    fn from(b: Ajukan) -> Self {
        Self {
            nama: b.nama,
            email: b.email,
            kategori: b.kategori,
            uraian: b.uraian,
            rujukan: b.rujukan,
        }
    }
}

/// `POST /api/v1/pengaduan` → 201 `{nomor, kode}`; the code is emailed too.
#[utoipa::path(post, path = "/api/v1/pengaduan", tag = "layanan", request_body = Ajukan, responses((status = 201, description = "Pengaduan diterima", body = Diterima)))]
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<Ajukan>,
) -> Result<Response, WebError> {
    let d = s.pengaduan.ajukan(&a.aktor, &b.into()).await?;
    Ok((
        StatusCode::CREATED,
        Json(Diterima {
            nomor: d.pengaduan.nomor.to_string(),
            kode: d.kode.expose_secret().to_string(),
        }),
    )
        .into_response())
}

/// Query of a complaint's status.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Kode {
    kode: String,
}

/// `GET /api/v1/pengaduan/{nomor}?kode=`: the status and answers; a wrong number or code is 404.
#[utoipa::path(get, path = "/api/v1/pengaduan/{nomor}", tag = "layanan", params(("nomor" = String, Path), ("kode" = String, Query)), responses((status = 200, description = "Status pengaduan", body = StatusPengaduanJson)))]
pub async fn status(
    State(s): State<AppState>,
    Path(nomor): Path<String>,
    Query(q): Query<Kode>,
) -> Result<Json<StatusPengaduanJson>, WebError> {
    let p = s.pengaduan.lihat(&nomor, &q.kode).await?;
    Ok(Json((&p).into()))
}

/// Query of the admin's list: `status` (every open one when absent) and the cursor paging.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryDaftar {
    pub(crate) status: Option<String>,
    pub(crate) setelah: Option<String>,
    pub(crate) batas: Option<u64>,
}

impl QueryDaftar {
    /// The status asked for; an unknown one is refused naming `status`.
    pub fn status(&self) -> Result<Option<StatusPengaduan>, WebError> {
        match self.status.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(k) => StatusPengaduan::dari_kode(k).map(Some).ok_or_else(|| {
                WebError::isian(
                    StatusCode::BAD_REQUEST,
                    "status",
                    "Status pengaduan tidak dikenal.",
                )
            }),
        }
    }

    /// The paging asked for.
    pub fn paging(&self) -> Result<pse_kernel::Paging, WebError> {
        crate::web::skema::QueryKursor {
            setelah: self.setelah.clone(),
            batas: self.batas,
        }
        .paging()
    }
}

/// `GET /api/v1/admin/pengaduan?status=&setelah=&batas=`: complaints, oldest first.
#[utoipa::path(get, path = "/api/v1/admin/pengaduan", tag = "admin", params(("status" = Option<String>, Query), ("setelah" = Option<String>, Query), ("batas" = Option<u64>, Query)), responses((status = 200, description = "Pengaduan, terlama dahulu", body = Daftar<PengaduanJson>)))]
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryDaftar>,
) -> Result<Json<Daftar<PengaduanJson>>, WebError> {
    let h = s
        .pengaduan
        .daftar(&a.aktor, q.status()?, &q.paging()?)
        .await?;
    Ok(Json(Daftar::dari(h, |p| PengaduanJson::from(&p))))
}

/// Body of an answer.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Tanggapi {
    tanggapan: String,
    /// `diproses` or `selesai`.
    status: String,
}

/// `POST /api/v1/admin/pengaduan/{id}/tanggapi` `{tanggapan, status}`: emailed to the complainant.
#[utoipa::path(post, path = "/api/v1/admin/pengaduan/{id}/tanggapi", tag = "admin", params(("id" = String, Path)), request_body = Tanggapi, responses((status = 200, description = "Pengaduan ditanggapi", body = PengaduanJson)))]
pub async fn tanggapi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Tanggapi>,
) -> Result<Json<PengaduanJson>, WebError> {
    let p = s
        .pengaduan
        .tanggapi(
            &a.aktor,
            crate::web::jalur::id(&id)?,
            &b.tanggapan,
            &b.status,
        )
        .await?;
    Ok(Json((&p).into()))
}
