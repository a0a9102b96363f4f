//! The Admin Pengelola's users (added, and ended with a reason when they leave), and the
//! admin's reactivation of a user (never of a permanent deactivation).

use super::{SepService, Tulis, hanya_admin};
use crate::katalog::wajib;
use crate::pengguna::{PenggunaSep, PeranSep, StatusPengguna};
use pse_kernel::{Actor, AuditEvent, Galat, GalatIsian, PenggunaSepId, TolakBilaAda};
use serde::Deserialize;

const SUBJEK: &str = "pengguna_sep";
/// The most users one list shows.
const PENGGUNA_MAKS: u64 = 500;

/// A user as the Admin Pengelola types it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IsianPengguna {
    pub nama: String,
    pub nip: String,
    pub email: String,
    pub jabatan: String,
}

impl SepService {
    /// The Admin Pengelola behind the actor.
    async fn admin_pengelola(&self, aktor: &Actor) -> Result<PenggunaSep, Galat> {
        let akun = match aktor {
            Actor::Publik => return Err(Galat::BelumMasuk),
            a => a.akun_id().ok_or(Galat::Dilarang)?,
        };
        self.port
            .repo
            .pengguna_akun(akun)
            .await?
            .filter(|p| p.peran == PeranSep::AdminPengelola && p.status == StatusPengguna::Aktif)
            .ok_or(Galat::Dilarang)
    }

    /// The Admin Pengelola's own record and its instansi's users of the application, by name.
    pub async fn pengguna_saya(
        &self,
        aktor: &Actor,
    ) -> Result<(PenggunaSep, Vec<PenggunaSep>), Galat> {
        let admin = self.admin_pengelola(aktor).await?;
        let v = self
            .port
            .repo
            .pengguna_instansi(admin.aplikasi_id, admin.instansi_id, PENGGUNA_MAKS)
            .await?;
        Ok((admin, v))
    }

    /// The Admin Pengelola adds a user of its instansi.
    pub async fn tambah_pengguna(
        &self,
        aktor: &Actor,
        isian: &IsianPengguna,
    ) -> Result<PenggunaSep, Galat> {
        let admin = self.admin_pengelola(aktor).await?;
        let mut g = Vec::new();
        let nama = wajib(&mut g, "nama", &isian.nama, 200, "Isi nama pengguna.");
        let nip: String = isian.nip.chars().filter(|c| !c.is_whitespace()).collect();
        if nip.len() != 18 || !nip.chars().all(|c| c.is_ascii_digit()) {
            g.push(GalatIsian::new("nip", "NIP terdiri dari 18 angka."));
        }
        let email = isian.email.trim().to_lowercase();
        if !email
            .split_once('@')
            .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
        {
            g.push(GalatIsian::new(
                "email",
                "Tulis alamat email yang sah, misalnya nama@instansi.go.id.",
            ));
        }
        let jabatan = wajib(
            &mut g,
            "jabatan",
            &isian.jabatan,
            200,
            "Isi jabatan pengguna.",
        );
        g.tolak_bila_ada()?;
        let now = self.now();
        let mut p = PenggunaSep::baru(
            admin.aplikasi_id,
            admin.instansi_id,
            PeranSep::Pengguna,
            &nama,
            &nip,
            &email,
            &jabatan,
            now,
        );
        p.sekretaris = admin.sekretaris.clone();
        let audit =
            AuditEvent::baru(now, aktor, SUBJEK, p.id, "tambah").status(None, p.status.kode());
        self.simpan(vec![Tulis::Pengguna(&p)], vec![audit], Vec::new())
            .await?;
        Ok(p)
    }

    /// The Admin Pengelola ends one of its instansi's users (who moved, retired, no longer needs
    /// the application) with a reason: the user is deactivated, which the office application
    /// reads through the sync. Another instansi's user, or another application's, is not found;
    /// the Admin Pengelola's own account is the Direktorat's to end.
    pub async fn nonaktifkan_pengguna_saya(
        &self,
        aktor: &Actor,
        id: PenggunaSepId,
        alasan: &str,
    ) -> Result<PenggunaSep, Galat> {
        let admin = self.admin_pengelola(aktor).await?;
        let mut p = self
            .port
            .repo
            .pengguna(id)
            .await?
            .filter(|p| p.aplikasi_id == admin.aplikasi_id && p.instansi_id == admin.instansi_id)
            .ok_or(Galat::TidakDitemukan)?;
        let dari = p.status.kode();
        let now = self.now();
        p.akhiri_oleh_pengelola(now)?;
        let mut g = Vec::new();
        let alasan = wajib(
            &mut g,
            "alasan",
            alasan,
            500,
            "Tulis alasan pengguna ini dinonaktifkan, misalnya pindah tugas.",
        );
        g.tolak_bila_ada()?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "nonaktifkan")
            .status(Some(dari), p.status.kode())
            .alasan(&alasan);
        self.simpan(vec![Tulis::Pengguna(&p)], vec![audit], Vec::new())
            .await?;
        p.versi += 1;
        Ok(p)
    }

    /// A user, for the admin.
    pub async fn pengguna(&self, aktor: &Actor, id: PenggunaSepId) -> Result<PenggunaSep, Galat> {
        hanya_admin(aktor)?;
        self.port
            .repo
            .pengguna(id)
            .await?
            .ok_or(Galat::TidakDitemukan)
    }

    /// The admin reactivates a deactivated user; a permanent deactivation is refused (409).
    pub async fn aktifkan_pengguna(
        &self,
        aktor: &Actor,
        id: PenggunaSepId,
    ) -> Result<PenggunaSep, Galat> {
        let mut p = self.pengguna(aktor, id).await?;
        let dari = p.status.kode();
        let now = self.now();
        p.aktifkan(now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "aktifkan")
            .status(Some(dari), p.status.kode());
        self.simpan(vec![Tulis::Pengguna(&p)], vec![audit], Vec::new())
            .await?;
        p.versi += 1;
        Ok(p)
    }
}
