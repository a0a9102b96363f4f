//! The outbox dispatcher: claims due messages, renders and sends them, and reschedules failures
//! with exponential backoff until the last attempt marks them failed.

use crate::{Pengirim, Templat};
use chrono::Duration;
use pse_kernel::{Clock, InfraError, Outbox};
use std::sync::Arc;
use tokio::sync::watch;

/// Attempts before a message is marked failed.
pub const PERCOBAAN_MAKS: u32 = 8;

/// Sends what the outbox holds.
pub struct Dispatcher {
    outbox: Arc<dyn Outbox>,
    pengirim: Arc<dyn Pengirim>,
    templat: Templat,
    clock: Arc<dyn Clock>,
}

/// Wait before attempt `n + 1`: 5 s, 10 s, 20 s … at most an hour.
pub fn jeda(percobaan: u32) -> Duration {
    let detik = 5i64.saturating_mul(1i64 << percobaan.min(20));
    Duration::seconds(detik.min(3600))
}

impl Dispatcher {
    /// A dispatcher on `outbox`, sending through `pengirim`.
    pub fn new(
        outbox: Arc<dyn Outbox>,
        pengirim: Arc<dyn Pengirim>,
        templat: Templat,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            outbox,
            pengirim,
            templat,
            clock,
        }
    }

    /// One round: claims up to 20 due messages and tries each once. Answers how many were sent.
    pub async fn sekali(&self) -> Result<usize, InfraError> {
        self.putaran(None).await
    }

    /// A round that renews the claim on the messages still to send after each one, and when
    /// `berhenti` turns true gives them back at once (so a restarted portal sends them at once).
    async fn putaran(&self, berhenti: Option<&watch::Receiver<bool>>) -> Result<usize, InfraError> {
        let now = self.clock.now();
        let mut terkirim = 0;
        let klaim = self.outbox.klaim(20, now).await?;
        let mut sisa: Vec<_> = klaim.iter().map(|p| p.id).collect();
        for p in klaim {
            if berhenti.is_some_and(|b| *b.borrow()) {
                self.outbox.lepas(&sisa, self.clock.now()).await?;
                break;
            }
            sisa.retain(|i| *i != p.id);
            let hasil = match self.templat.render(&p.pesan) {
                Ok(mut surat) => {
                    surat.id_pesan = Some(p.id.to_string());
                    self.pengirim.kirim(&surat).await
                }
                Err(e) => Err(e),
            };
            match hasil {
                Ok(()) => {
                    self.outbox
                        .tandai_terkirim(p.id, self.clock.now(), &p.pesan.data_terkirim())
                        .await?;
                    terkirim += 1;
                    tracing::info!(pesan = %p.id, template = %p.pesan.template, "email terkirim");
                }
                Err(e) => {
                    let berikut = p.percobaan + 1;
                    let coba_lagi =
                        (berikut < PERCOBAAN_MAKS).then(|| self.clock.now() + jeda(p.percobaan));
                    tracing::warn!(pesan = %p.id, percobaan = berikut, galat = %e, "email gagal dikirim");
                    self.outbox
                        .tandai_gagal(p.id, &e.to_string(), coba_lagi)
                        .await?;
                }
            }
            self.outbox.perpanjang(&sisa, self.clock.now()).await?;
        }
        Ok(terkirim)
    }

    /// Runs rounds every `selang` until `berhenti` turns true.
    pub async fn jalankan(self, selang: std::time::Duration, mut berhenti: watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.putaran(Some(&berhenti)).await {
                tracing::error!(galat = %e, "outbox tidak dapat dibaca");
            }
            tokio::select! {
                _ = tokio::time::sleep(selang) => {}
                _ = berhenti.changed() => {}
            }
            if *berhenti.borrow() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::{DateTime, Utc};
    use pse_kernel::{PesanEmail, PesanId, PesanKeluar, Surel};
    use std::sync::Mutex;

    /// An outbox holding claimed messages, recording what the dispatcher did with them.
    #[derive(Default)]
    struct Catatan {
        klaim: Vec<PesanId>,
        terkirim: Mutex<Vec<PesanId>>,
        diperpanjang: Mutex<Vec<Vec<PesanId>>>,
        dilepas: Mutex<Vec<PesanId>>,
    }

    #[async_trait::async_trait]
    impl Outbox for Catatan {
        async fn klaim(&self, _: u64, _: DateTime<Utc>) -> Result<Vec<PesanKeluar>, InfraError> {
            Ok(self
                .klaim
                .iter()
                .map(|id| PesanKeluar {
                    id: *id,
                    pesan: PesanEmail::baru(
                        "a@b.go.id",
                        Surel::EmailSudahDipakai,
                        serde_json::json!({}),
                    ),
                    percobaan: 0,
                })
                .collect())
        }
        async fn tandai_terkirim(
            &self,
            id: PesanId,
            _: DateTime<Utc>,
            _: &serde_json::Value,
        ) -> Result<(), InfraError> {
            self.terkirim.lock().unwrap().push(id);
            Ok(())
        }
        async fn tandai_gagal(
            &self,
            _: PesanId,
            _: &str,
            _: Option<DateTime<Utc>>,
        ) -> Result<(), InfraError> {
            Ok(())
        }
        async fn perpanjang(&self, ids: &[PesanId], _: DateTime<Utc>) -> Result<(), InfraError> {
            self.diperpanjang.lock().unwrap().push(ids.to_vec());
            Ok(())
        }
        async fn lepas(&self, ids: &[PesanId], _: DateTime<Utc>) -> Result<(), InfraError> {
            self.dilepas.lock().unwrap().extend_from_slice(ids);
            Ok(())
        }
    }

    struct Diam;

    #[async_trait::async_trait]
    impl Pengirim for Diam {
        async fn kirim(&self, _: &crate::SuratJadi) -> Result<(), InfraError> {
            Ok(())
        }
    }

    fn dispatcher(outbox: Arc<Catatan>) -> Dispatcher {
        Dispatcher::new(
            outbox,
            Arc::new(Diam),
            Templat::new(
                "https://pse.test",
                &layanan::standar::KontakLayanan::default(),
            )
            .unwrap(),
            Arc::new(pse_kernel::clock::SystemClock),
        )
    }

    #[tokio::test]
    async fn the_claim_is_renewed_after_each_message_and_given_back_on_a_stop() {
        let ids: Vec<PesanId> = (0..3).map(|_| PesanId::new()).collect();
        let o = Arc::new(Catatan {
            klaim: ids.clone(),
            ..Catatan::default()
        });
        assert_eq!(dispatcher(o.clone()).sekali().await.unwrap(), 3);
        assert_eq!(
            *o.diperpanjang.lock().unwrap(),
            vec![ids[1..].to_vec(), ids[2..].to_vec(), Vec::new()],
            "what is still to send keeps its claim"
        );
        let o = Arc::new(Catatan {
            klaim: ids.clone(),
            ..Catatan::default()
        });
        let (_kirim, berhenti) = watch::channel(true);
        dispatcher(o.clone())
            .putaran(Some(&berhenti))
            .await
            .unwrap();
        assert!(
            o.terkirim.lock().unwrap().is_empty(),
            "nothing sent once stopping"
        );
        assert_eq!(*o.dilepas.lock().unwrap(), ids, "all given back at once");
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(jeda(0), Duration::seconds(5));
        assert_eq!(jeda(1), Duration::seconds(10));
        assert_eq!(jeda(3), Duration::seconds(40));
        assert_eq!(jeda(30), Duration::seconds(3600));
    }
}
