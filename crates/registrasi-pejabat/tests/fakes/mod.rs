//! The world of the rule tests: the service on a store with test doubles for hashing, tokens and
//! documents. Every rule test runs three times (`di_setiap_store!`): on the in-memory store
//! (`store-memori`, the adapter tools embed) and on the real store (`store-sea-orm`) over a fresh
//! SQLite database and a fresh PostgreSQL one, so the fake cannot drift from production.

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
use store_sea_orm::Store;
use store_sea_orm::uji::{Backend, BasisDataUji};

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

/// Where a world's data lives.
enum Tempat {
    /// The in-memory store.
    Memori(RegistrasiMemori),
    /// The real store on a fresh database (dropped with the world).
    Basis(Store, Option<BasisDataUji>),
}

impl Drop for Tempat {
    fn drop(&mut self) {
        if let Tempat::Basis(_, db) = self
            && let Some(db) = db.take()
        {
            // Dropping a database is async; a world goes outside any runtime's reach.
            let _ = std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map(|rt| rt.block_on(db.hapus()))
            })
            .join();
        }
    }
}

/// The world of a rule test: the service, a clock, and handles on the data.
pub struct Dunia {
    pub svc: RegistrasiService,
    /// The registration port the service reads, for the tests' own reads.
    pub repo: Arc<dyn RegistrasiRepo>,
    /// The systems the units count.
    pub sistem: Arc<dyn sistem_elektronik::ports::SistemRepo>,
    pub clock: Arc<FixedClock>,
    pub kota_tarakan: InstansiId,
    pub kominfo: InstansiId,
    tempat: Tempat,
}

/// A table a test counts the rows of.
#[derive(Debug, Clone, Copy)]
pub enum Tabel {
    Permohonan,
    SubPejabat,
    Survei,
}

impl Dunia {
    /// Which store it runs on.
    pub fn nama(&self) -> &'static str {
        match &self.tempat {
            Tempat::Memori(_) => "memori",
            Tempat::Basis(_, Some(db)) if db.url.starts_with("postgres") => "postgres",
            Tempat::Basis(..) => "sqlite",
        }
    }

    /// Every email the units of work wrote, oldest first.
    pub async fn surel(&self) -> Vec<PesanEmail> {
        match &self.tempat {
            Tempat::Memori(r) => r.salinan().email,
            Tempat::Basis(s, _) => s.uji_surel().await,
        }
    }

    /// How many rows `t` holds.
    pub async fn jumlah(&self, t: Tabel) -> usize {
        match &self.tempat {
            Tempat::Memori(r) => {
                let d = r.salinan();
                match t {
                    Tabel::Permohonan => d.permohonan.len(),
                    Tabel::SubPejabat => d.sub.len(),
                    Tabel::Survei => d.survei.len(),
                }
            }
            Tempat::Basis(s, _) => {
                let tabel = match t {
                    Tabel::Permohonan => "permohonan_pejabat",
                    Tabel::SubPejabat => "sub_pejabat",
                    Tabel::Survei => "undangan_survei",
                };
                usize::try_from(s.uji_jumlah(tabel).await).unwrap()
            }
        }
    }

    /// Every survey invitation.
    pub async fn survei(&self) -> Vec<pse_kernel::UndanganSurvei> {
        match &self.tempat {
            Tempat::Memori(r) => r.salinan().survei,
            Tempat::Basis(s, _) => s.uji_survei().await,
        }
    }

    /// A session of `akun` is open (as after its login).
    pub async fn buka_sesi(&self, akun: AkunId) {
        if let Tempat::Basis(s, _) = &self.tempat {
            s.uji_buka_sesi(akun).await;
        }
    }

    /// Whether every session of `akun` was ended.
    pub async fn sesi_berakhir(&self, akun: AkunId) -> bool {
        match &self.tempat {
            Tempat::Memori(r) => r.salinan().sesi_diakhiri.contains(&akun),
            Tempat::Basis(s, _) => s.uji_sesi(akun).await == 0,
        }
    }
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

fn wilayah() -> Vec<Wilayah> {
    [
        ("65", "Kalimantan Utara"),
        ("65.71", "Kota Tarakan"),
        ("31", "DKI Jakarta"),
        ("31.71", "Kota Administrasi Jakarta Pusat"),
    ]
    .into_iter()
    .map(|(kode, nama)| Wilayah {
        kode: kode.into(),
        nama: nama.into(),
    })
    .collect()
}

fn dua_instansi() -> [Instansi; 2] {
    [
        instansi(
            "Pemerintah Kota Tarakan",
            JenisInstansi::PemerintahKota,
            Some("65"),
            Some("65.71"),
        ),
        instansi(
            "Kementerian Komunikasi dan Digital",
            JenisInstansi::Kementerian,
            None,
            None,
        ),
    ]
}

fn dunia_dari(
    tempat: Tempat,
    repo: Arc<dyn RegistrasiRepo>,
    audit: Arc<dyn pse_kernel::AuditLog>,
    sistem: Arc<dyn sistem_elektronik::ports::SistemRepo>,
    clock: Arc<FixedClock>,
    [tarakan, kominfo]: [InstansiId; 2],
) -> Dunia {
    let port = PortRegistrasi {
        repo: repo.clone(),
        audit,
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
        kota_tarakan: tarakan,
        kominfo,
        tempat,
    }
}

/// The world on the in-memory store.
pub fn dunia() -> Dunia {
    let sistem = StoreMemori::new();
    let repo = RegistrasiMemori::dengan_sistem(sistem.clone());
    for w in wilayah() {
        repo.tambah_wilayah(w);
    }
    let instansi = dua_instansi();
    let ids = [instansi[0].id(), instansi[1].id()];
    for i in instansi {
        repo.tambah_instansi(i);
    }
    dunia_dari(
        Tempat::Memori(repo.clone()),
        Arc::new(repo.clone()),
        Arc::new(repo),
        Arc::new(sistem),
        Arc::new(FixedClock::at(awal())),
        ids,
    )
}

/// The world on the real store over a fresh database on `backend`; `None` for PostgreSQL when
/// it is not configured (and not required).
pub async fn dunia_di(backend: Backend) -> Option<Dunia> {
    if !store_sea_orm::uji::backends().contains(&backend) {
        return None;
    }
    let db = BasisDataUji::baru(backend).await;
    let clock = Arc::new(FixedClock::at(awal()));
    let store = Store::connect(&db.url, clock.clone()).await.unwrap();
    store.migrate().await.unwrap();
    use registrasi_pejabat::referensi::ReferensiRepo as _;
    store.simpan_wilayah(&wilayah()).await.unwrap();
    let instansi = dua_instansi();
    let ids = [instansi[0].id(), instansi[1].id()];
    store.tambah_instansi(&instansi).await.unwrap();
    Some(dunia_dari(
        Tempat::Basis(store.clone(), Some(db)),
        Arc::new(store.clone()),
        Arc::new(store.clone()),
        Arc::new(store),
        clock,
        ids,
    ))
}

/// The worlds every rule runs in, in order: the in-memory store, then the real store on SQLite
/// and on PostgreSQL (when configured; required in CI).
pub async fn semua_dunia() -> Vec<Dunia> {
    let mut v = vec![dunia()];
    for b in [Backend::Sqlite, Backend::Postgres] {
        v.extend(dunia_di(b).await);
    }
    v
}

/// Each named rule test (an `async fn(Dunia)`) as one test in `di_setiap_store::` that runs it
/// in every world of [`semua_dunia`], one after the other; a snapshot must read the same in each.
#[macro_export]
macro_rules! di_setiap_store {
    ($($nama:ident),* $(,)?) => {
        mod di_setiap_store {
            $(#[test]
            fn $nama() {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                insta::allow_duplicates! {
                    for d in rt.block_on(super::fakes::semua_dunia()) {
                        eprintln!("store: {}", d.nama());
                        rt.block_on(super::$nama(d));
                    }
                }
            })*
        }
    };
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
        tingkat_jabatan: "administrator".into(),
        telepon_kantor: "(0551) 21820".into(),
        nomor_hp: "0812-3456-7890".into(),
        provinsi: "65".into(),
        kota: "65.71".into(),
        instansi_id: d.kota_tarakan.to_string(),
        ..Default::default()
    }
}

/// The last email to `kepada` with `template`.
pub async fn email_terakhir(d: &Dunia, kepada: &str, template: &str) -> Option<PesanEmail> {
    d.surel()
        .await
        .into_iter()
        .rev()
        .find(|e| e.kepada == kepada && e.template == template)
}
