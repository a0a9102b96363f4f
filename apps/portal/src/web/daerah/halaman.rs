//! The pages of the pemda intake: the printable Lembar Disposisi and Surat Balasan.

use crate::state::AppState;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use permohonan_daerah::surat::{LembarDisposisi, SuratBalasan};

/// The Lembar Disposisi, to read or print.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_lembar.html")]
pub struct HalamanLembar {
    nav: Nav,
    id: String,
    lembar: LembarDisposisi,
}

/// `GET /permohonan-daerah/{id}/lembar-disposisi`.
pub async fn lembar_disposisi(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<HalamanLembar, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let lembar = s.daerah.lembar_disposisi(&a.aktor, id).await.halaman(&a)?;
    Ok(HalamanLembar {
        nav: Nav::dari(&a),
        id: id.to_string(),
        lembar,
    })
}

/// The Surat Balasan with its report, to read or print.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_surat.html")]
pub struct HalamanSuratBalasan {
    nav: Nav,
    id: String,
    surat: SuratBalasan,
}

/// `GET /permohonan-daerah/{id}/surat-balasan`.
pub async fn surat_balasan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<HalamanSuratBalasan, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let surat = s.daerah.surat_balasan(&a.aktor, id).await.halaman(&a)?;
    Ok(HalamanSuratBalasan {
        nav: Nav::dari(&a),
        id: id.to_string(),
        surat,
    })
}
