//! The "Pengajuan Perubahan Data" pages: the requester's list and "+" form, one request with what
//! changed (before → after), and the admin's decision on the same page.

use crate::state::AppState;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, wib};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use perubahan_data::model::{PermohonanPerubahan, StatusPerubahan};
use pse_kernel::JenisAntrian;
use registrasi_pejabat::GalatIsian;
use serde::Deserialize;
use sistem_elektronik::model::Perbedaan;

/// One change request in a table.
pub struct BarisPerubahan {
    pub(crate) id: String,
    pub(crate) sistem_id: String,
    pub(crate) nama_sistem: String,
    pub(crate) alasan: String,
    pub(crate) status: &'static str,
    pub(crate) status_kode: &'static str,
    pub(crate) diajukan: String,
}

impl From<&PermohonanPerubahan> for BarisPerubahan {
    fn from(p: &PermohonanPerubahan) -> Self {
        Self {
            id: p.id.to_string(),
            sistem_id: p.sistem_id.to_string(),
            nama_sistem: p.nama_sistem.clone(),
            alasan: p.alasan.clone(),
            status: p.status.label(),
            status_kode: p.status.kode(),
            diajukan: wib(p.diajukan_pada),
        }
    }
}

/// The list page.
#[derive(Template, WebTemplate)]
#[template(path = "perubahan_daftar.html")]
pub struct HalamanDaftar {
    nav: Nav,
    riwayat: Vec<BarisPerubahan>,
}

/// `GET /perubahan-data`.
pub async fn daftar(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let riwayat = s
        .perubahan
        .daftar(&a.aktor)
        .await
        .halaman(&a)?
        .iter()
        .map(BarisPerubahan::from)
        .collect();
    Ok(HalamanDaftar {
        nav: Nav::dari(&a),
        riwayat,
    }
    .into_response())
}

/// The "+" form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormPerubahan {
    sistem_elektronik_id: String,
    alasan: String,
}

/// The "+" page.
#[derive(Template, WebTemplate)]
#[template(path = "perubahan_baru.html")]
pub struct HalamanBaru {
    nav: Nav,
    sistem: Vec<Opsi>,
    alasan: String,
    galat: Vec<GalatIsian>,
}

impl HalamanBaru {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn halaman_baru(
    s: &AppState,
    a: &Aktor,
    f: FormPerubahan,
    galat: Vec<GalatIsian>,
) -> Result<HalamanBaru, GalatHalaman> {
    let sistem = s
        .perubahan
        .sistem_pilihan(&a.aktor)
        .await
        .halaman(a)?
        .iter()
        .map(|x| Opsi {
            nilai: x.id.to_string(),
            label: x.data_awal.nama_eksternal.clone(),
            dipilih: x.id.to_string() == f.sistem_elektronik_id,
        })
        .collect();
    Ok(HalamanBaru {
        nav: Nav::dari(a),
        sistem,
        alasan: f.alasan,
        galat,
    })
}

/// `GET /perubahan-data/baru`.
pub async fn form_baru(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    Ok(halaman_baru(&s, &a, FormPerubahan::default(), Vec::new())
        .await?
        .into_response())
}

/// `POST /perubahan-data/baru`: the request is `terkirim`; the list shows it.
pub async fn baru(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<FormPerubahan>,
) -> Result<Response, GalatHalaman> {
    match s
        .perubahan
        .ajukan(&a.aktor, &f.sistem_elektronik_id, &f.alasan)
        .await
    {
        Ok(p) => Ok(crate::web::halaman::alihkan(
            &a,
            "/perubahan-data",
            format!(
                "Pengajuan perubahan data {} terkirim; Direktorat LAIP memeriksanya paling lama 1 hari kerja.",
                p.nama_sistem
            ),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((status, halaman_baru(&s, &a, f, galat).await?).into_response())
        }
    }
}

/// One request's page, for its owners and (with the decision forms) the admin.
#[derive(Template, WebTemplate)]
#[template(path = "perubahan_detail.html")]
pub struct HalamanPerubahan {
    nav: Nav,
    admin: bool,
    p: BarisPerubahan,
    penolakan: Option<(String, String)>,
    perbedaan: Vec<Perbedaan>,
    selesai: bool,
    disetujui: bool,
    menunggu: bool,
    galat: Vec<GalatIsian>,
    catatan: String,
}

async fn halaman(s: &AppState, a: &Aktor, id: &str) -> Result<HalamanPerubahan, GalatHalaman> {
    let p = s
        .perubahan
        .lihat(&a.aktor, crate::web::jalur::id_halaman(a, id)?)
        .await
        .halaman(a)?;
    Ok(HalamanPerubahan {
        nav: Nav::dari(a),
        admin: a.aktor.adalah_admin(),
        penolakan: p
            .penolakan
            .as_ref()
            .map(|x| (x.catatan.clone(), wib(x.waktu))),
        perbedaan: p.perbedaan.clone(),
        selesai: p.status == StatusPerubahan::SudahSelesai,
        disetujui: p.status == StatusPerubahan::DisetujuiSedangDalamPerubahan,
        menunggu: p.status == StatusPerubahan::Terkirim,
        p: BarisPerubahan::from(&p),
        galat: Vec::new(),
        catatan: String::new(),
    })
}

/// `GET /perubahan-data/{id}` and `GET /admin/perubahan-data/{id}`.
pub async fn detail(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(halaman(&s, &a, &id).await?.into_response())
}

/// `POST /perubahan-data/{id}/selesai`: the system is registered again with its new data.
pub async fn selesai(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    s.perubahan
        .selesai(&a.aktor, crate::web::jalur::id_halaman(&a, &id)?)
        .await
        .halaman(&a)?;
    Ok(crate::web::halaman::alihkan(
        &a,
        &format!("/perubahan-data/{id}"),
        "Perubahan selesai; sistem elektronik kembali terdaftar dengan Tanda Daftar yang sama.",
    )
    .await)
}

/// The admin's decision form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormKeputusan {
    catatan: String,
}

/// `POST /admin/perubahan-data/{id}/{setujui|tolak}`.
pub async fn putuskan(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, keputusan)): Path<(String, String)>,
    Form(f): Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    let k = crate::web::admin::antrian::keputusan(&keputusan, "lainnya", &f.catatan).halaman(&a)?;
    match s
        .meja
        .putuskan(&a.aktor, JenisAntrian::PerubahanData, &id, &k)
        .await
    {
        Ok(_) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/admin/perubahan-data/{id}"),
            keputusan_tersimpan(&k),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let mut h = halaman(&s, &a, &id).await?;
            h.galat = galat;
            h.catatan = f.catatan;
            Ok((status, h).into_response())
        }
    }
}

/// The banner after an admin's decision.
pub(crate) fn keputusan_tersimpan(k: &pse_kernel::Keputusan) -> &'static str {
    if k.setuju() {
        "Keputusan tersimpan: disetujui. Pemohon diberi tahu lewat surel."
    } else {
        "Keputusan tersimpan: tidak disetujui; alasannya dikirim ke pemohon lewat surel."
    }
}
