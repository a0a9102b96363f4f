//! Public pages: the verification of a Tanda Daftar and the registry of published systems.

use crate::app::AppState;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, opsi};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pse_kernel::InstansiId;
use serde::Deserialize;
use sistem_elektronik::SistemError;
use sistem_elektronik::ports::{CariPublik, SistemBernama};

/// What the public reads of a registered system.
pub struct SistemPublik {
    nama: String,
    instansi: String,
    url: Option<String>,
    akses: &'static str,
    kategori: &'static str,
    nomor: u64,
    tanggal: String,
}

impl From<&SistemBernama> for SistemPublik {
    fn from(x: &SistemBernama) -> Self {
        let s = &x.sistem;
        let td = s.tanda_daftar.as_ref();
        Self {
            nama: s.data_awal.nama_eksternal.clone(),
            instansi: x.instansi.clone(),
            url: s.data_awal.url.as_ref().map(|u| u.as_ref().to_string()),
            akses: match s.data_awal.kategori_akses.kode() {
                "online" => "Online (layanan publik)",
                _ => "Offline (internal)",
            },
            kategori: s.kategori_berlaku().label(),
            nomor: td.map(|t| t.nomor).unwrap_or_default(),
            tanggal: td
                .map(|t| pse_kernel::kalender::tanggal_panjang(t.tanggal_terbit))
                .unwrap_or_default(),
        }
    }
}

/// The verification page of a Tanda Daftar.
#[derive(Template, WebTemplate)]
#[template(path = "tanda_daftar.html")]
pub struct HalamanTandaDaftar {
    nav: Nav,
    nomor: String,
    sistem: Option<SistemPublik>,
}

/// `GET /tanda-daftar/{nomor}`: says clearly whether the number exists.
pub async fn tanda_daftar(
    State(s): State<AppState>,
    a: Aktor,
    Path(nomor): Path<String>,
) -> Result<Response, GalatHalaman> {
    let hasil = match nomor.trim().parse::<u64>() {
        Ok(n) => match s.sistem.verifikasi(n).await {
            Ok(x) => Some(SistemPublik::from(&x)),
            Err(SistemError::TidakDitemukan) => None,
            Err(e) => return Err(e).halaman(&a),
        },
        Err(_) => None,
    };
    let status = if hasil.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok((
        status,
        HalamanTandaDaftar {
            nav: Nav::dari(&a),
            nomor,
            sistem: hasil,
        },
    )
        .into_response())
}

/// The registry search.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryRegistri {
    q: String,
    instansi: String,
    kategori: String,
    provinsi: String,
    page: Option<u64>,
}

/// The registry page.
#[derive(Template, WebTemplate)]
#[template(path = "registri.html")]
pub struct HalamanRegistri {
    nav: Nav,
    q: String,
    kategori: Vec<Opsi>,
    provinsi: Vec<Opsi>,
    hasil: Vec<SistemPublik>,
    total: u64,
    page: u64,
    sebelumnya: Option<String>,
    berikutnya: Option<String>,
}

/// `GET /registri?q=&kategori=&provinsi=&instansi=&page=`: published registered systems.
pub async fn registri(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryRegistri>,
) -> Result<Response, GalatHalaman> {
    let cari = CariPublik {
        q: q.q.clone(),
        instansi: q.instansi.parse::<InstansiId>().ok(),
        kategori: Some(q.kategori.clone()).filter(|k| !k.is_empty()),
        provinsi: Some(q.provinsi.clone()).filter(|p| !p.is_empty()),
        page: q.page.unwrap_or(1).max(1),
    };
    let h = s.sistem.cari_publik(&cari).await.halaman(&a)?;
    let provinsi = s
        .referensi
        .daftar_provinsi()
        .await
        .map_err(registrasi_pejabat::RegistrasiError::from)
        .halaman(&a)?;
    let tautan = |page: u64| {
        let mut u = url::form_urlencoded::Serializer::new(String::new());
        u.append_pair("q", &q.q)
            .append_pair("kategori", &q.kategori)
            .append_pair("provinsi", &q.provinsi)
            .append_pair("instansi", &q.instansi)
            .append_pair("page", &page.to_string());
        format!("/registri?{}", u.finish())
    };
    let halaman_terakhir = h.total.div_ceil(pse_kernel::paging::UKURAN_HALAMAN);
    let label_provinsi: Vec<(String, String)> = provinsi
        .iter()
        .map(|p| (p.kode.clone(), p.nama.clone()))
        .collect();
    Ok(HalamanRegistri {
        nav: Nav::dari(&a),
        kategori: opsi(
            [
                ("rendah", "Rendah"),
                ("tinggi", "Tinggi"),
                ("strategis", "Strategis"),
            ],
            &q.kategori,
        ),
        provinsi: opsi(
            label_provinsi.iter().map(|(k, n)| (k.as_str(), n.as_str())),
            &q.provinsi,
        ),
        hasil: h.items.iter().map(SistemPublik::from).collect(),
        total: h.total,
        sebelumnya: (h.page > 1).then(|| tautan(h.page - 1)),
        berikutnya: (h.page < halaman_terakhir).then(|| tautan(h.page + 1)),
        page: h.page,
        q: q.q,
    }
    .into_response())
}
