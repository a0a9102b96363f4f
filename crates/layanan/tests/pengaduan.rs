//! The complaint service on the in-memory store (R-LAY-03).

#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use layanan::pengaduan::{FormulirPengaduan, StatusPengaduan};
use layanan::service::PengaduanService;
use pse_kernel::clock::FixedClock;
use pse_kernel::{Actor, AkunId, Galat, Paging, Peran, TokenGenerator};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use store_memori::StoreMemori;

#[derive(Default)]
struct Token(AtomicU32);

impl TokenGenerator for Token {
    fn buat(&self) -> SecretString {
        format!(
            "kode{:08}rahasia",
            self.0.fetch_add(1, Ordering::SeqCst) + 1
        )
        .into()
    }
}

fn admin() -> Actor {
    Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: Peran::Admin,
        instansi_id: None,
        unit_id: None,
    }
}

fn dunia() -> (PengaduanService, StoreMemori) {
    let store = StoreMemori::new();
    let clock = Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).single().unwrap(),
    ));
    let svc = PengaduanService::new(Arc::new(store.clone()), Arc::new(Token::default()), clock);
    (svc, store)
}

fn formulir(uraian: &str) -> FormulirPengaduan {
    FormulirPengaduan {
        nama: "Budi Santoso".into(),
        email: "budi@tarakankota.go.id".into(),
        kategori: "kendala_teknis".into(),
        uraian: uraian.into(),
        rujukan: "SIPADU".into(),
    }
}

#[tokio::test]
async fn r_lay_03_a_complaint_is_numbered_emailed_and_read_back_only_with_its_code() {
    let (svc, store) = dunia();
    let a = svc
        .ajukan(&Actor::Publik, &formulir("Tombol tidak dapat ditekan."))
        .await
        .unwrap();
    let b = svc
        .ajukan(&Actor::Publik, &formulir("Halaman lambat."))
        .await
        .unwrap();
    assert_eq!(a.pengaduan.nomor.to_string(), "ADU-2026-000001");
    assert_eq!(b.pengaduan.nomor.to_string(), "ADU-2026-000002");
    let surel = store.salinan().surel;
    assert_eq!(surel.len(), 2);
    assert_eq!(surel[0].template, "pengaduan_diterima");
    assert_eq!(surel[0].data["kode"], a.kode.expose_secret());
    let nomor = a.pengaduan.nomor.to_string();
    let p = svc.lihat(&nomor, a.kode.expose_secret()).await.unwrap();
    assert_eq!(p.status, StatusPengaduan::Baru);
    for (n, k) in [
        (nomor.as_str(), b.kode.expose_secret()),
        (nomor.as_str(), ""),
        ("ADU-2026-000009", a.kode.expose_secret()),
        ("bukan-nomor", a.kode.expose_secret()),
    ] {
        assert!(
            matches!(svc.lihat(n, k).await, Err(Galat::TidakDitemukan)),
            "{n} {k}"
        );
    }
    assert!(
        !store.salinan().pengaduan[&a.pengaduan.id]
            .hash_kode
            .contains(a.kode.expose_secret()),
        "only the code's hash is kept"
    );
}

#[tokio::test]
async fn r_lay_03_bad_input_stores_nothing() {
    let (svc, store) = dunia();
    let e = svc
        .ajukan(&Actor::Publik, &formulir("   "))
        .await
        .err()
        .unwrap();
    assert!(
        matches!(&e, Galat::Validasi(v) if v[0].field == "uraian"),
        "{e:?}"
    );
    assert!(store.salinan().pengaduan.is_empty() && store.salinan().surel.is_empty());
}

#[tokio::test]
async fn r_lay_03_the_admin_answers_and_the_complainant_is_told() {
    let (svc, store) = dunia();
    let a = svc
        .ajukan(&Actor::Publik, &formulir("Tombol tidak dapat ditekan."))
        .await
        .unwrap();
    let id = a.pengaduan.id;
    assert!(matches!(
        svc.daftar(&Actor::Publik, None, &Paging::pertama(20)).await,
        Err(Galat::BelumMasuk)
    ));
    let terbuka = svc
        .daftar(&admin(), None, &Paging::pertama(20))
        .await
        .unwrap();
    assert_eq!(terbuka.total, 1);
    svc.tanggapi(&admin(), id, "Sedang kami periksa.", "diproses")
        .await
        .unwrap();
    let p = svc
        .tanggapi(
            &admin(),
            id,
            "Sudah diperbaiki, silakan coba lagi.",
            "selesai",
        )
        .await
        .unwrap();
    assert_eq!(p.status, StatusPengaduan::Selesai);
    let e = svc.tanggapi(&admin(), id, "", "").await.err().unwrap();
    assert!(matches!(e, Galat::StatusTidakSesuai(_)), "{e:?}");
    let surel = store.salinan().surel;
    let terakhir = surel.last().unwrap();
    assert_eq!(
        (terakhir.template.as_str(), terakhir.kepada.as_str()),
        ("pengaduan_ditanggapi", "budi@tarakankota.go.id")
    );
    assert_eq!(terakhir.data["status"], "Selesai");
    let terbuka = svc
        .daftar(&admin(), None, &Paging::pertama(20))
        .await
        .unwrap();
    assert_eq!(terbuka.total, 0, "a closed complaint leaves the open list");
    let dibaca = svc
        .lihat(&p.nomor.to_string(), a.kode.expose_secret())
        .await
        .unwrap();
    assert_eq!(dibaca.tanggapan.len(), 2);
}
