//! The JSON API under `/api/v1` (DESIGN.md's contract). Errors are `application/problem+json`.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::skema::{
    Daftar, HasilKeputusan, IdStatus, InstansiJson, PermohonanJson, PerubahanJson, Pesan, Saya,
    WilayahJson,
};
use crate::web::skema_admin::{AuditJson, ItemAntrianJson, RingkasanMeja, SurelTertundaJson};
use crate::web::skema_sistem::SistemJson;
use crate::web::unggah::FormMultipart;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Json, response::Response};
use pse_kernel::{AkunId, JenisAntrian, Keputusan};
use registrasi_pejabat::service::UbahProfil;
use secrecy::SecretString;
use serde::Deserialize;

/// `GET /healthz`.
#[utoipa::path(get, path = "/healthz", tag = "sistem", responses((status = 200, description = "Hidup", body = String, content_type = "text/plain")))]
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "sistem", responses((status = 200, description = "Siap: basis data menjawab", body = String, content_type = "text/plain"), (status = 503, description = "Basis data tidak menjawab", body = String, content_type = "text/plain")))]
pub async fn readyz(State(s): State<AppState>) -> Response {
    if s.store.siap().await {
        (StatusCode::OK, "siap").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "basis data tidak menjawab").into_response()
    }
}

/// `GET /api/v1/wilayah/provinsi`.
#[utoipa::path(get, path = "/api/v1/wilayah/provinsi", tag = "referensi", responses((status = 200, description = "Semua provinsi", body = Daftar<WilayahJson>)))]
pub async fn provinsi(State(s): State<AppState>) -> Result<Json<Daftar<WilayahJson>>, WebError> {
    let v = s
        .referensi
        .daftar_provinsi()
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)?;
    Ok(Json(Daftar::semua(v.into_iter().map(Into::into).collect())))
}

/// `GET /api/v1/wilayah/provinsi/{kode}/kota`.
#[utoipa::path(get, path = "/api/v1/wilayah/provinsi/{kode}/kota", tag = "referensi", params(("kode" = String, Path)), responses((status = 200, description = "Kabupaten/kota satu provinsi", body = Daftar<WilayahJson>)))]
pub async fn kota(
    State(s): State<AppState>,
    Path(kode): Path<String>,
) -> Result<Json<Daftar<WilayahJson>>, WebError> {
    let kota = s
        .referensi
        .daftar_kota(&kode)
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)?;
    Ok(Json(Daftar::semua(
        kota.into_iter().map(Into::into).collect(),
    )))
}

/// Query of `GET /api/v1/instansi`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CariInstansi {
    q: String,
    provinsi: String,
    page: Option<u64>,
}

/// `GET /api/v1/instansi?q=&provinsi=`: verified instansi.
#[utoipa::path(get, path = "/api/v1/instansi", tag = "referensi", params(("q" = String, Query), ("provinsi" = String, Query), ("page" = String, Query)), responses((status = 200, description = "Instansi terverifikasi", body = Daftar<InstansiJson>)))]
pub async fn instansi(
    State(s): State<AppState>,
    Query(q): Query<CariInstansi>,
) -> Result<Json<Daftar<InstansiJson>>, WebError> {
    let h = s
        .referensi
        .cari_instansi(
            &q.q,
            Some(q.provinsi.as_str()),
            pse_kernel::Paging::nomor(q.page)?,
        )
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)?;
    Ok(Json(Daftar::dari(h, |i| InstansiJson::from(&i))))
}

/// `POST /api/v1/pendaftaran-pejabat` (multipart) → 201 `{id, status}`.
#[utoipa::path(post, path = "/api/v1/pendaftaran-pejabat", tag = "pendaftaran", request_body(content_type = "multipart/form-data", description = "Isian formulir pendaftaran dan dokumen (PDF)"), responses((status = 201, description = "Permohonan diajukan", body = IdStatus)))]
pub async fn daftar_pejabat(
    State(s): State<AppState>,
    aktor: Aktor,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let berkas = f.berkas.get("dokumen").cloned();
    let p = s
        .registrasi
        .ajukan(&aktor.aktor, f.formulir_pendaftaran(), berkas)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(IdStatus::new(p.id, p.status.kode())),
    )
        .into_response())
}

/// `PUT /api/v1/pendaftaran-pejabat/{id}` (multipart with `kode_perbaikan`): corrected resubmission.
#[utoipa::path(put, path = "/api/v1/pendaftaran-pejabat/{id}", tag = "pendaftaran", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "Isian perbaikan dengan kode_perbaikan dan dokumen (PDF)"), responses((status = 200, description = "Perbaikan dikirim", body = IdStatus)))]
pub async fn perbaiki_pejabat(
    State(s): State<AppState>,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<IdStatus>, WebError> {
    let id = super::jalur::id(&id)?;
    let f = FormMultipart::baca(m).await?;
    let berkas = f.berkas.get("dokumen").cloned();
    let p = s
        .registrasi
        .ajukan_ulang(
            id,
            &f.teks("kode_perbaikan"),
            f.formulir_pendaftaran(),
            berkas,
        )
        .await?;
    Ok(Json(IdStatus::new(p.id, p.status.kode())))
}

/// Body of `POST /api/v1/aktivasi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Aktivasi {
    token: String,
    #[schema(value_type = String)]
    kata_sandi: SecretString,
}

/// `POST /api/v1/aktivasi`: sets the first password.
#[utoipa::path(post, path = "/api/v1/aktivasi", tag = "akun", request_body = Aktivasi, responses((status = 200, description = "Akun diaktifkan", body = IdStatus)))]
pub async fn aktivasi(
    State(s): State<AppState>,
    Isian(b): Isian<Aktivasi>,
) -> Result<Json<IdStatus>, WebError> {
    let akun = s.registrasi.aktivasi(&b.token, b.kata_sandi).await?;
    Ok(Json(IdStatus::new(akun.id, akun.status.kode())))
}

/// Body of `POST /api/v1/lupa-kata-sandi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Lupa {
    email: String,
}

/// `POST /api/v1/lupa-kata-sandi`: a reset link to the email if it is an active account's; the
/// same 202 either way.
#[utoipa::path(post, path = "/api/v1/lupa-kata-sandi", tag = "akun", request_body = Lupa, responses((status = 202, description = "Diterima; tautan dikirim bila email milik akun aktif", body = Pesan)))]
pub async fn lupa_kata_sandi(
    State(s): State<AppState>,
    Isian(b): Isian<Lupa>,
) -> Result<(StatusCode, Json<Pesan>), WebError> {
    s.registrasi.minta_reset(&b.email).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Pesan {
            pesan: crate::web::halaman_reset::PESAN_TERKIRIM.to_string(),
        }),
    ))
}

/// Body of `POST /api/v1/atur-ulang-kata-sandi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AturUlang {
    token: String,
    #[schema(value_type = String)]
    kata_sandi: SecretString,
}

/// `POST /api/v1/atur-ulang-kata-sandi`: redeems a reset link; every session of the account ends.
#[utoipa::path(post, path = "/api/v1/atur-ulang-kata-sandi", tag = "akun", request_body = AturUlang, responses((status = 200, description = "Kata sandi baru tersimpan", body = IdStatus)))]
pub async fn atur_ulang_kata_sandi(
    State(s): State<AppState>,
    aktor: Aktor,
    Isian(b): Isian<AturUlang>,
) -> Result<Json<IdStatus>, WebError> {
    let akun = s
        .registrasi
        .atur_ulang_kata_sandi(&b.token, b.kata_sandi)
        .await?;
    aktor.keluar().await;
    Ok(Json(IdStatus::new(akun.id, akun.status.kode())))
}

/// Body of `POST /api/v1/sesi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Masuk {
    email: String,
    #[schema(value_type = String)]
    kata_sandi: SecretString,
}

/// `POST /api/v1/sesi`: log in.
#[utoipa::path(post, path = "/api/v1/sesi", tag = "akun", request_body = Masuk, responses((status = 200, description = "Masuk", body = Saya)))]
pub async fn masuk(
    State(s): State<AppState>,
    aktor: Aktor,
    klien: crate::web::klien::AlamatKlien,
    Isian(b): Isian<Masuk>,
) -> Result<Json<Saya>, WebError> {
    let akun = s
        .registrasi
        .masuk(&b.email, &b.kata_sandi, &klien.teks())
        .await?;
    aktor.masuk(&akun).await?;
    Ok(Json(Saya::new(&akun, None, None)))
}

/// `DELETE /api/v1/sesi`: log out.
#[utoipa::path(delete, path = "/api/v1/sesi", tag = "akun", responses((status = 204, description = "Keluar")))]
pub async fn keluar(aktor: Aktor) -> StatusCode {
    aktor.keluar().await;
    StatusCode::NO_CONTENT
}

/// `GET /api/v1/saya`.
#[utoipa::path(get, path = "/api/v1/saya", tag = "akun", responses((status = 200, description = "Akun dan instansi yang masuk", body = Saya)))]
pub async fn saya(State(s): State<AppState>, aktor: Aktor) -> Result<Json<Saya>, WebError> {
    let (akun, instansi, unit) = s.registrasi.profil(&aktor.aktor).await?;
    Ok(Json(Saya::new(&akun, instansi.as_ref(), unit.as_ref())))
}

/// `PUT /api/v1/saya`: update the profile (R-PEJ-15).
#[utoipa::path(put, path = "/api/v1/saya", tag = "akun", request_body = Profil, responses((status = 200, description = "Profil diubah", body = Saya)))]
pub async fn ubah_saya(
    State(s): State<AppState>,
    aktor: Aktor,
    Isian(b): Isian<Profil>,
) -> Result<Json<Saya>, WebError> {
    let ubah = UbahProfil {
        nama: b.nama,
        jabatan: b.jabatan,
        telepon_kantor: b.telepon_kantor,
        nomor_hp: b.nomor_hp,
    };
    s.registrasi.ubah_profil(&aktor.aktor, ubah).await?;
    let (akun, instansi, unit) = s.registrasi.profil(&aktor.aktor).await?;
    Ok(Json(Saya::new(&akun, instansi.as_ref(), unit.as_ref())))
}

/// Body of `PUT /api/v1/saya`.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Profil {
    nama: String,
    jabatan: String,
    telepon_kantor: String,
    nomor_hp: String,
}

/// `GET /api/v1/admin/antrian?jenis=&terlambat=1&setelah=&batas=`: everything waiting, oldest
/// first, a page at a time (the cursor `berikutnya` opens the next), from the verification desk.
#[utoipa::path(get, path = "/api/v1/admin/antrian", tag = "admin", params(("jenis" = Option<String>, Query), ("terlambat" = Option<String>, Query)), responses((status = 200, description = "Antrean verifikasi, terlama dahulu", body = Daftar<ItemAntrianJson>)))]
pub async fn antrian(
    State(s): State<AppState>,
    aktor: Aktor,
    Query(q): Query<super::antrian::QueryAntrian>,
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
        .permohonan(&aktor.aktor, super::jalur::id(&id)?)
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
        .dokumen_permohonan(&aktor.aktor, super::jalur::id(&id)?)
        .await?;
    Ok(super::lampiran(&dok.nama_berkas, "application/pdf", isi))
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
                .lihat(&aktor.aktor, super::jalur::id(&d.id)?)
                .await?;
            HasilKeputusan::Sistem(Box::new(SistemJson::new(&x, &s.konfigurasi.base_url())))
        }
        JenisAntrian::PerubahanData => {
            let p = s
                .perubahan
                .lihat(&aktor.aktor, super::jalur::id(&d.id)?)
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
