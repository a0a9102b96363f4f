//! The survey use cases (R-LAY-04): the invited person opens the link (no login), answers once;
//! the admin reads the index of a period.

use crate::ports::SurveiRepo;
use crate::survei::{Ikm, Jawaban, SARAN_MAKS};
use chrono::{DateTime, Utc};
use pse_kernel::{Actor, Clock, Galat, GalatIsian, UndanganSurvei, hash_token};
use std::sync::Arc;

/// What a used link answers.
pub const SUDAH_DIJAWAB: &str = "Survei ini sudah diisi. Terima kasih atas penilaian Anda; setiap tautan hanya dapat dipakai sekali.";

/// The survey service on its port.
pub struct SurveiService {
    repo: Arc<dyn SurveiRepo>,
    clock: Arc<dyn Clock>,
}

impl SurveiService {
    /// The service on `repo`.
    pub fn new(repo: Arc<dyn SurveiRepo>, clock: Arc<dyn Clock>) -> Self {
        Self { repo, clock }
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
        match aktor {
            a if a.adalah_admin() => {}
            Actor::Publik => return Err(Galat::BelumMasuk),
            _ => return Err(Galat::Dilarang),
        }
        if sampai <= dari {
            return Err(Galat::isian(
                "sampai",
                "Tanggal akhir harus sesudah tanggal awal.",
            ));
        }
        Ok(self.repo.ikm(dari, sampai).await?)
    }
}
