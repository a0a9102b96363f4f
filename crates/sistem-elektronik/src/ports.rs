//! What the system registration needs from the outside world.

use crate::model::{Akses, KategoriSe, SistemElektronik, StatusSistem, TandaDaftar};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian, Kursor, Paging,
    PesanEmail, SistemId, UndanganSurvei, UnitId,
};
use std::collections::HashMap;

/// Filters of the public registry (R-SE-12).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CariPublik {
    /// Words in the name.
    pub q: String,
    /// One instansi.
    pub instansi: Option<InstansiId>,
    /// One category (`rendah`, `tinggi`, `strategis`).
    pub kategori: Option<String>,
    /// One province code.
    pub provinsi: Option<String>,
    /// Which page, by number or after a cursor.
    pub paging: Paging,
}

/// What the public registry shows of a system: a summary read from the indexed columns, ordered
/// by name (then id, for a stable keyset).
#[derive(Debug, Clone, PartialEq)]
pub struct RingkasanPublik {
    /// The system.
    pub id: SistemId,
    /// Its public name.
    pub nama_eksternal: String,
    /// Its instansi's name.
    pub instansi: String,
    /// Its instansi's province code.
    pub provinsi: Option<String>,
    /// Its address, when online.
    pub url: Option<String>,
    /// Online or offline.
    pub kategori_akses: Akses,
    /// The category in force.
    pub kategori: KategoriSe,
    /// Its Tanda Daftar.
    pub tanda_daftar: Option<TandaDaftar>,
}

impl From<&SistemBernama> for RingkasanPublik {
    fn from(x: &SistemBernama) -> Self {
        let s = &x.sistem;
        Self {
            id: s.id,
            nama_eksternal: s.data_awal.nama_eksternal.clone(),
            instansi: x.instansi.clone(),
            provinsi: x.provinsi.clone(),
            url: s.data_awal.url.as_ref().map(|u| u.as_ref().to_string()),
            kategori_akses: s.data_awal.kategori_akses,
            kategori: s.kategori_berlaku(),
            tanda_daftar: s.tanda_daftar.clone(),
        }
    }
}

impl RingkasanPublik {
    /// Its keyset position in the registry's order.
    pub fn kursor(&self) -> Kursor {
        Kursor {
            kunci: self.nama_eksternal.clone(),
            id: self.id.to_string(),
        }
    }
}

/// A row of an instansi's list of systems, read from plain columns.
#[derive(Debug, Clone, PartialEq)]
pub struct RingkasanSistem {
    /// The system.
    pub id: SistemId,
    /// Its unit, if any.
    pub unit_id: Option<UnitId>,
    /// Its public name.
    pub nama_eksternal: String,
    /// Where it is in the flow.
    pub status: StatusSistem,
    /// Progress in percent.
    pub progres: u32,
    /// The category in force.
    pub kategori: KategoriSe,
    /// Its Tanda Daftar number, once registered.
    pub nomor_tanda_daftar: Option<u64>,
    /// When its Data Awal was first submitted.
    pub dibuat_pada: chrono::DateTime<chrono::Utc>,
}

impl From<&SistemElektronik> for RingkasanSistem {
    fn from(s: &SistemElektronik) -> Self {
        Self {
            id: s.id,
            unit_id: s.unit_id,
            nama_eksternal: s.data_awal.nama_eksternal.clone(),
            status: s.status,
            progres: s.progres(),
            kategori: s.kategori_berlaku(),
            nomor_tanda_daftar: s.tanda_daftar.as_ref().map(|t| t.nomor),
            dibuat_pada: s.dibuat_pada,
        }
    }
}

impl RingkasanSistem {
    /// Its keyset position in the list's order (newest first).
    pub fn kursor(&self) -> Kursor {
        Kursor {
            kunci: self
                .dibuat_pada
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            id: self.id.to_string(),
        }
    }
}

/// What the admin's queue shows of a waiting system, read from plain columns and its Data Awal.
#[derive(Debug, Clone, PartialEq)]
pub struct SistemAntrian {
    /// The system.
    pub id: SistemId,
    /// `data_awal_diajukan` (Data Awal to check) or `diajukan` (a submitted form).
    pub status: StatusSistem,
    /// Its public name.
    pub nama_eksternal: String,
    /// Its address, when online.
    pub url: Option<String>,
    /// Its instansi's name.
    pub instansi: String,
    /// When it entered the queue.
    pub masuk_antrian_pada: chrono::DateTime<chrono::Utc>,
}

/// A system with the names people read it by.
#[derive(Debug, Clone, PartialEq)]
pub struct SistemBernama {
    /// The system.
    pub sistem: SistemElektronik,
    /// Its instansi's name.
    pub instansi: String,
    /// Its instansi's province code.
    pub provinsi: Option<String>,
}

/// Reads of systems and the start of a unit of work.
#[async_trait::async_trait]
pub trait SistemRepo: Send + Sync {
    /// Starts a unit of work.
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSe>, InfraError>;
    /// A system by id.
    async fn sistem(&self, id: SistemId) -> Result<Option<SistemElektronik>, InfraError>;
    /// Where the BSSN notice of Tanda Daftar `nomor` stands in the outbox (R-SE-08), if one was
    /// queued.
    async fn status_notifikasi_bssn(
        &self,
        nomor: u64,
    ) -> Result<Option<pse_kernel::StatusKirim>, InfraError>;
    /// An instansi's systems (of one unit when given), newest first.
    async fn sistem_instansi(
        &self,
        instansi: InstansiId,
        unit: Option<UnitId>,
    ) -> Result<Vec<SistemElektronik>, InfraError>;
    /// One page of an instansi's systems (of one unit when given), newest first then by id
    /// descending (the cursor's key is `dibuat_pada` in RFC 3339), and how many there are.
    async fn halaman_instansi(
        &self,
        instansi: InstansiId,
        unit: Option<UnitId>,
        paging: &Paging,
    ) -> Result<(Vec<RingkasanSistem>, u64), InfraError>;
    /// How many systems are in each status: of an instansi (of one unit when given), or of the
    /// whole country without one.
    async fn hitung_status(
        &self,
        instansi: Option<InstansiId>,
        unit: Option<UnitId>,
    ) -> Result<Vec<(StatusSistem, u64)>, InfraError>;
    /// Systems waiting for the admin in `status` (one of [`StatusSistem::MENUNGGU_KEPUTUSAN`])
    /// in the window `j`, oldest in the queue first, and how many wait in all.
    async fn antrian(
        &self,
        status: StatusSistem,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SistemAntrian>, u64), InfraError>;
    /// Registered, published systems matching the filters, by name: up to
    /// [`Paging::baca_baris`] summaries of the page asked for, and how many match in all.
    async fn cari_publik(
        &self,
        cari: &CariPublik,
    ) -> Result<(Vec<RingkasanPublik>, u64), InfraError>;
    /// The system holding Tanda Daftar `nomor`.
    async fn dengan_tanda_daftar(&self, nomor: u64) -> Result<Option<SistemBernama>, InfraError>;
    /// Whether `unit` is a unit of `instansi`.
    async fn unit_milik(&self, instansi: InstansiId, unit: UnitId) -> Result<bool, InfraError>;
    /// The email address and name of an account.
    async fn kontak_akun(&self, akun: AkunId) -> Result<Option<(String, String)>, InfraError>;
    /// The names of the instansi `ids` that exist, in one read.
    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError>;
}

/// One transaction of writes; versions are checked as in every unit of work.
#[async_trait::async_trait]
pub trait UnitKerjaSe: Send {
    /// Saves a system.
    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan>;
    /// The next Tanda Daftar number (the highest issued plus one), inside this transaction.
    async fn nomor_tanda_daftar_berikutnya(&mut self) -> Result<u64, GagalSimpan>;
    /// Appends an audit record.
    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan>;
    /// Enqueues an email.
    /// Records an invitation to the satisfaction survey (its email goes through `kirim_email`).
    async fn undang_survei(&mut self, u: &UndanganSurvei) -> Result<(), GagalSimpan>;
    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan>;
    /// Commits.
    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan>;
}
