//! The satisfaction survey on the web (R-LAY-04): `/survei/{token}` (no login, answered once; a
//! used link is a clear page, 410), its API, and the admin's index of a period with a chart.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, galat_isian};
use crate::web::isian::Isian;
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};
use layanan::survei::{Ikm, Periode, SKALA, UNSUR, tampil};
use pse_kernel::{Galat, GalatIsian};
use serde::{Deserialize, Serialize};

/// The survey form as posted: `u0` … `u8` and `saran`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormSurvei {
    u0: String,
    u1: String,
    u2: String,
    u3: String,
    u4: String,
    u5: String,
    u6: String,
    u7: String,
    u8: String,
    saran: String,
}

impl FormSurvei {
    fn nilai(&self) -> [String; 9] {
        [
            &self.u0, &self.u1, &self.u2, &self.u3, &self.u4, &self.u5, &self.u6, &self.u7,
            &self.u8,
        ]
        .map(Clone::clone)
    }
}

/// One element of the form: its field, its question, the chosen score.
pub struct Unsur {
    nama: String,
    label: &'static str,
    pilihan: String,
}

/// The survey page.
#[derive(Template, WebTemplate)]
#[template(path = "survei.html")]
pub struct HalamanSurvei {
    nav: Nav,
    token: String,
    layanan: &'static str,
    unsur: Vec<Unsur>,
    skala: [&'static str; 4],
    saran: String,
    galat: Vec<GalatIsian>,
    /// The closing message instead of the form (answered, thanked).
    pesan: Option<&'static str>,
}

impl HalamanSurvei {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }

    fn baru(a: &Aktor, token: &str, layanan: &'static str, f: &FormSurvei) -> Self {
        let nilai = f.nilai();
        Self {
            nav: Nav::dari(a),
            token: token.into(),
            layanan,
            unsur: UNSUR
                .iter()
                .zip(nilai)
                .enumerate()
                .map(|(i, (label, n))| Unsur {
                    nama: format!("u{i}"),
                    label,
                    pilihan: n,
                })
                .collect(),
            skala: SKALA,
            saran: f.saran.clone(),
            galat: Vec::new(),
            pesan: None,
        }
    }

    fn tutup(a: &Aktor, pesan: &'static str) -> Self {
        Self {
            pesan: Some(pesan),
            ..Self::baru(a, "", "", &FormSurvei::default())
        }
    }
}

/// Query of the survey page after answering.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QuerySelesai {
    terima_kasih: Option<String>,
}

const TERIMA_KASIH: &str =
    "Terima kasih. Penilaian Anda sudah kami terima dan membantu kami memperbaiki layanan.";

/// `GET /survei/{token}`: the nine questions; a used link says so (410), an unknown one is 404.
pub async fn halaman(
    State(s): State<AppState>,
    a: Aktor,
    Path(token): Path<String>,
    Query(q): Query<QuerySelesai>,
) -> Result<Response, GalatHalaman> {
    match s.survei.undangan(&token).await {
        Ok(u) => Ok(
            HalamanSurvei::baru(&a, &token, u.layanan.label(), &FormSurvei::default())
                .into_response(),
        ),
        Err(Galat::StatusTidakSesuai(_)) if q.terima_kasih.is_some() => {
            Ok(HalamanSurvei::tutup(&a, TERIMA_KASIH).into_response())
        }
        Err(Galat::StatusTidakSesuai(_)) => Ok((
            StatusCode::GONE,
            HalamanSurvei::tutup(&a, layanan::survei::SUDAH_DIJAWAB),
        )
            .into_response()),
        Err(e) => Err(GalatHalaman::untuk(WebError::from(e), &a)),
    }
}

fn angka(nilai: &[String; 9]) -> Vec<i64> {
    nilai
        .iter()
        .map(|n| n.trim().parse().unwrap_or(0))
        .collect()
}

/// `POST /survei/{token}`: kept once, then the thank-you page.
pub async fn kirim(
    State(s): State<AppState>,
    a: Aktor,
    Path(token): Path<String>,
    axum::Form(f): axum::Form<FormSurvei>,
) -> Result<Response, GalatHalaman> {
    match s.survei.jawab(&token, &angka(&f.nilai()), &f.saran).await {
        Ok(()) => Ok(Redirect::to(&format!("/survei/{token}?terima_kasih=1")).into_response()),
        Err(Galat::StatusTidakSesuai(_)) => Ok((
            StatusCode::GONE,
            HalamanSurvei::tutup(&a, layanan::survei::SUDAH_DIJAWAB),
        )
            .into_response()),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            let u = s.survei.undangan(&token).await.halaman(&a)?;
            let mut h = HalamanSurvei::baru(&a, &token, u.layanan.label(), &f);
            // The scores' messages name `nilai[i]`; on the page each question is `u{i}`.
            h.galat = galat
                .into_iter()
                .map(|g| GalatIsian {
                    field: g
                        .field
                        .strip_prefix("nilai[")
                        .and_then(|x| x.strip_suffix(']'))
                        .map_or(g.field.clone(), |i| format!("u{i}")),
                    message: g.message,
                })
                .collect();
            Ok((status, h).into_response())
        }
    }
}

/// Body of a survey answer.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Jawab {
    /// Nine scores 1–4, in the elements' order.
    nilai: Vec<i64>,
    /// A suggestion.
    saran: Option<String>,
}

/// `POST /api/v1/survei/{token}` `{nilai: [9 × 1–4], saran?}` → 204; a used link is 409.
#[utoipa::path(post, path = "/api/v1/survei/{token}", tag = "layanan", params(("token" = String, Path)), request_body = Jawab, responses((status = 204, description = "Jawaban survei tersimpan")))]
pub async fn jawab(
    State(s): State<AppState>,
    Path(token): Path<String>,
    Isian(b): Isian<Jawab>,
) -> Result<StatusCode, WebError> {
    s.survei
        .jawab(&token, &b.nilai, b.saran.as_deref().unwrap_or_default())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Query of the index and of the responses: `dari` and `sampai` as dates (WIB), both included;
/// the last 30 days when absent.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryIkm {
    dari: Option<String>,
    sampai: Option<String>,
}

fn tanggal(field: &str, s: Option<&str>) -> Result<Option<NaiveDate>, WebError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                WebError::isian(
                    StatusCode::BAD_REQUEST,
                    field,
                    "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-12-01.",
                )
            }),
    }
}

impl QueryIkm {
    /// The period asked for.
    fn periode(&self, now: DateTime<Utc>) -> Result<Periode, WebError> {
        Ok(Periode::baru(
            tanggal("dari", self.dari.as_deref())?,
            tanggal("sampai", self.sampai.as_deref())?,
            now,
        )?)
    }
}

/// The index of a period.
#[derive(Serialize, utoipa::ToSchema)]
pub struct IkmJson {
    /// First day (WIB).
    pub dari: String,
    /// Last day (WIB), included.
    pub sampai: String,
    /// How many answered.
    pub jumlah_responden: u64,
    /// Each element's mean score (1–4), in order.
    pub nilai_unsur: Vec<f64>,
    /// The index (25–100), none without answers.
    pub ikm: Option<f64>,
    /// The grade (`A` … `D`), none without answers.
    pub mutu: Option<String>,
}

async fn hitung(s: &AppState, a: &Aktor, q: &QueryIkm) -> Result<(Periode, Ikm), WebError> {
    let p = q.periode(s.store.sekarang())?;
    let ikm = s.survei.ikm(&a.aktor, p.awal(), p.akhir()).await?;
    Ok((p, ikm))
}

/// `GET /api/v1/admin/survei/ikm?dari=&sampai=`.
#[utoipa::path(get, path = "/api/v1/admin/survei/ikm", tag = "admin", params(("dari" = Option<String>, Query), ("sampai" = Option<String>, Query)), responses((status = 200, description = "Indeks kepuasan masyarakat satu periode", body = IkmJson)))]
pub async fn ikm(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryIkm>,
) -> Result<Json<IkmJson>, WebError> {
    let (p, ikm) = hitung(&s, &a, &q).await?;
    Ok(Json(IkmJson {
        dari: p.dari.to_string(),
        sampai: p.sampai.to_string(),
        jumlah_responden: ikm.jumlah_responden,
        nilai_unsur: ikm
            .nilai_unsur()
            .map(|v| v.iter().map(|n| f64::from(*n) / 100.0).collect())
            .unwrap_or_default(),
        ikm: ikm.perseratus().map(|n| f64::from(n) / 100.0),
        mutu: ikm.mutu().map(|m| format!("{m:?}")),
    }))
}

/// One element's bar on the admin page.
pub struct Batang {
    label: &'static str,
    nilai: String,
    /// Width in percent of the scale's top (4).
    lebar: u32,
}

/// The admin's survey page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_survei.html")]
pub struct HalamanIkm {
    nav: Nav,
    dari: String,
    sampai: String,
    responden: u64,
    ikm: Option<String>,
    mutu: Option<(String, &'static str)>,
    batang: Vec<Batang>,
}

/// `GET /admin/survei?dari=&sampai=`: the index, the grade, each element as a bar.
pub async fn halaman_admin(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryIkm>,
) -> Result<Response, GalatHalaman> {
    let (p, ikm) = hitung(&s, &a, &q).await.halaman(&a)?;
    let rata = ikm.nilai_unsur();
    Ok(HalamanIkm {
        nav: Nav::dari(&a),
        dari: p.dari.to_string(),
        sampai: p.sampai.to_string(),
        responden: ikm.jumlah_responden,
        ikm: ikm.perseratus().map(tampil),
        mutu: ikm.mutu().map(|m| (format!("{m:?}"), m.kinerja())),
        batang: UNSUR
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let n = rata.map_or(0, |r| r[i]);
                Batang {
                    label,
                    nilai: if rata.is_some() {
                        tampil(n)
                    } else {
                        "–".into()
                    },
                    lebar: n / 4,
                }
            })
            .collect(),
    }
    .into_response())
}

/// The responses of the period asked for, written in an export slot.
async fn berkas(s: &AppState, a: &Aktor, q: &QueryIkm) -> Result<Response, WebError> {
    let p = q.periode(s.store.sekarang())?;
    let _izin = s.ekspor.izin().await?;
    Ok(crate::web::laporan::api::unduhan(
        s.survei.unduh(&a.aktor, &p).await?,
    ))
}

/// `GET /api/v1/admin/survei/jawaban?dari=&sampai=`: the responses as `.xlsx`.
#[utoipa::path(get, path = "/api/v1/admin/survei/jawaban", tag = "admin", params(("dari" = Option<String>, Query), ("sampai" = Option<String>, Query)), responses((status = 200, description = "Jawaban survei .xlsx", body = crate::web::skema::Berkas, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
pub async fn jawaban(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryIkm>,
) -> Result<Response, WebError> {
    berkas(&s, &a, &q).await
}

/// `GET /admin/survei/unduh?dari=&sampai=`: the same file from the admin's page.
pub async fn unduh(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<QueryIkm>,
) -> Result<Response, GalatHalaman> {
    berkas(&s, &a, &q).await.halaman(&a)
}
