//! The domain's ports in memory (registration, electronic systems, reports, the desk's history,
//! documents): one `Mutex`-guarded state per service, and a unit of work
//! that stages its writes and applies them at `commit` only if every version still matches, so a
//! tool can embed `sistem-elektronik` and `laporan` without a database and get the same
//! semantics as the real store (version conflicts, one Tanda Daftar number per system, the
//! public registry's and the queue's order).

mod daerah;
mod pengaduan;
mod perubahan;
mod registrasi;
mod sep;
mod survei;

pub use registrasi::{DataRegistrasi, RegistrasiMemori};
pub use survei::Dijawab;

use laporan::model::{FilterLaporan, KonfigurasiLaporan, SistemLaporan};
use laporan::ports::LaporanRepo;
use pse_kernel::{
    AkunId, AuditEvent, DokumenStore, GagalSimpan, InfraError, InstansiId, JendelaAntrian,
    JenisAntrian, KeputusanTercatat, Kursor, LaporanId, Lingkup, Paging, PerubahanId, PesanEmail,
    RiwayatKeputusan, SistemId, Surel, UnitId,
};
use sistem_elektronik::model::{SistemElektronik, StatusSistem};
use sistem_elektronik::ports::{
    CariPublik, RingkasanPublik, RingkasanSistem, SistemAntrian, SistemBernama, SistemRepo,
    UnitKerjaSe,
};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

/// An instansi as the store names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstansiMemori {
    pub nama: String,
    /// Its province: Kemendagri code (what filters name) and name (what people read).
    pub provinsi: Option<(String, String)>,
    /// Its units: id and name.
    pub unit: Vec<(UnitId, String)>,
    /// Whether it is a Pemerintah Provinsi, Kabupaten or Kota.
    pub pemda: bool,
    /// Its office hours.
    pub jam_kerja: pse_kernel::JamKerja,
}

impl InstansiMemori {
    /// An instansi named `nama` in the province `(kode, nama)`, if any, without units.
    pub fn baru(nama: &str, provinsi: Option<(&str, &str)>) -> Self {
        Self {
            nama: nama.into(),
            provinsi: provinsi.map(|(k, n)| (k.into(), n.into())),
            unit: Vec::new(),
            pemda: false,
            jam_kerja: pse_kernel::JamKerja::default(),
        }
    }

    /// The same instansi as a pemda (provinsi, kabupaten or kota) with units `unit`.
    pub fn pemda(self, unit: &[(UnitId, &str)]) -> Self {
        Self {
            pemda: true,
            unit: unit.iter().map(|(id, n)| (*id, (*n).to_string())).collect(),
            ..self
        }
    }
}

/// Everything the store holds.
#[derive(Debug, Clone, Default)]
pub struct Isi {
    pub sistem: BTreeMap<SistemId, SistemElektronik>,
    pub instansi: HashMap<InstansiId, InstansiMemori>,
    /// Accounts the emails go to: email and name.
    pub akun: HashMap<AkunId, (String, String)>,
    pub laporan: BTreeMap<LaporanId, KonfigurasiLaporan>,
    pub audit: Vec<AuditEvent>,
    /// Emails written by committed units of work, in order.
    pub surel: Vec<PesanEmail>,
    pub dokumen: HashMap<String, Vec<u8>>,
    /// The verification desk's decisions, in order.
    pub keputusan: Vec<KeputusanTercatat>,
    /// Change requests of registered systems.
    pub perubahan: BTreeMap<PerubahanId, perubahan_data::model::PermohonanPerubahan>,
    /// Complaints (Isu dan Keluhan).
    pub pengaduan: BTreeMap<pse_kernel::PengaduanId, layanan::pengaduan::Pengaduan>,
    /// A pemda's one-door requests.
    pub permohonan_daerah:
        BTreeMap<pse_kernel::PermohonanDaerahId, permohonan_daerah::PermohonanDaerah>,
    /// The petugas layanan of the pemda, by account.
    pub petugas: HashMap<AkunId, permohonan_daerah::Petugas>,
    /// The office applications, with the hash of each one's sync token.
    pub sep_aplikasi: BTreeMap<
        pse_kernel::AplikasiId,
        (
            aplikasi_perkantoran::katalog::AplikasiPerkantoran,
            Option<String>,
        ),
    >,
    /// Requests to use them.
    pub sep_permohonan:
        BTreeMap<pse_kernel::PermohonanSepId, aplikasi_perkantoran::permohonan::PermohonanSep>,
    /// Their users, with when each one's state last changed.
    pub sep_pengguna: BTreeMap<
        pse_kernel::PenggunaSepId,
        (
            aplikasi_perkantoran::pengguna::PenggunaSep,
            chrono::DateTime<chrono::Utc>,
        ),
    >,
    /// Misuse cases.
    pub sep_kasus: BTreeMap<
        pse_kernel::PenyalahgunaanId,
        aplikasi_perkantoran::penyalahgunaan::Penyalahgunaan,
    >,
    /// Portal accounts made for Admin Pengelola, and their activation links.
    pub sep_akun: Vec<(
        registrasi_pejabat::model::Akun,
        Option<registrasi_pejabat::model::TokenAktivasi>,
    )>,
    /// The active admins (name and email) the Direktorat's reminders go to.
    pub admin: Vec<(String, String)>,
    /// Scheduled jobs claimed, until when.
    pub jadwal: HashMap<String, chrono::DateTime<chrono::Utc>>,
    /// Survey invitations by their token's hash, with the answer once given.
    pub survei: BTreeMap<String, (pse_kernel::UndanganSurvei, Option<Dijawab>)>,
}

/// The in-memory store; clones share the same state.
#[derive(Debug, Clone, Default)]
pub struct StoreMemori(Arc<Mutex<Isi>>);

impl StoreMemori {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an instansi (the registration service owns them in the portal).
    pub fn tambah_instansi(&self, id: InstansiId, i: InstansiMemori) {
        self.isi().instansi.insert(id, i);
    }

    /// Adds an active petugas layanan (and the account its emails reach).
    pub fn tambah_petugas(&self, p: permohonan_daerah::Petugas) {
        let mut isi = self.isi();
        isi.akun
            .insert(p.akun_id, (p.email.clone(), p.nama.clone()));
        isi.petugas.insert(p.akun_id, p);
    }

    /// Adds an account the emails can reach.
    pub fn tambah_akun(&self, id: AkunId, email: &str, nama: &str) {
        self.isi().akun.insert(id, (email.into(), nama.into()));
    }

    /// Adds an active admin (the Direktorat's reminders go to it).
    pub fn tambah_admin(&self, nama: &str, email: &str) {
        self.isi().admin.push((nama.into(), email.into()));
    }

    /// How many systems are registered under a unit (what keeps a unit from being deleted).
    pub fn jumlah_sistem_unit(&self, unit: UnitId) -> u64 {
        self.isi()
            .sistem
            .values()
            .filter(|s| s.unit_id == Some(unit))
            .count() as u64
    }

    /// The names of the instansi `ids` held.
    pub(crate) fn nama_instansi_banyak(&self, ids: &[InstansiId]) -> HashMap<InstansiId, String> {
        let isi = self.isi();
        ids.iter()
            .filter_map(|id| isi.instansi.get(id).map(|i| (*id, i.nama.clone())))
            .collect()
    }

    /// A copy of everything held.
    pub fn salinan(&self) -> Isi {
        self.isi().clone()
    }

    fn isi(&self) -> MutexGuard<'_, Isi> {
        // A panic while the lock was held cannot leave half a unit of work: writes are applied
        // in one step at commit.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn bernama(isi: &Isi, s: &SistemElektronik) -> SistemBernama {
        let i = isi.instansi.get(&s.instansi_id);
        SistemBernama {
            sistem: s.clone(),
            instansi: i.map(|i| i.nama.clone()).unwrap_or_default(),
            provinsi: i.and_then(|i| i.provinsi.as_ref().map(|(_, n)| n.clone())),
        }
    }

    fn kode_provinsi(isi: &Isi, s: &SistemElektronik) -> Option<String> {
        isi.instansi
            .get(&s.instansi_id)
            .and_then(|i| i.provinsi.as_ref().map(|(k, _)| k.clone()))
    }
}

/// The window `j` of a queue already in its order, and the queue's length.
pub(crate) fn jendela<T>(
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

/// A page of `v` (already in its order): the items `sesudah` the cursor when there is one (compared
/// by key, as a database compares rows, so a cursor whose item is gone still pages on), else by
/// number; with the total.
fn halaman<T>(v: Vec<T>, paging: &Paging, sesudah: impl Fn(&T, &Kursor) -> bool) -> (Vec<T>, u64) {
    let total = v.len() as u64;
    let baris = usize::try_from(paging.baca_baris()).unwrap_or(usize::MAX);
    let lewati = usize::try_from(paging.lewati()).unwrap_or(usize::MAX);
    let sisa: Vec<T> = match paging.setelah() {
        Some(k) => v
            .into_iter()
            .filter(|x| sesudah(x, k))
            .take(baris)
            .collect(),
        None => v.into_iter().skip(lewati).take(baris).collect(),
    };
    (sisa, total)
}

#[async_trait::async_trait]
impl SistemRepo for StoreMemori {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSe>, InfraError> {
        Ok(Box::new(UnitKerjaMemori::baru(self.clone())))
    }

    async fn status_notifikasi_bssn(
        &self,
        nomor: u64,
    ) -> Result<Option<pse_kernel::StatusKirim>, InfraError> {
        // Nothing is ever sent from memory: a queued notice stays waiting.
        Ok(self
            .isi()
            .surel
            .iter()
            .any(|e| e.template == Surel::NotifikasiBssn.kode() && e.data["nomor"] == nomor)
            .then_some(pse_kernel::StatusKirim::Menunggu))
    }

    async fn sistem(&self, id: SistemId) -> Result<Option<SistemElektronik>, InfraError> {
        Ok(self.isi().sistem.get(&id).cloned())
    }

    async fn sistem_instansi(
        &self,
        instansi: InstansiId,
        unit: Option<UnitId>,
    ) -> Result<Vec<SistemElektronik>, InfraError> {
        Ok(self
            .isi()
            .sistem
            .values()
            .filter(|s| s.instansi_id == instansi && unit.is_none_or(|u| s.unit_id == Some(u)))
            .cloned()
            .collect())
    }

    async fn halaman_instansi(
        &self,
        instansi: InstansiId,
        unit: Option<UnitId>,
        paging: &Paging,
    ) -> Result<(Vec<RingkasanSistem>, u64), InfraError> {
        let mut v: Vec<RingkasanSistem> = self
            .sistem_instansi(instansi, unit)
            .await?
            .iter()
            .map(RingkasanSistem::from)
            .collect();
        v.sort_by_key(|x| std::cmp::Reverse((x.dibuat_pada, x.id.to_string())));
        let waktu = match paging.setelah() {
            Some(k) => Some(
                chrono::DateTime::parse_from_rfc3339(&k.kunci)
                    .map_err(InfraError::new)?
                    .with_timezone(&chrono::Utc),
            ),
            None => None,
        };
        // Newest first: what follows the cursor is older.
        Ok(halaman(v, paging, |x, k| {
            waktu.is_some_and(|t| (x.dibuat_pada, x.id.to_string()) < (t, k.id.clone()))
        }))
    }

    async fn hitung_status(
        &self,
        instansi: Option<InstansiId>,
        unit: Option<UnitId>,
    ) -> Result<Vec<(StatusSistem, u64)>, InfraError> {
        let semua: Vec<SistemElektronik> = match instansi {
            Some(i) => self.sistem_instansi(i, unit).await?,
            None => self.isi().sistem.values().cloned().collect(),
        };
        Ok(StatusSistem::SEMUA
            .into_iter()
            .map(|st| (st, semua.iter().filter(|s| s.status == st).count() as u64))
            .filter(|(_, n)| *n > 0)
            .collect())
    }

    async fn antrian(
        &self,
        status: StatusSistem,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SistemAntrian>, u64), InfraError> {
        let isi = self.isi();
        let mut v: Vec<&SistemElektronik> = isi
            .sistem
            .values()
            .filter(|s| s.status == status && j.dihitung(s.masuk_antrian_pada))
            .collect();
        v.sort_by(|a, b| {
            (a.masuk_antrian_pada, a.id.to_string()).cmp(&(b.masuk_antrian_pada, b.id.to_string()))
        });
        let total = v.len() as u64;
        let items = v
            .into_iter()
            .filter(|s| j.sesudah(s.masuk_antrian_pada, &s.id.to_string()))
            .take(usize::try_from(j.batas).unwrap_or(usize::MAX))
            .map(|s| SistemAntrian {
                id: s.id,
                status: s.status,
                nama_eksternal: s.data_awal.nama_eksternal.clone(),
                url: s.data_awal.url.as_ref().map(|u| u.as_ref().to_string()),
                instansi: Self::bernama(&isi, s).instansi,
                masuk_antrian_pada: s.masuk_antrian_pada,
            })
            .collect();
        Ok((items, total))
    }

    async fn cari_publik(&self, c: &CariPublik) -> Result<(Vec<RingkasanPublik>, u64), InfraError> {
        let isi = self.isi();
        let kata = c.q.trim().to_lowercase();
        let mut v: Vec<RingkasanPublik> = isi
            .sistem
            .values()
            .filter(|s| s.publik())
            .filter(|s| c.instansi.is_none_or(|i| s.instansi_id == i))
            .filter(|s| {
                c.kategori
                    .as_deref()
                    .is_none_or(|k| s.kategori_berlaku().kode() == k)
            })
            .filter(|s| c.provinsi.is_none() || Self::kode_provinsi(&isi, s) == c.provinsi)
            .map(|s| Self::bernama(&isi, s))
            .filter(|x| {
                let d = &x.sistem.data_awal;
                format!("{} {}", d.nama_eksternal, d.nama_internal)
                    .to_lowercase()
                    .contains(&kata)
            })
            .map(|x| RingkasanPublik::from(&x))
            .collect();
        v.sort_by(|a, b| {
            (&a.nama_eksternal, a.id.to_string()).cmp(&(&b.nama_eksternal, b.id.to_string()))
        });
        Ok(halaman(v, &c.paging, |x, k| {
            (x.nama_eksternal.as_str(), x.id.to_string().as_str())
                > (k.kunci.as_str(), k.id.as_str())
        }))
    }

    async fn dengan_tanda_daftar(&self, nomor: u64) -> Result<Option<SistemBernama>, InfraError> {
        let isi = self.isi();
        Ok(isi
            .sistem
            .values()
            .find(|s| s.tanda_daftar.as_ref().is_some_and(|t| t.nomor == nomor))
            .map(|s| Self::bernama(&isi, s)))
    }

    async fn unit_milik(&self, instansi: InstansiId, unit: UnitId) -> Result<bool, InfraError> {
        Ok(self
            .isi()
            .instansi
            .get(&instansi)
            .is_some_and(|i| i.unit.iter().any(|(u, _)| *u == unit)))
    }

    async fn kontak_akun(&self, akun: AkunId) -> Result<Option<(String, String)>, InfraError> {
        Ok(self.isi().akun.get(&akun).cloned())
    }

    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        Ok(self.nama_instansi_banyak(ids))
    }
}

/// The highest Tanda Daftar number issued, 0 before the first.
fn nomor_tertinggi(isi: &Isi) -> u64 {
    isi.sistem
        .values()
        .filter_map(|s| s.tanda_daftar.as_ref().map(|t| t.nomor))
        .max()
        .unwrap_or(0)
}

/// Writes staged until `commit` (of systems, and of the change requests that move them).
struct UnitKerjaMemori {
    store: StoreMemori,
    sistem: Vec<SistemElektronik>,
    perubahan: Vec<perubahan_data::model::PermohonanPerubahan>,
    pengaduan: Vec<layanan::pengaduan::Pengaduan>,
    daerah: Vec<permohonan_daerah::PermohonanDaerah>,
    sep: sep::Tahap,
    survei: Vec<pse_kernel::UndanganSurvei>,
    audit: Vec<AuditEvent>,
    surel: Vec<PesanEmail>,
}

#[async_trait::async_trait]
impl UnitKerjaSe for UnitKerjaMemori {
    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        self.sistem.push(s.clone());
        Ok(())
    }

    async fn nomor_tanda_daftar_berikutnya(&mut self) -> Result<u64, GagalSimpan> {
        Ok(nomor_tertinggi(&self.store.isi()) + 1)
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit.push(e.clone());
        Ok(())
    }

    async fn undang_survei(&mut self, u: &pse_kernel::UndanganSurvei) -> Result<(), GagalSimpan> {
        self.survei.push(u.clone());
        Ok(())
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.surel.push(p.clone());
        Ok(())
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.terapkan()
    }
}

impl UnitKerjaMemori {
    fn baru(store: StoreMemori) -> Self {
        Self {
            store,
            sistem: Vec::new(),
            perubahan: Vec::new(),
            pengaduan: Vec::new(),
            daerah: Vec::new(),
            sep: sep::Tahap::default(),
            survei: Vec::new(),
            audit: Vec::new(),
            surel: Vec::new(),
        }
    }

    /// Applies everything at once, or nothing: a system or request changed since it was read is
    /// a conflict; a Tanda Daftar number another system holds, or a second open request for one
    /// system, breaks a unique rule.
    fn terapkan(self) -> Result<(), GagalSimpan> {
        let mut isi = self.store.isi();
        for s in &self.sistem {
            let sekarang = isi.sistem.get(&s.id).map_or(0, |x| x.versi);
            if sekarang != s.versi {
                return Err(GagalSimpan::VersiBasi);
            }
            if let Some(t) = &s.tanda_daftar
                && isi.sistem.values().any(|x| {
                    x.id != s.id && x.tanda_daftar.as_ref().is_some_and(|u| u.nomor == t.nomor)
                })
            {
                return Err(GagalSimpan::Duplikat("sistem_nomor_tanda_daftar".into()));
            }
        }
        for p in &self.perubahan {
            let sekarang = isi.perubahan.get(&p.id).map_or(0, |x| x.versi);
            if sekarang != p.versi {
                return Err(GagalSimpan::VersiBasi);
            }
            if p.status.terbuka()
                && isi
                    .perubahan
                    .values()
                    .any(|x| x.id != p.id && x.sistem_id == p.sistem_id && x.status.terbuka())
            {
                return Err(GagalSimpan::Duplikat("perubahan_satu_terbuka".into()));
            }
        }
        for p in &self.pengaduan {
            let sekarang = isi.pengaduan.get(&p.id).map_or(0, |x| x.versi);
            if sekarang != p.versi {
                return Err(GagalSimpan::VersiBasi);
            }
            if isi
                .pengaduan
                .values()
                .any(|x| x.id != p.id && x.nomor == p.nomor)
            {
                return Err(GagalSimpan::Duplikat("pengaduan_nomor".into()));
            }
        }
        for p in &self.daerah {
            let sekarang = isi.permohonan_daerah.get(&p.id).map_or(0, |x| x.versi);
            if sekarang != p.versi {
                return Err(GagalSimpan::VersiBasi);
            }
        }
        self.sep.periksa(&isi)?;
        for u in self.survei {
            isi.survei.insert(u.hash_token.clone(), (u, None));
        }
        self.sep.terapkan(&mut isi);
        for mut p in self.daerah {
            p.versi += 1;
            isi.permohonan_daerah.insert(p.id, p);
        }
        for mut p in self.pengaduan {
            p.versi += 1;
            isi.pengaduan.insert(p.id, p);
        }
        for s in self.sistem {
            let mut rekam = (*s).clone();
            rekam.versi += 1;
            isi.sistem.insert(s.id, SistemElektronik::pulihkan(rekam));
        }
        for p in self.perubahan {
            let mut rekam = (*p).clone();
            rekam.versi += 1;
            isi.perubahan.insert(
                p.id,
                perubahan_data::model::PermohonanPerubahan::pulihkan(rekam),
            );
        }
        isi.audit.extend(self.audit);
        isi.surel.extend(self.surel);
        Ok(())
    }
}

#[async_trait::async_trait]
impl LaporanRepo for StoreMemori {
    async fn konfigurasi(&self, id: LaporanId) -> Result<Option<KonfigurasiLaporan>, InfraError> {
        Ok(self.isi().laporan.get(&id).cloned())
    }

    async fn milik(&self, pemilik: AkunId) -> Result<Vec<KonfigurasiLaporan>, InfraError> {
        let mut v: Vec<KonfigurasiLaporan> = self
            .isi()
            .laporan
            .values()
            .filter(|k| k.pemilik == pemilik)
            .cloned()
            .collect();
        v.sort_by_key(|k| std::cmp::Reverse(k.dibuat_pada));
        Ok(v)
    }

    async fn simpan(&self, k: &KonfigurasiLaporan, audit: &AuditEvent) -> Result<(), GagalSimpan> {
        let mut isi = self.isi();
        let sekarang = isi.laporan.get(&k.id).map_or(0, |x| x.versi);
        if sekarang != k.versi {
            return Err(GagalSimpan::VersiBasi);
        }
        let mut rekam = (**k).clone();
        rekam.versi += 1;
        isi.laporan
            .insert(k.id, KonfigurasiLaporan::pulihkan(rekam));
        isi.audit.push(audit.clone());
        Ok(())
    }

    async fn hapus(&self, id: LaporanId, audit: &AuditEvent) -> Result<(), GagalSimpan> {
        let mut isi = self.isi();
        isi.laporan.remove(&id);
        isi.audit.push(audit.clone());
        Ok(())
    }

    async fn sistem(
        &self,
        lingkup: Lingkup,
        filter: &FilterLaporan,
        setelah: Option<&Kursor>,
        batas: u64,
    ) -> Result<Vec<SistemLaporan>, InfraError> {
        let isi = self.isi();
        let mut v: Vec<&SistemElektronik> = isi
            .sistem
            .values()
            .filter(|s| lingkup.memuat(s.instansi_id, s.unit_id))
            .filter(|s| filter.status.is_none_or(|st| s.status == st))
            .filter(|s| filter.kategori.is_none_or(|k| s.kategori_berlaku() == k))
            .filter(|s| filter.instansi_id.is_none_or(|i| s.instansi_id == i))
            .filter(|s| {
                filter.provinsi.is_none() || Self::kode_provinsi(&isi, s) == filter.provinsi
            })
            .collect();
        v.sort_by(|a, b| {
            (&a.data_awal.nama_eksternal, a.id.to_string())
                .cmp(&(&b.data_awal.nama_eksternal, b.id.to_string()))
        });
        Ok(v.into_iter()
            .filter(|s| {
                setelah.is_none_or(|k| {
                    (
                        s.data_awal.nama_eksternal.as_str(),
                        s.id.to_string().as_str(),
                    ) > (k.kunci.as_str(), k.id.as_str())
                })
            })
            .map(|s| {
                let i = isi.instansi.get(&s.instansi_id);
                SistemLaporan::dari(
                    s,
                    i.map(|i| i.nama.clone()).unwrap_or_default(),
                    i.and_then(|i| {
                        i.unit
                            .iter()
                            .find(|(u, _)| Some(*u) == s.unit_id)
                            .map(|(_, n)| n.clone())
                    }),
                    i.and_then(|i| i.provinsi.as_ref().map(|(_, n)| n.clone())),
                )
            })
            .take(usize::try_from(batas).unwrap_or(usize::MAX))
            .collect())
    }
}

impl StoreMemori {
    /// The decision times of `jenis` since `sejak`, sorted.
    fn lama(&self, jenis: JenisAntrian, sejak: chrono::DateTime<chrono::Utc>) -> Vec<i64> {
        let mut v: Vec<i64> = self
            .isi()
            .keputusan
            .iter()
            .filter(|k| k.jenis == jenis && k.diputuskan >= sejak)
            .map(KeputusanTercatat::lama_detik)
            .collect();
        v.sort_unstable();
        v
    }
}

#[async_trait::async_trait]
impl RiwayatKeputusan for StoreMemori {
    async fn catat(&self, k: &KeputusanTercatat) -> Result<(), InfraError> {
        self.isi().keputusan.push(k.clone());
        Ok(())
    }

    async fn jumlah(
        &self,
        jenis: JenisAntrian,
        sejak: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, InfraError> {
        Ok(self.lama(jenis, sejak).len() as u64)
    }

    async fn lama_terurut(
        &self,
        jenis: JenisAntrian,
        sejak: chrono::DateTime<chrono::Utc>,
        dari: u64,
        n: u64,
    ) -> Result<Vec<i64>, InfraError> {
        Ok(self
            .lama(jenis, sejak)
            .into_iter()
            .skip(usize::try_from(dari).unwrap_or(usize::MAX))
            .take(usize::try_from(n).unwrap_or(usize::MAX))
            .collect())
    }
}

#[async_trait::async_trait]
impl DokumenStore for StoreMemori {
    async fn simpan(&self, sha256: &str, isi: Vec<u8>) -> Result<(), InfraError> {
        self.isi().dokumen.insert(sha256.into(), isi);
        Ok(())
    }

    async fn ambil(&self, sha256: &str) -> Result<Option<Vec<u8>>, InfraError> {
        Ok(self.isi().dokumen.get(sha256).cloned())
    }
}

/// Tokens numbered in order (`token-1`, `token-2`, …): predictable, so for tests and examples
/// only; a real deployment supplies random ones.
#[derive(Debug, Default)]
pub struct TokenBerurut(std::sync::atomic::AtomicU64);

impl pse_kernel::TokenGenerator for TokenBerurut {
    fn buat(&self) -> secrecy::SecretString {
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        format!("token-{n}").into()
    }
}
