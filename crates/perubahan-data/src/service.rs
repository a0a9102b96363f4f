//! The change request use cases, one method each, taking the acting [`Actor`] first; access is
//! checked here (R-PD-05: the pejabat for its instansi, the sub pejabat for its unit).

use crate::PerubahanError;
use crate::model::{PenolakanPerubahan, PermohonanPerubahan, StatusPerubahan};
use crate::ports::PerubahanRepo;
use chrono::{DateTime, Utc};
use pse_kernel::{
    Actor, AuditEvent, Clock, DaftarWilayah, JendelaAntrian, KalenderKerja, Lingkup, PerubahanId,
    PesanEmail, SistemId, Surel,
};
use pse_kernel::{Galat, GalatIsian};
use serde_json::json;
use sistem_elektronik::model::akses::{boleh_lihat, boleh_ubah, lingkup};
use sistem_elektronik::model::{SistemElektronik, StatusSistem};
use sistem_elektronik::ports::{SistemBernama, SistemRepo};
use sistem_elektronik::service::PengaturanSe;
use std::sync::Arc;

const SUBJEK: &str = "perubahan_data";

/// The adapters the service runs on.
#[derive(Clone)]
pub struct PortPerubahan {
    /// Change requests.
    pub repo: Arc<dyn PerubahanRepo>,
    /// Systems (read).
    pub sistem: Arc<dyn SistemRepo>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Survey links.
    pub token: Arc<dyn pse_kernel::TokenGenerator>,
}

/// A request waiting for the admin, with its instansi and due time.
#[derive(Debug, Clone)]
pub struct ItemAntrianPd {
    pub perubahan: PermohonanPerubahan,
    pub instansi: String,
    pub tenggat: DateTime<Utc>,
    pub terlambat: bool,
}

/// The change request service.
#[derive(Clone)]
pub struct PerubahanService {
    port: PortPerubahan,
    kalender: KalenderKerja,
    hari_layanan: u32,
    wilayah: Arc<DaftarWilayah>,
}

impl PerubahanService {
    /// A service on `port` with the system registration's settings: the admin's working days
    /// (R-SE-13) and the wilayah a change's regions are named from.
    pub fn new(port: PortPerubahan, kalender: KalenderKerja, se: &PengaturanSe) -> Self {
        Self {
            port,
            kalender,
            hari_layanan: se.hari_layanan,
            wilayah: se.wilayah.clone(),
        }
    }

    async fn simpan(
        &self,
        p: &PermohonanPerubahan,
        sistem: Option<&SistemElektronik>,
        audit: AuditEvent,
        email: Vec<PesanEmail>,
        survei: Option<&pse_kernel::UndanganSurvei>,
    ) -> Result<(), PerubahanError> {
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_perubahan(p)
            .await
            .map_err(PerubahanError::from)?;
        if let Some(s) = sistem {
            uow.simpan_sistem(s).await.map_err(PerubahanError::from)?;
        }
        uow.catat_audit(&audit)
            .await
            .map_err(PerubahanError::from)?;
        for e in &email {
            uow.kirim_email(e).await.map_err(PerubahanError::from)?;
        }
        if let Some(u) = survei {
            uow.undang_survei(u).await.map_err(PerubahanError::from)?;
        }
        uow.commit().await.map_err(PerubahanError::from)
    }

    async fn sistem(&self, id: SistemId) -> Result<SistemElektronik, PerubahanError> {
        self.port
            .sistem
            .sistem(id)
            .await?
            .ok_or(Galat::TidakDitemukan.into())
    }

    /// A system the actor may change, else 404 (not visible) or 403 (the admin).
    async fn sistem_milik(
        &self,
        aktor: &Actor,
        id: SistemId,
    ) -> Result<SistemElektronik, PerubahanError> {
        lingkup(aktor)?;
        let s = self.sistem(id).await?;
        if boleh_ubah(aktor, s.instansi_id, s.unit_id) {
            Ok(s)
        } else if boleh_lihat(aktor, s.instansi_id, s.unit_id) {
            Err(Galat::Dilarang.into())
        } else {
            Err(Galat::TidakDitemukan.into())
        }
    }

    /// Requests a change of a registered system (R-PD-01, R-PD-02, R-PD-05).
    pub async fn ajukan(
        &self,
        aktor: &Actor,
        sistem_id: &str,
        alasan: &str,
    ) -> Result<PermohonanPerubahan, PerubahanError> {
        if lingkup(aktor)? == Lingkup::Semua {
            return Err(Galat::Dilarang.into());
        }
        let Ok(id) = sistem_id.trim().parse::<SistemId>() else {
            // Every problem of the form at once: the system and the reason.
            let mut galat = vec![GalatIsian::new(
                "sistem_elektronik_id",
                "Pilih sistem elektronik yang akan diubah.",
            )];
            galat.extend(crate::model::galat_alasan(alasan));
            return Err(Galat::Validasi(galat).into());
        };
        let s = self.sistem_milik(aktor, id).await?;
        let terbuka = self.port.repo.terbuka_untuk(id).await?;
        let pemohon = aktor.akun_id().ok_or(Galat::BelumMasuk)?;
        let now = self.port.clock.now();
        let p = PermohonanPerubahan::ajukan(&s, pemohon, alasan, terbuka.as_ref(), now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "ajukan")
            .status(None, p.status.kode())
            .alasan(p.alasan.clone());
        self.simpan(&p, None, audit, Vec::new(), None).await?;
        Ok(p)
    }

    /// The actor's requests: the pejabat's instansi, the sub pejabat's unit, everything for the admin.
    pub async fn daftar(&self, aktor: &Actor) -> Result<Vec<PermohonanPerubahan>, PerubahanError> {
        Ok(self.port.repo.daftar(lingkup(aktor)?).await?)
    }

    /// The registered systems the actor may request a change for now (none open yet).
    pub async fn sistem_pilihan(
        &self,
        aktor: &Actor,
    ) -> Result<Vec<SistemElektronik>, PerubahanError> {
        let (instansi, unit) = match lingkup(aktor)? {
            Lingkup::Instansi(i) => (i, None),
            Lingkup::Unit(i, u) => (i, Some(u)),
            Lingkup::Semua => return Err(Galat::Dilarang.into()),
        };
        let terbuka: Vec<SistemId> = self
            .port
            .repo
            .daftar(lingkup(aktor)?)
            .await?
            .iter()
            .filter(|p| p.status.terbuka())
            .map(|p| p.sistem_id)
            .collect();
        Ok(self
            .port
            .sistem
            .sistem_instansi(instansi, unit)
            .await?
            .into_iter()
            .filter(|s| s.status == StatusSistem::Terdaftar && !terbuka.contains(&s.id))
            .collect())
    }

    /// One request, for its instansi (or unit) and the admin; anyone else is told it does not exist.
    pub async fn lihat(
        &self,
        aktor: &Actor,
        id: PerubahanId,
    ) -> Result<PermohonanPerubahan, PerubahanError> {
        lingkup(aktor)?;
        let p = self
            .port
            .repo
            .perubahan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if boleh_lihat(aktor, p.instansi_id, p.unit_id) {
            Ok(p)
        } else {
            Err(Galat::TidakDitemukan.into())
        }
    }

    /// A system with its instansi's name and every change request made for it, newest first (its
    /// history, R-PD-04).
    pub async fn sistem_dengan_riwayat(
        &self,
        aktor: &Actor,
        id: SistemId,
    ) -> Result<(SistemBernama, Vec<PermohonanPerubahan>), PerubahanError> {
        lingkup(aktor)?;
        let s = self.sistem(id).await?;
        if !boleh_lihat(aktor, s.instansi_id, s.unit_id) {
            return Err(Galat::TidakDitemukan.into());
        }
        let riwayat = self.port.repo.untuk_sistem(id).await?;
        let instansi = self
            .port
            .sistem
            .nama_instansi(&[s.instansi_id])
            .await?
            .remove(&s.instansi_id)
            .unwrap_or_default();
        Ok((
            SistemBernama {
                sistem: s,
                instansi,
                provinsi: None,
            },
            riwayat,
        ))
    }

    /// Requests waiting for the admin (only the overdue ones when `terlambat`), oldest first,
    /// with their due time.
    pub async fn antrian(
        &self,
        aktor: &Actor,
        j: &JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrianPd>, u64), PerubahanError> {
        if !aktor.membaca_antrian() && lingkup(aktor)? != Lingkup::Semua {
            return Err(Galat::Dilarang.into());
        }
        let now = self.port.clock.now();
        let j = if terlambat {
            j.clone()
                .masuk_sebelum(self.kalender.batas_terlambat(now, self.hari_layanan))
        } else {
            j.clone()
        };
        let (daftar, total) = self.port.repo.antrian(&j).await?;
        let ids: Vec<_> = daftar.iter().map(|p| p.instansi_id).collect();
        let nama = self.port.sistem.nama_instansi(&ids).await?;
        let mut hasil = Vec::new();
        for p in daftar {
            let instansi = nama.get(&p.instansi_id).cloned().unwrap_or_default();
            let tenggat = self.kalender.tenggat(p.diajukan_pada, self.hari_layanan);
            hasil.push(ItemAntrianPd {
                terlambat: now > tenggat,
                tenggat,
                instansi,
                perubahan: p,
            });
        }
        Ok((hasil, total))
    }

    async fn email_pemohon(
        &self,
        p: &PermohonanPerubahan,
        surel: Surel,
        catatan: &str,
    ) -> Result<Vec<PesanEmail>, PerubahanError> {
        let Some((email, nama)) = self.port.sistem.kontak_akun(p.pemohon).await? else {
            return Ok(Vec::new());
        };
        Ok(vec![PesanEmail::baru(
            email,
            surel,
            json!({
                "nama": nama, "sistem": p.nama_sistem, "id": p.id.to_string(),
                "alasan": p.alasan, "catatan": catatan,
            }),
        )])
    }

    /// The admin's decision (R-PD-03): approval opens the system's form, a rejection needs a
    /// reason; the requester is emailed either way.
    pub async fn putuskan(
        &self,
        aktor: &Actor,
        id: PerubahanId,
        setuju: bool,
        kategori: &str,
        catatan: &str,
    ) -> Result<PermohonanPerubahan, PerubahanError> {
        if lingkup(aktor)? != Lingkup::Semua {
            return Err(Galat::Dilarang.into());
        }
        let p = self
            .port
            .repo
            .perubahan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        let now = self.port.clock.now();
        let dari = p.status;
        if setuju {
            let s = self.sistem(p.sistem_id).await?;
            let (p, s) = p.setujui(s, now)?;
            let email = self
                .email_pemohon(&p, Surel::PerubahanDisetujui, "")
                .await?;
            let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "setujui")
                .status(Some(dari.kode()), p.status.kode());
            self.simpan(&p, Some(&s), audit, email, None).await?;
            Ok(p)
        } else {
            let kategori = match kategori.trim() {
                "" => "lainnya",
                k => k,
            };
            let p = p.tolak(PenolakanPerubahan {
                kategori: kategori.into(),
                catatan: catatan.trim().into(),
                waktu: now,
            })?;
            let email = self
                .email_pemohon(&p, Surel::PerubahanDitolak, catatan.trim())
                .await?;
            let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "tolak")
                .status(Some(dari.kode()), p.status.kode())
                .alasan(catatan.trim());
            self.simpan(&p, None, audit, email, None).await?;
            Ok(p)
        }
    }

    /// Finishes an approved change (R-PD-04): the system is `terdaftar` again with its Tanda Daftar
    /// and new data; what changed is recorded (possibly nothing).
    pub async fn selesai(
        &self,
        aktor: &Actor,
        id: PerubahanId,
    ) -> Result<PermohonanPerubahan, PerubahanError> {
        let p = self.lihat(aktor, id).await?;
        let s = self.sistem_milik(aktor, p.sistem_id).await?;
        if p.status != StatusPerubahan::DisetujuiSedangDalamPerubahan {
            return Err(Galat::StatusTidakSesuai(format!(
                "Perubahan hanya dapat diselesaikan setelah disetujui admin (status pengajuan: {}).",
                p.status.label()
            ))
            .into());
        }
        let now = self.port.clock.now();
        let (p, s) = p.selesai(s, now, &self.wilayah)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "selesai")
            .status(
                Some(StatusPerubahan::DisetujuiSedangDalamPerubahan.kode()),
                p.status.kode(),
            )
            .alasan(format!("{} isian berubah", p.perbedaan.len()));
        // The change is finished: its requester is invited to the satisfaction survey (R-LAY-04).
        let undangan = self
            .port
            .sistem
            .kontak_akun(p.pemohon)
            .await?
            .map(|(email, nama)| {
                pse_kernel::UndanganSurvei::baru(
                    self.port.token.as_ref(),
                    pse_kernel::LayananSurvei::PerubahanData,
                    p.id,
                    &email,
                    &nama,
                    now,
                )
            });
        let (survei, email) = match undangan {
            Some((u, e)) => (Some(u), vec![e]),
            None => (None, Vec::new()),
        };
        self.simpan(&p, Some(&s), audit, email, survei.as_ref())
            .await?;
        Ok(p)
    }
}
