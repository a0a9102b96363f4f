//! The admin's pages: the verification queue, an application with its decision, the audit trail
//! and the undelivered emails.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi, pesan, wib};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use registrasi_pejabat::model::{KategoriPenolakan, PermohonanPejabat, PilihanInstansi};
use registrasi_pejabat::{GalatIsian, RegistrasiError};
use serde::Deserialize;

// ---------------------------------------------------------------- admin

/// A queue row.
pub struct BarisAntrian {
    jenis: &'static str,
    tautan: String,
    nama: String,
    email: String,
    instansi: String,
    masuk: String,
    tenggat: String,
    terlambat: bool,
}

/// The admin's queue.
#[derive(Template, WebTemplate)]
#[template(path = "admin_antrian.html")]
pub struct HalamanAntrian {
    nav: Nav,
    baris: Vec<BarisAntrian>,
    total: u64,
    pertama: Option<String>,
    berikutnya: Option<String>,
}

/// `GET /admin/antrian?setelah=`: everything waiting, oldest first, fifty at a time.
pub async fn antrian(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<super::api_sistem::QueryHalaman>,
) -> Result<Response, GalatHalaman> {
    let paging = q.paging().halaman(&a)?;
    let h = super::antrian::baca(&s, &a.aktor, &paging)
        .await
        .halaman(&a)?;
    Ok(HalamanAntrian {
        nav: Nav::dari(&a),
        baris: h
            .items
            .iter()
            .map(|i| BarisAntrian {
                jenis: i.label,
                tautan: i.tautan(),
                nama: i.nama.clone(),
                email: i.keterangan.clone(),
                instansi: i.instansi.clone(),
                masuk: wib(i.masuk),
                tenggat: wib(i.tenggat),
                terlambat: i.terlambat,
            })
            .collect(),
        total: h.total,
        pertama: (h.page != Some(1)).then(|| "/admin/antrian".to_string()),
        berikutnya: h.berikutnya.map(|c| format!("/admin/antrian?setelah={c}")),
    }
    .into_response())
}

/// The admin's view of one application.
#[derive(Template, WebTemplate)]
#[template(path = "admin_permohonan.html")]
pub struct HalamanPermohonan {
    nav: Nav,
    id: String,
    status: &'static str,
    jumlah_pengajuan: u32,
    rincian: Vec<(&'static str, String)>,
    nama_dokumen: String,
    menunggu: bool,
    kategori: Vec<Opsi>,
    catatan: String,
    galat: Vec<GalatIsian>,
}

impl HalamanPermohonan {
    fn ada_galat(&self, field: &str) -> bool {
        galat_isian(&self.galat, field).is_some()
    }
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

fn halaman_permohonan(
    a: &Aktor,
    p: &PermohonanPejabat,
    tolak: Option<IsianTolak>,
    galat: Vec<GalatIsian>,
) -> HalamanPermohonan {
    let d = &p.data;
    let mut rincian = vec![
        ("Nama lengkap", d.nama_lengkap.clone()),
        ("Email", d.email.to_string()),
        ("Status pendaftar", d.status_pendaftar.label().into()),
        ("Status kepegawaian", d.jenis_kepegawaian.label().into()),
        ("NIP/NIK", d.nomor_induk.to_string()),
        ("Jabatan", d.jabatan.clone()),
        ("Telepon kantor", d.telepon_kantor.as_ref().into()),
        ("Nomor HP", d.nomor_hp.as_ref().into()),
        ("Provinsi / kota", format!("{} / {}", d.provinsi, d.kota)),
        ("Masuk antrean", wib(p.masuk_antrian_pada)),
    ];
    match &p.instansi {
        PilihanInstansi::Terdaftar { nama, .. } => rincian.push(("Instansi", nama.clone())),
        PilihanInstansi::Usulan(u) => {
            rincian.push((
                "Instansi (usulan baru)",
                format!("{} ({})", u.nama, u.jenis.label()),
            ));
            rincian.push(("Alamat instansi", u.alamat.clone()));
            rincian.push(("Situs web instansi", u.website.clone()));
        }
    }
    if let Some(t) = &p.penolakan {
        rincian.push((
            "Penolakan terakhir",
            format!("{}: {}", t.kategori.label(), t.catatan),
        ));
    }
    let tolak = tolak.unwrap_or_default();
    HalamanPermohonan {
        nav: Nav::dari(a),
        id: p.id.to_string(),
        status: p.status.label(),
        jumlah_pengajuan: p.jumlah_pengajuan,
        rincian,
        nama_dokumen: p.dokumen.nama_berkas.clone(),
        menunggu: p.status == registrasi_pejabat::model::StatusPermohonan::Diajukan,
        kategori: opsi(
            KategoriPenolakan::SEMUA
                .iter()
                .map(|k| (k.kode(), k.label())),
            &tolak.kategori_alasan,
        ),
        catatan: tolak.catatan,
        galat,
    }
}

/// `GET /admin/pendaftaran-pejabat/{id}`.
pub async fn permohonan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = super::jalur::id(&id).halaman(&a)?;
    let p = s.registrasi.permohonan(&a.aktor, id).await.halaman(&a)?;
    Ok(halaman_permohonan(&a, &p, None, Vec::new()).into_response())
}

/// `GET /admin/pendaftaran-pejabat/{id}/dokumen`.
pub async fn dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = super::jalur::id(&id).halaman(&a)?;
    let (dok, isi) = s
        .registrasi
        .dokumen_permohonan(&a.aktor, id)
        .await
        .halaman(&a)?;
    Ok(super::lampiran(&dok.nama_berkas, "application/pdf", isi))
}

/// The approval form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IsianSetujui {
    catatan: String,
}

/// `POST /admin/pendaftaran-pejabat/{id}/setujui`.
pub async fn setujui(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(b): Form<IsianSetujui>,
) -> Result<Response, GalatHalaman> {
    let id = super::jalur::id(&id).halaman(&a)?;
    let p = s
        .registrasi
        .setujui(&a.aktor, id, Some(&b.catatan))
        .await
        .halaman(&a)?;
    Ok(pesan(
        &a,
        "Permohonan disetujui",
        vec![format!(
            "Akun Pejabat Pendaftar untuk {} dibuat; tautan aktivasi dikirim ke {}.",
            p.instansi.nama(),
            p.data.email
        )],
        Some(("/admin/antrian", "Kembali ke antrean")),
    )
    .into_response())
}

/// The rejection form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IsianTolak {
    kategori_alasan: String,
    catatan: String,
}

/// `POST /admin/pendaftaran-pejabat/{id}/tolak`.
pub async fn tolak(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(b): Form<IsianTolak>,
) -> Result<Response, GalatHalaman> {
    let id = super::jalur::id(&id).halaman(&a)?;
    match s
        .registrasi
        .tolak(&a.aktor, id, &b.kategori_alasan, &b.catatan)
        .await
    {
        Ok(p) => Ok(pesan(
            &a,
            "Permohonan ditolak",
            vec![format!(
                "Alasan dan tautan perbaikan dikirim ke {}.",
                p.data.email
            )],
            Some(("/admin/antrian", "Kembali ke antrean")),
        )
        .into_response()),
        Err(RegistrasiError::Validasi(g)) => {
            let p = s.registrasi.permohonan(&a.aktor, id).await.halaman(&a)?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                halaman_permohonan(&a, &p, Some(b), g),
            )
                .into_response())
        }
        Err(e) => Err(e).halaman(&a),
    }
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
    baris: Vec<(String, String, String, String, String, String)>,
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
    let baris = h
        .items
        .iter()
        .map(|e| {
            (
                wib(e.waktu),
                e.aktor.clone(),
                format!("{} {}", e.subjek_jenis, e.subjek_id),
                e.aksi.clone(),
                match (&e.dari_status, &e.ke_status) {
                    (Some(d), Some(k)) => format!("{d} → {k}"),
                    (None, Some(k)) => k.clone(),
                    _ => String::new(),
                },
                e.alasan.clone().unwrap_or_default(),
            )
        })
        .collect();
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
