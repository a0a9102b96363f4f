//! Embeds the domain crates without a database: a Pejabat Pendaftar registers a system's Data Awal,
//! the admin approves it, and a report of the instansi's systems is written as an `.xlsx`.
//!
//! `cargo run -p store-memori --example embed [berkas.xlsx]`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use laporan::model::IsianLaporan;
use laporan::service::{LaporanService, PortLaporan};
use pse_kernel::clock::SystemClock;
use pse_kernel::{Actor, AkunId, InstansiId, KalenderKerja, Peran};
use sistem_elektronik::model::IsianDataAwal;
use sistem_elektronik::service::{PengaturanSe, PortSistem, SistemService};
use std::sync::Arc;
use store_memori::{InstansiMemori, StoreMemori};

fn main() {
    let tujuan = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("pse-embed.xlsx"));
    futures::executor::block_on(jalankan(&tujuan));
}

async fn jalankan(tujuan: &std::path::Path) {
    let store = StoreMemori::new();
    let instansi = InstansiId::new();
    store.tambah_instansi(
        instansi,
        InstansiMemori::baru("Pemerintah Kota Tarakan", Some(("65", "Kalimantan Utara"))),
    );
    let pejabat_id = AkunId::new();
    store.tambah_akun(pejabat_id, "budi@tarakankota.go.id", "Budi Santoso");
    let pejabat = Actor::Pengguna {
        akun_id: pejabat_id,
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(instansi),
        unit_id: None,
    };
    let admin = Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: Peran::Admin,
        instansi_id: None,
        unit_id: None,
    };

    let sistem = SistemService::new(
        PortSistem {
            repo: Arc::new(store.clone()),
            berkas: Arc::new(store.clone()),
            clock: Arc::new(SystemClock),
            token: Arc::new(store_memori::TokenBerurut::default()),
        },
        KalenderKerja::new(std::iter::empty()),
        PengaturanSe::default(),
    );
    let s = sistem
        .ajukan_data_awal(
            &pejabat,
            IsianDataAwal {
                nama_internal: "SIPADU".into(),
                nama_eksternal: "Sistem Informasi Perizinan Terpadu".into(),
                keterangan: "Layanan perizinan terpadu bagi warga.".into(),
                sasaran_pelayanan: "regional".into(),
                kategori: "rendah".into(),
                kategori_akses: "online".into(),
                url: "https://sipadu.tarakankota.go.id".into(),
                publikasi_spbe: true,
                unit_id: None,
            },
        )
        .await
        .expect("Data Awal diterima");
    let s = sistem
        .putuskan_data_awal(&admin, s.id, true, "")
        .await
        .expect("Data Awal disetujui");
    println!("{}: {}", s.data_awal.nama_eksternal, s.status.label());

    let laporan = LaporanService::new(PortLaporan {
        repo: Arc::new(store.clone()),
        berkas: Arc::new(pse_xlsx::PabrikXlsx),
        clock: Arc::new(SystemClock),
    });
    let k = laporan
        .buat(
            &pejabat,
            &IsianLaporan {
                nama: "Sistem Elektronik Kota Tarakan".into(),
                kolom: [
                    "nama_eksternal",
                    "instansi",
                    "provinsi",
                    "status",
                    "progres",
                ]
                .map(String::from)
                .to_vec(),
                ..IsianLaporan::default()
            },
        )
        .await
        .expect("konfigurasi laporan");
    let berkas = laporan.unduh(&pejabat, k.id).await.expect("laporan");
    let isi = berkas.isi.baca_semua().expect("isi laporan");
    std::fs::write(tujuan, &isi).expect("berkas ditulis");
    println!(
        "{} ({} bita) → {}",
        berkas.nama_berkas,
        isi.len(),
        tujuan.display()
    );
}
