//! Pages of electronic systems: the list with its summary, and the Data Awal. The form itself is in
//! `halaman_formulir` and `halaman_kelengkapan`.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use registrasi_pejabat::GalatIsian;
use serde::Deserialize;
use sistem_elektronik::SistemError;
use sistem_elektronik::model::isi::label_kode;
use sistem_elektronik::model::{Akses, KategoriSe, Sasaran};
use sistem_elektronik::model::{IsianDataAwal, SistemElektronik, StatusSistem};
use sistem_elektronik::ports::RingkasanSistem;

/// A use-case failure on a form: field problems go back to the form, anything else is an error page.
pub(crate) enum GalatHalamanAtau {
    Isian(StatusCode, Vec<GalatIsian>),
    Web(WebError),
}

impl From<SistemError> for GalatHalamanAtau {
    fn from(e: SistemError) -> Self {
        WebError::from(e).into()
    }
}

impl From<perubahan_data::PerubahanError> for GalatHalamanAtau {
    fn from(e: perubahan_data::PerubahanError) -> Self {
        WebError::from(e).into()
    }
}

impl From<WebError> for GalatHalamanAtau {
    fn from(w: WebError) -> Self {
        if w.galat.is_empty() {
            Self::Web(w)
        } else {
            Self::Isian(w.status, w.galat)
        }
    }
}

impl GalatHalamanAtau {
    /// Field problems, or the error page for `a`.
    pub(crate) fn isian(self, a: &Aktor) -> Result<(StatusCode, Vec<GalatIsian>), GalatHalaman> {
        match self {
            Self::Isian(s, g) => Ok((s, g)),
            Self::Web(w) => Err(GalatHalaman::untuk(w, a)),
        }
    }
}

pub(crate) fn opsi_kode(kode: &[&str], pilihan: &str) -> Vec<Opsi> {
    let label: Vec<(String, String)> = kode
        .iter()
        .map(|k| ((*k).to_string(), label_kode(k)))
        .collect();
    opsi(label.iter().map(|(n, l)| (n.as_str(), l.as_str())), pilihan)
}

// ---------------------------------------------------------------- list and dashboard

/// A system in a list.
pub struct BarisSistem {
    pub(crate) id: String,
    pub(crate) nama: String,
    pub(crate) status: &'static str,
    pub(crate) progres: u32,
    pub(crate) nomor: Option<u64>,
}

impl From<&RingkasanSistem> for BarisSistem {
    fn from(s: &RingkasanSistem) -> Self {
        Self {
            id: s.id.to_string(),
            nama: s.nama_eksternal.clone(),
            status: s.status.label(),
            progres: s.progres,
            nomor: s.nomor_tanda_daftar,
        }
    }
}

/// Counts by status as people read them.
pub(crate) fn hitungan_label(n: &[(StatusSistem, u64)]) -> Vec<(&'static str, u64)> {
    n.iter().map(|(s, x)| (s.label(), *x)).collect()
}

/// `GET /sistem-elektronik`.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_daftar.html")]
pub struct HalamanDaftar {
    nav: Nav,
    /// Systems whose Data Awal was approved ("Disetujui", R-SE-03), of this page.
    baris: Vec<BarisSistem>,
    /// Data Awal waiting or rejected, of this page.
    data_awal: Vec<BarisSistem>,
    hitungan: Vec<(&'static str, u64)>,
    total: u64,
    /// The first page's link, when this is a later one.
    pertama: Option<String>,
    berikutnya: Option<String>,
}

/// `GET /sistem-elektronik?setelah=`: the approved systems, then the Data Awal still open; fifty
/// at a time, newest first.
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<crate::web::sistem::api::QueryHalaman>,
) -> Result<Response, GalatHalaman> {
    let paging = q.paging().halaman(&a)?;
    let d = s.sistem.daftar(&a.aktor, &paging).await.halaman(&a)?;
    let hitungan = s.sistem.hitungan(&a.aktor).await.halaman(&a)?;
    let (data_awal, disetujui): (Vec<_>, Vec<_>) = d.items.iter().partition(|x| {
        matches!(
            x.status,
            StatusSistem::DataAwalDiajukan | StatusSistem::DataAwalDitolak
        )
    });
    Ok(HalamanDaftar {
        nav: Nav::dari(&a),
        baris: disetujui.into_iter().map(BarisSistem::from).collect(),
        data_awal: data_awal.into_iter().map(BarisSistem::from).collect(),
        hitungan: hitungan_label(&hitungan),
        total: d.total,
        pertama: (d.page != Some(1)).then(|| "/sistem-elektronik".to_string()),
        berikutnya: d
            .berikutnya
            .map(|c| format!("/sistem-elektronik?setelah={c}")),
    }
    .into_response())
}

// ---------------------------------------------------------------- Data Awal

/// The Data Awal form (new, or a correction after a rejection).
#[derive(Template, WebTemplate)]
#[template(path = "sistem_data_awal.html")]
pub struct HalamanDataAwal {
    nav: Nav,
    aksi: String,
    perbaikan: bool,
    /// Changing a registered system's Data Awal under an approved change request.
    dalam_perubahan: bool,
    isian: IsianDataAwal,
    sasaran: Vec<Opsi>,
    kategori: Vec<Opsi>,
    akses: Vec<Opsi>,
    unit: Option<Vec<Opsi>>,
    galat: Vec<GalatIsian>,
}

impl HalamanDataAwal {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

pub(crate) async fn form_data_awal(
    s: &AppState,
    a: &Aktor,
    aksi: String,
    isian: IsianDataAwal,
    galat: Vec<GalatIsian>,
) -> Result<HalamanDataAwal, GalatHalaman> {
    // Only a pejabat or a sub pejabat registers systems (R-SE-11).
    match a.aktor.peran() {
        None => return Err(SistemError::BelumMasuk).halaman(a),
        Some(pse_kernel::Peran::Admin) => return Err(SistemError::Dilarang).halaman(a),
        Some(_) => {}
    }
    // A sub pejabat registers for its own unit; a pejabat may pick one.
    let unit = if a.aktor.peran() == Some(pse_kernel::Peran::PejabatPendaftar) {
        let u = s.registrasi.daftar_unit(&a.aktor).await.halaman(a)?;
        let pilihan = isian.unit_id.clone().unwrap_or_default();
        let label: Vec<(String, String)> = u
            .iter()
            .map(|u| (u.id.to_string(), u.nama.clone()))
            .collect();
        Some(opsi(
            label.iter().map(|(n, l)| (n.as_str(), l.as_str())),
            &pilihan,
        ))
    } else {
        None
    };
    Ok(HalamanDataAwal {
        nav: Nav::dari(a),
        perbaikan: aksi.ends_with("/data-awal"),
        dalam_perubahan: false,
        aksi,
        sasaran: opsi_kode(&Sasaran::SEMUA.map(Sasaran::kode), &isian.sasaran_pelayanan),
        kategori: opsi_kode(&KategoriSe::SEMUA.map(KategoriSe::kode), &isian.kategori),
        akses: opsi_kode(&Akses::SEMUA.map(Akses::kode), &isian.kategori_akses),
        unit,
        isian,
        galat,
    })
}

/// The Data Awal form as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormDataAwal {
    nama_internal: String,
    nama_eksternal: String,
    keterangan: String,
    sasaran_pelayanan: String,
    kategori: String,
    kategori_akses: String,
    url: String,
    publikasi_spbe: Option<String>,
    unit_id: String,
}

impl From<FormDataAwal> for IsianDataAwal {
    fn from(f: FormDataAwal) -> Self {
        Self {
            nama_internal: f.nama_internal,
            nama_eksternal: f.nama_eksternal,
            keterangan: f.keterangan,
            sasaran_pelayanan: f.sasaran_pelayanan,
            kategori: f.kategori,
            kategori_akses: f.kategori_akses,
            url: f.url,
            publikasi_spbe: f.publikasi_spbe.is_some(),
            unit_id: Some(f.unit_id).filter(|u| !u.is_empty()),
        }
    }
}

/// `GET /sistem-elektronik/baru`.
pub async fn form_baru(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let isian = IsianDataAwal {
        publikasi_spbe: true,
        ..Default::default()
    };
    Ok(
        form_data_awal(&s, &a, "/sistem-elektronik/baru".into(), isian, Vec::new())
            .await?
            .into_response(),
    )
}

/// `POST /sistem-elektronik/baru`.
pub async fn baru(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<FormDataAwal>,
) -> Result<Response, GalatHalaman> {
    let isian: IsianDataAwal = f.into();
    match s.sistem.ajukan_data_awal(&a.aktor, isian.clone()).await {
        Ok(x) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/sistem-elektronik/{}", x.id),
            "Data Awal terkirim; Direktorat LAIP memeriksanya paling lama 1 hari kerja.",
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let h = form_data_awal(&s, &a, "/sistem-elektronik/baru".into(), isian, galat).await?;
            Ok((status, h).into_response())
        }
    }
}

fn isian_dari(x: &SistemElektronik) -> IsianDataAwal {
    let d = &x.data_awal;
    IsianDataAwal {
        nama_internal: d.nama_internal.clone(),
        nama_eksternal: d.nama_eksternal.clone(),
        keterangan: d.keterangan.clone(),
        sasaran_pelayanan: d.sasaran_pelayanan.kode().into(),
        kategori: d.kategori.kode().into(),
        kategori_akses: d.kategori_akses.kode().into(),
        url: d
            .url
            .as_ref()
            .map(|u| u.as_ref().to_string())
            .unwrap_or_default(),
        publikasi_spbe: d.publikasi_spbe,
        unit_id: x.unit_id.map(|u| u.to_string()),
    }
}

/// `GET /sistem-elektronik/{id}/data-awal`: correct rejected Data Awal.
pub async fn form_perbaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let aksi = format!("/sistem-elektronik/{}/data-awal", x.id);
    let mut h = form_data_awal(&s, &a, aksi, isian_dari(&x), Vec::new()).await?;
    h.dalam_perubahan = x.status == StatusSistem::DalamPerubahan;
    Ok(h.into_response())
}

/// `POST /sistem-elektronik/{id}/data-awal`.
pub async fn perbaiki(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormDataAwal>,
) -> Result<Response, GalatHalaman> {
    let sid = crate::web::jalur::id_halaman(&a, &id)?;
    let isian: IsianDataAwal = f.into();
    match s
        .sistem
        .perbaiki_data_awal(&a.aktor, sid, isian.clone())
        .await
    {
        Ok(x) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/sistem-elektronik/{}", x.id),
            "Data Awal yang diperbaiki terkirim untuk diperiksa lagi.",
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let aksi = format!("/sistem-elektronik/{id}/data-awal");
            let mut h = form_data_awal(&s, &a, aksi, isian, galat).await?;
            h.dalam_perubahan = lihat(&s, &a, &id).await?.status == StatusSistem::DalamPerubahan;
            Ok((status, h).into_response())
        }
    }
}

pub(crate) async fn lihat(
    s: &AppState,
    a: &Aktor,
    id: &str,
) -> Result<SistemElektronik, GalatHalaman> {
    let sid = crate::web::jalur::id_halaman(a, id)?;
    s.sistem.lihat(&a.aktor, sid).await.halaman(a)
}
