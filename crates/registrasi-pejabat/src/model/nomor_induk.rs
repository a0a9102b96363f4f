//! Employee numbers (R-PEJ-04, R-PEJ-13): the NIP of a PNS, the NI PPPK, a permanent employee's
//! number, and the NIK of an Institusi's PKWTT employee.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Employment status of the registrant (`jenis_kepegawaian`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisKepegawaian {
    /// Pegawai Negeri Sipil.
    Pns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja.
    Pppk,
    /// A permanent employee of an agency with its own staff numbers.
    PegawaiTetap,
    /// An Institusi's employee on an indefinite contract.
    Pkwtt,
}

impl JenisKepegawaian {
    /// Parses a contract value.
    pub fn parse(raw: &str) -> Result<Self, String> {
        match raw.trim() {
            "pns" => Ok(Self::Pns),
            "pppk" => Ok(Self::Pppk),
            "pegawai_tetap" => Ok(Self::PegawaiTetap),
            "pkwtt" => Ok(Self::Pkwtt),
            "" => Err("Pilih status kepegawaian.".into()),
            _ => Err(
                "Status kepegawaian tidak dikenal; pilih PNS, PPPK, Pegawai Tetap atau PKWTT."
                    .into(),
            ),
        }
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Pns => "pns",
            Self::Pppk => "pppk",
            Self::PegawaiTetap => "pegawai_tetap",
            Self::Pkwtt => "pkwtt",
        }
    }

    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pns => "PNS",
            Self::Pppk => "PPPK",
            Self::PegawaiTetap => "Pegawai Tetap",
            Self::Pkwtt => "PKWTT (Institusi)",
        }
    }
}

fn digit_saja(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect()
}

fn tanggal(tahun: &str, bulan: &str, hari: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(tahun.parse().ok()?, bulan.parse().ok()?, hari.parse().ok()?)
}

/// A NIP: an 18-digit PNS or PPPK number with its layout checked, or a permanent employee's number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Nip(String);

impl Nip {
    /// Parses a NIP by the layout of `jenis` (spaces and dots are ignored).
    pub fn parse(raw: &str, jenis: JenisKepegawaian) -> Result<Self, String> {
        let s = digit_saja(raw);
        if s.is_empty() {
            return Err("NIP wajib diisi.".into());
        }
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err("NIP hanya berisi angka.".into());
        }
        match jenis {
            JenisKepegawaian::Pns => Self::pns(&s)?,
            JenisKepegawaian::Pppk => Self::pppk(&s)?,
            JenisKepegawaian::PegawaiTetap => {
                if !(5..=20).contains(&s.len()) {
                    return Err("Nomor induk pegawai tetap terdiri dari 5 sampai 20 angka.".into());
                }
            }
            JenisKepegawaian::Pkwtt => {
                return Err("Pegawai PKWTT mengisi NIK, bukan NIP.".into());
            }
        }
        Ok(Self(s))
    }

    fn lahir(s: &str) -> Result<NaiveDate, String> {
        tanggal(&s[0..4], &s[4..6], &s[6..8]).ok_or_else(|| {
            "8 angka pertama NIP harus tanggal lahir yang valid (TTTTBBHH).".to_string()
        })
    }

    fn jenis_kelamin_dan_urut(s: &str) -> Result<(), String> {
        if !matches!(&s[14..15], "1" | "2") {
            return Err("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.".into());
        }
        if &s[15..18] == "000" {
            return Err("Nomor urut NIP (3 angka terakhir) tidak boleh 000.".into());
        }
        Ok(())
    }

    fn pns(s: &str) -> Result<(), String> {
        if s.len() != 18 {
            return Err("NIP PNS terdiri dari 18 angka.".into());
        }
        let lahir = Self::lahir(s)?;
        let bulan_tmt: u32 = s[12..14].parse().unwrap_or(0);
        if !(1..=12).contains(&bulan_tmt) {
            return Err("Angka ke-13 dan ke-14 NIP (bulan TMT CPNS) harus 01 sampai 12.".into());
        }
        let tahun_tmt: i32 = s[8..12].parse().unwrap_or(0);
        if tahun_tmt < chrono::Datelike::year(&lahir) + 18 {
            return Err("Tahun TMT CPNS pada NIP paling awal 18 tahun setelah tahun lahir.".into());
        }
        Self::jenis_kelamin_dan_urut(s)
    }

    fn pppk(s: &str) -> Result<(), String> {
        if s.len() != 18 {
            return Err("NI PPPK terdiri dari 18 angka.".into());
        }
        let lahir = Self::lahir(s)?;
        let tahun_angkat: i32 = s[8..12].parse().unwrap_or(0);
        if tahun_angkat < chrono::Datelike::year(&lahir) + 18 {
            return Err(
                "Tahun pengangkatan pada NI PPPK paling awal 18 tahun setelah tahun lahir.".into(),
            );
        }
        if &s[12..14] == "00" {
            return Err(
                "Angka ke-13 dan ke-14 NI PPPK (perjanjian kerja ke-) tidak boleh 00.".into(),
            );
        }
        Self::jenis_kelamin_dan_urut(s)
    }
}

impl AsRef<str> for Nip {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A Nomor Induk Kependudukan (16 digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Nik(String);

impl Nik {
    /// Parses a NIK: province 11–99, city, district, birth date DDMMYY (+40 on the day for women),
    /// a sequence that is not 0000.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = digit_saja(raw);
        if s.is_empty() {
            return Err("NIK wajib diisi.".into());
        }
        if s.len() != 16 || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err("NIK terdiri dari 16 angka.".into());
        }
        let provinsi: u32 = s[0..2].parse().unwrap_or(0);
        if provinsi < 11 {
            return Err("Dua angka pertama NIK (kode provinsi) tidak valid.".into());
        }
        let mut hari: u32 = s[6..8].parse().unwrap_or(0);
        if hari > 40 {
            hari -= 40;
        }
        let hh = format!("{hari:02}");
        let sah = tanggal(&format!("19{}", &s[10..12]), &s[8..10], &hh).is_some()
            || tanggal(&format!("20{}", &s[10..12]), &s[8..10], &hh).is_some();
        if !sah {
            return Err(
                "Angka ke-7 sampai ke-12 NIK harus tanggal lahir yang valid (HHBBTT).".into(),
            );
        }
        if &s[12..16] == "0000" {
            return Err("Nomor urut NIK (4 angka terakhir) tidak boleh 0000.".into());
        }
        Ok(Self(s))
    }
}

impl AsRef<str> for Nik {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The registrant's identifying number: a NIP for IPPD staff, a NIK for an Institusi's PKWTT employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "jenis", content = "nomor", rename_all = "snake_case")]
pub enum NomorInduk {
    /// NIP / NI PPPK / permanent employee number.
    Nip(Nip),
    /// NIK.
    Nik(Nik),
}

impl NomorInduk {
    /// The digits.
    pub fn nomor(&self) -> &str {
        match self {
            Self::Nip(n) => n.as_ref(),
            Self::Nik(n) => n.as_ref(),
        }
    }
}

impl fmt::Display for NomorInduk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nomor())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_pej_04_pns_nip_layout() {
        assert!(Nip::parse("19850101 201001 1 001", JenisKepegawaian::Pns).is_ok());
        let kasus = [
            "198501012010131001", // TMT month 13
            "198502302010011001", // 30 February
            "198501012010013001", // gender 3
            "198501012010011000", // sequence 000
            "198501011990011001", // TMT before 18th birthday year
            "19850101201001100",  // 17 digits
            "19850101201001100A", // a letter
            "",
        ];
        let hasil: Vec<_> = kasus
            .iter()
            .map(|k| (k.to_string(), Nip::parse(k, JenisKepegawaian::Pns).err()))
            .collect();
        insta::assert_yaml_snapshot!(hasil);
    }

    #[test]
    fn r_pej_04_pppk_layout_differs_from_pns() {
        // birth 1990-05-17, appointed 2022, first contract, woman, sequence 007
        let pppk = "199005172022012007";
        assert!(Nip::parse(pppk, JenisKepegawaian::Pppk).is_ok());
        assert_eq!(
            Nip::parse("199005172022002007", JenisKepegawaian::Pppk).err(),
            Some(
                "Angka ke-13 dan ke-14 NI PPPK (perjanjian kerja ke-) tidak boleh 00.".to_string()
            )
        );
        // PNS with TMT month 13 fails, while as PPPK "13" is the 13th contract and passes.
        assert!(Nip::parse("199005172022131007", JenisKepegawaian::Pns).is_err());
        assert!(Nip::parse("199005172022131007", JenisKepegawaian::Pppk).is_ok());
    }

    #[test]
    fn r_pej_04_nik_layout_with_women_day_plus_40() {
        assert!(
            Nik::parse("3273014501900001").is_ok(),
            "woman born 05-01-90"
        );
        assert!(Nik::parse("3273010501900001").is_ok(), "man born 05-01-90");
        let hasil: Vec<_> = [
            "3273017201900001",
            "0573010501900001",
            "3273010501900000",
            "32730105019000",
        ]
        .iter()
        .map(|k| (k.to_string(), Nik::parse(k).err()))
        .collect();
        insta::assert_yaml_snapshot!(hasil);
    }

    proptest! {
        #[test]
        fn r_pej_04_every_valid_pns_nip_round_trips(
            y in 1960i32..1995, m in 1u32..=12, d in 1u32..=28, tmt_plus in 18i32..30, tm in 1u32..=12,
            g in 1u32..=2, seq in 1u32..=999
        ) {
            let raw = format!("{y:04}{m:02}{d:02}{:04}{tm:02}{g}{seq:03}", y + tmt_plus);
            let nip = Nip::parse(&raw, JenisKepegawaian::Pns);
            prop_assert_eq!(nip.map(|n| n.as_ref().to_string()), Ok(raw));
        }

        #[test]
        fn r_pej_04_nip_parser_never_panics(s in "\\PC{0,30}") {
            let _ = Nip::parse(&s, JenisKepegawaian::Pns);
            let _ = Nip::parse(&s, JenisKepegawaian::Pppk);
            let _ = Nik::parse(&s);
        }
    }
}
