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

            /// Six characters people can read out and type (see [`singkat`]).
            pub fn singkat(self) -> String {
                singkat(self.0)
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

/// Crockford's base 32: digits and capitals without I, L, O and U, so nothing reads as another.
const ABJAD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Six base-32 characters of a v7 id's random tail (30 bits): short enough to quote on the
/// phone, and a clash between two ids of the same year is about one in a billion a pair.
pub fn singkat(id: uuid::Uuid) -> String {
    let n = id.as_u128();
    (0..6)
        .rev()
        .map(|i| char::from(ABJAD[((n >> (i * 5)) & 31) as usize]))
        .collect()
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_short_code_is_six_readable_characters_of_the_random_tail() {
        let id = uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_3fff_ffff);
        assert_eq!(super::singkat(id), "ZZZZZZ");
        let id = uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0021);
        assert_eq!(super::singkat(id), "000011");
        let a = super::PermohonanId::new().singkat();
        assert_eq!(a.len(), 6);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        assert!(!a.contains(['I', 'L', 'O', 'U']));
    }
}
