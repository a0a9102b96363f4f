//! The registration ports ([`RegistrasiRepo`], its [`UnitKerja`], [`AuditLog`]) in memory, with
//! the real store's semantics: a unit of work stages its writes and applies them at `commit` only
//! if every version still matches and every unique rule still holds, so two units of work that
//! raced each other cannot both win; an uncommitted one leaves nothing.

use crate::{StoreMemori, jendela};
use chrono::{DateTime, Utc};
use pse_kernel::{
    AkunId, AuditEvent, AuditLog, GagalSimpan, Halaman, InfraError, InstansiId, JendelaAntrian,
    Peran, PermohonanId, PesanEmail, PesanTertunda, SubPejabatId, UnitId,
};
use registrasi_pejabat::model::{
    Akun, Instansi, KunciMasuk, PercobaanMasuk, PermohonanPejabat, StatusAkun, StatusPermohonan,
    StatusSubPejabat, SubPejabat, TokenAktivasi, UnitOrganisasi, Wilayah,
};
use registrasi_pejabat::ports::{RegistrasiRepo, UnitKerja};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Everything the registration holds.
#[derive(Debug, Clone, Default)]
pub struct DataRegistrasi {
    pub wilayah: Vec<Wilayah>,
    pub instansi: HashMap<InstansiId, Instansi>,
    pub akun: HashMap<AkunId, Akun>,
    pub permohonan: HashMap<PermohonanId, PermohonanPejabat>,
    /// Activation and reset tokens by hash.
    pub token: HashMap<String, TokenAktivasi>,
    pub audit: Vec<AuditEvent>,
    /// Emails written by committed units of work, in order.
    pub email: Vec<PesanEmail>,
    /// Accounts whose sessions were ended, in order.
    pub sesi_diakhiri: Vec<AkunId>,
    pub unit: HashMap<UnitId, UnitOrganisasi>,
    pub sub: HashMap<SubPejabatId, SubPejabat>,
    /// Failed logins per (email, address) pair.
    pub percobaan: HashMap<String, PercobaanMasuk>,
    /// Survey invitations of decided applications, in order.
    pub survei: Vec<pse_kernel::UndanganSurvei>,
}

/// The registration store in memory; clones share the same state. Units count the systems of the
/// [`StoreMemori`] it was made with ([`RegistrasiMemori::dengan_sistem`]).
#[derive(Debug, Clone, Default)]
pub struct RegistrasiMemori {
    data: Arc<Mutex<DataRegistrasi>>,
    sistem: StoreMemori,
}

impl RegistrasiMemori {
    /// An empty store, with no systems.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store whose units count the systems of `sistem`.
    pub fn dengan_sistem(sistem: StoreMemori) -> Self {
        Self {
            data: Arc::default(),
            sistem,
        }
    }

    /// Adds a province or regency/city (the reference data the portal loads at start-up).
    pub fn tambah_wilayah(&self, w: Wilayah) {
        self.kunci().wilayah.push(w);
    }

    /// Adds an instansi (the reference data the portal loads at start-up).
    pub fn tambah_instansi(&self, i: Instansi) {
        self.kunci().instansi.insert(i.id(), i);
    }

    /// A copy of everything held.
    pub fn salinan(&self) -> DataRegistrasi {
        self.kunci().clone()
    }

    fn kunci(&self) -> MutexGuard<'_, DataRegistrasi> {
        // Writes are applied in one step at commit: a panic elsewhere cannot leave half of one.
        self.data
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// One staged write, applied again to the current state at commit.
type Tulis = Box<dyn Fn(&mut DataRegistrasi, &StoreMemori) -> Result<(), GagalSimpan> + Send>;

struct UnitKerjaMemori {
    asal: RegistrasiMemori,
    /// What this unit of work sees: the state at its start with its own writes.
    lihat: DataRegistrasi,
    tulis: Vec<Tulis>,
    /// Survey invitations, which the survey's port reads from the systems' store once committed.
    survei: Vec<pse_kernel::UndanganSurvei>,
}

impl UnitKerjaMemori {
    /// Applies `w` to this unit's view now (so a conflict shows at the call, as a database's
    /// statement fails at once) and keeps it for commit.
    fn tulis(
        &mut self,
        w: impl Fn(&mut DataRegistrasi, &StoreMemori) -> Result<(), GagalSimpan> + Send + 'static,
    ) -> Result<(), GagalSimpan> {
        w(&mut self.lihat, &self.asal.sistem)?;
        self.tulis.push(Box::new(w));
        Ok(())
    }
}

/// The next version of a row stored at `tersimpan` that is saved with `versi`: 1 for a new row
/// (`versi` 0), else `versi + 1` if nobody saved it since it was read.
fn naik(tersimpan: Option<i64>, versi: i64) -> Result<i64, GagalSimpan> {
    match (tersimpan, versi) {
        (None, 0) => Ok(1),
        (Some(v), w) if v == w && w > 0 => Ok(v + 1),
        _ => Err(GagalSimpan::VersiBasi),
    }
}

#[async_trait::async_trait]
impl UnitKerja for UnitKerjaMemori {
    async fn simpan_permohonan(&mut self, p: &PermohonanPejabat) -> Result<(), GagalSimpan> {
        let p = p.clone();
        self.tulis(move |d, _| {
            let mut r = (*p).clone();
            r.versi = naik(d.permohonan.get(&p.id).map(|x| x.versi), p.versi)?;
            d.permohonan.insert(p.id, PermohonanPejabat::pulihkan(r));
            Ok(())
        })
    }

    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan> {
        let a = a.clone();
        self.tulis(move |d, _| {
            if d.akun.values().any(|x| x.email == a.email && x.id != a.id) {
                return Err(GagalSimpan::Duplikat("akun_email".into()));
            }
            // R-PEJ-12: one active (or activating) Pejabat Pendaftar per instansi.
            let pejabat =
                |x: &Akun| x.peran == Peran::PejabatPendaftar && x.status != StatusAkun::Nonaktif;
            if pejabat(&a)
                && d.akun
                    .values()
                    .any(|x| pejabat(x) && x.instansi_id == a.instansi_id && x.id != a.id)
            {
                return Err(GagalSimpan::Duplikat(
                    "akun_satu_pejabat_per_instansi".into(),
                ));
            }
            let mut r = (*a).clone();
            r.versi = naik(d.akun.get(&a.id).map(|x| x.versi), a.versi)?;
            d.akun.insert(a.id, Akun::pulihkan(r));
            Ok(())
        })
    }

    async fn simpan_instansi(&mut self, i: &Instansi) -> Result<(), GagalSimpan> {
        let i = i.clone();
        self.tulis(move |d, _| {
            if d.instansi.contains_key(&i.id()) {
                return Err(GagalSimpan::Duplikat("instansi_pkey".into()));
            }
            d.instansi.insert(i.id(), i.clone());
            Ok(())
        })
    }

    async fn simpan_unit(&mut self, u: &UnitOrganisasi) -> Result<(), GagalSimpan> {
        let u = u.clone();
        self.tulis(move |d, _| {
            let mut r = (*u).clone();
            r.versi = naik(d.unit.get(&u.id).map(|x| x.versi), u.versi)?;
            d.unit.insert(u.id, UnitOrganisasi::pulihkan(r));
            Ok(())
        })
    }

    async fn hapus_unit(&mut self, id: UnitId) -> Result<(), GagalSimpan> {
        self.tulis(move |d, sistem| {
            if sistem.jumlah_sistem_unit(id) > 0 || d.unit.remove(&id).is_none() {
                return Err(GagalSimpan::VersiBasi);
            }
            Ok(())
        })
    }

    async fn simpan_sub_pejabat(&mut self, s: &SubPejabat) -> Result<(), GagalSimpan> {
        let s = s.clone();
        self.tulis(move |d, _| {
            let mut r = (*s).clone();
            r.versi = naik(d.sub.get(&s.id).map(|x| x.versi), s.versi)?;
            d.sub.insert(s.id, SubPejabat::pulihkan(r));
            Ok(())
        })
    }

    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan> {
        let t = t.clone();
        self.tulis(move |d, _| {
            d.token.insert(t.hash.clone(), t.clone());
            Ok(())
        })
    }

    async fn akhiri_sesi(&mut self, akun: AkunId) -> Result<(), GagalSimpan> {
        self.tulis(move |d, _| {
            d.sesi_diakhiri.push(akun);
            Ok(())
        })
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        let e = e.clone();
        self.tulis(move |d, _| {
            d.audit.push(e.clone());
            Ok(())
        })
    }

    async fn undang_survei(&mut self, u: &pse_kernel::UndanganSurvei) -> Result<(), GagalSimpan> {
        self.survei.push(u.clone());
        let u = u.clone();
        self.tulis(move |d, _| {
            d.survei.push(u.clone());
            Ok(())
        })
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        let p = p.clone();
        self.tulis(move |d, _| {
            d.email.push(p.clone());
            Ok(())
        })
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        let mut kini = self.asal.kunci();
        let mut baru = kini.clone();
        for w in &self.tulis {
            w(&mut baru, &self.asal.sistem)?;
        }
        *kini = baru;
        let mut isi = self.asal.sistem.isi();
        for u in self.survei {
            isi.survei.insert(u.hash_token.clone(), (u, None));
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl RegistrasiRepo for RegistrasiMemori {
    async fn mulai(&self) -> Result<Box<dyn UnitKerja>, InfraError> {
        Ok(Box::new(UnitKerjaMemori {
            asal: self.clone(),
            lihat: self.salinan(),
            tulis: Vec::new(),
            survei: Vec::new(),
        }))
    }

    async fn wilayah(&self, kode: &str) -> Result<Option<Wilayah>, InfraError> {
        Ok(self
            .kunci()
            .wilayah
            .iter()
            .find(|w| w.kode == kode)
            .cloned())
    }

    async fn instansi(&self, id: InstansiId) -> Result<Option<Instansi>, InfraError> {
        Ok(self.kunci().instansi.get(&id).cloned())
    }

    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        let isi = self.kunci();
        Ok(ids
            .iter()
            .filter_map(|id| isi.instansi.get(id).map(|i| (*id, i.rekam().nama.clone())))
            .collect())
    }

    async fn instansi_bernama(&self, kunci: &str) -> Result<Option<Instansi>, InfraError> {
        Ok(self
            .kunci()
            .instansi
            .values()
            .find(|i| i.rekam().terverifikasi && Instansi::kunci_nama(&i.rekam().nama) == kunci)
            .cloned())
    }

    async fn pejabat_aktif(&self, instansi: InstansiId) -> Result<Option<Akun>, InfraError> {
        Ok(self
            .kunci()
            .akun
            .values()
            .find(|a| {
                a.instansi_id == Some(instansi)
                    && a.peran == Peran::PejabatPendaftar
                    && a.status != StatusAkun::Nonaktif
            })
            .cloned())
    }

    async fn akun(&self, id: AkunId) -> Result<Option<Akun>, InfraError> {
        Ok(self.kunci().akun.get(&id).cloned())
    }

    async fn daftar_akun(
        &self,
        j: &pse_kernel::JendelaAntrian,
    ) -> Result<(Vec<Akun>, u64), InfraError> {
        let mut v: Vec<Akun> = self.kunci().akun.values().cloned().collect();
        v.sort_by_key(|a| (a.dibuat_pada, a.id.to_string()));
        Ok(crate::jendela(v, j, |a| (a.dibuat_pada, a.id.to_string())))
    }

    async fn akun_petugas(&self, instansi: InstansiId) -> Result<Vec<Akun>, InfraError> {
        let mut v: Vec<Akun> = self
            .kunci()
            .akun
            .values()
            .filter(|a| a.peran == Peran::PetugasLayanan && a.instansi_id == Some(instansi))
            .cloned()
            .collect();
        v.sort_by(|a, b| a.nama.cmp(&b.nama));
        Ok(v)
    }

    async fn akun_dengan_email(&self, email: &str) -> Result<Option<Akun>, InfraError> {
        Ok(self
            .kunci()
            .akun
            .values()
            .find(|a| a.email.as_ref() == email)
            .cloned())
    }

    async fn percobaan_masuk(
        &self,
        kunci: &KunciMasuk,
    ) -> Result<Option<PercobaanMasuk>, InfraError> {
        Ok(self.kunci().percobaan.get(kunci.as_ref()).copied())
    }

    async fn tambah_gagal_masuk(
        &self,
        kunci: &KunciMasuk,
        now: DateTime<Utc>,
        lupa_sebelum: DateTime<Utc>,
    ) -> Result<PercobaanMasuk, InfraError> {
        let mut d = self.kunci();
        d.percobaan.retain(|_, p| p.terakhir >= lupa_sebelum);
        let p = d
            .percobaan
            .entry(kunci.as_ref().to_string())
            .or_insert(PercobaanMasuk {
                gagal: 0,
                terakhir: now,
            });
        p.gagal += 1;
        p.terakhir = now;
        Ok(*p)
    }

    async fn hapus_gagal_masuk(&self, kunci: &KunciMasuk) -> Result<(), InfraError> {
        self.kunci().percobaan.remove(kunci.as_ref());
        Ok(())
    }

    async fn permohonan(&self, id: PermohonanId) -> Result<Option<PermohonanPejabat>, InfraError> {
        Ok(self.kunci().permohonan.get(&id).cloned())
    }

    async fn permohonan_terbuka(&self, email: &str) -> Result<Option<PermohonanId>, InfraError> {
        Ok(self
            .kunci()
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
            .kunci()
            .permohonan
            .values()
            .filter(|p| p.status == StatusPermohonan::Diajukan)
            .cloned()
            .collect();
        v.sort_by_key(|p| (p.masuk_antrian_pada, p.id.to_string()));
        Ok(jendela(v, j, |p| (p.masuk_antrian_pada, p.id.to_string())))
    }

    async fn token_aktivasi(&self, hash: &str) -> Result<Option<TokenAktivasi>, InfraError> {
        Ok(self.kunci().token.get(hash).cloned())
    }

    async fn token_akun(&self, akun: AkunId) -> Result<Vec<TokenAktivasi>, InfraError> {
        Ok(self
            .kunci()
            .token
            .values()
            .filter(|t| t.akun_id == akun)
            .cloned()
            .collect())
    }

    async fn unit_instansi(&self, i: InstansiId) -> Result<Vec<UnitOrganisasi>, InfraError> {
        Ok(self
            .kunci()
            .unit
            .values()
            .filter(|u| u.instansi_id == i)
            .cloned()
            .collect())
    }

    async fn unit(&self, id: UnitId) -> Result<Option<UnitOrganisasi>, InfraError> {
        Ok(self.kunci().unit.get(&id).cloned())
    }

    async fn jumlah_sistem_unit(&self, id: UnitId) -> Result<u64, InfraError> {
        Ok(self.sistem.jumlah_sistem_unit(id))
    }

    async fn sub_pejabat_instansi(&self, i: InstansiId) -> Result<Vec<SubPejabat>, InfraError> {
        Ok(self
            .kunci()
            .sub
            .values()
            .filter(|s| s.instansi_id == i)
            .cloned()
            .collect())
    }

    async fn sub_pejabat(&self, id: SubPejabatId) -> Result<Option<SubPejabat>, InfraError> {
        Ok(self.kunci().sub.get(&id).cloned())
    }

    async fn sub_pejabat_dengan_email(&self, email: &str) -> Result<Vec<SubPejabat>, InfraError> {
        Ok(self
            .kunci()
            .sub
            .values()
            .filter(|s| s.data.email.as_ref() == email)
            .cloned()
            .collect())
    }

    async fn antrian_sub_pejabat(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SubPejabat>, u64), InfraError> {
        let mut v: Vec<_> = self
            .kunci()
            .sub
            .values()
            .filter(|s| s.status == StatusSubPejabat::TidakAktif)
            .cloned()
            .collect();
        v.sort_by_key(|s| (s.masuk_antrian_pada, s.id.to_string()));
        Ok(jendela(v, j, |s| (s.masuk_antrian_pada, s.id.to_string())))
    }
}

#[async_trait::async_trait]
impl AuditLog for RegistrasiMemori {
    async fn daftar(
        &self,
        subjek: Option<&str>,
        page: u64,
    ) -> Result<Halaman<AuditEvent>, InfraError> {
        let items: Vec<_> = self
            .kunci()
            .audit
            .iter()
            .rev()
            .filter(|e| subjek.is_none_or(|s| e.subjek_id == s))
            .cloned()
            .collect();
        Ok(Halaman {
            total: items.len() as u64,
            items,
            page: Some(page),
            berikutnya: None,
        })
    }

    /// Every queued email, newest first, as never attempted (nothing sends them in memory).
    async fn surel_tertunda(&self) -> Result<Vec<PesanTertunda>, InfraError> {
        Ok(self
            .kunci()
            .email
            .iter()
            .rev()
            .map(|e| PesanTertunda {
                kepada: e.kepada.clone(),
                template: e.template.clone(),
                status: "menunggu".into(),
                percobaan: 0,
                galat_terakhir: None,
                dibuat_pada: DateTime::<Utc>::default(),
            })
            .collect())
    }
}
