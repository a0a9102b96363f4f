//! Struktur Organisasi and Sub Pejabat (R-SUB-01…R-SUB-07): the pejabat manages its instansi's units
//! and sub pejabat; the admin verifies sub pejabat. Another instansi's data is not found.

use super::{RegistrasiService, wajib_admin};
use crate::RegistrasiError;
use crate::model::unit::keturunan;
use crate::model::{
    Akun, Berkas, DokumenRef, FormulirSubPejabat, IsianUnit, KategoriPenolakan, KonteksSubPejabat,
    Penolakan, RekamAkun, StatusAkun, StatusSubPejabat, SubPejabat, UnitOrganisasi,
};
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{
    Actor, AkunId, AuditEvent, InstansiId, JendelaAntrian, Peran, PesanEmail, SubPejabatId, UnitId,
};
use secrecy::ExposeSecret;
use serde_json::json;

const SUBJEK_UNIT: &str = "unit_organisasi";
const SUBJEK_SUB: &str = "sub_pejabat";

/// A sub pejabat waiting for the admin, with its due time.
#[derive(Debug, Clone)]
pub struct ItemAntrianSub {
    /// The registration.
    pub sub_pejabat: SubPejabat,
    /// The instansi's name.
    pub instansi: String,
    /// When the decision is due.
    pub tenggat: DateTime<Utc>,
    /// Whether it is overdue now.
    pub terlambat: bool,
}

/// Only the instansi's Pejabat Pendaftar manages units and users (R-SUB-06).
fn wajib_pejabat(aktor: &Actor) -> Result<(AkunId, InstansiId), RegistrasiError> {
    match aktor {
        Actor::Pengguna {
            akun_id,
            peran: Peran::PejabatPendaftar,
            instansi_id: Some(i),
            ..
        } => Ok((*akun_id, *i)),
        Actor::Pengguna { .. } | Actor::Sistem => Err(Galat::Dilarang.into()),
        Actor::Publik => Err(Galat::BelumMasuk.into()),
    }
}

impl RegistrasiService {
    /// The instansi's units, in tree order.
    pub async fn daftar_unit(&self, aktor: &Actor) -> Result<Vec<UnitOrganisasi>, RegistrasiError> {
        let (_, instansi) = wajib_pejabat(aktor)?;
        let unit = self.port.repo.unit_instansi(instansi).await?;
        Ok(crate::model::unit::pohon(&unit)
            .into_iter()
            .map(|(_, u)| u.clone())
            .collect())
    }

    async fn unit_milik(
        &self,
        instansi: InstansiId,
        id: UnitId,
    ) -> Result<UnitOrganisasi, RegistrasiError> {
        self.port
            .repo
            .unit(id)
            .await?
            .filter(|u| u.instansi_id == instansi)
            .ok_or(RegistrasiError::Umum(Galat::TidakDitemukan))
    }

    /// Adds a unit (R-SUB-01).
    pub async fn tambah_unit(
        &self,
        aktor: &Actor,
        isian: IsianUnit,
    ) -> Result<UnitOrganisasi, RegistrasiError> {
        let (_, instansi) = wajib_pejabat(aktor)?;
        let semua = self.port.repo.unit_instansi(instansi).await?;
        let now = self.now();
        let unit = UnitOrganisasi::baru(instansi, &isian, &semua, now)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_unit(&unit).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_UNIT, unit.id, "tambah").alasan(unit.nama.clone()),
        )
        .await?;
        uow.commit().await?;
        Ok(unit)
    }

    /// Renames or moves a unit.
    pub async fn ubah_unit(
        &self,
        aktor: &Actor,
        id: UnitId,
        isian: IsianUnit,
    ) -> Result<UnitOrganisasi, RegistrasiError> {
        let (_, instansi) = wajib_pejabat(aktor)?;
        let unit = self.unit_milik(instansi, id).await?;
        let semua = self.port.repo.unit_instansi(instansi).await?;
        let now = self.now();
        let unit = unit.ubah(&isian, &semua)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_unit(&unit).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_UNIT, unit.id, "ubah").alasan(unit.nama.clone()),
        )
        .await?;
        uow.commit().await?;
        Ok(unit)
    }

    /// Deletes a unit that has no sub-units and no sub pejabat (R-SUB-01).
    pub async fn hapus_unit(&self, aktor: &Actor, id: UnitId) -> Result<(), RegistrasiError> {
        let (_, instansi) = wajib_pejabat(aktor)?;
        let unit = self.unit_milik(instansi, id).await?;
        let semua = self.port.repo.unit_instansi(instansi).await?;
        if !keturunan(&semua, id).is_empty() {
            return Err(Galat::StatusTidakSesuai(format!(
                "Unit \"{}\" masih memiliki sub-unit; pindahkan atau hapus sub-unitnya terlebih dahulu.",
                unit.nama
            )).into());
        }
        let sub = self.port.repo.sub_pejabat_instansi(instansi).await?;
        if let Some(s) = sub
            .iter()
            .find(|s| s.data.unit_id == id && s.status != StatusSubPejabat::Dihapus)
        {
            return Err(Galat::StatusTidakSesuai(format!(
                "Unit \"{}\" tidak dapat dihapus karena memiliki Sub Pejabat ({}, {}).",
                unit.nama,
                s.data.nama_lengkap,
                s.status.label()
            ))
            .into());
        }
        let sistem = self.port.repo.jumlah_sistem_unit(id).await?;
        if sistem > 0 {
            return Err(Galat::StatusTidakSesuai(format!(
                "Unit \"{}\" tidak dapat dihapus karena memiliki {sistem} sistem elektronik.",
                unit.nama
            ))
            .into());
        }
        let now = self.now();
        let mut uow = self.port.repo.mulai().await?;
        uow.hapus_unit(id).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_UNIT, id, "hapus").alasan(unit.nama.clone()),
        )
        .await?;
        uow.commit().await?;
        Ok(())
    }

    /// The instansi's sub pejabat: active and waiting first, removed last.
    pub async fn daftar_sub_pejabat(
        &self,
        aktor: &Actor,
    ) -> Result<Vec<SubPejabat>, RegistrasiError> {
        let (_, instansi) = wajib_pejabat(aktor)?;
        let mut v = self.port.repo.sub_pejabat_instansi(instansi).await?;
        v.sort_by_key(|s| {
            (
                s.status == StatusSubPejabat::Dihapus,
                s.data.nama_lengkap.to_lowercase(),
            )
        });
        Ok(v)
    }

    /// One sub pejabat: for its instansi's pejabat and for the admin.
    pub async fn sub_pejabat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
    ) -> Result<SubPejabat, RegistrasiError> {
        let s = self
            .port
            .repo
            .sub_pejabat(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if aktor.adalah_admin() {
            return Ok(s);
        }
        let (_, instansi) = wajib_pejabat(aktor)?;
        if s.instansi_id == instansi {
            Ok(s)
        } else {
            Err(Galat::TidakDitemukan.into())
        }
    }

    /// One sub pejabat with where it sits: its instansi's name and its unit's name, as the
    /// admin reviewing it reads them.
    pub async fn sub_pejabat_bertempat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
    ) -> Result<(SubPejabat, String, String), RegistrasiError> {
        let s = self.sub_pejabat(aktor, id).await?;
        let (instansi, unit) = self.tempat_sub(&s).await?;
        Ok((s, instansi, unit))
    }

    /// An instansi's name (empty when gone).
    async fn nama_instansi(&self, id: InstansiId) -> Result<String, RegistrasiError> {
        Ok(self
            .port
            .repo
            .nama_instansi(&[id])
            .await?
            .remove(&id)
            .unwrap_or_default())
    }

    /// The names of a sub pejabat's instansi and unit (empty when gone).
    async fn tempat_sub(&self, s: &SubPejabat) -> Result<(String, String), RegistrasiError> {
        let instansi = self.nama_instansi(s.instansi_id).await?;
        let unit = self
            .port
            .repo
            .unit(s.data.unit_id)
            .await?
            .map(|u| u.nama.clone())
            .unwrap_or_default();
        Ok((instansi, unit))
    }

    async fn konteks_sub(
        &self,
        instansi: InstansiId,
        form: &FormulirSubPejabat,
        kecuali: Option<&SubPejabat>,
    ) -> Result<KonteksSubPejabat, RegistrasiError> {
        let repo = &self.port.repo;
        let unit = repo.unit_instansi(instansi).await?;
        let aturan_domain = repo.instansi(instansi).await?.map(|i| i.aturan_domain());
        let sub = repo.sub_pejabat_instansi(instansi).await?;
        let lain = |s: &&SubPejabat| kecuali.is_none_or(|k| k.id != s.id);
        let unit_terisi = sub.iter().filter(lain).any(|s| {
            s.status.menempati_unit() && s.data.unit_id.to_string() == form.unit_id.trim()
        });
        let email = form.email.trim().to_lowercase();
        let akun_kita = kecuali.and_then(|k| k.akun_id);
        let email_terpakai = !email.is_empty()
            && (repo
                .akun_dengan_email(&email)
                .await?
                .is_some_and(|a| a.status != StatusAkun::Nonaktif && Some(a.id) != akun_kita)
                || repo
                    .sub_pejabat_dengan_email(&email)
                    .await?
                    .iter()
                    .filter(lain)
                    .any(|s| s.status.menempati_unit()));
        Ok(KonteksSubPejabat {
            unit,
            aturan_domain,
            unit_terisi,
            email_terpakai,
        })
    }

    fn surat_tugas(
        &self,
        berkas: Option<&Berkas>,
        wajib: bool,
    ) -> Result<Option<DokumenRef>, RegistrasiError> {
        match berkas {
            Some(b) => b
                .periksa_pdf(self.pengaturan.batas_dokumen)
                .map(Some)
                .map_err(|e| match e {
                    RegistrasiError::Umum(Galat::Validasi(_)) => e,
                    lain => lain,
                }),
            None if wajib => Err(RegistrasiError::isian(
                "surat_tugas",
                "Unggah Surat Tugas (PDF) yang ditandatangani pimpinan unit.",
            )),
            None => Ok(None),
        }
    }

    /// The Surat Tugas of a Sub Pejabat, filled with what the pejabat typed so far in the form
    /// (its name, number, position and chosen unit) and the pejabat's instansi.
    pub async fn templat_surat_sub(
        &self,
        aktor: &Actor,
        form: &FormulirSubPejabat,
    ) -> Result<Vec<crate::model::surat::Blok>, RegistrasiError> {
        use crate::model::surat::{IsiSurat, JenisSurat, susun};
        let (_, instansi) = wajib_pejabat(aktor)?;
        let i = self
            .port
            .repo
            .instansi(instansi)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        let unit = self
            .port
            .repo
            .unit_instansi(instansi)
            .await?
            .into_iter()
            .find(|u| u.id.to_string() == form.unit_id.trim())
            .map(|u| u.nama.clone())
            .unwrap_or_default();
        let kota = match i
            .rekam()
            .kota
            .clone()
            .or_else(|| i.rekam().provinsi.clone())
        {
            Some(kode) => self
                .port
                .repo
                .wilayah(&kode)
                .await?
                .map(|w| w.nama)
                .unwrap_or_default(),
            None => String::new(),
        };
        let isi = IsiSurat {
            instansi: i.rekam().nama.clone(),
            telepon_instansi: i.rekam().telepon.clone().unwrap_or_default(),
            kota,
            nama: form.nama_lengkap.clone(),
            label_nomor_induk: "NIP",
            nomor_induk: form.nip.clone(),
            jabatan: form.jabatan.clone(),
            unit,
            tanggal: pse_kernel::kalender::tanggal_panjang(
                self.now()
                    .with_timezone(&pse_kernel::kalender::wib())
                    .date_naive(),
            ),
        };
        Ok(susun(JenisSurat::SuratTugasSubPejabat, &isi))
    }

    /// Registers a sub pejabat for a unit (R-SUB-02, R-SUB-05). Needs a recorded Struktur Organisasi.
    pub async fn tambah_sub_pejabat(
        &self,
        aktor: &Actor,
        form: FormulirSubPejabat,
        berkas: Option<Berkas>,
    ) -> Result<SubPejabat, RegistrasiError> {
        let (oleh, instansi) = wajib_pejabat(aktor)?;
        let k = self.konteks_sub(instansi, &form, None).await?;
        if k.unit.is_empty() {
            return Err(Galat::StatusTidakSesuai(
                "Catat Struktur Organisasi instansi terlebih dahulu (menu Struktur Organisasi): setiap Sub Pejabat ditempatkan pada satu unit.".into(),
            ).into());
        }
        let data = form.validasi(&k);
        let dok = self.surat_tugas(berkas.as_ref(), true);
        let (data, dok) = gabung(data, dok)?;
        let dok = dok.ok_or(Galat::TidakDitemukan)?;
        if let Some(b) = berkas {
            self.port.dokumen.simpan(&dok.sha256, b.isi).await?;
        }
        let now = self.now();
        let s = SubPejabat::ajukan(instansi, data, dok, oleh, now);
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_sub_pejabat(&s).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_SUB, s.id, "tambah").status(None, s.status.kode()),
        )
        .await?;
        uow.commit().await?;
        Ok(s)
    }

    /// Edits a sub pejabat (R-SUB-04). A changed email or unit goes back to verification and its
    /// account is deactivated until the admin approves again.
    pub async fn ubah_sub_pejabat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
        form: FormulirSubPejabat,
        berkas: Option<Berkas>,
    ) -> Result<SubPejabat, RegistrasiError> {
        let (oleh, instansi) = wajib_pejabat(aktor)?;
        let lama = self.sub_pejabat(aktor, id).await?;
        let k = self.konteks_sub(instansi, &form, Some(&lama)).await?;
        let (data, dok) = gabung(form.validasi(&k), self.surat_tugas(berkas.as_ref(), false))?;
        if let (Some(b), Some(d)) = (berkas, &dok) {
            self.port.dokumen.simpan(&d.sha256, b.isi).await?;
        }
        let now = self.now();
        let status_lama = lama.status;
        let baru = lama.clone().ubah(data, dok, oleh, now)?;
        let akun = self.akun_sub(baru.akun_id).await?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_sub_pejabat(&baru).await?;
        if status_lama == StatusSubPejabat::Aktif && baru.status == StatusSubPejabat::TidakAktif {
            self.nonaktifkan_akun(
                &mut *uow,
                aktor,
                akun,
                "Email atau unit Sub Pejabat diubah; menunggu verifikasi ulang",
            )
            .await?;
        }
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_SUB, baru.id, "ubah")
                .status(Some(status_lama.kode()), baru.status.kode()),
        )
        .await?;
        uow.commit().await?;
        Ok(baru)
    }

    /// The account of a sub pejabat, read before a unit of work starts.
    async fn akun_sub(&self, akun_id: Option<AkunId>) -> Result<Option<Akun>, RegistrasiError> {
        Ok(match akun_id {
            Some(id) => self.port.repo.akun(id).await?,
            None => None,
        })
    }

    async fn nonaktifkan_akun(
        &self,
        uow: &mut dyn crate::ports::UnitKerja,
        aktor: &Actor,
        akun: Option<Akun>,
        alasan: &str,
    ) -> Result<(), RegistrasiError> {
        let Some(akun) = akun else {
            return Ok(());
        };
        if akun.status == StatusAkun::Nonaktif {
            return Ok(());
        }
        let dari = akun.status;
        let akun = akun.nonaktifkan();
        uow.simpan_akun(&akun).await?;
        uow.akhiri_sesi(akun.id).await?;
        uow.catat_audit(
            &AuditEvent::baru(self.now(), aktor, "akun", akun.id, "nonaktifkan")
                .status(Some(dari.kode()), akun.status.kode())
                .alasan(alasan),
        )
        .await?;
        Ok(())
    }

    /// Removes a sub pejabat (R-SUB-04): its account is deactivated and its sessions end; its history
    /// and the systems it registered stay.
    pub async fn hapus_sub_pejabat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
    ) -> Result<(), RegistrasiError> {
        wajib_pejabat(aktor)?;
        let lama = self.sub_pejabat(aktor, id).await?;
        let dari = lama.status;
        let baru = lama.hapus()?;
        let now = self.now();
        let akun = self.akun_sub(baru.akun_id).await?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_sub_pejabat(&baru).await?;
        self.nonaktifkan_akun(
            &mut *uow,
            aktor,
            akun,
            "Sub Pejabat dihapus oleh Pejabat Pendaftar",
        )
        .await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_SUB, baru.id, "hapus")
                .status(Some(dari.kode()), baru.status.kode()),
        )
        .await?;
        uow.commit().await.map_err(Into::into)
    }

    /// Sub pejabat waiting for the admin in the window `j`, oldest first; and how many wait.
    pub async fn antrian_sub_pejabat(
        &self,
        aktor: &Actor,
        j: &JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrianSub>, u64), RegistrasiError> {
        if !aktor.membaca_antrian() {
            wajib_admin(aktor)?;
        }
        let now = self.now();
        let j = self.jendela_antrian(j, terlambat, now);
        let (daftar, total) = self.port.repo.antrian_sub_pejabat(&j).await?;
        let ids: Vec<_> = daftar.iter().map(|s| s.instansi_id).collect();
        let nama = self.port.repo.nama_instansi(&ids).await?;
        let mut hasil = Vec::new();
        for s in daftar {
            let instansi = nama.get(&s.instansi_id).cloned().unwrap_or_default();
            let tenggat = self
                .kalender
                .tenggat(s.masuk_antrian_pada, self.pengaturan.hari_layanan);
            hasil.push(ItemAntrianSub {
                terlambat: now > tenggat,
                tenggat,
                instansi,
                sub_pejabat: s,
            });
        }
        Ok((hasil, total))
    }

    /// Approves a sub pejabat (R-SUB-03): its account is made (or opened again) and emailed its
    /// activation link.
    pub async fn setujui_sub_pejabat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
    ) -> Result<SubPejabat, RegistrasiError> {
        wajib_admin(aktor)?;
        let s = self
            .port
            .repo
            .sub_pejabat(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if s.status != StatusSubPejabat::TidakAktif {
            return Err(Galat::StatusTidakSesuai(format!(
                "Hanya Sub Pejabat yang menunggu verifikasi dapat disetujui (status: {}).",
                s.status.label()
            ))
            .into());
        }
        let now = self.now();
        let d = &s.data;
        let rekam = RekamAkun {
            id: AkunId::new(),
            versi: 0,
            email: d.email.email().clone(),
            nama: d.nama_lengkap.clone(),
            peran: Peran::SubPejabat,
            instansi_id: Some(s.instansi_id),
            unit_id: Some(d.unit_id),
            status: StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            jabatan: d.jabatan.clone(),
            nomor_induk: d.nip.as_ref().into(),
            telepon_kantor: d.telepon.as_ref().into(),
            nomor_hp: String::new(),
            dibuat_pada: now,
            tugas: None,
        };
        let ada = match s.akun_id {
            Some(a) => self.port.repo.akun(a).await?,
            None => None,
        };
        let ada = match ada {
            Some(a) => Some(a),
            None => self.port.repo.akun_dengan_email(d.email.as_ref()).await?,
        };
        let akun = match ada {
            Some(a) if a.status == StatusAkun::Nonaktif => a.buka_kembali(rekam)?,
            Some(_) => {
                return Err(Galat::StatusTidakSesuai(
                    "Email Sub Pejabat ini masih dipakai akun yang aktif; tolak agar Pejabat Pendaftar memperbaikinya.".into(),
                ).into());
            }
            None => Akun::baru(rekam),
        };
        let s = s.setujui(akun.id)?;
        let (token_mentah, token) = self.token_aktivasi(akun.id, now);
        let (instansi, unit) = self.tempat_sub(&s).await?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.simpan_sub_pejabat(&s).await?;
        uow.simpan_token(&token).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_SUB, s.id, "setujui")
                .status(Some(StatusSubPejabat::TidakAktif.kode()), s.status.kode()),
        )
        .await?;
        uow.kirim_email(&PesanEmail::baru(
            s.data.email.as_ref(),
            pse_kernel::Surel::SubPejabatDisetujui,
            json!({
                "nama": s.data.nama_lengkap,
                "instansi": instansi,
                "unit": unit,
                "token": token_mentah.expose_secret(),
                "masa_berlaku_jam": self.pengaturan.masa_aktivasi.num_hours(),
            }),
        ))
        .await?;
        uow.commit().await?;
        Ok(s)
    }

    /// Rejects a sub pejabat with a reason; the pejabat who registered it is told by email.
    pub async fn tolak_sub_pejabat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
        kategori: &str,
        catatan: &str,
    ) -> Result<SubPejabat, RegistrasiError> {
        wajib_admin(aktor)?;
        let s = self
            .port
            .repo
            .sub_pejabat(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        // The state answers before the reason's fields (R-X-04).
        s.boleh_ditolak()?;
        let (kategori, catatan) = alasan_penolakan(kategori, catatan)?;
        let now = self.now();
        let s = s.tolak(Penolakan {
            kategori,
            catatan: catatan.clone(),
            waktu: now,
        })?;
        let pejabat = self.port.repo.akun(s.didaftarkan_oleh).await?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_sub_pejabat(&s).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK_SUB, s.id, "tolak")
                .status(Some(StatusSubPejabat::TidakAktif.kode()), s.status.kode())
                .alasan(format!("{}: {catatan}", kategori.label())),
        )
        .await?;
        if let Some(p) = pejabat {
            uow.kirim_email(&PesanEmail::baru(
                p.email.as_ref(),
                pse_kernel::Surel::SubPejabatDitolak,
                json!({
                    "nama": p.nama,
                    "sub_pejabat": s.data.nama_lengkap,
                    "id": s.id,
                    "kategori": kategori.label(),
                    "catatan": catatan,
                }),
            ))
            .await?;
        }
        uow.commit().await?;
        Ok(s)
    }

    /// The Surat Tugas of a sub pejabat: for the admin and the instansi's pejabat.
    pub async fn surat_tugas_sub_pejabat(
        &self,
        aktor: &Actor,
        id: SubPejabatId,
    ) -> Result<(DokumenRef, Vec<u8>), RegistrasiError> {
        let s = self.sub_pejabat(aktor, id).await?;
        let isi = self
            .port
            .dokumen
            .ambil(&s.surat_tugas.sha256)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        Ok((s.surat_tugas.clone(), isi))
    }
}

/// A rejection's category and note, both required (R-PEJ-07).
pub(crate) fn alasan_penolakan(
    kategori: &str,
    catatan: &str,
) -> Result<(KategoriPenolakan, String), RegistrasiError> {
    let mut galat = Vec::new();
    let k = KategoriPenolakan::parse(kategori);
    if k.is_none() {
        galat.push(crate::GalatIsian::new(
            "kategori_alasan",
            "Pilih kategori alasan penolakan.",
        ));
    }
    let c = catatan.trim();
    if c.is_empty() {
        galat.push(crate::GalatIsian::new(
            "catatan",
            "Tulis catatan penolakan agar pemohon tahu apa yang harus diperbaiki.",
        ));
    }
    match k {
        Some(k) if galat.is_empty() => Ok((k, c.to_string())),
        _ => Err(Galat::Validasi(galat).into()),
    }
}

/// Joins the validation of fields and of the file, so every problem is answered at once.
fn gabung<A, B>(
    a: Result<A, RegistrasiError>,
    b: Result<B, RegistrasiError>,
) -> Result<(A, B), RegistrasiError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Ok(_), Err(e)) => Err(e),
        (Err(e), Ok(_)) => Err(e),
        (Err(RegistrasiError::Umum(Galat::Validasi(mut g))), Err(e)) => {
            let pesan = match e {
                RegistrasiError::Umum(Galat::Validasi(v)) => v,
                lain => vec![crate::GalatIsian::new("surat_tugas", lain.to_string())],
            };
            g.extend(pesan);
            Err(Galat::Validasi(g).into())
        }
        (Err(e), Err(_)) => Err(e),
    }
}
