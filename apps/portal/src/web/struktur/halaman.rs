//! Pages of the Struktur Organisasi: the unit tree, adding, editing and deleting a unit. The Sub
//! Pejabat ("Pengguna") are in `halaman_pengguna`.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pse_kernel::Galat;
use pse_kernel::UnitId;
use registrasi_pejabat::model::unit::{keturunan, pohon};
use registrasi_pejabat::model::{IsianUnit, UnitOrganisasi};
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use serde::Deserialize;

// ---------------------------------------------------------------- Struktur Organisasi

/// A row of the unit tree.
pub struct BarisUnit {
    id: String,
    nama: String,
    jabatan_kepala: String,
    kedalaman: usize,
    /// The indentation class (`kedalaman-N` of the style sheet, N ≤ 8).
    indentasi: usize,
}

/// The Struktur Organisasi page: the tree and the add (or edit) form.
#[derive(Template, WebTemplate)]
#[template(path = "struktur.html")]
pub struct HalamanStruktur {
    nav: Nav,
    baris: Vec<BarisUnit>,
    isian: IsianUnit,
    induk: Vec<Opsi>,
    ubah: Option<String>,
    galat: Vec<GalatIsian>,
    pesan: Option<String>,
}

impl HalamanStruktur {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn struktur(
    s: &AppState,
    a: &Aktor,
    isian: IsianUnit,
    ubah: Option<UnitId>,
    galat: Vec<GalatIsian>,
    pesan: Option<String>,
) -> Result<HalamanStruktur, RegistrasiError> {
    let unit = s.registrasi.daftar_unit(&a.aktor).await?;
    let terlarang: Vec<UnitId> = ubah
        .map(|u| [vec![u], keturunan(&unit, u)].concat())
        .unwrap_or_default();
    let urut = pohon(&unit);
    let induk_dipilih = isian.induk_id.clone().unwrap_or_default();
    let label: Vec<(String, String)> = urut
        .iter()
        .filter(|(_, u)| !terlarang.contains(&u.id))
        .map(|(d, u)| (u.id.to_string(), format!("{}{}", "— ".repeat(*d), u.nama)))
        .collect();
    Ok(HalamanStruktur {
        nav: Nav::dari(a),
        baris: urut
            .iter()
            .map(|(d, u)| BarisUnit {
                id: u.id.to_string(),
                nama: u.nama.clone(),
                jabatan_kepala: u.jabatan_kepala.clone(),
                kedalaman: *d,
                indentasi: (*d).min(8),
            })
            .collect(),
        induk: opsi(
            label.iter().map(|(i, l)| (i.as_str(), l.as_str())),
            &induk_dipilih,
        ),
        isian,
        ubah: ubah.map(|u| u.to_string()),
        galat,
        pesan,
    })
}

/// `GET /struktur-organisasi`.
pub async fn halaman_struktur(
    State(s): State<AppState>,
    a: Aktor,
) -> Result<Response, GalatHalaman> {
    Ok(
        struktur(&s, &a, IsianUnit::default(), None, Vec::new(), None)
            .await
            .halaman(&a)?
            .into_response(),
    )
}

/// The unit form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IsianUnitForm {
    nama: String,
    jabatan_kepala: String,
    induk_id: String,
}

impl From<IsianUnitForm> for IsianUnit {
    fn from(f: IsianUnitForm) -> Self {
        Self {
            nama: f.nama,
            jabatan_kepala: f.jabatan_kepala,
            induk_id: Some(f.induk_id).filter(|s| !s.is_empty()),
        }
    }
}

async fn hasil_unit(
    s: &AppState,
    a: &Aktor,
    isian: IsianUnit,
    ubah: Option<UnitId>,
    hasil: Result<UnitOrganisasi, RegistrasiError>,
) -> Result<Response, GalatHalaman> {
    match hasil {
        Ok(u) => Ok(struktur(
            s,
            a,
            IsianUnit::default(),
            None,
            Vec::new(),
            Some(format!("Unit \"{}\" tersimpan.", u.nama)),
        )
        .await
        .halaman(a)?
        .into_response()),
        Err(RegistrasiError::Umum(Galat::Validasi(g))) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            struktur(s, a, isian, ubah, g, None).await.halaman(a)?,
        )
            .into_response()),
        Err(e) => Err(e).halaman(a),
    }
}

/// `POST /struktur-organisasi`.
pub async fn tambah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Form(f): Form<IsianUnitForm>,
) -> Result<Response, GalatHalaman> {
    let isian: IsianUnit = f.into();
    let hasil = s.registrasi.tambah_unit(&a.aktor, isian.clone()).await;
    hasil_unit(&s, &a, isian, None, hasil).await
}

/// `GET /struktur-organisasi/{id}`: the edit form.
pub async fn form_ubah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let unit = s.registrasi.daftar_unit(&a.aktor).await.halaman(&a)?;
    let u = unit
        .iter()
        .find(|u| u.id == id)
        .ok_or_else(WebError::tidak_ditemukan)
        .halaman(&a)?;
    let isian = IsianUnit {
        nama: u.nama.clone(),
        jabatan_kepala: u.jabatan_kepala.clone(),
        induk_id: u.induk_id.map(|i| i.to_string()),
    };
    Ok(struktur(&s, &a, isian, Some(id), Vec::new(), None)
        .await
        .halaman(&a)?
        .into_response())
}

/// `POST /struktur-organisasi/{id}`.
pub async fn ubah_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<IsianUnitForm>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let isian: IsianUnit = f.into();
    let hasil = s.registrasi.ubah_unit(&a.aktor, id, isian.clone()).await;
    hasil_unit(&s, &a, isian, Some(id), hasil).await
}

/// `GET /struktur-organisasi/{id}/hapus`: asks first.
pub async fn konfirmasi_hapus_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let unit = s
        .registrasi
        .daftar_unit(&a.aktor)
        .await
        .halaman(&a)?
        .into_iter()
        .find(|u| u.id.to_string() == id)
        .ok_or_else(|| GalatHalaman::untuk(WebError::tidak_ditemukan(), &a))?;
    Ok(crate::web::halaman::konfirmasi(
        &a,
        format!("Hapus unit {}?", unit.nama),
        "Unit yang masih memiliki sub unit atau Sub Pejabat tidak dapat dihapus.".into(),
        format!("/struktur-organisasi/{id}/hapus"),
        "Ya, hapus unit",
        "/struktur-organisasi",
    )
    .into_response())
}

/// `POST /struktur-organisasi/{id}/hapus`.
pub async fn hapus_unit(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    s.registrasi.hapus_unit(&a.aktor, id).await.halaman(&a)?;
    Ok(struktur(
        &s,
        &a,
        IsianUnit::default(),
        None,
        Vec::new(),
        Some("Unit dihapus.".into()),
    )
    .await
    .halaman(&a)?
    .into_response())
}
