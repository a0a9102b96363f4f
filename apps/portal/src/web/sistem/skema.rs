//! The JSON bodies of electronic systems: the whole system for its owners and the admin, its
//! summary in a list, and the public registry's entry (see `skema` for the shared ones).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sistem_elektronik::model::{Bagian, SistemElektronik, StatusBagian, TandaDaftar};
use sistem_elektronik::ports::{RingkasanPublik, RingkasanSistem};
use utoipa::ToSchema;

/// The public verification page of Tanda Daftar `nomor` (the trustmark's QR code).
pub fn url_verifikasi(base_url: &str, nomor: u64) -> String {
    format!("{base_url}/tanda-daftar/{nomor}")
}

/// Where the BSSN notice of a Tanda Daftar stands.
#[derive(Serialize, ToSchema)]
pub struct NotifikasiBssn {
    /// `menunggu`, `terkirim`, `gagal`, or `dicatat` when no BSSN address is set.
    pub status: &'static str,
    /// The address it goes to.
    pub tujuan: Option<String>,
}

/// A Tanda Daftar.
#[derive(Serialize, ToSchema)]
pub struct TandaDaftarJson {
    /// Its sequential number.
    pub nomor: u64,
    /// Date of issue (not in a list's summary).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanggal_terbit: Option<NaiveDate>,
    /// The public verification page.
    pub url_verifikasi: String,
    /// The BSSN notice (owners and the admin only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifikasi_bssn: Option<NotifikasiBssn>,
}

impl TandaDaftarJson {
    fn publik(t: &TandaDaftar, base_url: &str) -> Self {
        Self {
            nomor: t.nomor,
            tanggal_terbit: Some(t.tanggal_terbit),
            url_verifikasi: url_verifikasi(base_url, t.nomor),
            notifikasi_bssn: None,
        }
    }
}

/// One part of the form with what it holds.
#[derive(Serialize, ToSchema)]
pub struct BagianJson {
    /// The section's code.
    pub bagian: &'static str,
    /// Its title.
    pub judul: &'static str,
    /// Saved complete.
    pub lengkap: bool,
    /// `belum_diisi`, `sedang_diisi` or `lengkap`.
    pub status: &'static str,
    /// What was saved (its fields as the section declares them).
    #[schema(value_type = Option<Object>)]
    pub isi: Option<serde_json::Value>,
    /// A draft kept apart, not counted as progress.
    #[schema(value_type = Option<Object>)]
    pub draf: Option<serde_json::Value>,
}

/// A supporting document.
#[derive(Serialize, ToSchema)]
pub struct DokumenSistemJson {
    /// `sop`, `arsitektur`, `manual`, `lainnya`.
    pub jenis: String,
    /// File name.
    pub nama_berkas: String,
    /// Size in bytes.
    pub ukuran: u64,
    /// SHA-256 of the PDF (its download path).
    pub sha256: String,
}

/// The self-assessment of the category.
#[derive(Serialize, ToSchema)]
pub struct PenilaianJson {
    /// Points.
    pub skor: u32,
    /// The category it gives.
    pub kategori: &'static str,
    /// The ten answers (`A`, `B`, `C`).
    #[schema(value_type = Vec<String>)]
    pub jawaban: Vec<sistem_elektronik::model::Jawaban>,
}

/// Why the form came back.
#[derive(Serialize, ToSchema)]
pub struct PengembalianJson {
    /// The admin's reason.
    pub alasan: String,
    /// When.
    pub waktu: DateTime<Utc>,
}

/// A change request in a system's history (see `perubahan_json`).
pub type Riwayat = Vec<crate::web::perubahan::skema::PerubahanJson>;

/// A system, for its owners and the admin.
#[derive(Serialize, ToSchema)]
pub struct SistemJson {
    /// Its id.
    pub id: String,
    /// Status code.
    pub status: &'static str,
    /// Status as people read it.
    pub status_label: &'static str,
    /// Progress, 0–100.
    pub progres: u32,
    /// Its instansi.
    pub instansi_id: String,
    /// Its unit, if any.
    pub unit_id: Option<String>,
    /// Internal name.
    pub nama_internal: String,
    /// Public name.
    pub nama_eksternal: String,
    /// Description.
    pub keterangan: String,
    /// Who it serves (code).
    pub sasaran_pelayanan: &'static str,
    /// Category (code) from the Data Awal.
    pub kategori: &'static str,
    /// `online` or `offline`.
    pub kategori_akses: &'static str,
    /// Address of an online system.
    pub url: Option<String>,
    /// Published in the SPBE catalogue.
    pub publikasi_spbe: bool,
    /// The eight sections.
    pub bagian: Vec<BagianJson>,
    /// Supporting documents.
    pub dokumen: Vec<DokumenSistemJson>,
    /// The self-assessment.
    pub penilaian_kategori: Option<PenilaianJson>,
    /// Whether the assessed category differs from the Data Awal's.
    pub kategori_berbeda: bool,
    /// The last return of the form.
    pub pengembalian: Option<PengembalianJson>,
    /// The Tanda Daftar, once registered.
    pub tanda_daftar: Option<TandaDaftarJson>,
    /// When it was created.
    pub dibuat_pada: DateTime<Utc>,
    /// Its change requests (on the detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub riwayat: Option<Riwayat>,
}

fn kode_status_bagian(s: StatusBagian) -> &'static str {
    match s {
        StatusBagian::BelumDiisi => "belum_diisi",
        StatusBagian::SedangDiisi => "sedang_diisi",
        StatusBagian::Lengkap => "lengkap",
    }
}

impl SistemJson {
    /// `s` with links under `base_url`; the BSSN notice shows as queued until the caller reads
    /// where it stands.
    pub fn new(s: &SistemElektronik, base_url: &str) -> Self {
        let d = &s.data_awal;
        Self {
            id: s.id.to_string(),
            status: s.status.kode(),
            status_label: s.status.label(),
            progres: s.progres(),
            instansi_id: s.instansi_id.to_string(),
            unit_id: s.unit_id.map(|u| u.to_string()),
            nama_internal: d.nama_internal.clone(),
            nama_eksternal: d.nama_eksternal.clone(),
            keterangan: d.keterangan.clone(),
            sasaran_pelayanan: d.sasaran_pelayanan.kode(),
            kategori: d.kategori.kode(),
            kategori_akses: d.kategori_akses.kode(),
            url: d.url.as_ref().map(|u| u.as_ref().to_string()),
            publikasi_spbe: d.publikasi_spbe,
            bagian: Bagian::SEMUA
                .iter()
                .map(|b| BagianJson {
                    bagian: b.kode(),
                    judul: b.judul(),
                    lengkap: s.bagian.contains_key(b),
                    status: kode_status_bagian(s.status_bagian(*b)),
                    isi: s.bagian.get(b).cloned(),
                    draf: s.draf.get(b).cloned(),
                })
                .collect(),
            dokumen: s
                .dokumen
                .iter()
                .map(|x| DokumenSistemJson {
                    jenis: x.jenis.clone(),
                    nama_berkas: x.nama_berkas.clone(),
                    ukuran: x.ukuran,
                    sha256: x.sha256.clone(),
                })
                .collect(),
            penilaian_kategori: s.penilaian.as_ref().map(|p| PenilaianJson {
                skor: p.skor,
                kategori: p.kategori.kode(),
                jawaban: p.jawaban.clone(),
            }),
            kategori_berbeda: s.kategori_berbeda(),
            pengembalian: s.pengembalian.as_ref().map(|p| PengembalianJson {
                alasan: p.alasan.clone(),
                waktu: p.waktu,
            }),
            tanda_daftar: s.tanda_daftar.as_ref().map(|t| TandaDaftarJson {
                notifikasi_bssn: Some(match &t.bssn_dikirim_ke {
                    Some(alamat) => NotifikasiBssn {
                        status: pse_kernel::StatusKirim::Menunggu.kode(),
                        tujuan: Some(alamat.clone()),
                    },
                    None => NotifikasiBssn {
                        status: "dicatat",
                        tujuan: None,
                    },
                }),
                ..TandaDaftarJson::publik(t, base_url)
            }),
            dibuat_pada: s.dibuat_pada,
            riwayat: None,
        }
    }
}

/// A system in its owners' list.
#[derive(Serialize, ToSchema)]
pub struct RingkasanSistemJson {
    /// Its id.
    pub id: String,
    /// Status code.
    pub status: &'static str,
    /// Status as people read it.
    pub status_label: &'static str,
    /// Progress, 0–100.
    pub progres: u32,
    /// Its unit.
    pub unit_id: Option<String>,
    /// Public name.
    pub nama_eksternal: String,
    /// Category code.
    pub kategori: &'static str,
    /// The Tanda Daftar's number and page (no date in a list).
    pub tanda_daftar: Option<TandaDaftarJson>,
    /// When it was created.
    pub dibuat_pada: DateTime<Utc>,
}

impl RingkasanSistemJson {
    /// The summary `x` with links under `base_url`.
    pub fn new(x: &RingkasanSistem, base_url: &str) -> Self {
        Self {
            id: x.id.to_string(),
            status: x.status.kode(),
            status_label: x.status.label(),
            progres: x.progres,
            unit_id: x.unit_id.map(|u| u.to_string()),
            nama_eksternal: x.nama_eksternal.clone(),
            kategori: x.kategori.kode(),
            tanda_daftar: x.nomor_tanda_daftar.map(|n| TandaDaftarJson {
                nomor: n,
                tanggal_terbit: None,
                url_verifikasi: url_verifikasi(base_url, n),
                notifikasi_bssn: None,
            }),
            dibuat_pada: x.dibuat_pada,
        }
    }
}

/// A registered system in the public registry.
#[derive(Serialize, ToSchema)]
pub struct PublikJson {
    /// Its id.
    pub id: String,
    /// Public name.
    pub nama_eksternal: String,
    /// The instansi's name.
    pub instansi: String,
    /// The instansi's province code (Kemendagri, as `provinsi` of `/api/v1/wilayah/provinsi`).
    pub provinsi: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// `online` or `offline`.
    pub kategori_akses: &'static str,
    /// Category code.
    pub kategori: &'static str,
    /// Its Tanda Daftar.
    pub tanda_daftar: Option<TandaDaftarJson>,
}

impl PublikJson {
    /// The entry `x` with links under `base_url`.
    pub fn new(x: &RingkasanPublik, base_url: &str) -> Self {
        Self {
            id: x.id.to_string(),
            nama_eksternal: x.nama_eksternal.clone(),
            instansi: x.instansi.clone(),
            provinsi: x.provinsi.clone(),
            url: x.url.clone(),
            kategori_akses: x.kategori_akses.kode(),
            kategori: x.kategori.kode(),
            tanda_daftar: x
                .tanda_daftar
                .as_ref()
                .map(|t| TandaDaftarJson::publik(t, base_url)),
        }
    }
}
