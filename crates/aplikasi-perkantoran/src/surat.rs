//! The letters of the service, composed from the domain: the Surat Peringatan to a user who
//! misused the application (copy to the Sekretaris, R-SEP-05) and the decision on an application
//! (R-SEP-02, R-SEP-03). Each names where to get help (R-SEP-06).

use crate::pengguna::PenggunaSep;
use crate::penyalahgunaan::Penyalahgunaan;
use crate::permohonan::{PermohonanSep, StatusPermohonanSep};
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::kalender::{tanggal_panjang, wib};
use serde::Serialize;

/// A moment as the letters write it: `14 Desember 2026 pukul 10.00 WIB`.
pub fn waktu(t: DateTime<Utc>) -> String {
    let l = t.with_timezone(&wib());
    format!(
        "{} pukul {} WIB",
        tanggal_panjang(l.date_naive()),
        l.format("%H.%M")
    )
}

/// A letter: to whom, copies, subject, paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Surat {
    pub kepada: String,
    pub tembusan: Vec<String>,
    pub perihal: String,
    pub paragraf: Vec<String>,
}

impl Surat {
    /// The warning of `kasus` to `pengguna` of `instansi`, copied to its `sekretaris`; `bantuan`
    /// is the helpdesk's contact.
    pub fn peringatan(
        kasus: &Penyalahgunaan,
        pengguna: &PenggunaSep,
        instansi: &str,
        sekretaris: &str,
        aplikasi: &str,
        bantuan: &str,
    ) -> Result<Self, Galat> {
        let Some((_, tenggat)) = kasus.peringatan else {
            return Err(Galat::StatusTidakSesuai(
                "Surat peringatan dibuat setelah peringatan dikirim.".into(),
            ));
        };
        Ok(Self {
            kepada: format!("{}, {}, {}", pengguna.nama, pengguna.jabatan, instansi),
            tembusan: vec![format!("Sekretaris {instansi} ({sekretaris})")],
            perihal: format!("Peringatan tertulis atas penggunaan {aplikasi}"),
            paragraf: vec![
                format!(
                    "Berdasarkan laporan yang kami terima pada {}, akun Saudara pada {aplikasi} diduga digunakan untuk {}: {}",
                    waktu(kasus.riwayat.first().map_or(tenggat, |(_, t)| *t)),
                    kasus.kategori.label(),
                    kasus.uraian
                ),
                format!(
                    "Saudara diminta menyampaikan jawaban tertulis paling lambat {} (5 hari kerja) melalui tautan pada surel ini, dengan tembusan kepada Sekretaris Badan Pemerintahan.",
                    waktu(tenggat)
                ),
                if kasus.terbukti_sebelumnya > 0 {
                    "Apabila sampai batas waktu tersebut tidak ada jawaban, akun Saudara dinonaktifkan secara permanen karena penyalahgunaan ini berulang.".into()
                } else {
                    "Apabila sampai batas waktu tersebut tidak ada jawaban, akun Saudara dinonaktifkan.".into()
                },
                format!(
                    "Bantuan penggunaan aplikasi tersedia setiap saat melalui helpdesk: {bantuan}."
                ),
            ],
        })
    }

    /// The decision on an application, to its Sekretaris.
    pub fn keputusan(
        p: &PermohonanSep,
        instansi: &str,
        aplikasi: &str,
        bantuan: &str,
    ) -> Result<Self, Galat> {
        let isi = match (p.status, &p.penolakan) {
            (StatusPermohonanSep::Disetujui, _) => format!(
                "Permohonan penggunaan {aplikasi} oleh {instansi} disetujui. Akun Admin Pengelola atas nama {} diaktifkan melalui tautan yang dikirim ke {}.",
                p.isian.admin.nama, p.isian.admin.email
            ),
            (StatusPermohonanSep::Ditolak, Some((alasan, catatan))) => format!(
                "Permohonan penggunaan {aplikasi} oleh {instansi} ditolak dengan alasan: {}. Catatan: {catatan}",
                alasan.label()
            ),
            _ => {
                return Err(Galat::StatusTidakSesuai(
                    "Surat keputusan dibuat setelah permohonan diputuskan.".into(),
                ));
            }
        };
        Ok(Self {
            kepada: format!(
                "{}, {}, {instansi}",
                p.isian.sekretaris.nama, p.isian.sekretaris.jabatan
            ),
            tembusan: Vec::new(),
            perihal: format!("Keputusan atas permohonan penggunaan {aplikasi}"),
            paragraf: vec![
                isi,
                format!(
                    "Bantuan penggunaan aplikasi tersedia setiap saat melalui helpdesk: {bantuan}."
                ),
            ],
        })
    }
}
