//! A Sub Pejabat's detail page: the pejabat's view, and the admin's with the Surat Tugas and
//! the decision forms (approve, reject with a reason).

use crate::state::AppState;
use crate::web::admin::antrian::IsianTolak;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi, pesan, wib};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::SubPejabatId;
use pse_kernel::{JenisAntrian, Keputusan};
use registrasi_pejabat::model::{KategoriPenolakan, StatusSubPejabat};
use registrasi_pejabat::{GalatIsian, RegistrasiError};

/// The detail of a sub pejabat (the pejabat's view, and the admin's with the decision forms).
#[derive(Template, WebTemplate)]
#[template(path = "pengguna_detail.html")]
pub struct HalamanDetailSub {
    nav: Nav,
    id: String,
    nama: String,
    status: &'static str,
    rincian: Vec<(&'static str, String)>,
    unduh: String,
    kembali: &'static str,
    admin_menunggu: bool,
    kategori: Vec<Opsi>,
    catatan: String,
    galat: Vec<GalatIsian>,
}

impl HalamanDetailSub {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn detail_sub(
    s: &AppState,
    a: &Aktor,
    id: SubPejabatId,
    tolak: Option<(String, String)>,
    galat: Vec<GalatIsian>,
) -> Result<HalamanDetailSub, RegistrasiError> {
    let (sp, instansi, unit) = s.registrasi.sub_pejabat_bertempat(&a.aktor, id).await?;
    let admin = a.aktor.adalah_admin();
    let d = &sp.data;
    let mut rincian = vec![
        ("Instansi", instansi),
        ("Unit", unit),
        ("NIP", d.nip.as_ref().to_string()),
        ("Status kepegawaian", d.jenis_kepegawaian.label().into()),
        ("Jabatan", d.jabatan.clone()),
        ("Email", d.email.to_string()),
        ("Telepon", d.telepon.as_ref().into()),
        ("Diajukan", wib(sp.diajukan_pada)),
    ];
    if let Some(t) = &sp.penolakan {
        rincian.push((
            "Alasan penolakan",
            format!("{}: {}", t.kategori.label(), t.catatan),
        ));
    }
    let (kategori, catatan) = tolak.unwrap_or_default();
    Ok(HalamanDetailSub {
        nav: Nav::dari(a),
        id: sp.id.to_string(),
        nama: d.nama_lengkap.clone(),
        status: sp.status.label(),
        rincian,
        unduh: if admin {
            format!("/admin/sub-pejabat/{}/surat-tugas", sp.id)
        } else {
            format!("/pengguna/{}/surat-tugas", sp.id)
        },
        kembali: if admin { "/admin/antrian" } else { "/pengguna" },
        admin_menunggu: admin && sp.status == StatusSubPejabat::TidakAktif,
        kategori: opsi(
            KategoriPenolakan::SEMUA
                .iter()
                .map(|k| (k.kode(), k.label())),
            &kategori,
        ),
        catatan,
        galat,
    })
}

/// `GET /pengguna/{id}` and `GET /admin/sub-pejabat/{id}`.
pub async fn halaman_detail_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    Ok(detail_sub(&s, &a, id, None, Vec::new())
        .await
        .halaman(&a)?
        .into_response())
}

/// `GET …/{id}/surat-tugas`.
pub async fn unduh_surat_tugas(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let (dok, isi) = s
        .registrasi
        .surat_tugas_sub_pejabat(&a.aktor, id)
        .await
        .halaman(&a)?;
    Ok(crate::web::lampiran(
        &dok.nama_berkas,
        "application/pdf",
        isi,
    ))
}

/// `POST /admin/sub-pejabat/{id}/setujui`.
pub async fn setujui_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let k = Keputusan::Setujui { catatan: None };
    let d = s
        .meja
        .putuskan(&a.aktor, JenisAntrian::SubPejabat, &id, &k)
        .await
        .halaman(&a)?;
    let sp = s
        .registrasi
        .sub_pejabat(&a.aktor, crate::web::jalur::id(&d.id).halaman(&a)?)
        .await
        .halaman(&a)?;
    Ok(pesan(
        &a,
        "Sub Pejabat disetujui",
        vec![format!("Tautan aktivasi dikirim ke {}.", sp.data.email)],
        Some(("/admin/antrian", "Kembali ke antrean")),
    )
    .into_response())
}

/// `POST /admin/sub-pejabat/{id}/tolak`.
pub async fn tolak_sub(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(b): Form<IsianTolak>,
) -> Result<Response, GalatHalaman> {
    let sid = crate::web::jalur::id(&id).halaman(&a)?;
    let k = b.keputusan();
    match s
        .meja
        .putuskan(&a.aktor, JenisAntrian::SubPejabat, &id, &k)
        .await
    {
        Ok(_) => Ok(pesan(
            &a,
            "Sub Pejabat ditolak",
            vec!["Alasan penolakan dikirim ke Pejabat Pendaftar instansinya.".into()],
            Some(("/admin/antrian", "Kembali ke antrean")),
        )
        .into_response()),
        Err(e) if !e.galat.is_empty() => Ok((
            e.status,
            detail_sub(&s, &a, sid, Some((b.kategori_alasan, b.catatan)), e.galat)
                .await
                .halaman(&a)?,
        )
            .into_response()),
        Err(e) => Err(e).halaman(&a),
    }
}
