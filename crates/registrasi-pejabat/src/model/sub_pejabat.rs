//! Sub Pejabat: the official of one unit, registered by the Pejabat Pendaftar with a Surat Tugas and
//! verified by the admin (R-SUB-02…R-SUB-05, R-SUB-07). `tidak_aktif` → `aktif` | `ditolak`;
//! editing the email or the unit sends it back to `tidak_aktif`; deleting makes it `dihapus`.

use super::dokumen::DokumenRef;
use super::email::EmailDinas;
use super::nomor_induk::{JenisKepegawaian, Nip};
use super::permohonan::Penolakan;
use super::telepon::NomorTelepon;
use super::unit::UnitOrganisasi;
use crate::{GalatIsian, RegistrasiError};
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{AkunId, InstansiId, SubPejabatId, UnitId};
use serde::{Deserialize, Serialize};

/// Where a sub pejabat stands (JSON values of the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusSubPejabat {
    /// Waiting for the admin's verification.
    TidakAktif,
    /// Verified; its account exists.
    Aktif,
    /// Rejected by the admin.
    Ditolak,
    /// Removed by the pejabat; its history and systems stay.
    Dihapus,
}

impl StatusSubPejabat {
    /// Every status.
    pub const SEMUA: [StatusSubPejabat; 4] =
        [Self::TidakAktif, Self::Aktif, Self::Ditolak, Self::Dihapus];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::TidakAktif => "tidak_aktif",
            Self::Aktif => "aktif",
            Self::Ditolak => "ditolak",
            Self::Dihapus => "dihapus",
        }
    }

    /// Parses a stored value.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode() == raw)
    }

    /// The badge shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::TidakAktif => "Tidak Aktif (menunggu verifikasi)",
            Self::Aktif => "Aktif",
            Self::Ditolak => "Ditolak",
            Self::Dihapus => "Dihapus",
        }
    }

    /// Whether it holds its unit (R-SUB-05).
    pub fn menempati_unit(self) -> bool {
        matches!(self, Self::TidakAktif | Self::Aktif)
    }
}

/// The sub pejabat form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormulirSubPejabat {
    pub nama_lengkap: String,
    pub nip: String,
    pub jenis_kepegawaian: String,
    pub jabatan: String,
    pub email: String,
    pub telepon: String,
    pub unit_id: String,
}

/// What the service looked up for a sub pejabat form.
#[derive(Debug, Clone, Default)]
pub struct KonteksSubPejabat {
    /// The instansi's units.
    pub unit: Vec<UnitOrganisasi>,
    /// The instansi's email rule.
    pub aturan_domain: Option<super::email::AturanDomain>,
    /// Whether the chosen unit already has a pending or active sub pejabat (other than this one).
    pub unit_terisi: bool,
    /// Whether the email belongs to another account or sub pejabat.
    pub email_terpakai: bool,
}

/// Validated sub pejabat data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataSubPejabat {
    pub nama_lengkap: String,
    pub jenis_kepegawaian: JenisKepegawaian,
    pub nip: Nip,
    pub jabatan: String,
    pub email: EmailDinas,
    pub telepon: NomorTelepon,
    pub unit_id: UnitId,
}

impl FormulirSubPejabat {
    /// Validates every field at once (R-SUB-02, R-SUB-05, R-SUB-07).
    pub fn validasi(&self, k: &KonteksSubPejabat) -> Result<DataSubPejabat, RegistrasiError> {
        let mut galat = Vec::new();
        fn catat<T>(galat: &mut Vec<GalatIsian>, field: &str, r: Result<T, String>) -> Option<T> {
            r.map_err(|m| galat.push(GalatIsian::new(field, m))).ok()
        }
        let nama = catat(
            &mut galat,
            "nama_lengkap",
            Some(self.nama_lengkap.trim().to_string())
                .filter(|s| !s.is_empty())
                .ok_or_else(|| "Nama lengkap wajib diisi.".to_string()),
        );
        let jenis = catat(&mut galat,
            "jenis_kepegawaian",
            JenisKepegawaian::parse(&self.jenis_kepegawaian).and_then(|j| {
                if j == JenisKepegawaian::Pkwtt {
                    Err("Sub Pejabat adalah pegawai negeri (PNS atau PPPK) atau pegawai tetap instansi.".into())
                } else {
                    Ok(j)
                }
            }),
        );
        let nip = match jenis {
            Some(j) => catat(&mut galat, "nip", Nip::parse(&self.nip, j)),
            None if self.nip.trim().is_empty() => {
                catat(&mut galat, "nip", Err("NIP wajib diisi.".into()))
            }
            None => None,
        };
        let jabatan = catat(
            &mut galat,
            "jabatan",
            Some(self.jabatan.trim().to_string())
                .filter(|s| !s.is_empty())
                .ok_or_else(|| "Jabatan wajib diisi.".to_string()),
        );
        let aturan = k
            .aturan_domain
            .clone()
            .unwrap_or(super::email::AturanDomain::GoId);
        let email = catat(&mut galat, "email", EmailDinas::parse(&self.email, &aturan));
        let telepon = catat(&mut galat, "telepon", NomorTelepon::parse(&self.telepon));
        let unit = match k
            .unit
            .iter()
            .find(|u| u.id.to_string() == self.unit_id.trim())
        {
            Some(u) => Some(u.id),
            None => {
                galat.push(GalatIsian::new(
                    "unit_id",
                    "Pilih unit dari Struktur Organisasi instansi.",
                ));
                None
            }
        };
        if email.is_some() && k.email_terpakai {
            galat.push(GalatIsian::new(
                "email",
                "Email ini sudah dipakai oleh akun atau Sub Pejabat lain.",
            ));
        }
        if unit.is_some() && k.unit_terisi {
            galat.push(GalatIsian::new(
                "unit_id",
                "Unit ini sudah memiliki Sub Pejabat yang aktif atau menunggu verifikasi; satu unit hanya satu Sub Pejabat.",
            ));
        }
        match (
            nama,
            jenis,
            nip,
            jabatan,
            email,
            telepon,
            unit,
            galat.is_empty(),
        ) {
            (
                Some(nama_lengkap),
                Some(jenis_kepegawaian),
                Some(nip),
                Some(jabatan),
                Some(email),
                Some(telepon),
                Some(unit_id),
                true,
            ) => Ok(DataSubPejabat {
                nama_lengkap,
                jenis_kepegawaian,
                nip,
                jabatan,
                email,
                telepon,
                unit_id,
            }),
            _ => Err(Galat::Validasi(galat).into()),
        }
    }
}

/// What a sub pejabat record holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RekamSubPejabat {
    pub id: SubPejabatId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    pub instansi_id: InstansiId,
    pub data: DataSubPejabat,
    pub surat_tugas: DokumenRef,
    pub status: StatusSubPejabat,
    pub penolakan: Option<Penolakan>,
    pub akun_id: Option<AkunId>,
    /// The pejabat account that registered or last edited it.
    pub didaftarkan_oleh: AkunId,
    pub diajukan_pada: DateTime<Utc>,
    /// When it last entered the admin's queue.
    pub masuk_antrian_pada: DateTime<Utc>,
}

/// A Sub Pejabat registration.
#[derive(Debug, Clone, PartialEq)]
pub struct SubPejabat(RekamSubPejabat);

impl std::ops::Deref for SubPejabat {
    type Target = RekamSubPejabat;
    fn deref(&self) -> &RekamSubPejabat {
        &self.0
    }
}

impl SubPejabat {
    /// A new registration, `tidak_aktif` until verified (R-SUB-03).
    pub fn ajukan(
        instansi_id: InstansiId,
        data: DataSubPejabat,
        surat_tugas: DokumenRef,
        oleh: AkunId,
        now: DateTime<Utc>,
    ) -> Self {
        Self(RekamSubPejabat {
            id: SubPejabatId::new(),
            versi: 0,
            instansi_id,
            data,
            surat_tugas,
            status: StatusSubPejabat::TidakAktif,
            penolakan: None,
            akun_id: None,
            didaftarkan_oleh: oleh,
            diajukan_pada: now,
            masuk_antrian_pada: now,
        })
    }

    /// Restores a registration from storage.
    pub fn pulihkan(rekam: RekamSubPejabat) -> Self {
        Self(rekam)
    }

    fn tidak_boleh(&self, pesan: &str) -> RegistrasiError {
        RegistrasiError::Umum(Galat::StatusTidakSesuai(format!(
            "{pesan} (status Sub Pejabat: {}).",
            self.0.status.label()
        )))
    }

    /// Approves a waiting registration, recording its account.
    pub fn setujui(mut self, akun_id: AkunId) -> Result<Self, RegistrasiError> {
        if self.0.status != StatusSubPejabat::TidakAktif {
            return Err(
                self.tidak_boleh("Hanya Sub Pejabat yang menunggu verifikasi dapat disetujui")
            );
        }
        self.0.status = StatusSubPejabat::Aktif;
        self.0.akun_id = Some(akun_id);
        self.0.penolakan = None;
        Ok(self)
    }

    /// Rejects a waiting registration with a reason.
    pub fn tolak(mut self, penolakan: Penolakan) -> Result<Self, RegistrasiError> {
        self.boleh_ditolak()?;
        self.0.status = StatusSubPejabat::Ditolak;
        self.0.penolakan = Some(penolakan);
        Ok(self)
    }

    /// The guard of [`Self::tolak`]: only a registration waiting for the admin can be rejected.
    pub fn boleh_ditolak(&self) -> Result<(), RegistrasiError> {
        if self.0.status == StatusSubPejabat::TidakAktif {
            Ok(())
        } else {
            Err(self.tidak_boleh("Hanya Sub Pejabat yang menunggu verifikasi dapat ditolak"))
        }
    }

    /// Whether new data needs the admin again: a changed email or unit, or a rejected registration.
    pub fn perlu_verifikasi_ulang(&self, baru: &DataSubPejabat) -> bool {
        self.0.status == StatusSubPejabat::Ditolak
            || baru.email != self.0.data.email
            || baru.unit_id != self.0.data.unit_id
    }

    /// Edits the data (R-SUB-04); a changed email or unit, or a rejected registration, goes back to
    /// verification.
    pub fn ubah(
        mut self,
        data: DataSubPejabat,
        surat_tugas: Option<DokumenRef>,
        oleh: AkunId,
        now: DateTime<Utc>,
    ) -> Result<Self, RegistrasiError> {
        if self.0.status == StatusSubPejabat::Dihapus {
            return Err(self.tidak_boleh("Sub Pejabat yang sudah dihapus tidak dapat diubah"));
        }
        if self.perlu_verifikasi_ulang(&data) {
            self.0.status = StatusSubPejabat::TidakAktif;
            self.0.masuk_antrian_pada = now;
        }
        self.0.data = data;
        if let Some(s) = surat_tugas {
            self.0.surat_tugas = s;
        }
        self.0.didaftarkan_oleh = oleh;
        Ok(self)
    }

    /// Removes it (R-SUB-04): the record and its history stay, marked `dihapus`.
    pub fn hapus(mut self) -> Result<Self, RegistrasiError> {
        if self.0.status == StatusSubPejabat::Dihapus {
            return Err(self.tidak_boleh("Sub Pejabat ini sudah dihapus"));
        }
        self.0.status = StatusSubPejabat::Dihapus;
        Ok(self)
    }
}
