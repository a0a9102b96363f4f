//! The admin's JSON API: the verification desk and its summary, decisions, the application
//! detail, re-issued activation links, the audit trail and the undelivered emails.

use crate::state::AppState;
use crate::web::admin::skema::HasilKeputusan;
use crate::web::admin::skema::{AuditJson, ItemAntrianJson, RingkasanMeja, SurelTertundaJson};
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::perubahan::skema::PerubahanJson;
use crate::web::sesi::Aktor;
use crate::web::sistem::skema::SistemJson;
use crate::web::skema::{Daftar, IdStatus, PermohonanJson};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Json, response::Response};
use pse_kernel::{AkunId, JenisAntrian, Keputusan};
use serde::Deserialize;

/// `GET /api/v1/admin/antrian?jenis=&terlambat=1&setelah=&batas=`: everything waiting, oldest
/// first, a page at a time (the cursor `berikutnya` opens the next), from the verification desk.
#[utoipa::path(get, path = "/api/v1/admin/antrian", tag = "admin", params(("jenis" = Option<String>, Query), ("terlambat" = Option<String>, Query)), responses((status = 200, description = "Antrean verifikasi, terlama dahulu", body = Daftar<ItemAntrianJson>)))]
pub async fn antrian(
    State(s): State<AppState>,
    aktor: Aktor,
    Query(q): Query<crate::web::admin::antrian::QueryAntrian>,
) -> Result<Json<Daftar<ItemAntrianJson>>, WebError> {
    let h = s
        .meja
        .antrian(&aktor.aktor, q.saring()?, &q.paging()?)
        .await?;
    Ok(Json(Daftar::dari(h, Into::into)))
}

/// `GET /api/v1/admin/antrian/ringkasan`: per kind, what waits, what is overdue, and the median
/// time to decision over the last 30 days.
#[utoipa::path(get, path = "/api/v1/admin/antrian/ringkasan", tag = "admin", responses((status = 200, description = "Ringkasan kinerja layanan verifikasi", body = RingkasanMeja)))]
pub async fn ringkasan_antrian(
    State(s): State<AppState>,
    aktor: Aktor,
) -> Result<Json<RingkasanMeja>, WebError> {
    let r = s.meja.ringkasan(&aktor.aktor).await?;
    Ok(Json(RingkasanMeja {
        hari: pse_kernel::meja::HARI_RINGKASAN,
        jenis: r.into_iter().map(Into::into).collect(),
    }))
}

/// `GET /api/v1/admin/surel`: emails not delivered yet (waiting for a retry or given up).
#[utoipa::path(get, path = "/api/v1/admin/surel", tag = "admin", responses((status = 200, description = "Surel tertunda dan gagal", body = Daftar<SurelTertundaJson>)))]
pub async fn surel_tertunda(
    State(s): State<AppState>,
    aktor: Aktor,
) -> Result<Json<Daftar<SurelTertundaJson>>, WebError> {
    let v = s.registrasi.surel_tertunda(&aktor.aktor).await?;
    Ok(Json(Daftar::semua(v.into_iter().map(Into::into).collect())))
}

/// `GET /api/v1/admin/pendaftaran-pejabat/{id}`.
#[utoipa::path(get, path = "/api/v1/admin/pendaftaran-pejabat/{id}", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Rincian permohonan", body = PermohonanJson)))]
pub async fn detail_permohonan(
    State(s): State<AppState>,
    aktor: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PermohonanJson>, WebError> {
    let p = s
        .registrasi
        .permohonan(&aktor.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json(PermohonanJson::from(&p)))
}

/// `GET …/pendaftaran-pejabat/{id}/dokumen`: the PDF, as an attachment.
#[utoipa::path(get, path = "/api/v1/admin/pendaftaran-pejabat/{id}/dokumen", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Dokumen PDF permohonan", body = crate::web::skema::Berkas, content_type = "application/pdf")))]
pub async fn dokumen_permohonan(
    State(s): State<AppState>,
    aktor: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (dok, isi) = s
        .registrasi
        .dokumen_permohonan(&aktor.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(crate::web::lampiran(
        &dok.nama_berkas,
        "application/pdf",
        isi,
    ))
}

/// Body of an approval.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Setujui {
    catatan: Option<String>,
}

/// Body of a rejection.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Tolak {
    kategori_alasan: String,
    catatan: String,
}

/// `POST /api/v1/admin/{jenis}/{id}/setujui`.
#[utoipa::path(post, path = "/api/v1/admin/{jenis}/{id}/setujui", tag = "admin", params(("jenis" = String, Path), ("id" = String, Path)), request_body = Option<Setujui>, responses((status = 200, description = "Disetujui: sistem elektronik dan perubahan data utuh, selain itu id dan status", body = HasilKeputusan)))]
pub async fn setujui(
    State(s): State<AppState>,
    aktor: Aktor,
    Path((jenis, id)): Path<(String, String)>,
    b: Option<Json<Setujui>>,
) -> Result<Json<HasilKeputusan>, WebError> {
    let b = b.map(|Json(b)| b).unwrap_or_default();
    let keputusan = Keputusan::Setujui { catatan: b.catatan };
    putuskan(&s, &aktor, &jenis, &id, &keputusan).await
}

/// `POST /api/v1/admin/{jenis}/{id}/tolak`.
#[utoipa::path(post, path = "/api/v1/admin/{jenis}/{id}/tolak", tag = "admin", params(("jenis" = String, Path), ("id" = String, Path)), request_body = Tolak, responses((status = 200, description = "Ditolak atau dikembalikan: sistem elektronik dan perubahan data utuh, selain itu id dan status", body = HasilKeputusan)))]
pub async fn tolak(
    State(s): State<AppState>,
    aktor: Aktor,
    Path((jenis, id)): Path<(String, String)>,
    Isian(b): Isian<Tolak>,
) -> Result<Json<HasilKeputusan>, WebError> {
    let keputusan = Keputusan::Tolak {
        kategori_alasan: b.kategori_alasan,
        catatan: b.catatan,
    };
    putuskan(&s, &aktor, &jenis, &id, &keputusan).await
}

/// Decides through the desk and answers the item as it now stands: a system or a change request
/// in full (with its Tanda Daftar), anything else by id and status.
async fn putuskan(
    s: &AppState,
    aktor: &Aktor,
    jenis: &str,
    id: &str,
    keputusan: &Keputusan,
) -> Result<Json<HasilKeputusan>, WebError> {
    let jenis = JenisAntrian::dari_kode(jenis).ok_or_else(WebError::tidak_ditemukan)?;
    let d = s.meja.putuskan(&aktor.aktor, jenis, id, keputusan).await?;
    Ok(Json(match jenis {
        JenisAntrian::SistemElektronik => {
            let x = s
                .sistem
                .lihat(&aktor.aktor, crate::web::jalur::id(&d.id)?)
                .await?;
            HasilKeputusan::Sistem(Box::new(SistemJson::new(&x, &s.konfigurasi.base_url())))
        }
        JenisAntrian::PerubahanData => {
            let p = s
                .perubahan
                .lihat(&aktor.aktor, crate::web::jalur::id(&d.id)?)
                .await?;
            HasilKeputusan::Perubahan(Box::new(PerubahanJson::from(&p)))
        }
        _ => HasilKeputusan::Lain(IdStatus::new(d.id, d.status)),
    }))
}

/// `POST /api/v1/admin/akun/{id}/aktivasi-ulang`: a new activation link.
#[utoipa::path(post, path = "/api/v1/admin/akun/{id}/aktivasi-ulang", tag = "admin", params(("id" = String, Path)), responses((status = 204, description = "Tautan aktivasi baru dikirim")))]
pub async fn aktivasi_ulang(
    State(s): State<AppState>,
    aktor: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    let id: AkunId = id.parse().map_err(|_| WebError::tidak_ditemukan())?;
    s.registrasi
        .terbitkan_ulang_aktivasi(&aktor.aktor, id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Query of the audit trail.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryAudit {
    subjek: Option<String>,
    page: Option<u64>,
}

/// `GET /api/v1/admin/audit?subjek=&page=`.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", params(("subjek" = String, Query), ("page" = String, Query)), responses((status = 200, description = "Jejak audit", body = Daftar<AuditJson>)))]
pub async fn audit(
    State(s): State<AppState>,
    aktor: Aktor,
    Query(q): Query<QueryAudit>,
) -> Result<Json<Daftar<AuditJson>>, WebError> {
    let h = s
        .registrasi
        .audit(
            &aktor.aktor,
            q.subjek.as_deref().filter(|s| !s.is_empty()),
            pse_kernel::Paging::nomor(q.page)?,
        )
        .await?;
    Ok(Json(Daftar::dari(h, Into::into)))
}
