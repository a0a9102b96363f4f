//! Working time (R-DAE-05): office hours in the time zone of the province, on the working days of
//! the calendar (R-X-03). Time standards measured in minutes count only the minutes inside office
//! hours: a request that arrives on Friday at 16:20 WITA with 60 minutes to go is due on Monday at
//! 08:50 WITA.

use crate::KalenderKerja;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Offset, Utc};
use serde::Serialize;

/// Indonesia's three time zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ZonaWaktu {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl ZonaWaktu {
    /// Every zone, west to east.
    pub const SEMUA: [Self; 3] = [Self::Wib, Self::Wita, Self::Wit];

    /// Its abbreviation, as written after a time (`WIB`).
    pub fn kode(self) -> &'static str {
        match self {
            Self::Wib => "WIB",
            Self::Wita => "WITA",
            Self::Wit => "WIT",
        }
    }

    /// The zone of an abbreviation, in any case.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA
            .into_iter()
            .find(|z| z.kode().eq_ignore_ascii_case(kode.trim()))
    }

    /// Hours east of UTC.
    pub fn jam_utc(self) -> i32 {
        match self {
            Self::Wib => 7,
            Self::Wita => 8,
            Self::Wit => 9,
        }
    }

    /// The fixed offset of the zone (Indonesia keeps no daylight saving time).
    pub fn offset(self) -> FixedOffset {
        FixedOffset::east_opt(self.jam_utc() * 3600).unwrap_or(Utc.fix())
    }

    /// The zone of a province by its Kemendagri code (`65` Kalimantan Utara is WITA, `91`
    /// Papua is WIT): Sumatra, Java, West and Central Kalimantan keep WIB; Bali, Nusa Tenggara,
    /// South, East and North Kalimantan and Sulawesi keep WITA; Maluku and Papua keep WIT. A code
    /// of a regency or city (`65.71`) answers its province's zone; an unknown code WIB, the zone
    /// of the ministry.
    pub fn dari_provinsi(kode: &str) -> Self {
        let provinsi = kode.split('.').next().unwrap_or_default();
        match provinsi.as_bytes() {
            [b'5', _] | [b'7', _] => Self::Wita,
            [b'6', b'3'..=b'5'] => Self::Wita,
            [b'8', _] | [b'9', _] => Self::Wit,
            _ => Self::Wib,
        }
    }
}

/// Office hours: for each working weekday (Monday to Friday, R-X-03) the opening and closing
/// minute of the day, or none when the office is closed that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JamKerja([Option<(u16, u16)>; 5]);

/// Minutes in a day.
const MENIT_SEHARI: u16 = 24 * 60;

impl Default for JamKerja {
    /// The Kalimantan Utara SOP's hours: Monday–Thursday 08:00–16:00, Friday 08:00–16:30.
    fn default() -> Self {
        let biasa = Some((8 * 60, 16 * 60));
        Self([biasa, biasa, biasa, biasa, Some((8 * 60, 16 * 60 + 30))])
    }
}

/// Why office hours cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatJamKerja {
    /// A day closes at or before it opens, or past midnight.
    #[error("Jam tutup hari {0} harus sesudah jam buka dan paling lambat 24.00.")]
    Urutan(&'static str),
    /// No day is open.
    #[error("Tentukan jam kerja untuk paling sedikit satu hari.")]
    Kosong,
}

/// The working weekdays' names, Monday first.
pub const NAMA_HARI: [&str; 5] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"];

impl JamKerja {
    /// Office hours from each working weekday's `(opening, closing)` minute, Monday first.
    pub fn baru(hari: [Option<(u16, u16)>; 5]) -> Result<Self, GalatJamKerja> {
        for (i, h) in hari.iter().enumerate() {
            if let Some((buka, tutup)) = h
                && (tutup <= buka || *tutup > MENIT_SEHARI)
            {
                return Err(GalatJamKerja::Urutan(NAMA_HARI[i]));
            }
        }
        if hari.iter().all(Option::is_none) {
            return Err(GalatJamKerja::Kosong);
        }
        Ok(Self(hari))
    }

    /// The hours of each working weekday, Monday first.
    pub fn hari(&self) -> [Option<(u16, u16)>; 5] {
        self.0
    }

    /// Office hours as typed: per weekday, Monday first, its opening and closing time as
    /// `HH:MM` (both empty: closed). Each problem is named by its field, `senin_buka` …
    /// `jumat_tutup`.
    pub fn dari_isian(isian: &[(String, String); 5]) -> Result<Self, crate::Galat> {
        use crate::GalatIsian;
        fn menit(t: &str) -> Option<u16> {
            let (j, m) = t.trim().split_once([':', '.'])?;
            let (j, m): (u16, u16) = (j.parse().ok()?, m.parse().ok()?);
            (j <= 24 && m < 60 && j * 60 + m <= MENIT_SEHARI).then_some(j * 60 + m)
        }
        let mut galat = Vec::new();
        let mut hari = [None; 5];
        for (i, (buka, tutup)) in isian.iter().enumerate() {
            let nama = NAMA_HARI[i].to_lowercase();
            if buka.trim().is_empty() && tutup.trim().is_empty() {
                continue;
            }
            match (menit(buka), menit(tutup)) {
                (Some(b), Some(t)) if b < t => hari[i] = Some((b, t)),
                (Some(_), Some(_)) => galat.push(GalatIsian::new(
                    &format!("{nama}_tutup"),
                    format!("Jam tutup hari {} harus sesudah jam buka.", NAMA_HARI[i]),
                )),
                (b, t) => {
                    if b.is_none() {
                        galat.push(GalatIsian::new(
                            &format!("{nama}_buka"),
                            format!(
                                "Tulis jam buka hari {} sebagai JJ:MM, misalnya 08:00.",
                                NAMA_HARI[i]
                            ),
                        ));
                    }
                    if t.is_none() {
                        galat.push(GalatIsian::new(
                            &format!("{nama}_tutup"),
                            format!(
                                "Tulis jam tutup hari {} sebagai JJ:MM, misalnya 16:00.",
                                NAMA_HARI[i]
                            ),
                        ));
                    }
                }
            }
        }
        if !galat.is_empty() {
            return Err(crate::Galat::Validasi(galat));
        }
        Self::baru(hari).map_err(|e| crate::Galat::isian("senin_buka", e.to_string()))
    }

    /// Each weekday's hours as `HH:MM` text (empty when closed), Monday first.
    pub fn sebagai_teks(&self) -> [(String, String); 5] {
        let t = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        self.0
            .map(|h| h.map_or((String::new(), String::new()), |(b, c)| (t(b), t(c))))
    }

    /// The hours of `tanggal`'s weekday; none on a weekend.
    fn pada(&self, tanggal: NaiveDate) -> Option<(u16, u16)> {
        self.0
            .get(tanggal.weekday().num_days_from_monday() as usize)
            .copied()
            .flatten()
    }
}

/// Working time of one office: its hours, its zone and the holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaktuKerja {
    kalender: KalenderKerja,
    jam: JamKerja,
    zona: ZonaWaktu,
}

impl WaktuKerja {
    /// Working time on `kalender`'s working days, in `jam` office hours, in `zona`.
    pub fn new(kalender: KalenderKerja, jam: JamKerja, zona: ZonaWaktu) -> Self {
        Self {
            kalender,
            jam,
            zona,
        }
    }

    /// The zone.
    pub fn zona(&self) -> ZonaWaktu {
        self.zona
    }

    /// The office hours.
    pub fn jam(&self) -> &JamKerja {
        &self.jam
    }

    /// The office hours of `tanggal` as instants, when it is a working day with hours.
    fn jam_kantor(&self, tanggal: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if !self.kalender.hari_kerja(tanggal) {
            return None;
        }
        let (buka, tutup) = self.jam.pada(tanggal)?;
        Some((self.saat(tanggal, buka), self.saat(tanggal, tutup)))
    }

    /// `menit` minutes after local midnight of `tanggal`.
    fn saat(&self, tanggal: NaiveDate, menit: u16) -> DateTime<Utc> {
        let tengah_malam =
            tanggal.and_time(NaiveTime::MIN) - Duration::hours(self.zona.jam_utc().into());
        tengah_malam.and_utc() + Duration::minutes(menit.into())
    }

    /// The local date of `t`.
    fn tanggal(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.zona.offset()).date_naive()
    }

    /// The instant `menit` working minutes after `mulai`: the minutes run only inside office
    /// hours, so what starts after closing time or on a day off starts at the next opening.
    pub fn tambah_menit(&self, mulai: DateTime<Utc>, menit: u32) -> DateTime<Utc> {
        let mut sisa = Duration::minutes(menit.into());
        let mut kini = mulai;
        let mut hari = self.tanggal(mulai);
        // Office hours repeat weekly and holidays are days, so a few years bound any standard.
        for _ in 0..366 * 5 {
            if let Some((buka, tutup)) = self.jam_kantor(hari)
                && kini < tutup
            {
                let dari = kini.max(buka);
                if dari + sisa <= tutup {
                    return dari + sisa;
                }
                sisa -= tutup - dari;
            }
            hari += Duration::days(1);
            kini = kini.max(self.saat(hari, 0));
        }
        kini + sisa
    }

    /// The working minutes from `dari` to `sampai` (none when `sampai` is not later), whole
    /// minutes only.
    pub fn menit_antara(&self, dari: DateTime<Utc>, sampai: DateTime<Utc>) -> u32 {
        if sampai <= dari {
            return 0;
        }
        let mut jumlah = Duration::zero();
        let mut hari = self.tanggal(dari);
        let akhir = self.tanggal(sampai);
        while hari <= akhir {
            if let Some((buka, tutup)) = self.jam_kantor(hari) {
                let (a, b) = (dari.max(buka), sampai.min(tutup));
                if b > a {
                    jumlah += b - a;
                }
            }
            hari += Duration::days(1);
        }
        u32::try_from(jumlah.num_minutes()).unwrap_or(u32::MAX)
    }

    /// The due time of something that arrived at `tiba` and must be handled within `n` working
    /// days: the same time of day `n` working days later in this zone (R-X-03).
    pub fn tambah_hari(&self, tiba: DateTime<Utc>, n: u32) -> DateTime<Utc> {
        self.kalender.tenggat_di(tiba, n, self.zona.offset())
    }
}

/// The longest standard the calendar answers for, in working minutes (about a working year).
pub const MENIT_KERJA_MAKS: u32 = 130_000;
/// The longest standard the calendar answers for, in working days.
pub const HARI_KERJA_MAKS: u32 = 260;

/// How long a standard is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lama {
    /// Working minutes inside office hours.
    MenitKerja(u32),
    /// Working days, the time of day kept.
    HariKerja(u32),
}

/// A question to the calendar from another tool: when is something due that starts at `mulai`,
/// in the default office hours of `zona`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermintaanTenggat {
    /// The start.
    pub mulai: DateTime<Utc>,
    /// The standard.
    pub lama: Lama,
    /// The zone the office keeps.
    pub zona: ZonaWaktu,
}

impl PermintaanTenggat {
    /// Reads the question as typed: `mulai` (RFC 3339), exactly one of `menit_kerja` and
    /// `hari_kerja`, and `zona` (`WIB` when absent). Every problem is named by its field.
    pub fn baca(
        mulai: Option<&str>,
        menit_kerja: Option<&str>,
        hari_kerja: Option<&str>,
        zona: Option<&str>,
    ) -> Result<Self, crate::Galat> {
        use crate::GalatIsian;
        fn isi(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let mut galat = Vec::new();
        let mulai = match isi(mulai) {
            None => {
                galat.push(GalatIsian::new("mulai", "Isi waktu mulai, misalnya 2026-12-04T16:20:00+08:00."));
                None
            }
            Some(t) => DateTime::parse_from_rfc3339(t)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    galat.push(GalatIsian::new(
                        "mulai",
                        "Tulis waktu mulai dalam format RFC 3339, misalnya 2026-12-04T16:20:00+08:00.",
                    ))
                })
                .ok(),
        };
        let angka =
            |nama: &str, t: &str, maks: u32, galat: &mut Vec<GalatIsian>| match t.parse::<u32>() {
                Ok(n) if n <= maks => Some(n),
                _ => {
                    galat.push(GalatIsian::new(
                        nama,
                        format!("Isi bilangan bulat 0 sampai {maks}."),
                    ));
                    None
                }
            };
        let lama = match (isi(menit_kerja), isi(hari_kerja)) {
            (Some(m), None) => {
                angka("menit_kerja", m, MENIT_KERJA_MAKS, &mut galat).map(Lama::MenitKerja)
            }
            (None, Some(h)) => {
                angka("hari_kerja", h, HARI_KERJA_MAKS, &mut galat).map(Lama::HariKerja)
            }
            _ => {
                galat.push(GalatIsian::new(
                    "menit_kerja",
                    "Isi salah satu: menit_kerja atau hari_kerja.",
                ));
                None
            }
        };
        let zona = match isi(zona) {
            None => Some(ZonaWaktu::Wib),
            Some(z) => ZonaWaktu::dari_kode(z).or_else(|| {
                galat.push(GalatIsian::new(
                    "zona",
                    "Zona waktu harus WIB, WITA atau WIT.",
                ));
                None
            }),
        };
        match (mulai, lama, zona) {
            (Some(mulai), Some(lama), Some(zona)) if galat.is_empty() => {
                Ok(Self { mulai, lama, zona })
            }
            _ => Err(crate::Galat::Validasi(galat)),
        }
    }

    /// The due time on `kalender`'s working days in the default office hours, in the zone.
    pub fn tenggat(&self, kalender: &KalenderKerja) -> DateTime<FixedOffset> {
        let w = WaktuKerja::new(kalender.clone(), JamKerja::default(), self.zona);
        match self.lama {
            Lama::MenitKerja(n) => w.tambah_menit(self.mulai, n),
            Lama::HariKerja(n) => w.tambah_hari(self.mulai, n),
        }
        .with_timezone(&self.zona.offset())
    }
}

#[cfg(test)]
mod tests;
