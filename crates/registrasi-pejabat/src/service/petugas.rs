//! The petugas layanan of a pemda (R-DAE): its Pejabat Pendaftar invites the Kepala Dinas, Kepala
//! Bidang and Tim Teknis members of the Dinas (an account waiting for activation, the link by
//! email), lists them, and ends one. Only a Pemerintah Provinsi, Kabupaten or Kota has them.

use super::RegistrasiService;
use crate::RegistrasiError;
use crate::model::{Akun, Email, JenisInstansi, RekamAkun, StatusAkun};
use pse_kernel::{
    Actor, AkunId, AuditEvent, Galat, GalatIsian, InstansiId, Peran, PesanEmail, Tugas,
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::json;

const SUBJEK: &str = "akun";
/// The longest name or position, in characters.
const PANJANG_MAKS: usize = 200;

/// An invitation as typed (a JSON `null` or a missing field is empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IsianPetugas {
    /// Full name.
    pub nama: String,
    /// NIP (18 digits, spaces allowed).
    pub nip: String,
    /// Position in the Dinas.
    pub jabatan: String,
    /// Where the activation link goes.
    pub email: String,
    /// `kepala_dinas`, `kepala_bidang` or `tim_teknis`.
    pub tugas: String,
}

impl RegistrasiService {
    /// The pemda whose Pejabat Pendaftar `aktor` is; a ministry's pejabat may not have petugas.
    async fn pemda_pejabat(&self, aktor: &Actor) -> Result<InstansiId, RegistrasiError> {
        let instansi = match aktor {
            Actor::Pengguna {
                peran: Peran::PejabatPendaftar,
                instansi_id: Some(i),
                ..
            } => *i,
            Actor::Publik => return Err(Galat::BelumMasuk.into()),
            _ => return Err(Galat::Dilarang.into()),
        };
        let jenis = self
            .port
            .repo
            .instansi(instansi)
            .await?
            .map(|i| i.rekam().jenis);
        match jenis {
            Some(
                JenisInstansi::PemerintahProvinsi
                | JenisInstansi::PemerintahKabupaten
                | JenisInstansi::PemerintahKota,
            ) => Ok(instansi),
            _ => Err(Galat::StatusTidakSesuai(
                "Petugas layanan daerah hanya untuk pemerintah provinsi, kabupaten, atau kota."
                    .into(),
            )
            .into()),
        }
    }

    /// Invites a petugas of the pejabat's Dinas: an account waiting for activation, with its task,
    /// and the activation email. Every field is named when wrong; an email in use by an active
    /// account is refused.
    pub async fn undang_petugas(
        &self,
        aktor: &Actor,
        isian: &IsianPetugas,
    ) -> Result<Akun, RegistrasiError> {
        let instansi = self.pemda_pejabat(aktor).await?;
        // In the form's order: name, NIP, position, email, task.
        let mut galat = Vec::new();
        let nama = teks(&mut galat, "nama", &isian.nama, "Isi nama lengkap petugas.");
        let nip = crate::model::Nip::parse(&isian.nip, crate::model::JenisKepegawaian::Pns)
            .map_err(|m| galat.push(GalatIsian::new("nip", m)))
            .ok();
        let jabatan = teks(
            &mut galat,
            "jabatan",
            &isian.jabatan,
            "Isi jabatan petugas.",
        );
        let email = Email::parse(&isian.email)
            .map_err(|m| galat.push(GalatIsian::new("email", m)))
            .ok();
        let tugas = Tugas::dari_kode(isian.tugas.trim()).or_else(|| {
            galat.push(GalatIsian::new(
                "tugas",
                "Pilih tugas: Kepala Dinas, Kepala Bidang, atau Tim Teknis.",
            ));
            None
        });
        let (Some(nip), Some(email), Some(tugas)) = (nip, email, tugas) else {
            return Err(Galat::Validasi(galat).into());
        };
        if !galat.is_empty() {
            return Err(Galat::Validasi(galat).into());
        }
        let now = self.now();
        let rekam = RekamAkun {
            id: AkunId::new(),
            versi: 0,
            email: email.clone(),
            nama,
            peran: Peran::PetugasLayanan,
            instansi_id: Some(instansi),
            unit_id: None,
            status: StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            jabatan,
            nomor_induk: nip.as_ref().into(),
            telepon_kantor: String::new(),
            nomor_hp: String::new(),
            dibuat_pada: now,
            tugas: Some(tugas),
        };
        let akun = match self.port.repo.akun_dengan_email(email.as_ref()).await? {
            Some(a) if a.status == StatusAkun::Nonaktif => a.buka_kembali(rekam)?,
            Some(_) => {
                return Err(RegistrasiError::isian(
                    "email",
                    "Email ini sudah dipakai akun lain; gunakan email dinas petugas sendiri.",
                ));
            }
            None => Akun::baru(rekam),
        };
        let (raw, token) = self.token_aktivasi(akun.id, now);
        let nama_instansi = self
            .port
            .repo
            .instansi(instansi)
            .await?
            .map(|i| i.rekam().nama.clone())
            .unwrap_or_default();
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.simpan_token(&token).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK, akun.id, "undang_petugas")
                .status(None, StatusAkun::MenungguAktivasi.kode()),
        )
        .await?;
        uow.kirim_email(&PesanEmail::baru(
            akun.email.as_ref(),
            pse_kernel::Surel::PetugasDiundang,
            json!({
                "nama": akun.nama,
                "instansi": nama_instansi,
                "tugas": tugas.label(),
                "token": raw.expose_secret(),
                "masa_berlaku_jam": self.pengaturan.masa_aktivasi.num_hours(),
            }),
        ))
        .await?;
        uow.commit().await?;
        Ok(akun)
    }

    /// The petugas of the pejabat's pemda, active or waiting for activation, by name.
    pub async fn daftar_petugas(&self, aktor: &Actor) -> Result<Vec<Akun>, RegistrasiError> {
        let instansi = self.pemda_pejabat(aktor).await?;
        Ok(self.port.repo.akun_petugas(instansi).await?)
    }

    /// Ends a petugas of the pejabat's pemda: the account is deactivated and its sessions end.
    /// Another pemda's account is not found.
    pub async fn akhiri_petugas(&self, aktor: &Actor, id: AkunId) -> Result<Akun, RegistrasiError> {
        let instansi = self.pemda_pejabat(aktor).await?;
        let akun = self
            .port
            .repo
            .akun(id)
            .await?
            .filter(|a| a.peran == Peran::PetugasLayanan && a.instansi_id == Some(instansi))
            .ok_or(Galat::TidakDitemukan)?;
        let dari = akun.status;
        if dari == StatusAkun::Nonaktif {
            return Err(Galat::StatusTidakSesuai("Petugas ini sudah diakhiri.".into()).into());
        }
        let akun = akun.nonaktifkan();
        let now = self.now();
        let mut uow = self.port.repo.mulai().await?;
        uow.simpan_akun(&akun).await?;
        uow.akhiri_sesi(akun.id).await?;
        uow.catat_audit(
            &AuditEvent::baru(now, aktor, SUBJEK, akun.id, "nonaktifkan")
                .status(Some(dari.kode()), akun.status.kode()),
        )
        .await?;
        uow.commit().await?;
        Ok(akun)
    }
}

/// A required text of at most [`PANJANG_MAKS`] characters, trimmed; a problem joins `galat`.
fn teks(galat: &mut Vec<GalatIsian>, field: &str, nilai: &str, kosong: &str) -> String {
    let t = nilai.trim();
    if t.is_empty() {
        galat.push(GalatIsian::new(field, kosong));
    } else if t.chars().count() > PANJANG_MAKS {
        galat.push(GalatIsian::new(
            field,
            format!("Paling panjang {PANJANG_MAKS} karakter."),
        ));
    }
    t.to_string()
}
