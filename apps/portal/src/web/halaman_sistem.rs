//! Pages of electronic systems: the list, Data Awal, the task list with progress, one page per
//! section, supporting documents, the self-assessment, check-your-answers and submit; the admin's
//! view with its decisions.

use crate::app::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi, wib};
use crate::web::sesi::Aktor;
use crate::web::unggah::FormMultipart;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use perubahan_data::model::StatusPerubahan;
use pse_kernel::SistemId;
use registrasi_pejabat::GalatIsian;
use serde::Deserialize;
use serde_json::{Map, Value};
use sistem_elektronik::SistemError;
use sistem_elektronik::model::bagian::JenisIsian;
use sistem_elektronik::model::isi::{label_kode, teks_nilai};
use sistem_elektronik::model::{
    Bagian, IsianDataAwal, PERTANYAAN, SistemElektronik, StatusBagian, StatusSistem,
};
use sistem_elektronik::ports::RingkasanSistem;

fn id_sistem(a: &Aktor, s: &str) -> Result<SistemId, GalatHalaman> {
    s.parse()
        .map_err(|_| GalatHalaman(WebError::tidak_ditemukan(), Nav::dari(a)))
}

/// A use-case failure on a form: field problems go back to the form, anything else is an error page.
pub(crate) enum GalatHalamanAtau {
    Isian(StatusCode, Vec<GalatIsian>),
    Web(WebError),
}

impl From<SistemError> for GalatHalamanAtau {
    fn from(e: SistemError) -> Self {
        let w = WebError::from(e);
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
            Self::Web(w) => Err(GalatHalaman(w, Nav::dari(a))),
        }
    }
}

fn opsi_kode(kode: &[&str], pilihan: &str) -> Vec<Opsi> {
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
    Query(q): Query<super::api_sistem::QueryHalaman>,
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
    fn ada_galat(&self, field: &str) -> bool {
        galat_isian(&self.galat, field).is_some()
    }
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn form_data_awal(
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
        sasaran: opsi_kode(
            &["lokal", "regional", "nasional", "internasional"],
            &isian.sasaran_pelayanan,
        ),
        kategori: opsi_kode(&["rendah", "tinggi", "strategis"], &isian.kategori),
        akses: opsi_kode(&["online", "offline"], &isian.kategori_akses),
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
        Ok(x) => Ok(Redirect::to(&format!("/sistem-elektronik/{}", x.id)).into_response()),
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
    let sid = id_sistem(&a, &id)?;
    let isian: IsianDataAwal = f.into();
    match s
        .sistem
        .perbaiki_data_awal(&a.aktor, sid, isian.clone())
        .await
    {
        Ok(x) => Ok(Redirect::to(&format!("/sistem-elektronik/{}", x.id)).into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let aksi = format!("/sistem-elektronik/{id}/data-awal");
            let mut h = form_data_awal(&s, &a, aksi, isian, galat).await?;
            h.dalam_perubahan = lihat(&s, &a, &id).await?.status == StatusSistem::DalamPerubahan;
            Ok((status, h).into_response())
        }
    }
}

async fn lihat(s: &AppState, a: &Aktor, id: &str) -> Result<SistemElektronik, GalatHalaman> {
    let sid = id_sistem(a, id)?;
    s.sistem.lihat(&a.aktor, sid).await.halaman(a)
}

// ---------------------------------------------------------------- task list, check answers, admin view

/// One of the ten parts in the task list.
pub struct BarisBagian {
    judul: &'static str,
    tautan: String,
    status: StatusBagian,
}

/// A section's answers as people read them.
pub struct RincianBagian {
    judul: &'static str,
    tautan: String,
    baris: Vec<(&'static str, String)>,
}

/// How the system page is shown.
#[derive(PartialEq, Eq)]
pub enum Tampilan {
    /// The owner's task list.
    Tugas,
    /// The owner's check-your-answers page with the submit button.
    Periksa,
    /// The admin's verification view.
    Admin,
}

/// The page of one system.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_detail.html")]
pub struct HalamanSistem {
    nav: Nav,
    tampilan: Tampilan,
    id: String,
    nama: String,
    instansi: String,
    status: &'static str,
    status_kode: &'static str,
    progres: u32,
    data_awal: Vec<(&'static str, String)>,
    bagian: Vec<BarisBagian>,
    rincian: Vec<RincianBagian>,
    bisa_diisi: bool,
    pengembalian: Option<(String, String)>,
    tanda_daftar: Option<(u64, String, String)>,
    penilaian: Option<(u32, &'static str)>,
    kategori_berbeda: Option<String>,
    galat: Vec<GalatIsian>,
    catatan: String,
    /// Change requests of the system, newest first.
    riwayat: Vec<super::halaman_perubahan::BarisPerubahan>,
    /// The approved change being made now.
    perubahan_terbuka: Option<String>,
}

fn lengkap_atau_belum(lengkap: bool) -> StatusBagian {
    if lengkap {
        StatusBagian::Lengkap
    } else {
        StatusBagian::BelumDiisi
    }
}

fn halaman_sistem(
    a: &Aktor,
    x: &SistemElektronik,
    instansi: String,
    base_url: &str,
    tampilan: Tampilan,
) -> HalamanSistem {
    let d = &x.data_awal;
    let id = x.id.to_string();
    let mut bagian: Vec<BarisBagian> = Bagian::SEMUA
        .iter()
        .map(|b| BarisBagian {
            judul: b.judul(),
            tautan: format!("/sistem-elektronik/{id}/bagian/{}", b.kode()),
            status: x.status_bagian(*b),
        })
        .collect();
    bagian.push(BarisBagian {
        judul: "Dokumen Pendukung",
        tautan: format!("/sistem-elektronik/{id}/dokumen"),
        status: lengkap_atau_belum(!x.dokumen.is_empty()),
    });
    bagian.push(BarisBagian {
        judul: "Penilaian Kategori Sistem Elektronik",
        tautan: format!("/sistem-elektronik/{id}/penilaian-kategori"),
        status: lengkap_atau_belum(x.penilaian.is_some()),
    });
    let rincian = Bagian::SEMUA
        .iter()
        .map(|b| RincianBagian {
            judul: b.judul(),
            tautan: format!("/sistem-elektronik/{id}/bagian/{}", b.kode()),
            baris: b
                .kolom()
                .iter()
                .map(|(n, l, _)| {
                    (
                        *l,
                        x.bagian
                            .get(b)
                            .and_then(|v| v.get(*n))
                            .map(teks_nilai)
                            .unwrap_or_else(|| "—".into()),
                    )
                })
                .collect(),
        })
        .collect();
    let penilaian = x.penilaian.as_ref().map(|p| (p.skor, p.kategori.label()));
    HalamanSistem {
        nav: Nav::dari(a),
        tampilan,
        nama: d.nama_eksternal.clone(),
        instansi,
        status: x.status.label(),
        status_kode: x.status.kode(),
        progres: x.progres(),
        data_awal: d.rincian(),
        bagian,
        rincian,
        bisa_diisi: x.status.bisa_diisi(),
        pengembalian: x
            .pengembalian
            .as_ref()
            .map(|p| (p.alasan.clone(), wib(p.waktu))),
        tanda_daftar: x.tanda_daftar.as_ref().map(|t| {
            (
                t.nomor,
                pse_kernel::kalender::tanggal_panjang(t.tanggal_terbit),
                super::api_sistem::url_verifikasi(base_url, t.nomor),
            )
        }),
        kategori_berbeda: x.kategori_berbeda().then(|| {
            format!(
                "Kategori yang dinyatakan ({}) berbeda dengan hasil penilaian ({}); hasil penilaian yang berlaku.",
                d.kategori.label(),
                penilaian.map(|p| p.1).unwrap_or_default()
            )
        }),
        penilaian,
        galat: Vec::new(),
        catatan: String::new(),
        riwayat: Vec::new(),
        perubahan_terbuka: None,
        id,
    }
}

async fn tampilkan(
    s: &AppState,
    a: &Aktor,
    id: &str,
    tampilan: Tampilan,
) -> Result<HalamanSistem, GalatHalaman> {
    let sid = id_sistem(a, id)?;
    let (x, riwayat) = s
        .perubahan
        .sistem_dengan_riwayat(&a.aktor, sid)
        .await
        .halaman(a)?;
    let mut h = halaman_sistem(
        a,
        &x.sistem,
        x.instansi,
        &s.konfigurasi.base_url(),
        tampilan,
    );
    h.perubahan_terbuka = riwayat
        .iter()
        .find(|p| p.status == StatusPerubahan::DisetujuiSedangDalamPerubahan)
        .map(|p| p.id.to_string());
    h.riwayat = riwayat
        .iter()
        .map(super::halaman_perubahan::BarisPerubahan::from)
        .collect();
    Ok(h)
}

/// `GET /sistem-elektronik/{id}`: the task list.
pub async fn detail(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(tampilkan(&s, &a, &id, Tampilan::Tugas)
        .await?
        .into_response())
}

/// `GET /sistem-elektronik/{id}/periksa`: every answer, and the submit button.
pub async fn periksa(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(tampilkan(&s, &a, &id, Tampilan::Periksa)
        .await?
        .into_response())
}

/// `POST /sistem-elektronik/{id}/ajukan`.
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let sid = id_sistem(&a, &id)?;
    s.sistem.ajukan(&a.aktor, sid).await.halaman(&a)?;
    Ok(Redirect::to(&format!("/sistem-elektronik/{id}")).into_response())
}

/// `GET /admin/sistem-elektronik/{id}` (and `/admin/data-awal/{id}`): the admin's view.
pub async fn admin_detail(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(tampilkan(&s, &a, &id, Tampilan::Admin)
        .await?
        .into_response())
}

/// An admin decision form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormKeputusan {
    catatan: String,
}

/// `POST /admin/data-awal/{id}/{setujui|tolak}`.
pub async fn putuskan_data_awal(
    s: State<AppState>,
    a: Aktor,
    Path((id, keputusan)): Path<(String, String)>,
    f: Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    putuskan(s, a, "data-awal", id, keputusan, f).await
}

/// `POST /admin/sistem-elektronik/{id}/{setujui|tolak}` (`tolak` returns the form).
pub async fn putuskan_formulir(
    s: State<AppState>,
    a: Aktor,
    Path((id, keputusan)): Path<(String, String)>,
    f: Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    putuskan(s, a, "sistem-elektronik", id, keputusan, f).await
}

async fn putuskan(
    State(s): State<AppState>,
    a: Aktor,
    jenis: &str,
    id: String,
    keputusan: String,
    Form(f): Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    let sid = id_sistem(&a, &id)?;
    let setuju = match keputusan.as_str() {
        "setujui" => true,
        "tolak" => false,
        _ => return Err(GalatHalaman(WebError::tidak_ditemukan(), Nav::dari(&a))),
    };
    let hasil = match jenis {
        "data-awal" => {
            s.sistem
                .putuskan_data_awal(&a.aktor, sid, setuju, &f.catatan)
                .await
        }
        "sistem-elektronik" if setuju => s.sistem.setujui(&a.aktor, sid).await,
        "sistem-elektronik" => s.sistem.kembalikan(&a.aktor, sid, &f.catatan).await,
        _ => return Err(GalatHalaman(WebError::tidak_ditemukan(), Nav::dari(&a))),
    };
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/admin/sistem-elektronik/{id}")).into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let mut h = tampilkan(&s, &a, &id, Tampilan::Admin).await?;
            h.galat = galat;
            h.catatan = f.catatan;
            Ok((status, h).into_response())
        }
    }
}

// ---------------------------------------------------------------- one section

/// A field on a section page.
pub struct KolomForm {
    nama: &'static str,
    label: &'static str,
    /// `teks`, `panjang`, `tanggal`, `angka`, `ya_tidak`, `pilihan`, `daftar_pilihan`, `email`,
    /// `tel`, `url`.
    bentuk: &'static str,
    wajib: bool,
    nilai: String,
    opsi: Vec<(String, String, bool)>,
    galat: Option<String>,
}

/// A section page.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_bagian.html")]
pub struct HalamanBagian {
    nav: Nav,
    id: String,
    nama_sistem: String,
    judul: &'static str,
    kode: &'static str,
    kolom: Vec<KolomForm>,
    galat: Vec<GalatIsian>,
    /// The page shows a draft that is not yet saved in full.
    ada_draf: bool,
}

fn bentuk(j: JenisIsian, nama: &str) -> &'static str {
    match j {
        JenisIsian::Teks | JenisIsian::TeksOpsional
            if ["fungsi", "spesifikasi", "alamat", "dasar_hukum"].contains(&nama) =>
        {
            "panjang"
        }
        JenisIsian::Teks | JenisIsian::TeksOpsional | JenisIsian::KodePos => "teks",
        JenisIsian::Tanggal => "tanggal",
        JenisIsian::Cacah => "angka",
        JenisIsian::YaTidak => "ya_tidak",
        JenisIsian::Pilihan(_) => "pilihan",
        JenisIsian::DaftarPilihan(_) => "daftar_pilihan",
        JenisIsian::Email => "email",
        JenisIsian::Telepon => "tel",
        JenisIsian::UrlOpsional => "url",
    }
}

fn halaman_bagian(
    a: &Aktor,
    x: &SistemElektronik,
    b: Bagian,
    isi: &Value,
    galat: Vec<GalatIsian>,
) -> HalamanBagian {
    let kolom = b
        .kolom()
        .iter()
        .map(|(nama, label, jenis)| {
            let v = isi.get(*nama).cloned().unwrap_or(Value::Null);
            let nilai = match &v {
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            let dipilih: Vec<String> = match &v {
                Value::Array(a) => a
                    .iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect(),
                Value::String(s) => vec![s.clone()],
                _ => Vec::new(),
            };
            let opsi = match jenis {
                JenisIsian::Pilihan(o) | JenisIsian::DaftarPilihan(o) => o
                    .iter()
                    .map(|k| (k.to_string(), label_kode(k), dipilih.iter().any(|d| d == k)))
                    .collect(),
                _ => Vec::new(),
            };
            KolomForm {
                nama,
                label,
                bentuk: bentuk(*jenis, nama),
                wajib: jenis.wajib(),
                nilai,
                opsi,
                galat: galat_isian(&galat, nama).map(String::from),
            }
        })
        .collect();
    HalamanBagian {
        nav: Nav::dari(a),
        id: x.id.to_string(),
        nama_sistem: x.data_awal.nama_eksternal.clone(),
        judul: b.judul(),
        kode: b.kode(),
        kolom,
        galat,
        ada_draf: x.draf.contains_key(&b),
    }
}

fn bagian_dari(a: &Aktor, kode: &str) -> Result<Bagian, GalatHalaman> {
    Bagian::parse(kode).ok_or_else(|| GalatHalaman(WebError::tidak_ditemukan(), Nav::dari(a)))
}

/// `GET /sistem-elektronik/{id}/bagian/{bagian}`.
pub async fn form_bagian(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, kode)): Path<(String, String)>,
) -> Result<Response, GalatHalaman> {
    let b = bagian_dari(&a, &kode)?;
    let x = lihat(&s, &a, &id).await?;
    let isi = x.isian_bagian(b).cloned().unwrap_or(Value::Null);
    Ok(halaman_bagian(&a, &x, b, &isi, Vec::new()).into_response())
}

/// `POST /sistem-elektronik/{id}/bagian/{bagian}`: repeated names (check boxes) become a list;
/// the "Simpan sementara" button (`aksi=draf`) keeps the values as a draft without checking them.
pub async fn simpan_bagian(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, kode)): Path<(String, String)>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, GalatHalaman> {
    let b = bagian_dari(&a, &kode)?;
    let mut isi = Map::new();
    for (nama, _, jenis) in b.kolom() {
        let nilai: Vec<&String> = pasangan
            .iter()
            .filter(|(k, _)| k == nama)
            .map(|(_, v)| v)
            .collect();
        let v = match jenis {
            JenisIsian::DaftarPilihan(_) => {
                Value::from(nilai.into_iter().cloned().collect::<Vec<_>>())
            }
            _ => nilai
                .first()
                .map_or(Value::Null, |v| Value::String((*v).clone())),
        };
        isi.insert((*nama).into(), v);
    }
    let isi = Value::Object(isi);
    let x = lihat(&s, &a, &id).await?;
    let hasil = if pasangan.iter().any(|(k, v)| k == "aksi" && v == "draf") {
        s.sistem.simpan_draf(&a.aktor, x.id, b, &isi).await
    } else {
        s.sistem.isi_bagian(&a.aktor, x.id, b, &isi).await
    };
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/sistem-elektronik/{id}")).into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((status, halaman_bagian(&a, &x, b, &isi, galat)).into_response())
        }
    }
}

// ---------------------------------------------------------------- supporting documents

/// The supporting documents page.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_dokumen.html")]
pub struct HalamanDokumen {
    nav: Nav,
    id: String,
    nama_sistem: String,
    dokumen: Vec<(String, String, String)>,
    jenis: Vec<Opsi>,
    bisa_diisi: bool,
    batas_mib: u64,
    galat: Vec<GalatIsian>,
}

impl HalamanDokumen {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

fn halaman_dokumen(
    s: &AppState,
    a: &Aktor,
    x: &SistemElektronik,
    jenis: &str,
    galat: Vec<GalatIsian>,
) -> HalamanDokumen {
    HalamanDokumen {
        nav: Nav::dari(a),
        id: x.id.to_string(),
        nama_sistem: x.data_awal.nama_eksternal.clone(),
        dokumen: x
            .dokumen
            .iter()
            .map(|d| {
                (
                    d.nama_berkas.clone(),
                    label_kode(&d.jenis),
                    d.sha256.clone(),
                )
            })
            .collect(),
        jenis: opsi_kode(&["sop", "arsitektur", "manual", "lainnya"], jenis),
        bisa_diisi: x.status.bisa_diisi(),
        batas_mib: s.sistem.pengaturan().batas_dokumen / (1024 * 1024),
        galat,
    }
}

/// `GET /sistem-elektronik/{id}/dokumen`.
pub async fn form_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    Ok(halaman_dokumen(&s, &a, &x, "", Vec::new()).into_response())
}

/// `POST /sistem-elektronik/{id}/dokumen` (multipart `jenis` + `berkas`).
pub async fn unggah_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let (nama, isi) = f
        .berkas
        .get("berkas")
        .map(|b| (b.nama.clone(), b.isi.clone()))
        .unwrap_or_default();
    let jenis = f.teks("jenis");
    match s
        .sistem
        .unggah_dokumen(&a.aktor, x.id, &jenis, &nama, isi)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/sistem-elektronik/{id}/dokumen")).into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((status, halaman_dokumen(&s, &a, &x, &jenis, galat)).into_response())
        }
    }
}

// ---------------------------------------------------------------- self-assessment

/// One question on the self-assessment page.
pub struct Soal {
    nomor: usize,
    teks: &'static str,
    pilihan: Vec<(&'static str, &'static str, bool)>,
    galat: Option<String>,
}

/// The self-assessment page.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_penilaian.html")]
pub struct HalamanPenilaian {
    nav: Nav,
    id: String,
    nama_sistem: String,
    soal: Vec<Soal>,
    hasil: Option<(u32, &'static str)>,
    galat: Vec<GalatIsian>,
}

fn halaman_penilaian(
    a: &Aktor,
    x: &SistemElektronik,
    jawaban: &[String],
    galat: Vec<GalatIsian>,
) -> HalamanPenilaian {
    let soal = PERTANYAAN
        .iter()
        .enumerate()
        .map(|(i, (teks, abc))| Soal {
            nomor: i + 1,
            teks,
            pilihan: ["A", "B", "C"]
                .iter()
                .zip(abc.iter())
                .map(|(h, t)| (*h, *t, jawaban.get(i).is_some_and(|j| j == h)))
                .collect(),
            galat: galat_isian(&galat, &format!("jawaban[{i}]")).map(String::from),
        })
        .collect();
    HalamanPenilaian {
        nav: Nav::dari(a),
        id: x.id.to_string(),
        nama_sistem: x.data_awal.nama_eksternal.clone(),
        soal,
        hasil: x.penilaian.as_ref().map(|p| (p.skor, p.kategori.label())),
        galat,
    }
}

/// `GET /sistem-elektronik/{id}/penilaian-kategori`.
pub async fn form_penilaian(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let jawaban: Vec<String> = x
        .penilaian
        .as_ref()
        .map(|p| p.jawaban.iter().map(|j| format!("{j:?}")).collect())
        .unwrap_or_default();
    Ok(halaman_penilaian(&a, &x, &jawaban, Vec::new()).into_response())
}

/// `POST /sistem-elektronik/{id}/penilaian-kategori` (`jawaban[0]` … `jawaban[9]`).
pub async fn simpan_penilaian(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let jawaban: Vec<String> = (0..PERTANYAAN.len())
        .map(|i| {
            pasangan
                .iter()
                .find(|(k, _)| *k == format!("jawaban[{i}]"))
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
        .collect();
    match s.sistem.nilai_kategori(&a.aktor, x.id, &jawaban).await {
        Ok(_) => Ok(Redirect::to(&format!("/sistem-elektronik/{id}")).into_response()),
        Err(e) => {
            let (status, mut galat) = GalatHalamanAtau::from(e).isian(&a)?;
            // Name each unanswered question instead of the count.
            galat.retain(|g| g.field != "jawaban");
            for (i, j) in jawaban.iter().enumerate() {
                if j.is_empty() && !galat.iter().any(|g| g.field == format!("jawaban[{i}]")) {
                    galat.push(GalatIsian::new(
                        &format!("jawaban[{i}]"),
                        format!("Pilih jawaban pertanyaan {}.", i + 1),
                    ));
                }
            }
            galat.sort_by_key(|g| {
                g.field
                    .trim_start_matches("jawaban[")
                    .trim_end_matches(']')
                    .parse::<usize>()
                    .unwrap_or(0)
            });
            Ok((status, halaman_penilaian(&a, &x, &jawaban, galat)).into_response())
        }
    }
}
