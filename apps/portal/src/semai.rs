//! `pse-portal seed --sistem N`: realistic systems for trying the portal at national scale and
//! for the benchmarks. Each system walks the domain's own transitions (Data Awal, sections,
//! self-assessment, submission, decision), so what lands in the store is what the portal itself
//! would have written; a thousand go in per transaction.

use chrono::{DateTime, Duration, Utc};
use pse_kernel::{AkunId, DaftarWilayah, InfraError, InstansiId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use sistem_elektronik::SistemError;
use sistem_elektronik::model::sistem::DokumenPendukung;
use sistem_elektronik::model::{
    Bagian, BatasKategori, IsianDataAwal, Pengembalian, PenilaianKategori, SistemElektronik,
};
use store_sea_orm::Store;

const AWALAN: [&str; 6] = [
    "Sistem Informasi",
    "Aplikasi",
    "Portal",
    "Layanan",
    "Dasbor",
    "Sistem Pelayanan",
];
const TOPIK: [&str; 24] = [
    "Perizinan",
    "Kepegawaian",
    "Keuangan Daerah",
    "Pengaduan Masyarakat",
    "Geospasial",
    "Perencanaan Pembangunan",
    "Arsip Digital",
    "Kesehatan",
    "Pendidikan",
    "Kependudukan",
    "Pajak Daerah",
    "Retribusi",
    "Aset Daerah",
    "Persuratan Elektronik",
    "Bantuan Sosial",
    "Pengadaan Barang dan Jasa",
    "Data Statistik Sektoral",
    "Pariwisata",
    "Pertanian",
    "Perikanan",
    "Perhubungan",
    "Lingkungan Hidup",
    "Kebencanaan",
    "Perpustakaan",
];
const AKHIRAN: [&str; 8] = [
    "Terpadu",
    "Online",
    "Digital",
    "Mandiri",
    "Cerdas",
    "Satu Data",
    "Terintegrasi",
    "",
];

/// Systems written per transaction.
const PER_TRANSAKSI: usize = 1000;

/// Writes `jumlah` systems spread over the verified instansi, statuses and categories; the same
/// `benih` gives the same data. Returns how many were written.
pub async fn sistem(store: &Store, jumlah: usize, benih: u64) -> Result<usize, InfraError> {
    let instansi: Vec<InstansiId> = store
        .instansi_terverifikasi()
        .await?
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    sistem_instansi(store, &instansi, jumlah, benih).await
}

/// Writes `jumlah` systems spread over `instansi` only.
pub async fn sistem_instansi(
    store: &Store,
    instansi: &[InstansiId],
    jumlah: usize,
    benih: u64,
) -> Result<usize, InfraError> {
    if instansi.is_empty() {
        return Err(InfraError::new("belum ada instansi terverifikasi"));
    }
    let mut nomor = store.nomor_tanda_daftar_terakhir().await?;
    let mut acak = StdRng::seed_from_u64(benih);
    // The Penanggung Jawab sits in Kota Tarakan, a code of the shipped list.
    let wilayah = DaftarWilayah::bawaan();
    let sekarang = DateTime::<Utc>::from_timestamp(1_796_083_200, 0).unwrap_or_default();
    let mut ditulis = 0;
    while ditulis < jumlah {
        let n = PER_TRANSAKSI.min(jumlah - ditulis);
        let mut batch = Vec::with_capacity(n);
        for i in ditulis..ditulis + n {
            let id = instansi[acak.random_range(0..instansi.len())];
            let s =
                satu(&mut acak, i, id, sekarang, &wilayah, &mut nomor).map_err(InfraError::new)?;
            batch.push(s);
        }
        store.semai_sistem(&batch).await?;
        ditulis += n;
    }
    store.analisis().await?;
    Ok(ditulis)
}

/// One system, its status drawn: 70% registered, 3% under change, the rest in every earlier step.
fn satu(
    acak: &mut StdRng,
    i: usize,
    instansi: InstansiId,
    sekarang: DateTime<Utc>,
    wilayah: &DaftarWilayah,
    nomor: &mut u64,
) -> Result<SistemElektronik, SistemError> {
    let topik = TOPIK[acak.random_range(0..TOPIK.len())];
    let nama = format!(
        "{} {} {}",
        AWALAN[acak.random_range(0..AWALAN.len())],
        topik,
        AKHIRAN[acak.random_range(0..AKHIRAN.len())]
    )
    .trim()
    .to_string();
    let singkatan: String = topik
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let online = acak.random_bool(0.8);
    let dibuat = sekarang - Duration::minutes(acak.random_range(0..3 * 365 * 24 * 60));
    let data_awal = IsianDataAwal {
        nama_internal: format!("SI{}-{i:06}", singkatan.to_uppercase()),
        nama_eksternal: nama,
        keterangan: format!(
            "Layanan {} bagi masyarakat dan aparatur.",
            topik.to_lowercase()
        ),
        sasaran_pelayanan: ["lokal", "regional", "nasional"][acak.random_range(0..3)].into(),
        kategori: ["rendah", "tinggi", "strategis"][acak.random_range(0..3)].into(),
        kategori_akses: if online { "online" } else { "offline" }.into(),
        url: if online {
            format!("https://si{}{i}.example.go.id", singkatan.to_lowercase())
        } else {
            String::new()
        },
        publikasi_spbe: acak.random_bool(0.85),
        unit_id: None,
    }
    .validasi()?;
    let s = SistemElektronik::ajukan(instansi, None, AkunId::new(), data_awal, dibuat);
    let r = acak.random_range(0..100);
    if r >= 97 {
        return s.tolak_data_awal(pengembalian(dibuat, "Nama sistem belum sesuai dokumen."));
    }
    if r >= 92 {
        return Ok(s);
    }
    let mut s = s.setujui_data_awal()?;
    let isi = isi_bagian(acak, i);
    let lengkap = if r >= 85 {
        acak.random_range(0..Bagian::SEMUA.len())
    } else {
        Bagian::SEMUA.len()
    };
    for b in Bagian::SEMUA.into_iter().take(lengkap) {
        s = s.isi_bagian(b, b.validasi(&isi, wilayah)?)?;
    }
    if r >= 85 {
        return Ok(s);
    }
    let jawaban: Vec<String> = (0..10)
        .map(|_| ["A", "B", "C"][acak.random_range(0..3)].to_string())
        .collect();
    let s = s
        .tambah_dokumen(DokumenPendukung {
            jenis: "sop".into(),
            sha256: format!("{:064x}", i),
            nama_berkas: "sop-layanan.pdf".into(),
            ukuran: 184_320,
        })?
        .nilai_kategori(PenilaianKategori::nilai(
            &jawaban,
            &BatasKategori::default(),
        )?)?
        .ajukan_formulir(dibuat + Duration::days(7), true)?;
    if r >= 80 {
        return Ok(s);
    }
    if r >= 76 {
        return s.kembalikan(pengembalian(
            dibuat,
            "Lengkapi spesifikasi perangkat keras.",
        ));
    }
    *nomor += 1;
    let tanggal = (dibuat + Duration::days(14)).date_naive();
    let s = s.setujui(*nomor, tanggal, None)?;
    if r >= 73 { s.buka_perubahan() } else { Ok(s) }
}

fn pengembalian(waktu: DateTime<Utc>, alasan: &str) -> Pengembalian {
    Pengembalian {
        alasan: alasan.into(),
        waktu,
    }
}

fn pilih(acak: &mut StdRng, daftar: &[&'static str]) -> &'static str {
    daftar[acak.random_range(0..daftar.len())]
}

/// The fields of every section; each section takes its own.
fn isi_bagian(acak: &mut StdRng, i: usize) -> Value {
    let jenis: &[&str] = [
        &["perizinan"][..],
        &["pendaftaran", "publikasi_informasi"],
        &["administrasi_pemerintahan"],
    ][acak.random_range(0..3)];
    json!({
        "fungsi": "Mengelola layanan dan data pendukungnya.",
        "jenis_layanan": jenis,
        "cakupan_wilayah": "Seluruh wilayah instansi",
        "tanggal_operasi": format!("20{:02}-0{}-1{}", acak.random_range(15..26), acak.random_range(1..10), acak.random_range(0..10)),
        "unit_pengelola": "Bidang Aplikasi Informatika",
        "alamat": "Jl. Merdeka No. 1",
        "telepon": "0215551234",
        "email": format!("layanan{i}@example.go.id"),
        "lokasi_hosting": pilih(acak, &["pdn", "pusat_data_instansi", "cloud", "lainnya"]),
        "nama_penyedia": "",
        "jumlah_server": acak.random_range(1..12),
        "spesifikasi": "8 vCPU, 32 GB RAM, 1 TB SSD",
        "sistem_operasi": "Debian GNU/Linux",
        "bahasa_pemrograman": pilih(acak, &["PHP", "Java", "Go", "Python"]),
        "kerangka_kerja": pilih(acak, &["Laravel", "Spring", "Django", "CodeIgniter"]),
        "basis_data": pilih(acak, &["PostgreSQL", "MySQL", "MariaDB"]),
        "lisensi": pilih(acak, &["open_source", "proprietary", "campuran"]),
        "kepemilikan_kode_sumber": pilih(acak, &["instansi", "pihak_ketiga"]),
        "jumlah_pengembang": acak.random_range(0..9),
        "jumlah_operator": acak.random_range(1..6),
        "penyedia": pilih(acak, &["internal", "pihak_ketiga", "campuran"]),
        "sertifikasi": "",
        "dasar_hukum": "Peraturan Kepala Daerah tentang Sistem Pemerintahan Berbasis Elektronik",
        "punya_sop": acak.random_bool(0.7),
        "punya_kebijakan_keamanan": acak.random_bool(0.6),
        "punya_rencana_pemulihan": acak.random_bool(0.4),
        "sertifikasi_keamanan": "",
        "nama": "Budi Santoso",
        "nip": "198503122010011004",
        "jabatan": "Kepala Bidang Aplikasi Informatika",
        "provinsi": "65",
        "kota": "65.71",
        "kode_pos": "77111",
        "jam_layanan": "Senin–Jumat 08.00–16.00",
        "url": "",
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use sistem_elektronik::model::StatusSistem;

    #[test]
    fn seeded_systems_are_spread_over_statuses_and_valid() {
        let mut acak = StdRng::seed_from_u64(7);
        let mut nomor = 0;
        let wilayah = DaftarWilayah::bawaan();
        let mut status = std::collections::BTreeMap::new();
        for i in 0..2000 {
            let t = DateTime::<Utc>::from_timestamp(1_796_083_200, 0).unwrap();
            let s = satu(&mut acak, i, InstansiId::new(), t, &wilayah, &mut nomor).unwrap();
            *status.entry(s.status.kode()).or_insert(0) += 1;
            if s.status == StatusSistem::Terdaftar {
                assert_eq!(s.progres(), 100);
            }
        }
        assert_eq!(status.len(), 7, "{status:?}");
        assert!(status["terdaftar"] > 1200, "{status:?}");
        assert_eq!(
            nomor as usize,
            status["terdaftar"] + status["dalam_perubahan"]
        );
    }
}
