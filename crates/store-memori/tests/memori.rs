//! The in-memory store keeps the real store's contract: reports read back from the `.xlsx`, and a
//! stale version is a conflict.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Reader, Xlsx};
use laporan::model::IsianLaporan;
use laporan::service::{LaporanService, PortLaporan};
use pse_kernel::clock::SystemClock;
use pse_kernel::{Actor, AkunId, GagalSimpan, InstansiId, KalenderKerja, Peran};
use sistem_elektronik::model::IsianDataAwal;
use sistem_elektronik::ports::SistemRepo;
use sistem_elektronik::service::{PengaturanSe, PortSistem, SistemService};
use std::sync::Arc;
use store_memori::{InstansiMemori, StoreMemori};

struct Dunia {
    store: StoreMemori,
    sistem: SistemService,
    laporan: LaporanService,
    pejabat: Actor,
    admin: Actor,
}

fn dunia() -> Dunia {
    let store = StoreMemori::new();
    let instansi = InstansiId::new();
    store.tambah_instansi(
        instansi,
        InstansiMemori::baru("Pemerintah Kota Tarakan", Some(("65", "Kalimantan Utara"))),
    );
    let akun = AkunId::new();
    store.tambah_akun(akun, "budi@tarakankota.go.id", "Budi Santoso");
    Dunia {
        sistem: SistemService::new(
            PortSistem {
                repo: Arc::new(store.clone()),
                berkas: Arc::new(store.clone()),
                clock: Arc::new(SystemClock),
                token: Arc::new(store_memori::TokenBerurut::default()),
            },
            KalenderKerja::new(std::iter::empty()),
            PengaturanSe::default(),
        ),
        laporan: LaporanService::new(PortLaporan {
            repo: Arc::new(store.clone()),
            berkas: Arc::new(pse_xlsx::PabrikXlsx),
            clock: Arc::new(SystemClock),
        }),
        store,
        pejabat: Actor::Pengguna {
            akun_id: akun,
            peran: Peran::PejabatPendaftar,
            instansi_id: Some(instansi),
            unit_id: None,
        },
        admin: Actor::Pengguna {
            akun_id: AkunId::new(),
            peran: Peran::Admin,
            instansi_id: None,
            unit_id: None,
        },
    }
}

fn isian(nama: &str) -> IsianDataAwal {
    IsianDataAwal {
        nama_internal: format!("{nama} internal"),
        nama_eksternal: nama.into(),
        keterangan: "Layanan bagi warga.".into(),
        sasaran_pelayanan: "regional".into(),
        kategori: "rendah".into(),
        kategori_akses: "offline".into(),
        publikasi_spbe: false,
        ..IsianDataAwal::default()
    }
}

#[tokio::test]
async fn r_lap_03_a_report_on_the_memory_store_reads_back_row_by_row() {
    let d = dunia();
    for nama in ["SIPADU", "ARSIP", "E-KINERJA"] {
        d.sistem
            .ajukan_data_awal(&d.pejabat, isian(nama))
            .await
            .unwrap();
    }
    let k = d
        .laporan
        .buat(
            &d.pejabat,
            &IsianLaporan {
                nama: "Semua".into(),
                kolom: vec!["nama_eksternal".into(), "provinsi".into()],
                ..IsianLaporan::default()
            },
        )
        .await
        .unwrap();
    let b = d.laporan.unduh(&d.pejabat, k.id).await.unwrap();
    let isi = b.isi.baca_semua().unwrap();
    let mut buku: Xlsx<_> = Xlsx::new(std::io::Cursor::new(isi)).unwrap();
    let r = buku.worksheet_range_at(0).unwrap().unwrap();
    let baris: Vec<Vec<String>> = r
        .rows()
        .map(|b| b.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        baris,
        [
            ["Nama Sistem Elektronik", "Provinsi"],
            ["ARSIP", "Kalimantan Utara"],
            ["E-KINERJA", "Kalimantan Utara"],
            ["SIPADU", "Kalimantan Utara"],
        ]
    );
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_nothing_of_it_is_applied() {
    let d = dunia();
    let s = d
        .sistem
        .ajukan_data_awal(&d.pejabat, isian("SIPADU"))
        .await
        .unwrap();
    let dibaca = d.store.sistem(s.id).await.unwrap().unwrap();
    let mut a = d.store.mulai().await.unwrap();
    let mut b = d.store.mulai().await.unwrap();
    a.simpan_sistem(&dibaca).await.unwrap();
    b.simpan_sistem(&dibaca).await.unwrap();
    a.commit().await.unwrap();
    assert!(matches!(b.commit().await, Err(GagalSimpan::VersiBasi)));
    // The service sees the conflict as 409 and the approval still goes through afterwards.
    let disetujui = d
        .sistem
        .putuskan_data_awal(&d.admin, s.id, true, "")
        .await
        .unwrap();
    assert_eq!(disetujui.versi, 2);
    assert_eq!(
        d.store.salinan().audit.len(),
        2,
        "ajukan and approve, not the stale write"
    );
}
