//! The email outbox: use cases enqueue [`PesanEmail`]s in their own transaction; a dispatcher claims
//! and sends them through the [`Outbox`] port, so a mail server being down loses nothing.

use crate::{InfraError, PesanId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An email to send: a template name (`templates/<template>/…` of the mail adapter), a recipient and
/// the template's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PesanEmail {
    /// Recipient address.
    pub kepada: String,
    /// Template name, e.g. `permohonan_diterima`.
    pub template: String,
    /// Values the template uses.
    pub data: serde_json::Value,
}

impl PesanEmail {
    /// A message for `template` to `kepada` with `data`.
    pub fn baru(kepada: impl Into<String>, template: &str, data: serde_json::Value) -> Self {
        Self {
            kepada: kepada.into(),
            template: template.into(),
            data,
        }
    }
}

/// A claimed message, ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct PesanKeluar {
    /// Outbox row id.
    pub id: PesanId,
    /// The message.
    pub pesan: PesanEmail,
    /// Attempts made before this one.
    pub percobaan: u32,
}

/// An email the outbox has not delivered yet, as the admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PesanTertunda {
    /// Recipient.
    pub kepada: String,
    /// Template (the event).
    pub template: String,
    /// `menunggu` (will be retried) or `gagal` (given up).
    pub status: String,
    /// Attempts made.
    pub percobaan: u32,
    /// The last error.
    pub galat_terakhir: Option<String>,
    /// When it was queued.
    pub dibuat_pada: DateTime<Utc>,
}

/// The dispatcher's side of the outbox.
#[async_trait::async_trait]
pub trait Outbox: Send + Sync {
    /// Claims up to `batas` messages due at `now`, leasing them so no other dispatcher takes them.
    async fn klaim(&self, batas: u64, now: DateTime<Utc>) -> Result<Vec<PesanKeluar>, InfraError>;
    /// Marks a message sent.
    async fn tandai_terkirim(&self, id: PesanId, now: DateTime<Utc>) -> Result<(), InfraError>;
    /// Records a failed attempt: retried at `coba_lagi`, or failed for good when it is `None`.
    async fn tandai_gagal(
        &self,
        id: PesanId,
        galat: &str,
        coba_lagi: Option<DateTime<Utc>>,
    ) -> Result<(), InfraError>;
}
