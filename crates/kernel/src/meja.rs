//! The admin's verification desk (R-SE-13): every service whose work waits for the admin is a
//! [`SumberAntrian`]; [`MejaVerifikasi`] merges their queues oldest first, filters them by kind
//! and by overdue, sends each decision to the service that owns the item and keeps the time each
//! decision took for the service-level summary. A new service joins the desk by implementing the
//! port and one [`JenisAntrian`].

use crate::paging::{GalatPaging, Halaman, JendelaAntrian, Paging};
use crate::{Actor, Clock, InfraError};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::sync::Arc;

/// The kinds of work that wait on the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JenisAntrian {
    /// An application of a Pejabat Pendaftar.
    PendaftaranPejabat,
    /// A Sub Pejabat added by a pejabat.
    SubPejabat,
    /// The Data Awal of a new system.
    DataAwal,
    /// A submitted system form.
    SistemElektronik,
    /// A change request of a registered system.
    PerubahanData,
    /// A request to use an office application (checked, then decided in 4 working days).
    PermohonanSep,
}

impl JenisAntrian {
    /// Every kind, in the desk's order.
    pub const SEMUA: [Self; 6] = [
        Self::PendaftaranPejabat,
        Self::SubPejabat,
        Self::DataAwal,
        Self::SistemElektronik,
        Self::PerubahanData,
        Self::PermohonanSep,
    ];

    /// The kind in paths and JSON (`pendaftaran-pejabat`, …).
    pub fn kode(self) -> &'static str {
        match self {
            Self::PendaftaranPejabat => "pendaftaran-pejabat",
            Self::SubPejabat => "sub-pejabat",
            Self::DataAwal => "data-awal",
            Self::SistemElektronik => "sistem-elektronik",
            Self::PerubahanData => "perubahan-data",
            Self::PermohonanSep => "permohonan-sep",
        }
    }

    /// The kind as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::PendaftaranPejabat => "Pendaftaran Pejabat",
            Self::SubPejabat => "Sub Pejabat",
            Self::DataAwal => "Data Awal Sistem Elektronik",
            Self::SistemElektronik => "Formulir Sistem Elektronik",
            Self::PerubahanData => "Perubahan Data",
            Self::PermohonanSep => "Aplikasi Perkantoran",
        }
    }

    /// The kind named `kode`.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|j| j.kode() == kode)
    }
}

/// One item waiting for the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemAntrian {
    /// Its kind.
    pub jenis: JenisAntrian,
    /// Its id in the owning service.
    pub id: String,
    /// The applicant or the system.
    pub judul: String,
    /// A second line: the email, the system's address or the reason of a change.
    pub keterangan: String,
    /// The instansi's name.
    pub instansi: String,
    /// When it entered the queue.
    pub masuk: DateTime<Utc>,
    /// When the decision is due (working days from the calendar).
    pub tenggat: DateTime<Utc>,
    /// Whether it is past due.
    pub terlambat: bool,
}

/// The admin's decision on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keputusan {
    /// Approve, with an optional note.
    Setujui {
        /// The note.
        catatan: Option<String>,
    },
    /// Reject, with the reason's category and a note for the applicant.
    Tolak {
        /// The reason's category (`data_tidak_valid`, …).
        kategori_alasan: String,
        /// The note.
        catatan: String,
    },
}

impl Keputusan {
    /// Whether this approves.
    pub fn setuju(&self) -> bool {
        matches!(self, Self::Setujui { .. })
    }
}

/// What a source answers after deciding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diputuskan {
    /// The item's id.
    pub id: String,
    /// Its new status (the owning service's code).
    pub status: &'static str,
    /// When it had entered the queue (the decision's time is counted from it).
    pub masuk: DateTime<Utc>,
}

/// A service whose items wait on the desk. `E` is the error type of the caller (the portal's own);
/// each service answers its errors through `From`.
#[async_trait]
pub trait SumberAntrian<E>: Send + Sync {
    /// The kinds it owns.
    fn jenis(&self) -> &'static [JenisAntrian];

    /// The window `j` of its items of kind `jenis` (only the overdue ones when `terlambat`), in
    /// the order (entered, id), and how many of them wait. Refused to anyone but the admin.
    async fn antrian(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), E>;

    /// Decides the item `id` of kind `jenis`; an id it cannot read is not found.
    async fn putuskan(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        id: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, E>;
}

/// One decision kept for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeputusanTercatat {
    /// The item's kind.
    pub jenis: JenisAntrian,
    /// The item's id.
    pub id: String,
    /// When it had entered the queue.
    pub masuk: DateTime<Utc>,
    /// When it was decided.
    pub diputuskan: DateTime<Utc>,
    /// Whether it was approved.
    pub setuju: bool,
}

impl KeputusanTercatat {
    /// Seconds from entering the queue to the decision.
    pub fn lama_detik(&self) -> i64 {
        (self.diputuskan - self.masuk).num_seconds().max(0)
    }
}

/// The port keeping decisions (a table in the store).
#[async_trait]
pub trait RiwayatKeputusan: Send + Sync {
    /// Keeps one decision.
    async fn catat(&self, k: &KeputusanTercatat) -> Result<(), InfraError>;

    /// How many decisions of `jenis` were made since `sejak`.
    async fn jumlah(&self, jenis: JenisAntrian, sejak: DateTime<Utc>) -> Result<u64, InfraError>;

    /// The decision times (seconds) of `jenis` since `sejak`, sorted, at positions `dari` to
    /// `dari + n - 1` (from 0).
    async fn lama_terurut(
        &self,
        jenis: JenisAntrian,
        sejak: DateTime<Utc>,
        dari: u64,
        n: u64,
    ) -> Result<Vec<i64>, InfraError>;
}

/// Why the desk cannot answer.
#[derive(Debug, thiserror::Error)]
pub enum GalatMeja {
    /// No source owns the kind in the path.
    #[error("Jenis antrean tidak dikenal.")]
    JenisTidakDikenal,
    /// A bad cursor or page.
    #[error(transparent)]
    Paging(#[from] GalatPaging),
    /// The store failed.
    #[error(transparent)]
    Infra(#[from] InfraError),
}

/// Which items to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SaringAntrian {
    /// Only this kind.
    pub jenis: Option<JenisAntrian>,
    /// Only the overdue ones.
    pub terlambat: bool,
}

/// The desk's state of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RingkasanJenis {
    /// The kind.
    pub jenis: JenisAntrian,
    /// The kind as people read it.
    pub label: &'static str,
    /// Items waiting.
    pub terbuka: u64,
    /// Of those, past due.
    pub terlambat: u64,
    /// Decisions in the last [`HARI_RINGKASAN`] days.
    pub diputuskan: u64,
    /// Their median time from entering the queue to the decision, in minutes.
    pub median_menit: Option<i64>,
}

/// The days the summary's decision times look back.
pub const HARI_RINGKASAN: i64 = 30;

/// The median of a sorted sample of `n` values, read through `ke(position, count)`: the middle
/// value, or the mean of the two middle values.
async fn median<F, Fut>(n: u64, ke: F) -> Result<Option<i64>, InfraError>
where
    F: FnOnce(u64, u64) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<i64>, InfraError>>,
{
    if n == 0 {
        return Ok(None);
    }
    let tengah = ke((n - 1) / 2, 2 - n % 2).await?;
    Ok(match tengah.as_slice() {
        [a] => Some(*a),
        [a, b] => Some(a + (b - a) / 2),
        _ => None,
    })
}

/// The verification desk over its sources.
pub struct MejaVerifikasi<E> {
    sumber: Vec<Arc<dyn SumberAntrian<E>>>,
    riwayat: Arc<dyn RiwayatKeputusan>,
    clock: Arc<dyn Clock>,
}

impl<E> MejaVerifikasi<E>
where
    E: From<GalatMeja> + Send,
{
    /// The desk over `sumber`, keeping decisions in `riwayat`.
    pub fn new(
        sumber: Vec<Arc<dyn SumberAntrian<E>>>,
        riwayat: Arc<dyn RiwayatKeputusan>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            sumber,
            riwayat,
            clock,
        }
    }

    fn sumber_untuk(&self, jenis: JenisAntrian) -> Result<&dyn SumberAntrian<E>, E> {
        self.sumber
            .iter()
            .find(|s| s.jenis().contains(&jenis))
            .map(|s| s.as_ref())
            .ok_or_else(|| GalatMeja::JenisTidakDikenal.into())
    }

    /// The kinds the desk serves, in its order.
    pub fn jenis(&self) -> Vec<JenisAntrian> {
        let mut v: Vec<_> = self
            .sumber
            .iter()
            .flat_map(|s| s.jenis().iter().copied())
            .collect();
        v.sort();
        v
    }

    /// One page of what waits, oldest first across every source: each answers the same keyset
    /// window (all asked at once, so a page waits for the slowest source, not their sum) and the
    /// merge keeps the first `batas`, so a page never holds more than that.
    pub async fn antrian(
        &self,
        aktor: &Actor,
        saring: SaringAntrian,
        paging: &Paging,
    ) -> Result<Halaman<ItemAntrian>, E> {
        let j = JendelaAntrian::dari(paging).map_err(GalatMeja::from)?;
        let mut tanya = Vec::new();
        for jenis in self.jenis() {
            if saring.jenis.is_some_and(|x| x != jenis) {
                continue;
            }
            tanya.push(self.sumber_untuk(jenis)?.antrian(
                aktor,
                jenis,
                j.clone(),
                saring.terlambat,
            ));
        }
        let mut items = Vec::new();
        let mut total = 0;
        for (v, n) in futures::future::try_join_all(tanya).await? {
            items.extend(v);
            total += n;
        }
        items.sort_by(|a, b| (a.masuk, &a.id).cmp(&(b.masuk, &b.id)));
        items.truncate(usize::try_from(j.batas).unwrap_or(usize::MAX));
        Ok(Halaman::susun(items, total, paging, |i| {
            JendelaAntrian::kursor(i.masuk, &i.id)
        })
        .map_err(GalatMeja::from)?)
    }

    /// Decides `id` of kind `jenis` through the service that owns it and keeps how long it took.
    pub async fn putuskan(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        id: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, E> {
        let d = self
            .sumber_untuk(jenis)?
            .putuskan(aktor, jenis, id, keputusan)
            .await?;
        self.riwayat
            .catat(&KeputusanTercatat {
                jenis,
                id: d.id.clone(),
                masuk: d.masuk,
                diputuskan: self.clock.now(),
                setuju: keputusan.setuju(),
            })
            .await
            .map_err(GalatMeja::from)?;
        Ok(d)
    }

    /// Per kind: what waits, what is overdue, and the decisions of the last
    /// [`HARI_RINGKASAN`] days with their median time.
    pub async fn ringkasan(&self, aktor: &Actor) -> Result<Vec<RingkasanJenis>, E> {
        let sejak = self.clock.now() - Duration::days(HARI_RINGKASAN);
        let mut hasil = Vec::new();
        for jenis in self.jenis() {
            let sumber = self.sumber_untuk(jenis)?;
            let (_, terbuka) = sumber
                .antrian(aktor, jenis, JendelaAntrian::awal(0), false)
                .await?;
            let (_, terlambat) = sumber
                .antrian(aktor, jenis, JendelaAntrian::awal(0), true)
                .await?;
            let diputuskan = self
                .riwayat
                .jumlah(jenis, sejak)
                .await
                .map_err(GalatMeja::from)?;
            let median_detik = median(diputuskan, |dari, n| {
                self.riwayat.lama_terurut(jenis, sejak, dari, n)
            })
            .await
            .map_err(GalatMeja::from)?;
            hasil.push(RingkasanJenis {
                jenis,
                label: jenis.label(),
                terbuka,
                terlambat,
                diputuskan,
                median_menit: median_detik.map(|d| (d + 30) / 60),
            });
        }
        Ok(hasil)
    }
}

#[cfg(test)]
mod tests;
