//! Applying, correcting, and the admin's decision (R-PEJ-02…R-PEJ-12).

use super::{RegistrasiService, wajib_admin};
use crate::RegistrasiError;
use crate::model::{
    Akun, Berkas, DataPendaftar, DokumenRef, Email, FormulirPendaftaran, Instansi, JenisInstansi,
    KonteksValidasi, Penolakan, PermohonanPejabat, PilihanInstansi, RekamAkun, RekamInstansi,
    StatusPendaftar, StatusPermohonan, hash_token, instansi::domain_dari_website,
};
use crate::model::{Blok, IsiSurat, JenisKepegawaian, JenisSurat, surat::susun};
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{
    Actor, AkunId, AuditEvent, InstansiId, JendelaAntrian, Peran, PermohonanId, PesanEmail,
};
use secrecy::ExposeSecret;
use serde_json::json;

const SUBJEK: &str = "pendaftaran_pejabat";

/// An application waiting for the admin, with its due time (1 working day, R-SE-13).
#[derive(Debug, Clone)]
pub struct ItemAntrian {
    /// The application.
    pub permohonan: PermohonanPejabat,
    /// When the decision is due.
    pub tenggat: DateTime<Utc>,
    /// Whether it is overdue now.
    pub terlambat: bool,
}

impl RegistrasiService {
    async fn konteks(
        &self,
        form: &FormulirPendaftaran,
        kecuali: Option<PermohonanId>,
    ) -> Result<KonteksValidasi, RegistrasiError> {
        let repo = &self.port.repo;
        let mut k = KonteksValidasi::default();
        if !form.provinsi.trim().is_empty() {
            k.provinsi = repo.wilayah(form.provinsi.trim()).await?;
        }
        if !form.kota.trim().is_empty() {
            k.kota = repo.wilayah(form.kota.trim()).await?;
        }
        if let Ok(id) = form.instansi_id.trim().parse::<InstansiId>() {
            k.instansi = repo.instansi(id).await?;
            k.ada_pejabat_aktif = repo.pejabat_aktif(id).await?.is_some();
        }
        if form.instansi_id.trim().is_empty() && !form.instansi_baru_nama.trim().is_empty() {
            k.instansi_serupa = repo
                .instansi_bernama(&Instansi::kunci_nama(&form.instansi_baru_nama))
                .await?;
        }
        if let Ok(email) = Email::parse(&form.email) {
            let akun_terpakai = repo
                .akun_dengan_email(email.as_ref())
                .await?
                .is_some_and(|a| a.status != crate::model::StatusAkun::Nonaktif);
            let permohonan_lain = repo
                .permohonan_terbuka(email.as_ref())
                .await?
                .is_some_and(|id| Some(id) != kecuali);
            k.email_terpakai = akun_terpakai || permohonan_lain;
        }
        Ok(k)
    }

    /// Validates the form and the document together, so every problem is answered at once.
    /// A document that is the only problem answers 415 or 413 on its own.
    fn periksa(
        &self,
        form: &FormulirPendaftaran,
        konteks: &KonteksValidasi,
        berkas: Option<&Berkas>,
        dokumen_lama: Option<&DokumenRef>,
    ) -> Result<(DataPendaftar, PilihanInstansi, DokumenRef), RegistrasiError> {
        let dok = berkas.map(|b| b.periksa_pdf(self.pengaturan.batas_dokumen));
        let dok = match (dok, dokumen_lama) {
            (Some(d), _) => d,
            (None, Some(lama)) => Ok(lama.clone()),
            (None, None) => Err(RegistrasiError::isian(
                "dokumen",
                "Unggah satu berkas PDF berisi Surat Tugas dan Surat Permohonan.",
            )),
        };
        match (form.validasi(konteks), dok) {
            (Ok((data, pilihan)), Ok(d)) => Ok((data, pilihan, d)),
            (Ok(_), Err(e)) => Err(e),
            (Err(galat), Ok(_)) => Err(Galat::Validasi(galat).into()),
            (Err(mut galat), Err(e)) => {
                let pesan = match e {
                    RegistrasiError::Umum(Galat::Validasi(g)) => {
                        g.into_iter().map(|g| g.message).collect()
                    }
                    lain => lain.to_string(),
                };
                galat.push(crate::GalatIsian::new("dokumen", pesan));
                Err(Galat::Validasi(galat).into())
            }
        }
    }

    /// Surat Tugas or Surat Permohonan filled with what the applicant typed so far (R-PEJ-16);
    /// nothing is checked or stored, unknown values stay placeholders.
    pub async fn templat_surat(
        &self,
        form: &FormulirPendaftaran,
        jenis: JenisSurat,
    ) -> Result<Vec<Blok>, RegistrasiError> {
        let k = self.konteks(form, None).await?;
        let instansi = k.instansi.as_ref().map(|i| i.rekam());
        let isi = IsiSurat {
            instansi: instansi.map_or_else(|| form.instansi_baru_nama.clone(), |i| i.nama.clone()),
            telepon_instansi: instansi
                .and_then(|i| i.telepon.clone())
                .unwrap_or_else(|| form.instansi_baru_telepon.clone()),
            kota: k.kota.or(k.provinsi).map(|w| w.nama).unwrap_or_default(),
            nama: form.nama_lengkap.clone(),
            label_nomor_induk: if form.jenis_kepegawaian.trim() == JenisKepegawaian::Pkwtt.kode() {
                "NIK"
            } else {
                "NIP"
            },
            nomor_induk: if form.jenis_kepegawaian.trim() == JenisKepegawaian::Pkwtt.kode() {
                form.nik.clone()
            } else {
                form.nip.clone()
            },
            jabatan: form.jabatan.clone(),
            unit: String::new(),
            tanggal: pse_kernel::kalender::tanggal_panjang(
                self.now()
                    .with_timezone(&pse_kernel::kalender::wib())
                    .date_naive(),
            ),
        };
        Ok(susun(jenis, &isi))
    }

    /// Keeps the file of a submission refused for its other fields, so the applicant need not
    /// choose it again: checked like any (a PDF within the limit) and stored by its content;
    /// answers its reference (the page carries it to the next submission).
    pub async fn simpan_berkas_sementara(&self, b: &Berkas) -> Result<DokumenRef, RegistrasiError> {
        let dok = b.periksa_pdf(self.pengaturan.batas_dokumen)?;
        self.port.dokumen.simpan(&dok.sha256, b.isi.clone()).await?;
        Ok(dok)
    }

    /// A file kept by [`Self::simpan_berkas_sementara`], by its content hash, under `nama`; `None`
    /// when the store holds no such file.
    pub async fn berkas_tersimpan(
        &self,
        sha256: &str,
        nama: &str,
    ) -> Result<Option<Berkas>, RegistrasiError> {
        let sah = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        if !sah {
            return Ok(None);
        }
        Ok(self
            .port
            .dokumen
            .ambil(&sha256.to_ascii_lowercase())
            .await?
            .map(|isi| Berkas {
                nama: nama.into(),
                isi,
            }))
    }

    /// Submits an application (anyone may apply). Nothing is stored when anything is invalid.
    pub async fn ajukan(
        &self,
        _aktor: &Actor,
        form: FormulirPendaftaran,
        berkas: Option<Berkas>,
    ) -> Result<PermohonanPejabat, RegistrasiError> {
        let mut konteks = self.konteks(&form, None).await?;
        // The form is public: whether an email is in use is told only to that mailbox, never to
        // whoever typed it (R-X-02). Such an application answers like any other and is not kept.
        let terpakai = std::mem::take(&mut konteks.email_terpakai);
        let (data, pilihan, dok) = self.periksa(&form, &konteks, berkas.as_ref(), None)?;
        if terpakai {
            let now = self.now();
            let mut uow = self.port.repo.mulai().await?;
            uow.kirim_email(&PesanEmail::baru(
                data.email.as_ref(),
                pse_kernel::Surel::EmailSudahDipakai,
                json!({}),
            ))
            .await?;
            uow.commit().await?;
            return Ok(PermohonanPejabat::ajukan(data, pilihan, dok, now));
        }
        if let Some(b) = berkas {
            self.port.dokumen.simpan(&dok.sha256, b.isi).await?;
        }
        let now = self.now();
        let p = PermohonanPejabat::ajukan(data, pilihan, dok, now);
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_permohonan(&p).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, &Actor::Publik, SUBJEK, p.id, "ajukan")
                .status(None, StatusPermohonan::Diajukan.kode()),
        )
        .await?;
        uow.kirim_email(&email_diterima(&p)).await?;
        uow.commit().await?;
        Ok(p)
    }

    /// The rejected application behind a correction link, for the correction form.
    pub async fn untuk_perbaikan(
        &self,
        id: PermohonanId,
        kode: &str,
    ) -> Result<PermohonanPejabat, RegistrasiError> {
        let p = self
            .port
            .repo
            .permohonan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if p.status != StatusPermohonan::Ditolak {
            return Err(Galat::StatusTidakSesuai(format!(
                "Permohonan ini tidak sedang menunggu perbaikan (status: {}).",
                p.status.label()
            ))
            .into());
        }
        if !p.kode_cocok(kode) {
            return Err(RegistrasiError::KodePerbaikanSalah);
        }
        Ok(p)
    }

    /// Resubmits a rejected application with the correction code from the rejection email (R-PEJ-09).
    /// Without a new file the earlier document is kept.
    pub async fn ajukan_ulang(
        &self,
        id: PermohonanId,
        kode: &str,
        form: FormulirPendaftaran,
        berkas: Option<Berkas>,
    ) -> Result<PermohonanPejabat, RegistrasiError> {
        let p = self.untuk_perbaikan(id, kode).await?;
        let konteks = self.konteks(&form, Some(id)).await?;
        let (data, pilihan, dok) =
            self.periksa(&form, &konteks, berkas.as_ref(), Some(&p.dokumen))?;
        if let Some(b) = berkas {
            self.port.dokumen.simpan(&dok.sha256, b.isi).await?;
        }
        let now = self.now();
        let p = p.ajukan_ulang(kode, data, pilihan, dok, now)?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_permohonan(&p).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, &Actor::Publik, SUBJEK, p.id, "ajukan_ulang").status(
                Some(StatusPermohonan::Ditolak.kode()),
                StatusPermohonan::Diajukan.kode(),
            ),
        )
        .await?;
        uow.kirim_email(&email_diterima(&p)).await?;
        uow.commit().await?;
        Ok(p)
    }

    /// Rejects an application with a reason category and a note (R-PEJ-07, R-PEJ-08); the applicant
    /// receives both and a correction link.
    pub async fn tolak(
        &self,
        aktor: &Actor,
        id: PermohonanId,
        kategori: &str,
        catatan: &str,
    ) -> Result<PermohonanPejabat, RegistrasiError> {
        wajib_admin(aktor)?;
        let p = self.permohonan_ada(id).await?;
        // The state answers before the reason's fields (R-X-04).
        p.boleh_ditolak()?;
        let (kategori, catatan) = super::struktur::alasan_penolakan(kategori, catatan)?;
        let catatan = catatan.as_str();
        let now = self.now();
        let kode = self.port.token.buat();
        let p = p.tolak(
            Penolakan {
                kategori,
                catatan: catatan.into(),
                waktu: now,
            },
            hash_token(kode.expose_secret()),
        )?;
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_permohonan(&p).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK, p.id, "tolak")
                .status(
                    Some(StatusPermohonan::Diajukan.kode()),
                    StatusPermohonan::Ditolak.kode(),
                )
                .alasan(format!("{}: {catatan}", kategori.label())),
        )
        .await?;
        uow.kirim_email(&PesanEmail::baru(
            p.data.email.as_ref(),
            pse_kernel::Surel::PermohonanDitolak,
            json!({
                "nama": p.data.nama_lengkap,
                "id": p.id,
                "kode": kode.expose_secret(),
                "instansi": p.instansi.nama(),
                "kategori": kategori.label(),
                "catatan": catatan,
            }),
        ))
        .await?;
        self.undang_survei(uow.as_mut(), &p, now).await?;
        uow.commit().await?;
        Ok(p)
    }

    /// Approves an application (R-PEJ-10, R-PEJ-11, R-PEJ-12): a proposed instansi becomes verified,
    /// the account is made and emailed its activation link, and for a Pengganti the previous pejabat
    /// is deactivated and its sessions ended, all in one transaction.
    pub async fn setujui(
        &self,
        aktor: &Actor,
        id: PermohonanId,
        catatan: Option<&str>,
    ) -> Result<PermohonanPejabat, RegistrasiError> {
        wajib_admin(aktor)?;
        let p = self.permohonan_ada(id).await?;
        if p.status != StatusPermohonan::Diajukan {
            return Err(Galat::StatusTidakSesuai(format!(
                "Hanya permohonan yang menunggu verifikasi dapat disetujui (status permohonan saat ini: {}).",
                p.status.label()
            )).into());
        }
        let repo = &self.port.repo;
        let now = self.now();
        let (instansi_id, instansi_nama, instansi_baru) = match &p.instansi {
            PilihanInstansi::Terdaftar { id, nama } => (*id, nama.clone(), None),
            PilihanInstansi::Usulan(u) => {
                if let Some(ada) = repo
                    .instansi_bernama(&Instansi::kunci_nama(&u.nama))
                    .await?
                {
                    return Err(Galat::StatusTidakSesuai(format!(
                        "Instansi usulan \"{}\" kini sudah terdaftar sebagai \"{}\"; tolak permohonan ini agar pemohon memilihnya dari daftar.",
                        u.nama,
                        ada.rekam().nama
                    )).into());
                }
                let i = Instansi::pulihkan(RekamInstansi {
                    id: InstansiId::new(),
                    nama: u.nama.clone(),
                    jenis: u.jenis,
                    provinsi: Some(u.provinsi.clone()),
                    kota: Some(u.kota.clone()),
                    alamat: Some(u.alamat.clone()),
                    website: Some(u.website.clone()),
                    telepon: u.telepon.clone(),
                    domain_email: (u.jenis == JenisInstansi::Institusi)
                        .then(|| domain_dari_website(&u.website))
                        .flatten(),
                    terverifikasi: true,
                });
                (i.id(), u.nama.clone(), Some(i))
            }
        };
        let lama = match &p.instansi {
            PilihanInstansi::Terdaftar { id, .. } => repo.pejabat_aktif(*id).await?,
            PilihanInstansi::Usulan(_) => None,
        };
        match (p.data.status_pendaftar, &lama) {
            (StatusPendaftar::Baru, Some(_)) => {
                return Err(Galat::StatusTidakSesuai(
                    "Instansi ini sudah memiliki Pejabat Pendaftar aktif, sehingga permohonan Pendaftar Baru tidak dapat disetujui; tolak agar pemohon mengajukan sebagai Pendaftar Pengganti.".into(),
                ).into());
            }
            (StatusPendaftar::Pengganti, None) => {
                return Err(Galat::StatusTidakSesuai(
                    "Instansi ini tidak memiliki Pejabat Pendaftar aktif untuk digantikan; tolak agar pemohon mengajukan sebagai Pendaftar Baru.".into(),
                ).into());
            }
            _ => {}
        }
        let d = &p.data;
        let rekam = RekamAkun {
            id: AkunId::new(),
            versi: 0,
            email: d.email.email().clone(),
            nama: d.nama_lengkap.clone(),
            peran: Peran::PejabatPendaftar,
            instansi_id: Some(instansi_id),
            unit_id: None,
            status: crate::model::StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            jabatan: d.jabatan.clone(),
            nomor_induk: d.nomor_induk.to_string(),
            telepon_kantor: d.telepon_kantor.as_ref().into(),
            nomor_hp: d.nomor_hp.as_ref().into(),
            dibuat_pada: now,
            tugas: None,
        };
        let akun = match repo.akun_dengan_email(d.email.as_ref()).await? {
            Some(ada) => ada.buka_kembali(rekam)?,
            None => Akun::baru(rekam),
        };
        let p = p.setujui(akun.id)?;
        let (token_mentah, token) = self.token_aktivasi(akun.id, now);

        let mut uow = repo.mulai().await?;
        if let Some(i) = &instansi_baru {
            uow.simpan_instansi(i).await?;
            uow.catat_audit(
                &AuditEvent::baru(now, aktor, "instansi", i.id(), "verifikasi_usulan")
                    .status(None, "terverifikasi"),
            )
            .await?;
        }
        if let Some(lama) = lama {
            let nonaktif = lama.clone().nonaktifkan();
            uow.simpan_akun(&nonaktif).await?;
            uow.akhiri_sesi(lama.id).await?;
            uow.catat_audit(
                &AuditEvent::baru(now, aktor, "akun", lama.id, "nonaktifkan")
                    .status(Some(lama.status.kode()), nonaktif.status.kode())
                    .alasan(format!(
                        "Digantikan oleh Pendaftar Pengganti (permohonan {})",
                        p.id
                    )),
            )
            .await?;
            uow.kirim_email(&PesanEmail::baru(
                lama.email.as_ref(),
                pse_kernel::Surel::PejabatDigantikan,
                json!({ "nama": lama.nama, "instansi": instansi_nama, "pengganti": p.data.nama_lengkap }),
            ))
            .await?;
        }
        uow.simpan_akun(&akun).await?;
        uow.simpan_permohonan(&p).await?;
        uow.simpan_token(&token).await?;
        let mut rekam_audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "setujui").status(
            Some(StatusPermohonan::Diajukan.kode()),
            StatusPermohonan::Disetujui.kode(),
        );
        if let Some(c) = catatan.map(str::trim).filter(|c| !c.is_empty()) {
            rekam_audit = rekam_audit.alasan(c);
        }
        uow.catat_audit(&rekam_audit).await?;
        uow.kirim_email(&PesanEmail::baru(
            p.data.email.as_ref(),
            pse_kernel::Surel::PermohonanDisetujui,
            json!({
                "nama": p.data.nama_lengkap,
                "instansi": instansi_nama,
                "token": token_mentah.expose_secret(),
                "masa_berlaku_jam": self.pengaturan.masa_aktivasi.num_hours(),
            }),
        ))
        .await?;
        self.undang_survei(uow.as_mut(), &p, now).await?;
        uow.commit().await?;
        Ok(p)
    }

    /// Invites the applicant of a decided application to the satisfaction survey (R-LAY-04), in
    /// the decision's unit of work.
    async fn undang_survei(
        &self,
        uow: &mut dyn crate::ports::UnitKerja,
        p: &PermohonanPejabat,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), RegistrasiError> {
        let (u, surel) = pse_kernel::UndanganSurvei::baru(
            self.port.token.as_ref(),
            pse_kernel::LayananSurvei::PendaftaranPejabat,
            p.id,
            p.data.email.as_ref(),
            &p.data.nama_lengkap,
            now,
        );
        uow.undang_survei(&u).await?;
        uow.kirim_email(&surel).await?;
        Ok(())
    }

    /// Applications waiting for the admin in the window `j`, oldest first, with due time and
    /// overdue flag; and how many wait in all.
    pub async fn antrian(
        &self,
        aktor: &Actor,
        j: &JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), RegistrasiError> {
        if !aktor.membaca_antrian() {
            wajib_admin(aktor)?;
        }
        let now = self.now();
        let j = self.jendela_antrian(j, terlambat, now);
        let (daftar, total) = self.port.repo.antrian_permohonan(&j).await?;
        let items = daftar
            .into_iter()
            .map(|permohonan| {
                let tenggat = self
                    .kalender
                    .tenggat(permohonan.masuk_antrian_pada, self.pengaturan.hari_layanan);
                ItemAntrian {
                    terlambat: now > tenggat,
                    tenggat,
                    permohonan,
                }
            })
            .collect();
        Ok((items, total))
    }

    /// One application, for the admin.
    pub async fn permohonan(
        &self,
        aktor: &Actor,
        id: PermohonanId,
    ) -> Result<PermohonanPejabat, RegistrasiError> {
        wajib_admin(aktor)?;
        self.permohonan_ada(id).await
    }

    /// The application's document: for the admin, or for the applicant's own account.
    pub async fn dokumen_permohonan(
        &self,
        aktor: &Actor,
        id: PermohonanId,
    ) -> Result<(DokumenRef, Vec<u8>), RegistrasiError> {
        let p = self.permohonan_ada(id).await?;
        let boleh =
            aktor.adalah_admin() || (aktor.akun_id().is_some() && aktor.akun_id() == p.akun_id);
        if !boleh {
            return Err(match aktor {
                Actor::Publik => RegistrasiError::Umum(Galat::BelumMasuk),
                _ => RegistrasiError::Umum(Galat::TidakDitemukan),
            });
        }
        let isi = self
            .port
            .dokumen
            .ambil(&p.dokumen.sha256)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        Ok((p.dokumen.clone(), isi))
    }

    async fn permohonan_ada(&self, id: PermohonanId) -> Result<PermohonanPejabat, RegistrasiError> {
        self.port
            .repo
            .permohonan(id)
            .await?
            .ok_or(RegistrasiError::Umum(Galat::TidakDitemukan))
    }
}

fn email_diterima(p: &PermohonanPejabat) -> PesanEmail {
    PesanEmail::baru(
        p.data.email.as_ref(),
        pse_kernel::Surel::PermohonanDiterima,
        // Sent before anyone has checked the application: nothing typed by the applicant is
        // echoed (the form is public), only the portal's own words and a verified instansi's name.
        json!({
            "nomor": p.nomor(),
            "instansi": match &p.instansi {
                PilihanInstansi::Terdaftar { nama, .. } => Some(nama.clone()),
                PilihanInstansi::Usulan(_) => None,
            },
            "status_pendaftar": p.data.status_pendaftar.label(),
            "pengajuan_ke": p.jumlah_pengajuan,
        }),
    )
}
