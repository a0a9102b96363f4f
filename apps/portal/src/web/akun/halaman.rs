//! Pages of an account: activation, login and logout, the pejabat's home with the profile and
//! the password change.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, galat_isian, pesan};
use crate::web::klien::AlamatKlien;
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pse_kernel::Galat;
use registrasi_pejabat::service::UbahProfil;
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use secrecy::SecretString;
use serde::Deserialize;

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
        Err(RegistrasiError::Umum(Galat::Validasi(galat))) => {
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
    /// Shown above the form (an ended session).
    pesan: Option<String>,
}

/// Query of the login page.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryMasuk {
    sesi: String,
}

/// `GET /masuk`.
pub async fn form_masuk(a: Aktor, Query(q): Query<QueryMasuk>) -> Response {
    if a.akun.is_some() {
        return Redirect::to("/").into_response();
    }
    HalamanMasuk {
        nav: Nav::dari(&a),
        email: String::new(),
        galat: Vec::new(),
        pesan: (a.berakhir || q.sesi == "berakhir")
            .then(|| crate::web::sesi::PESAN_BERAKHIR.to_string()),
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
    klien: AlamatKlien,
    Form(b): Form<IsianMasuk>,
) -> Result<Response, GalatHalaman> {
    match s
        .registrasi
        .masuk(&b.email, &b.kata_sandi, &klien.teks())
        .await
    {
        Ok(akun) => {
            a.masuk(&akun).await.halaman(&a)?;
            Ok(Redirect::to("/").into_response())
        }
        Err(e @ RegistrasiError::Umum(Galat::Infra(_))) => Err(e).halaman(&a),
        Err(e) => {
            let status = match &e {
                RegistrasiError::AkunTerkunci { .. } => StatusCode::TOO_MANY_REQUESTS,
                RegistrasiError::AkunTidakAktif(_) => StatusCode::FORBIDDEN,
                _ => StatusCode::UNAUTHORIZED,
            };
            let tunggu = crate::web::galat::tunggu_detik(&e);
            let h = HalamanMasuk {
                nav: Nav::dari(&a),
                email: b.email,
                galat: vec![GalatIsian::new("email", e.to_string())],
                pesan: None,
            };
            let mut r = (status, h).into_response();
            crate::web::galat::coba_lagi(status, tunggu, &mut r);
            Ok(r)
        }
    }
}

/// `POST /keluar`.
pub async fn keluar(a: Aktor) -> Redirect {
    a.keluar().await;
    Redirect::to("/?keluar=1")
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
    baris: Vec<crate::web::sistem::halaman::BarisSistem>,
    hitungan: Vec<(&'static str, u64)>,
    /// Whether the systems section shows (not for a petugas layanan, whose work is the inbox).
    sistem: bool,
    /// Whether the instansi is a pemda (its one-door intake and petugas).
    pemda: bool,
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
    // The admin has no systems of its own, nor a petugas layanan.
    let sistem = !a.aktor.adalah_admin() && akun.peran != pse_kernel::Peran::PetugasLayanan;
    let (baris, hitungan) = if !sistem {
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
                .map(crate::web::sistem::halaman::BarisSistem::from)
                .collect(),
            crate::web::sistem::halaman::hitungan_label(&n),
        )
    };
    let pemda = instansi.as_ref().is_some_and(|i| {
        use registrasi_pejabat::model::JenisInstansi as J;
        matches!(
            i.rekam().jenis,
            J::PemerintahProvinsi | J::PemerintahKabupaten | J::PemerintahKota
        )
    });
    Ok(HalamanBeranda {
        baris,
        hitungan,
        sistem,
        pemda,
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
        Err(RegistrasiError::Umum(Galat::Validasi(g))) => Ok((
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
    klien: AlamatKlien,
    Form(b): Form<IsianKataSandi>,
) -> Result<Response, GalatHalaman> {
    match s
        .registrasi
        .ganti_kata_sandi(
            &a.aktor,
            &b.kata_sandi_lama,
            b.kata_sandi_baru,
            &klien.teks(),
        )
        .await
    {
        Ok(()) => {
            // Every session of the account has ended; this one goes on under a new id.
            if let Some(akun) = &a.akun {
                a.masuk(akun).await.halaman(&a)?;
            }
            Ok(
                beranda_dengan(&s, &a, None, Vec::new(), Some("Kata sandi diganti.".into()))
                    .await
                    .halaman(&a)?
                    .into_response(),
            )
        }
        Err(RegistrasiError::Umum(Galat::Validasi(g))) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            beranda_dengan(&s, &a, None, g, None).await.halaman(&a)?,
        )
            .into_response()),
        Err(e) => Err(e).halaman(&a),
    }
}
