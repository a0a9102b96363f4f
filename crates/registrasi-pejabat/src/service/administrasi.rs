//! The admin's account administration: every portal account with its role, instansi and status;
//! deactivating one (its sessions end at once) and reactivating it, each with a reason, audited.

use super::{RegistrasiService, wajib_admin};
use crate::RegistrasiError;
use crate::model::{Akun, StatusAkun};
use pse_kernel::{Actor, AkunId, AuditEvent, Galat, Halaman, JendelaAntrian, Kursor, Paging};

const SUBJEK: &str = "akun";

impl RegistrasiService {
    /// Every account, oldest first.
    pub async fn daftar_akun(
        &self,
        aktor: &Actor,
        paging: &Paging,
    ) -> Result<Halaman<Akun>, RegistrasiError> {
        wajib_admin(aktor)?;
        let j = JendelaAntrian::dari(paging).map_err(Galat::from)?;
        let (v, total) = self.port.repo.daftar_akun(&j).await?;
        Ok(Halaman::susun(v, total, paging, |a| Kursor {
            kunci: a.dibuat_pada.to_rfc3339(),
            id: a.id.to_string(),
        })
        .map_err(Galat::from)?)
    }

    /// The names of the instansi `ids`, in one read (for an account list).
    pub async fn nama_instansi_akun(
        &self,
        ids: &[pse_kernel::InstansiId],
    ) -> Result<std::collections::HashMap<pse_kernel::InstansiId, String>, RegistrasiError> {
        Ok(self.port.repo.nama_instansi(ids).await?)
    }

    fn alasan(alasan: &str) -> Result<String, RegistrasiError> {
        let t = alasan.trim();
        if t.is_empty() {
            return Err(RegistrasiError::isian(
                "alasan",
                "Tulis alasannya; alasan dicatat di jejak audit.",
            ));
        }
        if t.chars().count() > 1000 {
            return Err(RegistrasiError::isian(
                "alasan",
                "Paling panjang 1000 karakter.",
            ));
        }
        Ok(t.to_string())
    }

    /// Deactivates an account with a reason; its sessions end at once. The admin cannot
    /// deactivate their own account.
    pub async fn tutup_akun(
        &self,
        aktor: &Actor,
        id: AkunId,
        alasan: &str,
    ) -> Result<Akun, RegistrasiError> {
        wajib_admin(aktor)?;
        let akun = self
            .port
            .repo
            .akun(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if akun.status == StatusAkun::Nonaktif {
            return Err(Galat::StatusTidakSesuai("Akun ini sudah nonaktif.".into()).into());
        }
        if aktor.akun_id() == Some(id) {
            return Err(Galat::StatusTidakSesuai(
                "Anda tidak dapat menonaktifkan akun Anda sendiri.".into(),
            )
            .into());
        }
        let alasan = Self::alasan(alasan)?;
        let dari = akun.status;
        let akun = akun.nonaktifkan();
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.akhiri_sesi(akun.id).await?;
        uow.catat_audit(
            &AuditEvent::baru(self.now(), aktor, SUBJEK, akun.id, "nonaktifkan")
                .status(Some(dari.kode()), akun.status.kode())
                .alasan(alasan),
        )
        .await?;
        uow.commit().await?;
        Ok(akun)
    }

    /// Reactivates a deactivated account with a reason.
    pub async fn buka_akun(
        &self,
        aktor: &Actor,
        id: AkunId,
        alasan: &str,
    ) -> Result<Akun, RegistrasiError> {
        wajib_admin(aktor)?;
        let akun = self
            .port
            .repo
            .akun(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        let akun = akun.aktifkan_kembali()?;
        let alasan = Self::alasan(alasan)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.catat_audit(
            &AuditEvent::baru(self.now(), aktor, SUBJEK, akun.id, "aktifkan")
                .status(Some(StatusAkun::Nonaktif.kode()), akun.status.kode())
                .alasan(alasan),
        )
        .await?;
        uow.commit().await?;
        Ok(akun)
    }
}
