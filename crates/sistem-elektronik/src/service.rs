//! The system registration use cases, one method each, taking the acting [`Actor`] first; access is
//! checked here (R-SE-11, R-SE-12).

use crate::SistemError;
use crate::model::akses::{boleh_lihat, boleh_ubah};
use crate::model::sistem::DokumenPendukung;
use crate::model::{
    Bagian, BatasKategori, IsianDataAwal, Pengembalian, PenilaianKategori, SistemElektronik,
    StatusSistem,
};
use crate::ports::{
    CariPublik, RingkasanPublik, RingkasanSistem, SistemAntrian, SistemBernama, SistemRepo,
};
use chrono::{DateTime, Utc};
use pse_kernel::{
    Actor, AuditEvent, Clock, DaftarWilayah, DokumenStore, GalatPaging, Halaman, InstansiId,
    JendelaAntrian, KalenderKerja, Paging, Peran, PesanEmail, SistemId, Surel, UnitId,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::sync::Arc;

const SUBJEK: &str = "sistem_elektronik";

/// Tunable settings.
#[derive(Debug, Clone)]
pub struct PengaturanSe {
    /// Bounds of the categories (R-SE-05).
    pub batas: BatasKategori,
    /// Largest supporting document in bytes.
    pub batas_dokumen: u64,
    /// Where self-assessment results go (R-SE-08); `None`: recorded only.
    pub email_bssn: Option<String>,
    /// Working days the admin has (R-SE-13).
    pub hari_layanan: u32,
    /// The wilayah that region fields are checked against and named from (by default the list
    /// shipped with the project).
    pub wilayah: Arc<DaftarWilayah>,
}

impl Default for PengaturanSe {
    fn default() -> Self {
        Self {
            batas: BatasKategori::default(),
            batas_dokumen: 10 * 1024 * 1024,
            email_bssn: None,
            hari_layanan: 1,
            wilayah: Arc::new(DaftarWilayah::bawaan()),
        }
    }
}

/// The adapters the service runs on.
#[derive(Clone)]
pub struct PortSistem {
    /// Store.
    pub repo: Arc<dyn SistemRepo>,
    /// Document storage.
    pub berkas: Arc<dyn DokumenStore>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Survey links.
    pub token: Arc<dyn pse_kernel::TokenGenerator>,
}

/// A system waiting for the admin, with its due time.
#[derive(Debug, Clone)]
pub struct ItemAntrianSe {
    /// The system and its instansi.
    pub sistem: SistemAntrian,
    /// When the decision is due (1 working day).
    pub tenggat: DateTime<Utc>,
    /// Whether it is overdue.
    pub terlambat: bool,
}

/// The system registration service.
#[derive(Clone)]
pub struct SistemService {
    port: PortSistem,
    kalender: KalenderKerja,
    pengaturan: PengaturanSe,
}

fn wajib_admin(aktor: &Actor) -> Result<(), SistemError> {
    match aktor.peran() {
        Some(Peran::Admin) => Ok(()),
        Some(_) => Err(SistemError::Dilarang),
        None => Err(SistemError::BelumMasuk),
    }
}

impl SistemService {
    /// A service on `port`.
    pub fn new(port: PortSistem, kalender: KalenderKerja, pengaturan: PengaturanSe) -> Self {
        Self {
            port,
            kalender,
            pengaturan,
        }
    }

    /// The settings in force.
    pub fn pengaturan(&self) -> &PengaturanSe {
        &self.pengaturan
    }

    async fn simpan(
        &self,
        s: &SistemElektronik,
        audit: AuditEvent,
        email: Vec<PesanEmail>,
    ) -> Result<(), SistemError> {
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_sistem(s).await?;
        uow.catat_audit(&audit).await?;
        for e in &email {
            uow.kirim_email(e).await?;
        }
        uow.commit().await?;
        Ok(())
    }

    /// Registers a new system's Data Awal (R-SE-01…R-SE-03, R-SE-11). A sub pejabat registers for its
    /// own unit; a pejabat may name one of its units.
    pub async fn ajukan_data_awal(
        &self,
        aktor: &Actor,
        isian: IsianDataAwal,
    ) -> Result<SistemElektronik, SistemError> {
        let (akun, instansi, unit) = match aktor {
            Actor::Pengguna {
                akun_id,
                peran: Peran::PejabatPendaftar,
                instansi_id: Some(i),
                ..
            } => (*akun_id, *i, isian.unit()?),
            Actor::Pengguna {
                akun_id,
                peran: Peran::SubPejabat,
                instansi_id: Some(i),
                unit_id: Some(u),
                ..
            } => (*akun_id, *i, Some(*u)),
            Actor::Publik => return Err(SistemError::BelumMasuk),
            _ => return Err(SistemError::Dilarang),
        };
        let data = isian.validasi()?;
        if let Some(u) = unit
            && !self.port.repo.unit_milik(instansi, u).await?
        {
            return Err(SistemError::isian(
                "unit_id",
                "Unit tidak ada di Struktur Organisasi instansi Anda.",
            ));
        }
        let now = self.port.clock.now();
        let s = SistemElektronik::ajukan(instansi, unit, akun, data, now);
        let audit = AuditEvent::baru(now, aktor, SUBJEK, s.id, "ajukan_data_awal")
            .status(None, s.status.kode());
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Whose systems the actor lists: the pejabat's whole instansi, the sub pejabat's unit.
    fn cakupan_daftar(aktor: &Actor) -> Result<(InstansiId, Option<UnitId>), SistemError> {
        match aktor {
            Actor::Pengguna {
                peran: Peran::PejabatPendaftar,
                instansi_id: Some(i),
                ..
            } => Ok((*i, None)),
            Actor::Pengguna {
                peran: Peran::SubPejabat,
                instansi_id: Some(i),
                unit_id: Some(u),
                ..
            } => Ok((*i, Some(*u))),
            Actor::Publik => Err(SistemError::BelumMasuk),
            _ => Err(SistemError::Dilarang),
        }
    }

    /// One page of the actor's systems, newest first.
    pub async fn daftar(
        &self,
        aktor: &Actor,
        paging: &Paging,
    ) -> Result<Halaman<RingkasanSistem>, SistemError> {
        let (instansi, unit) = Self::cakupan_daftar(aktor)?;
        if let Some(k) = paging.setelah()
            && (DateTime::parse_from_rfc3339(&k.kunci).is_err()
                || k.id.parse::<SistemId>().is_err())
        {
            return Err(GalatPaging::kursor_tidak_sah().into());
        }
        let (baris, total) = self
            .port
            .repo
            .halaman_instansi(instansi, unit, paging)
            .await?;
        Ok(Halaman::susun(
            baris,
            total,
            paging,
            RingkasanSistem::kursor,
        )?)
    }

    /// How many of the actor's systems are in each status, in the order of the flow (only
    /// statuses that occur); the admin's are the whole country's.
    pub async fn hitungan(&self, aktor: &Actor) -> Result<Vec<(StatusSistem, u64)>, SistemError> {
        let (instansi, unit) = if aktor.adalah_admin() {
            (None, None)
        } else {
            let (i, u) = Self::cakupan_daftar(aktor)?;
            (Some(i), u)
        };
        let mut n = self.port.repo.hitung_status(instansi, unit).await?;
        n.retain(|(_, x)| *x > 0);
        n.sort_by_key(|(s, _)| StatusSistem::SEMUA.iter().position(|x| x == s));
        Ok(n)
    }

    /// One system with its instansi's name, for whoever may see it.
    pub async fn lihat_bernama(
        &self,
        aktor: &Actor,
        id: SistemId,
    ) -> Result<SistemBernama, SistemError> {
        let sistem = self.lihat(aktor, id).await?;
        let instansi = self
            .port
            .repo
            .nama_instansi(&[sistem.instansi_id])
            .await?
            .remove(&sistem.instansi_id)
            .unwrap_or_default();
        Ok(SistemBernama {
            sistem,
            instansi,
            provinsi: None,
        })
    }

    /// Where a registered system's BSSN notice stands (R-SE-08): `None` when it was only recorded
    /// (no BSSN address set) or the system has no Tanda Daftar.
    pub async fn status_notifikasi_bssn(
        &self,
        s: &SistemElektronik,
    ) -> Result<Option<pse_kernel::StatusKirim>, SistemError> {
        match &s.tanda_daftar {
            Some(t) if t.bssn_dikirim_ke.is_some() => Ok(Some(
                self.port
                    .repo
                    .status_notifikasi_bssn(t.nomor)
                    .await?
                    .unwrap_or(pse_kernel::StatusKirim::Menunggu),
            )),
            _ => Ok(None),
        }
    }

    /// One system, for its owners and the admin; anyone else is told it does not exist.
    pub async fn lihat(
        &self,
        aktor: &Actor,
        id: SistemId,
    ) -> Result<SistemElektronik, SistemError> {
        if matches!(aktor, Actor::Publik) {
            return Err(SistemError::BelumMasuk);
        }
        let s = self
            .port
            .repo
            .sistem(id)
            .await?
            .ok_or(SistemError::TidakDitemukan)?;
        if boleh_lihat(aktor, s.instansi_id, s.unit_id) {
            Ok(s)
        } else {
            Err(SistemError::TidakDitemukan)
        }
    }

    async fn milik(&self, aktor: &Actor, id: SistemId) -> Result<SistemElektronik, SistemError> {
        let s = self.lihat(aktor, id).await?;
        if boleh_ubah(aktor, s.instansi_id, s.unit_id) {
            Ok(s)
        } else {
            Err(SistemError::Dilarang)
        }
    }

    /// Corrects and resends rejected Data Awal.
    pub async fn perbaiki_data_awal(
        &self,
        aktor: &Actor,
        id: SistemId,
        isian: IsianDataAwal,
    ) -> Result<SistemElektronik, SistemError> {
        let s = self.milik(aktor, id).await?;
        let data = isian.validasi()?;
        let now = self.port.clock.now();
        let dari = s.status;
        let s = s.perbaiki_data_awal(data, now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, s.id, "perbaiki_data_awal")
            .status(Some(dari.kode()), s.status.kode());
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Saves one section (R-SE-04).
    pub async fn isi_bagian(
        &self,
        aktor: &Actor,
        id: SistemId,
        bagian: Bagian,
        isi: &Value,
    ) -> Result<SistemElektronik, SistemError> {
        let s = self.milik(aktor, id).await?;
        s.harus_bisa_diisi()?;
        let isi = bagian.validasi(isi, &self.pengaturan.wilayah)?;
        let s = s.isi_bagian(bagian, isi)?;
        let audit = AuditEvent::baru(self.port.clock.now(), aktor, SUBJEK, s.id, "isi_bagian")
            .alasan(bagian.kode());
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Keeps a section's draft without checking it (R-SE-07 "sedang diisi").
    pub async fn simpan_draf(
        &self,
        aktor: &Actor,
        id: SistemId,
        bagian: Bagian,
        isi: &Value,
    ) -> Result<SistemElektronik, SistemError> {
        let s = self.milik(aktor, id).await?;
        s.harus_bisa_diisi()?;
        let draf = bagian.draf(isi)?;
        let s = s.simpan_draf(bagian, draf)?;
        let audit = AuditEvent::baru(self.port.clock.now(), aktor, SUBJEK, s.id, "simpan_draf")
            .alasan(bagian.kode());
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Saves the self-assessment (R-SE-05).
    pub async fn nilai_kategori(
        &self,
        aktor: &Actor,
        id: SistemId,
        jawaban: &[String],
    ) -> Result<SistemElektronik, SistemError> {
        let s = self.milik(aktor, id).await?;
        s.harus_bisa_diisi()?;
        let p = PenilaianKategori::nilai(jawaban, &self.pengaturan.batas)?;
        let alasan = format!("skor {} ({})", p.skor, p.kategori.kode());
        let s = s.nilai_kategori(p)?;
        let audit = AuditEvent::baru(self.port.clock.now(), aktor, SUBJEK, s.id, "nilai_kategori")
            .alasan(alasan);
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Uploads a supporting PDF (R-SE-06): judged by content, within the size limit.
    pub async fn unggah_dokumen(
        &self,
        aktor: &Actor,
        id: SistemId,
        jenis: &str,
        nama_berkas: &str,
        isi: Vec<u8>,
    ) -> Result<SistemElektronik, SistemError> {
        let s = self.milik(aktor, id).await?;
        s.harus_bisa_diisi()?;
        if !crate::model::sistem::JENIS_DOKUMEN.contains(&jenis.trim()) {
            return Err(SistemError::isian(
                "jenis",
                format!(
                    "Pilih jenis dokumen: {}.",
                    crate::model::isi::daftar_label(crate::model::sistem::JENIS_DOKUMEN)
                ),
            ));
        }
        if isi.is_empty() {
            return Err(SistemError::isian("berkas", "Unggah berkas PDF."));
        }
        if isi.len() as u64 > self.pengaturan.batas_dokumen {
            return Err(SistemError::TerlaluBesar {
                batas_mib: self.pengaturan.batas_dokumen / (1024 * 1024),
            });
        }
        pse_kernel::pdf::periksa(&isi).map_err(SistemError::PdfDitolak)?;
        let sha256 = hex::encode(Sha256::digest(&isi));
        let d = DokumenPendukung {
            jenis: jenis.trim().into(),
            sha256: sha256.clone(),
            nama_berkas: nama_berkas
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or("dokumen.pdf")
                .chars()
                .take(200)
                .collect(),
            ukuran: isi.len() as u64,
        };
        let s = s.tambah_dokumen(d)?;
        self.port.berkas.simpan(&sha256, isi).await?;
        let audit = AuditEvent::baru(self.port.clock.now(), aktor, SUBJEK, s.id, "unggah_dokumen")
            .alasan(jenis.trim());
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Removes a supporting document before submission (the file stays in the store: other
    /// systems may hold the same content).
    pub async fn hapus_dokumen(
        &self,
        aktor: &Actor,
        id: SistemId,
        sha256: &str,
    ) -> Result<(SistemElektronik, DokumenPendukung), SistemError> {
        let s = self.milik(aktor, id).await?;
        let (s, d) = s.hapus_dokumen(sha256)?;
        let audit = AuditEvent::baru(self.port.clock.now(), aktor, SUBJEK, s.id, "hapus_dokumen")
            .alasan(&d.nama_berkas);
        self.simpan(&s, audit, Vec::new()).await?;
        Ok((s, d))
    }

    /// A supporting document, for whoever may see the system (R-SE-12).
    pub async fn dokumen(
        &self,
        aktor: &Actor,
        id: SistemId,
        sha256: &str,
    ) -> Result<(DokumenPendukung, Vec<u8>), SistemError> {
        let s = self.lihat(aktor, id).await?;
        let d = s
            .dokumen
            .iter()
            .find(|d| d.sha256 == sha256)
            .cloned()
            .ok_or(SistemError::TidakDitemukan)?;
        let isi = self
            .port
            .berkas
            .ambil(sha256)
            .await?
            .ok_or(SistemError::TidakDitemukan)?;
        Ok((d, isi))
    }

    /// Submits the form at 100% with the declaration that it is true; it locks (R-SE-07).
    pub async fn ajukan(
        &self,
        aktor: &Actor,
        id: SistemId,
        pernyataan: bool,
    ) -> Result<SistemElektronik, SistemError> {
        let s = self.milik(aktor, id).await?;
        let now = self.port.clock.now();
        let dari = s.status;
        let s = s.ajukan_formulir(now, pernyataan)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, s.id, "ajukan")
            .status(Some(dari.kode()), s.status.kode());
        self.simpan(&s, audit, Vec::new()).await?;
        Ok(s)
    }

    /// Systems in `status` waiting for the admin (only the overdue ones when `terlambat`), oldest
    /// first, with due time (R-SE-13).
    pub async fn antrian(
        &self,
        aktor: &Actor,
        status: StatusSistem,
        j: &JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrianSe>, u64), SistemError> {
        if !aktor.membaca_antrian() {
            wajib_admin(aktor)?;
        }
        let now = self.port.clock.now();
        let j = if terlambat {
            j.clone().masuk_sebelum(
                self.kalender
                    .batas_terlambat(now, self.pengaturan.hari_layanan),
            )
        } else {
            j.clone()
        };
        let (daftar, total) = self.port.repo.antrian(status, &j).await?;
        let items = daftar
            .into_iter()
            .map(|s| {
                let tenggat = self
                    .kalender
                    .tenggat(s.masuk_antrian_pada, self.pengaturan.hari_layanan);
                ItemAntrianSe {
                    terlambat: now > tenggat,
                    tenggat,
                    sistem: s,
                }
            })
            .collect();
        Ok((items, total))
    }

    async fn email_pendaftar(
        &self,
        s: &SistemElektronik,
        surel: Surel,
        mut data: Value,
    ) -> Result<Vec<PesanEmail>, SistemError> {
        let Some((email, nama)) = self.port.repo.kontak_akun(s.pendaftar).await? else {
            return Ok(Vec::new());
        };
        if let Some(m) = data.as_object_mut() {
            m.insert("nama".into(), nama.into());
            m.insert("sistem".into(), s.data_awal.nama_eksternal.clone().into());
            m.insert("id".into(), s.id.to_string().into());
        }
        Ok(vec![PesanEmail::baru(email, surel, data)])
    }

    /// The admin's decision on Data Awal (R-SE-03): approve opens the form; reject needs a reason.
    pub async fn putuskan_data_awal(
        &self,
        aktor: &Actor,
        id: SistemId,
        setuju: bool,
        alasan: &str,
    ) -> Result<SistemElektronik, SistemError> {
        wajib_admin(aktor)?;
        let s = self
            .port
            .repo
            .sistem(id)
            .await?
            .ok_or(SistemError::TidakDitemukan)?;
        let now = self.port.clock.now();
        let dari = s.status;
        let (s, template) = if setuju {
            (s.setujui_data_awal()?, Surel::DataAwalDisetujui)
        } else {
            // The state's own guard answers first (409), then the reason (R-X-04).
            let alasan = alasan.trim();
            let ditolak = s.tolak_data_awal(Pengembalian {
                alasan: alasan.into(),
                waktu: now,
            })?;
            if alasan.is_empty() {
                return Err(SistemError::isian(
                    "catatan",
                    "Tulis alasan penolakan agar pemohon dapat memperbaikinya.",
                ));
            }
            (ditolak, Surel::DataAwalDitolak)
        };
        let email = self
            .email_pendaftar(&s, template, json!({"alasan": alasan.trim()}))
            .await?;
        let mut audit = AuditEvent::baru(
            now,
            aktor,
            SUBJEK,
            s.id,
            if setuju {
                "setujui_data_awal"
            } else {
                "tolak_data_awal"
            },
        )
        .status(Some(dari.kode()), s.status.kode());
        if !alasan.trim().is_empty() {
            audit = audit.alasan(alasan.trim());
        }
        self.simpan(&s, audit, email).await?;
        Ok(s)
    }

    /// Returns a submitted form with a reason; it unlocks (R-SE-10).
    pub async fn kembalikan(
        &self,
        aktor: &Actor,
        id: SistemId,
        alasan: &str,
    ) -> Result<SistemElektronik, SistemError> {
        wajib_admin(aktor)?;
        let alasan = alasan.trim();
        let s = self
            .port
            .repo
            .sistem(id)
            .await?
            .ok_or(SistemError::TidakDitemukan)?;
        let now = self.port.clock.now();
        // The state's own guard answers first (409), then the reason (R-X-04).
        let s = s.kembalikan(Pengembalian {
            alasan: alasan.into(),
            waktu: now,
        })?;
        if alasan.is_empty() {
            return Err(SistemError::isian(
                "catatan",
                "Tulis alasan pengembalian agar pemohon tahu apa yang harus diperbaiki.",
            ));
        }
        let email = self
            .email_pendaftar(&s, Surel::FormulirDikembalikan, json!({"alasan": alasan}))
            .await?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, s.id, "kembalikan")
            .status(Some(StatusSistem::Diajukan.kode()), s.status.kode())
            .alasan(alasan);
        self.simpan(&s, audit, email).await?;
        Ok(s)
    }

    /// Verifies a submitted form (R-SE-08, R-SE-09): the self-assessment goes to BSSN, the Tanda Daftar
    /// is issued with the next number, all in one transaction.
    pub async fn setujui(
        &self,
        aktor: &Actor,
        id: SistemId,
    ) -> Result<SistemElektronik, SistemError> {
        wajib_admin(aktor)?;
        let s = self
            .port
            .repo
            .sistem(id)
            .await?
            .ok_or(SistemError::TidakDitemukan)?;
        if s.status != StatusSistem::Diajukan {
            return Err(SistemError::StatusTidakSesuai(format!(
                "Hanya formulir yang diajukan dapat disetujui (status sistem: {}).",
                s.status.label()
            )));
        }
        let now = self.port.clock.now();
        let tanggal = now.with_timezone(&pse_kernel::kalender::wib()).date_naive();
        let instansi = self
            .port
            .repo
            .nama_instansi(&[s.instansi_id])
            .await?
            .remove(&s.instansi_id)
            .unwrap_or_default();
        let kontak = self.port.repo.kontak_akun(s.pendaftar).await?;
        let mut uow = self.port.repo.mulai().await?;
        let nomor = uow.nomor_tanda_daftar_berikutnya().await?;
        let s = s.setujui(nomor, tanggal, self.pengaturan.email_bssn.clone())?;
        uow.simpan_sistem(&s).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK, s.id, "setujui")
                .status(Some(StatusSistem::Diajukan.kode()), s.status.kode())
                .alasan(format!("Tanda Daftar nomor {nomor}")),
        )
        .await?;
        let penilaian = s.penilaian.clone();
        let bssn = json!({
            "sistem": s.data_awal.nama_eksternal,
            "instansi": instansi,
            "nomor": nomor,
            "skor": penilaian.as_ref().map(|p| p.skor),
            "kategori": penilaian.as_ref().map(|p| p.kategori.label()),
            "jawaban": penilaian.as_ref().map(|p| p.jawaban.iter().map(|j| j.huruf()).collect::<Vec<_>>().join(" ")),
            "rincian": penilaian.as_ref().map(|p| crate::model::kategori::uraian_jawaban(&p.jawaban)),
        });
        match &self.pengaturan.email_bssn {
            Some(alamat) => {
                uow.kirim_email(&PesanEmail::baru(
                    alamat.clone(),
                    Surel::NotifikasiBssn,
                    bssn,
                ))
                .await?;
                uow.catat_audit(
                    &AuditEvent::baru(now, aktor, SUBJEK, s.id, "notifikasi_bssn")
                        .alasan(format!("dikirim ke {alamat}")),
                )
                .await?;
            }
            None => {
                uow.catat_audit(
                    &AuditEvent::baru(now, aktor, SUBJEK, s.id, "notifikasi_bssn")
                        .alasan("dicatat saja (PSE_BSSN_EMAIL tidak diset)"),
                )
                .await?;
            }
        }
        if let Some((email, nama)) = kontak {
            // With the Tanda Daftar comes the invitation to the satisfaction survey (R-LAY-04).
            let (u, survei) = pse_kernel::UndanganSurvei::baru(
                self.port.token.as_ref(),
                pse_kernel::LayananSurvei::TandaDaftar,
                s.id,
                &email,
                &nama,
                now,
            );
            uow.kirim_email(&PesanEmail::baru(
                email,
                Surel::TandaDaftarTerbit,
                json!({"nama": nama, "sistem": s.data_awal.nama_eksternal, "nomor": nomor, "id": s.id}),
            ))
            .await?;
            uow.undang_survei(&u).await?;
            uow.kirim_email(&survei).await?;
        }
        uow.commit().await?;
        Ok(s)
    }

    /// The public registry (R-SE-12): registered systems marked for publication.
    pub async fn cari_publik(
        &self,
        cari: &CariPublik,
    ) -> Result<Halaman<RingkasanPublik>, SistemError> {
        let (baris, total) = self.port.repo.cari_publik(cari).await?;
        Ok(Halaman::susun(
            baris,
            total,
            &cari.paging,
            RingkasanPublik::kursor,
        )?)
    }

    /// Verification of a Tanda Daftar number: the registered system holding it.
    pub async fn verifikasi(&self, nomor: u64) -> Result<SistemBernama, SistemError> {
        self.port
            .repo
            .dengan_tanda_daftar(nomor)
            .await?
            .filter(|s| {
                s.sistem.status != StatusSistem::DataAwalDiajukan && s.sistem.tanda_daftar.is_some()
            })
            .ok_or(SistemError::TidakDitemukan)
    }
}
