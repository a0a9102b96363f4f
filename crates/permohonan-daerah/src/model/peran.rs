//! Who works on a request: the petugas of the Dinas with their task, the applicant, and the steps
//! each of them owns with its time standard (seed 003 §G).

pub use pse_kernel::Tugas;
use pse_kernel::{Actor, AkunId, Galat, InstansiId, Peran, UnitId};
use serde::{Deserialize, Serialize};

/// A petugas as the service finds them: account, instansi, task and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Petugas {
    /// The petugas' account.
    pub akun_id: AkunId,
    /// The pemda the petugas serves.
    pub instansi_id: InstansiId,
    /// The task.
    pub tugas: Tugas,
    /// The name, for the disposition sheet.
    pub nama: String,
    /// Where the emails of its steps go.
    pub email: String,
}

/// Who acts on a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pelaku {
    /// The Sub Pejabat of an OPD unit: applies and completes what was asked.
    Pemohon {
        /// The account.
        akun_id: AkunId,
        /// The pemda.
        instansi_id: InstansiId,
        /// The OPD's unit.
        unit_id: UnitId,
    },
    /// A petugas of the Dinas.
    Petugas(Petugas),
    /// The pemda's Pejabat Pendaftar: reads its requests, acts on none.
    Pejabat {
        /// The pemda.
        instansi_id: InstansiId,
    },
    /// The ministry's admin: reads every request, acts on none.
    Admin,
}

impl Pelaku {
    /// The actor as this service knows them: `petugas` when the account is one (the service looks
    /// it up), else by role. The public must log in; anyone else may not act here.
    pub fn dari(aktor: &Actor, petugas: Option<Petugas>) -> Result<Self, Galat> {
        if let Some(p) = petugas {
            return Ok(Self::Petugas(p));
        }
        match aktor {
            Actor::Publik => Err(Galat::BelumMasuk),
            a if a.adalah_admin() => Ok(Self::Admin),
            Actor::Pengguna {
                akun_id,
                peran: Peran::SubPejabat,
                instansi_id: Some(instansi_id),
                unit_id: Some(unit_id),
            } => Ok(Self::Pemohon {
                akun_id: *akun_id,
                instansi_id: *instansi_id,
                unit_id: *unit_id,
            }),
            Actor::Pengguna {
                peran: Peran::PejabatPendaftar,
                instansi_id: Some(instansi_id),
                ..
            } => Ok(Self::Pejabat {
                instansi_id: *instansi_id,
            }),
            _ => Err(Galat::Dilarang),
        }
    }

    /// The pemda the actor belongs to; none for the admin.
    pub fn instansi(&self) -> Option<InstansiId> {
        match self {
            Self::Pemohon { instansi_id, .. } | Self::Pejabat { instansi_id } => Some(*instansi_id),
            Self::Petugas(p) => Some(p.instansi_id),
            Self::Admin => None,
        }
    }
}

/// A step of the SOP's flow chart, with its time standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KodeLangkah {
    /// The Kepala Dinas disposes the request to a Kepala Bidang (60 minutes).
    DisposisiKepalaDinas,
    /// The Kepala Bidang disposes it to a Tim Teknis member (60 minutes).
    DisposisiKepalaBidang,
    /// The Tim Teknis checks it and registers the system, or returns it (150 minutes).
    PemeriksaanPencatatan,
    /// The Tim Teknis reports with the Surat Balasan (180 minutes).
    Pelaporan,
}

impl KodeLangkah {
    /// Every step, in order.
    pub const SEMUA: [Self; 4] = [
        Self::DisposisiKepalaDinas,
        Self::DisposisiKepalaBidang,
        Self::PemeriksaanPencatatan,
        Self::Pelaporan,
    ];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::DisposisiKepalaDinas => "disposisi_kepala_dinas",
            Self::DisposisiKepalaBidang => "disposisi_kepala_bidang",
            Self::PemeriksaanPencatatan => "pemeriksaan_pencatatan",
            Self::Pelaporan => "pelaporan",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::DisposisiKepalaDinas => "Disposisi Kepala Dinas",
            Self::DisposisiKepalaBidang => "Disposisi Kepala Bidang",
            Self::PemeriksaanPencatatan => "Pemeriksaan dan pencatatan",
            Self::Pelaporan => "Laporan dan surat balasan",
        }
    }

    /// The standard in working minutes (seed 003 §G).
    pub fn standar_menit(self) -> u32 {
        match self {
            Self::DisposisiKepalaDinas | Self::DisposisiKepalaBidang => 60,
            Self::PemeriksaanPencatatan => 150,
            Self::Pelaporan => 180,
        }
    }

    /// Who carries it out.
    pub fn pelaksana(self) -> Tugas {
        match self {
            Self::DisposisiKepalaDinas => Tugas::KepalaDinas,
            Self::DisposisiKepalaBidang => Tugas::KepalaBidang,
            Self::PemeriksaanPencatatan | Self::Pelaporan => Tugas::TimTeknis,
        }
    }

    /// The step of a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|k| k.kode() == kode)
    }
}
