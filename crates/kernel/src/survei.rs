//! Invitations to the satisfaction survey (SKM, R-LAY-04): a service that finishes something for a
//! person (an application decided, a Tanda Daftar issued, a change finished) invites them in the
//! same unit of work. The link's token travels only in the email; the store keeps its hash.

use crate::{PesanEmail, Surel, SurveiId, TokenGenerator, hash_token};
use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;

/// The service a survey answer is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum LayananSurvei {
    /// The application to become Pejabat Pendaftar, decided.
    PendaftaranPejabat,
    /// A system registered: its Tanda Daftar issued.
    TandaDaftar,
    /// A change of a registered system, finished.
    PerubahanData,
}

impl LayananSurvei {
    /// Every service, in order.
    pub const SEMUA: [Self; 3] = [
        Self::PendaftaranPejabat,
        Self::TandaDaftar,
        Self::PerubahanData,
    ];

    /// Its code in the store.
    pub fn kode(self) -> &'static str {
        match self {
            Self::PendaftaranPejabat => "pendaftaran_pejabat",
            Self::TandaDaftar => "tanda_daftar",
            Self::PerubahanData => "perubahan_data",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::PendaftaranPejabat => "Pendaftaran Pejabat Pendaftar",
            Self::TandaDaftar => "Pendaftaran Sistem Elektronik (Tanda Daftar)",
            Self::PerubahanData => "Perubahan Data Sistem Elektronik",
        }
    }

    /// The service of `kode`.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|l| l.kode() == kode)
    }
}

/// One invitation: who is asked about which finished service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndanganSurvei {
    /// Its id.
    pub id: SurveiId,
    /// The hash of the link's token.
    pub hash_token: String,
    /// The service it is about.
    pub layanan: LayananSurvei,
    /// The id of what finished (the application, the system, the change).
    pub subjek_id: String,
    /// Where the invitation went.
    pub email: String,
    /// When it was made.
    pub dibuat_pada: DateTime<Utc>,
}

impl UndanganSurvei {
    /// An invitation to `nama` at `email` about `layanan` for `subjek_id`, and the email that
    /// carries its link.
    pub fn baru(
        token: &dyn TokenGenerator,
        layanan: LayananSurvei,
        subjek_id: impl ToString,
        email: &str,
        nama: &str,
        pada: DateTime<Utc>,
    ) -> (Self, PesanEmail) {
        let t = token.buat();
        let u = Self {
            id: SurveiId::new(),
            hash_token: hash_token(t.expose_secret()),
            layanan,
            subjek_id: subjek_id.to_string(),
            email: email.to_lowercase(),
            dibuat_pada: pada,
        };
        let surel = PesanEmail::baru(
            u.email.clone(),
            Surel::UndanganSurvei,
            serde_json::json!({
                "nama": nama,
                "layanan": layanan.label(),
                "token": t.expose_secret(),
            }),
        );
        (u, surel)
    }
}
