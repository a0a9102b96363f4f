//! The survey's port ([`SurveiRepo`]) in memory: invitations written by the systems' and changes'
//! units of work, an answer kept once.

use crate::StoreMemori;
use chrono::{DateTime, Utc};
use layanan::ports::SurveiRepo;
use layanan::survei::{Ikm, Jawaban, JawabanSurvei};
use pse_kernel::{InfraError, SurveiId, UndanganSurvei};

/// An answer as kept: the scores, the suggestion, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dijawab {
    /// The nine scores.
    pub jawaban: Jawaban,
    /// The suggestion, if any.
    pub saran: Option<String>,
    /// When it was answered.
    pub pada: DateTime<Utc>,
}

#[async_trait::async_trait]
impl SurveiRepo for StoreMemori {
    async fn undangan(&self, hash: &str) -> Result<Option<(UndanganSurvei, bool)>, InfraError> {
        Ok(self
            .isi()
            .survei
            .get(hash)
            .map(|(u, d)| (u.clone(), d.is_some())))
    }

    async fn jawab(
        &self,
        hash: &str,
        jawaban: &Jawaban,
        saran: Option<&str>,
        pada: DateTime<Utc>,
    ) -> Result<bool, InfraError> {
        Ok(match self.isi().survei.get_mut(hash) {
            Some((_, d @ None)) => {
                *d = Some(Dijawab {
                    jawaban: *jawaban,
                    saran: saran.map(String::from),
                    pada,
                });
                true
            }
            _ => false,
        })
    }

    async fn ikm(&self, dari: DateTime<Utc>, sampai: DateTime<Utc>) -> Result<Ikm, InfraError> {
        let isi = self.isi();
        Ok(Ikm::dari(isi.survei.values().filter_map(|(_, d)| {
            d.as_ref()
                .filter(|d| d.pada >= dari && d.pada < sampai)
                .map(|d| &d.jawaban)
        })))
    }

    async fn jawaban(
        &self,
        dari: DateTime<Utc>,
        sampai: DateTime<Utc>,
        setelah: Option<(DateTime<Utc>, SurveiId)>,
        batas: u64,
    ) -> Result<Vec<JawabanSurvei>, InfraError> {
        let isi = self.isi();
        let mut v: Vec<JawabanSurvei> = isi
            .survei
            .values()
            .filter_map(|(u, d)| {
                let d = d.as_ref()?;
                Some(JawabanSurvei {
                    id: u.id,
                    layanan: u.layanan,
                    pada: d.pada,
                    jawaban: d.jawaban,
                    saran: d.saran.clone(),
                })
            })
            .filter(|j| j.pada >= dari && j.pada < sampai)
            .filter(|j| setelah.is_none_or(|k| (j.pada, j.id) > k))
            .collect();
        v.sort_by_key(|j| (j.pada, j.id));
        v.truncate(usize::try_from(batas).unwrap_or(usize::MAX));
        Ok(v)
    }
}
