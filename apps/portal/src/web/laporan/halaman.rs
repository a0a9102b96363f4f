//! The "Pelaporan → Laporan" pages: the user's report configurations with download (blue), edit
//! (green) and delete (red), and the "+" form to choose columns in order, filters and sort order.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::GalatHalamanAtau;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use laporan::model::{IsianFilter, IsianLaporan, Kolom};
use registrasi_pejabat::GalatIsian;
use sistem_elektronik::model::{KategoriSe, StatusSistem};

/// One configuration in the list.
pub struct BarisLaporan {
    id: String,
    nama: String,
    kolom: String,
}

/// The list page.
#[derive(Template, WebTemplate)]
#[template(path = "laporan_daftar.html")]
pub struct HalamanDaftar {
    nav: Nav,
    admin: bool,
    laporan: Vec<BarisLaporan>,
}

/// `GET /laporan`.
pub async fn daftar(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let laporan = s
        .laporan
        .daftar(&a.aktor)
        .await
        .halaman(&a)?
        .iter()
        .map(|k| BarisLaporan {
            id: k.id.to_string(),
            nama: k.nama.clone(),
            kolom: k
                .kolom
                .iter()
                .map(|c| c.judul())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    Ok(HalamanDaftar {
        nav: Nav::dari(&a),
        admin: a.aktor.adalah_admin(),
        laporan,
    }
    .into_response())
}

/// One catalogue column on the form: whether chosen and its position.
pub struct PilihanKolom {
    kode: &'static str,
    judul: &'static str,
    dipilih: bool,
    posisi: String,
}

/// One filter's list on the form.
pub struct Saringan {
    id: &'static str,
    label: &'static str,
    opsi: Vec<Opsi>,
    galat: Option<String>,
}

/// The "+" and edit page.
#[derive(Template, WebTemplate)]
#[template(path = "laporan_form.html")]
pub struct HalamanForm {
    nav: Nav,
    aksi: String,
    nama: String,
    kolom: Vec<PilihanKolom>,
    saringan: Vec<Saringan>,
    instansi: Option<Vec<Opsi>>,
    urutan: Vec<Opsi>,
    galat: Vec<GalatIsian>,
}

impl HalamanForm {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

async fn halaman_form(
    s: &AppState,
    a: &Aktor,
    aksi: String,
    isian: &IsianLaporan,
    galat: Vec<GalatIsian>,
) -> Result<HalamanForm, GalatHalaman> {
    let f = &isian.filter;
    let provinsi = s
        .referensi
        .daftar_provinsi()
        .await
        .map_err(WebError::from)
        .map_err(|e| GalatHalaman::untuk(e, a))?;
    let instansi = if a.aktor.adalah_admin() {
        let mut semua = Vec::new();
        for page in 1.. {
            let h = s
                .referensi
                .cari_instansi("", Default::default(), page)
                .await
                .map_err(WebError::from)
                .map_err(|e| GalatHalaman::untuk(e, a))?;
            let n = h.items.len();
            semua.extend(
                h.items
                    .iter()
                    .map(|i| (i.id().to_string(), i.rekam().nama.clone())),
            );
            if n == 0 || semua.len() as u64 >= h.total {
                break;
            }
        }
        Some(opsi(
            semua.iter().map(|(n, l)| (n.as_str(), l.as_str())),
            &f.instansi_id,
        ))
    } else {
        None
    };
    let kolom = Kolom::SEMUA
        .iter()
        .map(|k| {
            let posisi = isian.kolom.iter().position(|x| x == k.kode());
            PilihanKolom {
                kode: k.kode(),
                judul: k.judul(),
                dipilih: posisi.is_some(),
                posisi: posisi.map(|p| (p + 1).to_string()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(HalamanForm {
        nav: Nav::dari(a),
        aksi,
        nama: isian.nama.clone(),
        kolom,
        saringan: vec![
            Saringan {
                id: "status",
                label: "Status",
                opsi: opsi(
                    StatusSistem::SEMUA.map(|x| (x.kode(), x.label())),
                    &f.status,
                ),
                galat: galat_isian(&galat, "filter.status").map(String::from),
            },
            Saringan {
                id: "kategori",
                label: "Kategori",
                opsi: opsi(
                    [
                        KategoriSe::Rendah,
                        KategoriSe::Tinggi,
                        KategoriSe::Strategis,
                    ]
                    .map(|x| (x.kode(), x.label())),
                    &f.kategori,
                ),
                galat: galat_isian(&galat, "filter.kategori").map(String::from),
            },
            Saringan {
                id: "provinsi",
                label: "Provinsi",
                opsi: opsi(
                    provinsi.iter().map(|w| (w.kode.as_str(), w.nama.as_str())),
                    &f.provinsi,
                ),
                galat: galat_isian(&galat, "filter.provinsi").map(String::from),
            },
        ],
        instansi,
        urutan: opsi(Kolom::SEMUA.map(|k| (k.kode(), k.judul())), &isian.urutan),
        galat,
    })
}

/// The form's fields: ticked columns (`kolom`) ordered by their `posisi_<kolom>` numbers, then by
/// the catalogue; filters as `status`, `kategori`, `provinsi`, `instansi_id`.
fn dari_form(pasangan: &[(String, String)]) -> IsianLaporan {
    let nilai = |k: &str| {
        pasangan
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut kolom: Vec<(u32, usize, String)> = pasangan
        .iter()
        .filter(|(n, _)| n == "kolom")
        .map(|(_, v)| {
            let urut = Kolom::SEMUA
                .iter()
                .position(|k| k.kode() == v)
                .unwrap_or(usize::MAX);
            let posisi = nilai(&format!("posisi_{v}")).parse().unwrap_or(u32::MAX);
            (posisi, urut, v.clone())
        })
        .collect();
    kolom.sort();
    IsianLaporan {
        nama: nilai("nama"),
        kolom: kolom.into_iter().map(|(_, _, k)| k).collect(),
        filter: IsianFilter {
            status: nilai("status"),
            kategori: nilai("kategori"),
            provinsi: nilai("provinsi"),
            instansi_id: nilai("instansi_id"),
        },
        urutan: nilai("urutan"),
    }
}

/// `GET /laporan/baru`.
pub async fn form_baru(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    s.laporan.daftar(&a.aktor).await.halaman(&a)?;
    let isian = IsianLaporan {
        kolom: [
            "nama_eksternal",
            "instansi",
            "status",
            "progres",
            "nomor_tanda_daftar",
        ]
        .map(String::from)
        .to_vec(),
        ..IsianLaporan::default()
    };
    Ok(
        halaman_form(&s, &a, "/laporan/baru".into(), &isian, Vec::new())
            .await?
            .into_response(),
    )
}

/// `POST /laporan/baru`.
pub async fn baru(
    State(s): State<AppState>,
    a: Aktor,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, GalatHalaman> {
    let isian = dari_form(&pasangan);
    match s.laporan.buat(&a.aktor, &isian).await {
        Ok(k) => Ok(crate::web::halaman::alihkan(
            &a,
            "/laporan",
            format!("Laporan {} tersimpan.", k.nama),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let h = halaman_form(&s, &a, "/laporan/baru".into(), &isian, galat).await?;
            Ok((status, h).into_response())
        }
    }
}

/// `GET /laporan/{id}/ubah`.
pub async fn form_ubah(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let k = s
        .laporan
        .lihat(&a.aktor, crate::web::jalur::id_halaman(&a, &id)?)
        .await
        .halaman(&a)?;
    Ok(halaman_form(
        &s,
        &a,
        format!("/laporan/{id}/ubah"),
        &k.isian(),
        Vec::new(),
    )
    .await?
    .into_response())
}

/// `POST /laporan/{id}/ubah`.
pub async fn ubah(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, GalatHalaman> {
    let isian = dari_form(&pasangan);
    match s
        .laporan
        .ubah(&a.aktor, crate::web::jalur::id_halaman(&a, &id)?, &isian)
        .await
    {
        Ok(k) => Ok(crate::web::halaman::alihkan(
            &a,
            "/laporan",
            format!("Perubahan laporan {} tersimpan.", k.nama),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let h = halaman_form(&s, &a, format!("/laporan/{id}/ubah"), &isian, galat).await?;
            Ok((status, h).into_response())
        }
    }
}

/// `GET /laporan/{id}/hapus`: asks first.
pub async fn konfirmasi_hapus(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let k = s
        .laporan
        .lihat(&a.aktor, crate::web::jalur::id_halaman(&a, &id)?)
        .await
        .halaman(&a)?;
    Ok(crate::web::halaman::konfirmasi(
        &a,
        format!("Hapus laporan “{}”?", k.nama),
        "Pengaturan laporan ini dihapus dari daftar Anda. Berkas yang sudah diunduh tidak terpengaruh.".into(),
        format!("/laporan/{id}/hapus"),
        "Ya, hapus laporan",
        "/laporan",
    )
    .into_response())
}

/// `POST /laporan/{id}/hapus`.
pub async fn hapus(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    s.laporan
        .hapus(&a.aktor, crate::web::jalur::id_halaman(&a, &id)?)
        .await
        .halaman(&a)?;
    Ok(crate::web::halaman::alihkan(&a, "/laporan", "Laporan dihapus.").await)
}

/// `GET /laporan/{id}/unduh`: the `.xlsx`.
pub async fn unduh(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let b = crate::web::laporan::api::di_slot(&s, s.laporan.unduh(&a.aktor, id))
        .await
        .halaman(&a)?;
    Ok(crate::web::laporan::api::unduhan(b))
}

/// `GET /admin/laporan/rekap`: the national recap.
pub async fn rekap(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let b = crate::web::laporan::api::di_slot(&s, s.laporan.rekap(&a.aktor))
        .await
        .halaman(&a)?;
    Ok(crate::web::laporan::api::unduhan(b))
}
