//! The self-assessment of a system's category (R-SE-05, KATEGORI-SE.md): ten questions answered A, B
//! or C worth 5, 2 or 1; the total maps to Rendah, Tinggi or Strategis by configurable bounds.

use crate::{SistemError, TolakBilaAda};
use serde::{Deserialize, Serialize};

/// Kategori Sistem Elektronik.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KategoriSe {
    /// Low.
    Rendah,
    /// High.
    Tinggi,
    /// Strategic.
    Strategis,
}

impl KategoriSe {
    /// Every category, lowest first.
    pub const SEMUA: [Self; 3] = [Self::Rendah, Self::Tinggi, Self::Strategis];

    /// Parses a contract value.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "rendah" => Some(Self::Rendah),
            "tinggi" => Some(Self::Tinggi),
            "strategis" => Some(Self::Strategis),
            _ => None,
        }
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Rendah => "rendah",
            Self::Tinggi => "tinggi",
            Self::Strategis => "strategis",
        }
    }

    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Rendah => "Rendah",
            Self::Tinggi => "Tinggi",
            Self::Strategis => "Strategis",
        }
    }
}

/// One answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Jawaban {
    /// 5 points.
    A,
    /// 2 points.
    B,
    /// 1 point.
    C,
}

impl Jawaban {
    /// The letter people read ("A", "B", "C").
    pub fn huruf(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
        }
    }

    /// Its place among a question's three options.
    fn urutan(self) -> usize {
        match self {
            Self::A => 0,
            Self::B => 1,
            Self::C => 2,
        }
    }

    /// Its points.
    pub fn nilai(self) -> u32 {
        match self {
            Self::A => 5,
            Self::B => 2,
            Self::C => 1,
        }
    }

    fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "A" => Some(Self::A),
            "B" => Some(Self::B),
            "C" => Some(Self::C),
            _ => None,
        }
    }
}

/// Upper bounds of Rendah and Tinggi; above Tinggi is Strategis. Defaults 15 and 34.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatasKategori {
    /// Highest total that is Rendah.
    pub rendah_maks: u32,
    /// Highest total that is Tinggi.
    pub tinggi_maks: u32,
}

impl Default for BatasKategori {
    fn default() -> Self {
        Self {
            rendah_maks: 15,
            tinggi_maks: 34,
        }
    }
}

impl BatasKategori {
    /// Bounds from settings: scores run from 10 to 50, so `10 ≤ rendah_maks < tinggi_maks < 50`.
    pub fn baru(rendah_maks: u32, tinggi_maks: u32) -> Result<Self, String> {
        if (10..tinggi_maks).contains(&rendah_maks) && tinggi_maks < 50 {
            Ok(Self {
                rendah_maks,
                tinggi_maks,
            })
        } else {
            Err(format!(
                "batas kategori tidak masuk akal: rendah ≤ {rendah_maks}, tinggi ≤ {tinggi_maks} \
                 (harus 10 ≤ rendah < tinggi < 50)"
            ))
        }
    }

    /// The category of a total.
    pub fn kategori(&self, skor: u32) -> KategoriSe {
        if skor <= self.rendah_maks {
            KategoriSe::Rendah
        } else if skor <= self.tinggi_maks {
            KategoriSe::Tinggi
        } else {
            KategoriSe::Strategis
        }
    }
}

/// A completed self-assessment: every answer, the total and the category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenilaianKategori {
    /// The ten answers, in question order.
    pub jawaban: Vec<Jawaban>,
    /// The total, 10–50.
    pub skor: u32,
    /// The category for the bounds in force.
    pub kategori: KategoriSe,
}

impl PenilaianKategori {
    /// Scores ten answers (`"A"`, `"B"`, `"C"`), each missing or unknown one named.
    pub fn nilai(jawaban: &[String], batas: &BatasKategori) -> Result<Self, SistemError> {
        let mut galat = Vec::new();
        if jawaban.len() != PERTANYAAN.len() {
            galat.push(crate::GalatIsian::new(
                "jawaban",
                format!(
                    "Jawab kesepuluh pertanyaan; terisi {} dari {}.",
                    jawaban.len(),
                    PERTANYAAN.len()
                ),
            ));
        }
        let mut hasil = Vec::with_capacity(10);
        for (i, j) in jawaban.iter().enumerate() {
            match Jawaban::parse(j) {
                Some(j) => hasil.push(j),
                None if j.trim().is_empty() => galat.push(crate::GalatIsian::new(
                    &format!("jawaban[{i}]"),
                    format!("Pilih salah satu jawaban untuk pertanyaan {}.", i + 1),
                )),
                None => galat.push(crate::GalatIsian::new(
                    &format!("jawaban[{i}]"),
                    format!("Jawaban pertanyaan {} harus A, B atau C.", i + 1),
                )),
            }
        }
        galat.tolak_bila_ada()?;
        let skor = hasil.iter().map(|j| j.nilai()).sum();
        Ok(Self {
            jawaban: hasil,
            skor,
            kategori: batas.kategori(skor),
        })
    }

    /// The category again under other bounds (answers are kept for this).
    pub fn dengan_batas(&self, batas: &BatasKategori) -> KategoriSe {
        batas.kategori(self.skor)
    }
}

/// The questions with their answer texts A, B, C (KATEGORI-SE.md).
pub const PERTANYAAN: [(&str, [&str; 3]); 10] = [
    (
        "Nilai investasi sistem elektronik yang terpasang",
        [
            "Lebih dari Rp30 miliar",
            "Lebih dari Rp3 miliar s.d. Rp30 miliar",
            "Kurang dari Rp3 miliar",
        ],
    ),
    (
        "Total anggaran operasional tahunan yang dialokasikan untuk pengelolaan Sistem Elektronik",
        [
            "Lebih dari Rp10 miliar",
            "Lebih dari Rp1 miliar s.d. Rp10 miliar",
            "Kurang dari Rp1 miliar",
        ],
    ),
    (
        "Memiliki kewajiban kepatuhan terhadap peraturan atau standar tertentu",
        [
            "Peraturan atau standar nasional dan internasional",
            "Peraturan atau standar nasional",
            "Tidak ada peraturan khusus",
        ],
    ),
    (
        "Menggunakan teknik kriptografi khusus untuk keamanan informasi dalam Sistem Elektronik",
        [
            "Teknik kriptografi khusus yang disertifikasi oleh Negara",
            "Teknik kriptografi sesuai standar industri, tersedia secara publik atau dikembangkan sendiri",
            "Tidak ada penggunaan teknik kriptografi",
        ],
    ),
    (
        "Jumlah pengguna Sistem Elektronik",
        [
            "Lebih dari 5.000 pengguna",
            "1.000 sampai 5.000 pengguna",
            "Kurang dari 1.000 pengguna",
        ],
    ),
    (
        "Data pribadi yang dikelola Sistem Elektronik",
        [
            "Data pribadi yang memiliki hubungan dengan data pribadi lainnya",
            "Data pribadi yang bersifat individu dan/atau data pribadi yang terkait dengan kepemilikan badan usaha",
            "Tidak ada data pribadi",
        ],
    ),
    (
        "Tingkat klasifikasi/kekritisan data yang ada dalam Sistem Elektronik, relatif terhadap ancaman upaya penyerangan atau penerobosan keamanan informasi",
        ["Sangat Rahasia", "Rahasia dan/atau Terbatas", "Biasa"],
    ),
    (
        "Tingkat kekritisan proses yang ada dalam Sistem Elektronik, relatif terhadap ancaman upaya penyerangan atau penerobosan keamanan informasi",
        [
            "Proses yang berisiko mengganggu hajat hidup orang banyak dan memberi dampak langsung pada layanan publik",
            "Proses yang berisiko mengganggu hajat hidup orang banyak dan memberi dampak tidak langsung",
            "Proses yang tidak berdampak bagi kepentingan orang banyak",
        ],
    ),
    (
        "Dampak dari kegagalan Sistem Elektronik",
        [
            "Tidak tersedianya layanan publik berskala nasional atau membahayakan pertahanan keamanan negara",
            "Tidak tersedianya layanan publik atau proses penyelenggaraan negara dalam 1 provinsi atau lebih",
            "Tidak tersedianya layanan publik atau proses penyelenggaraan negara dalam 1 kabupaten/kota atau lebih",
        ],
    ),
    (
        "Potensi kerugian atau dampak negatif dari insiden ditembusnya keamanan informasi Sistem Elektronik (sabotase, terorisme)",
        [
            "Menimbulkan korban jiwa",
            "Terbatas pada kerugian finansial",
            "Mengakibatkan gangguan operasional sementara (tidak membahayakan dan merugikan finansial)",
        ],
    ),
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn j(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn r_se_05_example_scores_28_tinggi() {
        let p =
            PenilaianKategori::nilai(&j("A B B B A B B A B C"), &BatasKategori::default()).unwrap();
        assert_eq!((p.skor, p.kategori), (28, KategoriSe::Tinggi));
        assert_eq!(p.jawaban.len(), 10, "every answer is kept");
    }

    #[test]
    fn r_se_05_bounds_are_inclusive_and_configurable() {
        let b = BatasKategori::default();
        let kasus: Vec<_> = [10, 15, 16, 34, 35, 50]
            .iter()
            .map(|s| (*s, b.kategori(*s).kode()))
            .collect();
        insta::assert_yaml_snapshot!(kasus);
        // A total of 35 is Strategis by default and Tinggi under the 16–35 reading; answers are kept,
        // so a change of bounds can be recomputed.
        let lain = BatasKategori {
            rendah_maks: 15,
            tinggi_maks: 35,
        };
        let p = PenilaianKategori::nilai(&j("A A A A A B B B B B"), &b).unwrap();
        assert_eq!(
            (p.skor, p.kategori, p.dengan_batas(&lain)),
            (35, KategoriSe::Strategis, KategoriSe::Tinggi)
        );
    }

    #[test]
    fn r_se_05_incomplete_or_unknown_answers_are_named() {
        let e = PenilaianKategori::nilai(&j("A B D"), &BatasKategori::default()).unwrap_err();
        insta::assert_debug_snapshot!(e);
    }

    #[test]
    fn r_se_05_an_unanswered_question_asks_for_a_choice() {
        let mut jawaban = j("A B B B A B B A B C");
        jawaban[3].clear();
        let e = PenilaianKategori::nilai(&jawaban, &BatasKategori::default()).unwrap_err();
        insta::assert_debug_snapshot!(e);
    }
}

#[cfg(test)]
mod uji_batas {
    use super::*;

    #[test]
    fn r_se_05_bounds_from_settings_must_leave_room_for_each_category() {
        assert_eq!(BatasKategori::baru(15, 34), Ok(BatasKategori::default()));
        assert!(BatasKategori::baru(34, 15).is_err());
        assert!(BatasKategori::baru(9, 34).is_err());
        assert!(BatasKategori::baru(15, 50).is_err());
        let b = BatasKategori::baru(15, 27).unwrap_or_default();
        assert_eq!(b.kategori(28), KategoriSe::Strategis);
    }
}

/// The answers as people read them, one line per question: its number, its text, the letter and the
/// option chosen (for the BSSN notice).
pub fn uraian_jawaban(jawaban: &[Jawaban]) -> Vec<String> {
    jawaban
        .iter()
        .zip(PERTANYAAN)
        .enumerate()
        .map(|(i, (j, (tanya, opsi)))| {
            format!("{}. {tanya}: {} ({})", i + 1, j.huruf(), opsi[j.urutan()])
        })
        .collect()
}
