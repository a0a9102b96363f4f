//! Reference data shipped in `fixtures/` (wilayah, central agencies, holidays), loaded on first
//! start, and the `wilayah impor` / `libur impor` commands for later official lists.

use chrono::NaiveDate;
use pse_kernel::{HariLibur, InfraError};
use registrasi_pejabat::model::{JenisInstansi, Wilayah};
use registrasi_pejabat::referensi::{ReferensiRepo, instansi_daerah, instansi_pusat};

const WILAYAH: &str = include_str!("../../../fixtures/wilayah.csv");
const INSTANSI_PUSAT: &str = include_str!("../../../fixtures/instansi-pusat.csv");
const LIBUR: &str = include_str!("../../../fixtures/libur-2026.csv");

fn baris(csv_teks: &str) -> Result<Vec<csv::StringRecord>, InfraError> {
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv_teks.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| InfraError::new(format!("CSV tidak terbaca: {e}")))
}

/// Parses a Kemendagri list `kode,nama` (`11` a province, `11.01` a regency or city).
pub fn baca_wilayah(csv_teks: &str) -> Result<Vec<Wilayah>, InfraError> {
    baris(csv_teks)?
        .into_iter()
        .map(|r| match (r.get(0), r.get(1)) {
            (Some(kode), Some(nama)) if !kode.is_empty() && !nama.is_empty() => Ok(Wilayah {
                kode: kode.into(),
                nama: nama.into(),
            }),
            _ => Err(InfraError::new(format!(
                "baris wilayah tidak lengkap: {r:?}"
            ))),
        })
        .collect()
}

/// Parses a holiday list `tanggal,keterangan,jenis` (`2026-08-17,…,libur_nasional`).
pub fn baca_libur(csv_teks: &str) -> Result<Vec<HariLibur>, InfraError> {
    baris(csv_teks)?
        .into_iter()
        .map(|r| {
            let tanggal = r
                .get(0)
                .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
                .ok_or_else(|| InfraError::new(format!("tanggal libur tidak sah: {r:?}")))?;
            Ok(HariLibur {
                tanggal,
                keterangan: r.get(1).unwrap_or_default().into(),
                jenis: r
                    .get(2)
                    .filter(|j| !j.is_empty())
                    .unwrap_or("libur_nasional")
                    .into(),
            })
        })
        .collect()
}

/// Loads the shipped reference data where it is missing: wilayah, the instansi that follow from
/// them, the central agencies and this year's holidays.
pub async fn muat_bila_kosong(repo: &dyn ReferensiRepo) -> Result<(), InfraError> {
    if repo.jumlah_wilayah().await? > 0 {
        return Ok(());
    }
    impor_wilayah(repo, WILAYAH).await?;
    let pusat = baris(INSTANSI_PUSAT)?
        .into_iter()
        .filter_map(|r| {
            let jenis = JenisInstansi::parse(r.get(1)?)?;
            Some(instansi_pusat(r.get(0)?, jenis))
        })
        .collect::<Vec<_>>();
    repo.tambah_instansi(&pusat).await?;
    repo.simpan_libur(&baca_libur(LIBUR)?).await?;
    tracing::info!("data referensi dimuat: wilayah, instansi, hari libur");
    Ok(())
}

/// Imports a wilayah list and adds the local-government instansi that follow from it.
pub async fn impor_wilayah(
    repo: &dyn ReferensiRepo,
    csv_teks: &str,
) -> Result<(usize, u64), InfraError> {
    let wilayah = baca_wilayah(csv_teks)?;
    repo.simpan_wilayah(&wilayah).await?;
    let ditambah = repo.tambah_instansi(&instansi_daerah(&wilayah)).await?;
    Ok((wilayah.len(), ditambah))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn shipped_lists_are_complete() {
        let w = baca_wilayah(WILAYAH).unwrap();
        assert_eq!(w.iter().filter(|w| w.provinsi()).count(), 38);
        assert_eq!(w.iter().filter(|w| !w.provinsi()).count(), 514);
        assert!(w.contains(&Wilayah {
            kode: "11.01".into(),
            nama: "Kabupaten Aceh Selatan".into()
        }));
        assert!(
            baca_libur(LIBUR)
                .unwrap()
                .iter()
                .any(|l| l.tanggal == NaiveDate::from_ymd_opt(2026, 8, 17).unwrap())
        );
    }
}
