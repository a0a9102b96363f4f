//! The JSON bodies of the area.

use chrono::{DateTime, Utc};
use permohonan_daerah::PermohonanDaerah;
use pse_kernel::WaktuKerja;
use registrasi_pejabat::model::Akun;
use serde::Serialize;

/// A petugas layanan.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PetugasJson {
    /// The account id (what a disposition's `kepada_id` names).
    pub id: String,
    pub nama: String,
    pub email: String,
    pub jabatan: String,
    /// `kepala_dinas`, `kepala_bidang`, `tim_teknis`.
    pub tugas: Option<String>,
    /// `menunggu_aktivasi`, `aktif`, `nonaktif`.
    pub status: String,
}

impl From<&Akun> for PetugasJson {
    fn from(a: &Akun) -> Self {
        Self {
            id: a.id.to_string(),
            nama: a.nama.clone(),
            email: a.email.to_string(),
            jabatan: a.jabatan.clone(),
            tugas: a.tugas.map(|t| t.kode().into()),
            status: a.status.kode().into(),
        }
    }
}

/// One step with its time against its standard.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LangkahJson {
    /// `disposisi_kepala_dinas`, `disposisi_kepala_bidang`, `pemeriksaan_pencatatan`, `pelaporan`.
    pub kode: String,
    /// RFC 3339, in the office's zone.
    pub mulai: String,
    pub selesai: Option<String>,
    pub standar_menit: u32,
    /// Working minutes taken, or so far.
    pub menit_kerja: u32,
    pub tenggat: String,
    pub terlambat: bool,
}

/// A disposition.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DisposisiJson {
    pub dari_id: String,
    pub dari: String,
    pub kepada_id: String,
    pub kepada: String,
    pub instruksi: String,
    pub pada: String,
}

/// A request.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PermohonanDaerahJson {
    pub id: String,
    /// `diajukan`, `didisposisi_kepala_bidang`, `didisposisi_tim_teknis`, `dikembalikan`,
    /// `tercatat`, `selesai`.
    pub status: String,
    pub nama_sistem: String,
    pub deskripsi: String,
    pub nomor_surat: String,
    pub tanggal_surat: String,
    pub unit_id: String,
    pub diajukan_pada: String,
    /// `WIB`, `WITA` or `WIT`: the office's zone every time here is written in.
    pub zona: String,
    pub langkah: Vec<LangkahJson>,
    pub disposisi: Vec<DisposisiJson>,
    /// What the Tim Teknis asked for, in order.
    pub kekurangan: Vec<String>,
    pub sistem_elektronik_id: Option<String>,
    pub ringkasan: Option<String>,
}

impl PermohonanDaerahJson {
    /// The request as of `sekarang`, its times in the office's zone.
    pub fn new(p: &PermohonanDaerah, w: &WaktuKerja, sekarang: DateTime<Utc>) -> Self {
        let zona = w.zona().offset();
        let t = |x: DateTime<Utc>| x.with_timezone(&zona).to_rfc3339();
        Self {
            id: p.id.to_string(),
            status: p.status.kode().into(),
            nama_sistem: p.isian.nama_sistem.clone(),
            deskripsi: p.isian.deskripsi.clone(),
            nomor_surat: p.isian.nomor_surat.clone(),
            tanggal_surat: p.isian.tanggal_surat.to_string(),
            unit_id: p.unit_id.to_string(),
            diajukan_pada: t(p.diajukan_pada),
            zona: w.zona().kode().into(),
            langkah: p
                .langkah
                .iter()
                .map(|l| LangkahJson {
                    kode: l.kode.kode().into(),
                    mulai: t(l.mulai),
                    selesai: l.selesai.map(t),
                    standar_menit: l.kode.standar_menit(),
                    menit_kerja: l.menit_kerja(w, sekarang),
                    tenggat: t(l.tenggat(w)),
                    terlambat: l.terlambat(w, sekarang),
                })
                .collect(),
            disposisi: p
                .disposisi
                .iter()
                .map(|d| DisposisiJson {
                    dari_id: d.dari.akun_id.to_string(),
                    dari: d.dari.nama.clone(),
                    kepada_id: d.kepada.akun_id.to_string(),
                    kepada: d.kepada.nama.clone(),
                    instruksi: d.instruksi.clone(),
                    pada: t(d.pada),
                })
                .collect(),
            kekurangan: p
                .pengembalian
                .iter()
                .map(|k| k.kekurangan.clone())
                .collect(),
            sistem_elektronik_id: p.sistem_elektronik_id.map(|s| s.to_string()),
            ringkasan: p.ringkasan.clone(),
        }
    }
}
