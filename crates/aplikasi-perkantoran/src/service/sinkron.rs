//! The office application's sync: a bearer token per application (shown once, kept as its hash,
//! revocable) and the users whose state changed after a cursor, so the application enforces a
//! deactivation as soon as it reads it.

use super::{SepService, Tulis, hanya_admin};
use crate::ports::PerubahanPengguna;
use pse_kernel::{Actor, AplikasiId, AuditEvent, Galat, Kursor, PenggunaSepId, hash_token};
use secrecy::{ExposeSecret, SecretString};

/// Changes one read answers at most.
pub const UKURAN_SINKRON: u64 = 100;

impl SepService {
    /// Issues a new sync token for an application (any earlier one stops working); the token
    /// is shown once.
    pub async fn terbitkan_token(
        &self,
        aktor: &Actor,
        aplikasi: AplikasiId,
    ) -> Result<SecretString, Galat> {
        hanya_admin(aktor)?;
        self.port
            .repo
            .aplikasi(aplikasi)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        let t = self.port.token.buat();
        let audit = AuditEvent::baru(
            self.now(),
            aktor,
            "aplikasi_sep",
            aplikasi,
            "terbitkan_token",
        );
        self.simpan(
            vec![Tulis::TokenAplikasi(
                aplikasi,
                Some(hash_token(t.expose_secret())),
            )],
            vec![audit],
            Vec::new(),
        )
        .await?;
        Ok(t)
    }

    /// Revokes an application's sync token.
    pub async fn cabut_token(&self, aktor: &Actor, aplikasi: AplikasiId) -> Result<(), Galat> {
        hanya_admin(aktor)?;
        self.port
            .repo
            .aplikasi(aplikasi)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        let audit = AuditEvent::baru(self.now(), aktor, "aplikasi_sep", aplikasi, "cabut_token");
        self.simpan(
            vec![Tulis::TokenAplikasi(aplikasi, None)],
            vec![audit],
            Vec::new(),
        )
        .await
    }

    /// The users of `aplikasi` whose state changed after `sejak` (a cursor of the previous
    /// answer), for the holder of its token: another application's token, a revoked one or none
    /// at all is refused (401); a malformed cursor is 400.
    pub async fn perubahan(
        &self,
        token: Option<&str>,
        aplikasi: AplikasiId,
        sejak: Option<&str>,
    ) -> Result<(Vec<PerubahanPengguna>, Option<String>), Galat> {
        let pemilik = match token.filter(|t| !t.is_empty()) {
            Some(t) => self.port.repo.aplikasi_token(&hash_token(t)).await?,
            None => None,
        };
        if pemilik != Some(aplikasi) {
            return Err(Galat::BelumMasuk);
        }
        let setelah = match sejak.filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => {
                let k = Kursor::parse(s).ok_or_else(kursor_salah)?;
                let waktu = chrono::DateTime::parse_from_rfc3339(&k.kunci)
                    .map_err(|_| kursor_salah())?
                    .with_timezone(&chrono::Utc);
                let id: PenggunaSepId = k.id.parse().map_err(|_| kursor_salah())?;
                Some((waktu, id))
            }
        };
        let v = self
            .port
            .repo
            .perubahan_pengguna(aplikasi, setelah, UKURAN_SINKRON)
            .await?;
        let berikutnya = v
            .last()
            .map(|p| {
                Kursor {
                    kunci: p.pada.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                    id: p.pengguna.id.to_string(),
                }
                .teks()
            })
            .or_else(|| sejak.map(String::from));
        Ok((v, berikutnya))
    }
}

/// A `sejak` that is not a cursor of an earlier answer.
fn kursor_salah() -> Galat {
    Galat::Paging(pse_kernel::GalatPaging::kursor_tidak_sah_pada("sejak"))
}
