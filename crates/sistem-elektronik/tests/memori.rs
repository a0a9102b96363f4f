//! Rules of the system service proven on the in-memory store (`store-memori`), the same adapter a
//! tool embedding this crate would use.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use pse_kernel::clock::SystemClock;
use pse_kernel::{Actor, AkunId, KalenderKerja, Peran};
use serde_json::json;
use sistem_elektronik::contoh;
use sistem_elektronik::model::{SistemElektronik, StatusSistem};
use sistem_elektronik::ports::{CariPublik, SistemRepo};
use sistem_elektronik::service::{PengaturanSe, PortSistem, SistemService};
use std::sync::Arc;
use store_memori::{InstansiMemori, StoreMemori};

fn layanan(store: &StoreMemori) -> SistemService {
    SistemService::new(
        PortSistem {
            repo: Arc::new(store.clone()),
            berkas: Arc::new(store.clone()),
            clock: Arc::new(SystemClock),
            token: Arc::new(store_memori::TokenBerurut::default()),
        },
        KalenderKerja::new(std::iter::empty()),
        PengaturanSe::default(),
    )
}

fn admin() -> Actor {
    Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: Peran::Admin,
        instansi_id: None,
        unit_id: None,
    }
}

/// Stores `s` (and its instansi) as a committed unit of work would.
async fn simpan(store: &StoreMemori, s: &SistemElektronik) {
    store.tambah_instansi(
        s.instansi_id,
        InstansiMemori::baru("Pemerintah Kota Tarakan", Some(("65", "Kalimantan Utara"))),
    );
    let mut u = store.mulai().await.unwrap();
    u.simpan_sistem(s).await.unwrap();
    u.commit().await.unwrap();
}

fn isi() -> serde_json::Value {
    json!({"lokasi_hosting": "pusat_data_nasional", "nama": "Budi Santoso"})
}

#[tokio::test]
async fn r_se_09_each_approval_takes_the_next_tanda_daftar_number_and_is_verifiable() {
    let store = StoreMemori::new();
    let svc = layanan(&store);
    let mut id = Vec::new();
    for _ in 0..3 {
        let s = contoh::lengkapi(contoh::pengisian().unwrap(), &isi())
            .unwrap()
            .ajukan_formulir(chrono::DateTime::<chrono::Utc>::default(), true)
            .unwrap();
        simpan(&store, &s).await;
        id.push(s.id);
    }
    let mut nomor = Vec::new();
    for i in &id {
        let s = svc.setujui(&admin(), *i).await.unwrap();
        assert_eq!(s.status, StatusSistem::Terdaftar);
        nomor.push(s.tanda_daftar.as_ref().unwrap().nomor);
    }
    assert_eq!(nomor, [1, 2, 3], "consecutive, one each");
    for (i, n) in id.iter().zip(&nomor) {
        assert_eq!(svc.verifikasi(*n).await.unwrap().sistem.id, *i);
    }
    // Approving again is the state's refusal, and no number is spent.
    assert!(svc.setujui(&admin(), id[0]).await.is_err());
    let mut u = sistem_elektronik::ports::SistemRepo::mulai(&store)
        .await
        .unwrap();
    assert_eq!(u.nomor_tanda_daftar_berikutnya().await.unwrap(), 4);
}

#[tokio::test]
async fn r_se_12_only_registered_and_published_systems_are_public() {
    let store = StoreMemori::new();
    let svc = layanan(&store);
    let terdaftar = contoh::terdaftar(1, &isi()).unwrap();
    simpan(&store, &terdaftar).await;
    simpan(&store, &contoh::pengisian().unwrap()).await;
    simpan(&store, &contoh::data_awal_diajukan().unwrap()).await;
    let h = svc.cari_publik(&CariPublik::default()).await.unwrap();
    assert_eq!(h.total, 1);
    assert_eq!(h.items[0].id, terdaftar.id);
    assert_eq!(h.items[0].provinsi.as_deref(), Some("Kalimantan Utara"));
    let cari = CariPublik {
        q: "tidak ada".into(),
        ..CariPublik::default()
    };
    assert_eq!(svc.cari_publik(&cari).await.unwrap().total, 0);
}

/// A tool embedding the crate with the default settings checks the Penanggung Jawab's region
/// against the list shipped with the project (R-SE-04).
#[tokio::test]
async fn r_se_04_an_embedder_checks_regions_against_the_shipped_wilayah_by_default() {
    let store = StoreMemori::new();
    let svc = layanan(&store);
    let s = contoh::pengisian().unwrap();
    simpan(&store, &s).await;
    let pejabat = Actor::Pengguna {
        akun_id: s.pendaftar,
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(s.instansi_id),
        unit_id: None,
    };
    let pj = |provinsi: &str, kota: &str| {
        json!({"nama": "Budi Santoso", "nip": "198501012010011001", "jabatan": "Kepala Dinas",
            "email": "budi@tarakankota.go.id", "telepon": "0551-21820", "provinsi": provinsi,
            "kota": kota, "kode_pos": "77111"})
    };
    let b = sistem_elektronik::model::Bagian::PenanggungJawab;
    let salah = svc
        .isi_bagian(&pejabat, s.id, b, &pj("65", "31.71"))
        .await
        .unwrap_err();
    assert!(format!("{salah:?}").contains("kota"), "{salah:?}");
    let x = svc
        .isi_bagian(&pejabat, s.id, b, &pj("65", "65.71"))
        .await
        .unwrap();
    assert_eq!(x.isian_bagian(b).unwrap()["kota"], "65.71");
}
