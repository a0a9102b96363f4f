//! Typed identifiers: a UUID v7 per aggregate, so ids of different things never mix.

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    /// An instansi (agency).
    InstansiId,
    /// A user account.
    AkunId,
    /// An application to become Pejabat Pendaftar.
    PermohonanId,
    /// A unit of an instansi's Struktur Organisasi.
    UnitId,
    /// An audit record.
    AuditId,
    /// An outbox message.
    PesanId,
    /// A Sub Pejabat registration.
    SubPejabatId,
    /// An electronic system.
    SistemId,
    /// A change request for a registered system.
    PerubahanId,
    /// A report configuration.
    LaporanId,
    /// A decision kept by the verification desk.
    KeputusanId,
    /// A complaint (Isu dan Keluhan).
    PengaduanId,
    /// An invitation to the satisfaction survey.
    SurveiId,
    /// A pemda's one-door request to register an OPD's system (Permohonan Daerah).
    PermohonanDaerahId,
    /// An office application of the catalogue (Aplikasi Perkantoran).
    AplikasiId,
    /// An application to use an office application (permohonan SEP).
    PermohonanSepId,
    /// A user of an office application (its Admin Pengelola or a Pengguna).
    PenggunaSepId,
    /// A misuse case of an office application's user.
    PenyalahgunaanId,
);
