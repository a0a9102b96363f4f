//! The JSON API of the Struktur Organisasi and Sub Pejabat (`/api/v1/unit-organisasi`,
//! `/api/v1/sub-pejabat`).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::skema::Daftar;
use crate::web::struktur::skema::{SubPejabatJson, UnitJsonKeluar};
use crate::web::unggah::FormMultipart;
use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use registrasi_pejabat::model::{FormulirSubPejabat, IsianUnit};

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

/// `GET /api/v1/unit-organisasi`: the instansi's units in tree order.
#[utoipa::path(get, path = "/api/v1/unit-organisasi", tag = "struktur", responses((status = 200, description = "Unit Struktur Organisasi", body = Daftar<UnitJsonKeluar>)))]
pub async fn daftar_unit(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Json<Daftar<UnitJsonKeluar>>, WebError> {
    let v = s.registrasi.daftar_unit(&a.aktor).await?;
    Ok(Json(Daftar::semua(v.iter().map(Into::into).collect())))
}

/// `POST /api/v1/unit-organisasi` `{nama, jabatan_kepala, induk_id?}` → 201.
#[utoipa::path(post, path = "/api/v1/unit-organisasi", tag = "struktur", request_body = UnitJson, responses((status = 201, description = "Unit dibuat", body = UnitJsonKeluar)))]
pub async fn tambah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<UnitJson>,
) -> Result<Response, WebError> {
    let u = s.registrasi.tambah_unit(&a.aktor, b.into()).await?;
    Ok((StatusCode::CREATED, Json(UnitJsonKeluar::from(&u))).into_response())
}

/// `PUT /api/v1/unit-organisasi/{id}`: rename or move.
#[utoipa::path(put, path = "/api/v1/unit-organisasi/{id}", tag = "struktur", params(("id" = String, Path)), request_body = UnitJson, responses((status = 200, description = "Unit diubah", body = UnitJsonKeluar)))]
pub async fn ubah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<UnitJson>,
) -> Result<Json<UnitJsonKeluar>, WebError> {
    let u = s
        .registrasi
        .ubah_unit(&a.aktor, crate::web::jalur::id(&id)?, b.into())
        .await?;
    Ok(Json(UnitJsonKeluar::from(&u)))
}

/// `DELETE /api/v1/unit-organisasi/{id}`: 204, or 409 with the reason.
#[utoipa::path(delete, path = "/api/v1/unit-organisasi/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 204, description = "Unit dihapus")))]
pub async fn hapus_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.registrasi
        .hapus_unit(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/sub-pejabat`.
#[utoipa::path(get, path = "/api/v1/sub-pejabat", tag = "struktur", responses((status = 200, description = "Sub Pejabat instansi", body = Daftar<SubPejabatJson>)))]
pub async fn daftar_sub(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Json<Daftar<SubPejabatJson>>, WebError> {
    let v = s.registrasi.daftar_sub_pejabat(&a.aktor).await?;
    Ok(Json(Daftar::semua(v.iter().map(Into::into).collect())))
}

/// `POST /api/v1/sub-pejabat` (multipart with `surat_tugas`) → 201.
#[utoipa::path(post, path = "/api/v1/sub-pejabat", tag = "struktur", request_body(content_type = "multipart/form-data", description = "nama_lengkap, nip, jenis_kepegawaian, jabatan, email, telepon, unit_id dan surat_tugas (PDF)"), responses((status = 201, description = "Sub Pejabat didaftarkan, menunggu verifikasi", body = SubPejabatJson)))]
pub async fn tambah_sub(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let sp = s
        .registrasi
        .tambah_sub_pejabat(&a.aktor, formulir(&f), f.berkas.get("surat_tugas").cloned())
        .await
        .map_err(|e| WebError::from(e).dokumen_di("surat_tugas"))?;
    Ok((StatusCode::CREATED, Json(SubPejabatJson::from(&sp))).into_response())
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
#[utoipa::path(get, path = "/api/v1/sub-pejabat/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 200, description = "Sub Pejabat", body = SubPejabatJson)))]
pub async fn lihat_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<SubPejabatJson>, WebError> {
    Ok(Json(SubPejabatJson::from(
        &s.registrasi
            .sub_pejabat(&a.aktor, crate::web::jalur::id(&id)?)
            .await?,
    )))
}

/// `PUT /api/v1/sub-pejabat/{id}` (multipart; `surat_tugas` optional).
#[utoipa::path(put, path = "/api/v1/sub-pejabat/{id}", tag = "struktur", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "nama_lengkap, nip, jenis_kepegawaian, jabatan, email, telepon, unit_id dan surat_tugas (PDF, boleh tidak diganti)"), responses((status = 200, description = "Sub Pejabat diubah", body = SubPejabatJson)))]
pub async fn ubah_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<SubPejabatJson>, WebError> {
    let f = FormMultipart::baca(m).await?;
    let sp = s
        .registrasi
        .ubah_sub_pejabat(
            &a.aktor,
            crate::web::jalur::id(&id)?,
            formulir(&f),
            f.berkas.get("surat_tugas").cloned(),
        )
        .await
        .map_err(|e| WebError::from(e).dokumen_di("surat_tugas"))?;
    Ok(Json(SubPejabatJson::from(&sp)))
}

/// `DELETE /api/v1/sub-pejabat/{id}`: deactivates; history and systems stay.
#[utoipa::path(delete, path = "/api/v1/sub-pejabat/{id}", tag = "struktur", params(("id" = String, Path)), responses((status = 204, description = "Sub Pejabat dihapus")))]
pub async fn hapus_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.registrasi
        .hapus_sub_pejabat(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/sub-pejabat/{id}/surat-tugas`: the PDF, as an attachment.
#[utoipa::path(get, path = "/api/v1/sub-pejabat/{id}/surat-tugas", tag = "struktur", params(("id" = String, Path)), responses((status = 200, description = "Surat Tugas (PDF)", body = crate::web::skema::Berkas, content_type = "application/pdf")))]
pub async fn surat_tugas(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (dok, isi) = s
        .registrasi
        .surat_tugas_sub_pejabat(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(crate::web::lampiran(
        &dok.nama_berkas,
        "application/pdf",
        isi,
    ))
}

/// `GET /api/v1/admin/sub-pejabat/{id}`: the admin's view of a Sub Pejabat (the same reading).
#[utoipa::path(get, path = "/api/v1/admin/sub-pejabat/{id}", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Sub Pejabat", body = SubPejabatJson)))]
pub async fn lihat_sub_admin(
    s: State<AppState>,
    a: Aktor,
    id: Path<String>,
) -> Result<Json<SubPejabatJson>, WebError> {
    lihat_sub(s, a, id).await
}

/// `GET /api/v1/admin/sub-pejabat/{id}/surat-tugas`: the admin's copy of the Surat Tugas.
#[utoipa::path(get, path = "/api/v1/admin/sub-pejabat/{id}/surat-tugas", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Surat Tugas (PDF)", body = crate::web::skema::Berkas, content_type = "application/pdf")))]
pub async fn surat_tugas_admin(
    s: State<AppState>,
    a: Aktor,
    id: Path<String>,
) -> Result<Response, WebError> {
    surat_tugas(s, a, id).await
}
