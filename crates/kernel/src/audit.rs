//! The audit trail (R-X-01): who did what, when, from which state to which, and why. Records are
//! only ever appended.

use crate::AuditId;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One immutable audit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    /// Its id.
    pub id: AuditId,
    /// When it happened.
    pub waktu: DateTime<Utc>,
    /// Who acted ([`crate::Actor::label`]).
    pub aktor: String,
    /// The kind of subject (`pendaftaran_pejabat`, `akun`, …).
    pub subjek_jenis: String,
    /// The subject's id.
    pub subjek_id: String,
    /// What was done (`ajukan`, `setujui`, `tolak`, …).
    pub aksi: String,
    /// The state before, if the status changed.
    pub dari_status: Option<String>,
    /// The state after, if the status changed.
    pub ke_status: Option<String>,
    /// Why (a rejection reason, a note).
    pub alasan: Option<String>,
}

impl AuditEvent {
    /// A record of `aksi` by `aktor` on a subject at `waktu`.
    pub fn baru(
        waktu: DateTime<Utc>,
        aktor: &crate::Actor,
        subjek_jenis: &str,
        subjek_id: impl ToString,
        aksi: &str,
    ) -> Self {
        Self {
            id: AuditId::new(),
            waktu,
            aktor: aktor.label(),
            subjek_jenis: subjek_jenis.into(),
            subjek_id: subjek_id.to_string(),
            aksi: aksi.into(),
            dari_status: None,
            ke_status: None,
            alasan: None,
        }
    }

    /// Adds the status change.
    pub fn status(mut self, dari: Option<&str>, ke: &str) -> Self {
        self.dari_status = dari.map(str::to_string);
        self.ke_status = Some(ke.to_string());
        self
    }

    /// Adds the reason.
    pub fn alasan(mut self, alasan: impl Into<String>) -> Self {
        self.alasan = Some(alasan.into());
        self
    }
}
