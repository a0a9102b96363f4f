//! The JSON API of the Struktur Organisasi and Sub Pejabat (`/api/v1/unit-organisasi`,
//! `/api/v1/sub-pejabat`).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::unggah::FormMultipart;
use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use registrasi_pejabat::model::{FormulirSubPejabat, IsianUnit, SubPejabat, UnitOrganisasi};
use serde_json::{Value, json};

fn unit_json(u: &UnitOrganisasi) -> Value {
    json!({"id": u.id, "nama": u.nama, "jabatan_kepala": u.jabatan_kepala, "induk_id": u.induk_id})
}

pub(crate) fn sub_json(s: &SubPejabat) -> Value {
    json!({
        "id": s.id,
        "status": s.status.kode(),
        "nama_lengkap": s.data.nama_lengkap,
        "nip": s.data.nip,
        "jenis_kepegawaian": s.data.jenis_kepegawaian.kode(),
        "jabatan": s.data.jabatan,
        "email": s.data.email,
        "telepon": s.data.telepon,
        "unit_id": s.data.unit_id,
        "surat_tugas": {"nama_berkas": s.surat_tugas.nama_berkas, "ukuran": s.surat_tugas.ukuran},
        "penolakan": s.penolakan.as_ref().map(|t| json!({
            "kategori_alasan": t.kategori.kode(), "label": t.kategori.label(), "catatan": t.catatan, "waktu": t.waktu
        })),
        "diajukan_pada": s.diajukan_pada,
        "masuk_antrian_pada": s.masuk_antrian_pada,
    })
}

/// Body of a unit.
#[derive(serde::Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct UnitJson {
    nama: String,
    jabatan_kepala: String,
    induk_id: Option<String>,
}

impl From<UnitJson> for IsianUnit {
    fn from(u: UnitJson) -> Self {
        Self {
            nama: u.nama,
            jabatan_kepala: u.jabatan_kepala,
            induk_id: u.induk_id,
        }
    }
}

fn daftar(items: Vec<Value>) -> Json<Value> {
    Json(json!({"total": items.len(), "items": items, "page": 1}))
}

/// `GET /api/v1/unit-organisasi`: the instansi's units in tree order.
#[utoipa::path(get, path = "/api/v1/unit-organisasi", tag = "struktur", responses((status = 200, description = "Unit Struktur Organisasi")))]
pub async fn daftar_unit(State(s): State<AppState>, a: Aktor) -> Result<Json<Value>, WebError> {
    Ok(daftar(
        s.registrasi
            .daftar_unit(&a.aktor)
            .await?
            .iter()
            .map(unit_json)
            .collect(),
    ))
}

/// `POST /api/v1/unit-organisasi` `{nama, jabatan_kepala, induk_id?}` → 201.
#[utoipa::path(post, path = "/api/v1/unit-organisasi", tag = "struktur", responses((status = 201, description = "Unit dibuat")))]
pub async fn tambah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<UnitJson>,
) -> Result<Response, WebError> {
    let u = s.registrasi.tambah_unit(&a.aktor, b.into()).await?;
    Ok((StatusCode::CREATED, Json(unit_json(&u))).into_response())
}

/// `PUT /api/v1/unit-organisasi/{id}`: rename or move.
#[utoipa::path(put, path = "/api/v1/unit-organisasi/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 200, description = "Unit diubah")))]
pub async fn ubah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<UnitJson>,
) -> Result<Json<Value>, WebError> {
    let u = s
        .registrasi
        .ubah_unit(&a.aktor, super::jalur::id(&id)?, b.into())
        .await?;
    Ok(Json(unit_json(&u)))
}

/// `DELETE /api/v1/unit-organisasi/{id}`: 204, or 409 with the reason.
#[utoipa::path(delete, path = "/api/v1/unit-organisasi/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 204, description = "Unit dihapus")))]
pub async fn hapus_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.registrasi
        .hapus_unit(&a.aktor, super::jalur::id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/sub-pejabat`.
#[utoipa::path(get, path = "/api/v1/sub-pejabat", tag = "struktur", responses((status = 200, description = "Sub Pejabat instansi")))]
pub async fn daftar_sub(State(s): State<AppState>, a: Aktor) -> Result<Json<Value>, WebError> {
    Ok(daftar(
        s.registrasi
            .daftar_sub_pejabat(&a.aktor)
            .await?
            .iter()
            .map(sub_json)
            .collect(),
    ))
}

/// `POST /api/v1/sub-pejabat` (multipart with `surat_tugas`) → 201.
#[utoipa::path(post, path = "/api/v1/sub-pejabat", tag = "struktur", responses((status = 201, description = "Sub Pejabat didaftarkan, menunggu verifikasi")))]
pub async fn tambah_sub(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let sp = s
        .registrasi
        .tambah_sub_pejabat(&a.aktor, formulir(&f), f.berkas.get("surat_tugas").cloned())
        .await?;
    Ok((StatusCode::CREATED, Json(sub_json(&sp))).into_response())
}

pub(crate) fn formulir(f: &FormMultipart) -> FormulirSubPejabat {
    FormulirSubPejabat {
        nama_lengkap: f.teks("nama_lengkap"),
        nip: f.teks("nip"),
        jenis_kepegawaian: f.teks("jenis_kepegawaian"),
        jabatan: f.teks("jabatan"),
        email: f.teks("email"),
        telepon: f.teks("telepon"),
        unit_id: f.teks("unit_id"),
    }
}

/// `GET /api/v1/sub-pejabat/{id}`.
#[utoipa::path(get, path = "/api/v1/sub-pejabat/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 200, description = "Sub Pejabat")))]
pub async fn lihat_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<Value>, WebError> {
    Ok(Json(sub_json(
        &s.registrasi
            .sub_pejabat(&a.aktor, super::jalur::id(&id)?)
            .await?,
    )))
}

/// `PUT /api/v1/sub-pejabat/{id}` (multipart; `surat_tugas` optional).
#[utoipa::path(put, path = "/api/v1/sub-pejabat/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 200, description = "Sub Pejabat diubah")))]
pub async fn ubah_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<Value>, WebError> {
    let f = FormMultipart::baca(m).await?;
    let sp = s
        .registrasi
        .ubah_sub_pejabat(
            &a.aktor,
            super::jalur::id(&id)?,
            formulir(&f),
            f.berkas.get("surat_tugas").cloned(),
        )
        .await?;
    Ok(Json(sub_json(&sp)))
}

/// `DELETE /api/v1/sub-pejabat/{id}`: deactivates; history and systems stay.
#[utoipa::path(delete, path = "/api/v1/sub-pejabat/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 204, description = "Sub Pejabat dihapus")))]
pub async fn hapus_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.registrasi
        .hapus_sub_pejabat(&a.aktor, super::jalur::id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/sub-pejabat/{id}/surat-tugas`: the PDF, as an attachment.
#[utoipa::path(get, path = "/api/v1/sub-pejabat/{id}/surat-tugas", tag = "struktur", params(("id" = String, Path)), responses((status = 200, description = "Surat Tugas (PDF)")))]
pub async fn surat_tugas(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (dok, isi) = s
        .registrasi
        .surat_tugas_sub_pejabat(&a.aktor, super::jalur::id(&id)?)
        .await?;
    Ok(super::lampiran(&dok.nama_berkas, "application/pdf", isi))
}

/// `GET /api/v1/admin/sub-pejabat/{id}`: the admin's view of a Sub Pejabat (the same reading).
#[utoipa::path(get, path = "/api/v1/admin/sub-pejabat/{id}", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Sub Pejabat")))]
pub async fn lihat_sub_admin(
    s: State<AppState>,
    a: Aktor,
    id: Path<String>,
) -> Result<Json<Value>, WebError> {
    lihat_sub(s, a, id).await
}

/// `GET /api/v1/admin/sub-pejabat/{id}/surat-tugas`: the admin's copy of the Surat Tugas.
#[utoipa::path(get, path = "/api/v1/admin/sub-pejabat/{id}/surat-tugas", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Surat Tugas (PDF)")))]
pub async fn surat_tugas_admin(
    s: State<AppState>,
    a: Aktor,
    id: Path<String>,
) -> Result<Response, WebError> {
    surat_tugas(s, a, id).await
}
