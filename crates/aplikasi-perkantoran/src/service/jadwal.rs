//! The scheduled checks (R-SEP-05): a warning unanswered past its due time deactivates the user
//! (permanently when repeated), emails the user and the Sekretaris and is audited; a warning due
//! within one working day reminds the user once; a complete request whose decision is due within
//! one working day (R-SEP-02) reminds the admins once. Each case is its own unit of work, so a
//! run that stops half-way leaves every case either done or untouched, and the next run goes on.

use super::{SepService, Tulis};
use crate::penyalahgunaan::Sanksi;
use chrono::{DateTime, Duration, Utc};
use pse_kernel::{Actor, AuditEvent, Galat, PesanEmail, Surel};
use serde_json::json;

const SUBJEK: &str = "penyalahgunaan_sep";
const SUBJEK_PERMOHONAN: &str = "permohonan_sep";
/// The most admins one reminder goes to.
const ADMIN_MAKS: u64 = 100;
/// The job's name among the scheduled ones.
const NAMA: &str = "sep_peringatan";
/// Cases one run handles at most (the next run takes the rest).
const SEKALI_JALAN: u64 = 500;

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HasilJadwal {
    /// Whether this instance ran it (another held the claim otherwise).
    pub dijalankan: bool,
    /// Users deactivated for an unanswered warning.
    pub dinonaktifkan: u32,
    /// Reminders sent to warned users.
    pub diingatkan: u32,
    /// Requests whose coming decision due time was recalled to the admins.
    pub keputusan_diingatkan: u32,
}

impl SepService {
    /// Runs the checks as of `pada` if no other instance is running them (the claim lasts a
    /// minute from `pada`); each instance of the server calls it every minute with its clock.
    pub async fn jalankan_jadwal(&self, pada: DateTime<Utc>) -> Result<HasilJadwal, Galat> {
        if !self
            .port
            .repo
            .klaim_jadwal(NAMA, pada, pada + Duration::seconds(55))
            .await?
        {
            return Ok(HasilJadwal::default());
        }
        self.jalankan_jadwal_pada(pada).await
    }

    /// Runs the checks as of `pada` now, whatever another instance does (the operator's
    /// `pse-portal jadwal jalankan`): a case another run saved meanwhile is a version conflict
    /// and is left to it.
    pub async fn jalankan_jadwal_pada(&self, pada: DateTime<Utc>) -> Result<HasilJadwal, Galat> {
        let mut hasil = HasilJadwal {
            dijalankan: true,
            ..HasilJadwal::default()
        };
        let cakrawala = self.kalender.tenggat(pada, 1) + Duration::seconds(1);
        let kasus = self
            .port
            .repo
            .menunggu_jawaban(cakrawala, SEKALI_JALAN)
            .await?;
        for k in kasus {
            let mut l = self.kasus_lengkap(k).await?;
            let sanksi = l.kasus.periksa_tenggat(pada);
            if sanksi != Sanksi::Tidak {
                let surel = self.sanksi(
                    &mut l,
                    sanksi,
                    "surat peringatan tidak dijawab sampai batas waktunya",
                )?;
                let audit =
                    AuditEvent::baru(pada, &Actor::Sistem, SUBJEK, l.kasus.id, "kedaluwarsa")
                        .status(Some("menunggu_jawaban"), l.kasus.status.kode());
                let mut tulis = vec![Tulis::Kasus(&l.kasus), Tulis::Pengguna(&l.pengguna)];
                tulis.extend(l.pengguna.akun_id.map(Tulis::AkhiriSesi));
                if lewati(self.simpan(tulis, vec![audit], surel).await)? {
                    continue;
                }
                hasil.dinonaktifkan += 1;
            } else if l.kasus.perlu_diingatkan(&self.kalender, pada) {
                l.kasus.diingatkan = true;
                let tenggat = l.kasus.peringatan.map(|(_, t)| t).unwrap_or(pada);
                let surel = PesanEmail::baru(
                    l.pengguna.email.clone(),
                    Surel::SepPengingat,
                    json!({
                        "nama": l.pengguna.nama, "aplikasi": l.aplikasi,
                        "tenggat": crate::surat::waktu(tenggat), "id": l.kasus.id.to_string(),
                    }),
                );
                let audit = AuditEvent::baru(pada, &Actor::Sistem, SUBJEK, l.kasus.id, "ingatkan");
                if lewati(
                    self.simpan(vec![Tulis::Kasus(&l.kasus)], vec![audit], vec![surel])
                        .await,
                )? {
                    continue;
                }
                hasil.diingatkan += 1;
            }
        }
        hasil.keputusan_diingatkan = self.ingatkan_keputusan(pada).await?;
        Ok(hasil)
    }

    /// Reminds the admins of each complete request whose decision is due within one working
    /// day, once; answers how many requests were recalled.
    async fn ingatkan_keputusan(&self, pada: DateTime<Utc>) -> Result<u32, Galat> {
        let daftar = self.port.repo.perlu_diingatkan(pada, SEKALI_JALAN).await?;
        if daftar.is_empty() {
            return Ok(0);
        }
        let admin = self.port.repo.email_admin(ADMIN_MAKS).await?;
        let mut n = 0;
        for mut p in daftar {
            if !p.perlu_diingatkan(pada) {
                continue;
            }
            p.sudah_diingatkan();
            let st = self.status_dari(p.clone()).await?;
            let (lengkap, tenggat) = p.lengkap.unwrap_or((pada, pada));
            let surel = admin
                .iter()
                .map(|(nama, email)| {
                    PesanEmail::baru(
                        email.clone(),
                        Surel::SepPengingatKeputusan,
                        json!({
                            "nama": nama, "aplikasi": st.aplikasi, "instansi": st.instansi,
                            "sekretaris": p.isian.sekretaris.nama,
                            "lengkap": crate::surat::waktu(lengkap),
                            "tenggat": crate::surat::waktu(tenggat), "id": p.id.to_string(),
                        }),
                    )
                })
                .collect();
            let audit = AuditEvent::baru(pada, &Actor::Sistem, SUBJEK_PERMOHONAN, p.id, "ingatkan");
            if lewati(
                self.simpan(vec![Tulis::Permohonan(&p)], vec![audit], surel)
                    .await,
            )? {
                continue;
            }
            n += 1;
        }
        Ok(n)
    }
}

/// Whether a case's save lost to another run (a version conflict): skip it; other failures stop
/// the run.
fn lewati(hasil: Result<(), Galat>) -> Result<bool, Galat> {
    match hasil {
        Ok(()) => Ok(false),
        Err(Galat::VersiBasi) => Ok(true),
        Err(e) => Err(e),
    }
}
