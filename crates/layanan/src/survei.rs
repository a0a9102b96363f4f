//! The satisfaction survey (Survei Kepuasan Masyarakat, R-LAY-04): nine elements, each scored 1–4;
//! the index (IKM) is the mean of the element means × 25, graded A/B/C/D. The index is kept in
//! hundredths so the grade's bounds (88.31, 76.61, 65.00) are compared exactly.

mod layanan;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
pub use layanan::{SUDAH_DIJAWAB, SurveiService};
use pse_kernel::{Galat, GalatIsian, LayananSurvei, SurveiId};
use serde::Serialize;

/// The nine elements of PermenPANRB 14/2017, in the regulation's order.
pub const UNSUR: [&str; 9] = [
    "Persyaratan",
    "Sistem, mekanisme, dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran, dan masukan",
    "Sarana dan prasarana",
];

/// What each score means, from 1 to 4.
pub const SKALA: [&str; 4] = ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"];

/// The longest suggestion kept, in characters.
pub const SARAN_MAKS: usize = 2000;

/// One respondent's scores, one per element, each 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Jawaban([u8; 9]);

impl Jawaban {
    /// Checks nine scores of 1–4 (0 is unanswered); each wrong one is named `nilai[i]` (from 0).
    pub fn baru(nilai: &[i64]) -> Result<Self, Vec<GalatIsian>> {
        if nilai.len() != UNSUR.len() {
            return Err(vec![GalatIsian::new(
                "nilai",
                format!(
                    "Beri nilai untuk kesembilan unsur pelayanan ({} diisi).",
                    nilai.len()
                ),
            )]);
        }
        let mut hasil = [0u8; 9];
        let mut galat = Vec::new();
        for (i, n) in nilai.iter().enumerate() {
            match u8::try_from(*n) {
                Ok(v @ 1..=4) => hasil[i] = v,
                Ok(0) => galat.push(GalatIsian::new(
                    &format!("nilai[{i}]"),
                    format!("Pilih nilai untuk unsur \"{}\".", UNSUR[i]),
                )),
                _ => galat.push(GalatIsian::new(
                    &format!("nilai[{i}]"),
                    format!("Nilai unsur \"{}\" harus 1 sampai 4.", UNSUR[i]),
                )),
            }
        }
        if galat.is_empty() {
            Ok(Self(hasil))
        } else {
            Err(galat)
        }
    }

    /// The scores, in the elements' order.
    pub fn nilai(&self) -> [u8; 9] {
        self.0
    }
}

/// One answer as kept, for the responses file: which service, when, the scores, the suggestion.
/// Who answered is not part of it (the survey is anonymous to whoever reads the responses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JawabanSurvei {
    /// The invitation's id (the order's tie-breaker).
    pub id: SurveiId,
    /// The service it is about.
    pub layanan: LayananSurvei,
    /// When it was answered.
    pub pada: DateTime<Utc>,
    /// The nine scores.
    pub jawaban: Jawaban,
    /// The suggestion, if any.
    pub saran: Option<String>,
}

/// A period of whole days in WIB, both ends included, that the index and the responses file cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periode {
    /// The first day.
    pub dari: NaiveDate,
    /// The last day, included.
    pub sampai: NaiveDate,
}

/// Days a period covers when none is asked for: the last thirty, today included.
pub const HARI_BAWAAN: i64 = 30;

impl Periode {
    /// The period from `dari` to `sampai`; the last day defaults to today (WIB) and the first to
    /// [`HARI_BAWAAN`] days before it. A last day before the first is named `sampai`.
    pub fn baru(
        dari: Option<NaiveDate>,
        sampai: Option<NaiveDate>,
        sekarang: DateTime<Utc>,
    ) -> Result<Self, Galat> {
        let hari_ini = sekarang
            .with_timezone(&pse_kernel::kalender::wib())
            .date_naive();
        let sampai = sampai.unwrap_or(hari_ini);
        let dari = dari.unwrap_or(sampai - Duration::days(HARI_BAWAAN - 1));
        if sampai < dari {
            return Err(Galat::isian(
                "sampai",
                "Tanggal akhir tidak boleh sebelum tanggal awal.",
            ));
        }
        Ok(Self { dari, sampai })
    }

    /// The first instant: midnight WIB of the first day.
    pub fn awal(&self) -> DateTime<Utc> {
        tengah_malam(self.dari)
    }

    /// The end, not included: midnight WIB after the last day.
    pub fn akhir(&self) -> DateTime<Utc> {
        tengah_malam(self.sampai + Duration::days(1))
    }
}

/// Midnight WIB of `d` (a fixed offset: every local time is one instant).
fn tengah_malam(d: NaiveDate) -> DateTime<Utc> {
    let selisih = i64::from(pse_kernel::kalender::wib().local_minus_utc());
    (d.and_time(NaiveTime::MIN) - Duration::seconds(selisih)).and_utc()
}

/// The grade of an index (mutu pelayanan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Mutu {
    /// 88.31–100: sangat baik.
    A,
    /// 76.61–88.30: baik.
    B,
    /// 65.00–76.60: kurang baik.
    C,
    /// 25.00–64.99: tidak baik.
    D,
}

impl Mutu {
    /// The grade of an index given in hundredths (9722 = 97.22).
    pub fn dari_perseratus(ikm: u32) -> Self {
        match ikm {
            8831.. => Self::A,
            7661.. => Self::B,
            6500.. => Self::C,
            _ => Self::D,
        }
    }

    /// The grade's meaning, as the regulation words it.
    pub fn kinerja(self) -> &'static str {
        match self {
            Self::A => "Sangat baik",
            Self::B => "Baik",
            Self::C => "Kurang baik",
            Self::D => "Tidak baik",
        }
    }
}

/// The index over a period's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ikm {
    /// How many answered.
    pub jumlah_responden: u64,
    /// The sum of each element's scores.
    pub jumlah_unsur: [u64; 9],
}

impl Ikm {
    /// The index of `jawaban`.
    pub fn dari<'a>(jawaban: impl IntoIterator<Item = &'a Jawaban>) -> Self {
        let mut ikm = Self {
            jumlah_responden: 0,
            jumlah_unsur: [0; 9],
        };
        for j in jawaban {
            ikm.tambah(j);
        }
        ikm
    }

    /// Counts one more respondent.
    pub fn tambah(&mut self, j: &Jawaban) {
        self.jumlah_responden += 1;
        for (s, n) in self.jumlah_unsur.iter_mut().zip(j.0) {
            *s += u64::from(n);
        }
    }

    /// Each element's mean score in hundredths (389 = 3.89), rounded half up; none without answers.
    pub fn nilai_unsur(&self) -> Option<[u32; 9]> {
        let n = self.jumlah_responden;
        (n > 0).then(|| self.jumlah_unsur.map(|s| bulat(s * 100, n)))
    }

    /// The index in hundredths: 25 × the mean of the element means, from the exact sums (not the
    /// rounded means), rounded half up; none without answers.
    pub fn perseratus(&self) -> Option<u32> {
        let n = self.jumlah_responden;
        (n > 0).then(|| bulat(self.jumlah_unsur.iter().sum::<u64>() * 2500, n * 9))
    }

    /// The grade; none without answers.
    pub fn mutu(&self) -> Option<Mutu> {
        self.perseratus().map(Mutu::dari_perseratus)
    }
}

/// `a / b` rounded half up.
fn bulat(a: u64, b: u64) -> u32 {
    u32::try_from((2 * a + b) / (2 * b)).unwrap_or(u32::MAX)
}

/// Hundredths as people read them: `9722` → `97,22`.
pub fn tampil(perseratus: u32) -> String {
    format!("{},{:02}", perseratus / 100, perseratus % 100)
}

#[cfg(test)]
mod tests;
