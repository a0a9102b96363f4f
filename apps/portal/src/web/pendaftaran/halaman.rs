//! Pages of the Pejabat Pendaftar's application: the public form with its letter templates, the
//! confirmation, and the correction of a rejected application reached by its emailed code.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi, pesan};
use crate::web::sesi::Aktor;
use crate::web::unggah::FormMultipart;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pse_kernel::Galat;
use pse_kernel::PermohonanId;
use registrasi_pejabat::model::{
    Berkas, Blok, FormulirPendaftaran, JenisInstansi, JenisKepegawaian, JenisSurat,
    PermohonanPejabat, PilihanInstansi,
};
use registrasi_pejabat::referensi::SaringWilayah;
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use serde::Deserialize;

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
    tingkat_jabatan: Vec<Opsi>,
    jenis_instansi: Vec<Opsi>,
    status_pendaftar: Vec<Opsi>,
    perbaikan: Option<Perbaikan>,
    aksi: String,
    aksi_muat: String,
    /// The words the instansi list was searched for (the no-JS search).
    cari_instansi: String,
    batas_mib: u64,
    dokumen_tersimpan: bool,
    /// The file of a submission refused for its other fields, kept: its hash and name.
    berkas_sementara: Option<(String, String)>,
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
    cari: &str,
) -> Result<HalamanPendaftaran, RegistrasiError> {
    let provinsi = s.referensi.daftar_provinsi().await?;
    let (kota, instansi) = if f.provinsi.trim().is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let kota = s.referensi.daftar_kota(f.provinsi.trim()).await?;
        let instansi = s
            .referensi
            .cari_instansi(cari, SaringWilayah::baru(&f.provinsi, &f.kota), 1)
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
        berkas_sementara: None,
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
        tingkat_jabatan: opsi(
            registrasi_pejabat::model::TingkatJabatan::SEMUA
                .iter()
                .map(|t| (t.kode(), t.label())),
            &f.tingkat_jabatan,
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
        status_pendaftar: opsi(
            [
                (
                    "baru",
                    "Pendaftar Baru — instansi belum memiliki Pejabat Pendaftar aktif",
                ),
                (
                    "pengganti",
                    "Pendaftar Pengganti — menggantikan Pejabat Pendaftar yang aktif",
                ),
            ],
            &f.status_pendaftar,
        ),
        f,
        galat,
        perbaikan,
        aksi,
        aksi_muat,
        cari_instansi: cari.trim().to_string(),
        batas_mib: s.registrasi.pengaturan().batas_dokumen / (1024 * 1024),
    })
}

/// Turns a failed submission into field messages for the form; other errors stay errors.
/// The file of a submission: a newly chosen one, else the one kept from the last refused
/// submission (`dokumen_sha256`, `dokumen_nama`).
async fn berkas_dipilih(
    s: &AppState,
    a: &Aktor,
    f: &FormMultipart,
) -> Result<Option<Berkas>, GalatHalaman> {
    match f.berkas.get("dokumen").cloned() {
        Some(b) => Ok(Some(b)),
        None => s
            .registrasi
            .berkas_tersimpan(&f.teks("dokumen_sha256"), &f.teks("dokumen_nama"))
            .await
            .halaman(a),
    }
}

/// A submission refused for its other fields keeps its file, so it need not be chosen again:
/// its hash and name for the page.
async fn simpan_sementara(
    s: &AppState,
    berkas: Option<Berkas>,
    galat: &[GalatIsian],
) -> Option<(String, String)> {
    match berkas {
        Some(b) if !galat.iter().any(|g| g.field == "dokumen") => s
            .registrasi
            .simpan_berkas_sementara(&b)
            .await
            .ok()
            .map(|d| (d.sha256, d.nama_berkas)),
        _ => None,
    }
}

fn galat_formulir(e: RegistrasiError) -> Result<(StatusCode, Vec<GalatIsian>), RegistrasiError> {
    let status = status_formulir(&e);
    match e {
        RegistrasiError::Umum(Galat::Validasi(g)) => Ok((status, g)),
        RegistrasiError::Umum(Galat::PdfDitolak(_))
        | RegistrasiError::Umum(Galat::TerlaluBesar { .. }) => {
            Ok((status, vec![GalatIsian::new("dokumen", e.to_string())]))
        }
        lain => Err(lain),
    }
}

/// The status of a form answered again with its messages.
fn status_formulir(e: &RegistrasiError) -> StatusCode {
    {
        match e {
            RegistrasiError::Umum(Galat::Validasi(_)) => StatusCode::UNPROCESSABLE_ENTITY,
            RegistrasiError::Umum(Galat::PdfDitolak(_)) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            RegistrasiError::Umum(Galat::TerlaluBesar { .. }) => StatusCode::PAYLOAD_TOO_LARGE,
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
    Ok(halaman_pendaftaran(&s, &a, awal, Vec::new(), None, "")
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
    Ok(halaman_pendaftaran(
        &s,
        &a,
        f.formulir_pendaftaran(),
        Vec::new(),
        None,
        &f.teks("cari_instansi"),
    )
    .await
    .halaman(&a)?
    .into_response())
}

/// A letter template ready to print (R-PEJ-16).
#[derive(Template, WebTemplate)]
#[template(path = "surat.html")]
pub struct HalamanSurat {
    judul: &'static str,
    jenis: &'static str,
    blok: Vec<Blok>,
}

impl HalamanSurat {
    /// The letter `jenis` made of `blok`.
    pub fn new(jenis: JenisSurat, blok: Vec<Blok>) -> Self {
        Self {
            judul: jenis.judul(),
            jenis: jenis.kode(),
            blok,
        }
    }
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
        .ok_or_else(|| GalatHalaman::untuk(WebError::tidak_ditemukan(), &a))?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let blok = s
        .registrasi
        .templat_surat(&f.formulir_pendaftaran(), jenis)
        .await
        .halaman(&a)?;
    Ok(HalamanSurat::new(jenis, blok).into_response())
}

/// `POST /pendaftaran-pejabat`.
pub async fn kirim_pendaftaran(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let formulir = f.formulir_pendaftaran();
    let berkas = berkas_dipilih(&s, &a, &f).await?;
    match s
        .registrasi
        .ajukan(&a.aktor, formulir.clone(), berkas.clone())
        .await
    {
        Ok(p) => Ok(
            Redirect::to(&format!("/pendaftaran-pejabat/{}/terkirim", p.nomor())).into_response(),
        ),
        Err(e) => {
            let (status, galat) = galat_formulir(e).halaman(&a)?;
            let sementara = simpan_sementara(&s, berkas, &galat).await;
            let mut h =
                halaman_pendaftaran(&s, &a, formulir, galat, None, &f.teks("cari_instansi"))
                    .await
                    .halaman(&a)?;
            h.berkas_sementara = sementara;
            Ok((status, h).into_response())
        }
    }
}

/// `GET /pendaftaran-pejabat/{nomor}/terkirim`: the receipt with the number people quote; a
/// path that is not such a number is not found (the page repeats only what it checked).
pub async fn pendaftaran_terkirim(a: Aktor, Path(nomor): Path<String>) -> Response {
    if !registrasi_pejabat::model::nomor_permohonan_sah(&nomor) {
        return GalatHalaman::untuk(WebError::tidak_ditemukan(), &a).into_response();
    }
    pesan(
        &a,
        "Permohonan terkirim",
        vec![
            format!("Nomor permohonan Anda: {nomor}."),
            "Konfirmasi dikirim ke email dinas Anda. Jika alamat itu tidak dapat dipakai untuk permohonan baru (misalnya sudah dipakai akun), email itu menjelaskan alasannya dan permohonan ini tidak diproses.".into(),
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
        tingkat_jabatan: d
            .tingkat_jabatan
            .map(|t| t.kode().to_string())
            .unwrap_or_default(),
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

/// `GET /pendaftaran-pejabat/{id}/perbaikan?kode=`: the rejected application, prefilled.
pub async fn form_perbaikan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Query(q): Query<KodePerbaikan>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
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
        "",
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
    let id = crate::web::jalur::id(&id).halaman(&a)?;
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
        &f.teks("cari_instansi"),
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
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let kode = f.teks("kode_perbaikan");
    let formulir = f.formulir_pendaftaran();
    let berkas = berkas_dipilih(&s, &a, &f).await?;
    match s
        .registrasi
        .ajukan_ulang(id, &kode, formulir.clone(), berkas.clone())
        .await
    {
        Ok(p) => Ok(
            Redirect::to(&format!("/pendaftaran-pejabat/{}/terkirim", p.nomor())).into_response(),
        ),
        Err(e) => {
            let (status, galat) = galat_formulir(e).halaman(&a)?;
            let sementara = simpan_sementara(&s, berkas, &galat).await;
            let p = s.registrasi.untuk_perbaikan(id, &kode).await.halaman(&a)?;
            let mut h = halaman_pendaftaran(
                &s,
                &a,
                formulir,
                galat,
                Some((id, perbaikan_dari(&p, &kode))),
                &f.teks("cari_instansi"),
            )
            .await
            .halaman(&a)?;
            h.berkas_sementara = sementara;
            Ok((status, h).into_response())
        }
    }
}
