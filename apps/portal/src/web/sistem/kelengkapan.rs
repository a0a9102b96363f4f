//! What completes a system's form besides its sections: the supporting documents and the
//! self-assessment of its category.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::{GalatHalamanAtau, lihat, opsi_kode};
use crate::web::unggah::FormMultipart;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use registrasi_pejabat::GalatIsian;
use sistem_elektronik::model::isi::label_kode;
use sistem_elektronik::model::{PERTANYAAN, SistemElektronik};

// ---------------------------------------------------------------- supporting documents

/// The supporting documents page.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_dokumen.html")]
pub struct HalamanDokumen {
    nav: Nav,
    id: String,
    nama_sistem: String,
    dokumen: Vec<(String, String, String)>,
    jenis: Vec<Opsi>,
    bisa_diisi: bool,
    batas_mib: u64,
    galat: Vec<GalatIsian>,
}

impl HalamanDokumen {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

fn halaman_dokumen(
    s: &AppState,
    a: &Aktor,
    x: &SistemElektronik,
    jenis: &str,
    galat: Vec<GalatIsian>,
) -> HalamanDokumen {
    HalamanDokumen {
        nav: Nav::dari(a),
        id: x.id.to_string(),
        nama_sistem: x.data_awal.nama_eksternal.clone(),
        dokumen: x
            .dokumen
            .iter()
            .map(|d| {
                (
                    d.nama_berkas.clone(),
                    label_kode(&d.jenis),
                    d.sha256.clone(),
                )
            })
            .collect(),
        jenis: opsi_kode(sistem_elektronik::model::sistem::JENIS_DOKUMEN, jenis),
        bisa_diisi: x.status.bisa_diisi(),
        batas_mib: s.sistem.pengaturan().batas_dokumen / (1024 * 1024),
        galat,
    }
}

/// `GET /sistem-elektronik/{id}/dokumen`.
pub async fn form_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    Ok(halaman_dokumen(&s, &a, &x, "", Vec::new()).into_response())
}

/// `POST /sistem-elektronik/{id}/dokumen` (multipart `jenis` + `berkas`).
pub async fn unggah_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let f = FormMultipart::baca(m).await.halaman(&a)?;
    let (nama, isi) = f
        .berkas
        .get("berkas")
        .map(|b| (b.nama.clone(), b.isi.clone()))
        .unwrap_or_default();
    let jenis = f.teks("jenis");
    match s
        .sistem
        .unggah_dokumen(&a.aktor, x.id, &jenis, &nama, isi)
        .await
    {
        Ok(_) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/sistem-elektronik/{id}/dokumen"),
            format!("Dokumen {nama} tersimpan."),
        )
        .await),
        Err(e) => {
            let e = WebError::from(e).dokumen_di("berkas");
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((status, halaman_dokumen(&s, &a, &x, &jenis, galat)).into_response())
        }
    }
}

/// `POST /sistem-elektronik/{id}/dokumen/{sha256}/hapus`: removes a document before submission.
pub async fn hapus_dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, sha256)): Path<(String, String)>,
) -> Result<Response, GalatHalaman> {
    let sid = crate::web::jalur::id_halaman(&a, &id)?;
    let (_, d) = s
        .sistem
        .hapus_dokumen(&a.aktor, sid, &sha256)
        .await
        .halaman(&a)?;
    Ok(crate::web::halaman::alihkan(
        &a,
        &format!("/sistem-elektronik/{id}/dokumen"),
        format!("Dokumen {} dihapus.", d.nama_berkas),
    )
    .await)
}

// ---------------------------------------------------------------- self-assessment

/// One question on the self-assessment page.
pub struct Soal {
    nomor: usize,
    teks: &'static str,
    pilihan: Vec<(&'static str, &'static str, bool)>,
    galat: Option<String>,
}

/// The self-assessment page.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_penilaian.html")]
pub struct HalamanPenilaian {
    nav: Nav,
    id: String,
    nama_sistem: String,
    soal: Vec<Soal>,
    hasil: Option<(u32, &'static str)>,
    galat: Vec<GalatIsian>,
    /// Why the answers cannot change now (then they are shown read-only).
    terkunci: Option<&'static str>,
}

fn halaman_penilaian(
    a: &Aktor,
    x: &SistemElektronik,
    jawaban: &[String],
    galat: Vec<GalatIsian>,
) -> HalamanPenilaian {
    let soal = PERTANYAAN
        .iter()
        .enumerate()
        .map(|(i, (teks, abc))| Soal {
            nomor: i + 1,
            teks,
            pilihan: ["A", "B", "C"]
                .iter()
                .zip(abc.iter())
                .map(|(h, t)| (*h, *t, jawaban.get(i).is_some_and(|j| j == h)))
                .collect(),
            galat: galat_isian(&galat, &format!("jawaban[{i}]")).map(String::from),
        })
        .collect();
    HalamanPenilaian {
        nav: Nav::dari(a),
        id: x.id.to_string(),
        nama_sistem: x.data_awal.nama_eksternal.clone(),
        soal,
        hasil: x.penilaian.as_ref().map(|p| (p.skor, p.kategori.label())),
        galat,
        terkunci: x.status.alasan_terkunci(),
    }
}

/// `GET /sistem-elektronik/{id}/penilaian-kategori`.
pub async fn form_penilaian(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let jawaban: Vec<String> = x
        .penilaian
        .as_ref()
        .map(|p| p.jawaban.iter().map(|j| format!("{j:?}")).collect())
        .unwrap_or_default();
    Ok(halaman_penilaian(&a, &x, &jawaban, Vec::new()).into_response())
}

/// `POST /sistem-elektronik/{id}/penilaian-kategori` (`jawaban[0]` … `jawaban[9]`).
pub async fn simpan_penilaian(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, GalatHalaman> {
    let x = lihat(&s, &a, &id).await?;
    let jawaban: Vec<String> = (0..PERTANYAAN.len())
        .map(|i| {
            pasangan
                .iter()
                .find(|(k, _)| *k == format!("jawaban[{i}]"))
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
        .collect();
    match s.sistem.nilai_kategori(&a.aktor, x.id, &jawaban).await {
        Ok(y) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/sistem-elektronik/{id}"),
            format!(
                "Penilaian kategori tersimpan: {}.",
                y.penilaian.as_ref().map_or("—", |p| p.kategori.label())
            ),
        )
        .await),
        Err(e) => {
            // Each unanswered question is named by the domain, in order.
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((status, halaman_penilaian(&a, &x, &jawaban, galat)).into_response())
        }
    }
}
