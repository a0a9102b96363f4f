//! The public pages of the office applications: the catalogue with the application form, the
//! Sekretaris' status page (and its correction) by the emailed link, and the warned user's answer
//! page by the emailed link (the Admin Pengelola's users are `pengguna`).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi};
use crate::web::sep::api::{formulir, unggahan};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use crate::web::unggah::FormMultipart;
use aplikasi_perkantoran::permohonan::{FormPermohonanSep, StatusPermohonanSep};
use aplikasi_perkantoran::surat::{Surat, waktu};
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::GalatIsian;
use secrecy::ExposeSecret;
use serde::Deserialize;

/// The catalogue with the application form.
#[derive(Template, WebTemplate)]
#[template(path = "sep_katalog.html")]
pub struct HalamanKatalog {
    nav: Nav,
    aplikasi: Vec<(String, String, String)>,
    pilihan_aplikasi: Vec<Opsi>,
    cari: String,
    pilihan_instansi: Vec<Opsi>,
    f: FormPermohonanSep,
    galat: Vec<GalatIsian>,
}

impl HalamanKatalog {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// Query of the catalogue: the instansi search.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryKatalog {
    cari: String,
}

async fn katalog_dengan(
    s: &AppState,
    a: &Aktor,
    cari: &str,
    aplikasi_id: &str,
    instansi_id: &str,
    f: FormPermohonanSep,
    galat: Vec<GalatIsian>,
) -> Result<HalamanKatalog, GalatHalaman> {
    let v = s.sep.katalog().await.halaman(a)?;
    let label: Vec<(String, String)> = v
        .iter()
        .map(|x| (x.id.to_string(), x.nama.clone()))
        .collect();
    // Badan Pemerintahan found by name (the first page), the chosen one kept.
    let h = s
        .referensi
        .cari_instansi(cari, Default::default(), 1)
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)
        .halaman(a)?;
    let instansi: Vec<(String, String)> = h
        .items
        .iter()
        .map(|i| (i.id().to_string(), i.rekam().nama.clone()))
        .collect();
    Ok(HalamanKatalog {
        nav: Nav::dari(a),
        aplikasi: v
            .iter()
            .map(|x| {
                (
                    x.nama.clone(),
                    x.deskripsi.clone(),
                    x.dasar_penetapan.clone(),
                )
            })
            .collect(),
        pilihan_aplikasi: opsi(
            label.iter().map(|(n, l)| (n.as_str(), l.as_str())),
            aplikasi_id,
        ),
        cari: cari.to_string(),
        pilihan_instansi: opsi(
            instansi.iter().map(|(n, l)| (n.as_str(), l.as_str())),
            instansi_id,
        ),
        f,
        galat,
    })
}

/// `GET /aplikasi-perkantoran?cari=`.
pub async fn katalog(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryKatalog>,
) -> Result<HalamanKatalog, GalatHalaman> {
    katalog_dengan(
        &s,
        &a,
        &q.cari,
        "",
        "",
        FormPermohonanSep::default(),
        Vec::new(),
    )
    .await
}

/// `POST /aplikasi-perkantoran` (multipart): the application; its status page on success.
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let (aplikasi_id, instansi_id) = (f.teks("aplikasi_id"), f.teks("instansi_id"));
    match s
        .sep
        .ajukan(
            &a.aktor,
            &aplikasi_id,
            &instansi_id,
            &formulir(&f),
            unggahan(&f, "surat_kuasa"),
            unggahan(&f, "bukti_kepegawaian"),
        )
        .await
    {
        // A visitor has no session for a banner: the status page says it from its query.
        Ok(d) => Ok(axum::response::Redirect::to(&format!(
            "/permohonan-sep/{}?kode={}&pesan=diterima",
            d.permohonan.id,
            d.kode.expose_secret()
        ))
        .into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                katalog_dengan(
                    &s,
                    &a,
                    &f.teks("cari"),
                    &aplikasi_id,
                    &instansi_id,
                    formulir(&f),
                    galat,
                )
                .await?,
            )
                .into_response())
        }
    }
}

/// The Sekretaris' status page.
#[derive(Template, WebTemplate)]
#[template(path = "sep_status.html")]
pub struct HalamanStatus {
    nav: Nav,
    id: String,
    kode: String,
    aplikasi: String,
    instansi: String,
    status: &'static str,
    status_kode: &'static str,
    tenggat: Option<String>,
    perbaikan: Vec<String>,
    keputusan: Option<Surat>,
    bisa_diperbaiki: bool,
    f: FormPermohonanSep,
    galat: Vec<GalatIsian>,
}

impl HalamanStatus {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn status_dengan(
    s: &AppState,
    a: &Aktor,
    id: pse_kernel::PermohonanSepId,
    kode: &str,
    f: Option<FormPermohonanSep>,
    galat: Vec<GalatIsian>,
) -> Result<HalamanStatus, GalatHalaman> {
    let st = s.sep.status(id, kode).await.halaman(a)?;
    let p = &st.permohonan;
    let awal = FormPermohonanSep {
        sekretaris_nama: p.isian.sekretaris.nama.clone(),
        sekretaris_nip: p.isian.sekretaris.nip.clone(),
        sekretaris_jabatan: p.isian.sekretaris.jabatan.clone(),
        sekretaris_email: p.isian.sekretaris.email.clone(),
        admin_nama: p.isian.admin.nama.clone(),
        admin_nip: p.isian.admin.nip.clone(),
        admin_jabatan: p.isian.admin.jabatan.clone(),
        admin_email: p.isian.admin.email.clone(),
        admin_nomor_hp: p.isian.admin_nomor_hp.clone(),
    };
    Ok(HalamanStatus {
        nav: Nav::dari(a),
        id: p.id.to_string(),
        kode: kode.to_string(),
        aplikasi: st.aplikasi.clone(),
        instansi: st.instansi.clone(),
        status: p.status.label(),
        status_kode: p.status.kode(),
        tenggat: p.tenggat().map(waktu),
        perbaikan: p.perbaikan.iter().map(|(c, _)| c.clone()).collect(),
        keputusan: st.keputusan.clone(),
        bisa_diperbaiki: p.status == StatusPermohonanSep::PerluPerbaikan,
        f: f.unwrap_or(awal),
        galat,
    })
}

/// Query of a link with a code.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryKode {
    kode: String,
    pesan: String,
}

/// The banner a public page shows after `pesan` (a visitor has no session to carry one).
fn spanduk(a: &Aktor, pesan: &str) -> Nav {
    let mut nav = Nav::dari(a);
    nav.kilat = match pesan {
        "diterima" => Some(
            "Permohonan diterima. Simpan tautan halaman ini: kodenya juga dikirim ke email Sekretaris."
                .into(),
        ),
        "diperbaiki" => Some("Perbaikan terkirim; berkas diperiksa kembali.".into()),
        "terkirim" => Some(
            "Jawaban terkirim; tembusannya dikirim kepada Sekretaris Badan Pemerintahan.".into(),
        ),
        _ => nav.kilat,
    };
    nav
}

/// `GET /permohonan-sep/{id}?kode=`.
pub async fn status(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Query(q): Query<QueryKode>,
) -> Result<HalamanStatus, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let mut h = status_dengan(&s, &a, id, &q.kode, None, Vec::new()).await?;
    h.nav = spanduk(&a, &q.pesan);
    Ok(h)
}

/// `POST /permohonan-sep/{id}/perbaikan` (multipart with `kode`): the correction.
pub async fn perbaiki(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let kode = f.teks("kode");
    match s
        .sep
        .perbaiki(
            &a.aktor,
            id,
            &kode,
            &formulir(&f),
            unggahan(&f, "surat_kuasa"),
            unggahan(&f, "bukti_kepegawaian"),
        )
        .await
    {
        Ok(_) => Ok(axum::response::Redirect::to(&format!(
            "/permohonan-sep/{id}?kode={kode}&pesan=diperbaiki"
        ))
        .into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                status_dengan(&s, &a, id, &kode, Some(formulir(&f)), galat).await?,
            )
                .into_response())
        }
    }
}

/// The warned user's answer page.
#[derive(Template, WebTemplate)]
#[template(path = "sep_jawab.html")]
pub struct HalamanJawab {
    nav: Nav,
    id: String,
    kode: String,
    surat: Surat,
    terbuka: bool,
    jawaban: String,
    galat: Vec<GalatIsian>,
}

impl HalamanJawab {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn jawab_dengan(
    s: &AppState,
    a: &Aktor,
    id: pse_kernel::PenyalahgunaanId,
    kode: &str,
    jawaban: String,
    galat: Vec<GalatIsian>,
) -> Result<HalamanJawab, GalatHalaman> {
    let l = s.sep.kasus_dengan_kode(id, kode).await.halaman(a)?;
    let surat = Surat::peringatan(
        &l.kasus,
        &l.pengguna,
        &l.instansi,
        &l.pengguna.sekretaris.0,
        &l.aplikasi,
        &a.kontak.telepon,
    )
    .halaman(a)?;
    Ok(HalamanJawab {
        nav: Nav::dari(a),
        id: id.to_string(),
        kode: kode.to_string(),
        surat,
        terbuka: l.kasus.status
            == aplikasi_perkantoran::penyalahgunaan::StatusPenyalahgunaan::MenungguJawaban,
        jawaban,
        galat,
    })
}

/// `GET /sep/peringatan/{id}/jawab?kode=`.
pub async fn form_jawab(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Query(q): Query<QueryKode>,
) -> Result<HalamanJawab, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let mut h = jawab_dengan(&s, &a, id, &q.kode, String::new(), Vec::new()).await?;
    h.nav = spanduk(&a, &q.pesan);
    Ok(h)
}

/// The answer as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormJawab {
    kode: String,
    jawaban: String,
}

/// `POST /sep/peringatan/{id}/jawab`.
pub async fn jawab(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormJawab>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    match s
        .sep
        .jawab_peringatan(&a.aktor, id, &f.kode, &f.jawaban)
        .await
    {
        Ok(_) => Ok(axum::response::Redirect::to(&format!(
            "/sep/peringatan/{id}/jawab?kode={}&pesan=terkirim",
            f.kode
        ))
        .into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                jawab_dengan(&s, &a, id, &f.kode, f.jawaban, galat).await?,
            )
                .into_response())
        }
    }
}
