//! User accounts: `menunggu_aktivasi` → `aktif` → `nonaktif`.

use super::email::Email;
use crate::RegistrasiError;
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{Actor, AkunId, InstansiId, Peran, UnitId};
use serde::Serialize;

/// Where an account stands (JSON values of the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusAkun {
    /// Approved; the first password is not set yet.
    MenungguAktivasi,
    /// In use.
    Aktif,
    /// Replaced or removed; cannot log in.
    Nonaktif,
}

impl StatusAkun {
    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::MenungguAktivasi => "menunggu_aktivasi",
            Self::Aktif => "aktif",
            Self::Nonaktif => "nonaktif",
        }
    }

    /// The status as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::MenungguAktivasi => "Menunggu aktivasi",
            Self::Aktif => "Aktif",
            Self::Nonaktif => "Nonaktif",
        }
    }

    /// Parses a stored value.
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::MenungguAktivasi, Self::Aktif, Self::Nonaktif]
            .into_iter()
            .find(|s| s.kode() == raw)
    }
}

/// What an account record holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RekamAkun {
    pub id: AkunId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    pub email: Email,
    pub nama: String,
    pub peran: Peran,
    pub instansi_id: Option<InstansiId>,
    pub unit_id: Option<UnitId>,
    pub status: StatusAkun,
    /// Argon2id PHC string; never serialized.
    #[serde(skip)]
    pub kata_sandi_hash: Option<String>,
    pub jabatan: String,
    pub nomor_induk: String,
    pub telepon_kantor: String,
    pub nomor_hp: String,
    pub dibuat_pada: DateTime<Utc>,
    /// A petugas layanan's task; none for every other role.
    pub tugas: Option<pse_kernel::Tugas>,
}

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Akun(RekamAkun);

impl std::ops::Deref for Akun {
    type Target = RekamAkun;
    fn deref(&self) -> &RekamAkun {
        &self.0
    }
}

impl Akun {
    /// A new account waiting for activation.
    pub fn baru(rekam: RekamAkun) -> Self {
        Self(RekamAkun {
            status: StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            versi: 0,
            ..rekam
        })
    }

    /// Restores an account from storage.
    pub fn pulihkan(rekam: RekamAkun) -> Self {
        Self(rekam)
    }

    /// Whether a session of this account may act: only an active account's may (a session
    /// whose account is no longer active ends).
    pub fn boleh_masuk(&self) -> bool {
        self.0.status == StatusAkun::Aktif
    }

    /// The actor this account acts as.
    pub fn aktor(&self) -> Actor {
        Actor::Pengguna {
            akun_id: self.0.id,
            peran: self.0.peran,
            instansi_id: self.0.instansi_id,
            unit_id: self.0.unit_id,
        }
    }

    /// Sets the first password (R-PEJ-11).
    pub fn aktifkan(mut self, hash: String) -> Result<Self, RegistrasiError> {
        if self.0.status != StatusAkun::MenungguAktivasi {
            return Err(RegistrasiError::TokenTidakBerlaku);
        }
        self.0.status = StatusAkun::Aktif;
        self.0.kata_sandi_hash = Some(hash);
        Ok(self)
    }

    /// Deactivates the account (replaced pejabat, removed sub pejabat).
    /// Reactivates a deactivated account that had a password; one that never did needs a new
    /// activation link instead.
    pub fn aktifkan_kembali(mut self) -> Result<Self, RegistrasiError> {
        match (self.0.status, &self.0.kata_sandi_hash) {
            (StatusAkun::Nonaktif, Some(_)) => {
                self.0.status = StatusAkun::Aktif;
                Ok(self)
            }
            (StatusAkun::Nonaktif, None) => Err(Galat::StatusTidakSesuai(
                "Akun ini belum pernah diaktifkan pemiliknya; terbitkan tautan aktivasi baru."
                    .into(),
            )
            .into()),
            _ => Err(Galat::StatusTidakSesuai("Akun ini tidak sedang nonaktif.".into()).into()),
        }
    }

    /// Deactivates the account (its sessions are ended by the use case).
    pub fn nonaktifkan(mut self) -> Self {
        self.0.status = StatusAkun::Nonaktif;
        self
    }

    /// Opens a deactivated account again for a new role, waiting for a new activation.
    pub fn buka_kembali(mut self, baru: RekamAkun) -> Result<Self, RegistrasiError> {
        if self.0.status != StatusAkun::Nonaktif {
            return Err(Galat::StatusTidakSesuai(
                "Email ini masih dipakai oleh akun yang aktif.".into(),
            )
            .into());
        }
        let versi = self.0.versi;
        self.0 = RekamAkun {
            id: self.0.id,
            versi,
            status: StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            dibuat_pada: self.0.dibuat_pada,
            ..baru
        };
        Ok(self)
    }

    /// Replaces the password of an active account.
    pub fn ganti_kata_sandi(mut self, hash: String) -> Result<Self, RegistrasiError> {
        if self.0.status != StatusAkun::Aktif {
            return Err(RegistrasiError::AkunTidakAktif("Akun tidak aktif.".into()));
        }
        self.0.kata_sandi_hash = Some(hash);
        Ok(self)
    }

    /// Updates the profile fields a pejabat may change (R-PEJ-15); email and instansi stay.
    pub fn ubah_profil(
        mut self,
        nama: String,
        jabatan: String,
        telepon_kantor: String,
        nomor_hp: String,
    ) -> Self {
        self.0.nama = nama;
        self.0.jabatan = jabatan;
        self.0.telepon_kantor = telepon_kantor;
        self.0.nomor_hp = nomor_hp;
        self
    }
}
