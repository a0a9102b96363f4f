//! Misuse and its sanctions (R-SEP-04, R-SEP-05): a case is recorded, a written warning goes to
//! the user with a copy to the Sekretaris and 5 working days to answer; an answer in time lets
//! the Direktorat close the case or deactivate; no answer by the due time deactivates the user
//! by itself, permanently when the user was proven to misuse before.

use crate::katalog::wajib;
use chrono::{DateTime, Utc};
use pse_kernel::{Galat, GalatIsian, KalenderKerja, PenggunaSepId, PenyalahgunaanId, TolakBilaAda};
use serde::{Deserialize, Serialize};

/// Working days a warned user has to answer (R-SEP-05).
pub const HARI_JAWAB: u32 = 5;

/// The kinds of misuse the regulation names (R-SEP-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KategoriPenyalahgunaan {
    Spam,
    Fitnah,
    Sara,
    Penipuan,
}

impl KategoriPenyalahgunaan {
    /// Every kind.
    pub const SEMUA: [Self; 4] = [Self::Spam, Self::Fitnah, Self::Sara, Self::Penipuan];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::Fitnah => "fitnah",
            Self::Sara => "sara",
            Self::Penipuan => "penipuan",
        }
    }

    /// As the warning letter words it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Spam => "pengiriman pesan massal yang tidak dikehendaki (spam)",
            Self::Fitnah => "fitnah",
            Self::Sara => "konten bermuatan suku, agama, ras, dan antargolongan (SARA)",
            Self::Penipuan => "penipuan",
        }
    }

    /// The kind of a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|k| k.kode() == kode.trim())
    }
}

/// Where a case stands (contract values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusPenyalahgunaan {
    /// Recorded; no warning yet.
    Tercatat,
    /// Warned; the user's answer is awaited.
    MenungguJawaban,
    /// Answered in time; the Direktorat decides.
    Dijawab,
    /// Not answered by the due time: the user was deactivated.
    Kedaluwarsa,
    /// Closed without a sanction.
    Ditutup,
    /// Decided: the user was deactivated.
    Dinonaktifkan,
}

impl StatusPenyalahgunaan {
    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Tercatat => "tercatat",
            Self::MenungguJawaban => "menunggu_jawaban",
            Self::Dijawab => "dijawab",
            Self::Kedaluwarsa => "kedaluwarsa",
            Self::Ditutup => "ditutup",
            Self::Dinonaktifkan => "dinonaktifkan",
        }
    }

    /// Whether the case proves a misuse (it ended in a deactivation).
    pub fn terbukti(self) -> bool {
        matches!(self, Self::Kedaluwarsa | Self::Dinonaktifkan)
    }
}

/// The Direktorat's decision on an answered case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Keputusan {
    /// No sanction.
    Ditutup,
    /// The user is deactivated.
    Nonaktifkan,
    /// The user is deactivated for good (only for a repeated misuse).
    NonaktifkanPermanen,
}

impl Keputusan {
    /// The decision of a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        match kode.trim() {
            "ditutup" => Some(Self::Ditutup),
            "nonaktifkan" => Some(Self::Nonaktifkan),
            "nonaktifkan_permanen" => Some(Self::NonaktifkanPermanen),
            _ => None,
        }
    }
}

/// What a case asks of the user's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Sanksi {
    /// Nothing.
    Tidak,
    /// Deactivate, permanently or not.
    Nonaktifkan {
        /// For good.
        permanen: bool,
    },
}

/// A misuse case of one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Penyalahgunaan {
    pub id: PenyalahgunaanId,
    pub pengguna_id: PenggunaSepId,
    pub kategori: KategoriPenyalahgunaan,
    pub uraian: String,
    pub status: StatusPenyalahgunaan,
    /// How many misuses of this user were proven before this case.
    pub terbukti_sebelumnya: u32,
    /// When the warning went out and when the answer is due.
    pub peringatan: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The user's answer and when it came.
    pub jawaban: Option<(String, DateTime<Utc>)>,
    /// The hash of the answer link's code (the code travels only in the warning's email).
    pub hash_kode: Option<String>,
    /// Whether the reminder one working day before the due time went out.
    pub diingatkan: bool,
    /// Every event with its time, in order: what the case's timeline shows.
    pub riwayat: Vec<(StatusPenyalahgunaan, DateTime<Utc>)>,
    pub versi: i64,
}

fn bukan_giliran(p: &Penyalahgunaan) -> Galat {
    Galat::StatusTidakSesuai(format!(
        "Kasus ini tidak dapat diproses begitu: statusnya \"{}\".",
        p.status.kode().replace('_', " ")
    ))
}

impl Penyalahgunaan {
    /// Records a case (R-SEP-04); `terbukti_sebelumnya` counts the user's proven misuses.
    pub fn catat(
        pengguna_id: PenggunaSepId,
        kategori: Option<KategoriPenyalahgunaan>,
        uraian: &str,
        terbukti_sebelumnya: u32,
        pada: DateTime<Utc>,
    ) -> Result<Self, Galat> {
        let mut g = Vec::new();
        if kategori.is_none() {
            g.push(GalatIsian::new(
                "kategori",
                "Pilih jenis penyalahgunaan: spam, fitnah, SARA, atau penipuan.",
            ));
        }
        let uraian = wajib(
            &mut g,
            "uraian",
            uraian,
            4000,
            "Uraikan penyalahgunaan yang terjadi.",
        );
        let (Some(kategori), true) = (kategori, g.is_empty()) else {
            return Err(Galat::Validasi(g));
        };
        Ok(Self {
            id: PenyalahgunaanId::new(),
            pengguna_id,
            kategori,
            uraian,
            status: StatusPenyalahgunaan::Tercatat,
            terbukti_sebelumnya,
            peringatan: None,
            jawaban: None,
            hash_kode: None,
            diingatkan: false,
            riwayat: vec![(StatusPenyalahgunaan::Tercatat, pada)],
            versi: 0,
        })
    }

    /// Sends the written warning: the user has 5 working days to answer (R-SEP-05).
    pub fn peringatkan(
        &mut self,
        kalender: &KalenderKerja,
        pada: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, Galat> {
        if self.status != StatusPenyalahgunaan::Tercatat {
            return Err(bukan_giliran(self));
        }
        let tenggat = kalender.tenggat(pada, HARI_JAWAB);
        self.peringatan = Some((pada, tenggat));
        self.status = StatusPenyalahgunaan::MenungguJawaban;
        self.riwayat.push((self.status, pada));
        Ok(tenggat)
    }

    /// The user answers, in time only.
    pub fn jawab(&mut self, jawaban: &str, pada: DateTime<Utc>) -> Result<(), Galat> {
        if self.status != StatusPenyalahgunaan::MenungguJawaban {
            return Err(bukan_giliran(self));
        }
        if self.peringatan.is_some_and(|(_, t)| pada > t) {
            return Err(Galat::StatusTidakSesuai(
                "Batas waktu menjawab surat peringatan sudah lewat.".into(),
            ));
        }
        let mut g = Vec::new();
        let jawaban = wajib(
            &mut g,
            "jawaban",
            jawaban,
            4000,
            "Tulis jawaban atas surat peringatan.",
        );
        g.tolak_bila_ada()?;
        self.jawaban = Some((jawaban, pada));
        self.status = StatusPenyalahgunaan::Dijawab;
        self.riwayat.push((self.status, pada));
        Ok(())
    }

    /// Whether the reminder is due at `pada`: a warning still unanswered, not yet reminded,
    /// whose due time is within one working day.
    pub fn perlu_diingatkan(&self, kalender: &KalenderKerja, pada: DateTime<Utc>) -> bool {
        self.status == StatusPenyalahgunaan::MenungguJawaban
            && !self.diingatkan
            && self
                .peringatan
                .is_some_and(|(_, t)| pada <= t && kalender.tenggat(pada, 1) >= t)
    }

    /// The scheduled check at `pada`: a warning unanswered past its due time deactivates the user,
    /// permanently for a repeated misuse. Anything else is left as it is.
    pub fn periksa_tenggat(&mut self, pada: DateTime<Utc>) -> Sanksi {
        match (self.status, self.peringatan) {
            (StatusPenyalahgunaan::MenungguJawaban, Some((_, t))) if pada > t => {
                self.status = StatusPenyalahgunaan::Kedaluwarsa;
                self.riwayat.push((self.status, pada));
                Sanksi::Nonaktifkan {
                    permanen: self.terbukti_sebelumnya > 0,
                }
            }
            _ => Sanksi::Tidak,
        }
    }

    /// The Direktorat decides an answered case: close it, or deactivate; permanently only for a
    /// repeated misuse.
    pub fn putuskan(
        &mut self,
        keputusan: Option<Keputusan>,
        pada: DateTime<Utc>,
    ) -> Result<Sanksi, Galat> {
        if self.status != StatusPenyalahgunaan::Dijawab {
            return Err(bukan_giliran(self));
        }
        let sanksi = match keputusan {
            Some(Keputusan::Ditutup) => Sanksi::Tidak,
            Some(Keputusan::Nonaktifkan) => Sanksi::Nonaktifkan { permanen: false },
            Some(Keputusan::NonaktifkanPermanen) if self.terbukti_sebelumnya > 0 => {
                Sanksi::Nonaktifkan { permanen: true }
            }
            Some(Keputusan::NonaktifkanPermanen) => {
                return Err(Galat::isian(
                    "keputusan",
                    "Penonaktifan permanen hanya untuk penyalahgunaan berulang; pengguna ini belum pernah terbukti menyalahgunakan.",
                ));
            }
            None => {
                return Err(Galat::isian(
                    "keputusan",
                    "Pilih keputusan: tutup kasus, nonaktifkan, atau nonaktifkan permanen.",
                ));
            }
        };
        self.status = match sanksi {
            Sanksi::Tidak => StatusPenyalahgunaan::Ditutup,
            Sanksi::Nonaktifkan { .. } => StatusPenyalahgunaan::Dinonaktifkan,
        };
        self.riwayat.push((self.status, pada));
        Ok(sanksi)
    }
}
