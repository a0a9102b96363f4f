//! The admin's records: the audit trail as people read it, and the undelivered emails.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, wib};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// A row of the audit trail as people read it.
pub struct BarisAudit {
    waktu: String,
    pelaku: String,
    subjek: String,
    /// The subject's id, only in the link that shows its whole trail.
    subjek_id: String,
    aksi: String,
    status: String,
    alasan: String,
}

/// A status code of any record as people read it, from the owning domain's table.
fn label_status(kode: &str) -> String {
    use registrasi_pejabat::model::{StatusAkun, StatusPermohonan, StatusSubPejabat};
    sistem_elektronik::model::StatusSistem::parse(kode)
        .map(|s| s.label())
        .or_else(|| StatusPermohonan::parse(kode).map(StatusPermohonan::label))
        .or_else(|| StatusAkun::parse(kode).map(StatusAkun::label))
        .or_else(|| StatusSubPejabat::parse(kode).map(StatusSubPejabat::label))
        .or_else(|| {
            perubahan_data::model::StatusPerubahan::parse(kode)
                .map(perubahan_data::model::StatusPerubahan::label)
        })
        .map_or_else(|| kode.replace('_', " "), str::to_string)
}

/// Who acted, as people read it: the role, and the account's name while it is active (each
/// account looked up once per page).
async fn pelaku(
    s: &AppState,
    nama: &mut std::collections::HashMap<String, Option<String>>,
    label: &str,
) -> Result<String, registrasi_pejabat::RegistrasiError> {
    let Some((peran, id)) = label.split_once(':') else {
        return Ok(match label {
            "publik" => "Publik (tanpa masuk)".into(),
            "sistem" => "Sistem (otomatis)".into(),
            lain => lain.to_string(),
        });
    };
    let peran = pse_kernel::Peran::dari_kode(peran)
        .map_or_else(|| peran.to_string(), |p| p.label().to_string());
    if !nama.contains_key(id) {
        let akun = match id.parse() {
            Ok(akun_id) => s.registrasi.akun_aktif(akun_id).await?,
            Err(_) => None,
        };
        nama.insert(id.to_string(), akun.map(|a| a.nama.clone()));
    }
    Ok(match nama.get(id).cloned().flatten() {
        Some(n) => format!("{n} ({peran})"),
        None => peran,
    })
}

/// The audit trail page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_audit.html")]
pub struct HalamanAudit {
    nav: Nav,
    subjek: String,
    total: u64,
    page: u64,
    lanjut: bool,
    baris: Vec<BarisAudit>,
}

/// Query of the audit page.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryAudit {
    subjek: String,
    page: Option<u64>,
}

/// `GET /admin/audit`.
pub async fn audit(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryAudit>,
) -> Result<Response, GalatHalaman> {
    let subjek = q.subjek.trim().to_string();
    let page = pse_kernel::Paging::nomor(q.page)
        .map_err(WebError::from)
        .halaman(&a)?;
    let h = s
        .registrasi
        .audit(
            &a.aktor,
            Some(subjek.as_str()).filter(|s| !s.is_empty()),
            page,
        )
        .await
        .halaman(&a)?;
    let mut nama = std::collections::HashMap::new();
    let mut baris = Vec::with_capacity(h.items.len());
    for e in &h.items {
        baris.push(BarisAudit {
            waktu: wib(e.waktu),
            pelaku: pelaku(&s, &mut nama, &e.aktor).await.halaman(&a)?,
            subjek: pse_kernel::audit::label::subjek(&e.subjek_jenis),
            subjek_id: e.subjek_id.clone(),
            aksi: pse_kernel::audit::label::aksi(&e.aksi),
            status: match (&e.dari_status, &e.ke_status) {
                (Some(d), Some(k)) => format!("{} → {}", label_status(d), label_status(k)),
                (None, Some(k)) => label_status(k),
                _ => String::new(),
            },
            alasan: e.alasan.clone().unwrap_or_default(),
        });
    }
    Ok(HalamanAudit {
        nav: Nav::dari(&a),
        lanjut: page * pse_kernel::UKURAN_HALAMAN_AUDIT < h.total,
        subjek,
        total: h.total,
        page,
        baris,
    }
    .into_response())
}

/// The admin's list of undelivered emails.
#[derive(Template, WebTemplate)]
#[template(path = "admin_surel.html")]
pub struct HalamanSurel {
    nav: Nav,
    /// When queued (WIB), recipient, event, status, attempts, last error.
    baris: Vec<(String, String, String, String, u32, String)>,
}

/// `GET /admin/surel`.
pub async fn surel(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let baris = s
        .registrasi
        .surel_tertunda(&a.aktor)
        .await
        .halaman(&a)?
        .into_iter()
        .map(|p| {
            (
                wib(p.dibuat_pada),
                p.kepada,
                p.template.replace('_', " "),
                p.status,
                p.percobaan,
                p.galat_terakhir.unwrap_or_default(),
            )
        })
        .collect();
    Ok(HalamanSurel {
        nav: Nav::dari(&a),
        baris,
    }
    .into_response())
}
