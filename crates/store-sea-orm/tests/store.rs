//! The store on SQLite always and on PostgreSQL when configured: the registration use cases run on
//! the real adapter, and the adapter's own guarantees (versions, uniqueness, audit immutability,
//! outbox claims, sessions) hold on both.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Duration, TimeZone, Utc};
use pse_kernel::clock::FixedClock;
use pse_kernel::{Actor, AkunId, InfraError, KalenderKerja, Outbox, Peran};
use registrasi_pejabat::model::*;
use registrasi_pejabat::ports::*;
use registrasi_pejabat::referensi::{ReferensiRepo, SaringWilayah, instansi_daerah};
use registrasi_pejabat::service::PortRegistrasi;
use registrasi_pejabat::{Pengaturan, RegistrasiError, RegistrasiService};
use sea_orm::ConnectionTrait as _;
use secrecy::{ExposeSecret, SecretString};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use store_sea_orm::Store;
use store_sea_orm::uji::{BasisDataUji, backends};

struct Hasher;
#[async_trait::async_trait]
impl PasswordHasher for Hasher {
    async fn hash(&self, k: &SecretString) -> Result<String, InfraError> {
        Ok(format!("h:{}", k.expose_secret()))
    }
    async fn cocok(&self, k: &SecretString, h: Option<&str>) -> Result<bool, InfraError> {
        Ok(h == Some(format!("h:{}", k.expose_secret()).as_str()))
    }
}
#[derive(Default)]
struct Token(AtomicU32);
impl TokenGenerator for Token {
    fn buat(&self) -> SecretString {
        format!("tok{}", self.0.fetch_add(1, Ordering::SeqCst)).into()
    }
}
#[derive(Default)]
struct Dok(Mutex<HashMap<String, Vec<u8>>>);
#[async_trait::async_trait]
impl DokumenStore for Dok {
    async fn simpan(&self, s: &str, i: Vec<u8>) -> Result<(), InfraError> {
        self.0.lock().unwrap().insert(s.into(), i);
        Ok(())
    }
    async fn ambil(&self, s: &str) -> Result<Option<Vec<u8>>, InfraError> {
        Ok(self.0.lock().unwrap().get(s).cloned())
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

async fn siapkan(db: &BasisDataUji) -> (Store, RegistrasiService, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
            .single()
            .unwrap(),
    ));
    let store = Store::connect(&db.url, clock.clone()).await.unwrap();
    let wilayah = vec![
        Wilayah {
            kode: "65".into(),
            nama: "Kalimantan Utara".into(),
        },
        Wilayah {
            kode: "65.71".into(),
            nama: "Kota Tarakan".into(),
        },
    ];
    store.simpan_wilayah(&wilayah).await.unwrap();
    store
        .tambah_instansi(&instansi_daerah(&wilayah))
        .await
        .unwrap();
    let port = PortRegistrasi {
        repo: Arc::new(store.clone()),
        audit: Arc::new(store.clone()),
        hasher: Arc::new(Hasher),
        token: Arc::new(Token::default()),
        dokumen: Arc::new(Dok::default()),
        clock: clock.clone(),
    };
    let svc = RegistrasiService::new(port, KalenderKerja::default(), Pengaturan::default());
    (store, svc, clock)
}

async fn formulir(store: &Store, email: &str, status: &str) -> FormulirPendaftaran {
    let tarakan = store
        .cari_instansi("kota tarakan", SaringWilayah::baru("65", ""), 1)
        .await
        .unwrap()
        .items
        .remove(0);
    FormulirPendaftaran {
        email: email.into(),
        status_pendaftar: status.into(),
        nama_lengkap: "Budi Santoso".into(),
        jenis_kepegawaian: "pns".into(),
        nip: "198501012010011001".into(),
        jabatan: "Kepala Diskominfo".into(),
        tingkat_jabatan: "administrator".into(),
        telepon_kantor: "0551-21820".into(),
        nomor_hp: "081234567890".into(),
        provinsi: "65".into(),
        kota: "65.71".into(),
        instansi_id: tarakan.id().to_string(),
        ..Default::default()
    }
}

fn pdf() -> Option<Berkas> {
    Some(Berkas {
        nama: "s.pdf".into(),
        isi: pse_kernel::pdf::contoh(""),
    })
}

async fn token_dari_outbox(
    store: &Store,
    clock: &FixedClock,
    email: &str,
    template: &str,
) -> String {
    let pesan = store.klaim(100, clock.now()).await.unwrap();
    for p in &pesan {
        store
            .tandai_terkirim(p.id, clock.now(), &p.pesan.data_terkirim())
            .await
            .unwrap();
    }
    let p = pesan
        .into_iter()
        .rev()
        .find(|p| p.pesan.kepada == email && p.pesan.template == template)
        .unwrap();
    let kunci = if template == "permohonan_ditolak" {
        "kode"
    } else {
        "token"
    };
    p.pesan.data[kunci].as_str().unwrap().to_string()
}

use pse_kernel::Clock as _;

#[tokio::test]
async fn r_pej_12_whole_registration_flow_on_every_backend() {
    for backend in backends() {
        let db = BasisDataUji::baru(backend).await;
        let (store, svc, clock) = siapkan(&db).await;

        let p = svc
            .ajukan(
                &Actor::Publik,
                formulir(&store, "budi@tarakankota.go.id", "baru").await,
                pdf(),
            )
            .await
            .unwrap();
        svc.tolak(&admin(), p.id, "data_tidak_valid", "NIP salah")
            .await
            .unwrap();
        let kode = token_dari_outbox(
            &store,
            &clock,
            "budi@tarakankota.go.id",
            "permohonan_ditolak",
        )
        .await;
        let ulang = svc
            .ajukan_ulang(
                p.id,
                &kode,
                formulir(&store, "budi@tarakankota.go.id", "baru").await,
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            (ulang.id, ulang.jumlah_pengajuan, ulang.versi),
            (p.id, 2, 2),
            "{backend:?}"
        );
        assert_eq!(
            svc.antrian(&admin(), &pse_kernel::JendelaAntrian::awal(100), false)
                .await
                .unwrap()
                .0
                .len(),
            1
        );
        svc.setujui(&admin(), p.id, None).await.unwrap();
        let token = token_dari_outbox(
            &store,
            &clock,
            "budi@tarakankota.go.id",
            "permohonan_disetujui",
        )
        .await;
        let budi = svc
            .aktivasi(&token, "Rahasia-Sekali-2026".into())
            .await
            .unwrap();
        assert!(
            svc.masuk(
                "BUDI@tarakankota.go.id",
                &"Rahasia-Sekali-2026".into(),
                "127.0.0.1"
            )
            .await
            .is_ok()
        );

        // A Pengganti replaces Budi; his sessions are deleted in the same transaction.
        use tower_sessions::SessionStore as _;
        let sesi = store_sea_orm::SesiStore::new(store.clone());
        let mut rekam = tower_sessions::session::Record {
            id: Default::default(),
            data: [(
                store_sea_orm::KUNCI_AKUN.to_string(),
                serde_json::json!(budi.id.to_string()),
            )]
            .into(),
            expiry_date: time::OffsetDateTime::from_unix_timestamp(clock.now().timestamp() + 3600)
                .unwrap(),
        };
        sesi.create(&mut rekam).await.unwrap();
        assert!(sesi.load(&rekam.id).await.unwrap().is_some());
        // A request reads the session and its account in one statement.
        let (dibaca, akun) = sesi.baca_dengan_akun(&rekam.id).await.unwrap().unwrap();
        assert_eq!(dibaca.data, rekam.data, "{backend:?}");
        let akun = akun.unwrap();
        assert_eq!(akun.id, budi.id, "{backend:?}");
        assert!(akun.boleh_masuk(), "{backend:?}");
        let mut tamu = tower_sessions::session::Record {
            id: Default::default(),
            data: Default::default(),
            expiry_date: rekam.expiry_date,
        };
        sesi.create(&mut tamu).await.unwrap();
        assert!(matches!(
            sesi.baca_dengan_akun(&tamu.id).await,
            Ok(Some((_, None)))
        ));
        let p2 = svc
            .ajukan(
                &Actor::Publik,
                formulir(&store, "sari@tarakankota.go.id", "pengganti").await,
                pdf(),
            )
            .await
            .unwrap();
        svc.setujui(&admin(), p2.id, None).await.unwrap();
        assert!(
            sesi.load(&rekam.id).await.unwrap().is_none(),
            "{backend:?}: session ended"
        );
        assert!(sesi.baca_dengan_akun(&rekam.id).await.unwrap().is_none());
        assert!(matches!(
            svc.masuk(
                "budi@tarakankota.go.id",
                &"Rahasia-Sekali-2026".into(),
                "127.0.0.1"
            )
            .await,
            Err(RegistrasiError::AkunTidakAktif(_))
        ));
        store.close().await;
        db.hapus().await;
    }
}

#[tokio::test]
async fn r_x_01_audit_records_cannot_be_edited_on_every_backend() {
    for backend in backends() {
        let db = BasisDataUji::baru(backend).await;
        let (store, svc, _) = siapkan(&db).await;
        svc.ajukan(
            &Actor::Publik,
            formulir(&store, "budi@tarakankota.go.id", "baru").await,
            pdf(),
        )
        .await
        .unwrap();
        let ubah = store
            .koneksi()
            .execute_unprepared("UPDATE audit SET aksi = 'lain'")
            .await;
        let hapus = store
            .koneksi()
            .execute_unprepared("DELETE FROM audit")
            .await;
        assert!(ubah.is_err() && hapus.is_err(), "{backend:?}");
        assert_eq!(svc.audit(&admin(), None, 1).await.unwrap().total, 1);
        store.close().await;
        db.hapus().await;
    }
}

#[tokio::test]
async fn stale_version_is_a_conflict_never_an_overwrite() {
    for backend in backends() {
        let db = BasisDataUji::baru(backend).await;
        let (store, svc, _clock) = siapkan(&db).await;
        let p = svc
            .ajukan(
                &Actor::Publik,
                formulir(&store, "budi@tarakankota.go.id", "baru").await,
                pdf(),
            )
            .await
            .unwrap();
        let dibaca = store.permohonan(p.id).await.unwrap().unwrap();
        svc.tolak(&admin(), p.id, "lainnya", "pertama")
            .await
            .unwrap();
        let basi = dibaca
            .tolak(
                Penolakan {
                    kategori: KategoriPenolakan::Lainnya,
                    catatan: "kedua".into(),
                    waktu: _clock.now(),
                },
                "x".into(),
            )
            .unwrap();
        let mut uow = store.mulai().await.unwrap();
        assert!(
            matches!(
                uow.simpan_permohonan(&basi).await,
                Err(pse_kernel::GagalSimpan::VersiBasi)
            ),
            "{backend:?}"
        );
        drop(uow);
        store.close().await;
        db.hapus().await;
    }
}

#[tokio::test]
async fn outbox_claims_lease_and_retry_on_every_backend() {
    for backend in backends() {
        let db = BasisDataUji::baru(backend).await;
        let (store, svc, clock) = siapkan(&db).await;
        svc.ajukan(
            &Actor::Publik,
            formulir(&store, "budi@tarakankota.go.id", "baru").await,
            pdf(),
        )
        .await
        .unwrap();
        let a = store.klaim(10, clock.now()).await.unwrap();
        assert_eq!(a.len(), 1);
        assert!(
            store.klaim(10, clock.now()).await.unwrap().is_empty(),
            "leased rows are not claimed twice"
        );
        store
            .tandai_gagal(
                a[0].id,
                "smtp mati",
                Some(clock.now() + Duration::seconds(30)),
            )
            .await
            .unwrap();
        clock.advance(Duration::seconds(31));
        let b = store.klaim(10, clock.now()).await.unwrap();
        assert_eq!((b.len(), b[0].percobaan), (1, 1), "{backend:?}");
        store
            .tandai_gagal(b[0].id, "smtp mati", None)
            .await
            .unwrap();
        let tertunda = pse_kernel::AuditLog::surel_tertunda(&store).await.unwrap();
        assert_eq!(tertunda[0].status, "gagal");
        clock.advance(Duration::hours(1));
        assert!(store.klaim(10, clock.now()).await.unwrap().is_empty());
        store.close().await;
        db.hapus().await;
    }
}

#[tokio::test]
async fn r_pej_06_reference_data_loads_and_searches() {
    for backend in backends() {
        let db = BasisDataUji::baru(backend).await;
        let (store, _, _) = siapkan(&db).await;
        assert_eq!(store.daftar_provinsi().await.unwrap().len(), 1);
        assert_eq!(
            store.daftar_kota("65").await.unwrap()[0].nama,
            "Kota Tarakan"
        );
        let ditambah = store
            .tambah_instansi(&instansi_daerah(&[Wilayah {
                kode: "65".into(),
                nama: "Kalimantan Utara".into(),
            }]))
            .await
            .unwrap();
        assert_eq!(ditambah, 0, "loading twice adds nothing");
        let cari = store
            .cari_instansi("TARAKAN", SaringWilayah::default(), 1)
            .await
            .unwrap();
        assert_eq!(cari.items[0].rekam().nama, "Pemerintah Kota Tarakan");
        store.close().await;
        db.hapus().await;
    }
}
