//! The JSON API of the office applications (DESIGN "Aplikasi Perkantoran").

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sep::skema::{
    AplikasiJson, PenggunaSepJson, PenyalahgunaanJson, PermohonanSepJson, PerubahanJson,
    SinkronJson, TokenJson,
};
use crate::web::sesi::Aktor;
use crate::web::skema::Daftar;
use crate::web::unggah::FormMultipart;
use aplikasi_perkantoran::katalog::IsianAplikasi;
use aplikasi_perkantoran::permohonan::FormPermohonanSep;
use aplikasi_perkantoran::service::{GalatSep, IsianPengguna, Unggahan};
use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use secrecy::ExposeSecret;
use serde::Deserialize;

impl From<GalatSep> for WebError {
    fn from(e: GalatSep) -> Self {
        match e {
            GalatSep::Galat(g) => g.into(),
            GalatSep::Berkas { field, sebab } => WebError::from(sebab).dokumen_di(field),
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
pub(crate) fn formulir(f: &FormMultipart) -> FormPermohonanSep {
    FormPermohonanSep {
        sekretaris_nama: f.teks("sekretaris_nama"),
        sekretaris_nip: f.teks("sekretaris_nip"),
        sekretaris_jabatan: f.teks("sekretaris_jabatan"),
        sekretaris_email: f.teks("sekretaris_email"),
        admin_nama: f.teks("admin_nama"),
        admin_nip: f.teks("admin_nip"),
        admin_jabatan: f.teks("admin_jabatan"),
        admin_email: f.teks("admin_email"),
        admin_nomor_hp: f.teks("admin_nomor_hp"),
    }
}

/// `GET /api/v1/publik/aplikasi-perkantoran`: the catalogue.
#[utoipa::path(get, path = "/api/v1/publik/aplikasi-perkantoran", tag = "sep", responses((status = 200, description = "Katalog aplikasi perkantoran", body = Daftar<AplikasiJson>)))]
pub async fn katalog(State(s): State<AppState>) -> Result<Json<Daftar<AplikasiJson>>, WebError> {
    let v = s.sep.katalog().await?;
    Ok(Json(Daftar::semua(v.iter().map(Into::into).collect())))
}

/// Body of a catalogue entry.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Aplikasi {
    nama: String,
    deskripsi: String,
    url: String,
    dasar_penetapan: String,
}

/// `POST /api/v1/admin/aplikasi-perkantoran` → 201.
#[utoipa::path(post, path = "/api/v1/admin/aplikasi-perkantoran", tag = "admin", request_body = Aplikasi, responses((status = 201, description = "Aplikasi ditambahkan ke katalog", body = AplikasiJson)))]
pub async fn tambah_aplikasi(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<Aplikasi>,
) -> Result<Response, WebError> {
    let x = s
        .sep
        .tambah_aplikasi(
            &a.aktor,
            &IsianAplikasi {
                nama: b.nama,
                deskripsi: b.deskripsi,
                url: b.url,
                dasar_penetapan: b.dasar_penetapan,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(AplikasiJson::from(&x))).into_response())
}

/// `POST /api/v1/admin/aplikasi-perkantoran/{id}/token`: a new sync token, shown once (the
/// earlier one stops working).
#[utoipa::path(post, path = "/api/v1/admin/aplikasi-perkantoran/{id}/token", tag = "admin", params(("id" = String, Path)), request_body(content = Object, description = "kosong"), responses((status = 201, description = "Token sinkron (ditampilkan sekali)", body = TokenJson)))]
pub async fn terbitkan_token(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let t = s
        .sep
        .terbitkan_token(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(TokenJson {
            token: t.expose_secret().to_string(),
        }),
    )
        .into_response())
}

/// `DELETE /api/v1/admin/aplikasi-perkantoran/{id}/token`: revokes the sync token.
#[utoipa::path(delete, path = "/api/v1/admin/aplikasi-perkantoran/{id}/token", tag = "admin", params(("id" = String, Path)), responses((status = 204, description = "Token dicabut")))]
pub async fn cabut_token(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<StatusCode, WebError> {
    s.sep
        .cabut_token(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/permohonan-sep` (multipart: `aplikasi_id`, `instansi_id`, the Sekretaris' and
/// the Admin Pengelola's fields, `surat_kuasa` and `bukti_kepegawaian` as PDF) → 201 with the
/// status link's `kode`, shown once.
#[utoipa::path(post, path = "/api/v1/permohonan-sep", tag = "sep", request_body(content_type = "multipart/form-data", description = "aplikasi_id, instansi_id, sekretaris_nama, sekretaris_nip, sekretaris_jabatan, sekretaris_email, admin_nama, admin_nip, admin_jabatan, admin_email, admin_nomor_hp, surat_kuasa dan bukti_kepegawaian (PDF)"), responses((status = 201, description = "Permohonan diterima", body = PermohonanSepJson)))]
pub async fn ajukan_sep(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, WebError> {
    let f = FormMultipart::baca(m).await?;
    let d = s
        .sep
        .ajukan(
            &a.aktor,
            &f.teks("aplikasi_id"),
            &f.teks("instansi_id"),
            &formulir(&f),
            unggahan(&f, "surat_kuasa"),
            unggahan(&f, "bukti_kepegawaian"),
        )
        .await?;
    let mut j = PermohonanSepJson::new(&d.permohonan, s.store.sekarang());
    j.kode = Some(d.kode.expose_secret().to_string());
    Ok((StatusCode::CREATED, Json(j)).into_response())
}

/// Query of a status link.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryKode {
    kode: String,
}

/// `GET /api/v1/permohonan-sep/{id}?kode=`: the request behind its status link.
#[utoipa::path(get, path = "/api/v1/permohonan-sep/{id}", tag = "sep", params(("id" = String, Path), ("kode" = String, Query)), responses((status = 200, description = "Status permohonan", body = PermohonanSepJson)))]
pub async fn status_sep(
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<QueryKode>,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let st = s.sep.status(crate::web::jalur::id(&id)?, &q.kode).await?;
    Ok(Json(PermohonanSepJson::new(
        &st.permohonan,
        s.store.sekarang(),
    )))
}

/// `POST /api/v1/permohonan-sep/{id}/perbaiki` (multipart: `kode`, the fields, and the PDFs to
/// replace): the correction asked for, on the same request.
#[utoipa::path(post, path = "/api/v1/permohonan-sep/{id}/perbaiki", tag = "sep", params(("id" = String, Path)), request_body(content_type = "multipart/form-data", description = "kode, isian permohonan, dan surat_kuasa / bukti_kepegawaian pengganti (PDF, boleh kosong)"), responses((status = 200, description = "Permohonan diperbaiki", body = PermohonanSepJson)))]
pub async fn perbaiki_sep(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let id = crate::web::jalur::id(&id)?;
    let f = FormMultipart::baca(m).await?;
    let p = s
        .sep
        .perbaiki(
            &a.aktor,
            id,
            &f.teks("kode"),
            &formulir(&f),
            unggahan(&f, "surat_kuasa"),
            unggahan(&f, "bukti_kepegawaian"),
        )
        .await?;
    Ok(Json(PermohonanSepJson::new(&p, s.store.sekarang())))
}

/// `GET /api/v1/admin/permohonan-sep?setelah=&batas=`: requests waiting, oldest first, with
/// their due time and whether it passed.
#[utoipa::path(get, path = "/api/v1/admin/permohonan-sep", tag = "admin", params(("setelah" = Option<String>, Query), ("batas" = Option<u64>, Query)), responses((status = 200, description = "Permohonan aplikasi perkantoran yang menunggu", body = Daftar<PermohonanSepJson>)))]
pub async fn antrian_sep(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<crate::web::skema::QueryKursor>,
) -> Result<Json<Daftar<PermohonanSepJson>>, WebError> {
    let h = s.sep.antrian(&a.aktor, &q.paging()?).await?;
    let now = s.store.sekarang();
    Ok(Json(Daftar::dari(h, |p| PermohonanSepJson::new(&p, now))))
}

/// `GET /api/v1/admin/permohonan-sep/{id}`.
#[utoipa::path(get, path = "/api/v1/admin/permohonan-sep/{id}", tag = "admin", params(("id" = String, Path)), responses((status = 200, description = "Permohonan", body = PermohonanSepJson)))]
pub async fn lihat_sep(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let st = s.sep.lihat(&a.aktor, crate::web::jalur::id(&id)?).await?;
    Ok(Json(PermohonanSepJson::new(
        &st.permohonan,
        s.store.sekarang(),
    )))
}

/// `POST /api/v1/admin/permohonan-sep/{id}/lengkap`: the 4 working days start.
#[utoipa::path(post, path = "/api/v1/admin/permohonan-sep/{id}/lengkap", tag = "admin", params(("id" = String, Path)), request_body(content = Object, description = "kosong"), responses((status = 200, description = "Berkas lengkap", body = PermohonanSepJson)))]
pub async fn lengkap_sep(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let p = s.sep.lengkap(&a.aktor, crate::web::jalur::id(&id)?).await?;
    Ok(Json(PermohonanSepJson::new(&p, s.store.sekarang())))
}

/// Body with a note.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Catatan {
    catatan: String,
}

/// `POST /api/v1/admin/permohonan-sep/{id}/perbaikan` `{catatan}`: the correction link goes to
/// the Sekretaris.
#[utoipa::path(post, path = "/api/v1/admin/permohonan-sep/{id}/perbaikan", tag = "admin", params(("id" = String, Path)), request_body = Catatan, responses((status = 200, description = "Perbaikan diminta", body = PermohonanSepJson)))]
pub async fn perbaikan_sep(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Catatan>,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let p = s
        .sep
        .minta_perbaikan(&a.aktor, crate::web::jalur::id(&id)?, &b.catatan)
        .await?;
    Ok(Json(PermohonanSepJson::new(&p, s.store.sekarang())))
}

/// `POST /api/v1/admin/permohonan-sep/{id}/setujui`: the Admin Pengelola's activation email; 409
/// with the third ground when one is already active.
#[utoipa::path(post, path = "/api/v1/admin/permohonan-sep/{id}/setujui", tag = "admin", params(("id" = String, Path)), request_body(content = Object, description = "kosong"), responses((status = 200, description = "Disetujui", body = PermohonanSepJson)))]
pub async fn setujui_sep(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let id = crate::web::jalur::id(&id)?;
    crate::web::sep::admin::putuskan_di_meja(
        &s,
        &a,
        id,
        pse_kernel::Keputusan::Setujui { catatan: None },
    )
    .await?;
    let p = s.sep.lihat(&a.aktor, id).await?.permohonan;
    Ok(Json(PermohonanSepJson::new(&p, s.store.sekarang())))
}

/// Body of a refusal.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Tolak {
    /// `persyaratan_tidak_terpenuhi`, `bukan_badan_pemerintahan`, `admin_pengelola_sudah_ada`.
    kategori_alasan: String,
    catatan: String,
}

/// `POST /api/v1/admin/permohonan-sep/{id}/tolak` `{kategori_alasan, catatan}`.
#[utoipa::path(post, path = "/api/v1/admin/permohonan-sep/{id}/tolak", tag = "admin", params(("id" = String, Path)), request_body = Tolak, responses((status = 200, description = "Ditolak", body = PermohonanSepJson)))]
pub async fn tolak_sep(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Tolak>,
) -> Result<Json<PermohonanSepJson>, WebError> {
    let id = crate::web::jalur::id(&id)?;
    crate::web::sep::admin::putuskan_di_meja(
        &s,
        &a,
        id,
        pse_kernel::Keputusan::Tolak {
            kategori_alasan: b.kategori_alasan,
            catatan: b.catatan,
        },
    )
    .await?;
    let p = s.sep.lihat(&a.aktor, id).await?.permohonan;
    Ok(Json(PermohonanSepJson::new(&p, s.store.sekarang())))
}

/// `GET /api/v1/sep/pengguna`: the Admin Pengelola's users.
#[utoipa::path(get, path = "/api/v1/sep/pengguna", tag = "sep", responses((status = 200, description = "Pengguna aplikasi perkantoran Badan Pemerintahan ini", body = Daftar<PenggunaSepJson>)))]
pub async fn daftar_pengguna(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Json<Daftar<PenggunaSepJson>>, WebError> {
    let (_, v) = s.sep.pengguna_saya(&a.aktor).await?;
    Ok(Json(Daftar::semua(v.iter().map(Into::into).collect())))
}

/// Body of a user.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Pengguna {
    nama: String,
    nip: String,
    email: String,
    jabatan: String,
}

/// `POST /api/v1/sep/pengguna` `{nama, nip, email, jabatan}` → 201.
#[utoipa::path(post, path = "/api/v1/sep/pengguna", tag = "sep", request_body = Pengguna, responses((status = 201, description = "Pengguna ditambahkan", body = PenggunaSepJson)))]
pub async fn tambah_pengguna(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<Pengguna>,
) -> Result<Response, WebError> {
    let p = s
        .sep
        .tambah_pengguna(
            &a.aktor,
            &IsianPengguna {
                nama: b.nama,
                nip: b.nip,
                email: b.email,
                jabatan: b.jabatan,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(PenggunaSepJson::from(&p))).into_response())
}

/// `POST /api/v1/sep/pengguna/{id}/nonaktifkan` `{alasan}`: the Admin Pengelola ends a user of
/// its instansi; another instansi's user is 404, the Admin Pengelola's own record 409.
#[utoipa::path(post, path = "/api/v1/sep/pengguna/{id}/nonaktifkan", tag = "sep", params(("id" = String, Path)), request_body = crate::web::admin::akun::Alasan, responses((status = 200, description = "Pengguna dinonaktifkan", body = PenggunaSepJson)))]
pub async fn nonaktifkan_pengguna(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<crate::web::admin::akun::Alasan>,
) -> Result<Json<PenggunaSepJson>, WebError> {
    let p = s
        .sep
        .nonaktifkan_pengguna_saya(&a.aktor, crate::web::jalur::id(&id)?, b.alasan())
        .await?;
    Ok(Json((&p).into()))
}

/// `POST /api/v1/admin/sep/pengguna/{id}/aktifkan`: 409 for a permanent deactivation.
#[utoipa::path(post, path = "/api/v1/admin/sep/pengguna/{id}/aktifkan", tag = "admin", params(("id" = String, Path)), request_body(content = Object, description = "kosong"), responses((status = 200, description = "Diaktifkan kembali", body = PenggunaSepJson)))]
pub async fn aktifkan_pengguna(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PenggunaSepJson>, WebError> {
    let p = s
        .sep
        .aktifkan_pengguna(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json((&p).into()))
}

/// Body of a misuse case.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Kasus {
    pengguna_id: String,
    /// `spam`, `fitnah`, `sara`, `penipuan`.
    kategori: String,
    uraian: String,
}

/// `POST /api/v1/admin/sep/penyalahgunaan` → 201.
#[utoipa::path(post, path = "/api/v1/admin/sep/penyalahgunaan", tag = "admin", request_body = Kasus, responses((status = 201, description = "Kasus dicatat", body = PenyalahgunaanJson)))]
pub async fn catat_kasus(
    State(s): State<AppState>,
    a: Aktor,
    Isian(b): Isian<Kasus>,
) -> Result<Response, WebError> {
    let k = s
        .sep
        .catat_penyalahgunaan(&a.aktor, &b.pengguna_id, &b.kategori, &b.uraian)
        .await?;
    Ok((StatusCode::CREATED, Json(PenyalahgunaanJson::from(&k))).into_response())
}

/// `GET /api/v1/admin/sep/penyalahgunaan?setelah=&batas=`: the register, oldest first.
#[utoipa::path(get, path = "/api/v1/admin/sep/penyalahgunaan", tag = "admin", params(("setelah" = Option<String>, Query), ("batas" = Option<u64>, Query)), responses((status = 200, description = "Daftar kasus penyalahgunaan", body = Daftar<PenyalahgunaanJson>)))]
pub async fn daftar_kasus(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<crate::web::skema::QueryKursor>,
) -> Result<Json<Daftar<PenyalahgunaanJson>>, WebError> {
    let h = s.sep.daftar_kasus(&a.aktor, &q.paging()?).await?;
    Ok(Json(Daftar::dari(h, |k| PenyalahgunaanJson::from(&k))))
}

/// `POST /api/v1/admin/sep/penyalahgunaan/{id}/peringatan`: the written warning goes out.
#[utoipa::path(post, path = "/api/v1/admin/sep/penyalahgunaan/{id}/peringatan", tag = "admin", params(("id" = String, Path)), request_body(content = Object, description = "kosong"), responses((status = 200, description = "Peringatan dikirim", body = PenyalahgunaanJson)))]
pub async fn peringatkan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Json<PenyalahgunaanJson>, WebError> {
    let k = s
        .sep
        .peringatkan(&a.aktor, crate::web::jalur::id(&id)?)
        .await?;
    Ok(Json((&k).into()))
}

/// Body of a decision.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Putuskan {
    /// `ditutup`, `nonaktifkan`, `nonaktifkan_permanen`.
    keputusan: String,
}

/// `POST /api/v1/admin/sep/penyalahgunaan/{id}/putuskan` `{keputusan}`.
#[utoipa::path(post, path = "/api/v1/admin/sep/penyalahgunaan/{id}/putuskan", tag = "admin", params(("id" = String, Path)), request_body = Putuskan, responses((status = 200, description = "Diputuskan", body = PenyalahgunaanJson)))]
pub async fn putuskan_kasus(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Putuskan>,
) -> Result<Json<PenyalahgunaanJson>, WebError> {
    let k = s
        .sep
        .putuskan(&a.aktor, crate::web::jalur::id(&id)?, &b.keputusan)
        .await?;
    Ok(Json((&k).into()))
}

/// Body of an answer to a warning.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Jawaban {
    kode: String,
    jawaban: String,
}

/// `POST /api/v1/sep/peringatan/{id}/jawaban` `{kode, jawaban}`: the warned user's answer.
#[utoipa::path(post, path = "/api/v1/sep/peringatan/{id}/jawaban", tag = "sep", params(("id" = String, Path)), request_body = Jawaban, responses((status = 200, description = "Jawaban tersimpan", body = PenyalahgunaanJson)))]
pub async fn jawab_peringatan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Isian(b): Isian<Jawaban>,
) -> Result<Json<PenyalahgunaanJson>, WebError> {
    let k = s
        .sep
        .jawab_peringatan(&a.aktor, crate::web::jalur::id(&id)?, &b.kode, &b.jawaban)
        .await?;
    Ok(Json((&k).into()))
}

/// Query of the sync.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QuerySinkron {
    sejak: Option<String>,
}

/// `GET /api/v1/sep/aplikasi/{id}/pengguna?sejak=` with `Authorization: Bearer <token>`: the
/// users whose state changed after the cursor.
#[utoipa::path(get, path = "/api/v1/sep/aplikasi/{id}/pengguna", tag = "sep", params(("id" = String, Path), ("sejak" = Option<String>, Query)), responses((status = 200, description = "Perubahan status pengguna", body = SinkronJson)))]
pub async fn sinkron(
    State(s): State<AppState>,
    tajuk: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<QuerySinkron>,
) -> Result<Json<SinkronJson>, WebError> {
    let token = tajuk
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim);
    let (v, berikutnya) = s
        .sep
        .perubahan(token, crate::web::jalur::id(&id)?, q.sejak.as_deref())
        .await?;
    Ok(Json(SinkronJson {
        items: v
            .iter()
            .map(|p| PerubahanJson {
                pengguna_id: p.pengguna.id.to_string(),
                email: p.pengguna.email.clone(),
                nip: p.pengguna.nip.clone(),
                status: p.pengguna.status.kode().into(),
                pada: p.pada.to_rfc3339(),
            })
            .collect(),
        berikutnya,
    }))
}
