//! Public pages: the verification of a Tanda Daftar and the registry of published systems.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, opsi};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pse_kernel::{InstansiId, Paging, UKURAN_HALAMAN};
use serde::Deserialize;
use sistem_elektronik::SistemError;
use sistem_elektronik::model::Akses;
use sistem_elektronik::ports::{CariPublik, RingkasanPublik};

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

impl From<&RingkasanPublik> for SistemPublik {
    fn from(x: &RingkasanPublik) -> Self {
        let td = x.tanda_daftar.as_ref();
        Self {
            nama: x.nama_eksternal.clone(),
            instansi: x.instansi.clone(),
            url: x.url.clone(),
            akses: match x.kategori_akses {
                Akses::Online => "Online (layanan publik)",
                Akses::Offline => "Offline (internal)",
            },
            kategori: x.kategori.label(),
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
            Ok(x) => Some(SistemPublik::from(&RingkasanPublik::from(&x))),
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
    setelah: Option<String>,
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
    page: Option<u64>,
    sebelumnya: Option<String>,
    berikutnya: Option<String>,
}

/// `GET /registri?q=&kategori=&provinsi=&instansi=&page=`: published registered systems.
pub async fn registri(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryRegistri>,
) -> Result<Response, GalatHalaman> {
    let paging = Paging::baca(q.page, q.setelah.as_deref(), None, UKURAN_HALAMAN)
        .map_err(WebError::from)
        .halaman(&a)?;
    let cari = CariPublik {
        q: q.q.clone(),
        instansi: q.instansi.parse::<InstansiId>().ok(),
        kategori: Some(q.kategori.clone()).filter(|k| !k.is_empty()),
        provinsi: Some(q.provinsi.clone()).filter(|p| !p.is_empty()),
        paging,
    };
    let h = s.sistem.cari_publik(&cari).await.halaman(&a)?;
    // The provinces loaded at start (the registry is the busiest page: no query for them).
    let provinsi = s.sistem.pengaturan().wilayah.daftar_provinsi();
    let tautan = |kunci: &str, nilai: &str| {
        let mut u = url::form_urlencoded::Serializer::new(String::new());
        u.append_pair("q", &q.q)
            .append_pair("kategori", &q.kategori)
            .append_pair("provinsi", &q.provinsi)
            .append_pair("instansi", &q.instansi)
            .append_pair(kunci, nilai);
        format!("/registri?{}", u.finish())
    };
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
        sebelumnya: match h.page {
            Some(1) => None,
            Some(n) => Some(tautan("page", &(n - 1).to_string())),
            None => Some(tautan("page", "1")),
        },
        berikutnya: h.berikutnya.as_deref().map(|c| tautan("setelah", c)),
        page: h.page,
        q: q.q,
    }
    .into_response())
}
