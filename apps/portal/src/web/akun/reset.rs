//! "Lupa kata sandi" pages: ask for a link by email (one answer whatever the email), then set a
//! new password from the emailed link.

use crate::state::AppState;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, pesan};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pse_kernel::Galat;
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use secrecy::SecretString;
use serde::Deserialize;

/// What everyone who asks is told.
pub const PESAN_TERKIRIM: &str = "Jika email ini milik akun yang aktif, kami telah mengirim tautan untuk mengatur ulang kata sandi. Periksa kotak masuk (dan folder spam); tautan berlaku 1 jam.";

/// The page asking for a reset link.
#[derive(Template, WebTemplate)]
#[template(path = "lupa_kata_sandi.html")]
pub struct HalamanLupa {
    nav: Nav,
    email: String,
    galat: Vec<GalatIsian>,
}

/// `GET /lupa-kata-sandi`.
pub async fn form_lupa(a: Aktor) -> Response {
    HalamanLupa {
        nav: Nav::dari(&a),
        email: String::new(),
        galat: Vec::new(),
    }
    .into_response()
}

/// The reset request form.
#[derive(Deserialize)]
pub struct IsianLupa {
    #[serde(default)]
    email: String,
}

/// `POST /lupa-kata-sandi`.
pub async fn kirim_lupa(
    State(s): State<AppState>,
    a: Aktor,
    Form(b): Form<IsianLupa>,
) -> Result<Response, GalatHalaman> {
    if b.email.trim().is_empty() {
        let h = HalamanLupa {
            nav: Nav::dari(&a),
            email: b.email,
            galat: vec![GalatIsian::new("email", "Email wajib diisi.")],
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, h).into_response());
    }
    s.registrasi.minta_reset(&b.email).await.halaman(&a)?;
    Ok(pesan(
        &a,
        "Periksa email Anda",
        vec![PESAN_TERKIRIM.into()],
        Some(("/masuk", "Kembali ke halaman masuk")),
    )
    .into_response())
}

/// The page setting a new password.
#[derive(Template, WebTemplate)]
#[template(path = "atur_ulang_kata_sandi.html")]
pub struct HalamanAturUlang {
    nav: Nav,
    token: String,
    email: String,
    galat: Vec<GalatIsian>,
}

/// `GET /atur-ulang-kata-sandi/{token}`.
pub async fn form_atur_ulang(
    State(s): State<AppState>,
    a: Aktor,
    Path(token): Path<String>,
) -> Result<Response, GalatHalaman> {
    let akun = s.registrasi.akun_untuk_reset(&token).await.halaman(&a)?;
    Ok(HalamanAturUlang {
        nav: Nav::dari(&a),
        token,
        email: akun.email.to_string(),
        galat: Vec::new(),
    }
    .into_response())
}

/// The new password.
#[derive(Deserialize)]
pub struct IsianAturUlang {
    kata_sandi: SecretString,
}

/// `POST /atur-ulang-kata-sandi/{token}`.
pub async fn kirim_atur_ulang(
    State(s): State<AppState>,
    a: Aktor,
    Path(token): Path<String>,
    Form(b): Form<IsianAturUlang>,
) -> Result<Response, GalatHalaman> {
    match s
        .registrasi
        .atur_ulang_kata_sandi(&token, b.kata_sandi)
        .await
    {
        Ok(_) => {
            // Every session of the account has ended, this browser's too.
            a.keluar().await;
            Ok(pesan(
                &a,
                "Kata sandi diganti",
                vec!["Kata sandi baru tersimpan dan semua sesi akun Anda diakhiri. Silakan masuk dengan kata sandi baru.".into()],
                Some(("/masuk", "Masuk")),
            )
            .into_response())
        }
        Err(RegistrasiError::Umum(Galat::Validasi(galat))) => {
            let akun = s.registrasi.akun_untuk_reset(&token).await.halaman(&a)?;
            let h = HalamanAturUlang {
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
