//! The audit trail (R-X-01): who did what, when, from which state to which, and why. Records are
//! only ever appended.

use crate::AuditId;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One immutable audit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    /// Its id.
    pub id: AuditId,
    /// When it happened.
    pub waktu: DateTime<Utc>,
    /// Who acted ([`crate::Actor::label`]).
    pub aktor: String,
    /// The kind of subject (`pendaftaran_pejabat`, `akun`, …).
    pub subjek_jenis: String,
    /// The subject's id.
    pub subjek_id: String,
    /// What was done (`ajukan`, `setujui`, `tolak`, …).
    pub aksi: String,
    /// The state before, if the status changed.
    pub dari_status: Option<String>,
    /// The state after, if the status changed.
    pub ke_status: Option<String>,
    /// Why (a rejection reason, a note).
    pub alasan: Option<String>,
}

impl AuditEvent {
    /// A record of `aksi` by `aktor` on a subject at `waktu`.
    pub fn baru(
        waktu: DateTime<Utc>,
        aktor: &crate::Actor,
        subjek_jenis: &str,
        subjek_id: impl ToString,
        aksi: &str,
    ) -> Self {
        Self {
            id: AuditId::new(),
            waktu,
            aktor: aktor.label(),
            subjek_jenis: subjek_jenis.into(),
            subjek_id: subjek_id.to_string(),
            aksi: aksi.into(),
            dari_status: None,
            ke_status: None,
            alasan: None,
        }
    }

    /// Adds the status change.
    pub fn status(mut self, dari: Option<&str>, ke: &str) -> Self {
        self.dari_status = dari.map(str::to_string);
        self.ke_status = Some(ke.to_string());
        self
    }

    /// Adds the reason.
    pub fn alasan(mut self, alasan: impl Into<String>) -> Self {
        self.alasan = Some(alasan.into());
        self
    }
}

/// What the audit trail's subject kinds and actions read as for people: every kind and action the
/// services record, one table each.
pub mod label {
    const SUBJEK: &[(&str, &str)] = &[
        ("akun", "Akun"),
        ("aplikasi_sep", "Aplikasi perkantoran"),
        ("instansi", "Instansi"),
        ("laporan", "Laporan"),
        ("pendaftaran_pejabat", "Pendaftaran Pejabat"),
        ("pengguna_sep", "Pengguna aplikasi perkantoran"),
        ("penyalahgunaan_sep", "Penyalahgunaan aplikasi perkantoran"),
        ("permohonan_daerah", "Permohonan Daerah"),
        ("permohonan_sep", "Permohonan aplikasi perkantoran"),
        ("perubahan_data", "Perubahan Data"),
        ("sistem_elektronik", "Sistem Elektronik"),
        ("sub_pejabat", "Sub Pejabat"),
        ("unit_organisasi", "Unit organisasi"),
    ];

    const AKSI: &[(&str, &str)] = &[
        ("ajukan", "Diajukan"),
        ("ajukan_data_awal", "Data Awal diajukan"),
        ("ajukan_ulang", "Diajukan ulang"),
        ("aktifkan", "Diaktifkan kembali"),
        ("aktivasi", "Akun diaktifkan"),
        ("atur_jam_kerja", "Jam kerja diatur"),
        ("buat", "Dibuat"),
        ("buat_admin", "Admin dibuat"),
        ("cabut_token", "Token sinkron dicabut"),
        ("catat", "Sistem elektronik dicatat"),
        ("disposisi", "Didisposisikan"),
        ("hapus", "Dihapus"),
        ("ingatkan", "Pengingat dikirim"),
        ("isi_bagian", "Bagian formulir disimpan"),
        ("jawab", "Dijawab"),
        ("kedaluwarsa", "Tidak dijawab sampai tenggat"),
        ("kembalikan", "Dikembalikan untuk diperbaiki"),
        ("kunci", "Dikunci setelah gagal masuk"),
        ("lengkap", "Dinyatakan lengkap"),
        ("lengkapi", "Dilengkapi pemohon"),
        ("minta_perbaikan", "Diminta perbaikan"),
        ("nilai_kategori", "Penilaian kategori disimpan"),
        ("nonaktifkan", "Dinonaktifkan"),
        ("perbaiki", "Diperbaiki"),
        ("perbaiki_data_awal", "Data Awal diperbaiki"),
        ("peringatkan", "Surat peringatan dikirim"),
        ("putuskan", "Diputuskan"),
        ("selesai", "Diselesaikan"),
        ("selesaikan", "Selesai dengan surat balasan"),
        ("setujui", "Disetujui"),
        ("simpan_draf", "Draf disimpan"),
        ("tambah", "Ditambahkan"),
        ("terbitkan_token", "Token sinkron diterbitkan"),
        ("tolak", "Ditolak"),
        ("ubah", "Diubah"),
        ("undang_petugas", "Petugas diundang"),
        ("unggah_dokumen", "Dokumen diunggah"),
        ("verifikasi_usulan", "Usulan instansi diverifikasi"),
    ];

    fn cari(tabel: &[(&str, &'static str)], kode: &str) -> String {
        tabel
            .iter()
            .find(|(k, _)| *k == kode)
            .map_or_else(|| kode.replace('_', " "), |(_, l)| (*l).to_string())
    }

    /// The subject kind as people read it.
    pub fn subjek(kode: &str) -> String {
        cari(SUBJEK, kode)
    }

    /// The action as people read it.
    pub fn aksi(kode: &str) -> String {
        cari(AKSI, kode)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn r_x_01_known_kinds_and_actions_read_as_words() {
            assert_eq!(super::subjek("sistem_elektronik"), "Sistem Elektronik");
            assert_eq!(super::aksi("kembalikan"), "Dikembalikan untuk diperbaiki");
            assert_eq!(super::aksi("lain_lain"), "lain lain");
        }
    }
}
