//! The Direktorat's misuse register of the office applications (R-SEP-04, R-SEP-05): the cases
//! with the form to record one, a case's timeline and actions, reactivating a user, and the
//! printable Surat Peringatan.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, alihkan, galat_isian, opsi};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use aplikasi_perkantoran::penyalahgunaan::{KategoriPenyalahgunaan, StatusPenyalahgunaan};
use aplikasi_perkantoran::surat::{Surat, waktu};
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::GalatIsian;
use serde::Deserialize;

/// A case in the register.
pub struct BarisKasus {
    id: String,
    kategori: &'static str,
    status: &'static str,
    dicatat: String,
    tenggat: String,
}

fn label_status(s: StatusPenyalahgunaan) -> &'static str {
    match s {
        StatusPenyalahgunaan::Tercatat => "Tercatat",
        StatusPenyalahgunaan::MenungguJawaban => "Menunggu jawaban",
        StatusPenyalahgunaan::Dijawab => "Dijawab",
        StatusPenyalahgunaan::Kedaluwarsa => "Tidak dijawab, pengguna dinonaktifkan",
        StatusPenyalahgunaan::Ditutup => "Ditutup",
        StatusPenyalahgunaan::Dinonaktifkan => "Pengguna dinonaktifkan",
    }
}

/// The misuse register with the form to record a case.
#[derive(Template, WebTemplate)]
#[template(path = "sep_kasus.html")]
pub struct HalamanKasus {
    nav: Nav,
    baris: Vec<BarisKasus>,
    aplikasi: Vec<Opsi>,
    kategori: Vec<Opsi>,
    f: FormKasus,
    galat: Vec<GalatIsian>,
}

impl HalamanKasus {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// A case as posted.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct FormKasus {
    aplikasi_id: String,
    email: String,
    kategori: String,
    uraian: String,
}

async fn kasus_dengan(
    s: &AppState,
    a: &Aktor,
    f: FormKasus,
    galat: Vec<GalatIsian>,
) -> Result<HalamanKasus, GalatHalaman> {
    let h = s
        .sep
        .daftar_kasus(&a.aktor, &pse_kernel::Paging::pertama(50))
        .await
        .halaman(a)?;
    let katalog = s.sep.katalog().await.halaman(a)?;
    let label: Vec<(String, String)> = katalog
        .iter()
        .map(|x| (x.id.to_string(), x.nama.clone()))
        .collect();
    let kategori: Vec<(&str, &str)> = KategoriPenyalahgunaan::SEMUA
        .iter()
        .map(|k| (k.kode(), k.label()))
        .collect();
    Ok(HalamanKasus {
        nav: Nav::dari(a),
        baris: h
            .items
            .iter()
            .map(|k| BarisKasus {
                id: k.id.to_string(),
                kategori: k.kategori.label(),
                status: label_status(k.status),
                dicatat: k
                    .riwayat
                    .first()
                    .map(|(_, t)| waktu(*t))
                    .unwrap_or_default(),
                tenggat: k.peringatan.map_or_else(|| "—".into(), |(_, t)| waktu(t)),
            })
            .collect(),
        aplikasi: opsi(
            label.iter().map(|(n, l)| (n.as_str(), l.as_str())),
            &f.aplikasi_id,
        ),
        kategori: opsi(kategori, &f.kategori),
        f,
        galat,
    })
}

/// `GET /admin/sep/penyalahgunaan`.
pub async fn daftar_kasus(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<HalamanKasus, GalatHalaman> {
    kasus_dengan(&s, &a, FormKasus::default(), Vec::new()).await
}

/// `POST /admin/sep/penyalahgunaan`.
pub async fn catat(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<FormKasus>,
) -> Result<Response, GalatHalaman> {
    match s
        .sep
        .catat_penyalahgunaan_email(&a.aktor, &f.aplikasi_id, &f.email, &f.kategori, &f.uraian)
        .await
    {
        Ok(k) => Ok(alihkan(
            &a,
            &format!("/admin/sep/penyalahgunaan/{}", k.id),
            "Kasus dicatat; kirim surat peringatan bila sudah diperiksa.",
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, kasus_dengan(&s, &a, f, galat).await?).into_response())
        }
    }
}

/// A case's page: its timeline and what can be done.
#[derive(Template, WebTemplate)]
#[template(path = "sep_kasus_detail.html")]
pub struct HalamanDetailKasus {
    nav: Nav,
    id: String,
    pengguna: String,
    aplikasi: String,
    kategori: &'static str,
    uraian: String,
    status: &'static str,
    riwayat: Vec<(&'static str, String)>,
    jawaban: Option<String>,
    bisa_peringatkan: bool,
    bisa_putus: bool,
    diperingatkan: bool,
    pengguna_id: String,
    nonaktif: bool,
    galat: Vec<GalatIsian>,
}

async fn detail_dengan(
    s: &AppState,
    a: &Aktor,
    id: pse_kernel::PenyalahgunaanId,
    galat: Vec<GalatIsian>,
) -> Result<HalamanDetailKasus, GalatHalaman> {
    let l = s.sep.kasus(&a.aktor, id).await.halaman(a)?;
    Ok(HalamanDetailKasus {
        nav: Nav::dari(a),
        id: l.kasus.id.to_string(),
        pengguna: format!("{} ({}), {}", l.pengguna.nama, l.pengguna.email, l.instansi),
        aplikasi: l.aplikasi.clone(),
        kategori: l.kasus.kategori.label(),
        uraian: l.kasus.uraian.clone(),
        status: label_status(l.kasus.status),
        riwayat: l
            .kasus
            .riwayat
            .iter()
            .map(|(st, t)| (label_status(*st), waktu(*t)))
            .collect(),
        jawaban: l.kasus.jawaban.as_ref().map(|(j, _)| j.clone()),
        bisa_peringatkan: l.kasus.status == StatusPenyalahgunaan::Tercatat,
        bisa_putus: l.kasus.status == StatusPenyalahgunaan::Dijawab,
        diperingatkan: l.kasus.peringatan.is_some(),
        pengguna_id: l.pengguna.id.to_string(),
        nonaktif: l.pengguna.status == aplikasi_perkantoran::pengguna::StatusPengguna::Nonaktif,
        galat,
    })
}

/// `GET /admin/sep/penyalahgunaan/{id}`.
pub async fn detail_kasus(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<HalamanDetailKasus, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    detail_dengan(&s, &a, id, Vec::new()).await
}

/// A case's action as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormAksiKasus {
    keputusan: String,
}

/// `POST /admin/sep/penyalahgunaan/{id}/{aksi}` for `peringatan`, `putuskan`.
pub async fn aksi_kasus(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, aksi)): Path<(String, String)>,
    Form(f): Form<FormAksiKasus>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let (hasil, pesan) = match aksi.as_str() {
        "peringatan" => (
            s.sep.peringatkan(&a.aktor, id).await.map(|_| ()),
            "Surat peringatan terkirim ke pengguna, tembusan ke Sekretaris.",
        ),
        "putuskan" => (
            s.sep.putuskan(&a.aktor, id, &f.keputusan).await.map(|_| ()),
            "Kasus diputuskan.",
        ),
        _ => return Err(WebError::tidak_ditemukan()).halaman(&a),
    };
    match hasil {
        Ok(()) => Ok(alihkan(&a, &format!("/admin/sep/penyalahgunaan/{id}"), pesan).await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, detail_dengan(&s, &a, id, galat).await?).into_response())
        }
    }
}

/// `POST /admin/sep/pengguna/{id}/aktifkan` (from a case's page).
pub async fn aktifkan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let p = s.sep.aktifkan_pengguna(&a.aktor, id).await.halaman(&a)?;
    Ok(alihkan(
        &a,
        "/admin/sep/penyalahgunaan",
        format!("{} diaktifkan kembali.", p.nama),
    )
    .await)
}

/// The printable Surat Peringatan.
#[derive(Template, WebTemplate)]
#[template(path = "sep_surat.html")]
pub struct HalamanSurat {
    nav: Nav,
    id: String,
    surat: Surat,
}

/// `GET /admin/sep/penyalahgunaan/{id}/surat`.
pub async fn surat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<HalamanSurat, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let surat = s.sep.surat_peringatan(&a.aktor, id).await.halaman(&a)?;
    Ok(HalamanSurat {
        nav: Nav::dari(&a),
        id: id.to_string(),
        surat,
    })
}
