//! The world of the rule tests: the service on the in-memory store (`store-memori`, the same
//! adapter tools embed) with test doubles for hashing, tokens and documents.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};
use pse_kernel::clock::FixedClock;
use pse_kernel::{AkunId, InfraError, InstansiId, KalenderKerja, PesanEmail};
use registrasi_pejabat::model::*;
use registrasi_pejabat::ports::*;
use registrasi_pejabat::service::PortRegistrasi;
use registrasi_pejabat::{Pengaturan, RegistrasiService};
use secrecy::{ExposeSecret, SecretString};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use store_memori::{RegistrasiMemori, StoreMemori};

pub struct FakeHasher;

#[async_trait::async_trait]
impl PasswordHasher for FakeHasher {
    async fn hash(&self, k: &SecretString) -> Result<String, InfraError> {
        Ok(format!("hash:{}", k.expose_secret()))
    }
    async fn cocok(&self, k: &SecretString, hash: Option<&str>) -> Result<bool, InfraError> {
        Ok(hash == Some(format!("hash:{}", k.expose_secret()).as_str()))
    }
}

#[derive(Default)]
pub struct FakeToken(AtomicU32);

impl TokenGenerator for FakeToken {
    fn buat(&self) -> SecretString {
        format!("token-{}", self.0.fetch_add(1, Ordering::SeqCst) + 1).into()
    }
}

#[derive(Default)]
pub struct FakeDokumen(Mutex<HashMap<String, Vec<u8>>>);

#[async_trait::async_trait]
impl DokumenStore for FakeDokumen {
    async fn simpan(&self, sha: &str, isi: Vec<u8>) -> Result<(), InfraError> {
        self.0.lock().unwrap().insert(sha.into(), isi);
        Ok(())
    }
    async fn ambil(&self, sha: &str) -> Result<Option<Vec<u8>>, InfraError> {
        Ok(self.0.lock().unwrap().get(sha).cloned())
    }
}

/// The world of a rule test: the service on fakes, a clock, and handles on the data.
pub struct Dunia {
    pub svc: RegistrasiService,
    pub repo: RegistrasiMemori,
    /// The systems the units count.
    pub sistem: StoreMemori,
    pub clock: Arc<FixedClock>,
    pub kota_tarakan: InstansiId,
    pub kominfo: InstansiId,
}

pub fn awal() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .unwrap()
}

pub fn admin() -> pse_kernel::Actor {
    pse_kernel::Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: pse_kernel::Peran::Admin,
        instansi_id: None,
        unit_id: None,
    }
}

fn instansi(nama: &str, jenis: JenisInstansi, prov: Option<&str>, kota: Option<&str>) -> Instansi {
    Instansi::pulihkan(RekamInstansi {
        id: InstansiId::new(),
        nama: nama.into(),
        jenis,
        provinsi: prov.map(Into::into),
        kota: kota.map(Into::into),
        alamat: None,
        website: None,
        telepon: None,
        domain_email: None,
        terverifikasi: true,
    })
}

pub fn dunia() -> Dunia {
    let sistem = StoreMemori::new();
    let repo = RegistrasiMemori::dengan_sistem(sistem.clone());
    let tarakan = instansi(
        "Pemerintah Kota Tarakan",
        JenisInstansi::PemerintahKota,
        Some("65"),
        Some("65.71"),
    );
    let kominfo = instansi(
        "Kementerian Komunikasi dan Digital",
        JenisInstansi::Kementerian,
        None,
        None,
    );
    let (kota_tarakan, kominfo_id) = (tarakan.id(), kominfo.id());
    for w in [
        Wilayah {
            kode: "65".into(),
            nama: "Kalimantan Utara".into(),
        },
        Wilayah {
            kode: "65.71".into(),
            nama: "Kota Tarakan".into(),
        },
        Wilayah {
            kode: "31".into(),
            nama: "DKI Jakarta".into(),
        },
        Wilayah {
            kode: "31.71".into(),
            nama: "Kota Administrasi Jakarta Pusat".into(),
        },
    ] {
        repo.tambah_wilayah(w);
    }
    repo.tambah_instansi(tarakan);
    repo.tambah_instansi(kominfo);
    let clock = Arc::new(FixedClock::at(awal()));
    let port = PortRegistrasi {
        repo: Arc::new(repo.clone()),
        audit: Arc::new(repo.clone()),
        hasher: Arc::new(FakeHasher),
        token: Arc::new(FakeToken::default()),
        dokumen: Arc::new(FakeDokumen::default()),
        clock: clock.clone(),
    };
    Dunia {
        svc: RegistrasiService::new(port, KalenderKerja::default(), Pengaturan::default()),
        repo,
        sistem,
        clock,
        kota_tarakan,
        kominfo: kominfo_id,
    }
}

pub fn pdf() -> Option<Berkas> {
    Some(Berkas {
        nama: "surat.pdf".into(),
        isi: pse_kernel::pdf::contoh(""),
    })
}

/// A complete, valid form for the Pemerintah Kota Tarakan.
pub fn formulir(d: &Dunia, email: &str, status: &str) -> FormulirPendaftaran {
    FormulirPendaftaran {
        email: email.into(),
        status_pendaftar: status.into(),
        nama_lengkap: "Budi Santoso".into(),
        jenis_kepegawaian: "pns".into(),
        nip: "198501012010011001".into(),
        jabatan: "Kepala Dinas Komunikasi dan Informatika".into(),
        telepon_kantor: "(0551) 21820".into(),
        nomor_hp: "0812-3456-7890".into(),
        provinsi: "65".into(),
        kota: "65.71".into(),
        instansi_id: d.kota_tarakan.to_string(),
        ..Default::default()
    }
}

/// The last email to `kepada` with `template`.
pub fn email_terakhir(d: &Dunia, kepada: &str, template: &str) -> Option<PesanEmail> {
    d.repo
        .salinan()
        .email
        .into_iter()
        .rev()
        .find(|e| e.kepada == kepada && e.template == template)
}
