//! The survey use cases (R-LAY-04): the invited person opens the link (no login), answers once;
//! the admin reads the index of a period and downloads its responses.

use crate::ports::SurveiRepo;
use crate::survei::{Ikm, Jawaban, JawabanSurvei, Periode, SARAN_MAKS, UNSUR};
use chrono::{DateTime, Utc};
use pse_kernel::{
    Actor, Clock, Galat, GalatIsian, KepalaKolom, PabrikTabel, Sel, UndanganSurvei, Unduhan,
    hash_token,
};
use std::sync::Arc;

/// What a used link answers.
pub const SUDAH_DIJAWAB: &str = "Survei ini sudah diisi. Terima kasih atas penilaian Anda; setiap tautan hanya dapat dipakai sekali.";

/// The survey service on its port.
pub struct SurveiService {
    repo: Arc<dyn SurveiRepo>,
    tabel: Arc<dyn PabrikTabel>,
    clock: Arc<dyn Clock>,
}

/// Answers read from the store at a time for the responses file.
const UKURAN_BACA: u64 = 1000;

impl SurveiService {
    /// The service on `repo`, writing files through `tabel`.
    pub fn new(
        repo: Arc<dyn SurveiRepo>,
        tabel: Arc<dyn PabrikTabel>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self { repo, tabel, clock }
    }

    /// The invitation of `token`; an unknown one is not found, a used one a state error.
    pub async fn undangan(&self, token: &str) -> Result<UndanganSurvei, Galat> {
        match self.repo.undangan(&hash_token(token)).await? {
            None => Err(Galat::TidakDitemukan),
            Some((_, true)) => Err(Galat::StatusTidakSesuai(SUDAH_DIJAWAB.into())),
            Some((u, false)) => Ok(u),
        }
    }

    /// Answers the survey of `token` once: nine scores 1–4 and an optional suggestion. A used
    /// link is refused before the scores are looked at; two answers sent at once keep one.
    pub async fn jawab(&self, token: &str, nilai: &[i64], saran: &str) -> Result<(), Galat> {
        self.undangan(token).await?;
        let jawaban = Jawaban::baru(nilai);
        let saran = saran.trim();
        let mut galat = jawaban.as_ref().err().cloned().unwrap_or_default();
        if saran.chars().count() > SARAN_MAKS {
            galat.push(GalatIsian::new(
                "saran",
                format!("Saran paling panjang {SARAN_MAKS} karakter."),
            ));
        }
        let jawaban = match jawaban {
            Ok(j) if galat.is_empty() => j,
            _ => return Err(Galat::Validasi(galat)),
        };
        let saran = (!saran.is_empty()).then_some(saran);
        if self
            .repo
            .jawab(&hash_token(token), &jawaban, saran, self.clock.now())
            .await?
        {
            Ok(())
        } else {
            Err(Galat::StatusTidakSesuai(SUDAH_DIJAWAB.into()))
        }
    }

    /// The index of the answers from `dari` up to `sampai`, for the admin.
    pub async fn ikm(
        &self,
        aktor: &Actor,
        dari: DateTime<Utc>,
        sampai: DateTime<Utc>,
    ) -> Result<Ikm, Galat> {
        hanya_admin(aktor)?;
        if sampai <= dari {
            return Err(Galat::isian(
                "sampai",
                "Tanggal akhir harus sesudah tanggal awal.",
            ));
        }
        Ok(self.repo.ikm(dari, sampai).await?)
    }

    /// The responses of `periode` as a spreadsheet, oldest first: the day answered, the service,
    /// the nine scores and the suggestion (no one's name or address). Read a thousand at a time
    /// after the last one's (time, id) and written as read, so memory stays flat.
    pub async fn unduh(&self, aktor: &Actor, periode: &Periode) -> Result<Unduhan, Galat> {
        hanya_admin(aktor)?;
        let mut w = self.tabel.tabel("Survei Kepuasan")?;
        let mut kepala = vec![
            KepalaKolom::new("Tanggal", 12.0),
            KepalaKolom::new("Layanan", 40.0),
        ];
        kepala.extend(UNSUR.iter().map(|u| KepalaKolom::new(*u, 16.0)));
        kepala.push(KepalaKolom::new("Saran", 60.0));
        w.judul(&kepala)?;
        let (awal, akhir) = (periode.awal(), periode.akhir());
        let mut setelah = None;
        loop {
            let h = self.repo.jawaban(awal, akhir, setelah, UKURAN_BACA).await?;
            for j in &h {
                w.baris(&baris(j))?;
            }
            match h.last() {
                Some(j) if h.len() as u64 == UKURAN_BACA => setelah = Some((j.pada, j.id)),
                _ => break,
            }
        }
        Ok(Unduhan {
            nama_berkas: format!(
                "survei-kepuasan-{}-{}.xlsx",
                periode.dari.format("%Y-%m-%d"),
                periode.sampai.format("%Y-%m-%d")
            ),
            isi: w.selesai()?,
        })
    }
}

/// Only the admin reads the survey's results.
fn hanya_admin(aktor: &Actor) -> Result<(), Galat> {
    match aktor {
        a if a.adalah_admin() => Ok(()),
        Actor::Publik => Err(Galat::BelumMasuk),
        _ => Err(Galat::Dilarang),
    }
}

/// One response's row: the day (WIB), the service, the scores, the suggestion.
fn baris(j: &JawabanSurvei) -> Vec<Sel> {
    let mut sel = vec![
        Sel::Tanggal(
            j.pada
                .with_timezone(&pse_kernel::kalender::wib())
                .date_naive(),
        ),
        Sel::Teks(j.layanan.label().into()),
    ];
    sel.extend(j.jawaban.nilai().map(|n| Sel::Angka(f64::from(n))));
    sel.push(j.saran.clone().map_or(Sel::Kosong, Sel::Teks));
    sel
}
