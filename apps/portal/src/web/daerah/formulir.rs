//! The forms of the pemda intake: the OPD's application, and each step's form on the request's
//! page (dispose, return, register, report, complete). Each redirects with a banner on success
//! and shows the page again with every problem and what was typed otherwise.

use crate::state::AppState;
use crate::web::daerah::api::{formulir, unggahan};
use crate::web::daerah::halaman::halaman_permohonan;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, alihkan, galat_isian};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use crate::web::unggah::FormMultipart;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use permohonan_daerah::model::FormPermohonan;
use pse_kernel::{GalatIsian, PermohonanDaerahId};

/// The application form.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_baru.html")]
pub struct HalamanBaru {
    nav: Nav,
    f: FormPermohonan,
    galat: Vec<GalatIsian>,
}

impl HalamanBaru {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// `GET /permohonan-daerah/baru`: only for an OPD's Sub Pejabat of a pemda.
pub async fn baru(State(s): State<AppState>, a: Aktor) -> Result<HalamanBaru, GalatHalaman> {
    s.daerah.boleh_mengajukan(&a.aktor).await.halaman(&a)?;
    Ok(HalamanBaru {
        nav: Nav::dari(&a),
        f: FormPermohonan::default(),
        galat: Vec::new(),
    })
}

/// `POST /permohonan-daerah/baru` (multipart).
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let isian = formulir(&f);
    match s
        .daerah
        .ajukan(
            &a.aktor,
            &isian,
            unggahan(&f, "surat_rekomendasi"),
            unggahan(&f, "laporan_tahapan"),
        )
        .await
    {
        Ok(p) => Ok(alihkan(
            &a,
            &format!("/permohonan-daerah/{}", p.id),
            "Permohonan terkirim kepada Kepala Dinas; waktu layanan dihitung pada jam kerja.",
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                HalamanBaru {
                    nav: Nav::dari(&a),
                    f: isian,
                    galat,
                },
            )
                .into_response())
        }
    }
}

/// A step's answer: a banner and back to the request, or its page with the problems.
async fn jawab<T>(
    s: &AppState,
    a: &Aktor,
    id: PermohonanDaerahId,
    hasil: Result<T, WebError>,
    berhasil: &str,
    isian: String,
) -> Result<Response, GalatHalaman> {
    match hasil {
        Ok(_) => Ok(alihkan(a, &format!("/permohonan-daerah/{id}"), berhasil).await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(a)?;
            Ok((status, halaman_permohonan(s, a, id, galat, isian).await?).into_response())
        }
    }
}

/// The disposition form.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FormDisposisi {
    kepada_id: String,
    instruksi: String,
}

/// `POST /permohonan-daerah/{id}/disposisi`.
pub async fn disposisi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormDisposisi>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let kepada = f.kepada_id.trim().parse().ok();
    let hasil = s
        .daerah
        .disposisi(&a.aktor, id, kepada, &f.instruksi)
        .await
        .map_err(WebError::from);
    jawab(
        &s,
        &a,
        id,
        hasil,
        "Permohonan didisposisikan; penerima diberi tahu lewat email.",
        f.instruksi,
    )
    .await
}

/// The return form.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FormKembalikan {
    kekurangan: String,
}

/// `POST /permohonan-daerah/{id}/kembalikan`.
pub async fn kembalikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormKembalikan>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let hasil = s
        .daerah
        .kembalikan(&a.aktor, id, &f.kekurangan)
        .await
        .map_err(WebError::from);
    jawab(
        &s,
        &a,
        id,
        hasil,
        "Permohonan dikembalikan; pemohon menerima daftar kekurangannya lewat email.",
        f.kekurangan,
    )
    .await
}

/// The report form.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FormSelesaikan {
    ringkasan: String,
}

/// `POST /permohonan-daerah/{id}/selesaikan`.
pub async fn selesaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormSelesaikan>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let hasil = s
        .daerah
        .selesaikan(&a.aktor, id, &f.ringkasan)
        .await
        .map_err(WebError::from);
    jawab(
        &s,
        &a,
        id,
        hasil,
        "Permohonan selesai; surat balasan terkirim kepada pemohon dan Kepala Dinas.",
        f.ringkasan,
    )
    .await
}

/// `POST /permohonan-daerah/{id}/lengkapi` (multipart).
pub async fn lengkapi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let keterangan = f.teks("keterangan");
    let hasil = s
        .daerah
        .lengkapi(
            &a.aktor,
            id,
            unggahan(&f, "surat_rekomendasi"),
            unggahan(&f, "laporan_tahapan"),
            &keterangan,
        )
        .await
        .map_err(WebError::from);
    jawab(
        &s,
        &a,
        id,
        hasil,
        "Permohonan dilengkapi dan kembali kepada Tim Teknis.",
        keterangan,
    )
    .await
}

/// `GET /permohonan-daerah/{id}/catat`: the Data Awal of the system to register, filled from
/// the request.
pub async fn form_catat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id: PermohonanDaerahId = crate::web::jalur::id_halaman(&a, &id)?;
    let p = s.daerah.lihat(&a.aktor, id).await.halaman(&a)?;
    let isian = sistem_elektronik::model::IsianDataAwal {
        nama_eksternal: p.isian.nama_sistem.clone(),
        keterangan: p.isian.deskripsi.clone(),
        ..Default::default()
    };
    Ok(crate::web::sistem::halaman::form_data_awal(
        &s,
        &a,
        format!("/permohonan-daerah/{id}/catat"),
        isian,
        Vec::new(),
    )
    .await?
    .into_response())
}

/// `POST /permohonan-daerah/{id}/catat`: the system of the OPD's unit is registered.
pub async fn catat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<crate::web::sistem::halaman::FormDataAwal>,
) -> Result<Response, GalatHalaman> {
    let id: PermohonanDaerahId = crate::web::jalur::id_halaman(&a, &id)?;
    let isian: sistem_elektronik::model::IsianDataAwal = f.into();
    match s.daerah.catat(&a.aktor, id, &isian).await {
        Ok((_, sistem)) => Ok(alihkan(
            &a,
            &format!("/permohonan-daerah/{id}"),
            format!(
                "Sistem elektronik {} dicatat; Data Awal-nya menunggu verifikasi Kementerian.",
                sistem.data_awal.nama_eksternal
            ),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                crate::web::sistem::halaman::form_data_awal(
                    &s,
                    &a,
                    format!("/permohonan-daerah/{id}/catat"),
                    isian,
                    galat,
                )
                .await?,
            )
                .into_response())
        }
    }
}
