//! The admin's pages: the verification queue, the service-level page, and an application with
//! its decision. The audit trail and the undelivered emails are in `catatan`.

use crate::state::AppState;
use crate::web::admin::antrian::IsianTolak;
use crate::web::galat::WebError;
use crate::web::halaman::{GalatHalaman, KeHalaman, Nav, Opsi, galat_isian, opsi, pesan, wib};
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use pse_kernel::{JenisAntrian, Keputusan};
use registrasi_pejabat::GalatIsian;
use registrasi_pejabat::model::{KategoriPenolakan, PermohonanPejabat, PilihanInstansi};
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
    jenis: Vec<Opsi>,
    terlambat: bool,
    disaring: bool,
    pertama: Option<String>,
    berikutnya: Option<String>,
}

/// `GET /admin/antrian?jenis=&terlambat=1&setelah=`: everything waiting, oldest first, fifty at
/// a time, from the verification desk.
pub async fn antrian(
    State(s): State<AppState>,
    a: Aktor,
    Query(q): Query<crate::web::admin::antrian::QueryAntrian>,
) -> Result<Response, GalatHalaman> {
    let saring = q.saring().halaman(&a)?;
    let paging = q.paging().halaman(&a)?;
    let h = s
        .meja
        .antrian(&a.aktor, saring, &paging)
        .await
        .halaman(&a)?;
    let pilihan: Vec<(&str, &str)> = s
        .meja
        .jenis()
        .into_iter()
        .map(|j| (j.kode(), j.label()))
        .collect();
    let dipilih = saring.jenis.map(|j| j.kode()).unwrap_or_default();
    let saringan = q.saringan();
    let dasar = if saringan.is_empty() {
        "/admin/antrian".to_string()
    } else {
        format!("/admin/antrian?{saringan}")
    };
    let sambung = if saringan.is_empty() { '?' } else { '&' };
    Ok(HalamanAntrian {
        nav: Nav::dari(&a),
        baris: h
            .items
            .iter()
            .map(|i| BarisAntrian {
                jenis: i.jenis.label(),
                tautan: crate::web::admin::antrian::tautan(i),
                nama: i.judul.clone(),
                email: i.keterangan.clone(),
                instansi: i.instansi.clone(),
                masuk: wib(i.masuk),
                tenggat: wib(i.tenggat),
                terlambat: i.terlambat,
            })
            .collect(),
        total: h.total,
        jenis: opsi(pilihan, dipilih),
        terlambat: saring.terlambat,
        disaring: saring != pse_kernel::SaringAntrian::default(),
        pertama: (h.page != Some(1)).then(|| dasar.clone()),
        berikutnya: h.berikutnya.map(|c| format!("{dasar}{sambung}setelah={c}")),
    }
    .into_response())
}

/// A bar of the service-level chart: its label, value and width in the drawing.
pub struct Batang {
    label: &'static str,
    terbuka: u64,
    terlambat: u64,
    diputuskan: u64,
    median: String,
    /// Widths (out of 165) of the open and the overdue bars.
    lebar_terbuka: u64,
    lebar_terlambat: u64,
    /// Vertical position of the row in the drawing.
    y: u64,
}

/// The admin's service-level summary.
#[derive(Template, WebTemplate)]
#[template(path = "admin_kinerja.html")]
pub struct HalamanKinerja {
    nav: Nav,
    baris: Vec<Batang>,
    hari: i64,
    terbuka: u64,
    terlambat: u64,
    tinggi: u64,
    /// Complaints not yet closed.
    pengaduan: u64,
    /// The satisfaction index of the same days, and its grade, once anyone answered.
    ikm: Option<(String, String)>,
    /// The country's systems by status: label, count, bar width (out of 165), row position.
    nasional: Vec<(&'static str, u64, u64, u64)>,
    /// All of them.
    jumlah_sistem: u64,
}

/// A duration in minutes as people read it: `45 menit`, `3 jam 5 menit`, `2 hari 4 jam`.
fn lama(menit: i64) -> String {
    let (hari, jam, m) = (menit / 1440, menit % 1440 / 60, menit % 60);
    match (hari, jam, m) {
        (0, 0, m) => format!("{m} menit"),
        (0, j, 0) => format!("{j} jam"),
        (0, j, m) => format!("{j} jam {m} menit"),
        (h, 0, _) => format!("{h} hari"),
        (h, j, _) => format!("{h} hari {j} jam"),
    }
}

/// `GET /admin/kinerja`: per kind what waits and what is overdue (drawn as bars), and the median
/// time to decision over the last 30 days.
pub async fn kinerja(State(s): State<AppState>, a: Aktor) -> Result<Response, GalatHalaman> {
    let r = s.meja.ringkasan(&a.aktor).await.halaman(&a)?;
    let maks = r.iter().map(|x| x.terbuka).max().unwrap_or(0).max(1);
    let baris: Vec<Batang> = r
        .iter()
        .zip(0u64..)
        .map(|(x, i)| Batang {
            label: x.label,
            terbuka: x.terbuka,
            terlambat: x.terlambat,
            diputuskan: x.diputuskan,
            median: x.median_menit.map(lama).unwrap_or_else(|| "—".into()),
            lebar_terbuka: x.terbuka * 165 / maks,
            lebar_terlambat: x.terlambat * 165 / maks,
            y: i * 40,
        })
        .collect();
    let pengaduan = s
        .pengaduan
        .daftar(&a.aktor, None, &pse_kernel::Paging::pertama(1))
        .await
        .halaman(&a)?
        .total;
    let sekarang = s.store.sekarang();
    let ikm = s
        .survei
        .ikm(
            &a.aktor,
            sekarang - chrono::Duration::days(pse_kernel::meja::HARI_RINGKASAN),
            sekarang,
        )
        .await
        .halaman(&a)?;
    let ikm = ikm
        .perseratus()
        .zip(ikm.mutu())
        .map(|(n, m)| (layanan::survei::tampil(n), format!("{m:?}")));
    let status = s.sistem.hitungan(&a.aktor).await.halaman(&a)?;
    let puncak = status.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let nasional = status
        .iter()
        .zip(0u64..)
        .map(|((st, n), i)| (st.label(), *n, n * 165 / puncak, i * 28))
        .collect();
    Ok(HalamanKinerja {
        nasional,
        jumlah_sistem: status.iter().map(|(_, n)| n).sum(),
        nav: Nav::dari(&a),
        pengaduan,
        ikm,
        hari: pse_kernel::meja::HARI_RINGKASAN,
        terbuka: r.iter().map(|x| x.terbuka).sum(),
        terlambat: r.iter().map(|x| x.terlambat).sum(),
        tinggi: baris.len() as u64 * 40,
        baris,
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
    fn galat_isian(&self, field: &str) -> Option<&str> {
        galat_isian(&self.galat, field)
    }
}

/// The province and regency/city of an application by their names (the codes as they are when
/// the reference data does not know them).
async fn nama_wilayah(s: &AppState, provinsi: &str, kota: &str) -> Result<String, WebError> {
    let infra = registrasi_pejabat::RegistrasiError::from;
    let nama = |daftar: Vec<registrasi_pejabat::model::Wilayah>, kode: &str| {
        daftar
            .into_iter()
            .find(|w| w.kode == kode)
            .map_or_else(|| kode.to_string(), |w| w.nama)
    };
    let p = nama(
        s.referensi.daftar_provinsi().await.map_err(infra)?,
        provinsi,
    );
    if kota.is_empty() {
        return Ok(p);
    }
    let k = nama(
        s.referensi.daftar_kota(provinsi).await.map_err(infra)?,
        kota,
    );
    Ok(format!("{k}, {p}"))
}

fn halaman_permohonan(
    a: &Aktor,
    p: &PermohonanPejabat,
    wilayah: String,
    tolak: Option<IsianTolak>,
    galat: Vec<GalatIsian>,
) -> HalamanPermohonan {
    let d = &p.data;
    let mut rincian = vec![
        ("Nomor permohonan", p.nomor()),
        ("Nama lengkap", d.nama_lengkap.clone()),
        ("Email", d.email.to_string()),
        ("Status pendaftar", d.status_pendaftar.label().into()),
        ("Status kepegawaian", d.jenis_kepegawaian.label().into()),
        ("NIP/NIK", d.nomor_induk.to_string()),
        (
            "Tingkat jabatan",
            d.tingkat_jabatan.map_or("—", |t| t.label()).to_string(),
        ),
        ("Jabatan", d.jabatan.clone()),
        ("Telepon kantor", d.telepon_kantor.as_ref().into()),
        ("Nomor HP", d.nomor_hp.as_ref().into()),
        ("Wilayah", wilayah),
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
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let p = s.registrasi.permohonan(&a.aktor, id).await.halaman(&a)?;
    let wilayah = nama_wilayah(&s, &p.data.provinsi, &p.data.kota)
        .await
        .halaman(&a)?;
    Ok(halaman_permohonan(&a, &p, wilayah, None, Vec::new()).into_response())
}

/// `GET /admin/pendaftaran-pejabat/{id}/dokumen`.
pub async fn dokumen(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
) -> Result<Response, GalatHalaman> {
    let id = crate::web::jalur::id(&id).halaman(&a)?;
    let (dok, isi) = s
        .registrasi
        .dokumen_permohonan(&a.aktor, id)
        .await
        .halaman(&a)?;
    Ok(crate::web::lampiran(
        &dok.nama_berkas,
        "application/pdf",
        isi,
    ))
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
    let k = Keputusan::Setujui {
        catatan: Some(b.catatan),
    };
    let d = s
        .meja
        .putuskan(&a.aktor, JenisAntrian::PendaftaranPejabat, &id, &k)
        .await
        .halaman(&a)?;
    let p = s
        .registrasi
        .permohonan(&a.aktor, crate::web::jalur::id(&d.id).halaman(&a)?)
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

/// `POST /admin/pendaftaran-pejabat/{id}/tolak`.
pub async fn tolak(
    State(s): State<AppState>,
    a: Aktor,
    Path(id): Path<String>,
    Form(b): Form<IsianTolak>,
) -> Result<Response, GalatHalaman> {
    let pid = crate::web::jalur::id(&id).halaman(&a)?;
    let k = b.keputusan();
    match s
        .meja
        .putuskan(&a.aktor, JenisAntrian::PendaftaranPejabat, &id, &k)
        .await
    {
        Ok(_) => {
            let p = s.registrasi.permohonan(&a.aktor, pid).await.halaman(&a)?;
            Ok(pesan(
                &a,
                "Permohonan ditolak",
                vec![format!(
                    "Alasan dan tautan perbaikan dikirim ke {}.",
                    p.data.email
                )],
                Some(("/admin/antrian", "Kembali ke antrean")),
            )
            .into_response())
        }
        Err(e) if !e.galat.is_empty() => {
            let p = s.registrasi.permohonan(&a.aktor, pid).await.halaman(&a)?;
            let wilayah = nama_wilayah(&s, &p.data.provinsi, &p.data.kota)
                .await
                .halaman(&a)?;
            Ok((
                e.status,
                halaman_permohonan(&a, &p, wilayah, Some(b), e.galat),
            )
                .into_response())
        }
        Err(e) => Err(e).halaman(&a),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_duration_reads_in_minutes_hours_and_days() {
        assert_eq!(super::lama(45), "45 menit");
        assert_eq!(super::lama(60), "1 jam");
        assert_eq!(super::lama(185), "3 jam 5 menit");
        assert_eq!(super::lama(1440 * 2 + 245), "2 hari 4 jam");
        assert_eq!(super::lama(1440), "1 hari");
    }
}
