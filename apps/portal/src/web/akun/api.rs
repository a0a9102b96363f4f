//! The JSON API of accounts: activation, login and logout, password reset, the own profile.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::skema::{IdStatus, Pesan, Saya};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use registrasi_pejabat::service::UbahProfil;
use secrecy::SecretString;
use serde::Deserialize;

/// Body of `POST /api/v1/aktivasi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Aktivasi {
    token: String,
    #[schema(value_type = String)]
    kata_sandi: SecretString,
}

/// `POST /api/v1/aktivasi`: sets the first password.
#[utoipa::path(post, path = "/api/v1/aktivasi", tag = "akun", request_body = Aktivasi, responses((status = 200, description = "Akun diaktifkan", body = IdStatus)))]
pub async fn aktivasi(
    State(s): State<AppState>,
    Isian(b): Isian<Aktivasi>,
) -> Result<Json<IdStatus>, WebError> {
    let akun = s.registrasi.aktivasi(&b.token, b.kata_sandi).await?;
    Ok(Json(IdStatus::new(akun.id, akun.status.kode())))
}

/// Body of `POST /api/v1/lupa-kata-sandi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Lupa {
    email: String,
}

/// `POST /api/v1/lupa-kata-sandi`: a reset link to the email if it is an active account's; the
/// same 202 either way.
#[utoipa::path(post, path = "/api/v1/lupa-kata-sandi", tag = "akun", request_body = Lupa, responses((status = 202, description = "Diterima; tautan dikirim bila email milik akun aktif", body = Pesan)))]
pub async fn lupa_kata_sandi(
    State(s): State<AppState>,
    Isian(b): Isian<Lupa>,
) -> Result<(StatusCode, Json<Pesan>), WebError> {
    s.registrasi.minta_reset(&b.email).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Pesan {
            pesan: crate::web::akun::reset::PESAN_TERKIRIM.to_string(),
        }),
    ))
}

/// Body of `POST /api/v1/atur-ulang-kata-sandi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AturUlang {
    token: String,
    #[schema(value_type = String)]
    kata_sandi: SecretString,
}

/// `POST /api/v1/atur-ulang-kata-sandi`: redeems a reset link; every session of the account ends.
#[utoipa::path(post, path = "/api/v1/atur-ulang-kata-sandi", tag = "akun", request_body = AturUlang, responses((status = 200, description = "Kata sandi baru tersimpan", body = IdStatus)))]
pub async fn atur_ulang_kata_sandi(
    State(s): State<AppState>,
    aktor: Aktor,
    Isian(b): Isian<AturUlang>,
) -> Result<Json<IdStatus>, WebError> {
    let akun = s
        .registrasi
        .atur_ulang_kata_sandi(&b.token, b.kata_sandi)
        .await?;
    aktor.keluar().await;
    Ok(Json(IdStatus::new(akun.id, akun.status.kode())))
}

/// Body of `POST /api/v1/sesi`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Masuk {
    email: String,
    #[schema(value_type = String)]
    kata_sandi: SecretString,
}

/// `POST /api/v1/sesi`: log in.
#[utoipa::path(post, path = "/api/v1/sesi", tag = "akun", request_body = Masuk, responses((status = 200, description = "Masuk", body = Saya)))]
pub async fn masuk(
    State(s): State<AppState>,
    aktor: Aktor,
    klien: crate::web::klien::AlamatKlien,
    Isian(b): Isian<Masuk>,
) -> Result<Json<Saya>, WebError> {
    let akun = s
        .registrasi
        .masuk(&b.email, &b.kata_sandi, &klien.teks())
        .await?;
    aktor.masuk(&akun).await?;
    Ok(Json(Saya::new(&akun, None, None)))
}

/// `DELETE /api/v1/sesi`: log out.
#[utoipa::path(delete, path = "/api/v1/sesi", tag = "akun", responses((status = 204, description = "Keluar")))]
pub async fn keluar(aktor: Aktor) -> StatusCode {
    aktor.keluar().await;
    StatusCode::NO_CONTENT
}

/// `GET /api/v1/saya`.
#[utoipa::path(get, path = "/api/v1/saya", tag = "akun", responses((status = 200, description = "Akun dan instansi yang masuk", body = Saya)))]
pub async fn saya(State(s): State<AppState>, aktor: Aktor) -> Result<Json<Saya>, WebError> {
    let (akun, instansi, unit) = s.registrasi.profil(&aktor.aktor).await?;
    Ok(Json(Saya::new(&akun, instansi.as_ref(), unit.as_ref())))
}

/// `PUT /api/v1/saya`: update the profile (R-PEJ-15).
#[utoipa::path(put, path = "/api/v1/saya", tag = "akun", request_body = Profil, responses((status = 200, description = "Profil diubah", body = Saya)))]
pub async fn ubah_saya(
    State(s): State<AppState>,
    aktor: Aktor,
    Isian(b): Isian<Profil>,
) -> Result<Json<Saya>, WebError> {
    let ubah = UbahProfil {
        nama: b.nama,
        jabatan: b.jabatan,
        telepon_kantor: b.telepon_kantor,
        nomor_hp: b.nomor_hp,
    };
    s.registrasi.ubah_profil(&aktor.aktor, ubah).await?;
    let (akun, instansi, unit) = s.registrasi.profil(&aktor.aktor).await?;
    Ok(Json(Saya::new(&akun, instansi.as_ref(), unit.as_ref())))
}

/// Body of `PUT /api/v1/saya`.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Profil {
    nama: String,
    jabatan: String,
    telepon_kantor: String,
    nomor_hp: String,
}
