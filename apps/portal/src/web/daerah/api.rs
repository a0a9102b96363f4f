//! The JSON API of the pemda intake: `/api/v1/layanan-daerah/petugas` (the pejabat's petugas)
//! and `/api/v1/permohonan-daerah` (the requests and each step).

use crate::state::AppState;
use crate::web::daerah::skema::{PermohonanDaerahJson, PetugasJson};
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::skema::Daftar;
use crate::web::unggah::FormMultipart;
use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use permohonan_daerah::PermohonanDaerah;
use permohonan_daerah::model::FormPermohonan;
use permohonan_daerah::service::{GalatDaerah, Unggahan};
use registrasi_pejabat::service::IsianPetugas;
use serde::Deserialize;
use sistem_elektronik::model::IsianDataAwal;

impl From<GalatDaerah> for WebError {
    fn from(e: GalatDaerah) -> Self {
        match e {
            GalatDaerah::Galat(g) => g.into(),
            GalatDaerah::Berkas { field, sebab } => WebError::from(sebab).dokumen_di(field),
        }
    }
}

/// The file of `field`, as the service takes it.
pub(crate) fn unggahan(f: &FormMultipart, field: &str) -> Option<Unggahan> {
    f.berkas.get(field).map(|b| Unggahan {
        nama_berkas: b.nama.clone(),
        isi: b.isi.clone(),
    })
}

/// The application's fields of a multipart form.
pub(crate) fn formulir(f: &FormMultipart) -> FormPermohonan {
    FormPermohonan {
        nama_sistem: f.teks("nama_sistem"),
        deskripsi: f.teks("deskripsi"),
        nomor_surat: f.teks("nomor_surat"),
        tanggal_surat: f.teks("tanggal_surat"),
    }
}

/// A request as JSON, its times in its office's zone.
pub(crate) async fn json(
    s: &AppState,
    p: &PermohonanDaerah,
) -> Result<PermohonanDaerahJson, WebError> {
    let w = s.daerah.waktu_kerja(p.instansi_id).await?;
    Ok(PermohonanDaerahJson::new(p, &w, s.store.sekarang()))
}

/// Body of an invitation.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct UndangPetugas {
    nama: String,
    nip: String,
    jabatan: String,
    email: String,
    /// `kepala_dinas`, `kepala_bidang`, `tim_teknis`.
    tugas: String,
}

impl From<UndangPetugas> for IsianPetugas {
    fn from(b: UndangPetugas) -> Self {
        Self {
            nama: b.nama,
            nip: b.nip,
            jabatan: b.jabatan,
            email: b.email,
            tugas: b.tugas,
        }
    }
}

/// `POST /api/v1/layanan-daerah/petugas` `{nama, nip, jabatan, email, tugas}` → 201; the
/// activation link goes by email.
#[utoipa::path(post, path = "/api/v1/layanan-daerah/petugas", tag = "daerah", request_body = UndangPetugas, responses((status = 201, description = "Petugas diundang, menunggu aktivasi", body = PetugasJson)))]
pub async fn undang(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<UndangPetugas>,
) -> Result<Response, WebError> {
    let akun = s.registrasi.undang_petugas(&a.aktor, &b.into()).await?;
    Ok((StatusCode::CREATED, Json(PetugasJson::from(&akun))).into_response())
}

/// `GET /api/v1/layanan-daerah/petugas`: the pemda's petugas, by name.
#[utoipa::path(get, path = "/api/v1/layanan-daerah/petugas", tag = "daerah", responses((status = 200, description = "Petugas layanan daerah", body = Daftar<PetugasJson>)))]
pub async fn daftar_petugas(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Json<Daftar<PetugasJson>>, WebError> {
    let v = s.registrasi.daftar_petugas(&a.aktor).await?;
    Ok(Json(Daftar::semua(
        v.iter().map(PetugasJson::from).collect(),
    )))
}

/// `POST /api/v1/layanan-daerah/petugas/{id}/akhiri`: the petugas' account ends.
#[utoipa::path(post, path = "/api/v1/layanan-daerah/petugas/{id}/akhiri", tag = "daerah", params(("id" = String, Path)), request_body(content = Object, description = "kosong"), responses((status = 200, description = "Petugas diakhiri", body = PetugasJson)))]
pub async fn akhiri(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PetugasJson>, WebError> {
    let akun = s
        .registrasi
        .akhiri_petugas(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json(PetugasJson::from(&akun)))
}

/// `POST /api/v1/permohonan-daerah` (multipart: `nama_sistem`, `deskripsi`, `nomor_surat`,
/// `tanggal_surat`, `surat_rekomendasi` and `laporan_tahapan` as PDF) → 201.
#[utoipa::path(post, path = "/api/v1/permohonan-daerah", tag = "daerah", request_body(content_type = "multipart/form-data", description = "nama_sistem, deskripsi, nomor_surat, tanggal_surat (TTTT-BB-HH), surat_rekomendasi dan laporan_tahapan (PDF)"), responses((status = 201, description = "Permohonan diajukan kepada Kepala Dinas", body = PermohonanDaerahJson)))]
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let p = s
        .daerah
        .ajukan(
            &a.aktor,
            &formulir(&f),
            unggahan(&f, "surat_rekomendasi"),
            unggahan(&f, "laporan_tahapan"),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json(&s, &p).await?)).into_response())
}

/// `GET /api/v1/permohonan-daerah?setelah=&batas=`: what waits for a petugas, a pejabat's whole
/// pemda, an applicant's own; oldest first.
#[utoipa::path(get, path = "/api/v1/permohonan-daerah", tag = "daerah", params(("setelah" = Option<String>, Query), ("batas" = Option<u64>, Query)), responses((status = 200, description = "Permohonan daerah, terlama dahulu", body = Daftar<PermohonanDaerahJson>)))]
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<crate::web::skema::QueryKursor>,
) -> Result<Json<Daftar<PermohonanDaerahJson>>, WebError> {
    let h = s.daerah.daftar(&a.aktor, &q.paging()?).await?;
    // A list is one pemda's: one office, one zone.
    let w = match h.items.first() {
        Some(p) => s.daerah.waktu_kerja(p.instansi_id).await?,
        None => pse_kernel::WaktuKerja::new(
            s.kalender.clone(),
            pse_kernel::JamKerja::default(),
            pse_kernel::ZonaWaktu::Wib,
        ),
    };
    let sekarang = s.store.sekarang();
    Ok(Json(Daftar::dari(h, |p| {
        PermohonanDaerahJson::new(&p, &w, sekarang)
    })))
}

/// `GET /api/v1/permohonan-daerah/{id}`.
#[utoipa::path(get, path = "/api/v1/permohonan-daerah/{id}", tag = "daerah", params(("id" = String, Path)), responses((status = 200, description = "Permohonan daerah dengan langkah dan waktunya", body = PermohonanDaerahJson)))]
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PermohonanDaerahJson>, WebError> {
    let p = s
        .daerah
        .lihat(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json(json(&s, &p).await?))
}

/// Body of a disposition.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Disposisi {
    /// The receiving petugas' account id.
    kepada_id: Option<String>,
    instruksi: String,
}

/// `POST /api/v1/permohonan-daerah/{id}/disposisi` `{kepada_id, instruksi}`.
#[utoipa::path(post, path = "/api/v1/permohonan-daerah/{id}/disposisi", tag = "daerah", params(("id" = String, Path)), request_body = Disposisi, responses((status = 200, description = "Didisposisikan", body = PermohonanDaerahJson)))]
pub async fn disposisi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Disposisi>,
) -> Result<Json<PermohonanDaerahJson>, WebError> {
    let kepada = b.kepada_id.as_deref().and_then(|k| k.trim().parse().ok());
    let p = s
        .daerah
        .disposisi(&a.aktor, crate::web::jalur::id(&id)?, kepada, &b.instruksi)
        .await?;
    Ok(Json(json(&s, &p).await?))
}

/// Body of a return.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Kembalikan {
    /// What the applicant must complete.
    kekurangan: String,
}

/// `POST /api/v1/permohonan-daerah/{id}/kembalikan` `{kekurangan}`.
#[utoipa::path(post, path = "/api/v1/permohonan-daerah/{id}/kembalikan", tag = "daerah", params(("id" = String, Path)), request_body = Kembalikan, responses((status = 200, description = "Dikembalikan kepada pemohon", body = PermohonanDaerahJson)))]
pub async fn kembalikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Kembalikan>,
) -> Result<Json<PermohonanDaerahJson>, WebError> {
    let p = s
        .daerah
        .kembalikan(&a.aktor, crate::web::jalur::id(&id)?, &b.kekurangan)
        .await?;
    Ok(Json(json(&s, &p).await?))
}

/// `POST /api/v1/permohonan-daerah/{id}/lengkapi` (multipart: `keterangan`, and
/// `surat_rekomendasi` and/or `laporan_tahapan` as PDF).
#[utoipa::path(post, path = "/api/v1/permohonan-daerah/{id}/lengkapi", tag = "daerah", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "keterangan, surat_rekomendasi dan/atau laporan_tahapan (PDF)"), responses((status = 200, description = "Dilengkapi, kembali kepada Tim Teknis", body = PermohonanDaerahJson)))]
pub async fn lengkapi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<PermohonanDaerahJson>, WebError> {
    let id = crate::web::jalur::id(&id)?;
    let f = FormMultipart::baca(m).await?;
    let p = s
        .daerah
        .lengkapi(
            &a.aktor,
            id,
            unggahan(&f, "surat_rekomendasi"),
            unggahan(&f, "laporan_tahapan"),
            &f.teks("keterangan"),
        )
        .await?;
    Ok(Json(json(&s, &p).await?))
}

/// `POST /api/v1/permohonan-daerah/{id}/catat` with a Data Awal: the Sistem Elektronik of the
/// OPD's unit, linked as `sistem_elektronik_id`.
#[utoipa::path(post, path = "/api/v1/permohonan-daerah/{id}/catat", tag = "daerah", params(("id" = String, Path)), request_body(content = Object, description = "Data Awal: nama_internal, nama_eksternal, keterangan, sasaran_pelayanan, kategori, kategori_akses, url, publikasi_spbe"), responses((status = 200, description = "Sistem elektronik dicatat", body = PermohonanDaerahJson)))]
pub async fn catat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<IsianDataAwal>,
) -> Result<Json<PermohonanDaerahJson>, WebError> {
    let (p, _) = s
        .daerah
        .catat(&a.aktor, crate::web::jalur::id(&id)?, &b)
        .await?;
    Ok(Json(json(&s, &p).await?))
}

/// Body of the report.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Selesaikan {
    /// The result for the leadership and the applicant.
    ringkasan: String,
}

/// `POST /api/v1/permohonan-daerah/{id}/selesaikan` `{ringkasan}`: the Surat Balasan goes out.
#[utoipa::path(post, path = "/api/v1/permohonan-daerah/{id}/selesaikan", tag = "daerah", params(("id" = String, Path)), request_body = Selesaikan, responses((status = 200, description = "Selesai, surat balasan terkirim", body = PermohonanDaerahJson)))]
pub async fn selesaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Selesaikan>,
) -> Result<Json<PermohonanDaerahJson>, WebError> {
    let p = s
        .daerah
        .selesaikan(&a.aktor, crate::web::jalur::id(&id)?, &b.ringkasan)
        .await?;
    Ok(Json(json(&s, &p).await?))
}
