//! The complaint pages: the public form (values kept on error), its status page opened with the
//! number and code, and the admin's list (age, filter by status) and answer form.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi, wib};
use crate::web::pengaduan::api::QueryDaftar;
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use layanan::pengaduan::{FormulirPengaduan, KategoriPengaduan, Pengaduan, StatusPengaduan};
use pse_kernel::GalatIsian;
use secrecy::ExposeSecret;
use serde::Deserialize;

/// The public complaint form.
#[derive(Template, WebTemplate)]
#[template(path = "pengaduan_form.html")]
pub struct HalamanForm {
    nav: Nav,
    f: FormulirPengaduan,
    kategori: Vec<Opsi>,
    galat: Vec<GalatIsian>,
}

impl HalamanForm {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }

    fn baru(a: &Aktor, f: FormulirPengaduan, galat: Vec<GalatIsian>) -> Self {
        let kategori = opsi(
            KategoriPengaduan::SEMUA.map(|k| (k.kode(), k.label())),
            &f.kategori,
        );
        Self {
            nav: Nav::dari(a),
            f,
            kategori,
            galat,
        }
    }
}

/// `GET /pengaduan`: the form, with a logged-in user's name and email filled in.
pub async fn form(a: Aktor) -> HalamanForm {
    let f = match &a.akun {
        Some(akun) => FormulirPengaduan {
            nama: akun.nama.clone(),
            email: akun.email.as_ref().to_string(),
            ..FormulirPengaduan::default()
        },
        None => FormulirPengaduan::default(),
    };
    HalamanForm::baru(&a, f, Vec::new())
}

/// `POST /pengaduan`: numbered and emailed, then the status page says so with its number and code.
pub async fn kirim(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<FormulirPengaduan>,
) -> Result<Response, GalatHalaman> {
    match s.pengaduan.ajukan(&a.aktor, &f).await {
        Ok(d) => Ok(Redirect::to(&format!(
            "/pengaduan/status?nomor={}&kode={}&baru=1",
            d.pengaduan.nomor,
            d.kode.expose_secret()
        ))
        .into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, HalamanForm::baru(&a, f, galat)).into_response())
        }
    }
}

/// One answer as people read it.
pub struct BarisTanggapan {
    isi: String,
    status: &'static str,
    pada: String,
}

/// A complaint as its page shows it.
pub struct RincianPengaduan {
    id: String,
    nomor: String,
    nama: String,
    email: String,
    kategori: &'static str,
    uraian: String,
    rujukan: Option<String>,
    status: &'static str,
    status_kode: &'static str,
    diajukan: String,
    umur: String,
    tanggapan: Vec<BarisTanggapan>,
}

/// How long ago, as people say it.
fn umur(sejak: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let menit = (now - sejak).num_minutes().max(0);
    match menit {
        0..60 => format!("{menit} menit"),
        60..1440 => format!("{} jam", menit / 60),
        _ => format!("{} hari", menit / 1440),
    }
}

impl RincianPengaduan {
    fn dari(p: &Pengaduan, now: DateTime<Utc>) -> Self {
        Self {
            id: p.id.to_string(),
            nomor: p.nomor.to_string(),
            nama: p.data.nama.clone(),
            email: p.data.email.clone(),
            kategori: p.data.kategori.label(),
            uraian: p.data.uraian.clone(),
            rujukan: p.data.rujukan.clone(),
            status: p.status.label(),
            status_kode: p.status.kode(),
            diajukan: wib(p.diajukan_pada),
            umur: umur(p.diajukan_pada, now),
            tanggapan: p
                .tanggapan
                .iter()
                .map(|t| BarisTanggapan {
                    isi: t.isi.clone(),
                    status: t.status.label(),
                    pada: wib(t.pada),
                })
                .collect(),
        }
    }
}

/// Query of the status page.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryStatus {
    nomor: String,
    kode: String,
    baru: Option<String>,
}

/// The status page: the lookup form, and the complaint once found.
#[derive(Template, WebTemplate)]
#[template(path = "pengaduan_status.html")]
pub struct HalamanStatus {
    nav: Nav,
    nomor: String,
    kode: String,
    baru: bool,
    p: Option<RincianPengaduan>,
    galat: Vec<GalatIsian>,
}

impl HalamanStatus {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// `GET /pengaduan/status?nomor=&kode=`: a wrong number or code is 404 with the form kept.
pub async fn status(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryStatus>,
) -> Result<Response, GalatHalaman> {
    let mut h = HalamanStatus {
        nav: Nav::dari(&a),
        nomor: q.nomor.trim().to_string(),
        kode: q.kode.trim().to_string(),
        baru: q.baru.is_some(),
        p: None,
        galat: Vec::new(),
    };
    if h.nomor.is_empty() && h.kode.is_empty() {
        return Ok(h.into_response());
    }
    match s.pengaduan.lihat(&h.nomor, &h.kode).await {
        Ok(p) => {
            h.p = Some(RincianPengaduan::dari(&p, s.store.sekarang()));
            Ok(h.into_response())
        }
        Err(pse_kernel::Galat::TidakDitemukan) => {
            h.galat = vec![GalatIsian::new(
                "nomor",
                "Nomor dan kode pengaduan tidak cocok. Periksa email tanda terima pengaduan Anda.",
            )];
            h.baru = false;
            Ok((StatusCode::NOT_FOUND, h).into_response())
        }
        Err(e) => Err(GalatHalaman::untuk(WebError::from(e), &a)),
    }
}

/// The admin's list.
#[derive(Template, WebTemplate)]
#[template(path = "admin_pengaduan.html")]
pub struct HalamanDaftar {
    nav: Nav,
    status: String,
    pilihan: Vec<(&'static str, &'static str, bool)>,
    baris: Vec<RincianPengaduan>,
    total: u64,
    berikutnya: Option<String>,
}

/// `GET /admin/pengaduan?status=`: open complaints (or those of a status), oldest first.
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryDaftar>,
) -> Result<Response, GalatHalaman> {
    let status = q.status().halaman(&a)?;
    let h = s
        .pengaduan
        .daftar(&a.aktor, status, &q.paging().halaman(&a)?)
        .await
        .halaman(&a)?;
    let now = s.store.sekarang();
    let kode = status.map(StatusPengaduan::kode).unwrap_or_default();
    let mut pilihan = vec![("", "Belum selesai", kode.is_empty())];
    pilihan.extend(
        StatusPengaduan::SEMUA
            .into_iter()
            .map(|s| (s.kode(), s.label(), s.kode() == kode)),
    );
    Ok(HalamanDaftar {
        nav: Nav::dari(&a),
        status: kode.to_string(),
        pilihan,
        baris: h
            .items
            .iter()
            .map(|p| RincianPengaduan::dari(p, now))
            .collect(),
        total: h.total,
        berikutnya: h.berikutnya,
    }
    .into_response())
}

/// The answer form as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormTanggapan {
    tanggapan: String,
    status: String,
}

/// One complaint for the admin, with the answer form while it is open.
#[derive(Template, WebTemplate)]
#[template(path = "admin_pengaduan_detail.html")]
pub struct HalamanDetail {
    nav: Nav,
    p: RincianPengaduan,
    terbuka: bool,
    f: FormTanggapan,
    galat: Vec<GalatIsian>,
}

impl HalamanDetail {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn detail_dengan(
    s: &AppState,
    a: &Aktor,
    id: &str,
    f: FormTanggapan,
    galat: Vec<GalatIsian>,
) -> Result<HalamanDetail, GalatHalaman> {
    let p = s
        .pengaduan
        .detail(&a.aktor, crate::web::jalur::id_halaman(a, id)?)
        .await
        .halaman(a)?;
    Ok(HalamanDetail {
        nav: Nav::dari(a),
        terbuka: p.status.terbuka(),
        p: RincianPengaduan::dari(&p, s.store.sekarang()),
        f,
        galat,
    })
}

/// `GET /admin/pengaduan/{id}`.
pub async fn detail(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(
        detail_dengan(&s, &a, &id, FormTanggapan::default(), Vec::new())
            .await?
            .into_response(),
    )
}

/// `POST /admin/pengaduan/{id}/tanggapi`: saved and emailed, back to the complaint with a banner.
pub async fn tanggapi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormTanggapan>,
) -> Result<Response, GalatHalaman> {
    let pid = crate::web::jalur::id_halaman(&a, &id)?;
    match s
        .pengaduan
        .tanggapi(&a.aktor, pid, &f.tanggapan, &f.status)
        .await
    {
        Ok(p) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/admin/pengaduan/{id}"),
            format!(
                "Tanggapan atas pengaduan {} tersimpan (status: {}) dan dikirim ke {}.",
                p.nomor,
                p.status.label(),
                p.data.email
            ),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, detail_dengan(&s, &a, &id, f, galat).await?).into_response())
        }
    }
}
