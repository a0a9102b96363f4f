//! The intake's use cases, one method each, taking the acting [`Actor`] first. Every step is one
//! unit of work: the request, its audit record (R-X-01) and the email to whoever acts next.

use crate::kinerja::RingkasanKinerja;
use crate::model::{
    Berkas, FormPermohonan, IsianPermohonan, Pelaku, PermohonanDaerah, Petugas, Tugas,
};
use crate::ports::{PermohonanDaerahRepo, Saring};
use crate::surat::{LembarDisposisi, SuratBalasan};
use pse_kernel::{
    Actor, AkunId, AuditEvent, Clock, DokumenStore, Galat, Halaman, JendelaAntrian, KalenderKerja,
    Paging, PermohonanDaerahId, PesanEmail, Surel, WaktuKerja, ZonaWaktu,
};
use sha2::{Digest, Sha256};
use sistem_elektronik::model::{IsianDataAwal, SistemElektronik};
use std::sync::Arc;

const SUBJEK: &str = "permohonan_daerah";
/// Days of requests the Kepala Dinas' summary reads.
pub const HARI_KINERJA: i64 = 90;
/// The most requests the summary reads.
const KINERJA_MAKS: u64 = 2000;

/// An uploaded file as it came.
#[derive(Debug, Clone)]
pub struct Unggahan {
    /// The name it was uploaded with.
    pub nama_berkas: String,
    /// Its bytes.
    pub isi: Vec<u8>,
}

/// What a use case with uploads answers instead of success: the shared kinds, or a refused file
/// with the field it came in.
#[derive(Debug, thiserror::Error)]
pub enum GalatDaerah {
    /// The shared kinds.
    #[error(transparent)]
    Galat(#[from] Galat),
    /// A file that is not an acceptable PDF or is too large (415 or 413), with its field.
    #[error("{sebab}")]
    Berkas {
        /// `surat_rekomendasi` or `laporan_tahapan`.
        field: &'static str,
        /// Why.
        sebab: Galat,
    },
}

impl From<pse_kernel::InfraError> for GalatDaerah {
    fn from(e: pse_kernel::InfraError) -> Self {
        Self::Galat(e.into())
    }
}

/// The adapters the service runs on.
#[derive(Clone)]
pub struct PortDaerah {
    /// Requests, petugas, offices.
    pub repo: Arc<dyn PermohonanDaerahRepo>,
    /// Where the PDFs go.
    pub dokumen: Arc<dyn DokumenStore>,
    /// Now.
    pub clock: Arc<dyn Clock>,
}

/// The intake service.
#[derive(Clone)]
pub struct PermohonanDaerahService {
    port: PortDaerah,
    kalender: KalenderKerja,
    batas_dokumen: usize,
}

impl PermohonanDaerahService {
    /// The service on `port`, its steps timed on `kalender`, files up to `batas_dokumen` bytes.
    pub fn new(port: PortDaerah, kalender: KalenderKerja, batas_dokumen: usize) -> Self {
        Self {
            port,
            kalender,
            batas_dokumen,
        }
    }

    /// The actor as this service knows them (a petugas when the account is one).
    pub async fn pelaku(&self, aktor: &Actor) -> Result<Pelaku, Galat> {
        let petugas = match aktor.akun_id() {
            Some(a) => self.port.repo.petugas(a).await?,
            None => None,
        };
        Pelaku::dari(aktor, petugas)
    }

    /// The working time of `instansi`'s office: its hours in its province's zone.
    pub async fn waktu_kerja(&self, instansi: pse_kernel::InstansiId) -> Result<WaktuKerja, Galat> {
        let kantor = self.port.repo.kantor(instansi).await?;
        let (jam, zona) = kantor.map_or((Default::default(), ZonaWaktu::Wib), |k| {
            (
                k.jam,
                k.provinsi
                    .as_deref()
                    .map_or(ZonaWaktu::Wib, ZonaWaktu::dari_provinsi),
            )
        });
        Ok(WaktuKerja::new(self.kalender.clone(), jam, zona))
    }

    /// A request the actor may read.
    pub async fn lihat(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
    ) -> Result<PermohonanDaerah, Galat> {
        let pelaku = self.pelaku(aktor).await?;
        self.baca(&pelaku, id).await
    }

    async fn baca(
        &self,
        pelaku: &Pelaku,
        id: PermohonanDaerahId,
    ) -> Result<PermohonanDaerah, Galat> {
        let p = self
            .port
            .repo
            .permohonan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        p.boleh_dilihat(pelaku)?;
        Ok(p)
    }

    /// Checks an uploaded PDF and keeps it; a refusal names its field.
    async fn simpan_berkas(&self, field: &'static str, u: Unggahan) -> Result<Berkas, GalatDaerah> {
        if u.isi.len() > self.batas_dokumen {
            return Err(GalatDaerah::Berkas {
                field,
                sebab: Galat::TerlaluBesar {
                    batas_mib: (self.batas_dokumen / (1024 * 1024)) as u64,
                },
            });
        }
        pse_kernel::pdf::periksa(&u.isi).map_err(|m| GalatDaerah::Berkas {
            field,
            sebab: Galat::PdfDitolak(m),
        })?;
        let sha256 = hex::encode(Sha256::digest(&u.isi));
        let ukuran = u.isi.len() as u64;
        self.port.dokumen.simpan(&sha256, u.isi).await?;
        Ok(Berkas {
            sha256,
            nama_berkas: u.nama_berkas,
            ukuran,
        })
    }

    /// Whether the actor may apply: an OPD's Sub Pejabat of a pemda (the form is not offered to
    /// anyone else).
    pub async fn boleh_mengajukan(&self, aktor: &Actor) -> Result<Pelaku, Galat> {
        let pelaku = self.pelaku(aktor).await?;
        let Pelaku::Pemohon { instansi_id, .. } = &pelaku else {
            return Err(Galat::Dilarang);
        };
        let kantor = self.port.repo.kantor(*instansi_id).await?;
        if !kantor.is_some_and(|k| k.pemda) {
            return Err(Galat::StatusTidakSesuai(
                "Permohonan daerah hanya untuk perangkat daerah pemerintah provinsi, kabupaten, atau kota; daftarkan sistem elektronik langsung dari menu Sistem Elektronik.".into(),
            ));
        }
        Ok(pelaku)
    }

    /// An OPD's Sub Pejabat applies (R-DAE-01): every field and both PDFs are checked before
    /// anything is kept; the Kepala Dinas is emailed.
    pub async fn ajukan(
        &self,
        aktor: &Actor,
        form: &FormPermohonan,
        surat_rekomendasi: Option<Unggahan>,
        laporan_tahapan: Option<Unggahan>,
    ) -> Result<PermohonanDaerah, GalatDaerah> {
        let pelaku = self.boleh_mengajukan(aktor).await?;
        let now = self.port.clock.now();
        let hari_ini = now.with_timezone(&pse_kernel::kalender::wib()).date_naive();
        let isian = IsianPermohonan::periksa(
            form,
            surat_rekomendasi.is_some(),
            laporan_tahapan.is_some(),
            hari_ini,
        )?;
        let (Some(surat), Some(laporan)) = (surat_rekomendasi, laporan_tahapan) else {
            return Err(Galat::Dilarang.into());
        };
        let surat = self.simpan_berkas("surat_rekomendasi", surat).await?;
        let laporan = self.simpan_berkas("laporan_tahapan", laporan).await?;
        let p = PermohonanDaerah::ajukan(&pelaku, isian, surat, laporan, now)?;
        let kepala = self
            .port
            .repo
            .petugas_bertugas(p.instansi_id, Tugas::KepalaDinas)
            .await?;
        let surel = self.surel_menunggu(&p, &kepala).await?;
        let audit =
            AuditEvent::baru(now, aktor, SUBJEK, p.id, "ajukan").status(None, p.status.kode());
        self.simpan(&p, None, audit, surel).await?;
        Ok(p)
    }

    /// The email to each petugas a request now waits for.
    async fn surel_menunggu(
        &self,
        p: &PermohonanDaerah,
        kepada: &[Petugas],
    ) -> Result<Vec<PesanEmail>, Galat> {
        let unit = self
            .port
            .repo
            .nama_unit(p.unit_id)
            .await?
            .unwrap_or_default();
        let langkah = p
            .langkah_berjalan()
            .map(|l| l.kode.label())
            .unwrap_or_default();
        Ok(kepada
            .iter()
            .map(|k| {
                PesanEmail::baru(
                    k.email.clone(),
                    Surel::PermohonanDaerahMenunggu,
                    serde_json::json!({
                        "nama": k.nama, "sistem": p.isian.nama_sistem, "unit": unit,
                        "langkah": langkah, "id": p.id.to_string(),
                    }),
                )
            })
            .collect())
    }

    /// One unit of work: the request, the system a registration made, the audit, the emails.
    async fn simpan(
        &self,
        p: &PermohonanDaerah,
        sistem: Option<&SistemElektronik>,
        audit: AuditEvent,
        surel: Vec<PesanEmail>,
    ) -> Result<(), Galat> {
        let mut u = self.port.repo.mulai().await?;
        u.simpan(p).await?;
        if let Some(s) = sistem {
            u.simpan_sistem(s).await?;
        }
        u.catat_audit(&audit).await?;
        for e in &surel {
            u.kirim_email(e).await?;
        }
        u.commit().await?;
        Ok(())
    }

    /// Disposes a request to `kepada` (R-DAE-02) and emails them.
    pub async fn disposisi(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
        kepada: Option<AkunId>,
        instruksi: &str,
    ) -> Result<PermohonanDaerah, Galat> {
        let pelaku = self.pelaku(aktor).await?;
        let mut p = self.baca(&pelaku, id).await?;
        let tujuan = match kepada {
            Some(a) => self.port.repo.petugas(a).await?,
            None => None,
        };
        let dari = p.status.kode();
        let now = self.port.clock.now();
        p.disposisi(&pelaku, tujuan.as_ref(), instruksi, now)?;
        let surel = self.surel_menunggu(&p, tujuan.as_slice()).await?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "disposisi")
            .status(Some(dari), p.status.kode());
        self.simpan(&p, None, audit, surel).await?;
        p.versi += 1;
        Ok(p)
    }

    /// Returns a request to the applicant with what is missing (R-DAE-03), by email.
    pub async fn kembalikan(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
        kekurangan: &str,
    ) -> Result<PermohonanDaerah, Galat> {
        let pelaku = self.pelaku(aktor).await?;
        let mut p = self.baca(&pelaku, id).await?;
        let now = self.port.clock.now();
        p.kembalikan(&pelaku, kekurangan, now)?;
        let (nama, email) = self.port.repo.akun(p.pemohon).await?.unwrap_or_default();
        let surel = PesanEmail::baru(
            email,
            Surel::PermohonanDaerahDikembalikan,
            serde_json::json!({
                "nama": nama, "sistem": p.isian.nama_sistem,
                "kekurangan": p.pengembalian.last().map(|k| k.kekurangan.clone()),
                "id": p.id.to_string(),
            }),
        );
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "kembalikan")
            .status(Some("didisposisi_tim_teknis"), p.status.kode())
            .alasan(kekurangan.trim());
        self.simpan(&p, None, audit, vec![surel]).await?;
        p.versi += 1;
        Ok(p)
    }

    /// The applicant completes a returned request (R-DAE-03): the same request goes back to the
    /// same Tim Teknis member, who is emailed.
    pub async fn lengkapi(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
        surat_rekomendasi: Option<Unggahan>,
        laporan_tahapan: Option<Unggahan>,
        keterangan: &str,
    ) -> Result<PermohonanDaerah, GalatDaerah> {
        let pelaku = self.pelaku(aktor).await?;
        let mut p = self.baca(&pelaku, id).await?;
        // The state and the actor first, on a copy: no file is kept for a refused step.
        p.clone()
            .lengkapi(&pelaku, None, None, "-", self.port.clock.now())?;
        let surat = match surat_rekomendasi {
            Some(u) => Some(self.simpan_berkas("surat_rekomendasi", u).await?),
            None => None,
        };
        let laporan = match laporan_tahapan {
            Some(u) => Some(self.simpan_berkas("laporan_tahapan", u).await?),
            None => None,
        };
        let now = self.port.clock.now();
        p.lengkapi(&pelaku, surat, laporan, keterangan, now)?;
        let teknis = match p.tim_teknis() {
            Some(a) => self.port.repo.petugas(a).await?,
            None => None,
        };
        let surel = self.surel_menunggu(&p, teknis.as_slice()).await?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "lengkapi")
            .status(Some("dikembalikan"), p.status.kode());
        self.simpan(&p, None, audit, surel).await?;
        p.versi += 1;
        Ok(p)
    }

    /// The Tim Teknis registers the system (R-DAE-03): a Data Awal of the OPD's unit, owned by
    /// its applicant, made in the same unit of work and linked to the request; it then waits for
    /// the ministry's verification like any other.
    pub async fn catat(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
        isian: &IsianDataAwal,
    ) -> Result<(PermohonanDaerah, SistemElektronik), Galat> {
        let pelaku = self.pelaku(aktor).await?;
        let mut p = self.baca(&pelaku, id).await?;
        p.boleh_dicatat(&pelaku)?;
        let data = isian.validasi()?;
        let now = self.port.clock.now();
        let s = SistemElektronik::ajukan(p.instansi_id, Some(p.unit_id), p.pemohon, data, now);
        p.catat(&pelaku, s.id, now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "catat")
            .status(Some("didisposisi_tim_teknis"), p.status.kode());
        self.simpan(&p, Some(&s), audit, Vec::new()).await?;
        p.versi += 1;
        Ok((p, s))
    }

    /// The Tim Teknis reports (R-DAE-04): the Surat Balasan goes to the applicant and to every
    /// Kepala Dinas.
    pub async fn selesaikan(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
        ringkasan: &str,
    ) -> Result<PermohonanDaerah, Galat> {
        let pelaku = self.pelaku(aktor).await?;
        let mut p = self.baca(&pelaku, id).await?;
        let now = self.port.clock.now();
        p.selesaikan(&pelaku, ringkasan, now)?;
        let mut kepada: Vec<(String, String)> = self
            .port
            .repo
            .petugas_bertugas(p.instansi_id, Tugas::KepalaDinas)
            .await?
            .into_iter()
            .map(|k| (k.nama, k.email))
            .collect();
        if let Some(pemohon) = self.port.repo.akun(p.pemohon).await? {
            kepada.insert(0, pemohon);
        }
        let surel = kepada
            .into_iter()
            .map(|(nama, email)| {
                PesanEmail::baru(
                    email,
                    Surel::PermohonanDaerahSelesai,
                    serde_json::json!({
                        "nama": nama, "sistem": p.isian.nama_sistem,
                        "nomor_surat": p.isian.nomor_surat, "ringkasan": p.ringkasan,
                        "id": p.id.to_string(),
                    }),
                )
            })
            .collect();
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "selesaikan")
            .status(Some("tercatat"), p.status.kode());
        self.simpan(&p, None, audit, surel).await?;
        p.versi += 1;
        Ok(p)
    }

    /// The requests the actor sees, oldest first: what waits for a petugas (the inbox), a
    /// pejabat's whole pemda, an applicant's own.
    pub async fn daftar(
        &self,
        aktor: &Actor,
        paging: &Paging,
    ) -> Result<Halaman<PermohonanDaerah>, Galat> {
        let pelaku = self.pelaku(aktor).await?;
        let (instansi, saring) = match &pelaku {
            Pelaku::Petugas(p) => (p.instansi_id, Saring::Menunggu(p.akun_id, p.tugas)),
            Pelaku::Pejabat { instansi_id } => (*instansi_id, Saring::Instansi(*instansi_id)),
            Pelaku::Pemohon {
                akun_id,
                instansi_id,
                ..
            } => (*instansi_id, Saring::Pemohon(*akun_id)),
            Pelaku::Admin => return Err(Galat::Dilarang),
        };
        let j = JendelaAntrian::dari(paging)?;
        let (v, total) = self.port.repo.daftar(instansi, saring, &j).await?;
        Ok(Halaman::susun(v, total, paging, |p| pse_kernel::Kursor {
            kunci: p.diajukan_pada.to_rfc3339(),
            id: p.id.to_string(),
        })?)
    }

    /// The service's record of the last [`HARI_KINERJA`] days of the actor's pemda, for its
    /// Kepala Dinas and its pejabat: requests per status, late steps now, each step's median
    /// working minutes against its standard.
    pub async fn kinerja(&self, aktor: &Actor) -> Result<RingkasanKinerja, Galat> {
        let instansi = match self.pelaku(aktor).await? {
            Pelaku::Petugas(p) if p.tugas == Tugas::KepalaDinas => p.instansi_id,
            Pelaku::Pejabat { instansi_id } => instansi_id,
            _ => return Err(Galat::Dilarang),
        };
        let now = self.port.clock.now();
        // Keyset after (since, ""): every request applied at or after `since`, on the index.
        let j = JendelaAntrian {
            setelah: Some((now - chrono::Duration::days(HARI_KINERJA), String::new())),
            batas: KINERJA_MAKS,
            masuk_sebelum: None,
        };
        let (v, _) = self
            .port
            .repo
            .daftar(instansi, Saring::Instansi(instansi), &j)
            .await?;
        let w = self.waktu_kerja(instansi).await?;
        Ok(RingkasanKinerja::dari(&v, &w, now))
    }

    /// The pemda whose pejabat `aktor` is, for its office's settings.
    async fn pemda_pejabat(&self, aktor: &Actor) -> Result<pse_kernel::InstansiId, Galat> {
        let Pelaku::Pejabat { instansi_id } = self.pelaku(aktor).await? else {
            return Err(Galat::Dilarang);
        };
        let kantor = self.port.repo.kantor(instansi_id).await?;
        if !kantor.is_some_and(|k| k.pemda) {
            return Err(Galat::StatusTidakSesuai(
                "Jam kerja layanan daerah hanya untuk pemerintah provinsi, kabupaten, atau kota."
                    .into(),
            ));
        }
        Ok(instansi_id)
    }

    /// The office hours of the pejabat's pemda, and its zone.
    pub async fn jam_kerja(&self, aktor: &Actor) -> Result<WaktuKerja, Galat> {
        let instansi = self.pemda_pejabat(aktor).await?;
        self.waktu_kerja(instansi).await
    }

    /// The pejabat sets its pemda's office hours (R-DAE-05), as typed per weekday; every step
    /// from then on is timed in them.
    pub async fn atur_jam_kerja(
        &self,
        aktor: &Actor,
        isian: &[(String, String); 5],
    ) -> Result<pse_kernel::JamKerja, Galat> {
        let instansi = self.pemda_pejabat(aktor).await?;
        let jam = pse_kernel::JamKerja::dari_isian(isian)?;
        let audit = AuditEvent::baru(
            self.port.clock.now(),
            aktor,
            "instansi",
            instansi,
            "atur_jam_kerja",
        );
        self.port
            .repo
            .simpan_jam_kerja(instansi, &jam, &audit)
            .await?;
        Ok(jam)
    }

    /// The petugas a step may be disposed to: the Kepala Bidang, then the Tim Teknis, of the
    /// actor's pemda.
    pub async fn penerima(&self, aktor: &Actor, tugas: Tugas) -> Result<Vec<Petugas>, Galat> {
        let Pelaku::Petugas(p) = self.pelaku(aktor).await? else {
            return Err(Galat::Dilarang);
        };
        Ok(self
            .port
            .repo
            .petugas_bertugas(p.instansi_id, tugas)
            .await?)
    }

    /// One of a request's PDFs (`surat-rekomendasi` or `laporan-tahapan`): its name and bytes.
    pub async fn dokumen(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
        jenis: &str,
    ) -> Result<(String, Vec<u8>), Galat> {
        let p = self.lihat(aktor, id).await?;
        let b = match jenis {
            "surat-rekomendasi" => &p.surat_rekomendasi,
            "laporan-tahapan" => &p.laporan_tahapan,
            _ => return Err(Galat::TidakDitemukan),
        };
        let isi = self
            .port
            .dokumen
            .ambil(&b.sha256)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        Ok((b.nama_berkas.clone(), isi))
    }

    /// The Lembar Disposisi of a request.
    pub async fn lembar_disposisi(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
    ) -> Result<LembarDisposisi, Galat> {
        let p = self.lihat(aktor, id).await?;
        let w = self.waktu_kerja(p.instansi_id).await?;
        let asal = self
            .port
            .repo
            .nama_unit(p.unit_id)
            .await?
            .unwrap_or_default();
        Ok(LembarDisposisi::dari(&p, &asal, w.zona()))
    }

    /// The Surat Balasan of a finished request.
    pub async fn surat_balasan(
        &self,
        aktor: &Actor,
        id: PermohonanDaerahId,
    ) -> Result<SuratBalasan, Galat> {
        let p = self.lihat(aktor, id).await?;
        let w = self.waktu_kerja(p.instansi_id).await?;
        let unit = self
            .port
            .repo
            .nama_unit(p.unit_id)
            .await?
            .unwrap_or_default();
        let (nama, _) = self.port.repo.akun(p.pemohon).await?.unwrap_or_default();
        SuratBalasan::dari(&p, &nama, &unit, &w, self.port.clock.now())
    }
}
