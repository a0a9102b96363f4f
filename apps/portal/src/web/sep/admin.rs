//! The Direktorat's pages of the office applications: the catalogue and its sync tokens, the
//! requests with their due time and overdue mark, and a request's decision page (the misuse
//! register is `kasus`).

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, alihkan, galat_isian, opsi};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use aplikasi_perkantoran::permohonan::{AlasanTolak, StatusPermohonanSep};
use aplikasi_perkantoran::surat::{Surat, waktu};
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::{GalatIsian, JenisAntrian, Keputusan};
use secrecy::ExposeSecret;
use serde::Deserialize;

/// A request in the queue.
pub struct BarisPermohonan {
    id: String,
    sekretaris: String,
    status: &'static str,
    diajukan: String,
    tenggat: String,
    terlambat: bool,
}

/// The Direktorat's overview.
#[derive(Template, WebTemplate)]
#[template(path = "sep_admin.html")]
pub struct HalamanAdmin {
    nav: Nav,
    aplikasi: Vec<(String, String)>,
    antrian: Vec<BarisPermohonan>,
    total: u64,
    /// A token just issued, shown once.
    token: Option<(String, String)>,
    f: FormAplikasi,
    galat: Vec<GalatIsian>,
}

impl HalamanAdmin {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// A catalogue entry as posted.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct FormAplikasi {
    nama: String,
    deskripsi: String,
    url: String,
    dasar_penetapan: String,
}

async fn admin_dengan(
    s: &AppState,
    a: &Aktor,
    f: FormAplikasi,
    token: Option<(String, String)>,
    galat: Vec<GalatIsian>,
) -> Result<HalamanAdmin, GalatHalaman> {
    let katalog = s.sep.katalog().await.halaman(a)?;
    let h = s
        .sep
        .antrian(&a.aktor, &pse_kernel::Paging::pertama(50))
        .await
        .halaman(a)?;
    let now = s.store.sekarang();
    Ok(HalamanAdmin {
        nav: Nav::dari(a),
        aplikasi: katalog
            .iter()
            .map(|x| (x.id.to_string(), x.nama.clone()))
            .collect(),
        total: h.total,
        antrian: h
            .items
            .iter()
            .map(|p| BarisPermohonan {
                id: p.id.to_string(),
                sekretaris: format!(
                    "{} ({})",
                    p.isian.sekretaris.nama, p.isian.sekretaris.jabatan
                ),
                status: p.status.label(),
                diajukan: waktu(p.diajukan_pada),
                tenggat: match (p.status, p.tenggat_meja()) {
                    (StatusPermohonanSep::Diajukan, Some(t)) => {
                        format!("{} (pemeriksaan berkas)", waktu(t))
                    }
                    (_, Some(t)) => waktu(t),
                    (_, None) => "—".into(),
                },
                terlambat: p.terlambat(now),
            })
            .collect(),
        token,
        f,
        galat,
    })
}

/// `GET /admin/aplikasi-perkantoran`.
pub async fn ringkasan(State(s): State<AppState>, a: Aktor) -> Result<HalamanAdmin, GalatHalaman> {
    admin_dengan(&s, &a, FormAplikasi::default(), None, Vec::new()).await
}

/// `POST /admin/aplikasi-perkantoran`: a catalogue entry.
pub async fn tambah(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<FormAplikasi>,
) -> Result<Response, GalatHalaman> {
    let isian = aplikasi_perkantoran::katalog::IsianAplikasi {
        nama: f.nama.clone(),
        deskripsi: f.deskripsi.clone(),
        url: f.url.clone(),
        dasar_penetapan: f.dasar_penetapan.clone(),
    };
    match s.sep.tambah_aplikasi(&a.aktor, &isian).await {
        Ok(x) => Ok(alihkan(
            &a,
            "/admin/aplikasi-perkantoran",
            format!("{} ditambahkan ke katalog.", x.nama),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, admin_dengan(&s, &a, f, None, galat).await?).into_response())
        }
    }
}

/// `POST /admin/aplikasi-perkantoran/{id}/token`: shown once on the page it answers.
pub async fn token(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let t = s.sep.terbitkan_token(&a.aktor, id).await.halaman(&a)?;
    let nama = s
        .sep
        .katalog()
        .await
        .halaman(&a)?
        .into_iter()
        .find(|x| x.id == id)
        .map(|x| x.nama)
        .unwrap_or_default();
    Ok(admin_dengan(
        &s,
        &a,
        FormAplikasi::default(),
        Some((nama, t.expose_secret().to_string())),
        Vec::new(),
    )
    .await?
    .into_response())
}

/// A request's decision page.
#[derive(Template, WebTemplate)]
#[template(path = "sep_permohonan.html")]
pub struct HalamanPermohonan {
    nav: Nav,
    id: String,
    aplikasi: String,
    instansi: String,
    rincian: Vec<(&'static str, String)>,
    status: &'static str,
    status_kode: &'static str,
    tenggat: Option<String>,
    terlambat: bool,
    bisa_lengkap: bool,
    bisa_putus: bool,
    alasan: Vec<Opsi>,
    keputusan: Option<Surat>,
    galat: Vec<GalatIsian>,
}

impl HalamanPermohonan {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn permohonan_dengan(
    s: &AppState,
    a: &Aktor,
    id: pse_kernel::PermohonanSepId,
    galat: Vec<GalatIsian>,
) -> Result<HalamanPermohonan, GalatHalaman> {
    let st = s.sep.lihat(&a.aktor, id).await.halaman(a)?;
    let p = &st.permohonan;
    let label: Vec<(&str, &str)> = AlasanTolak::SEMUA
        .iter()
        .map(|x| (x.kode(), x.label()))
        .collect();
    Ok(HalamanPermohonan {
        nav: Nav::dari(a),
        id: p.id.to_string(),
        aplikasi: st.aplikasi.clone(),
        instansi: st.instansi.clone(),
        rincian: vec![
            (
                "Sekretaris",
                format!(
                    "{}, {} (NIP {})",
                    p.isian.sekretaris.nama, p.isian.sekretaris.jabatan, p.isian.sekretaris.nip
                ),
            ),
            ("Email Sekretaris", p.isian.sekretaris.email.clone()),
            (
                "Admin Pengelola",
                format!(
                    "{}, {} (NIP {})",
                    p.isian.admin.nama, p.isian.admin.jabatan, p.isian.admin.nip
                ),
            ),
            (
                "Kontak Admin Pengelola",
                format!("{} · {}", p.isian.admin.email, p.isian.admin_nomor_hp),
            ),
            ("Diajukan", waktu(p.diajukan_pada)),
        ],
        status: p.status.label(),
        status_kode: p.status.kode(),
        tenggat: p.tenggat().map(waktu),
        terlambat: p.terlambat(s.store.sekarang()),
        bisa_lengkap: p.status == StatusPermohonanSep::Diajukan,
        bisa_putus: p.status == StatusPermohonanSep::Lengkap,
        alasan: opsi(label, ""),
        keputusan: st.keputusan.clone(),
        galat,
    })
}

/// `GET /admin/permohonan-sep/{id}`.
pub async fn permohonan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<HalamanPermohonan, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    permohonan_dengan(&s, &a, id, Vec::new()).await
}

/// `GET /admin/permohonan-sep/{id}/dokumen/{jenis}`.
pub async fn dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, jenis)): Path<(String, String)>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let (nama, isi) = s.sep.dokumen(&a.aktor, id, &jenis).await.halaman(&a)?;
    Ok(crate::web::lampiran(&nama, "application/pdf", isi))
}

/// A decision form as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormKeputusan {
    catatan: String,
    kategori_alasan: String,
}

/// `POST /admin/permohonan-sep/{id}/{aksi}` for `lengkap`, `perbaikan`, `setujui`, `tolak`.
pub async fn putuskan(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, aksi)): Path<(String, String)>,
    Form(f): Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let (hasil, pesan) = match aksi.as_str() {
        "lengkap" => (
            s.sep
                .lengkap(&a.aktor, id)
                .await
                .map(|_| ())
                .map_err(WebError::from),
            "Berkas dinyatakan lengkap; keputusan paling lama 4 hari kerja.",
        ),
        "perbaikan" => (
            s.sep
                .minta_perbaikan(&a.aktor, id, &f.catatan)
                .await
                .map(|_| ())
                .map_err(WebError::from),
            "Permintaan perbaikan terkirim ke Sekretaris.",
        ),
        "setujui" => (
            putuskan_di_meja(&s, &a, id, Keputusan::Setujui { catatan: None }).await,
            "Permohonan disetujui; Admin Pengelola menerima tautan aktivasi.",
        ),
        "tolak" => (
            putuskan_di_meja(
                &s,
                &a,
                id,
                Keputusan::Tolak {
                    kategori_alasan: f.kategori_alasan.clone(),
                    catatan: f.catatan.clone(),
                },
            )
            .await,
            "Permohonan ditolak; surat keputusan terkirim ke Sekretaris.",
        ),
        _ => return Err(WebError::tidak_ditemukan()).halaman(&a),
    };
    match hasil {
        Ok(()) => Ok(alihkan(&a, &format!("/admin/permohonan-sep/{id}"), pesan).await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((status, permohonan_dengan(&s, &a, id, galat).await?).into_response())
        }
    }
}

/// Approves or refuses through the verification desk, which keeps the decision's time for the
/// service-level summary.
pub(crate) async fn putuskan_di_meja(
    s: &AppState,
    a: &Aktor,
    id: pse_kernel::PermohonanSepId,
    k: Keputusan,
) -> Result<(), WebError> {
    s.meja
        .putuskan(&a.aktor, JenisAntrian::PermohonanSep, &id.to_string(), &k)
        .await
        .map(|_| ())
}
