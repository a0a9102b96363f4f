//! The Kepala Dinas' view of the service (R-DAE-05): how many requests stand at each status,
//! how many steps run late now, and per step the median working minutes against its standard.

use crate::model::{KodeLangkah, PermohonanDaerah, StatusPermohonanDaerah};
use chrono::{DateTime, Utc};
use pse_kernel::WaktuKerja;
use serde::Serialize;

/// One step's record over the requests read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KinerjaLangkah {
    /// Which step.
    pub kode: KodeLangkah,
    /// How many times it finished.
    pub selesai: u64,
    /// The median of their working minutes (the lower middle of an even count); none before
    /// the first.
    pub median_menit: Option<u32>,
    /// How many finished past their standard.
    pub terlambat: u64,
}

/// The summary of a pemda's requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RingkasanKinerja {
    /// Requests per status, in the statuses' order.
    pub per_status: Vec<(StatusPermohonanDaerah, u64)>,
    /// Running steps already past their standard.
    pub terlambat_sekarang: u64,
    /// Each step, in order.
    pub per_langkah: Vec<KinerjaLangkah>,
}

impl RingkasanKinerja {
    /// The summary of `permohonan` on `w` at `sekarang`.
    pub fn dari(permohonan: &[PermohonanDaerah], w: &WaktuKerja, sekarang: DateTime<Utc>) -> Self {
        let per_status = StatusPermohonanDaerah::SEMUA
            .iter()
            .map(|s| {
                (
                    *s,
                    permohonan.iter().filter(|p| p.status == *s).count() as u64,
                )
            })
            .collect();
        let terlambat_sekarang = permohonan
            .iter()
            .filter_map(|p| p.langkah_berjalan())
            .filter(|l| l.terlambat(w, sekarang))
            .count() as u64;
        let per_langkah = KodeLangkah::SEMUA
            .iter()
            .map(|kode| {
                let mut menit: Vec<u32> = permohonan
                    .iter()
                    .flat_map(|p| &p.langkah)
                    .filter(|l| l.kode == *kode && l.selesai.is_some())
                    .map(|l| l.menit_kerja(w, sekarang))
                    .collect();
                menit.sort_unstable();
                KinerjaLangkah {
                    kode: *kode,
                    selesai: menit.len() as u64,
                    median_menit: menit.get(menit.len().saturating_sub(1) / 2).copied(),
                    terlambat: menit.iter().filter(|m| **m > kode.standar_menit()).count() as u64,
                }
            })
            .collect();
        Self {
            per_status,
            terlambat_sekarang,
            per_langkah,
        }
    }
}
