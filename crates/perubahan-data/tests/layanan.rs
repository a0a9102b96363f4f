//! The change request service on the in-memory store, as a pejabat, the admin and another
//! instansi would use it (R-PD-01..05).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use perubahan_data::PerubahanError;
use perubahan_data::model::StatusPerubahan;
use perubahan_data::service::{PerubahanService, PortPerubahan};
use pse_kernel::clock::FixedClock;
use pse_kernel::{Actor, AkunId, Galat, InstansiId, KalenderKerja, Peran, Surel};
use sistem_elektronik::model::{SistemElektronik, StatusSistem};
use sistem_elektronik::ports::SistemRepo;
use std::sync::Arc;
use store_memori::{InstansiMemori, StoreMemori};

struct Dunia {
    store: StoreMemori,
    svc: PerubahanService,
    pejabat: Actor,
    admin: Actor,
    sistem: SistemElektronik,
}

fn aktor(peran: Peran, instansi: Option<InstansiId>) -> Actor {
    Actor::Pengguna {
        akun_id: AkunId::new(),
        peran,
        instansi_id: instansi,
        unit_id: None,
    }
}

/// A registered system of the Pemerintah Kota Tarakan, and the service on the store.
async fn dunia() -> Dunia {
    let store = StoreMemori::new();
    let instansi = InstansiId::new();
    store.tambah_instansi(
        instansi,
        InstansiMemori::baru("Pemerintah Kota Tarakan", Some(("65", "Kalimantan Utara"))),
    );
    let pejabat = aktor(Peran::PejabatPendaftar, Some(instansi));
    store.tambah_akun(
        pejabat.akun_id().unwrap(),
        "budi@tarakankota.go.id",
        "Budi Santoso",
    );
    let mut r = (*sistem_elektronik::contoh::terdaftar(3, &serde_json::json!({})).unwrap()).clone();
    r.instansi_id = instansi;
    let sistem = SistemElektronik::pulihkan(r);
    let mut u = store.mulai().await.unwrap();
    u.simpan_sistem(&sistem).await.unwrap();
    u.commit().await.unwrap();
    let clock = Arc::new(FixedClock::at(
        chrono::DateTime::parse_from_rfc3339("2026-11-23T02:00:00Z")
            .unwrap()
            .into(),
    ));
    let svc = PerubahanService::new(
        PortPerubahan {
            repo: Arc::new(store.clone()),
            sistem: Arc::new(store.clone()),
            clock,
            token: Arc::new(store_memori::TokenBerurut::default()),
        },
        KalenderKerja::default(),
        &sistem_elektronik::service::PengaturanSe::default(),
    );
    Dunia {
        store,
        svc,
        pejabat,
        admin: aktor(Peran::Admin, None),
        sistem,
    }
}

#[tokio::test]
async fn r_pd_03_r_pd_04_a_request_approved_and_finished_keeps_the_tanda_daftar() {
    let d = dunia().await;
    let id = d.sistem.id.to_string();
    let p = d
        .svc
        .ajukan(&d.pejabat, &id, "Alamat helpdesk berubah.")
        .await
        .unwrap();
    assert_eq!(p.status, StatusPerubahan::Terkirim);
    // R-PD-02: one open request per system.
    let lagi = d.svc.ajukan(&d.pejabat, &id, "Lagi.").await.unwrap_err();
    assert!(
        matches!(lagi, PerubahanError::SudahAdaPengajuan),
        "{lagi:?}"
    );
    // R-PD-05: only the admin decides; another instansi does not see it.
    let lain = aktor(Peran::PejabatPendaftar, Some(InstansiId::new()));
    assert!(matches!(
        d.svc.lihat(&lain, p.id).await,
        Err(PerubahanError::Umum(Galat::TidakDitemukan))
    ));
    assert!(matches!(
        d.svc.putuskan(&d.pejabat, p.id, true, "", "").await,
        Err(PerubahanError::Umum(Galat::Dilarang))
    ));
    let p = d.svc.putuskan(&d.admin, p.id, true, "", "").await.unwrap();
    assert_eq!(p.status, StatusPerubahan::DisetujuiSedangDalamPerubahan);
    let s = d.store.sistem(d.sistem.id).await.unwrap().unwrap();
    assert_eq!(s.status, StatusSistem::DalamPerubahan);
    let p = d.svc.selesai(&d.pejabat, p.id).await.unwrap();
    assert_eq!(p.status, StatusPerubahan::SudahSelesai);
    let s = d.store.sistem(d.sistem.id).await.unwrap().unwrap();
    assert_eq!(
        (s.status, s.tanda_daftar.as_ref().map(|t| t.nomor)),
        (StatusSistem::Terdaftar, Some(3))
    );
    let surel: Vec<_> = d
        .store
        .salinan()
        .surel
        .into_iter()
        .map(|e| e.template)
        .collect();
    assert!(
        surel.contains(&Surel::PerubahanDisetujui.kode().to_string()),
        "{surel:?}"
    );
}

#[tokio::test]
async fn r_pd_03_a_rejection_needs_a_reason_and_leaves_the_system_registered() {
    let d = dunia().await;
    let p = d
        .svc
        .ajukan(&d.pejabat, &d.sistem.id.to_string(), "Ganti URL.")
        .await
        .unwrap();
    let tanpa = d
        .svc
        .putuskan(&d.admin, p.id, false, "", " ")
        .await
        .unwrap_err();
    assert!(
        matches!(&tanpa, PerubahanError::Umum(Galat::Validasi(g)) if g[0].field == "catatan"),
        "{tanpa:?}"
    );
    let p = d
        .svc
        .putuskan(
            &d.admin,
            p.id,
            false,
            "data_tidak_valid",
            "URL tidak aktif.",
        )
        .await
        .unwrap();
    assert_eq!(p.status, StatusPerubahan::Ditolak);
    let s = d.store.sistem(d.sistem.id).await.unwrap().unwrap();
    assert_eq!(s.status, StatusSistem::Terdaftar);
    // A rejected request is closed: a new one may be made.
    d.svc
        .ajukan(&d.pejabat, &d.sistem.id.to_string(), "Ganti URL, kedua.")
        .await
        .unwrap();
}

#[tokio::test]
async fn r_pd_02_an_empty_request_names_the_system_and_the_reason_at_once() {
    let d = dunia().await;
    let e = d.svc.ajukan(&d.pejabat, "", " ").await.unwrap_err();
    let PerubahanError::Umum(Galat::Validasi(g)) = e else {
        panic!("{e:?}")
    };
    let field: Vec<&str> = g.iter().map(|g| g.field.as_str()).collect();
    assert_eq!(field, ["sistem_elektronik_id", "alasan"]);
    assert!(d.store.salinan().perubahan.is_empty(), "nothing is stored");
}
