//! Server-rendered pages in Indonesian. They work without JavaScript: forms post back, errors are
//! summarised at the top and repeated beside each field, and every typed value is kept.

use crate::app::AppState;
use crate::web::galat::WebError;
use crate::web::sesi::Aktor;
use crate::web::unggah::FormMultipart;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use pse_kernel::{Peran, PermohonanId};
use registrasi_pejabat::model::{
    Blok, FormulirPendaftaran, JenisInstansi, JenisKepegawaian, JenisSurat, KategoriPenolakan,
    PermohonanPejabat, PilihanInstansi,
};
use registrasi_pejabat::service::UbahProfil;
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use secrecy::SecretString;
use serde::Deserialize;

/// What the header shows.
pub struct Nav {
    /// Whether someone is logged in.
    pub masuk: bool,
    /// Whether it is an admin.
    pub admin: bool,
    /// Whether it is a Pejabat Pendaftar (manages units and users).
    pub pejabat: bool,
    /// The account's name.
    pub nama: String,
}

impl Nav {
    /// The header of `a`.
    pub fn dari(a: &Aktor) -> Self {
        Self {
            masuk: a.akun.is_some(),
            admin: a.aktor.adalah_admin(),
            pejabat: a.aktor.peran() == Some(Peran::PejabatPendaftar),
            nama: a.akun.as_ref().map(|a| a.nama.clone()).unwrap_or_default(),
        }
    }
}

/// One option of a select list.
pub struct Opsi {
    pub(crate) nilai: String,
    pub(crate) label: String,
    pub(crate) dipilih: bool,
}

pub(crate) fn opsi<'a>(
    daftar: impl IntoIterator<Item = (&'a str, &'a str)>,
    pilihan: &str,
) -> Vec<Opsi> {
    daftar
        .into_iter()
        .map(|(n, l)| Opsi {
            nilai: n.into(),
            label: l.into(),
            dipilih: n == pilihan.trim(),
        })
        .collect()
}

pub(crate) fn galat_isian<'a>(galat: &'a [GalatIsian], field: &str) -> Option<&'a str> {
    galat
        .iter()
        .find(|g| g.field == field)
        .map(|g| g.message.as_str())
}

/// Time in WIB, as people read it.
pub(crate) fn wib(t: DateTime<Utc>) -> String {
    t.with_timezone(&pse_kernel::kalender::wib())
        .format("%d-%m-%Y %H:%M")
        .to_string()
}

/// A generic message or error page.
#[derive(Template, WebTemplate)]
#[template(path = "pesan.html")]
pub struct HalamanPesan {
    nav: Nav,
    judul: String,
    paragraf: Vec<String>,
    tautan: Option<(String, String)>,
    galat: bool,
}

/// An error shown as a page; a missing login sends the user to the login page.
pub struct GalatHalaman(pub WebError, pub Nav);

impl IntoResponse for GalatHalaman {
    fn into_response(self) -> Response {
        let GalatHalaman(e, nav) = self;
        if e.status == StatusCode::UNAUTHORIZED {
            return Redirect::to("/masuk").into_response();
        }
        let judul = match e.status {
            StatusCode::NOT_FOUND => "Tidak ditemukan",
            StatusCode::FORBIDDEN => "Tidak diizinkan",
            StatusCode::CONFLICT => "Tidak dapat diproses",
            StatusCode::SERVICE_UNAVAILABLE => "Layanan sebentar tidak tersedia",
            s if s.is_server_error() => "Terjadi kesalahan",
            _ => "Permintaan tidak dapat diproses",
        };
        let mut paragraf = vec![e.pesan.clone()];
        paragraf.extend(
            e.galat
                .iter()
                .filter(|g| g.message != e.pesan)
                .map(|g| g.message.clone()),
        );
        let halaman = HalamanPesan {
            nav,
            judul: judul.into(),
            paragraf,
            tautan: Some(("/".into(), "Kembali ke beranda".into())),
            galat: true,
        };
        let mut r = (e.status, halaman).into_response();
        super::galat::coba_lagi(e.status, &mut r);
        r
    }
}

pub(crate) trait KeHalaman<T> {
    fn halaman(self, a: &Aktor) -> Result<T, GalatHalaman>;
}

impl<T, E: Into<WebError>> KeHalaman<T> for Result<T, E> {
    fn halaman(self, a: &Aktor) -> Result<T, GalatHalaman> {
        self.map_err(|e| GalatHalaman(e.into(), Nav::dari(a)))
    }
}

pub(crate) fn pesan(
    a: &Aktor,
    judul: &str,
    paragraf: Vec<String>,
    tautan: Option<(&str, &str)>,
) -> HalamanPesan {
    HalamanPesan {
        nav: Nav::dari(a),
        judul: judul.into(),
        paragraf,
        tautan: tautan.map(|(h, t)| (h.into(), t.into())),
        galat: false,
    }
}

/// The admin's list of undelivered emails.
#[derive(Template, WebTemplate)]
#[template(path = "admin_surel.html")]
pub struct HalamanSurel {
    nav: Nav,
    /// When queued (WIB), recipient, event, status, attempts, last error.
    baris: Vec<(String, String, String, String, u32, String)>,
}

/// `GET /admin/surel`.
pub async fn surel(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let baris = s
        .registrasi
        .surel_tertunda(&a.aktor)
        .await
        .halaman(&a)?
        .into_iter()
        .map(|p| {
            (
                wib(p.dibuat_pada),
                p.kepada,
                p.template.replace('_', " "),
                p.status,
                p.percobaan,
                p.galat_terakhir.unwrap_or_default(),
            )
        })
        .collect();
    Ok(HalamanSurel {
        nav: Nav::dari(&a),
        baris,
    }
    .into_response())
}

/// A page that asks before something is deleted: the red button posts, "Batal" goes back.
#[derive(Template, WebTemplate)]
#[template(path = "konfirmasi.html")]
pub struct HalamanKonfirmasi {
    nav: Nav,
    judul: String,
    pesan: String,
    aksi: String,
    tombol: &'static str,
    batal: String,
}

/// The confirmation page of a delete posted to `aksi`.
pub(crate) fn konfirmasi(
    a: &Aktor,
    judul: String,
    pesan: String,
    aksi: String,
    tombol: &'static str,
    batal: &str,
) -> HalamanKonfirmasi {
    HalamanKonfirmasi {
        nav: Nav::dari(a),
        judul,
        pesan,
        aksi,
        tombol,
        batal: batal.into(),
    }
}

// ---------------------------------------------------------------- landing

/// The public landing page.
#[derive(Template, WebTemplate)]
#[template(path = "beranda_publik.html")]
pub struct BerandaPublik {
    nav: Nav,
}

/// `GET /`.
pub async fn beranda_publik(a: Aktor) -> Response {
    match a.akun.as_ref().map(|k| k.peran) {
        Some(Peran::Admin) => Redirect::to("/admin/antrian").into_response(),
        Some(_) => Redirect::to("/beranda").into_response(),
        None => BerandaPublik { nav: Nav::dari(&a) }.into_response(),
    }
}

// ---------------------------------------------------------------- registration

/// The correction context of a rejected application.
pub struct Perbaikan {
    kategori: String,
    catatan: String,
    dokumen: String,
    kode: String,
}

/// The registration form (new, or a correction).
#[derive(Template, WebTemplate)]
#[template(path = "pendaftaran.html")]
pub struct HalamanPendaftaran {
    nav: Nav,
    f: FormulirPendaftaran,
    galat: Vec<GalatIsian>,
    provinsi: Vec<Opsi>,
    kota: Vec<Opsi>,
    instansi: Vec<Opsi>,
    kepegawaian: Vec<Opsi>,
    jenis_instansi: Vec<Opsi>,
    status_baru: bool,
    status_pengganti: bool,
    perbaikan: Option<Perbaikan>,
    aksi: String,
    aksi_muat: String,
    batas_mib: u64,
    dokumen_tersimpan: bool,
}

impl HalamanPendaftaran {
    fn ada_galat(&self, field: &str) -> bool {
        galat_isian(&self.galat, field).is_some()
    }
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn halaman_pendaftaran(
    s: &AppState,
    a: &Aktor,
    f: FormulirPendaftaran,
    galat: Vec<GalatIsian>,
    perbaikan: Option<(PermohonanId, Perbaikan)>,
) -> Result<HalamanPendaftaran, RegistrasiError> {
    let provinsi = s.referensi.daftar_provinsi().await?;
    let (kota, instansi) = if f.provinsi.trim().is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let kota = s.referensi.daftar_kota(f.provinsi.trim()).await?;
        let instansi = s
            .referensi
            .cari_instansi("", Some(f.provinsi.trim()), 1)
            .await?
            .items
            .into_iter()
            .map(|i| (i.id().to_string(), i.rekam().nama.clone()))
            .collect::<Vec<_>>();
        (
            opsi(
                kota.iter().map(|w| (w.kode.as_str(), w.nama.as_str())),
                &f.kota,
            ),
            opsi(
                instansi.iter().map(|(i, n)| (i.as_str(), n.as_str())),
                &f.instansi_id,
            ),
        )
    };
    let (aksi, aksi_muat, perbaikan) = match perbaikan {
        Some((id, p)) => (
            format!("/pendaftaran-pejabat/{id}/perbaikan"),
            format!("/pendaftaran-pejabat/{id}/perbaikan/muat"),
            Some(p),
        ),
        None => (
            "/pendaftaran-pejabat".into(),
            "/pendaftaran-pejabat/muat".into(),
            None,
        ),
    };
    Ok(HalamanPendaftaran {
        nav: Nav::dari(a),
        dokumen_tersimpan: perbaikan.is_some(),
        provinsi: opsi(
            provinsi.iter().map(|w| (w.kode.as_str(), w.nama.as_str())),
            &f.provinsi,
        ),
        kota,
        instansi,
        kepegawaian: opsi(
            [
                JenisKepegawaian::Pns,
                JenisKepegawaian::Pppk,
                JenisKepegawaian::PegawaiTetap,
                JenisKepegawaian::Pkwtt,
            ]
            .iter()
            .map(|j| (j.kode(), j.label())),
            &f.jenis_kepegawaian,
        ),
        jenis_instansi: opsi(
            [
                JenisInstansi::Kementerian,
                JenisInstansi::Lembaga,
                JenisInstansi::Institusi,
            ]
            .iter()
            .map(|j| (j.kode(), j.label())),
            &f.instansi_baru_jenis,
        ),
        status_baru: f.status_pendaftar == "baru",
        status_pengganti: f.status_pendaftar == "pengganti",
        f,
        galat,
        perbaikan,
        aksi,
        aksi_muat,
        batas_mib: s.registrasi.pengaturan().batas_dokumen / (1024 * 1024),
    })
}

/// Turns a failed submission into field messages for the form; other errors stay errors.
fn galat_formulir(
    e: RegistrasiError,
    ada_berkas: bool,
) -> Result<(StatusCode, Vec<GalatIsian>), RegistrasiError> {
    let status = status_formulir(&e);
    match e {
        RegistrasiError::Validasi(mut g) => {
            if ada_berkas && !g.iter().any(|g| g.field == "dokumen") {
                g.push(GalatIsian::new(
                    "dokumen",
                    "Berkas PDF Anda sudah sesuai, tetapi demi keamanan tidak disimpan sebelum permohonan lengkap; pilih berkas itu sekali lagi sebelum mengirim.",
                ));
            }
            Ok((status, g))
        }
        RegistrasiError::BukanPdf | RegistrasiError::TerlaluBesar { .. } => {
            Ok((status, vec![GalatIsian::new("dokumen", e.to_string())]))
        }
        lain => Err(lain),
    }
}

/// The status of a form answered again with its messages.
fn status_formulir(e: &RegistrasiError) -> StatusCode {
    {
        match e {
            RegistrasiError::Validasi(_) => StatusCode::UNPROCESSABLE_ENTITY,
            RegistrasiError::BukanPdf => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            RegistrasiError::TerlaluBesar { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

/// `GET /pendaftaran-pejabat?provinsi=`.
pub async fn form_pendaftaran(
    State(s): State<AppState>,
    a: Aktor,
    Query(awal): Query<FormulirPendaftaran>,
) -> Result<Response, GalatHalaman> {
    Ok(halaman_pendaftaran(&s, &a, awal, Vec::new(), None)
        .await
        .halaman(&a)?
        .into_response())
}

/// `POST /pendaftaran-pejabat/muat`: reloads the form with the chosen province's lists (no-JS path).
pub async fn muat_pendaftaran(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    Ok(
        halaman_pendaftaran(&s, &a, f.formulir_pendaftaran(), Vec::new(), None)
            .await
            .halaman(&a)?
            .into_response(),
    )
}

/// A letter template ready to print (R-PEJ-16).
#[derive(Template, WebTemplate)]
#[template(path = "surat.html")]
pub struct HalamanSurat {
    judul: &'static str,
    jenis: &'static str,
    blok: Vec<Blok>,
}

/// `POST /pendaftaran-pejabat/templat/{surat}`: the registration form's values (as typed, unchecked)
/// fill the Surat Tugas or Surat Permohonan; nothing is stored.
pub async fn templat_surat(
    State(s): State<AppState>,
    a: Aktor,
    Path(kode): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let jenis = JenisSurat::parse(&kode)
        .ok_or_else(|| GalatHalaman(WebError::tidak_ditemukan(), Nav::dari(&a)))?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let blok = s
        .registrasi
        .templat_surat(&f.formulir_pendaftaran(), jenis)
        .await
        .halaman(&a)?;
    Ok(HalamanSurat {
        judul: jenis.judul(),
        jenis: jenis.kode(),
        blok,
    }
    .into_response())
}

/// `POST /pendaftaran-pejabat`.
pub async fn kirim_pendaftaran(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let formulir = f.formulir_pendaftaran();
    let berkas = f.berkas.get("dokumen").cloned();
    let ada_berkas = berkas.is_some();
    match s
        .registrasi
        .ajukan(&a.aktor, formulir.clone(), berkas)
        .await
    {
        Ok(p) => {
            Ok(Redirect::to(&format!("/pendaftaran-pejabat/{}/terkirim", p.id)).into_response())
        }
        Err(e) => {
            let (status, galat) = galat_formulir(e, ada_berkas).halaman(&a)?;
            let h = halaman_pendaftaran(&s, &a, formulir, galat, None)
                .await
                .halaman(&a)?;
            Ok((status, h).into_response())
        }
    }
}

/// `GET /pendaftaran-pejabat/{id}/terkirim`.
pub async fn pendaftaran_terkirim(a: Aktor, Path(id): Path<String>) -> Response {
    pesan(
        &a,
        "Permohonan terkirim",
        vec![
            format!("Nomor permohonan Anda: {id}."),
            "Direktorat LAIP akan memverifikasi data dan dokumen paling lama 1 hari kerja. Hasilnya dikirim ke email dinas Anda: bila disetujui, email berisi tautan aktivasi akun; bila perlu perbaikan, email berisi alasan dan tautan untuk memperbaiki permohonan ini.".into(),
        ],
        Some(("/", "Kembali ke beranda")),
    )
    .into_response()
}

/// Query of the correction link.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct KodePerbaikan {
    kode: String,
}

fn perbaikan_dari(p: &PermohonanPejabat, kode: &str) -> Perbaikan {
    Perbaikan {
        kategori: p
            .penolakan
            .as_ref()
            .map(|t| t.kategori.label().to_string())
            .unwrap_or_default(),
        catatan: p
            .penolakan
            .as_ref()
            .map(|t| t.catatan.clone())
            .unwrap_or_default(),
        dokumen: p.dokumen.nama_berkas.clone(),
        kode: kode.into(),
    }
}

fn formulir_dari(p: &PermohonanPejabat) -> FormulirPendaftaran {
    let d = &p.data;
    let (nip, nik) = match &d.nomor_induk {
        registrasi_pejabat::model::NomorInduk::Nip(n) => (n.as_ref().to_string(), String::new()),
        registrasi_pejabat::model::NomorInduk::Nik(n) => (String::new(), n.as_ref().to_string()),
    };
    let mut f = FormulirPendaftaran {
        email: d.email.to_string(),
        status_pendaftar: d.status_pendaftar.kode().into(),
        nama_lengkap: d.nama_lengkap.clone(),
        jenis_kepegawaian: d.jenis_kepegawaian.kode().into(),
        nip,
        nik,
        jabatan: d.jabatan.clone(),
        telepon_kantor: d.telepon_kantor.as_ref().into(),
        nomor_hp: d.nomor_hp.as_ref().into(),
        provinsi: d.provinsi.clone(),
        kota: d.kota.clone(),
        ..Default::default()
    };
    match &p.instansi {
        PilihanInstansi::Terdaftar { id, .. } => f.instansi_id = id.to_string(),
        PilihanInstansi::Usulan(u) => {
            f.instansi_baru_nama = u.nama.clone();
            f.instansi_baru_jenis = u.jenis.kode().into();
            f.instansi_baru_alamat = u.alamat.clone();
            f.instansi_baru_website = u.website.clone();
            f.instansi_baru_telepon = u.telepon.clone().unwrap_or_default();
        }
    }
    f
}

fn id_permohonan(id: &str) -> Result<PermohonanId, WebError> {
    id.parse().map_err(|_| WebError::tidak_ditemukan())
}

/// `GET /pendaftaran-pejabat/{id}/perbaikan?kode=`: the rejected application, prefilled.
pub async fn form_perbaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Query(q): Query<KodePerbaikan>,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    let p = s
        .registrasi
        .untuk_perbaikan(id, &q.kode)
        .await
        .halaman(&a)?;
    let h = halaman_pendaftaran(
        &s,
        &a,
        formulir_dari(&p),
        Vec::new(),
        Some((id, perbaikan_dari(&p, &q.kode))),
    )
    .await
    .halaman(&a)?;
    Ok(h.into_response())
}

/// `POST /pendaftaran-pejabat/{id}/perbaikan/muat` (no-JS list reload during a correction).
pub async fn muat_perbaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let p = s
        .registrasi
        .untuk_perbaikan(id, &f.teks("kode_perbaikan"))
        .await
        .halaman(&a)?;
    let h = halaman_pendaftaran(
        &s,
        &a,
        f.formulir_pendaftaran(),
        Vec::new(),
        Some((id, perbaikan_dari(&p, &f.teks("kode_perbaikan")))),
    )
    .await
    .halaman(&a)?;
    Ok(h.into_response())
}

/// `POST /pendaftaran-pejabat/{id}/perbaikan`.
pub async fn kirim_perbaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let kode = f.teks("kode_perbaikan");
    let formulir = f.formulir_pendaftaran();
    let berkas = f.berkas.get("dokumen").cloned();
    let ada_berkas = berkas.is_some();
    match s
        .registrasi
        .ajukan_ulang(id, &kode, formulir.clone(), berkas)
        .await
    {
        Ok(p) => {
            Ok(Redirect::to(&format!("/pendaftaran-pejabat/{}/terkirim", p.id)).into_response())
        }
        Err(e) => {
            let (status, galat) = galat_formulir(e, ada_berkas).halaman(&a)?;
            let p = s.registrasi.untuk_perbaikan(id, &kode).await.halaman(&a)?;
            let h = halaman_pendaftaran(
                &s,
                &a,
                formulir,
                galat,
                Some((id, perbaikan_dari(&p, &kode))),
            )
            .await
            .halaman(&a)?;
            Ok((status, h).into_response())
        }
    }
}

// ---------------------------------------------------------------- activation and login

/// The activation page.
#[derive(Template, WebTemplate)]
#[template(path = "aktivasi.html")]
pub struct HalamanAktivasi {
    nav: Nav,
    token: String,
    email: String,
    galat: Vec<GalatIsian>,
}

/// `GET /aktivasi/{token}`.
pub async fn form_aktivasi(
    State(s): State<AppState>,
    a: Aktor,
    Path(token): Path<String>,
) -> Result<Response, GalatHalaman> {
    let akun = s.registrasi.akun_untuk_aktivasi(&token).await.halaman(&a)?;
    Ok(HalamanAktivasi {
        nav: Nav::dari(&a),
        token,
        email: akun.email.to_string(),
        galat: Vec::new(),
    }
    .into_response())
}

/// The activation form.
#[derive(Deserialize)]
pub struct IsianAktivasi {
    kata_sandi: SecretString,
}

/// `POST /aktivasi/{token}`.
pub async fn kirim_aktivasi(
    State(s): State<AppState>,
    a: Aktor,
    Path(token): Path<String>,
    Form(b): Form<IsianAktivasi>,
) -> Result<Response, GalatHalaman> {
    match s.registrasi.aktivasi(&token, b.kata_sandi).await {
        Ok(_) => Ok(pesan(
            &a,
            "Akun aktif",
            vec!["Kata sandi tersimpan. Silakan masuk dengan email dan kata sandi Anda.".into()],
            Some(("/masuk", "Masuk")),
        )
        .into_response()),
        Err(RegistrasiError::Validasi(galat)) => {
            let akun = s.registrasi.akun_untuk_aktivasi(&token).await.halaman(&a)?;
            let h = HalamanAktivasi {
                nav: Nav::dari(&a),
                token,
                email: akun.email.to_string(),
                galat,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, h).into_response())
        }
        Err(e) => Err(e).halaman(&a),
    }
}

/// The login page.
#[derive(Template, WebTemplate)]
#[template(path = "masuk.html")]
pub struct HalamanMasuk {
    nav: Nav,
    email: String,
    galat: Vec<GalatIsian>,
}

/// `GET /masuk`.
pub async fn form_masuk(a: Aktor) -> Response {
    if a.akun.is_some() {
        return Redirect::to("/").into_response();
    }
    HalamanMasuk {
        nav: Nav::dari(&a),
        email: String::new(),
        galat: Vec::new(),
    }
    .into_response()
}

/// The login form.
#[derive(Deserialize)]
pub struct IsianMasuk {
    email: String,
    kata_sandi: SecretString,
}

/// `POST /masuk`.
pub async fn kirim_masuk(
    State(s): State<AppState>,
    a: Aktor,
    Form(b): Form<IsianMasuk>,
) -> Result<Response, GalatHalaman> {
    match s.registrasi.masuk(&b.email, &b.kata_sandi).await {
        Ok(akun) => {
            a.masuk(&akun).await.halaman(&a)?;
            Ok(Redirect::to("/").into_response())
        }
        Err(RegistrasiError::Infra(e)) => Err(RegistrasiError::Infra(e)).halaman(&a),
        Err(e) => {
            let status = match &e {
                RegistrasiError::AkunTerkunci { .. } => StatusCode::TOO_MANY_REQUESTS,
                RegistrasiError::AkunTidakAktif(_) => StatusCode::FORBIDDEN,
                _ => StatusCode::UNAUTHORIZED,
            };
            let h = HalamanMasuk {
                nav: Nav::dari(&a),
                email: b.email,
                galat: vec![GalatIsian::new("email", e.to_string())],
            };
            Ok((status, h).into_response())
        }
    }
}

/// `POST /keluar`.
pub async fn keluar(a: Aktor) -> Redirect {
    a.keluar().await;
    Redirect::to("/")
}

// ---------------------------------------------------------------- pejabat home

/// The pejabat's home with the profile.
#[derive(Template, WebTemplate)]
#[template(path = "beranda.html")]
pub struct HalamanBeranda {
    nav: Nav,
    peran: &'static str,
    instansi: String,
    unit: Option<String>,
    email: String,
    nomor_induk: String,
    profil: UbahProfil,
    galat: Vec<GalatIsian>,
    pesan: Option<String>,
    baris: Vec<super::halaman_sistem::BarisSistem>,
    hitungan: Vec<(&'static str, u64)>,
}

impl HalamanBeranda {
    fn ada_galat(&self, field: &str) -> bool {
        galat_isian(&self.galat, field).is_some()
    }
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn beranda_dengan(
    s: &AppState,
    a: &Aktor,
    profil: Option<UbahProfil>,
    galat: Vec<GalatIsian>,
    pesan: Option<String>,
) -> Result<HalamanBeranda, WebError> {
    let (akun, instansi, unit) = s.registrasi.profil(&a.aktor).await?;
    // The admin has no systems of its own; its home is the queue.
    let (baris, hitungan) = if a.aktor.adalah_admin() {
        (Vec::new(), Vec::new())
    } else {
        let terbaru = s
            .sistem
            .daftar(&a.aktor, &pse_kernel::Paging::pertama(10))
            .await?;
        let n = s.sistem.hitungan(&a.aktor).await?;
        (
            terbaru
                .items
                .iter()
                .map(super::halaman_sistem::BarisSistem::from)
                .collect(),
            super::halaman_sistem::hitungan_label(&n),
        )
    };
    Ok(HalamanBeranda {
        baris,
        hitungan,
        nav: Nav::dari(a),
        peran: akun.peran.label(),
        instansi: instansi
            .map(|i| i.rekam().nama.clone())
            .unwrap_or_else(|| "—".into()),
        unit: unit.map(|u| u.nama.clone()),
        email: akun.email.to_string(),
        nomor_induk: akun.nomor_induk.clone(),
        profil: profil.unwrap_or(UbahProfil {
            nama: akun.nama.clone(),
            jabatan: akun.jabatan.clone(),
            telepon_kantor: akun.telepon_kantor.clone(),
            nomor_hp: akun.nomor_hp.clone(),
        }),
        galat,
        pesan,
    })
}

/// `GET /beranda`.
pub async fn beranda(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    if a.aktor.adalah_admin() {
        return Ok(Redirect::to("/admin/antrian").into_response());
    }
    Ok(beranda_dengan(&s, &a, None, Vec::new(), None)
        .await
        .halaman(&a)?
        .into_response())
}

/// `POST /profil`.
pub async fn ubah_profil(
    State(s): State<AppState>,
    a: Aktor,
    Form(b): Form<UbahProfil>,
) -> Result<Response, GalatHalaman> {
    match s.registrasi.ubah_profil(&a.aktor, b.clone()).await {
        Ok(_) => Ok(
            beranda_dengan(&s, &a, None, Vec::new(), Some("Profil tersimpan.".into()))
                .await
                .halaman(&a)?
                .into_response(),
        ),
        Err(RegistrasiError::Validasi(g)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            beranda_dengan(&s, &a, Some(b), g, None).await.halaman(&a)?,
        )
            .into_response()),
        Err(e) => Err(e).halaman(&a),
    }
}

/// The password-change form.
#[derive(Deserialize)]
pub struct IsianKataSandi {
    kata_sandi_lama: SecretString,
    kata_sandi_baru: SecretString,
}

/// `POST /kata-sandi`.
pub async fn ganti_kata_sandi(
    State(s): State<AppState>,
    a: Aktor,
    Form(b): Form<IsianKataSandi>,
) -> Result<Response, GalatHalaman> {
    match s
        .registrasi
        .ganti_kata_sandi(&a.aktor, &b.kata_sandi_lama, b.kata_sandi_baru)
        .await
    {
        Ok(()) => Ok(
            beranda_dengan(&s, &a, None, Vec::new(), Some("Kata sandi diganti.".into()))
                .await
                .halaman(&a)?
                .into_response(),
        ),
        Err(RegistrasiError::Validasi(g)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            beranda_dengan(&s, &a, None, g, None).await.halaman(&a)?,
        )
            .into_response()),
        Err(e) => Err(e).halaman(&a),
    }
}

// ---------------------------------------------------------------- admin

/// A queue row.
pub struct BarisAntrian {
    jenis: &'static str,
    tautan: String,
    nama: String,
    email: String,
    instansi: String,
    masuk: String,
    tenggat: String,
    terlambat: bool,
}

/// The admin's queue.
#[derive(Template, WebTemplate)]
#[template(path = "admin_antrian.html")]
pub struct HalamanAntrian {
    nav: Nav,
    baris: Vec<BarisAntrian>,
    total: u64,
    pertama: Option<String>,
    berikutnya: Option<String>,
}

/// `GET /admin/antrian?setelah=`: everything waiting, oldest first, fifty at a time.
pub async fn antrian(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<super::api_sistem::QueryHalaman>,
) -> Result<Response, GalatHalaman> {
    let paging = q.paging().halaman(&a)?;
    let h = super::antrian::baca(&s, &a.aktor, &paging)
        .await
        .halaman(&a)?;
    Ok(HalamanAntrian {
        nav: Nav::dari(&a),
        baris: h
            .items
            .iter()
            .map(|i| BarisAntrian {
                jenis: i.label,
                tautan: i.tautan(),
                nama: i.nama.clone(),
                email: i.keterangan.clone(),
                instansi: i.instansi.clone(),
                masuk: wib(i.masuk),
                tenggat: wib(i.tenggat),
                terlambat: i.terlambat,
            })
            .collect(),
        total: h.total,
        pertama: (h.page != Some(1)).then(|| "/admin/antrian".to_string()),
        berikutnya: h.berikutnya.map(|c| format!("/admin/antrian?setelah={c}")),
    }
    .into_response())
}

/// The admin's view of one application.
#[derive(Template, WebTemplate)]
#[template(path = "admin_permohonan.html")]
pub struct HalamanPermohonan {
    nav: Nav,
    id: String,
    status: &'static str,
    jumlah_pengajuan: u32,
    rincian: Vec<(&'static str, String)>,
    nama_dokumen: String,
    menunggu: bool,
    kategori: Vec<Opsi>,
    catatan: String,
    galat: Vec<GalatIsian>,
}

impl HalamanPermohonan {
    fn ada_galat(&self, field: &str) -> bool {
        galat_isian(&self.galat, field).is_some()
    }
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

fn halaman_permohonan(
    a: &Aktor,
    p: &PermohonanPejabat,
    tolak: Option<IsianTolak>,
    galat: Vec<GalatIsian>,
) -> HalamanPermohonan {
    let d = &p.data;
    let mut rincian = vec![
        ("Nama lengkap", d.nama_lengkap.clone()),
        ("Email", d.email.to_string()),
        ("Status pendaftar", d.status_pendaftar.label().into()),
        ("Status kepegawaian", d.jenis_kepegawaian.label().into()),
        ("NIP/NIK", d.nomor_induk.to_string()),
        ("Jabatan", d.jabatan.clone()),
        ("Telepon kantor", d.telepon_kantor.as_ref().into()),
        ("Nomor HP", d.nomor_hp.as_ref().into()),
        ("Provinsi / kota", format!("{} / {}", d.provinsi, d.kota)),
        ("Masuk antrean", wib(p.masuk_antrian_pada)),
    ];
    match &p.instansi {
        PilihanInstansi::Terdaftar { nama, .. } => rincian.push(("Instansi", nama.clone())),
        PilihanInstansi::Usulan(u) => {
            rincian.push((
                "Instansi (usulan baru)",
                format!("{} ({})", u.nama, u.jenis.label()),
            ));
            rincian.push(("Alamat instansi", u.alamat.clone()));
            rincian.push(("Situs web instansi", u.website.clone()));
        }
    }
    if let Some(t) = &p.penolakan {
        rincian.push((
            "Penolakan terakhir",
            format!("{}: {}", t.kategori.label(), t.catatan),
        ));
    }
    let tolak = tolak.unwrap_or_default();
    HalamanPermohonan {
        nav: Nav::dari(a),
        id: p.id.to_string(),
        status: p.status.label(),
        jumlah_pengajuan: p.jumlah_pengajuan,
        rincian,
        nama_dokumen: p.dokumen.nama_berkas.clone(),
        menunggu: p.status == registrasi_pejabat::model::StatusPermohonan::Diajukan,
        kategori: opsi(
            KategoriPenolakan::SEMUA
                .iter()
                .map(|k| (k.kode(), k.label())),
            &tolak.kategori_alasan,
        ),
        catatan: tolak.catatan,
        galat,
    }
}

/// `GET /admin/pendaftaran-pejabat/{id}`.
pub async fn permohonan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    let p = s.registrasi.permohonan(&a.aktor, id).await.halaman(&a)?;
    Ok(halaman_permohonan(&a, &p, None, Vec::new()).into_response())
}

/// `GET /admin/pendaftaran-pejabat/{id}/dokumen`.
pub async fn dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    let (dok, isi) = s
        .registrasi
        .dokumen_permohonan(&a.aktor, id)
        .await
        .halaman(&a)?;
    Ok(super::lampiran(&dok.nama_berkas, "application/pdf", isi))
}

/// The approval form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IsianSetujui {
    catatan: String,
}

/// `POST /admin/pendaftaran-pejabat/{id}/setujui`.
pub async fn setujui(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(b): Form<IsianSetujui>,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    let p = s
        .registrasi
        .setujui(&a.aktor, id, Some(&b.catatan))
        .await
        .halaman(&a)?;
    Ok(pesan(
        &a,
        "Permohonan disetujui",
        vec![format!(
            "Akun Pejabat Pendaftar untuk {} dibuat; tautan aktivasi dikirim ke {}.",
            p.instansi.nama(),
            p.data.email
        )],
        Some(("/admin/antrian", "Kembali ke antrean")),
    )
    .into_response())
}

/// The rejection form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IsianTolak {
    kategori_alasan: String,
    catatan: String,
}

/// `POST /admin/pendaftaran-pejabat/{id}/tolak`.
pub async fn tolak(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(b): Form<IsianTolak>,
) -> Result<Response, GalatHalaman> {
    let id = id_permohonan(&id).halaman(&a)?;
    match s
        .registrasi
        .tolak(&a.aktor, id, &b.kategori_alasan, &b.catatan)
        .await
    {
        Ok(p) => Ok(pesan(
            &a,
            "Permohonan ditolak",
            vec![format!(
                "Alasan dan tautan perbaikan dikirim ke {}.",
                p.data.email
            )],
            Some(("/admin/antrian", "Kembali ke antrean")),
        )
        .into_response()),
        Err(RegistrasiError::Validasi(g)) => {
            let p = s.registrasi.permohonan(&a.aktor, id).await.halaman(&a)?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                halaman_permohonan(&a, &p, Some(b), g),
            )
                .into_response())
        }
        Err(e) => Err(e).halaman(&a),
    }
}

/// The audit trail page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_audit.html")]
pub struct HalamanAudit {
    nav: Nav,
    subjek: String,
    total: u64,
    page: u64,
    lanjut: bool,
    baris: Vec<(String, String, String, String, String, String)>,
}

/// Query of the audit page.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryAudit {
    subjek: String,
    page: Option<u64>,
}

/// `GET /admin/audit`.
pub async fn audit(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryAudit>,
) -> Result<Response, GalatHalaman> {
    let subjek = q.subjek.trim().to_string();
    let page = pse_kernel::Paging::nomor(q.page)
        .map_err(WebError::from)
        .halaman(&a)?;
    let h = s
        .registrasi
        .audit(
            &a.aktor,
            Some(subjek.as_str()).filter(|s| !s.is_empty()),
            page,
        )
        .await
        .halaman(&a)?;
    let baris = h
        .items
        .iter()
        .map(|e| {
            (
                wib(e.waktu),
                e.aktor.clone(),
                format!("{} {}", e.subjek_jenis, e.subjek_id),
                e.aksi.clone(),
                match (&e.dari_status, &e.ke_status) {
                    (Some(d), Some(k)) => format!("{d} → {k}"),
                    (None, Some(k)) => k.clone(),
                    _ => String::new(),
                },
                e.alasan.clone().unwrap_or_default(),
            )
        })
        .collect();
    Ok(HalamanAudit {
        nav: Nav::dari(&a),
        lanjut: page * pse_kernel::UKURAN_HALAMAN_AUDIT < h.total,
        subjek,
        total: h.total,
        page,
        baris,
    }
    .into_response())
}
