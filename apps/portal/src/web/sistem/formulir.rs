//! The system's form: the task list with progress, check-your-answers and submit, the admin's view
//! with its decisions, and one page per section.

use crate::state::AppState;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, wib};
use crate::web::sesi::Aktor;
use crate::web::sistem::halaman::{GalatHalamanAtau, lihat};
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use perubahan_data::model::StatusPerubahan;
use pse_kernel::DaftarWilayah;
use pse_kernel::JenisAntrian;
use registrasi_pejabat::GalatIsian;
use serde::Deserialize;
use serde_json::{Map, Value};
use sistem_elektronik::model::bagian::JenisIsian;
use sistem_elektronik::model::isi::{label_kode, teks_isian};
use sistem_elektronik::model::{Bagian, SistemElektronik, StatusBagian};

// ---------------------------------------------------------------- task list, check answers, admin view

/// One of the ten parts in the task list.
pub struct BarisBagian {
    judul: &'static str,
    tautan: String,
    status: StatusBagian,
}

/// A section's answers as people read them.
pub struct RincianBagian {
    judul: &'static str,
    tautan: String,
    baris: Vec<(&'static str, String)>,
}

/// How the system page is shown.
#[derive(PartialEq, Eq)]
pub enum Tampilan {
    /// The owner's task list.
    Tugas,
    /// The owner's check-your-answers page with the submit button.
    Periksa,
    /// The admin's verification view.
    Admin,
}

/// The page of one system.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_detail.html")]
pub struct HalamanSistem {
    nav: Nav,
    tampilan: Tampilan,
    id: String,
    nama: String,
    instansi: String,
    status: &'static str,
    status_kode: &'static str,
    progres: u32,
    data_awal: Vec<(&'static str, String)>,
    bagian: Vec<BarisBagian>,
    rincian: Vec<RincianBagian>,
    bisa_diisi: bool,
    pengembalian: Option<(String, String)>,
    tanda_daftar: Option<(u64, String, String)>,
    penilaian: Option<(u32, &'static str)>,
    kategori_berbeda: Option<String>,
    galat: Vec<GalatIsian>,
    catatan: String,
    /// Change requests of the system, newest first.
    riwayat: Vec<crate::web::perubahan::halaman::BarisPerubahan>,
    /// The approved change being made now.
    perubahan_terbuka: Option<String>,
}

fn lengkap_atau_belum(lengkap: bool) -> StatusBagian {
    if lengkap {
        StatusBagian::Lengkap
    } else {
        StatusBagian::BelumDiisi
    }
}

fn halaman_sistem(
    a: &Aktor,
    x: &SistemElektronik,
    instansi: String,
    base_url: &str,
    tampilan: Tampilan,
    wilayah: &DaftarWilayah,
) -> HalamanSistem {
    let d = &x.data_awal;
    let id = x.id.to_string();
    let mut bagian: Vec<BarisBagian> = Bagian::SEMUA
        .iter()
        .map(|b| BarisBagian {
            judul: b.judul(),
            tautan: format!("/sistem-elektronik/{id}/bagian/{}", b.kode()),
            status: x.status_bagian(*b),
        })
        .collect();
    bagian.push(BarisBagian {
        judul: "Dokumen Pendukung",
        tautan: format!("/sistem-elektronik/{id}/dokumen"),
        status: lengkap_atau_belum(!x.dokumen.is_empty()),
    });
    bagian.push(BarisBagian {
        judul: "Penilaian Kategori Sistem Elektronik",
        tautan: format!("/sistem-elektronik/{id}/penilaian-kategori"),
        status: lengkap_atau_belum(x.penilaian.is_some()),
    });
    let rincian = Bagian::SEMUA
        .iter()
        .map(|b| RincianBagian {
            judul: b.judul(),
            tautan: format!("/sistem-elektronik/{id}/bagian/{}", b.kode()),
            baris: b
                .kolom()
                .iter()
                .map(|(n, l, jenis)| {
                    (
                        *l,
                        x.bagian
                            .get(b)
                            .and_then(|v| v.get(*n))
                            .map(|v| teks_isian(*jenis, v, wilayah))
                            .unwrap_or_else(|| "—".into()),
                    )
                })
                .collect(),
        })
        .collect();
    let penilaian = x.penilaian.as_ref().map(|p| (p.skor, p.kategori.label()));
    HalamanSistem {
        nav: Nav::dari(a),
        tampilan,
        nama: d.nama_eksternal.clone(),
        instansi,
        status: x.status.label(),
        status_kode: x.status.kode(),
        progres: x.progres(),
        data_awal: d.rincian(),
        bagian,
        rincian,
        bisa_diisi: x.status.bisa_diisi(),
        pengembalian: x
            .pengembalian
            .as_ref()
            .map(|p| (p.alasan.clone(), wib(p.waktu))),
        tanda_daftar: x.tanda_daftar.as_ref().map(|t| {
            (
                t.nomor,
                pse_kernel::kalender::tanggal_panjang(t.tanggal_terbit),
                crate::web::sistem::skema::url_verifikasi(base_url, t.nomor),
            )
        }),
        kategori_berbeda: x.kategori_berbeda().then(|| {
            format!(
                "Kategori yang dinyatakan ({}) berbeda dengan hasil penilaian ({}); hasil penilaian yang berlaku.",
                d.kategori.label(),
                penilaian.map(|p| p.1).unwrap_or_default()
            )
        }),
        penilaian,
        galat: Vec::new(),
        catatan: String::new(),
        riwayat: Vec::new(),
        perubahan_terbuka: None,
        id,
    }
}

async fn tampilkan(
    s: &AppState,
    a: &Aktor,
    id: &str,
    tampilan: Tampilan,
) -> Result<HalamanSistem, GalatHalaman> {
    let sid = crate::web::jalur::id_halaman(a, id)?;
    let (x, riwayat) = s
        .perubahan
        .sistem_dengan_riwayat(&a.aktor, sid)
        .await
        .halaman(a)?;
    let mut h = halaman_sistem(
        a,
        &x.sistem,
        x.instansi,
        &s.konfigurasi.base_url(),
        tampilan,
        &s.sistem.pengaturan().wilayah,
    );
    h.perubahan_terbuka = riwayat
        .iter()
        .find(|p| p.status == StatusPerubahan::DisetujuiSedangDalamPerubahan)
        .map(|p| p.id.to_string());
    h.riwayat = riwayat
        .iter()
        .map(crate::web::perubahan::halaman::BarisPerubahan::from)
        .collect();
    Ok(h)
}

/// `GET /sistem-elektronik/{id}`: the task list.
pub async fn detail(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(tampilkan(&s, &a, &id, Tampilan::Tugas)
        .await?
        .into_response())
}

/// `GET /sistem-elektronik/{id}/periksa`: every answer, and the submit button.
pub async fn periksa(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(tampilkan(&s, &a, &id, Tampilan::Periksa)
        .await?
        .into_response())
}

/// `POST /sistem-elektronik/{id}/ajukan`.
pub async fn ajukan(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(f): Form<FormPengajuan>,
) -> Result<Response, GalatHalaman> {
    let sid = crate::web::jalur::id_halaman(&a, &id)?;
    match s
        .sistem
        .ajukan(&a.aktor, sid, f.pernyataan.as_deref() == Some("ya"))
        .await
    {
        Ok(_) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/sistem-elektronik/{id}"),
            "Formulir diajukan dan dikunci; Direktorat LAIP memverifikasinya paling lama 1 hari kerja.",
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(WebError::from(e)).isian(&a)?;
            let mut h = tampilkan(&s, &a, &id, Tampilan::Periksa).await?;
            h.galat = galat;
            Ok((status, h).into_response())
        }
    }
}

impl HalamanSistem {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// The submission as posted: the declaration's checkbox (`ya` when ticked).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormPengajuan {
    pernyataan: Option<String>,
}

/// `GET /admin/sistem-elektronik/{id}` (and `/admin/data-awal/{id}`): the admin's view.
pub async fn admin_detail(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    Ok(tampilkan(&s, &a, &id, Tampilan::Admin)
        .await?
        .into_response())
}

/// An admin decision form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormKeputusan {
    catatan: String,
}

/// `POST /admin/data-awal/{id}/{setujui|tolak}`.
pub async fn putuskan_data_awal(
    s: State<AppState>,
    a: Aktor,
    Path((id, keputusan)): Path<(String, String)>,
    f: Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    putuskan(s, a, JenisAntrian::DataAwal, id, keputusan, f).await
}

/// `POST /admin/sistem-elektronik/{id}/{setujui|tolak}` (`tolak` returns the form).
pub async fn putuskan_formulir(
    s: State<AppState>,
    a: Aktor,
    Path((id, keputusan)): Path<(String, String)>,
    f: Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    putuskan(s, a, JenisAntrian::SistemElektronik, id, keputusan, f).await
}

async fn putuskan(
    State(s): State<AppState>,
    a: Aktor,
    jenis: JenisAntrian,
    id: String,
    keputusan: String,
    Form(f): Form<FormKeputusan>,
) -> Result<Response, GalatHalaman> {
    let k = crate::web::admin::antrian::keputusan(&keputusan, "lainnya", &f.catatan).halaman(&a)?;
    match s.meja.putuskan(&a.aktor, jenis, &id, &k).await {
        Ok(_) => Ok(crate::web::halaman::alihkan(
            &a,
            &format!("/admin/sistem-elektronik/{id}"),
            crate::web::perubahan::halaman::keputusan_tersimpan(&k),
        )
        .await),
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            let mut h = tampilkan(&s, &a, &id, Tampilan::Admin).await?;
            h.galat = galat;
            h.catatan = f.catatan;
            Ok((status, h).into_response())
        }
    }
}

// ---------------------------------------------------------------- one section

/// A field on a section page.
pub struct KolomForm {
    nama: &'static str,
    label: &'static str,
    /// The label with "(opsional)" for a field that may stay empty.
    judul: String,
    /// How the page asks for it: `pilihan` (one answer), `daftar_pilihan` (several), `wilayah`
    /// (a region list), `panjang` (a text area), or the type of a one-line input (`text`,
    /// `date`, `number`, `email`, `tel`, `url`).
    bentuk: &'static str,
    nilai: String,
    opsi: Vec<Opsi>,
    /// A region list: the provinces, or the regencies/cities grouped by province.
    grup: Vec<GrupOpsi>,
    /// The value as people read it (the read-only view).
    teks: String,
    galat: Option<String>,
}

/// Options under one heading of a list (`<optgroup>`); no heading for a flat list.
pub struct GrupOpsi {
    label: Option<String>,
    /// The province code the regencies/cities of this group lie in.
    provinsi: String,
    opsi: Vec<Opsi>,
}

/// The provinces, or every regency/city grouped under its province, `nilai` selected.
fn grup_wilayah(wilayah: &DaftarWilayah, kota: bool, nilai: &str) -> Vec<GrupOpsi> {
    let opsi = |w: &pse_kernel::Wilayah| Opsi {
        nilai: w.kode.clone(),
        label: w.nama.clone(),
        dipilih: w.kode == nilai,
    };
    if !kota {
        return vec![GrupOpsi {
            label: None,
            provinsi: String::new(),
            opsi: wilayah
                .semua()
                .filter(|w| w.provinsi())
                .map(|w| opsi(&w))
                .collect(),
        }];
    }
    let mut grup: Vec<GrupOpsi> = Vec::new();
    for w in wilayah.semua() {
        if w.provinsi() {
            grup.push(GrupOpsi {
                label: Some(w.nama.clone()),
                provinsi: w.kode.clone(),
                opsi: Vec::new(),
            });
        } else if let Some(g) = grup.last_mut().filter(|g| {
            g.provinsi.as_str() == pse_kernel::wilayah::provinsi_dari(&w.kode).unwrap_or_default()
        }) {
            g.opsi.push(opsi(&w));
        }
    }
    grup
}

/// A section page.
#[derive(Template, WebTemplate)]
#[template(path = "sistem_bagian.html")]
pub struct HalamanBagian {
    nav: Nav,
    id: String,
    nama_sistem: String,
    judul: &'static str,
    kode: &'static str,
    kolom: Vec<KolomForm>,
    galat: Vec<GalatIsian>,
    /// The page shows a draft that is not yet saved in full.
    ada_draf: bool,
    /// Why the form is locked (then it is shown read-only).
    terkunci: Option<&'static str>,
    /// Whether a change request is the way to edit it.
    terdaftar: bool,
}

fn bentuk(j: JenisIsian, nama: &str) -> &'static str {
    match j {
        JenisIsian::Teks | JenisIsian::TeksOpsional
            if ["fungsi", "spesifikasi", "alamat", "dasar_hukum"].contains(&nama) =>
        {
            "panjang"
        }
        JenisIsian::Teks | JenisIsian::TeksOpsional | JenisIsian::KodePos => "text",
        JenisIsian::Tanggal => "date",
        JenisIsian::Cacah => "number",
        JenisIsian::YaTidak | JenisIsian::Pilihan(_) => "pilihan",
        JenisIsian::DaftarPilihan(_) => "daftar_pilihan",
        JenisIsian::Email => "email",
        JenisIsian::Telepon => "tel",
        JenisIsian::UrlOpsional => "url",
        JenisIsian::Provinsi | JenisIsian::Kota => "wilayah",
    }
}

fn halaman_bagian(
    a: &Aktor,
    x: &SistemElektronik,
    b: Bagian,
    isi: &Value,
    galat: Vec<GalatIsian>,
    wilayah: &DaftarWilayah,
) -> HalamanBagian {
    let kolom = b
        .kolom()
        .iter()
        .map(|(nama, label, jenis)| {
            let v = isi.get(*nama).cloned().unwrap_or(Value::Null);
            let nilai = match &v {
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            let dipilih: Vec<String> = match &v {
                Value::Array(a) => a
                    .iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect(),
                Value::String(s) => vec![s.clone()],
                _ => Vec::new(),
            };
            let opsi = match jenis {
                JenisIsian::Pilihan(o) | JenisIsian::DaftarPilihan(o) => o
                    .iter()
                    .map(|k| Opsi {
                        nilai: k.to_string(),
                        label: label_kode(k),
                        dipilih: dipilih.iter().any(|d| d == k),
                    })
                    .collect(),
                JenisIsian::YaTidak => [("true", "Ya"), ("false", "Tidak")]
                    .map(|(k, l)| Opsi {
                        nilai: k.into(),
                        label: l.into(),
                        dipilih: nilai == k,
                    })
                    .into(),
                _ => Vec::new(),
            };
            let grup = match jenis {
                JenisIsian::Provinsi => grup_wilayah(wilayah, false, &nilai),
                JenisIsian::Kota => grup_wilayah(wilayah, true, &nilai),
                _ => Vec::new(),
            };
            KolomForm {
                nama,
                label,
                judul: if jenis.wajib() {
                    (*label).to_string()
                } else {
                    format!("{label} (opsional)")
                },
                bentuk: bentuk(*jenis, nama),
                nilai,
                opsi,
                grup,
                teks: match teks_isian(*jenis, &v, wilayah) {
                    t if t.trim().is_empty() => "—".into(),
                    t => t,
                },
                galat: galat_isian(&galat, nama).map(String::from),
            }
        })
        .collect();
    HalamanBagian {
        nav: Nav::dari(a),
        id: x.id.to_string(),
        nama_sistem: x.data_awal.nama_eksternal.clone(),
        judul: b.judul(),
        kode: b.kode(),
        kolom,
        galat,
        ada_draf: x.draf.contains_key(&b),
        terkunci: x.status.alasan_terkunci(),
        terdaftar: x.status == sistem_elektronik::model::StatusSistem::Terdaftar,
    }
}

fn bagian_dari(a: &Aktor, kode: &str) -> Result<Bagian, GalatHalaman> {
    Bagian::parse(kode).ok_or_else(|| GalatHalaman::untuk(WebError::tidak_ditemukan(), a))
}

/// `GET /sistem-elektronik/{id}/bagian/{bagian}`.
pub async fn form_bagian(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, kode)): Path<(String, String)>,
) -> Result<Response, GalatHalaman> {
    let b = bagian_dari(&a, &kode)?;
    let x = lihat(&s, &a, &id).await?;
    let isi = x.isian_bagian(b).cloned().unwrap_or(Value::Null);
    Ok(halaman_bagian(&a, &x, b, &isi, Vec::new(), &s.sistem.pengaturan().wilayah).into_response())
}

/// `POST /sistem-elektronik/{id}/bagian/{bagian}`: repeated names (check boxes) become a list;
/// the "Simpan sementara" button (`aksi=draf`) keeps the values as a draft without checking them.
pub async fn simpan_bagian(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, kode)): Path<(String, String)>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, GalatHalaman> {
    let b = bagian_dari(&a, &kode)?;
    let mut isi = Map::new();
    for (nama, _, jenis) in b.kolom() {
        let nilai: Vec<&String> = pasangan
            .iter()
            .filter(|(k, _)| k == nama)
            .map(|(_, v)| v)
            .collect();
        let v = match jenis {
            JenisIsian::DaftarPilihan(_) => {
                Value::from(nilai.into_iter().cloned().collect::<Vec<_>>())
            }
            _ => nilai
                .first()
                .map_or(Value::Null, |v| Value::String((*v).clone())),
        };
        isi.insert((*nama).into(), v);
    }
    let isi = Value::Object(isi);
    let x = lihat(&s, &a, &id).await?;
    let draf = pasangan.iter().any(|(k, v)| k == "aksi" && v == "draf");
    let hasil = if draf {
        s.sistem.simpan_draf(&a.aktor, x.id, b, &isi).await
    } else {
        s.sistem.isi_bagian(&a.aktor, x.id, b, &isi).await
    };
    let pesan = if draf {
        format!(
            "Draf {} tersimpan; bagian ini belum dihitung lengkap.",
            b.judul()
        )
    } else {
        format!("{} tersimpan lengkap.", b.judul())
    };
    match hasil {
        Ok(_) => {
            Ok(crate::web::halaman::alihkan(&a, &format!("/sistem-elektronik/{id}"), pesan).await)
        }
        Err(e) => {
            let (status, galat) = GalatHalamanAtau::from(e).isian(&a)?;
            Ok((
                status,
                halaman_bagian(&a, &x, b, &isi, galat, &s.sistem.pengaturan().wilayah),
            )
                .into_response())
        }
    }
}
