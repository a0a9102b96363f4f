//! In-memory fakes of the registration ports, for the rule tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};
use pse_kernel::clock::FixedClock;
use pse_kernel::{
    AkunId, AuditEvent, AuditLog, GagalSimpan, Halaman, InfraError, InstansiId, JendelaAntrian,
    KalenderKerja, PermohonanId, PesanEmail, PesanTertunda,
};
use registrasi_pejabat::model::*;
use registrasi_pejabat::ports::*;
use registrasi_pejabat::service::PortRegistrasi;
use registrasi_pejabat::{Pengaturan, RegistrasiService};
use secrecy::{ExposeSecret, SecretString};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Default, Clone)]
pub struct Data {
    pub wilayah: Vec<Wilayah>,
    pub instansi: HashMap<InstansiId, Instansi>,
    pub akun: HashMap<AkunId, Akun>,
    pub permohonan: HashMap<PermohonanId, PermohonanPejabat>,
    pub token: HashMap<String, TokenAktivasi>,
    pub audit: Vec<AuditEvent>,
    pub email: Vec<PesanEmail>,
    pub sesi_diakhiri: Vec<AkunId>,
    pub unit: HashMap<pse_kernel::UnitId, UnitOrganisasi>,
    pub sub: HashMap<pse_kernel::SubPejabatId, SubPejabat>,
    /// Systems registered per unit (they live in another service's store).
    pub sistem_unit: HashMap<pse_kernel::UnitId, u64>,
    /// Failed logins per pair.
    pub percobaan: HashMap<String, PercobaanMasuk>,
}

#[derive(Clone, Default)]
pub struct FakeRepo(pub Arc<Mutex<Data>>);

impl FakeRepo {
    pub fn data(&self) -> Data {
        self.0.lock().unwrap().clone()
    }
}

struct FakeUow {
    asal: Arc<Mutex<Data>>,
    staged: Data,
}

fn naik(versi_simpan: Option<i64>, versi: i64) -> Result<i64, GagalSimpan> {
    match (versi_simpan, versi) {
        (None, 0) => Ok(1),
        (Some(v), w) if v == w => Ok(v + 1),
        _ => Err(GagalSimpan::VersiBasi),
    }
}

#[async_trait::async_trait]
impl UnitKerja for FakeUow {
    async fn simpan_permohonan(&mut self, p: &PermohonanPejabat) -> Result<(), GagalSimpan> {
        let v = naik(self.staged.permohonan.get(&p.id).map(|x| x.versi), p.versi)?;
        let mut r = (**p).clone();
        r.versi = v;
        self.staged
            .permohonan
            .insert(p.id, PermohonanPejabat::pulihkan(r));
        Ok(())
    }
    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan> {
        if self
            .staged
            .akun
            .values()
            .any(|x| x.email == a.email && x.id != a.id)
        {
            return Err(GagalSimpan::Duplikat("akun_email".into()));
        }
        let v = naik(self.staged.akun.get(&a.id).map(|x| x.versi), a.versi)?;
        let mut r = (**a).clone();
        r.versi = v;
        self.staged.akun.insert(a.id, Akun::pulihkan(r));
        Ok(())
    }
    async fn simpan_unit(&mut self, u: &UnitOrganisasi) -> Result<(), GagalSimpan> {
        let v = naik(self.staged.unit.get(&u.id).map(|x| x.versi), u.versi)?;
        let mut r = (**u).clone();
        r.versi = v;
        self.staged.unit.insert(u.id, UnitOrganisasi::pulihkan(r));
        Ok(())
    }
    async fn hapus_unit(&mut self, id: pse_kernel::UnitId) -> Result<(), GagalSimpan> {
        if self.staged.sistem_unit.get(&id).is_some_and(|n| *n > 0) {
            return Err(GagalSimpan::VersiBasi);
        }
        self.staged.unit.remove(&id);
        Ok(())
    }
    async fn simpan_sub_pejabat(&mut self, s: &SubPejabat) -> Result<(), GagalSimpan> {
        let v = naik(self.staged.sub.get(&s.id).map(|x| x.versi), s.versi)?;
        let mut r = (**s).clone();
        r.versi = v;
        self.staged.sub.insert(s.id, SubPejabat::pulihkan(r));
        Ok(())
    }
    async fn simpan_instansi(&mut self, i: &Instansi) -> Result<(), GagalSimpan> {
        self.staged.instansi.insert(i.id(), i.clone());
        Ok(())
    }
    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan> {
        self.staged.token.insert(t.hash.clone(), t.clone());
        Ok(())
    }
    async fn akhiri_sesi(&mut self, akun: AkunId) -> Result<(), GagalSimpan> {
        self.staged.sesi_diakhiri.push(akun);
        Ok(())
    }
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.staged.audit.push(e.clone());
        Ok(())
    }
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.staged.email.push(p.clone());
        Ok(())
    }
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        *self.asal.lock().unwrap() = self.staged;
        Ok(())
    }
}

#[async_trait::async_trait]
impl RegistrasiRepo for FakeRepo {
    async fn mulai(&self) -> Result<Box<dyn UnitKerja>, InfraError> {
        Ok(Box::new(FakeUow {
            asal: self.0.clone(),
            staged: self.data(),
        }))
    }
    async fn wilayah(&self, kode: &str) -> Result<Option<Wilayah>, InfraError> {
        Ok(self.data().wilayah.into_iter().find(|w| w.kode == kode))
    }
    async fn instansi(&self, id: InstansiId) -> Result<Option<Instansi>, InfraError> {
        Ok(self.data().instansi.get(&id).cloned())
    }
    async fn instansi_bernama(&self, kunci: &str) -> Result<Option<Instansi>, InfraError> {
        Ok(self
            .data()
            .instansi
            .values()
            .find(|i| i.rekam().terverifikasi && Instansi::kunci_nama(&i.rekam().nama) == kunci)
            .cloned())
    }
    async fn pejabat_aktif(&self, instansi: InstansiId) -> Result<Option<Akun>, InfraError> {
        Ok(self
            .data()
            .akun
            .values()
            .find(|a| {
                a.instansi_id == Some(instansi)
                    && a.peran == pse_kernel::Peran::PejabatPendaftar
                    && a.status != StatusAkun::Nonaktif
            })
            .cloned())
    }
    async fn akun(&self, id: AkunId) -> Result<Option<Akun>, InfraError> {
        Ok(self.data().akun.get(&id).cloned())
    }
    async fn percobaan_masuk(
        &self,
        kunci: &KunciMasuk,
    ) -> Result<Option<PercobaanMasuk>, InfraError> {
        Ok(self
            .0
            .lock()
            .unwrap()
            .percobaan
            .get(kunci.as_ref())
            .copied())
    }

    async fn tambah_gagal_masuk(
        &self,
        kunci: &KunciMasuk,
        now: chrono::DateTime<chrono::Utc>,
        lupa_sebelum: chrono::DateTime<chrono::Utc>,
    ) -> Result<PercobaanMasuk, InfraError> {
        let mut d = self.0.lock().unwrap();
        let p = d
            .percobaan
            .entry(kunci.as_ref().to_string())
            .or_insert(PercobaanMasuk {
                gagal: 0,
                terakhir: now,
            });
        if p.terakhir < lupa_sebelum {
            p.gagal = 0;
        }
        p.gagal += 1;
        p.terakhir = now;
        Ok(*p)
    }

    async fn hapus_gagal_masuk(&self, kunci: &KunciMasuk) -> Result<(), InfraError> {
        self.0.lock().unwrap().percobaan.remove(kunci.as_ref());
        Ok(())
    }

    async fn akun_dengan_email(&self, email: &str) -> Result<Option<Akun>, InfraError> {
        Ok(self
            .data()
            .akun
            .values()
            .find(|a| a.email.as_ref() == email)
            .cloned())
    }
    async fn permohonan(&self, id: PermohonanId) -> Result<Option<PermohonanPejabat>, InfraError> {
        Ok(self.data().permohonan.get(&id).cloned())
    }
    async fn permohonan_terbuka(&self, email: &str) -> Result<Option<PermohonanId>, InfraError> {
        Ok(self
            .data()
            .permohonan
            .values()
            .find(|p| p.data.email.as_ref() == email && p.status != StatusPermohonan::Disetujui)
            .map(|p| p.id))
    }
    async fn antrian_permohonan(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanPejabat>, u64), InfraError> {
        let mut v: Vec<_> = self
            .data()
            .permohonan
            .into_values()
            .filter(|p| p.status == StatusPermohonan::Diajukan)
            .collect();
        v.sort_by_key(|p| (p.masuk_antrian_pada, p.id.to_string()));
        Ok(jendela(v, j, |p| (p.masuk_antrian_pada, p.id.to_string())))
    }
    async fn token_aktivasi(&self, hash: &str) -> Result<Option<TokenAktivasi>, InfraError> {
        Ok(self.data().token.get(hash).cloned())
    }
    async fn token_akun(&self, akun: AkunId) -> Result<Vec<TokenAktivasi>, InfraError> {
        Ok(self
            .data()
            .token
            .into_values()
            .filter(|t| t.akun_id == akun)
            .collect())
    }
    async fn unit_instansi(&self, i: InstansiId) -> Result<Vec<UnitOrganisasi>, InfraError> {
        Ok(self
            .data()
            .unit
            .into_values()
            .filter(|u| u.instansi_id == i)
            .collect())
    }
    async fn unit(&self, id: pse_kernel::UnitId) -> Result<Option<UnitOrganisasi>, InfraError> {
        Ok(self.data().unit.get(&id).cloned())
    }
    async fn jumlah_sistem_unit(&self, id: pse_kernel::UnitId) -> Result<u64, InfraError> {
        Ok(self.data().sistem_unit.get(&id).copied().unwrap_or(0))
    }
    async fn sub_pejabat_instansi(&self, i: InstansiId) -> Result<Vec<SubPejabat>, InfraError> {
        Ok(self
            .data()
            .sub
            .into_values()
            .filter(|s| s.instansi_id == i)
            .collect())
    }
    async fn sub_pejabat(
        &self,
        id: pse_kernel::SubPejabatId,
    ) -> Result<Option<SubPejabat>, InfraError> {
        Ok(self.data().sub.get(&id).cloned())
    }
    async fn sub_pejabat_dengan_email(&self, email: &str) -> Result<Vec<SubPejabat>, InfraError> {
        Ok(self
            .data()
            .sub
            .into_values()
            .filter(|s| s.data.email.as_ref() == email)
            .collect())
    }
    async fn antrian_sub_pejabat(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SubPejabat>, u64), InfraError> {
        let mut v: Vec<_> = self
            .data()
            .sub
            .into_values()
            .filter(|s| s.status == StatusSubPejabat::TidakAktif)
            .collect();
        v.sort_by_key(|s| (s.masuk_antrian_pada, s.id.to_string()));
        Ok(jendela(v, j, |s| (s.masuk_antrian_pada, s.id.to_string())))
    }
}

#[async_trait::async_trait]
impl AuditLog for FakeRepo {
    async fn daftar(
        &self,
        subjek: Option<&str>,
        page: u64,
    ) -> Result<Halaman<AuditEvent>, InfraError> {
        let items: Vec<_> = self
            .data()
            .audit
            .into_iter()
            .rev()
            .filter(|e| subjek.is_none_or(|s| e.subjek_id == s))
            .collect();
        Ok(Halaman {
            total: items.len() as u64,
            items,
            page: Some(page),
            berikutnya: None,
        })
    }

    /// Every queued email, newest first, as never attempted.
    async fn surel_tertunda(&self) -> Result<Vec<PesanTertunda>, InfraError> {
        Ok(self
            .data()
            .email
            .into_iter()
            .rev()
            .map(|e| PesanTertunda {
                kepada: e.kepada,
                template: e.template,
                status: "menunggu".into(),
                percobaan: 0,
                galat_terakhir: None,
                dibuat_pada: DateTime::<Utc>::default(),
            })
            .collect())
    }
}

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
    pub repo: FakeRepo,
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
    let repo = FakeRepo::default();
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
    {
        let mut d = repo.0.lock().unwrap();
        d.wilayah = vec![
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
        ];
        d.instansi.insert(tarakan.id(), tarakan);
        d.instansi.insert(kominfo.id(), kominfo);
    }
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
        .data()
        .email
        .into_iter()
        .rev()
        .find(|e| e.kepada == kepada && e.template == template)
}

/// The window `j` of a queue already in its order, and the queue's length.
fn jendela<T>(
    v: Vec<T>,
    j: &JendelaAntrian,
    kunci: impl Fn(&T) -> (chrono::DateTime<chrono::Utc>, String),
) -> (Vec<T>, u64) {
    let v: Vec<T> = v.into_iter().filter(|x| j.dihitung(kunci(x).0)).collect();
    let total = v.len() as u64;
    let daftar = v
        .into_iter()
        .filter(|x| {
            let (t, id) = kunci(x);
            j.sesudah(t, &id)
        })
        .take(usize::try_from(j.batas).unwrap_or(usize::MAX))
        .collect();
    (daftar, total)
}
