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
        let now = self.clock.now();
        let mut terkirim = 0;
        for p in self.outbox.klaim(20, now).await? {
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
        }
        Ok(terkirim)
    }

    /// Runs rounds every `selang` until `berhenti` turns true.
    pub async fn jalankan(self, selang: std::time::Duration, mut berhenti: watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.sekali().await {
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
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(jeda(0), Duration::seconds(5));
        assert_eq!(jeda(1), Duration::seconds(10));
        assert_eq!(jeda(3), Duration::seconds(40));
        assert_eq!(jeda(30), Duration::seconds(3600));
    }
}
