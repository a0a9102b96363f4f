//! The pages of the pemda intake: the list (a petugas' inbox, a pejabat's pemda, an OPD's own),
//! one request with its steps timed against their standards and the form of the step that waits
//! for the reader, its PDFs, and the printable Lembar Disposisi and Surat Balasan.

use crate::state::AppState;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use permohonan_daerah::surat::{BarisDisposisi, LembarDisposisi, SuratBalasan, waktu};
use permohonan_daerah::{Pelaku, PermohonanDaerah, StatusPermohonanDaerah, Tugas};
use pse_kernel::{GalatIsian, PermohonanDaerahId, WaktuKerja};

/// One step as a row: what, since when, working minutes against the standard.
pub struct BarisLangkah {
    label: &'static str,
    mulai: String,
    menit: u32,
    standar: u32,
    tenggat: String,
    terlambat: bool,
    berjalan: bool,
}

fn baris_langkah(
    p: &PermohonanDaerah,
    w: &WaktuKerja,
    sekarang: DateTime<Utc>,
) -> Vec<BarisLangkah> {
    p.langkah
        .iter()
        .map(|l| BarisLangkah {
            label: l.kode.label(),
            mulai: waktu(l.mulai, w.zona()),
            menit: l.menit_kerja(w, sekarang),
            standar: l.kode.standar_menit(),
            tenggat: waktu(l.tenggat(w), w.zona()),
            terlambat: l.terlambat(w, sekarang),
            berjalan: l.selesai.is_none(),
        })
        .collect()
}

/// A request in a list.
pub struct BarisPermohonan {
    id: String,
    nama_sistem: String,
    status: &'static str,
    diajukan: String,
    /// The running step, if any.
    langkah: Option<BarisLangkah>,
}

/// The list page.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_daftar.html")]
pub struct HalamanDaftar {
    nav: Nav,
    /// Whether the reader applies (an OPD's Sub Pejabat).
    pemohon: bool,
    /// Whether the reader is a petugas (the list is an inbox).
    petugas: bool,
    /// Whether the reader sees the dashboard (the Kepala Dinas, the pejabat).
    kinerja: bool,
    baris: Vec<BarisPermohonan>,
    total: u64,
    berikutnya: Option<String>,
}

/// Query of the list: its cursor.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct QueryDaftar {
    setelah: Option<String>,
}

/// `GET /permohonan-daerah`.
pub async fn daftar(
    State(s): State<AppState>,
    a: Aktor,
    axum::extract::Query(q): axum::extract::Query<QueryDaftar>,
) -> Result<HalamanDaftar, GalatHalaman> {
    let pelaku = s.daerah.pelaku(&a.aktor).await.halaman(&a)?;
    let paging = crate::web::skema::QueryKursor {
        setelah: q.setelah,
        batas: None,
    }
    .paging()
    .halaman(&a)?;
    let h = s.daerah.daftar(&a.aktor, &paging).await.halaman(&a)?;
    let sekarang = s.store.sekarang();
    let mut baris = Vec::with_capacity(h.items.len());
    if let Some(p) = h.items.first() {
        let w = s.daerah.waktu_kerja(p.instansi_id).await.halaman(&a)?;
        for p in &h.items {
            let langkah = baris_langkah(p, &w, sekarang).pop().filter(|l| l.berjalan);
            baris.push(BarisPermohonan {
                id: p.id.to_string(),
                nama_sistem: p.isian.nama_sistem.clone(),
                status: p.status.label(),
                diajukan: waktu(p.diajukan_pada, w.zona()),
                langkah,
            });
        }
    }
    Ok(HalamanDaftar {
        nav: Nav::dari(&a),
        pemohon: matches!(pelaku, Pelaku::Pemohon { .. }),
        petugas: matches!(pelaku, Pelaku::Petugas(_)),
        kinerja: matches!(&pelaku, Pelaku::Pejabat { .. })
            || matches!(&pelaku, Pelaku::Petugas(p) if p.tugas == Tugas::KepalaDinas),
        baris,
        total: h.total,
        berikutnya: h.berikutnya,
    })
}

/// What the reader can do on a request now.
pub enum Aksi {
    /// Nothing: it waits for someone else, or is done.
    Tidak,
    /// Dispose it to one of these (a Kepala Bidang, then a Tim Teknis member).
    Disposisi {
        tujuan: &'static str,
        pilihan: Vec<Opsi>,
    },
    /// Check it: return it with what is missing, or register its system.
    Periksa,
    /// Report with the Surat Balasan.
    Lapor,
    /// Complete what was asked (the applicant).
    Lengkapi,
}

/// One request's page.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_detail.html")]
pub struct HalamanPermohonan {
    nav: Nav,
    id: String,
    nama_sistem: String,
    deskripsi: String,
    unit: String,
    surat: String,
    status: &'static str,
    status_kode: &'static str,
    zona: &'static str,
    langkah: Vec<BarisLangkah>,
    disposisi: Vec<BarisDisposisi>,
    /// What was asked, and the applicant's answer.
    kekurangan: Vec<(String, Option<String>)>,
    sistem_id: Option<String>,
    ringkasan: Option<String>,
    selesai: bool,
    aksi: Aksi,
    galat: Vec<GalatIsian>,
    /// What was typed in the step's form, kept on an error.
    isian: String,
}

impl HalamanPermohonan {
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// The page of request `id`, with `galat` and `isian` from a refused step.
pub(crate) async fn halaman_permohonan(
    s: &AppState,
    a: &Aktor,
    id: PermohonanDaerahId,
    galat: Vec<GalatIsian>,
    isian: String,
) -> Result<HalamanPermohonan, GalatHalaman> {
    let pelaku = s.daerah.pelaku(&a.aktor).await.halaman(a)?;
    let p = s.daerah.lihat(&a.aktor, id).await.halaman(a)?;
    let w = s.daerah.waktu_kerja(p.instansi_id).await.halaman(a)?;
    let lembar = s.daerah.lembar_disposisi(&a.aktor, id).await.halaman(a)?;
    let aksi = match (&pelaku, p.status) {
        (Pelaku::Petugas(pt), st) if p.menunggu(pt) => match st {
            StatusPermohonanDaerah::Diajukan | StatusPermohonanDaerah::DidisposisiKepalaBidang => {
                let tugas = if st == StatusPermohonanDaerah::Diajukan {
                    Tugas::KepalaBidang
                } else {
                    Tugas::TimTeknis
                };
                let v = s.daerah.penerima(&a.aktor, tugas).await.halaman(a)?;
                let label: Vec<(String, String)> = v
                    .iter()
                    .map(|x| (x.akun_id.to_string(), x.nama.clone()))
                    .collect();
                Aksi::Disposisi {
                    tujuan: tugas.label(),
                    pilihan: opsi(label.iter().map(|(n, l)| (n.as_str(), l.as_str())), ""),
                }
            }
            StatusPermohonanDaerah::DidisposisiTimTeknis => Aksi::Periksa,
            StatusPermohonanDaerah::Tercatat => Aksi::Lapor,
            _ => Aksi::Tidak,
        },
        (Pelaku::Pemohon { .. }, StatusPermohonanDaerah::Dikembalikan) => Aksi::Lengkapi,
        _ => Aksi::Tidak,
    };
    let asal = lembar
        .surat
        .first()
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    Ok(HalamanPermohonan {
        nav: Nav::dari(a),
        id: p.id.to_string(),
        nama_sistem: p.isian.nama_sistem.clone(),
        deskripsi: p.isian.deskripsi.clone(),
        unit: asal,
        surat: format!(
            "{}, {}",
            p.isian.nomor_surat,
            pse_kernel::kalender::tanggal_panjang(p.isian.tanggal_surat)
        ),
        status: p.status.label(),
        status_kode: p.status.kode(),
        zona: w.zona().kode(),
        langkah: baris_langkah(&p, &w, s.store.sekarang()),
        disposisi: lembar.disposisi,
        kekurangan: p
            .pengembalian
            .iter()
            .map(|k| {
                (
                    k.kekurangan.clone(),
                    k.dilengkapi.as_ref().map(|(t, _)| t.clone()),
                )
            })
            .collect(),
        sistem_id: p.sistem_elektronik_id.map(|x| x.to_string()),
        ringkasan: p.ringkasan.clone(),
        selesai: p.status == StatusPermohonanDaerah::Selesai,
        aksi,
        galat,
        isian,
    })
}

/// `GET /permohonan-daerah/{id}`.
pub async fn lihat(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<HalamanPermohonan, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    halaman_permohonan(&s, &a, id, Vec::new(), String::new()).await
}

/// `GET /permohonan-daerah/{id}/dokumen/{jenis}`: one of its PDFs.
pub async fn dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path((id, jenis)): Path<(String, String)>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id_halaman(&a, &id)?;
    let (nama, isi) = s.daerah.dokumen(&a.aktor, id, &jenis).await.halaman(&a)?;
    Ok(crate::web::lampiran(&nama, "application/pdf", isi))
}

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

/// One step's bar on the dashboard: the median against the standard.
pub struct BatangLangkah {
    label: &'static str,
    standar: u32,
    median: String,
    selesai: u64,
    terlambat: u64,
    /// Bar widths in the chart's units (the standard and the median, of the largest).
    lebar_standar: u32,
    lebar_median: u32,
    y: usize,
}

/// The Kepala Dinas' dashboard.
#[derive(Template, WebTemplate)]
#[template(path = "daerah_kinerja.html")]
pub struct HalamanKinerja {
    nav: Nav,
    hari: i64,
    per_status: Vec<(&'static str, u64)>,
    terlambat: u64,
    batang: Vec<BatangLangkah>,
    tinggi: usize,
}

/// `GET /permohonan-daerah/kinerja`.
pub async fn kinerja(State(s): State<AppState>, a: Aktor) -> Result<HalamanKinerja, GalatHalaman> {
    let r = s.daerah.kinerja(&a.aktor).await.halaman(&a)?;
    let maks = r
        .per_langkah
        .iter()
        .map(|l| l.kode.standar_menit().max(l.median_menit.unwrap_or(0)))
        .max()
        .unwrap_or(1)
        .max(1);
    let batang = r
        .per_langkah
        .iter()
        .enumerate()
        .map(|(i, l)| BatangLangkah {
            label: l.kode.label(),
            standar: l.kode.standar_menit(),
            median: l
                .median_menit
                .map_or_else(|| "—".into(), |m| format!("{m} menit")),
            selesai: l.selesai,
            terlambat: l.terlambat,
            lebar_standar: l.kode.standar_menit() * 300 / maks,
            lebar_median: l.median_menit.unwrap_or(0) * 300 / maks,
            y: i * 44,
        })
        .collect::<Vec<_>>();
    Ok(HalamanKinerja {
        nav: Nav::dari(&a),
        hari: permohonan_daerah::service::HARI_KINERJA,
        per_status: r
            .per_status
            .iter()
            .map(|(st, n)| (st.label(), *n))
            .collect(),
        terlambat: r.terlambat_sekarang,
        tinggi: batang.len() * 44,
        batang,
    })
}
