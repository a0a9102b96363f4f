//! The office-application use cases, one method each, taking the acting [`Actor`] first: the
//! catalogue, the Sekretaris' application and the Direktorat's decisions (`permohonan`), the
//! Admin Pengelola's users (`pengguna`), the misuse cases (`penyalahgunaan`), the scheduled
//! checks (`jadwal`) and the office application's sync (`sinkron`). Every write is one unit of
//! work with its audit record and emails.

mod jadwal;
mod meja;
mod pengguna;
mod penyalahgunaan;
mod permohonan;
mod sinkron;

pub use jadwal::HasilJadwal;
pub use pengguna::IsianPengguna;
pub use penyalahgunaan::KasusLengkap;
pub use permohonan::{Diajukan, StatusPublik};
pub use sinkron::UKURAN_SINKRON;

use crate::permohonan::Berkas;
use crate::ports::SepRepo;
use pse_kernel::{
    Actor, AuditEvent, Clock, DokumenStore, Galat, KalenderKerja, PesanEmail, TokenGenerator,
};
use sha2::{Digest, Sha256};
use std::sync::Arc;

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
#[derive(Debug)]
pub enum GalatSep {
    /// The shared kinds.
    Galat(Galat),
    /// A file that is not an acceptable PDF or is too large (415 or 413), with its field.
    Berkas {
        /// `surat_kuasa` or `bukti_kepegawaian`.
        field: &'static str,
        /// Why.
        sebab: Galat,
    },
}

impl From<Galat> for GalatSep {
    fn from(g: Galat) -> Self {
        Self::Galat(g)
    }
}

impl From<pse_kernel::InfraError> for GalatSep {
    fn from(e: pse_kernel::InfraError) -> Self {
        Self::Galat(e.into())
    }
}

/// The adapters the service runs on.
#[derive(Clone)]
pub struct PortSep {
    /// Catalogue, requests, users, cases.
    pub repo: Arc<dyn SepRepo>,
    /// Where the PDFs go.
    pub dokumen: Arc<dyn DokumenStore>,
    /// Now.
    pub clock: Arc<dyn Clock>,
    /// Codes, activation links and sync tokens.
    pub token: Arc<dyn TokenGenerator>,
}

/// Settings the service needs.
#[derive(Debug, Clone)]
pub struct PengaturanSep {
    /// Largest accepted PDF, in bytes.
    pub batas_dokumen: usize,
    /// How long an activation link works, in hours.
    pub masa_aktivasi_jam: i64,
    /// The helpdesk's contact the letters name (R-SEP-06).
    pub bantuan: String,
}

/// The office-application service.
#[derive(Clone)]
pub struct SepService {
    port: PortSep,
    kalender: KalenderKerja,
    pengaturan: PengaturanSep,
}

impl SepService {
    /// The service on `port`, its due times on `kalender`.
    pub fn new(port: PortSep, kalender: KalenderKerja, pengaturan: PengaturanSep) -> Self {
        Self {
            port,
            kalender,
            pengaturan,
        }
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.port.clock.now()
    }

    /// An instansi's name (empty when it no longer exists).
    async fn nama_instansi(&self, id: pse_kernel::InstansiId) -> Result<String, Galat> {
        Ok(self
            .port
            .repo
            .nama_instansi(&[id])
            .await?
            .remove(&id)
            .unwrap_or_default())
    }

    /// Checks an uploaded PDF and keeps it; a refusal names its field.
    async fn simpan_berkas(&self, field: &'static str, u: Unggahan) -> Result<Berkas, GalatSep> {
        if u.isi.len() > self.pengaturan.batas_dokumen {
            return Err(GalatSep::Berkas {
                field,
                sebab: Galat::TerlaluBesar {
                    batas_mib: (self.pengaturan.batas_dokumen / (1024 * 1024)) as u64,
                },
            });
        }
        pse_kernel::pdf::periksa(&u.isi).map_err(|m| GalatSep::Berkas {
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

    /// Commits `tulis` with the audit records and emails in one unit of work.
    async fn simpan(
        &self,
        tulis: Vec<Tulis<'_>>,
        audit: Vec<AuditEvent>,
        surel: Vec<PesanEmail>,
    ) -> Result<(), Galat> {
        let pada = self.now();
        let mut u = self.port.repo.mulai().await?;
        for t in tulis {
            match t {
                Tulis::Aplikasi(a) => u.simpan_aplikasi(a).await?,
                Tulis::TokenAplikasi(a, h) => u.simpan_token_aplikasi(a, h.as_deref()).await?,
                Tulis::Permohonan(p) => u.simpan_permohonan(p).await?,
                Tulis::Pengguna(p) => u.simpan_pengguna(p, pada).await?,
                Tulis::Kasus(k) => u.simpan_penyalahgunaan(k).await?,
                Tulis::Akun(a) => u.simpan_akun(a).await?,
                Tulis::Aktivasi(t) => u.simpan_token(t).await?,
                Tulis::AkhiriSesi(a) => u.akhiri_sesi(a).await?,
            }
        }
        for a in &audit {
            u.catat_audit(a).await?;
        }
        for e in &surel {
            u.kirim_email(e).await?;
        }
        u.commit().await?;
        Ok(())
    }
}

/// One write of a unit of work.
enum Tulis<'a> {
    Aplikasi(&'a crate::katalog::AplikasiPerkantoran),
    TokenAplikasi(pse_kernel::AplikasiId, Option<String>),
    Permohonan(&'a crate::permohonan::PermohonanSep),
    Pengguna(&'a crate::pengguna::PenggunaSep),
    Kasus(&'a crate::penyalahgunaan::Penyalahgunaan),
    Akun(&'a registrasi_pejabat::model::Akun),
    Aktivasi(&'a registrasi_pejabat::model::TokenAktivasi),
    AkhiriSesi(pse_kernel::AkunId),
}

/// Only the ministry's admin (the Direktorat acting for the Direktur Jenderal) may.
fn hanya_admin(aktor: &Actor) -> Result<(), Galat> {
    match aktor {
        a if a.adalah_admin() => Ok(()),
        Actor::Publik => Err(Galat::BelumMasuk),
        _ => Err(Galat::Dilarang),
    }
}
