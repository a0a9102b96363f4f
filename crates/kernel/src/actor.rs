//! Who is acting: every use case takes the [`Actor`] first and checks its rights itself.

use crate::{AkunId, InstansiId, UnitId};
use serde::{Deserialize, Serialize};

/// The role of an account (JSON values of the API contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Peran {
    /// Direktorat LAIP verifier.
    Admin,
    /// The registrar official of one instansi.
    PejabatPendaftar,
    /// The official of one unit of an instansi.
    SubPejabat,
    /// A pemda Dinas' officer of the one-door intake (R-DAE), with a [`Tugas`].
    PetugasLayanan,
    /// A Badan Pemerintahan's administrator of an office application (R-SEP).
    AdminPengelola,
}

impl Peran {
    /// The contract value (`admin`, `pejabat_pendaftar`, `sub_pejabat`).
    pub fn kode(self) -> &'static str {
        match self {
            Peran::Admin => "admin",
            Peran::PejabatPendaftar => "pejabat_pendaftar",
            Peran::SubPejabat => "sub_pejabat",
            Peran::PetugasLayanan => "petugas_layanan",
            Peran::AdminPengelola => "admin_pengelola",
        }
    }

    /// Parses a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        match kode {
            "admin" => Some(Peran::Admin),
            "pejabat_pendaftar" => Some(Peran::PejabatPendaftar),
            "sub_pejabat" => Some(Peran::SubPejabat),
            "petugas_layanan" => Some(Peran::PetugasLayanan),
            "admin_pengelola" => Some(Peran::AdminPengelola),
            _ => None,
        }
    }

    /// The Indonesian label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Peran::Admin => "Admin Direktorat LAIP",
            Peran::PejabatPendaftar => "Pejabat Pendaftar",
            Peran::SubPejabat => "Sub Pejabat",
            Peran::PetugasLayanan => "Petugas Layanan Daerah",
            Peran::AdminPengelola => "Admin Pengelola Aplikasi Perkantoran",
        }
    }
}

/// A petugas layanan's task in the Dinas (R-DAE-02..04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tugas {
    /// Kepala Dinas Kominfo: receives every request and disposes it.
    KepalaDinas,
    /// Kepala Bidang (Aplikasi Informatika): disposes it to the Tim Teknis.
    KepalaBidang,
    /// A Tim Teknis member: checks, returns or registers, and reports.
    TimTeknis,
}

impl Tugas {
    /// Every task, in the order a request meets them.
    pub const SEMUA: [Self; 3] = [Self::KepalaDinas, Self::KepalaBidang, Self::TimTeknis];

    /// The contract value (`kepala_dinas`, `kepala_bidang`, `tim_teknis`).
    pub fn kode(self) -> &'static str {
        match self {
            Self::KepalaDinas => "kepala_dinas",
            Self::KepalaBidang => "kepala_bidang",
            Self::TimTeknis => "tim_teknis",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::KepalaDinas => "Kepala Dinas",
            Self::KepalaBidang => "Kepala Bidang",
            Self::TimTeknis => "Tim Teknis",
        }
    }

    /// The task of a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|t| t.kode() == kode)
    }
}

/// The one who calls a use case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Anyone, not logged in.
    Publik,
    /// A logged-in, active account.
    Pengguna {
        /// The account.
        akun_id: AkunId,
        /// Its role.
        peran: Peran,
        /// The instansi it acts for (none for the admin).
        instansi_id: Option<InstansiId>,
        /// The unit of a sub pejabat.
        unit_id: Option<UnitId>,
    },
    /// The portal itself (command line, background jobs).
    Sistem,
}

impl Actor {
    /// Whether it may read the verification desk's queues (not decide on them): the admin, or the
    /// portal itself counting them for its operator's metrics.
    pub fn membaca_antrian(&self) -> bool {
        self.adalah_admin() || matches!(self, Actor::Sistem)
    }

    /// The account behind the actor, if any.
    pub fn akun_id(&self) -> Option<AkunId> {
        match self {
            Actor::Pengguna { akun_id, .. } => Some(*akun_id),
            _ => None,
        }
    }

    /// Whether the actor is an admin.
    pub fn adalah_admin(&self) -> bool {
        matches!(
            self,
            Actor::Pengguna {
                peran: Peran::Admin,
                ..
            }
        )
    }

    /// The role, if logged in.
    pub fn peran(&self) -> Option<Peran> {
        match self {
            Actor::Pengguna { peran, .. } => Some(*peran),
            _ => None,
        }
    }

    /// A short label for the audit trail.
    pub fn label(&self) -> String {
        match self {
            Actor::Publik => "publik".into(),
            Actor::Sistem => "sistem".into(),
            Actor::Pengguna { akun_id, peran, .. } => format!("{}:{}", peran.kode(), akun_id),
        }
    }
}

/// Whose data an actor reads in lists and reports (R-SE-11, R-LAP-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lingkup {
    /// Every instansi (the admin).
    Semua,
    /// One instansi (its pejabat).
    Instansi(InstansiId),
    /// One unit of an instansi (its sub pejabat).
    Unit(InstansiId, UnitId),
}

impl Lingkup {
    /// Whether something of `instansi` (and `unit`) lies in this scope.
    pub fn memuat(self, instansi: InstansiId, unit: Option<UnitId>) -> bool {
        match self {
            Self::Semua => true,
            Self::Instansi(i) => i == instansi,
            Self::Unit(i, u) => i == instansi && unit == Some(u),
        }
    }

    /// The scope of a logged-in actor; `None` for the public and the portal itself.
    pub fn dari(aktor: &Actor) -> Option<Self> {
        match aktor {
            Actor::Pengguna {
                peran: Peran::Admin,
                ..
            } => Some(Self::Semua),
            Actor::Pengguna {
                peran: Peran::PejabatPendaftar,
                instansi_id: Some(i),
                ..
            } => Some(Self::Instansi(*i)),
            Actor::Pengguna {
                peran: Peran::SubPejabat,
                instansi_id: Some(i),
                unit_id: Some(u),
                ..
            } => Some(Self::Unit(*i, *u)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_admin_and_the_portal_itself_read_the_desk() {
        let pengguna = |peran| Actor::Pengguna {
            akun_id: AkunId::new(),
            peran,
            instansi_id: None,
            unit_id: None,
        };
        assert!(pengguna(Peran::Admin).membaca_antrian());
        assert!(Actor::Sistem.membaca_antrian());
        assert!(!Actor::Publik.membaca_antrian());
        assert!(!pengguna(Peran::PejabatPendaftar).membaca_antrian());
    }
}
