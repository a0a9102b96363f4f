//! The JSON API of electronic systems (`/api/v1/sistem-elektronik`), their admin decisions and the
//! public registry.

use crate::state::AppState;
use crate::trustmark::Trustmark;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::sistem::skema::{PublikJson, RingkasanSistemJson, SistemJson, url_verifikasi};
use crate::web::skema::Daftar;
use crate::web::unggah::FormMultipart;
use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pse_kernel::{InstansiId, Paging, UKURAN_HALAMAN};
use serde::Deserialize;
use serde_json::Value;
use sistem_elektronik::model::{Bagian, IsianDataAwal};
use sistem_elektronik::ports::{CariPublik, RingkasanPublik};

fn base_url(s: &AppState) -> String {
    s.konfigurasi.base_url()
}

/// Paging of a list: `page` (the first pages) or `setelah` (a cursor), and `batas`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryHalaman {
    pub(crate) page: Option<u64>,
    pub(crate) setelah: Option<String>,
    pub(crate) batas: Option<u64>,
}

impl QueryHalaman {
    /// The paging asked for, checked.
    pub fn paging(&self) -> Result<Paging, WebError> {
        Ok(Paging::baca(
            self.page,
            self.setelah.as_deref(),
            self.batas,
            UKURAN_HALAMAN,
        )?)
    }
}

/// `GET /api/v1/sistem-elektronik?page=|setelah=&batas=`: the actor's systems as summaries
/// (status, progress, category, Tanda Daftar), newest first; `GET …/{id}` has the rest.
#[utoipa::path(get, path = "/api/v1/sistem-elektronik", tag = "sistem", responses((status = 200, description = "Sistem elektronik", body = Daftar<RingkasanSistemJson>)))]
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryHalaman>,
) -> Result<Json<Daftar<RingkasanSistemJson>>, WebError> {
    let h = s.sistem.daftar(&a.aktor, &q.paging()?).await?;
    let base = base_url(&s);
    Ok(Json(Daftar::dari(h, |x| {
        RingkasanSistemJson::new(&x, &base)
    })))
}

/// `POST /api/v1/sistem-elektronik`: Data Awal → 201.
#[utoipa::path(post, path = "/api/v1/sistem-elektronik", tag = "sistem", request_body(content = Object, description = "Data Awal: nama_internal, nama_eksternal, keterangan, sasaran_pelayanan, kategori, kategori_akses, url (wajib bila online), publikasi_spbe, unit_id"), responses((status = 201, description = "Data Awal diajukan", body = SistemJson)))]
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<IsianDataAwal>,
) -> Result<Response, WebError> {
    let x = s.sistem.ajukan_data_awal(&a.aktor, b).await?;
    Ok((
        StatusCode::CREATED,
        Json(SistemJson::new(&x, &base_url(&s))),
    )
        .into_response())
}

/// `GET /api/v1/sistem-elektronik/{id}`.
#[utoipa::path(get, path = "/api/v1/sistem-elektronik/{id}", tag = "sistem", params(("id" = String, Path)), responses((status = 200, description = "Sistem elektronik dengan riwayat perubahannya", body = SistemJson)))]
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<SistemJson>, WebError> {
    let (x, riwayat) = s
        .perubahan
        .sistem_dengan_riwayat(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    let mut v = SistemJson::new(&x.sistem, &base_url(&s));
    if let (Some(status), Some(n)) = (
        s.sistem.status_notifikasi_bssn(&x.sistem).await?,
        v.tanda_daftar
            .as_mut()
            .and_then(|t| t.notifikasi_bssn.as_mut()),
    ) {
        n.status = status.kode();
    }
    v.riwayat = Some(riwayat.iter().map(Into::into).collect());
    Ok(Json(v))
}

/// `PUT /api/v1/sistem-elektronik/{id}/data-awal`: correct rejected Data Awal.
#[utoipa::path(put, path = "/api/v1/sistem-elektronik/{id}/data-awal", tag = "sistem", params(("id" = String, Path)), request_body(content = Object, description = "Data Awal yang diperbaiki: nama_internal, nama_eksternal, keterangan, sasaran_pelayanan, kategori, kategori_akses, url (wajib bila online), publikasi_spbe, unit_id"), responses((status = 200, description = "Data Awal dikirim ulang", body = SistemJson)))]
pub async fn perbaiki(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<IsianDataAwal>,
) -> Result<Json<SistemJson>, WebError> {
    Ok(Json(SistemJson::new(
        &s.sistem
            .perbaiki_data_awal(&a.aktor, crate::web::jalur::id(&id)?, b)
            .await?,
        &base_url(&s),
    )))
}

/// `PUT /api/v1/sistem-elektronik/{id}/bagian/{bagian}`.
#[utoipa::path(put, path = "/api/v1/sistem-elektronik/{id}/bagian/{bagian}", tag = "sistem", params(("id" = String, Path), ("bagian" = String, Path)), request_body(content = Object, description = "Isian bagian: kolom-kolom yang dinyatakan bagian itu"), responses((status = 200, description = "Bagian tersimpan", body = SistemJson)))]
pub async fn bagian(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, bagian)): Path<(String, String)>,
    Isian(b): Isian<Value>,
) -> Result<Json<SistemJson>, WebError> {
    let bagian = Bagian::parse(&bagian).ok_or_else(WebError::tidak_ditemukan)?;
    Ok(Json(SistemJson::new(
        &s.sistem
            .isi_bagian(&a.aktor, crate::web::jalur::id(&id)?, bagian, &b)
            .await?,
        &base_url(&s),
    )))
}

/// `PUT /api/v1/sistem-elektronik/{id}/bagian/{bagian}/draf`: keeps what was typed so far, unchecked.
#[utoipa::path(put, path = "/api/v1/sistem-elektronik/{id}/bagian/{bagian}/draf", tag = "sistem", params(("id" = String, Path), ("bagian" = String, Path)), request_body(content = Object, description = "Isian bagian sejauh ini, belum diperiksa"), responses((status = 200, description = "Draf tersimpan; bagian berstatus sedang diisi", body = SistemJson)))]
pub async fn draf_bagian(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, bagian)): Path<(String, String)>,
    Isian(b): Isian<Value>,
) -> Result<Json<SistemJson>, WebError> {
    let bagian = Bagian::parse(&bagian).ok_or_else(WebError::tidak_ditemukan)?;
    Ok(Json(SistemJson::new(
        &s.sistem
            .simpan_draf(&a.aktor, crate::web::jalur::id(&id)?, bagian, &b)
            .await?,
        &base_url(&s),
    )))
}

/// Body of the self-assessment.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Penilaian {
    jawaban: Vec<String>,
}

/// `PUT /api/v1/sistem-elektronik/{id}/penilaian-kategori` `{jawaban: ["A","B",…]}`.
#[utoipa::path(put, path = "/api/v1/sistem-elektronik/{id}/penilaian-kategori", tag = "sistem", params(("id" = String, Path)), request_body = Penilaian, responses((status = 200, description = "Skor dan kategori", body = SistemJson)))]
pub async fn penilaian(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Penilaian>,
) -> Result<Json<SistemJson>, WebError> {
    Ok(Json(SistemJson::new(
        &s.sistem
            .nilai_kategori(&a.aktor, crate::web::jalur::id(&id)?, &b.jawaban)
            .await?,
        &base_url(&s),
    )))
}

/// `POST /api/v1/sistem-elektronik/{id}/dokumen` (multipart `berkas` + `jenis`).
#[utoipa::path(post, path = "/api/v1/sistem-elektronik/{id}/dokumen", tag = "sistem", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "berkas (PDF) dan jenis: sop, arsitektur, manual, lainnya"), responses((status = 201, description = "Dokumen tersimpan", body = SistemJson)))]
pub async fn dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let (nama, isi) = f
        .berkas
        .get("berkas")
        .map(|b| (b.nama.clone(), b.isi.clone()))
        .unwrap_or_default();
    let x = s
        .sistem
        .unggah_dokumen(
            &a.aktor,
            crate::web::jalur::id(&id)?,
            &f.teks("jenis"),
            &nama,
            isi,
        )
        .await
        .map_err(|e| WebError::from(e).dokumen_di("berkas"))?;
    Ok((
        StatusCode::CREATED,
        Json(SistemJson::new(&x, &base_url(&s))),
    )
        .into_response())
}

/// `DELETE /api/v1/sistem-elektronik/{id}/dokumen/{sha256}`: removes a supporting document
/// before submission (409 once locked, 404 for a document the system does not hold).
#[utoipa::path(delete, path = "/api/v1/sistem-elektronik/{id}/dokumen/{sha256}", tag = "sistem", params(("id" = String, Path), ("sha256" = String, Path)), responses((status = 200, description = "Dokumen dihapus", body = SistemJson)))]
pub async fn hapus_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, sha256)): Path<(String, String)>,
) -> Result<Json<SistemJson>, WebError> {
    let (x, _) = s
        .sistem
        .hapus_dokumen(&a.aktor, crate::web::jalur::id(&id)?, &sha256)
        .await?;
    Ok(Json(SistemJson::new(&x, &base_url(&s))))
}

/// `GET /api/v1/sistem-elektronik/{id}/dokumen/{sha256}`: a supporting PDF.
#[utoipa::path(get, path = "/api/v1/sistem-elektronik/{id}/dokumen/{sha256}", tag = "sistem", params(("id" = String, Path), ("sha256" = String, Path)), responses((status = 200, description = "Dokumen PDF", body = crate::web::skema::Berkas, content_type = "application/pdf")))]
pub async fn unduh_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, sha)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (d, isi) = s
        .sistem
        .dokumen(&a.aktor, crate::web::jalur::id(&id)?, &sha)
        .await?;
    Ok(crate::web::lampiran(&d.nama_berkas, "application/pdf", isi))
}

/// Body of a submission: the declaration that what was filled in is true.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Pengajuan {
    /// `true`: "data yang saya isi benar dan dapat dipertanggungjawabkan".
    pernyataan: Option<bool>,
}

/// `POST /api/v1/sistem-elektronik/{id}/ajukan` `{pernyataan: true}`: submit at 100%.
#[utoipa::path(post, path = "/api/v1/sistem-elektronik/{id}/ajukan", tag = "sistem", params(("id" = String, Path)), request_body = Pengajuan, responses((status = 200, description = "Formulir diajukan", body = SistemJson)))]
pub async fn ajukan_formulir(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Pengajuan>,
) -> Result<Json<SistemJson>, WebError> {
    Ok(Json(SistemJson::new(
        &s.sistem
            .ajukan(
                &a.aktor,
                crate::web::jalur::id(&id)?,
                b.pernyataan.unwrap_or(false),
            )
            .await?,
        &base_url(&s),
    )))
}

/// Query of the public registry.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryPublik {
    q: String,
    instansi: String,
    kategori: String,
    provinsi: String,
    page: Option<u64>,
    setelah: Option<String>,
    batas: Option<u64>,
}

/// `GET /api/v1/publik/sistem-elektronik?q=&instansi=&kategori=&provinsi=&page=|setelah=&batas=`:
/// the first pages by number, any depth by the cursor `berikutnya` of the page before.
#[utoipa::path(get, path = "/api/v1/publik/sistem-elektronik", tag = "publik", responses((status = 200, description = "Sistem elektronik terdaftar yang dipublikasikan", body = Daftar<PublikJson>)))]
pub async fn cari_publik(
    State(s): State<AppState>,
    Query(q): Query<QueryPublik>,
) -> Result<Json<Daftar<PublikJson>>, WebError> {
    let cari = CariPublik {
        q: q.q,
        instansi: q.instansi.parse::<InstansiId>().ok(),
        kategori: Some(q.kategori).filter(|k| !k.is_empty()),
        provinsi: Some(q.provinsi).filter(|p| !p.is_empty()),
        paging: Paging::baca(q.page, q.setelah.as_deref(), q.batas, UKURAN_HALAMAN)?,
    };
    let h = s.sistem.cari_publik(&cari).await?;
    let base = base_url(&s);
    Ok(Json(Daftar::dari(h, |x| PublikJson::new(&x, &base))))
}

/// `GET /api/v1/publik/tanda-daftar/{nomor}`: verification of a Tanda Daftar.
#[utoipa::path(get, path = "/api/v1/publik/tanda-daftar/{nomor}", tag = "publik", params(("nomor" = u64, Path)), responses((status = 200, description = "Tanda Daftar sah", body = PublikJson), (status = 404, description = "Nomor tidak terdaftar")))]
pub async fn verifikasi(
    State(s): State<AppState>,
    Path(nomor): Path<String>,
) -> Result<Json<PublikJson>, WebError> {
    let nomor: u64 = nomor
        .trim()
        .parse()
        .map_err(|_| WebError::new(StatusCode::NOT_FOUND, "Nomor Tanda Daftar tidak terdaftar."))?;
    match s.sistem.verifikasi(nomor).await {
        Ok(x) => Ok(Json(PublikJson::new(
            &RingkasanPublik::from(&x),
            &base_url(&s),
        ))),
        Err(sistem_elektronik::SistemError::TidakDitemukan) => Err(WebError::new(
            StatusCode::NOT_FOUND,
            format!("Nomor Tanda Daftar {nomor} tidak terdaftar."),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Renders the trustmark of a registered system, for those who may see it, with `gambar`.
async fn trustmark<T>(
    s: &AppState,
    a: &Aktor,
    id: &str,
    gambar: impl FnOnce(&Trustmark<'_>) -> Result<T, pse_kernel::InfraError>,
) -> Result<(u64, T), WebError> {
    let x = s
        .sistem
        .lihat_bernama(&a.aktor, crate::web::jalur::id(id)?)
        .await?;
    let td = x.sistem.tanda_daftar.as_ref().ok_or_else(|| {
        WebError::new(
            StatusCode::CONFLICT,
            "Tanda Daftar belum terbit: sistem ini belum terdaftar.",
        )
    })?;
    let tanggal = pse_kernel::kalender::tanggal_panjang(td.tanggal_terbit);
    let url = url_verifikasi(&base_url(s), td.nomor);
    let t = Trustmark {
        nama: &x.sistem.data_awal.nama_eksternal,
        instansi: &x.instansi,
        nomor: td.nomor,
        tanggal: &tanggal,
        url_verifikasi: &url,
    };
    Ok((td.nomor, gambar(&t).map_err(WebError::from)?))
}

/// `GET /api/v1/sistem-elektronik/{id}/tanda-daftar.svg`.
#[utoipa::path(get, path = "/api/v1/sistem-elektronik/{id}/tanda-daftar.svg", tag = "sistem", params(("id" = String, Path)), responses((status = 200, description = "Trustmark SVG dengan kode QR verifikasi", body = String, content_type = "image/svg+xml"), (status = 409, description = "Belum terdaftar")))]
pub async fn trustmark_svg(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (nomor, isi) = trustmark(&s, &a, &id, |t| t.svg()).await?;
    Ok(crate::web::lampiran(
        &format!("tanda-daftar-{nomor}.svg"),
        "image/svg+xml",
        isi.into_bytes(),
    ))
}

/// `GET /api/v1/sistem-elektronik/{id}/tanda-daftar.png`.
#[utoipa::path(get, path = "/api/v1/sistem-elektronik/{id}/tanda-daftar.png", tag = "sistem", params(("id" = String, Path)), responses((status = 200, description = "Trustmark PNG dengan kode QR verifikasi", body = crate::web::skema::Berkas, content_type = "image/png"), (status = 409, description = "Belum terdaftar")))]
pub async fn trustmark_png(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (nomor, isi) = trustmark(&s, &a, &id, |t| t.png()).await?;
    Ok(crate::web::lampiran(
        &format!("tanda-daftar-{nomor}.png"),
        "image/png",
        isi,
    ))
}
