//! The Direktorat's pages of the office applications: the catalogue and its sync tokens, the
//! requests with their due time and overdue mark, a request's decision page, the misuse register,
//! a case's timeline and actions, and the printable Surat Peringatan.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, alihkan, galat_isian, opsi};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use aplikasi_perkantoran::penyalahgunaan::{KategoriPenyalahgunaan, StatusPenyalahgunaan};
use aplikasi_perkantoran::permohonan::{AlasanTolak, StatusPermohonanSep};
use aplikasi_perkantoran::surat::Surat;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::{GalatIsian, JenisAntrian, Keputusan};
use secrecy::ExposeSecret;
use serde::Deserialize;

fn waktu(t: chrono::DateTime<chrono::Utc>) -> String {
    let l = t.with_timezone(&pse_kernel::kalender::wib());
    format!(
        "{} pukul {} WIB",
        pse_kernel::kalender::tanggal_panjang(l.date_naive()),
        l.format("%H.%M")
    )
}

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
