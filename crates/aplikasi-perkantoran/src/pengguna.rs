//! The users of an office application (R-SEP-04, R-SEP-05): one Admin Pengelola per Badan
//! Pemerintahan and application, and the Pengguna it adds; each active, deactivated, or
//! deactivated permanently (never reactivated). Every change of state is kept in order, which is
//! what the office application reads to enforce it.

use chrono::{DateTime, Utc};
use pse_kernel::{AplikasiId, Galat, InstansiId, PenggunaSepId};
use serde::{Deserialize, Serialize};

/// A user's role in the office application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeranSep {
    /// The Badan Pemerintahan's administrator, appointed by the Surat Kuasa.
    AdminPengelola,
    /// A user the Admin Pengelola added.
    Pengguna,
}

/// A user's state (contract values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusPengguna {
    Aktif,
    Nonaktif,
    NonaktifPermanen,
}

impl StatusPengguna {
    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Aktif => "aktif",
            Self::Nonaktif => "nonaktif",
            Self::NonaktifPermanen => "nonaktif_permanen",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Aktif => "Aktif",
            Self::Nonaktif => "Nonaktif",
            Self::NonaktifPermanen => "Nonaktif permanen",
        }
    }
}

/// A user of an office application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenggunaSep {
    pub id: PenggunaSepId,
    pub aplikasi_id: AplikasiId,
    pub instansi_id: InstansiId,
    pub peran: PeranSep,
    pub nama: String,
    pub nip: String,
    pub email: String,
    pub jabatan: String,
    /// The Admin Pengelola's portal account (it logs in to manage the users).
    pub akun_id: Option<pse_kernel::AkunId>,
    /// Who gets the copies of warnings: the Sekretaris of the approved application.
    pub sekretaris: (String, String),
    pub status: StatusPengguna,
    /// Every change of state with its time, in order (what the office application syncs).
    pub riwayat: Vec<(StatusPengguna, DateTime<Utc>)>,
    pub versi: i64,
}

impl PenggunaSep {
    /// An active user.
    #[allow(clippy::too_many_arguments)]
    pub fn baru(
        aplikasi_id: AplikasiId,
        instansi_id: InstansiId,
        peran: PeranSep,
        nama: &str,
        nip: &str,
        email: &str,
        jabatan: &str,
        pada: DateTime<Utc>,
    ) -> Self {
        Self {
            id: PenggunaSepId::new(),
            aplikasi_id,
            instansi_id,
            peran,
            nama: nama.trim().into(),
            nip: nip.trim().into(),
            email: email.trim().to_lowercase(),
            jabatan: jabatan.trim().into(),
            akun_id: None,
            sekretaris: (String::new(), String::new()),
            status: StatusPengguna::Aktif,
            riwayat: vec![(StatusPengguna::Aktif, pada)],
            versi: 0,
        }
    }

    /// Deactivates the user (R-SEP-04), permanently when `permanen` (R-SEP-05).
    pub fn nonaktifkan(&mut self, permanen: bool, pada: DateTime<Utc>) -> Result<(), Galat> {
        let ke = if permanen {
            StatusPengguna::NonaktifPermanen
        } else {
            StatusPengguna::Nonaktif
        };
        match self.status {
            StatusPengguna::NonaktifPermanen => Err(Galat::StatusTidakSesuai(
                "Akun ini sudah dinonaktifkan permanen.".into(),
            )),
            s if s == ke => Err(Galat::StatusTidakSesuai("Akun ini sudah nonaktif.".into())),
            _ => {
                self.status = ke;
                self.riwayat.push((ke, pada));
                Ok(())
            }
        }
    }

    /// The Admin Pengelola ends this user (who left): deactivated like any; the Admin
    /// Pengelola's own record is the Direktorat's to end.
    pub fn akhiri_oleh_pengelola(&mut self, pada: DateTime<Utc>) -> Result<(), Galat> {
        if self.peran == PeranSep::AdminPengelola {
            return Err(Galat::StatusTidakSesuai(
                "Akun Admin Pengelola hanya dapat dinonaktifkan oleh Direktorat; hubungi helpdesk."
                    .into(),
            ));
        }
        self.nonaktifkan(false, pada)
    }

    /// Reactivates a deactivated user; a permanent deactivation cannot be undone.
    pub fn aktifkan(&mut self, pada: DateTime<Utc>) -> Result<(), Galat> {
        match self.status {
            StatusPengguna::Nonaktif => {
                self.status = StatusPengguna::Aktif;
                self.riwayat.push((StatusPengguna::Aktif, pada));
                Ok(())
            }
            StatusPengguna::NonaktifPermanen => Err(Galat::StatusTidakSesuai(
                "Akun yang dinonaktifkan permanen karena penyalahgunaan berulang tidak dapat diaktifkan kembali.".into(),
            )),
            StatusPengguna::Aktif => Err(Galat::StatusTidakSesuai("Akun ini masih aktif.".into())),
        }
    }
}
