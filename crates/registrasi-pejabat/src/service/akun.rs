//! Accounts: the first admin, activation, login with lockout, password change, profile and the
//! audit trail (R-PEJ-11, R-PEJ-15, R-X-01, R-X-02).

use super::{RegistrasiService, wajib_admin};
use crate::RegistrasiError;
use crate::model::{
    Akun, Email, Instansi, KataSandiBaru, KunciMasuk, NomorHp, NomorTelepon, PercobaanMasuk,
    RekamAkun, StatusAkun,
};
use pse_kernel::Galat;
use pse_kernel::{Actor, AkunId, AuditEvent, Halaman, Peran, PesanEmail, PesanTertunda};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

/// Profile fields a pejabat may change (R-PEJ-15).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct UbahProfil {
    pub nama: String,
    pub jabatan: String,
    pub telepon_kantor: String,
    pub nomor_hp: String,
}

impl RegistrasiService {
    /// Creates an admin account waiting for activation and returns the raw activation token.
    /// Only the system (the command line) may.
    pub async fn buat_admin(
        &self,
        aktor: &Actor,
        email: &str,
        nama: &str,
    ) -> Result<SecretString, RegistrasiError> {
        if *aktor != Actor::Sistem {
            return Err(Galat::Dilarang.into());
        }
        let email = Email::parse(email).map_err(|m| RegistrasiError::isian("email", m))?;
        let nama = nama.trim();
        if nama.is_empty() {
            return Err(RegistrasiError::isian("nama", "Nama wajib diisi."));
        }
        let now = self.now();
        let rekam = RekamAkun {
            id: AkunId::new(),
            versi: 0,
            email: email.clone(),
            nama: nama.into(),
            peran: Peran::Admin,
            instansi_id: None,
            unit_id: None,
            status: StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            jabatan: "Verifikator Direktorat LAIP".into(),
            nomor_induk: String::new(),
            telepon_kantor: String::new(),
            nomor_hp: String::new(),
            dibuat_pada: now,
            tugas: None,
        };
        let akun = match self.port.repo.akun_dengan_email(email.as_ref()).await? {
            Some(a) if a.status == StatusAkun::MenungguAktivasi && a.peran == Peran::Admin => a,
            Some(a) => a.buka_kembali(rekam)?,
            None => Akun::baru(rekam),
        };
        let (raw, token) = self.token_aktivasi(akun.id, now);
        let mut uow = self.port.repo.mulai().await?;
        if akun.versi == 0 || akun.status == StatusAkun::MenungguAktivasi {
            uow.simpan_akun(&akun).await?;
        }
        uow.simpan_token(&token).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, "akun", akun.id, "buat_admin")
                .status(None, StatusAkun::MenungguAktivasi.kode()),
        )
        .await?;
        uow.commit().await?;
        Ok(raw)
    }

    /// Issues a new activation link for an account that is not activated yet (admin); earlier links
    /// stop working.
    pub async fn terbitkan_ulang_aktivasi(
        &self,
        aktor: &Actor,
        akun_id: AkunId,
    ) -> Result<(), RegistrasiError> {
        wajib_admin(aktor)?;
        let akun = self
            .port
            .repo
            .akun(akun_id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if akun.status != StatusAkun::MenungguAktivasi {
            return Err(Galat::StatusTidakSesuai(
                "Akun ini sudah diaktifkan atau tidak aktif; tautan aktivasi tidak diperlukan."
                    .into(),
            )
            .into());
        }
        let now = self.now();
        let lama = self.port.repo.token_akun(akun.id).await?;
        let (raw, token) = self.token_aktivasi(akun.id, now);
        let mut uow = self.port.repo.mulai().await?;
        // The new link replaces every earlier one.
        for t in lama.into_iter().filter(|t| t.berlaku(now)) {
            uow.simpan_token(&t.cabut(now)).await?;
        }
        uow.simpan_token(&token).await?;
        uow.catat_audit(&AuditEvent::baru(
            now,
            aktor,
            "akun",
            akun.id,
            "terbitkan_ulang_aktivasi",
        ))
        .await?;
        uow.kirim_email(&PesanEmail::baru(
            akun.email.as_ref(),
            pse_kernel::Surel::AktivasiDiterbitkanUlang,
            json!({
                "nama": akun.nama,
                "token": raw.expose_secret(),
                "masa_berlaku_jam": self.pengaturan.masa_aktivasi.num_hours(),
            }),
        ))
        .await?;
        uow.commit().await.map_err(Into::into)
    }

    /// The account an activation link is for, if the link still works.
    pub async fn akun_untuk_aktivasi(&self, token: &str) -> Result<Akun, RegistrasiError> {
        let (_, akun) = self
            .tautan_berlaku(token, StatusAkun::MenungguAktivasi, || {
                RegistrasiError::TokenTidakBerlaku
            })
            .await?;
        Ok(akun)
    }

    /// Redeems an activation link by setting the first password (R-PEJ-11). The link works once.
    pub async fn aktivasi(
        &self,
        token: &str,
        kata_sandi: SecretString,
    ) -> Result<Akun, RegistrasiError> {
        let (t, akun) = self
            .tautan_berlaku(token, StatusAkun::MenungguAktivasi, || {
                RegistrasiError::TokenTidakBerlaku
            })
            .await?;
        let hash = self.hash_kata_sandi_baru(kata_sandi, &akun).await?;
        let now = self.now();
        let akun = akun.aktifkan(hash)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.simpan_token(&t.pakai(now)).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, &akun.aktor(), "akun", akun.id, "aktivasi").status(
                Some(StatusAkun::MenungguAktivasi.kode()),
                StatusAkun::Aktif.kode(),
            ),
        )
        .await?;
        uow.commit().await?;
        Ok(akun)
    }

    /// Logs in (email compared case-insensitively) from the client address `alamat`. A wrong
    /// password is always 401, whatever the account's state; failures are counted per email and
    /// address (see [`crate::model::masuk`]), an unknown email exactly like a known one and at the
    /// same cost in time, so no answer tells whether an account exists.
    pub async fn masuk(
        &self,
        email: &str,
        kata_sandi: &SecretString,
        alamat: &str,
    ) -> Result<Akun, RegistrasiError> {
        let now = self.now();
        let kunci = KunciMasuk::new(email, alamat);
        let tercatat = self.belum_terkunci(&kunci, now).await?;
        let akun = match Email::parse(email) {
            Ok(e) => self.port.repo.akun_dengan_email(e.as_ref()).await?,
            Err(_) => None,
        };
        let hash = akun.as_ref().and_then(|a| a.kata_sandi_hash.as_deref());
        if !self.port.hasher.cocok(kata_sandi, hash).await? {
            self.gagal_masuk(&kunci, akun.as_ref(), now).await?;
            return Err(RegistrasiError::KredensialSalah);
        }
        let Some(akun) = akun else {
            return Err(RegistrasiError::KredensialSalah);
        };
        if tercatat {
            self.port.repo.hapus_gagal_masuk(&kunci).await?;
        }
        match akun.status {
            StatusAkun::Aktif => Ok(akun),
            StatusAkun::MenungguAktivasi => Err(RegistrasiError::AkunTidakAktif(
                "Akun belum diaktifkan; buka tautan aktivasi dari email Anda.".into(),
            )),
            StatusAkun::Nonaktif => Err(RegistrasiError::AkunTidakAktif(
                "Akun ini tidak aktif lagi. Hubungi Pejabat Pendaftar instansi Anda atau admin."
                    .into(),
            )),
        }
    }

    /// Refuses while the pair is locked; tells whether failures are on record for it.
    async fn belum_terkunci(
        &self,
        kunci: &KunciMasuk,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<bool, RegistrasiError> {
        match self.port.repo.percobaan_masuk(kunci).await? {
            Some(p) => match p.sisa_kunci(now) {
                Some(menit) => Err(RegistrasiError::AkunTerkunci { menit }),
                None => Ok(true),
            },
            None => Ok(false),
        }
    }

    /// Counts a failure; the one that first locks a real account's pair is audited.
    async fn gagal_masuk(
        &self,
        kunci: &KunciMasuk,
        akun: Option<&Akun>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), RegistrasiError> {
        let p = self
            .port
            .repo
            .tambah_gagal_masuk(kunci, now, PercobaanMasuk::lupa_sebelum(now))
            .await?;
        if let (true, Some(akun)) = (p.baru_terkunci(), akun) {
            let mut uow = self.port.repo.mulai().await?;
            uow.catat_audit(
                &AuditEvent::baru(now, &Actor::Publik, "akun", akun.id, "kunci").alasan(format!(
                    "{} kali gagal masuk dari satu alamat",
                    crate::model::masuk::BATAS_GAGAL_MASUK
                )),
            )
            .await?;
            uow.commit().await?;
        }
        Ok(())
    }

    /// The account behind a session, only while it is active (a deactivated account's sessions end).
    pub async fn akun_aktif(&self, id: AkunId) -> Result<Option<Akun>, RegistrasiError> {
        Ok(self.port.repo.akun(id).await?.filter(Akun::boleh_masuk))
    }

    /// Changes the actor's password after checking the current one, from the client address
    /// `alamat`: wrong guesses of the current password count toward the same lock as logins, and
    /// every session of the account ends (the caller starts a new one for the current user).
    pub async fn ganti_kata_sandi(
        &self,
        aktor: &Actor,
        lama: &SecretString,
        baru: SecretString,
        alamat: &str,
    ) -> Result<(), RegistrasiError> {
        let akun = self.akun_aktor(aktor).await?;
        let now = self.now();
        let kunci = KunciMasuk::new(akun.email.as_ref(), alamat);
        let tercatat = self.belum_terkunci(&kunci, now).await?;
        if !self
            .port
            .hasher
            .cocok(lama, akun.kata_sandi_hash.as_deref())
            .await?
        {
            self.gagal_masuk(&kunci, Some(&akun), now).await?;
            return Err(RegistrasiError::isian(
                "kata_sandi_lama",
                "Kata sandi saat ini salah.",
            ));
        }
        if tercatat {
            self.port.repo.hapus_gagal_masuk(&kunci).await?;
        }
        let baru = KataSandiBaru::parse(baru, akun.email.as_ref())
            .map_err(|m| RegistrasiError::isian("kata_sandi_baru", m))?;
        let hash = self.port.hasher.hash(baru.rahasia()).await?;
        let akun = akun.ganti_kata_sandi(hash)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.akhiri_sesi(akun.id).await?;
        uow.catat_audit(&AuditEvent::baru(
            now,
            aktor,
            "akun",
            akun.id,
            "ganti_kata_sandi",
        ))
        .await?;
        uow.commit().await.map_err(Into::into)
    }

    /// The actor's account, instansi and unit (Profil Pejabat Pendaftar).
    pub async fn profil(
        &self,
        aktor: &Actor,
    ) -> Result<(Akun, Option<Instansi>, Option<crate::model::UnitOrganisasi>), RegistrasiError>
    {
        let akun = self.akun_aktor(aktor).await?;
        let instansi = match akun.instansi_id {
            Some(id) => self.port.repo.instansi(id).await?,
            None => None,
        };
        let unit = match akun.unit_id {
            Some(id) => self.port.repo.unit(id).await?,
            None => None,
        };
        Ok((akun, instansi, unit))
    }

    /// Updates name, position and phone numbers (R-PEJ-15). Email and instansi change only through a
    /// Pengganti application.
    pub async fn ubah_profil(
        &self,
        aktor: &Actor,
        ubah: UbahProfil,
    ) -> Result<Akun, RegistrasiError> {
        let akun = self.akun_aktor(aktor).await?;
        let mut galat = Vec::new();
        let nama = ubah.nama.trim().to_string();
        if nama.is_empty() {
            galat.push(crate::GalatIsian::new("nama", "Nama lengkap wajib diisi."));
        }
        let jabatan = ubah.jabatan.trim().to_string();
        if jabatan.is_empty() {
            galat.push(crate::GalatIsian::new("jabatan", "Jabatan wajib diisi."));
        }
        let telepon = NomorTelepon::parse(&ubah.telepon_kantor)
            .map_err(|m| galat.push(crate::GalatIsian::new("telepon_kantor", m)))
            .ok();
        let hp = NomorHp::parse(&ubah.nomor_hp)
            .map_err(|m| galat.push(crate::GalatIsian::new("nomor_hp", m)))
            .ok();
        let (Some(telepon), Some(hp), true) = (telepon, hp, galat.is_empty()) else {
            return Err(Galat::Validasi(galat).into());
        };
        let now = self.now();
        let akun = akun.ubah_profil(nama, jabatan, telepon.as_ref().into(), hp.as_ref().into());
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.catat_audit(&AuditEvent::baru(
            now,
            aktor,
            "akun",
            akun.id,
            "ubah_profil",
        ))
        .await?;
        uow.commit().await?;
        Ok(akun)
    }

    /// The audit trail, newest first (admin).
    pub async fn audit(
        &self,
        aktor: &Actor,
        subjek: Option<&str>,
        page: u64,
    ) -> Result<Halaman<AuditEvent>, RegistrasiError> {
        wajib_admin(aktor)?;
        Ok(self.port.audit.daftar(subjek, page.max(1)).await?)
    }

    /// Emails not delivered yet (waiting for a retry or given up), for the admin.
    pub async fn surel_tertunda(
        &self,
        aktor: &Actor,
    ) -> Result<Vec<PesanTertunda>, RegistrasiError> {
        wajib_admin(aktor)?;
        Ok(self.port.audit.surel_tertunda().await?)
    }

    async fn akun_aktor(&self, aktor: &Actor) -> Result<Akun, RegistrasiError> {
        let id = aktor.akun_id().ok_or(Galat::BelumMasuk)?;
        self.akun_aktif(id)
            .await?
            .ok_or(RegistrasiError::Umum(Galat::BelumMasuk))
    }
}
