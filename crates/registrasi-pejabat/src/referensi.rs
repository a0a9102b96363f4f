//! Reference data: wilayah, the instansi list that follows from it, and the holiday table.

use crate::model::{Instansi, JenisInstansi, RekamInstansi, Wilayah};
use pse_kernel::{Halaman, HariLibur, InfraError, InstansiId};

/// Where the instansi looked for sit: a province code and a regency/city code, each optional
/// (empty counts as absent).
#[derive(Debug, Clone, Copy, Default)]
pub struct SaringWilayah<'a> {
    /// Province code (`65`).
    pub provinsi: Option<&'a str>,
    /// Regency/city code (`65.71`); its province is taken from it when `provinsi` is absent.
    pub kota: Option<&'a str>,
}

impl<'a> SaringWilayah<'a> {
    /// The province and regency/city to narrow to, blanks dropped.
    pub fn baru(provinsi: &'a str, kota: &'a str) -> Self {
        let isi = |s: &'a str| Some(s.trim()).filter(|s| !s.is_empty());
        let kota = isi(kota);
        Self {
            provinsi: isi(provinsi).or_else(|| kota.and_then(pse_kernel::wilayah::provinsi_dari)),
            kota,
        }
    }
}

/// Reads and loads reference data.
#[async_trait::async_trait]
pub trait ReferensiRepo: Send + Sync {
    /// Every province, by code.
    async fn daftar_provinsi(&self) -> Result<Vec<Wilayah>, InfraError>;
    /// The regencies and cities of a province, by code.
    async fn daftar_kota(&self, provinsi: &str) -> Result<Vec<Wilayah>, InfraError>;
    /// Verified instansi whose name contains `q` (case-insensitive), by name; narrowed to one
    /// province and, within it, to one regency/city (its government and the province-wide instansi
    /// stay). Central agencies, which have no region, are always included.
    async fn cari_instansi(
        &self,
        q: &str,
        wilayah: SaringWilayah<'_>,
        page: u64,
    ) -> Result<Halaman<Instansi>, InfraError>;
    /// Every wilayah, provinces and regencies/cities, by code.
    async fn semua_wilayah(&self) -> Result<Vec<Wilayah>, InfraError>;
    /// How many wilayah rows are loaded.
    async fn jumlah_wilayah(&self) -> Result<u64, InfraError>;
    /// Inserts or renames wilayah by code.
    async fn simpan_wilayah(&self, wilayah: &[Wilayah]) -> Result<(), InfraError>;
    /// Inserts the instansi whose name is not there yet; answers how many were added.
    async fn tambah_instansi(&self, instansi: &[Instansi]) -> Result<u64, InfraError>;
    /// Inserts or replaces holidays by date.
    async fn simpan_libur(&self, libur: &[HariLibur]) -> Result<(), InfraError>;
    /// Every loaded holiday.
    async fn daftar_libur(&self) -> Result<Vec<HariLibur>, InfraError>;
}

/// The verified local-government instansi that follow from the wilayah list: a Pemerintah Provinsi
/// per province and a Pemerintah Kabupaten or Kota per regency and city. DKI Jakarta's administrative
/// cities and regency are parts of the province, not governments of their own.
pub fn instansi_daerah(wilayah: &[Wilayah]) -> Vec<Instansi> {
    wilayah
        .iter()
        .filter_map(|w| {
            let (jenis, nama, provinsi, kota) = if w.provinsi() {
                (
                    JenisInstansi::PemerintahProvinsi,
                    format!("Pemerintah Provinsi {}", w.nama),
                    w.kode.clone(),
                    None,
                )
            } else if w.nama.contains("Administrasi") {
                return None;
            } else {
                let provinsi = w.kode.split('.').next().unwrap_or_default().to_string();
                let jenis = if w.nama.starts_with("Kota ") {
                    JenisInstansi::PemerintahKota
                } else {
                    JenisInstansi::PemerintahKabupaten
                };
                (
                    jenis,
                    format!("Pemerintah {}", w.nama),
                    provinsi,
                    Some(w.kode.clone()),
                )
            };
            Some(Instansi::pulihkan(RekamInstansi {
                id: InstansiId::new(),
                nama,
                jenis,
                provinsi: Some(provinsi),
                kota,
                alamat: None,
                website: None,
                telepon: None,
                domain_email: None,
                terverifikasi: true,
            }))
        })
        .collect()
}

/// A verified central-government instansi (kementerian or lembaga).
pub fn instansi_pusat(nama: &str, jenis: JenisInstansi) -> Instansi {
    Instansi::pulihkan(RekamInstansi {
        id: InstansiId::new(),
        nama: nama.trim().into(),
        jenis,
        provinsi: None,
        kota: None,
        alamat: None,
        website: None,
        telepon: None,
        domain_email: None,
        terverifikasi: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_pej_06_local_governments_follow_from_the_wilayah_list() {
        let w = |k: &str, n: &str| Wilayah {
            kode: k.into(),
            nama: n.into(),
        };
        let daftar = instansi_daerah(&[
            w("65", "Kalimantan Utara"),
            w("65.01", "Kabupaten Bulungan"),
            w("65.71", "Kota Tarakan"),
            w("31.71", "Kota Administrasi Jakarta Pusat"),
        ]);
        let nama: Vec<_> = daftar
            .iter()
            .map(|i| {
                (
                    i.rekam().nama.clone(),
                    i.rekam().jenis.kode(),
                    i.rekam().kota.clone(),
                )
            })
            .collect();
        insta::assert_yaml_snapshot!(nama);
    }
}
