//! Example systems for tests and benchmarks of this crate's users (feature `contoh`).

use crate::SistemError;
use crate::model::sistem::DokumenPendukung;
use crate::model::{Bagian, BatasKategori, IsianDataAwal, PenilaianKategori, SistemElektronik};
use chrono::{DateTime, NaiveDate, Utc};
use pse_kernel::{AkunId, InstansiId, UnitId};
use serde_json::Value;

/// An online system "SIPADU" (declared `rendah`, published) whose Data Awal waits for the admin.
pub fn data_awal_diajukan() -> Result<SistemElektronik, SistemError> {
    let da = IsianDataAwal {
        nama_internal: "SIPADU".into(),
        nama_eksternal: "Sistem Pelayanan Terpadu".into(),
        keterangan: "Perizinan terpadu".into(),
        sasaran_pelayanan: "regional".into(),
        kategori: "rendah".into(),
        kategori_akses: "online".into(),
        url: "https://sipadu.example.go.id".into(),
        publikasi_spbe: true,
        unit_id: None,
    }
    .validasi()?;
    Ok(SistemElektronik::ajukan(
        InstansiId::new(),
        None,
        AkunId::new(),
        da,
        DateTime::<Utc>::default(),
    ))
}

/// An offline system "SIMPEG" of `unit` of `instansi`, its Data Awal submitted by `akun` at `pada`.
pub fn di_unit(
    instansi: InstansiId,
    unit: UnitId,
    akun: AkunId,
    pada: DateTime<Utc>,
) -> Result<SistemElektronik, SistemError> {
    let da = IsianDataAwal {
        nama_internal: "SIMPEG".into(),
        nama_eksternal: "Sistem Informasi Kepegawaian".into(),
        keterangan: "Data pegawai".into(),
        sasaran_pelayanan: "lokal".into(),
        kategori: "rendah".into(),
        kategori_akses: "offline".into(),
        ..IsianDataAwal::default()
    }
    .validasi()?;
    Ok(SistemElektronik::ajukan(
        instansi,
        Some(unit),
        akun,
        da,
        pada,
    ))
}

/// The same system once the admin approved its Data Awal (status `pengisian`).
pub fn pengisian() -> Result<SistemElektronik, SistemError> {
    data_awal_diajukan()?.setujui_data_awal()
}

/// `s` with every section holding `isi`, one document and the answers A B B B A B B A B C
/// (progress 100%).
pub fn lengkapi(mut s: SistemElektronik, isi: &Value) -> Result<SistemElektronik, SistemError> {
    for b in Bagian::SEMUA {
        s = s.isi_bagian(b, isi.clone())?;
    }
    let jawaban: Vec<String> = "A B B B A B B A B C".split(' ').map(String::from).collect();
    s.tambah_dokumen(DokumenPendukung {
        jenis: "sop".into(),
        sha256: "x".into(),
        nama_berkas: "sop.pdf".into(),
        ukuran: 1,
    })?
    .nilai_kategori(PenilaianKategori::nilai(
        &jawaban,
        &BatasKategori::default(),
    )?)
}

/// [`pengisian`] completed with `isi` and registered with Tanda Daftar `nomor` on 23 November 2026.
pub fn terdaftar(nomor: u64, isi: &Value) -> Result<SistemElektronik, SistemError> {
    let tanggal = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    lengkapi(pengisian()?, isi)?
        .ajukan_formulir(DateTime::<Utc>::default(), true)?
        .setujui(nomor, tanggal, None)
}
