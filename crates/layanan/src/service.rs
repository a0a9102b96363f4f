//! The complaint use cases (R-LAY-03): anyone files one and gets its number and code at once (on
//! screen and by email); with both they read its status and answers; the admin lists, reads and
//! answers them, and each answer is emailed to the complainant.

use crate::pengaduan::{FormulirPengaduan, NomorPengaduan, Pengaduan, StatusPengaduan};
use crate::ports::{PengaduanRepo, UnitKerjaPengaduan};
use chrono::Datelike;
use pse_kernel::{
    Actor, AuditEvent, Clock, GagalSimpan, Galat, Halaman, InfraError, JendelaAntrian, Paging,
    PengaduanId, PesanEmail, Surel, TokenGenerator, hash_token,
};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;

/// The audit trail's subject kind of a complaint.
pub const SUBJEK: &str = "pengaduan";

/// How many times a complaint is saved again when another took its number first.
const COBA_NOMOR: usize = 5;

/// Characters of the code a complainant keeps (of a hex token: 64 bits).
const PANJANG_KODE: usize = 16;

/// A complaint just filed, with the code that is shown once.
pub struct Diterima {
    /// The complaint.
    pub pengaduan: Pengaduan,
    /// The code to read it back with.
    pub kode: SecretString,
}

/// The complaint service on its ports.
pub struct PengaduanService {
    repo: Arc<dyn PengaduanRepo>,
    token: Arc<dyn TokenGenerator>,
    clock: Arc<dyn Clock>,
}

fn wajib_admin(aktor: &Actor) -> Result<(), Galat> {
    match aktor {
        a if a.adalah_admin() => Ok(()),
        Actor::Publik => Err(Galat::BelumMasuk),
        _ => Err(Galat::Dilarang),
    }
}

impl PengaduanService {
    /// The service on `repo`, making codes with `token`.
    pub fn new(
        repo: Arc<dyn PengaduanRepo>,
        token: Arc<dyn TokenGenerator>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self { repo, token, clock }
    }

    /// Files a complaint: every field checked at once; numbered in its year by the store's counter
    /// (a number refused as taken is taken again); emailed with its code.
    pub async fn ajukan(&self, aktor: &Actor, f: &FormulirPengaduan) -> Result<Diterima, Galat> {
        let data = f.periksa()?;
        let now = self.clock.now();
        let tahun = now.with_timezone(&pse_kernel::kalender::wib()).year();
        let token = self.token.buat();
        let kode: String = token.expose_secret().chars().take(PANJANG_KODE).collect();
        for _ in 0..COBA_NOMOR {
            let mut uow = self.repo.mulai().await?;
            let urut = uow.urut_berikutnya(tahun).await?;
            let p = Pengaduan::baru(
                NomorPengaduan { tahun, urut },
                hash_token(&kode),
                data.clone(),
                now,
            );
            let email = PesanEmail::baru(
                p.data.email.clone(),
                Surel::PengaduanDiterima,
                serde_json::json!({
                    "nama": p.data.nama,
                    "nomor": p.nomor.to_string(),
                    "kategori": p.data.kategori.label(),
                    "kode": kode,
                }),
            );
            let audit =
                AuditEvent::baru(now, aktor, SUBJEK, p.id, "ajukan").status(None, p.status.kode());
            match simpan(uow, &p, &email, &audit).await {
                Ok(()) => {
                    return Ok(Diterima {
                        pengaduan: p,
                        kode: kode.into(),
                    });
                }
                Err(GagalSimpan::Duplikat(_)) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(InfraError::tidak_tersedia("nomor pengaduan terus diambil bersamaan").into())
    }

    /// The complaint `nomor` for whoever holds its code; a wrong number or code is not found.
    pub async fn lihat(&self, nomor: &str, kode: &str) -> Result<Pengaduan, Galat> {
        let nomor: NomorPengaduan = nomor.parse()?;
        let p = self
            .repo
            .dengan_nomor(nomor)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        if kode.trim().is_empty() || hash_token(kode) != p.hash_kode {
            return Err(Galat::TidakDitemukan);
        }
        Ok(p)
    }

    /// The admin's list: complaints in `status` (every open one when none), oldest first.
    pub async fn daftar(
        &self,
        aktor: &Actor,
        status: Option<StatusPengaduan>,
        paging: &Paging,
    ) -> Result<Halaman<Pengaduan>, Galat> {
        wajib_admin(aktor)?;
        let j = JendelaAntrian::dari(paging)?;
        let (v, total) = self.repo.daftar(status, &j).await?;
        Ok(Halaman::susun(v, total, paging, |p| {
            JendelaAntrian::kursor(p.diajukan_pada, p.id)
        })?)
    }

    /// One complaint, for the admin.
    pub async fn detail(&self, aktor: &Actor, id: PengaduanId) -> Result<Pengaduan, Galat> {
        wajib_admin(aktor)?;
        self.repo.pengaduan(id).await?.ok_or(Galat::TidakDitemukan)
    }

    /// The admin answers, setting the status; the answer is emailed to the complainant. A closed
    /// complaint answers 409 before its fields are looked at.
    pub async fn tanggapi(
        &self,
        aktor: &Actor,
        id: PengaduanId,
        tanggapan: &str,
        status: &str,
    ) -> Result<Pengaduan, Galat> {
        wajib_admin(aktor)?;
        let Actor::Pengguna { akun_id, .. } = aktor else {
            return Err(Galat::Dilarang);
        };
        let lama = self.detail(aktor, id).await?;
        let now = self.clock.now();
        let p = lama.tanggapi(tanggapan, status, *akun_id, now)?;
        let t = p.tanggapan.last().ok_or(Galat::TidakDitemukan)?;
        let email = PesanEmail::baru(
            p.data.email.clone(),
            Surel::PengaduanDitanggapi,
            serde_json::json!({
                "nama": p.data.nama,
                "nomor": p.nomor.to_string(),
                "status": p.status.label(),
                "tanggapan": t.isi,
            }),
        );
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "tanggapi")
            .status(Some(lama.status.kode()), p.status.kode());
        simpan(self.repo.mulai().await?, &p, &email, &audit).await?;
        let mut p = p;
        p.versi += 1;
        Ok(p)
    }
}

/// Saves `p` with its email and audit record in one unit of work.
async fn simpan(
    mut uow: Box<dyn UnitKerjaPengaduan>,
    p: &Pengaduan,
    email: &PesanEmail,
    audit: &AuditEvent,
) -> Result<(), GagalSimpan> {
    uow.simpan(p).await?;
    uow.kirim_email(email).await?;
    uow.catat_audit(audit).await?;
    uow.commit().await
}
