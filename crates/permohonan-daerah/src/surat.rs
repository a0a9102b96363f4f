//! The papers of the flow, composed from the request: the Lembar Disposisi (who sent it to whom,
//! with what instruction, when) and the Surat Balasan with its report of each step's working
//! minutes against its standard (R-DAE-02, R-DAE-04). Times are written in the office's zone.

use crate::model::{PermohonanDaerah, StatusPermohonanDaerah};
use chrono::{DateTime, Utc};
use pse_kernel::kalender::tanggal_panjang;
use pse_kernel::{Galat, WaktuKerja, ZonaWaktu};
use serde::Serialize;

/// A moment as the office writes it: `4 Desember 2026 pukul 16.20 WITA`.
pub fn waktu(t: DateTime<Utc>, zona: ZonaWaktu) -> String {
    let lokal = t.with_timezone(&zona.offset());
    format!(
        "{} pukul {} {}",
        tanggal_panjang(lokal.date_naive()),
        lokal.format("%H.%M"),
        zona.kode()
    )
}

/// One row of the disposition sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BarisDisposisi {
    /// From: name and task.
    pub dari: String,
    /// To: name and task.
    pub kepada: String,
    /// The instruction.
    pub instruksi: String,
    /// When.
    pub waktu: String,
}

/// The Lembar Disposisi of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LembarDisposisi {
    /// The letter's particulars, label and value.
    pub surat: Vec<(&'static str, String)>,
    /// The dispositions, in order.
    pub disposisi: Vec<BarisDisposisi>,
}

impl LembarDisposisi {
    /// The sheet of `p`, which came from the unit `asal`.
    pub fn dari(p: &PermohonanDaerah, asal: &str, zona: ZonaWaktu) -> Self {
        Self {
            surat: vec![
                ("Surat dari", asal.to_string()),
                ("Nomor surat", p.isian.nomor_surat.clone()),
                ("Tanggal surat", tanggal_panjang(p.isian.tanggal_surat)),
                (
                    "Perihal",
                    format!(
                        "Permohonan pendaftaran sistem elektronik {}",
                        p.isian.nama_sistem
                    ),
                ),
                ("Diterima", waktu(p.diajukan_pada, zona)),
            ],
            disposisi: p
                .disposisi
                .iter()
                .map(|d| BarisDisposisi {
                    dari: format!("{} ({})", d.dari.nama, d.dari.tugas.label()),
                    kepada: format!("{} ({})", d.kepada.nama, d.kepada.tugas.label()),
                    instruksi: d.instruksi.clone(),
                    waktu: waktu(d.pada, zona),
                })
                .collect(),
        }
    }
}

/// One step in the report: what, how long in working minutes, its standard, whether late.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BarisLangkah {
    /// The step, as people read it.
    pub langkah: &'static str,
    /// When it began.
    pub mulai: String,
    /// Working minutes it took.
    pub menit_kerja: u32,
    /// Its standard.
    pub standar_menit: u32,
    /// Whether it took longer.
    pub terlambat: bool,
}

/// The reply letter to the applicant, copied to the Kepala Dinas, with the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuratBalasan {
    /// To whom: the applicant's name and unit.
    pub kepada: String,
    /// The subject.
    pub perihal: String,
    /// The letter's paragraphs.
    pub paragraf: Vec<String>,
    /// Each step's working minutes against its standard.
    pub langkah: Vec<BarisLangkah>,
}

impl SuratBalasan {
    /// The letter of a finished request `p` to `pemohon` of the unit `unit`, at `sekarang`;
    /// a request not yet finished has none.
    pub fn dari(
        p: &PermohonanDaerah,
        pemohon: &str,
        unit: &str,
        w: &WaktuKerja,
        sekarang: DateTime<Utc>,
    ) -> Result<Self, Galat> {
        let (StatusPermohonanDaerah::Selesai, Some(ringkasan)) = (p.status, &p.ringkasan) else {
            return Err(Galat::StatusTidakSesuai(
                "Surat balasan dibuat setelah Tim Teknis menyelesaikan permohonan.".into(),
            ));
        };
        Ok(Self {
            kepada: format!("{pemohon}, {unit}"),
            perihal: format!(
                "Hasil pendaftaran sistem elektronik {}",
                p.isian.nama_sistem
            ),
            paragraf: vec![
                format!(
                    "Menindaklanjuti surat Saudara nomor {} tanggal {} perihal permohonan pendaftaran sistem elektronik {}, dengan hormat kami sampaikan bahwa berkas permohonan telah kami periksa dan sistem elektronik tersebut telah dicatat pada Pendaftaran Sistem Elektronik Lingkup Publik.",
                    p.isian.nomor_surat,
                    tanggal_panjang(p.isian.tanggal_surat),
                    p.isian.nama_sistem
                ),
                "Data Awal sistem elektronik tersebut selanjutnya diverifikasi oleh Direktorat Layanan Aplikasi Informatika Pemerintahan; Tanda Daftar terbit setelah formulir pendaftaran dilengkapi dan disetujui.".into(),
                format!("Ringkasan hasil pemeriksaan: {ringkasan}"),
                "Demikian kami sampaikan. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.".into(),
            ],
            langkah: p
                .langkah
                .iter()
                .map(|l| BarisLangkah {
                    langkah: l.kode.label(),
                    mulai: waktu(l.mulai, w.zona()),
                    menit_kerja: l.menit_kerja(w, sekarang),
                    standar_menit: l.kode.standar_menit(),
                    terlambat: l.terlambat(w, sekarang),
                })
                .collect(),
        })
    }
}
