//! The JSON bodies the API answers, as typed structs: the handlers serialize exactly these, and
//! the OpenAPI document describes them from the same types (`ToSchema`), so the two cannot drift.
//! Each mirrors a domain type field for field; the domain crates stay free of web concerns.

use chrono::{DateTime, Utc};
use pse_kernel::Halaman;
use registrasi_pejabat::model::{Akun, Instansi, PermohonanPejabat, UnitOrganisasi, Wilayah};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A page of a list: `{items, total, page, berikutnya}` (`page` is null for a page reached by
/// cursor, `berikutnya` the cursor of the next page, null on the last).
#[derive(Serialize, ToSchema)]
pub struct Daftar<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many the whole list holds.
    pub total: u64,
    /// The page number, from 1.
    pub page: Option<u64>,
    /// The cursor of the next page.
    pub berikutnya: Option<String>,
}

impl<T> Daftar<T> {
    /// A whole list on one page.
    pub fn semua(items: Vec<T>) -> Self {
        Self {
            total: items.len() as u64,
            items,
            page: Some(1),
            berikutnya: None,
        }
    }

    /// A page of the domain, its items converted.
    pub fn dari<U>(h: Halaman<U>, ubah: impl FnMut(U) -> T) -> Self {
        Self {
            items: h.items.into_iter().map(ubah).collect(),
            total: h.total,
            page: h.page,
            berikutnya: h.berikutnya,
        }
    }
}

/// What a state change answers: the item and its new status code.
#[derive(Serialize, ToSchema)]
pub struct IdStatus {
    /// The item's id.
    pub id: String,
    /// Its status code.
    pub status: String,
}

impl IdStatus {
    /// `id` now in `status`.
    pub fn new(id: impl ToString, status: &str) -> Self {
        Self {
            id: id.to_string(),
            status: status.to_string(),
        }
    }
}

/// A message for the person.
#[derive(Serialize, ToSchema)]
pub struct Pesan {
    /// The message, in Indonesian.
    pub pesan: String,
}

/// A province or a regency/city with its Kemendagri code.
#[derive(Serialize, ToSchema)]
pub struct WilayahJson {
    /// Kemendagri code (`65`, `65.71`).
    pub kode: String,
    /// Its name.
    pub nama: String,
}

impl From<Wilayah> for WilayahJson {
    fn from(w: Wilayah) -> Self {
        Self {
            kode: w.kode,
            nama: w.nama,
        }
    }
}

/// An instansi list item.
#[derive(Serialize, ToSchema)]
pub struct InstansiJson {
    /// Its id.
    pub id: String,
    /// Its name.
    pub nama: String,
    /// Its kind's code.
    pub jenis: &'static str,
    /// Its province's code.
    pub provinsi: Option<String>,
    /// Its regency/city's code.
    pub kota: Option<String>,
}

impl From<&Instansi> for InstansiJson {
    fn from(i: &Instansi) -> Self {
        let r = i.rekam();
        Self {
            id: r.id.to_string(),
            nama: r.nama.clone(),
            jenis: r.jenis.kode(),
            provinsi: r.provinsi.clone(),
            kota: r.kota.clone(),
        }
    }
}

/// A name with its id.
#[derive(Serialize, ToSchema)]
pub struct Bernama {
    /// The id.
    pub id: String,
    /// The name.
    pub nama: String,
}

/// The account that is logged in.
#[derive(Serialize, ToSchema)]
pub struct Saya {
    /// Account id.
    pub id: String,
    /// Email.
    pub email: String,
    /// Name.
    pub nama: String,
    /// Role code (`admin`, `pejabat_pendaftar`, `sub_pejabat`).
    pub peran: &'static str,
    /// Account status code.
    pub status: &'static str,
    /// Position.
    pub jabatan: String,
    /// NIP or employee number.
    pub nomor_induk: String,
    /// Office phone.
    pub telepon_kantor: String,
    /// Mobile number.
    pub nomor_hp: String,
    /// The instansi it acts for.
    pub instansi: Option<Bernama>,
    /// The unit of a Sub Pejabat.
    pub unit: Option<Bernama>,
}

impl Saya {
    /// The account with its instansi and unit.
    pub fn new(akun: &Akun, instansi: Option<&Instansi>, unit: Option<&UnitOrganisasi>) -> Self {
        Self {
            id: akun.id.to_string(),
            email: akun.email.to_string(),
            nama: akun.nama.clone(),
            peran: akun.peran.kode(),
            status: akun.status.kode(),
            jabatan: akun.jabatan.clone(),
            nomor_induk: akun.nomor_induk.clone(),
            telepon_kantor: akun.telepon_kantor.clone(),
            nomor_hp: akun.nomor_hp.clone(),
            instansi: instansi.map(|i| Bernama {
                id: i.id().to_string(),
                nama: i.rekam().nama.clone(),
            }),
            unit: unit.map(|u| Bernama {
                id: u.id.to_string(),
                nama: u.nama.clone(),
            }),
        }
    }
}

/// A stored document's description.
#[derive(Serialize, ToSchema)]
pub struct DokumenJson {
    /// File name.
    pub nama_berkas: String,
    /// Size in bytes.
    pub ukuran: u64,
    /// SHA-256 of its content.
    pub sha256: String,
}

/// Why something was rejected.
#[derive(Serialize, ToSchema)]
pub struct PenolakanJson {
    /// The reason's category code.
    pub kategori_alasan: &'static str,
    /// The category as people read it.
    pub label: &'static str,
    /// The admin's note.
    pub catatan: String,
    /// When.
    pub waktu: DateTime<Utc>,
}

/// An application of a Pejabat Pendaftar, for the admin.
#[derive(Serialize, ToSchema)]
pub struct PermohonanJson {
    /// Its id.
    pub id: String,
    /// The number people quote (`PJB-2026-7K3QDX`).
    pub nomor: String,
    /// Status code.
    pub status: &'static str,
    /// The applicant's email.
    pub email: String,
    /// Full name.
    pub nama_lengkap: String,
    /// `baru` or `pengganti`.
    pub status_pendaftar: &'static str,
    /// Employment kind code.
    pub jenis_kepegawaian: &'static str,
    /// NIP / NIK.
    pub nomor_induk: String,
    /// Position.
    pub jabatan: String,
    /// Office phone.
    pub telepon_kantor: String,
    /// Mobile number.
    pub nomor_hp: String,
    /// Province code.
    pub provinsi: String,
    /// Regency/city code (empty for a central agency).
    pub kota: String,
    /// The instansi chosen or proposed.
    #[schema(value_type = Object)]
    pub instansi: serde_json::Value,
    /// The Surat Tugas + Surat Permohonan PDF.
    pub dokumen: DokumenJson,
    /// First submitted.
    pub diajukan_pada: DateTime<Utc>,
    /// Last entered the queue.
    pub masuk_antrian_pada: DateTime<Utc>,
    /// Times submitted.
    pub jumlah_pengajuan: u32,
    /// The last rejection.
    pub penolakan: Option<PenolakanJson>,
}

impl From<&PermohonanPejabat> for PermohonanJson {
    fn from(p: &PermohonanPejabat) -> Self {
        Self {
            id: p.id.to_string(),
            nomor: p.nomor(),
            status: p.status.kode(),
            email: p.data.email.to_string(),
            nama_lengkap: p.data.nama_lengkap.clone(),
            status_pendaftar: p.data.status_pendaftar.kode(),
            jenis_kepegawaian: p.data.jenis_kepegawaian.kode(),
            nomor_induk: p.data.nomor_induk.nomor().to_string(),
            jabatan: p.data.jabatan.clone(),
            telepon_kantor: p.data.telepon_kantor.as_ref().to_string(),
            nomor_hp: p.data.nomor_hp.as_ref().to_string(),
            provinsi: p.data.provinsi.clone(),
            kota: p.data.kota.clone(),
            instansi: serde_json::to_value(&p.instansi).unwrap_or_default(),
            dokumen: DokumenJson {
                nama_berkas: p.dokumen.nama_berkas.clone(),
                ukuran: p.dokumen.ukuran,
                sha256: p.dokumen.sha256.clone(),
            },
            diajukan_pada: p.diajukan_pada,
            masuk_antrian_pada: p.masuk_antrian_pada,
            jumlah_pengajuan: p.jumlah_pengajuan,
            penolakan: p.penolakan.as_ref().map(|t| PenolakanJson {
                kategori_alasan: t.kategori.kode(),
                label: t.kategori.label(),
                catatan: t.catatan.clone(),
                waktu: t.waktu,
            }),
        }
    }
}

/// A file's bytes (PDF, `.xlsx`, PNG): a binary string in the document.
pub struct Berkas;

impl utoipa::PartialSchema for Berkas {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl ToSchema for Berkas {}

/// Query of a list paged by cursor only: `setelah` (the `berikutnya` of the page before) and
/// `batas`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueryKursor {
    pub(crate) setelah: Option<String>,
    pub(crate) batas: Option<u64>,
}

impl QueryKursor {
    /// The paging asked for, checked.
    pub fn paging(&self) -> Result<pse_kernel::Paging, crate::web::galat::WebError> {
        crate::web::sistem::api::QueryHalaman {
            page: None,
            setelah: self.setelah.clone(),
            batas: self.batas,
        }
        .paging()
    }
}
