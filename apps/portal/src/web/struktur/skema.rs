//! The JSON bodies of the Struktur Organisasi and the Sub Pejabat.

use chrono::{DateTime, Utc};
use registrasi_pejabat::model::{SubPejabat, UnitOrganisasi};
use serde::Serialize;
use utoipa::ToSchema;

/// A unit of the Struktur Organisasi.
#[derive(Serialize, ToSchema)]
pub struct UnitJsonKeluar {
    /// Its id.
    pub id: String,
    /// Its name.
    pub nama: String,
    /// Its head's position.
    pub jabatan_kepala: String,
    /// The unit above it.
    pub induk_id: Option<String>,
}

impl From<&UnitOrganisasi> for UnitJsonKeluar {
    fn from(u: &UnitOrganisasi) -> Self {
        Self {
            id: u.id.to_string(),
            nama: u.nama.clone(),
            jabatan_kepala: u.jabatan_kepala.clone(),
            induk_id: u.induk_id.map(|i| i.to_string()),
        }
    }
}

/// A Sub Pejabat's Surat Tugas.
#[derive(Serialize, ToSchema)]
pub struct SuratTugasJson {
    /// File name.
    pub nama_berkas: String,
    /// Size in bytes.
    pub ukuran: u64,
}

/// A Sub Pejabat registration.
#[derive(Serialize, ToSchema)]
pub struct SubPejabatJson {
    /// Its id.
    pub id: String,
    /// Status code.
    pub status: &'static str,
    /// Full name.
    pub nama_lengkap: String,
    /// NIP.
    pub nip: String,
    /// Employment kind code.
    pub jenis_kepegawaian: &'static str,
    /// Position.
    pub jabatan: String,
    /// Official email.
    pub email: String,
    /// Phone.
    pub telepon: String,
    /// Its unit.
    pub unit_id: String,
    /// The Surat Tugas.
    pub surat_tugas: SuratTugasJson,
    /// The last rejection.
    pub penolakan: Option<crate::web::skema::PenolakanJson>,
    /// First submitted.
    pub diajukan_pada: DateTime<Utc>,
    /// Last entered the queue.
    pub masuk_antrian_pada: DateTime<Utc>,
}

impl From<&SubPejabat> for SubPejabatJson {
    fn from(s: &SubPejabat) -> Self {
        Self {
            id: s.id.to_string(),
            status: s.status.kode(),
            nama_lengkap: s.data.nama_lengkap.clone(),
            nip: s.data.nip.as_ref().to_string(),
            jenis_kepegawaian: s.data.jenis_kepegawaian.kode(),
            jabatan: s.data.jabatan.clone(),
            email: s.data.email.to_string(),
            telepon: s.data.telepon.as_ref().to_string(),
            unit_id: s.data.unit_id.to_string(),
            surat_tugas: SuratTugasJson {
                nama_berkas: s.surat_tugas.nama_berkas.clone(),
                ukuran: s.surat_tugas.ukuran,
            },
            penolakan: s
                .penolakan
                .as_ref()
                .map(|t| crate::web::skema::PenolakanJson {
                    kategori_alasan: t.kategori.kode(),
                    label: t.kategori.label(),
                    catatan: t.catatan.clone(),
                    waktu: t.waktu,
                }),
            diajukan_pada: s.diajukan_pada,
            masuk_antrian_pada: s.masuk_antrian_pada,
        }
    }
}
