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

/// Every email the portal sends; each has its templates in `mail-smtp` under [`Surel::kode`], so a
/// renamed email is a compile error where it is sent, not a missing template at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surel {
    /// An application was received (to the applicant).
    PermohonanDiterima,
    /// An application was rejected, with the correction link.
    PermohonanDitolak,
    /// An application was approved, with the activation link.
    PermohonanDisetujui,
    /// A new activation link replaces the earlier one.
    AktivasiDiterbitkanUlang,
    /// The pejabat was replaced by a newly approved one.
    PejabatDigantikan,
    /// A Sub Pejabat was approved, with the activation link.
    SubPejabatDisetujui,
    /// A Sub Pejabat was rejected (to the pejabat).
    SubPejabatDitolak,
    /// A system's Data Awal was approved; the form is open.
    DataAwalDisetujui,
    /// A system's Data Awal was rejected with a reason.
    DataAwalDitolak,
    /// A submitted form was returned with a reason.
    FormulirDikembalikan,
    /// The Tanda Daftar was issued.
    TandaDaftarTerbit,
    /// The self-assessment result, to BSSN.
    NotifikasiBssn,
    /// A change request was approved; the form is open for the change.
    PerubahanDisetujui,
    /// A change request was rejected with a reason.
    PerubahanDitolak,
    /// A password reset link (asked for on "Lupa kata sandi").
    ResetKataSandi,
    /// Someone applied with an email already in use (to that mailbox only).
    EmailSudahDipakai,
    /// A complaint was received: its number and code (to the complainant).
    PengaduanDiterima,
    /// The admin answered a complaint (to the complainant).
    PengaduanDitanggapi,
    /// A finished service invites its user to the satisfaction survey.
    UndanganSurvei,
    /// A pemda's request waits for this petugas (applied, disposed, or completed).
    PermohonanDaerahMenunggu,
    /// A pemda's request was returned to the applicant with what is missing.
    PermohonanDaerahDikembalikan,
    /// A pemda's request is finished: the Surat Balasan (to the applicant and the Kepala Dinas).
    PermohonanDaerahSelesai,
    /// A pejabat invited a petugas layanan of its Dinas, with the activation link.
    PetugasDiundang,
    /// An office-application request was received: its status link (to the Sekretaris).
    SepPermohonanDiterima,
    /// An office-application request needs a correction, with its link (to the Sekretaris).
    SepPerluPerbaikan,
    /// An office-application request was decided: the decision letter (to the Sekretaris).
    SepKeputusan,
    /// An approved request's Admin Pengelola activates the account.
    SepAdminAktivasi,
    /// A written warning for misuse (to the user with the answer link; a copy to the Sekretaris).
    SepPeringatan,
    /// A warned user's answer (a copy to the Sekretaris).
    SepJawaban,
    /// An office-application user was deactivated (to the user and the Sekretaris).
    SepDinonaktifkan,
    /// A warning's answer is due within a working day (to the user).
    SepPengingat,
    /// A complete request's decision is due within a working day (to the admins).
    SepPengingatKeputusan,
}

impl Surel {
    /// Every email.
    pub const SEMUA: [Surel; 32] = [
        Self::PermohonanDiterima,
        Self::PermohonanDitolak,
        Self::PermohonanDisetujui,
        Self::AktivasiDiterbitkanUlang,
        Self::PejabatDigantikan,
        Self::SubPejabatDisetujui,
        Self::SubPejabatDitolak,
        Self::DataAwalDisetujui,
        Self::DataAwalDitolak,
        Self::FormulirDikembalikan,
        Self::TandaDaftarTerbit,
        Self::NotifikasiBssn,
        Self::PerubahanDisetujui,
        Self::PerubahanDitolak,
        Self::ResetKataSandi,
        Self::EmailSudahDipakai,
        Self::PengaduanDiterima,
        Self::PengaduanDitanggapi,
        Self::UndanganSurvei,
        Self::PermohonanDaerahMenunggu,
        Self::PermohonanDaerahDikembalikan,
        Self::PermohonanDaerahSelesai,
        Self::PetugasDiundang,
        Self::SepPermohonanDiterima,
        Self::SepPerluPerbaikan,
        Self::SepKeputusan,
        Self::SepAdminAktivasi,
        Self::SepPeringatan,
        Self::SepJawaban,
        Self::SepDinonaktifkan,
        Self::SepPengingat,
        Self::SepPengingatKeputusan,
    ];

    /// The template's folder name (stored with the outbox row).
    pub fn kode(self) -> &'static str {
        match self {
            Self::PermohonanDiterima => "permohonan_diterima",
            Self::PermohonanDitolak => "permohonan_ditolak",
            Self::PermohonanDisetujui => "permohonan_disetujui",
            Self::AktivasiDiterbitkanUlang => "aktivasi_diterbitkan_ulang",
            Self::PejabatDigantikan => "pejabat_digantikan",
            Self::SubPejabatDisetujui => "sub_pejabat_disetujui",
            Self::SubPejabatDitolak => "sub_pejabat_ditolak",
            Self::DataAwalDisetujui => "data_awal_disetujui",
            Self::DataAwalDitolak => "data_awal_ditolak",
            Self::FormulirDikembalikan => "formulir_dikembalikan",
            Self::TandaDaftarTerbit => "tanda_daftar_terbit",
            Self::NotifikasiBssn => "notifikasi_bssn",
            Self::PerubahanDisetujui => "perubahan_disetujui",
            Self::PerubahanDitolak => "perubahan_ditolak",
            Self::ResetKataSandi => "reset_kata_sandi",
            Self::EmailSudahDipakai => "email_sudah_dipakai",
            Self::PengaduanDiterima => "pengaduan_diterima",
            Self::PengaduanDitanggapi => "pengaduan_ditanggapi",
            Self::UndanganSurvei => "undangan_survei",
            Self::PermohonanDaerahMenunggu => "permohonan_daerah_menunggu",
            Self::PermohonanDaerahDikembalikan => "permohonan_daerah_dikembalikan",
            Self::PermohonanDaerahSelesai => "permohonan_daerah_selesai",
            Self::PetugasDiundang => "petugas_diundang",
            Self::SepPermohonanDiterima => "sep_permohonan_diterima",
            Self::SepPerluPerbaikan => "sep_perlu_perbaikan",
            Self::SepKeputusan => "sep_keputusan",
            Self::SepAdminAktivasi => "sep_admin_aktivasi",
            Self::SepPeringatan => "sep_peringatan",
            Self::SepJawaban => "sep_jawaban",
            Self::SepDinonaktifkan => "sep_dinonaktifkan",
            Self::SepPengingat => "sep_pengingat",
            Self::SepPengingatKeputusan => "sep_pengingat_keputusan",
        }
    }
}

/// Members of an email's data that carry a secret (an activation or reset token, a correction
/// code): kept only until the email is sent.
pub const DATA_RAHASIA: [&str; 2] = ["token", "kode"];

impl PesanEmail {
    /// The data kept once the email is sent: every secret member blanked, so the outbox table
    /// holds no usable link or code.
    pub fn data_terkirim(&self) -> serde_json::Value {
        let mut data = self.data.clone();
        if let Some(m) = data.as_object_mut() {
            for k in DATA_RAHASIA {
                if let Some(v) = m.get_mut(k) {
                    *v = serde_json::Value::String("(dihapus setelah terkirim)".into());
                }
            }
        }
        data
    }

    /// The email `surel` to `kepada` with `data`.
    pub fn baru(kepada: impl Into<String>, surel: Surel, data: serde_json::Value) -> Self {
        Self {
            kepada: kepada.into(),
            template: surel.kode().into(),
            data,
        }
    }
}

/// Where an email stands in the outbox (the delivery state people are shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKirim {
    /// Queued, or being retried.
    Menunggu,
    /// Accepted by the mail server.
    Terkirim,
    /// Given up after the last attempt.
    Gagal,
}

impl StatusKirim {
    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Menunggu => "menunggu",
            Self::Terkirim => "terkirim",
            Self::Gagal => "gagal",
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
    /// Marks a message sent, keeping `data` (its data without secrets, [`PesanEmail::data_terkirim`]).
    async fn tandai_terkirim(
        &self,
        id: PesanId,
        now: DateTime<Utc>,
        data: &serde_json::Value,
    ) -> Result<(), InfraError>;
    /// Records a failed attempt: retried at `coba_lagi`, or failed for good when it is `None`.
    async fn tandai_gagal(
        &self,
        id: PesanId,
        galat: &str,
        coba_lagi: Option<DateTime<Utc>>,
    ) -> Result<(), InfraError>;
    /// Keeps the claim on the messages `ids` still waiting, another lease from `now` (the lease is
    /// short, so a dispatcher that died gives its messages back soon; a living one renews it).
    async fn perpanjang(&self, ids: &[PesanId], now: DateTime<Utc>) -> Result<(), InfraError>;
    /// Gives back the claimed messages `ids` still waiting, due at `now` (a dispatcher stopping).
    async fn lepas(&self, ids: &[PesanId], now: DateTime<Utc>) -> Result<(), InfraError>;
}
