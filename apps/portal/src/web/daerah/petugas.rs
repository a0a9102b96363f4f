//! The pejabat's page of its pemda's petugas layanan: who they are, their task and status, an
//! invitation form, ending one, and the office hours every step is timed in.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, alihkan, galat_isian, opsi};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::{GalatIsian, Tugas};
use registrasi_pejabat::model::StatusAkun;
use registrasi_pejabat::service::IsianPetugas;

/// A petugas in the list.
pub struct BarisPetugas {
    id: String,
    nama: String,
    email: String,
    tugas: &'static str,
    status: &'static str,
    aktif: bool,
}

/// The page.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_petugas.html")]
pub struct HalamanPetugas {
    nav: Nav,
    baris: Vec<BarisPetugas>,
    f: IsianPetugas,
    tugas: Vec<Opsi>,
    /// Office hours per weekday: field prefix, day, opening, closing.
    jam: Vec<(String, &'static str, String, String)>,
    zona: &'static str,
    galat: Vec<GalatIsian>,
}

impl HalamanPetugas {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn halaman(
    s: &AppState,
    a: &Aktor,
    f: IsianPetugas,
    jam: Option<[(String, String); 5]>,
    galat: Vec<GalatIsian>,
) -> Result<HalamanPetugas, GalatHalaman> {
    let v = s.registrasi.daftar_petugas(&a.aktor).await.halaman(a)?;
    let w = s.daerah.jam_kerja(&a.aktor).await.halaman(a)?;
    let jam = jam.unwrap_or_else(|| w.jam().sebagai_teks());
    let label: Vec<(&str, &str)> = Tugas::SEMUA.iter().map(|t| (t.kode(), t.label())).collect();
    Ok(HalamanPetugas {
        nav: Nav::dari(a),
        baris: v
            .iter()
            .map(|x| BarisPetugas {
                id: x.id.to_string(),
                nama: x.nama.clone(),
                email: x.email.to_string(),
                tugas: x.tugas.map_or("—", Tugas::label),
                status: x.status.label(),
                aktif: x.status != StatusAkun::Nonaktif,
            })
            .collect(),
        tugas: opsi(label, &f.tugas),
        f,
        jam: jam
            .into_iter()
            .enumerate()
            .map(|(i, (b, t))| {
                let hari = pse_kernel::waktu_kerja::NAMA_HARI[i];
                (hari.to_lowercase(), hari, b, t)
            })
            .collect(),
        zona: w.zona().kode(),
        galat,
    })
}

/// `GET /petugas-daerah`.
pub async fn daftar(State(s): State<AppState>, a: Aktor) -> Result<HalamanPetugas, GalatHalaman> {
    halaman(&s, &a, IsianPetugas::default(), None, Vec::new()).await
}

/// `POST /petugas-daerah`: the invitation.
pub async fn undang(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<IsianPetugas>,
) -> Result<Response, GalatHalaman> {
    match s.registrasi.undang_petugas(&a.aktor, &f).await {
        Ok(akun) => Ok(alihkan(
            &a,
            "/petugas-daerah",
            format!(
                "{} diundang; tautan aktivasi terkirim ke {}.",
                akun.nama, akun.email
            ),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((status, halaman(&s, &a, f, None, galat).await?).into_response())
        }
    }
}

/// `POST /petugas-daerah/{id}/akhiri`.
pub async fn akhiri(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let akun = s
        .registrasi
        .akhiri_petugas(&a.aktor, id)
        .await
        .halaman(&a)?;
    Ok(alihkan(
        &a,
        "/petugas-daerah",
        format!("{} tidak lagi menjadi petugas.", akun.nama),
    )
    .await)
}

/// The office hours as posted.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FormJamKerja {
    senin_buka: String,
    senin_tutup: String,
    selasa_buka: String,
    selasa_tutup: String,
    rabu_buka: String,
    rabu_tutup: String,
    kamis_buka: String,
    kamis_tutup: String,
    jumat_buka: String,
    jumat_tutup: String,
}

/// `POST /petugas-daerah/jam-kerja`.
pub async fn jam_kerja(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<FormJamKerja>,
) -> Result<Response, GalatHalaman> {
    let isian = [
        (f.senin_buka, f.senin_tutup),
        (f.selasa_buka, f.selasa_tutup),
        (f.rabu_buka, f.rabu_tutup),
        (f.kamis_buka, f.kamis_tutup),
        (f.jumat_buka, f.jumat_tutup),
    ];
    match s.daerah.atur_jam_kerja(&a.aktor, &isian).await {
        Ok(_) => Ok(alihkan(
            &a,
            "/petugas-daerah",
            "Jam kerja tersimpan; langkah permohonan dihitung dengan jam ini.",
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            Ok((
                status,
                halaman(&s, &a, IsianPetugas::default(), Some(isian), galat).await?,
            )
                .into_response())
        }
    }
}
