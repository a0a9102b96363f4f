//! Server-rendered pages in Indonesian. They work without JavaScript: forms post back, errors are
//! summarised at the top and repeated beside each field, and every typed value is kept. This module
//! holds what every page shares (the header, options, messages, the error page, the confirmation)
//! and the landing page; each area has its own `halaman_*` module.

use crate::web::galat::WebError;
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use layanan::standar::KontakLayanan;
use pse_kernel::Peran;
use registrasi_pejabat::GalatIsian;
use std::sync::Arc;

/// What the header shows.
pub struct Nav {
    /// Whether someone is logged in.
    pub masuk: bool,
    /// Whether it is an admin.
    pub admin: bool,
    /// Whether it is a Pejabat Pendaftar (manages units and users).
    pub pejabat: bool,
    /// Whether it is a petugas layanan of a pemda (works the Permohonan Daerah inbox).
    pub petugas: bool,
    /// Whether it is an office application's Admin Pengelola.
    pub pengelola: bool,
    /// The account's name.
    pub nama: String,
    /// Whether the session has just ended (a page needing a login then says so).
    pub berakhir: bool,
    /// The path of the page.
    pub jalur: String,
    /// The banner of the action that led here.
    pub kilat: Option<String>,
    /// Where people get help (the footer).
    pub kontak: Arc<KontakLayanan>,
}

impl Nav {
    /// The header of `a`.
    pub fn dari(a: &Aktor) -> Self {
        Self {
            masuk: a.akun.is_some(),
            admin: a.aktor.adalah_admin(),
            pejabat: a.aktor.peran() == Some(Peran::PejabatPendaftar),
            petugas: a.aktor.peran() == Some(Peran::PetugasLayanan),
            pengelola: a.aktor.peran() == Some(Peran::AdminPengelola),
            nama: a.akun.as_ref().map(|a| a.nama.clone()).unwrap_or_default(),
            berakhir: a.berakhir,
            jalur: a.jalur.clone(),
            kilat: a.kilat.clone(),
            kontak: a.kontak.clone(),
        }
    }

    /// The header of a visitor whose session could not be read (the page still shows the help).
    pub fn tamu(kontak: Arc<KontakLayanan>, jalur: &str) -> Self {
        Self {
            masuk: false,
            admin: false,
            pejabat: false,
            petugas: false,
            pengelola: false,
            nama: String::new(),
            berakhir: false,
            jalur: jalur.into(),
            kilat: None,
            kontak,
        }
    }

    /// Whether the page is `bagian` or under it (its menu item is marked as the current page).
    pub fn di(&self, bagian: &str) -> bool {
        self.jalur == bagian
            || self
                .jalur
                .strip_prefix(bagian)
                .is_some_and(|sisa| sisa.starts_with('/'))
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

/// Post/redirect/get: goes to `ke`, where `pesan` shows once as a banner.
pub(crate) async fn alihkan(a: &Aktor, ke: &str, pesan: impl Into<String>) -> Response {
    a.kilat(pesan).await;
    Redirect::to(ke).into_response()
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
pub struct GalatHalaman(pub WebError, pub Box<Nav>);

impl GalatHalaman {
    /// The error `e` as a page with the header of `a`.
    pub fn untuk(e: impl Into<WebError>, a: &Aktor) -> Self {
        Self(e.into(), Box::new(Nav::dari(a)))
    }
}

impl IntoResponse for GalatHalaman {
    fn into_response(self) -> Response {
        let GalatHalaman(e, nav) = self;
        if e.status == StatusCode::UNAUTHORIZED {
            return Redirect::to(if nav.berakhir {
                "/masuk?sesi=berakhir"
            } else {
                "/masuk"
            })
            .into_response();
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
            nav: *nav,
            judul: judul.into(),
            paragraf,
            tautan: Some(("/".into(), "Kembali ke beranda".into())),
            galat: true,
        };
        let mut r = (e.status, halaman).into_response();
        super::galat::coba_lagi(e.status, e.tunggu, &mut r);
        r
    }
}

pub(crate) trait KeHalaman<T> {
    fn halaman(self, a: &Aktor) -> Result<T, GalatHalaman>;
}

impl<T, E: Into<WebError>> KeHalaman<T> for Result<T, E> {
    fn halaman(self, a: &Aktor) -> Result<T, GalatHalaman> {
        self.map_err(|e| GalatHalaman::untuk(e, a))
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
pub async fn beranda_publik(
    a: Aktor,
    axum::extract::Query(q): axum::extract::Query<SetelahKeluar>,
) -> Response {
    match a.akun.as_ref().map(|k| k.peran) {
        Some(Peran::Admin) => Redirect::to("/admin/antrian").into_response(),
        Some(_) => Redirect::to("/beranda").into_response(),
        None => {
            let mut nav = Nav::dari(&a);
            if q.keluar.is_some() {
                nav.kilat = Some("Anda telah keluar. Sampai jumpa.".into());
            }
            BerandaPublik { nav }.into_response()
        }
    }
}

/// The landing page's query: `keluar` after a logout.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct SetelahKeluar {
    keluar: Option<String>,
}
