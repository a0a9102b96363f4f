//! A bounded pool for costly work (password hashing, report files): at most a set number run at
//! once, and a caller that waits too long for a slot is answered 503 instead of piling up.

use pse_kernel::InfraError;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Slots for one kind of costly work.
#[derive(Clone)]
pub struct Kolam {
    slot: Arc<Semaphore>,
    tunggu: Duration,
    /// Why a caller is turned away, for the log.
    penuh: &'static str,
}

impl Kolam {
    /// `paralel` slots (unset: one per core, at least one); a caller waits `tunggu` for one.
    pub fn new(paralel: Option<usize>, tunggu: Duration, penuh: &'static str) -> Self {
        let paralel = paralel
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
            .max(1);
        Self {
            slot: Arc::new(Semaphore::new(paralel)),
            tunggu,
            penuh,
        }
    }

    /// A slot, held until the permit is dropped; none free within the wait is an outage (503).
    pub async fn izin(&self) -> Result<OwnedSemaphorePermit, InfraError> {
        tokio::time::timeout(self.tunggu, self.slot.clone().acquire_owned())
            .await
            .map_err(|_| InfraError::tidak_tersedia(self.penuh))?
            .map_err(InfraError::new)
    }

    /// Runs `f` on a blocking thread once a slot is free.
    pub async fn blokir<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, InfraError> {
        let izin = self.izin().await?;
        tokio::task::spawn_blocking(move || {
            let hasil = f();
            drop(izin);
            hasil
        })
        .await
        .map_err(InfraError::new)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_full_pool_turns_the_next_caller_away_as_an_outage() {
        let kolam = Kolam::new(Some(1), Duration::from_millis(20), "penuh");
        let pegang = kolam.izin().await.unwrap();
        let galat = kolam.izin().await.unwrap_err();
        assert!(galat.sementara, "503, not 500");
        drop(pegang);
        assert_eq!(kolam.blokir(|| 7).await.unwrap(), 7);
    }
}
