//! Pages of the Sub Pejabat ("Pengguna"): the list, adding and editing one, removal, and the
//! admin's view with its decision.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi};
use crate::web::sesi::Aktor;
use crate::web::unggah::FormMultipart;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pse_kernel::Galat;
use pse_kernel::{SubPejabatId, UnitId};
use registrasi_pejabat::model::unit::pohon;
use registrasi_pejabat::model::{
    FormulirSubPejabat, JenisKepegawaian, StatusSubPejabat, SubPejabat,
};
use registrasi_pejabat::{GalatIsian, RegistrasiError};

// ---------------------------------------------------------------- Pengguna (Sub Pejabat)

/// A row of the sub pejabat list.
pub struct BarisSub {
    id: String,
    nama: String,
    unit: String,
    email: String,
    status: &'static str,
    kelas: &'static str,
    bisa_diubah: bool,
}

/// The sub pejabat list.
#[derive(Template, WebTemplate)]
#[template(path = "pengguna.html")]
pub struct HalamanPengguna {
    nav: Nav,
    baris: Vec<BarisSub>,
    pesan: Option<String>,
}

fn kelas(s: StatusSubPejabat) -> &'static str {
    match s {
        StatusSubPejabat::Aktif => "hijau",
        StatusSubPejabat::TidakAktif => "kuning",
        StatusSubPejabat::Ditolak => "merah",
        StatusSubPejabat::Dihapus => "abu",
    }
}

async fn pengguna(
    s: &AppState,
    a: &Aktor,
    pesan: Option<String>,
) -> Result<HalamanPengguna, RegistrasiError> {
    let unit = s.registrasi.daftar_unit(&a.aktor).await?;
    let nama_unit = |id: UnitId| {
        unit.iter()
            .find(|u| u.id == id)
            .map(|u| u.nama.clone())
            .unwrap_or_else(|| "—".into())
    };
    let baris = s
        .registrasi
        .daftar_sub_pejabat(&a.aktor)
        .await?
        .iter()
        .map(|sp| BarisSub {
            id: sp.id.to_string(),
            nama: sp.data.nama_lengkap.clone(),
            unit: nama_unit(sp.data.unit_id),
            email: sp.data.email.to_string(),
            status: sp.status.label(),
            kelas: kelas(sp.status),
            bisa_diubah: sp.status != StatusSubPejabat::Dihapus,
        })
        .collect();
    Ok(HalamanPengguna {
        nav: Nav::dari(a),
        baris,
        pesan,
    })
}

/// `GET /pengguna`.
pub async fn halaman_pengguna(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Response, GalatHalaman> {
    Ok(pengguna(&s, &a, None).await.halaman(&a)?.into_response())
}

/// The add/edit form.
#[derive(Template, WebTemplate)]
#[template(path = "pengguna_form.html")]
pub struct HalamanFormSub {
    nav: Nav,
    judul: &'static str,
    aksi: String,
    ubah: bool,
    teks: Vec<(&'static str, &'static str, String, &'static str)>,
    kepegawaian: Vec<Opsi>,
    unit: Vec<Opsi>,
    galat: Vec<GalatIsian>,
}

impl HalamanFormSub {
    fn ada_galat(&self, field: &str) -> bool {
        galat_isian(&self.galat, field).is_some()
    }
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn form_sub(
    s: &AppState,
    a: &Aktor,
    f: FormulirSubPejabat,
    ubah: Option<SubPejabatId>,
    galat: Vec<GalatIsian>,
) -> Result<HalamanFormSub, RegistrasiError> {
    let unit = s.registrasi.daftar_unit(&a.aktor).await?;
    let urut = pohon(&unit);
    let label: Vec<(String, String)> = urut
        .iter()
        .map(|(d, u)| (u.id.to_string(), format!("{}{}", "— ".repeat(*d), u.nama)))
        .collect();
    Ok(HalamanFormSub {
        nav: Nav::dari(a),
        judul: if ubah.is_some() {
            "Ubah Sub Pejabat"
        } else {
            "Tambah Sub Pejabat"
        },
        aksi: match ubah {
            Some(id) => format!("/pengguna/{id}/ubah"),
            None => "/pengguna/tambah".into(),
        },
        ubah: ubah.is_some(),
        teks: vec![
            (
                "nama_lengkap",
                "Nama lengkap",
                f.nama_lengkap.clone(),
                "text",
            ),
            ("nip", "NIP", f.nip.clone(), "text"),
            ("jabatan", "Jabatan", f.jabatan.clone(), "text"),
            ("email", "Email dinas", f.email.clone(), "email"),
            ("telepon", "Nomor telepon", f.telepon.clone(), "tel"),
        ],
        kepegawaian: opsi(
            [
                JenisKepegawaian::Pns,
                JenisKepegawaian::Pppk,
                JenisKepegawaian::PegawaiTetap,
            ]
            .iter()
            .map(|j| (j.kode(), j.label())),
            &f.jenis_kepegawaian,
        ),
        unit: opsi(
            label.iter().map(|(i, l)| (i.as_str(), l.as_str())),
            &f.unit_id,
        ),
        galat,
    })
}

/// `GET /pengguna/tambah`.
pub async fn form_tambah_sub(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Response, GalatHalaman> {
    Ok(
        form_sub(&s, &a, FormulirSubPejabat::default(), None, Vec::new())
            .await
            .halaman(&a)?
            .into_response(),
    )
}

fn galat_form(e: RegistrasiError) -> Result<(StatusCode, Vec<GalatIsian>), RegistrasiError> {
    match e {
        RegistrasiError::Umum(Galat::Validasi(g)) => Ok((StatusCode::UNPROCESSABLE_ENTITY, g)),
        RegistrasiError::Umum(Galat::PdfDitolak(_)) => Ok((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            vec![GalatIsian::new("surat_tugas", e.to_string())],
        )),
        RegistrasiError::Umum(Galat::TerlaluBesar { .. }) => Ok((
            StatusCode::PAYLOAD_TOO_LARGE,
            vec![GalatIsian::new("surat_tugas", e.to_string())],
        )),
        lain => Err(lain),
    }
}

/// `POST /pengguna/tambah`.
pub async fn tambah_sub(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let formulir = crate::web::struktur::api::formulir(&f);
    match s
        .registrasi
        .tambah_sub_pejabat(
            &a.aktor,
            formulir.clone(),
            f.berkas.get("surat_tugas").cloned(),
        )
        .await
    {
        Ok(sp) => Ok(pengguna(
            &s,
            &a,
            Some(format!(
                "{} didaftarkan dan menunggu verifikasi admin.",
                sp.data.nama_lengkap
            )),
        )
        .await
        .halaman(&a)?
        .into_response()),
        Err(e) => {
            let (status, g) = galat_form(e).halaman(&a)?;
            Ok((
                status,
                form_sub(&s, &a, formulir, None, g).await.halaman(&a)?,
            )
                .into_response())
        }
    }
}

fn formulir_dari(sp: &SubPejabat) -> FormulirSubPejabat {
    FormulirSubPejabat {
        nama_lengkap: sp.data.nama_lengkap.clone(),
        nip: sp.data.nip.as_ref().into(),
        jenis_kepegawaian: sp.data.jenis_kepegawaian.kode().into(),
        jabatan: sp.data.jabatan.clone(),
        email: sp.data.email.to_string(),
        telepon: sp.data.telepon.as_ref().into(),
        unit_id: sp.data.unit_id.to_string(),
    }
}

/// `GET /pengguna/{id}/ubah`.
pub async fn form_ubah_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let sp = s.registrasi.sub_pejabat(&a.aktor, id).await.halaman(&a)?;
    Ok(form_sub(&s, &a, formulir_dari(&sp), Some(id), Vec::new())
        .await
        .halaman(&a)?
        .into_response())
}

/// `POST /pengguna/{id}/ubah`.
pub async fn ubah_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let formulir = crate::web::struktur::api::formulir(&f);
    match s
        .registrasi
        .ubah_sub_pejabat(
            &a.aktor,
            id,
            formulir.clone(),
            f.berkas.get("surat_tugas").cloned(),
        )
        .await
    {
        Ok(sp) => {
            let p = if sp.status == StatusSubPejabat::TidakAktif {
                format!(
                    "Perubahan {} tersimpan dan menunggu verifikasi ulang admin.",
                    sp.data.nama_lengkap
                )
            } else {
                format!("Perubahan {} tersimpan.", sp.data.nama_lengkap)
            };
            Ok(pengguna(&s, &a, Some(p)).await.halaman(&a)?.into_response())
        }
        Err(e) => {
            let (status, g) = galat_form(e).halaman(&a)?;
            Ok((
                status,
                form_sub(&s, &a, formulir, Some(id), g).await.halaman(&a)?,
            )
                .into_response())
        }
    }
}

/// `GET /pengguna/{id}/hapus`: asks first.
pub async fn konfirmasi_hapus_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let sid = crate::web::jalur::id(&id).halaman(&a)?;
    let sp = s.registrasi.sub_pejabat(&a.aktor, sid).await.halaman(&a)?;
    // Only the pejabat deletes (the use case checks again); the admin is not offered a dead end.
    if a.aktor.adalah_admin() {
        return Err(GalatHalaman::untuk(
            WebError::from(registrasi_pejabat::RegistrasiError::Umum(Galat::Dilarang)),
            &a,
        ));
    }
    Ok(crate::web::halaman::konfirmasi(
        &a,
        format!("Hapus Sub Pejabat {}?", sp.data.nama_lengkap),
        "Akunnya dinonaktifkan dan tidak dapat masuk lagi; sistem elektronik dan riwayatnya tetap tersimpan.".into(),
        format!("/pengguna/{id}/hapus"),
        "Ya, hapus Sub Pejabat",
        "/pengguna",
    )
    .into_response())
}

/// `POST /pengguna/{id}/hapus`.
pub async fn hapus_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    s.registrasi
        .hapus_sub_pejabat(&a.aktor, id)
        .await
        .halaman(&a)?;
    Ok(pengguna(
        &s,
        &a,
        Some(
            "Sub Pejabat dihapus; akunnya dinonaktifkan, riwayat dan sistemnya tetap tersimpan."
                .into(),
        ),
    )
    .await
    .halaman(&a)?
    .into_response())
}

/// `POST /pengguna/templat-surat-tugas` (the Sub Pejabat form, multipart): the Surat Tugas of a
/// Sub Pejabat filled with what was typed so far (unchecked); nothing is stored.
pub async fn templat_surat_tugas(
    State(s): State<AppState>,
    a: Aktor,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let blok = s
        .registrasi
        .templat_surat_sub(&a.aktor, &crate::web::struktur::api::formulir(&f))
        .await
        .halaman(&a)?;
    Ok(crate::web::pendaftaran::halaman::HalamanSurat::new(
        registrasi_pejabat::model::surat::JenisSurat::SuratTugasSubPejabat,
        blok,
    )
    .into_response())
}
