//! The working-day calendar (R-X-03): Monday to Friday, minus national holidays and cuti bersama.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Utc, Weekday,
};
use std::collections::BTreeSet;

/// Western Indonesia Time (UTC+7), the zone of the ministry's service standard.
pub fn wib() -> FixedOffset {
    const TUJUH_JAM: i32 = 7 * 3600;
    FixedOffset::east_opt(TUJUH_JAM).unwrap_or(Utc.fix())
}

/// A national holiday or cuti bersama day (R-X-03).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HariLibur {
    /// The date.
    pub tanggal: NaiveDate,
    /// What it is, e.g. "Hari Kemerdekaan Republik Indonesia".
    pub keterangan: String,
    /// `libur_nasional` or `cuti_bersama`.
    pub jenis: String,
}

/// A working-day calendar built from the holiday table loaded for the year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KalenderKerja {
    libur: BTreeSet<NaiveDate>,
}

impl KalenderKerja {
    /// A calendar whose non-working days are the weekends and `libur`.
    pub fn new(libur: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            libur: libur.into_iter().collect(),
        }
    }

    /// Whether `tanggal` is a working day.
    pub fn hari_kerja(&self, tanggal: NaiveDate) -> bool {
        !matches!(tanggal.weekday(), Weekday::Sat | Weekday::Sun) && !self.libur.contains(&tanggal)
    }

    /// The date `n` working days after `tanggal` (the first working day after it for `n = 1`).
    pub fn tambah_hari_kerja(&self, tanggal: NaiveDate, n: u32) -> NaiveDate {
        let mut d = tanggal;
        let mut sisa = n;
        while sisa > 0 {
            d += Duration::days(1);
            if self.hari_kerja(d) {
                sisa -= 1;
            }
        }
        d
    }

    /// The due time of something that arrived at `tiba` and must be handled within `n` working days:
    /// the same time of day (WIB) `n` working days later. Arrival outside a working day counts from the
    /// start of the next working day.
    pub fn tenggat(&self, tiba: DateTime<Utc>, n: u32) -> DateTime<Utc> {
        self.tenggat_di(tiba, n, wib())
    }

    /// [`tenggat`](Self::tenggat) with the time of day read in `zona`.
    pub fn tenggat_di(&self, tiba: DateTime<Utc>, n: u32, zona: FixedOffset) -> DateTime<Utc> {
        let lokal = tiba.with_timezone(&zona);
        let (mulai, waktu) = if self.hari_kerja(lokal.date_naive()) {
            (lokal.date_naive(), lokal.time())
        } else {
            (
                self.tambah_hari_kerja(lokal.date_naive(), 1),
                NaiveTime::MIN,
            )
        };
        let hari = self.tambah_hari_kerja(mulai, n);
        zona.from_local_datetime(&hari.and_time(waktu))
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(tiba)
    }

    /// The first arrival not yet overdue at `now` for `n` working days: whatever arrived before it
    /// is past its [`tenggat`](Self::tenggat), whatever arrived at or after it is not. Stores
    /// filter an overdue queue with it (`masuk < batas`), since the due time only grows with the
    /// arrival.
    pub fn batas_terlambat(&self, now: DateTime<Utc>, n: u32) -> DateTime<Utc> {
        // n working days never span more than 2n + 30 calendar days (the longest run of holidays
        // and cuti bersama is under a month), so the answer lies in (lo, now].
        let mut lo = now - Duration::days(i64::from(n) * 2 + 30);
        let mut hi = now;
        while hi - lo > Duration::microseconds(1) {
            let tengah = lo + (hi - lo) / 2;
            if self.tenggat(tengah, n) < now {
                lo = tengah;
            } else {
                hi = tengah;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn r_x_03_whatever_arrived_before_the_overdue_bound_is_overdue_and_nothing_else(
            now_s in 1_767_225_600i64..1_830_297_600,
            mundur in 0i64..60 * 86_400_000_000,
            n in 0u32..5,
        ) {
            let k = KalenderKerja::new([d("2026-08-17"), d("2027-03-10"), d("2027-03-11")]);
            let now = DateTime::from_timestamp(now_s, 0).unwrap_or_default();
            let tiba = now - Duration::microseconds(mundur);
            let batas = k.batas_terlambat(now, n);
            prop_assert_eq!(tiba < batas, now > k.tenggat(tiba, n), "{} {}", tiba, batas);
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn r_x_03_weekends_and_holidays_are_not_working_days() {
        let k = KalenderKerja::new([d("2026-08-17")]);
        assert!(k.hari_kerja(d("2026-08-14")), "Friday");
        assert!(!k.hari_kerja(d("2026-08-15")), "Saturday");
        assert!(!k.hari_kerja(d("2026-08-16")), "Sunday");
        assert!(!k.hari_kerja(d("2026-08-17")), "Kemerdekaan");
        assert!(k.hari_kerja(d("2026-08-18")));
    }

    #[test]
    fn r_x_03_one_working_day_skips_weekend_and_holiday() {
        let k = KalenderKerja::new([d("2026-08-17")]);
        // Friday + 1 working day = Tuesday (Saturday, Sunday and the Monday holiday skipped).
        assert_eq!(k.tambah_hari_kerja(d("2026-08-14"), 1), d("2026-08-18"));
        assert_eq!(k.tambah_hari_kerja(d("2026-08-18"), 1), d("2026-08-19"));
    }

    #[test]
    fn r_x_03_due_time_keeps_time_of_day_and_counts_weekend_arrivals_from_monday() {
        let k = KalenderKerja::new([]);
        let jumat_10_wib = Utc
            .with_ymd_and_hms(2026, 11, 20, 3, 0, 0)
            .single()
            .unwrap_or_default();
        let senin_10_wib = Utc
            .with_ymd_and_hms(2026, 11, 23, 3, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(k.tenggat(jumat_10_wib, 1), senin_10_wib);
        let sabtu = Utc
            .with_ymd_and_hms(2026, 11, 21, 3, 0, 0)
            .single()
            .unwrap_or_default();
        // Arrival on Saturday: counted from Monday 00:00 WIB, due one working day later, Tuesday 00:00 WIB.
        let selasa_0_wib = Utc
            .with_ymd_and_hms(2026, 11, 23, 17, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(k.tenggat(sabtu, 1), selasa_0_wib);
    }
}

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A date as Indonesians write it: `23 November 2026`.
pub fn tanggal_panjang(t: NaiveDate) -> String {
    use chrono::Datelike;
    let bulan = BULAN.get(t.month0() as usize).copied().unwrap_or_default();
    format!("{} {bulan} {}", t.day(), t.year())
}

#[cfg(test)]
mod uji_tanggal {
    use super::*;

    #[test]
    fn tanggal_panjang_in_indonesian() {
        let t = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        assert_eq!(tanggal_panjang(t), "3 November 2026");
        let t = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap_or_default();
        assert_eq!(tanggal_panjang(t), "31 Januari 2025");
    }
}
