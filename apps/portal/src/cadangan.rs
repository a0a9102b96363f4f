//! Backups for the operator (`pse-portal cadangan buat|pulihkan FOLDER`): the database and the
//! documents of one moment into a folder, and back. SQLite is copied with `VACUUM INTO` (a
//! consistent copy while the portal runs); PostgreSQL with `pg_dump`/`pg_restore` in their custom
//! format (the client tools of the server's version must be installed). Documents are files named
//! by their content, copied as they are.

use crate::config::Konfigurasi;
use pse_kernel::InfraError;
use std::path::{Path, PathBuf};
use std::process::Command;

const SQLITE: &str = "basis-data.sqlite";
const POSTGRES: &str = "basis-data.dump";
const DOKUMEN: &str = "dokumen";

/// What a backup or a restore copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ringkasan {
    /// The database's file in the backup folder.
    pub basis_data: PathBuf,
    /// How many documents; `None` when they live in an S3 bucket, which the object store's own
    /// tools back up (versioning, replication), not this command.
    pub dokumen: Option<usize>,
}

fn galat(konteks: &str, e: impl std::fmt::Display) -> InfraError {
    InfraError::new(format!("{konteks}: {e}"))
}

/// The SQLite file of a `sqlite://PATH?…` URL.
fn berkas_sqlite(url: &str) -> Option<PathBuf> {
    let sisa = url.strip_prefix("sqlite://")?;
    Some(PathBuf::from(sisa.split('?').next().unwrap_or(sisa)))
}

/// Runs a PostgreSQL client tool, its error text the answer when it fails.
fn jalankan(alat: &str, argumen: &[&str]) -> Result<(), InfraError> {
    let keluaran = Command::new(alat)
        .args(argumen)
        .output()
        .map_err(|e| galat(&format!("{alat} tidak dapat dijalankan"), e))?;
    if keluaran.status.success() {
        Ok(())
    } else {
        Err(galat(
            alat,
            String::from_utf8_lossy(&keluaran.stderr).trim(),
        ))
    }
}

/// Copies the files of `dari` that `ke` lacks (documents never change once written).
fn salin_dokumen(dari: &Path, ke: &Path) -> Result<usize, InfraError> {
    std::fs::create_dir_all(ke).map_err(|e| galat("folder dokumen", e))?;
    let Ok(isi) = std::fs::read_dir(dari) else {
        return Ok(0);
    };
    let mut n = 0;
    for e in isi {
        let e = e.map_err(|e| galat("folder dokumen", e))?;
        let sumber = e.path();
        if sumber.is_dir() {
            n += salin_dokumen(&sumber, &ke.join(e.file_name()))?;
        } else {
            let tujuan = ke.join(e.file_name());
            if !tujuan.exists() {
                std::fs::copy(&sumber, &tujuan).map_err(|e| galat("salin dokumen", e))?;
            }
            n += 1;
        }
    }
    Ok(n)
}

/// Backs up the database and the documents of `k` into the empty or new folder `tujuan`.
pub async fn buat(k: &Konfigurasi, tujuan: &Path) -> Result<Ringkasan, InfraError> {
    if std::fs::read_dir(tujuan).is_ok_and(|mut d| d.next().is_some()) {
        return Err(galat(
            "cadangan",
            format!("folder {} tidak kosong", tujuan.display()),
        ));
    }
    std::fs::create_dir_all(tujuan).map_err(|e| galat("folder cadangan", e))?;
    let url = k.url_basis_data();
    let basis_data = if url.starts_with("sqlite:") {
        let berkas = tujuan.join(SQLITE);
        let store = store_sea_orm::Store::connect(
            &url,
            std::sync::Arc::new(pse_kernel::clock::SystemClock),
        )
        .await?;
        store.salin_sqlite(&berkas).await?;
        store.close().await;
        berkas
    } else {
        let berkas = tujuan.join(POSTGRES);
        jalankan(
            "pg_dump",
            &[
                "--format=custom",
                "--no-owner",
                "--file",
                &berkas.to_string_lossy(),
                &url,
            ],
        )?;
        berkas
    };
    let dokumen = match k.dokumen_url {
        Some(_) => None,
        None => Some(salin_dokumen(
            &k.data_dir.join(DOKUMEN),
            &tujuan.join(DOKUMEN),
        )?),
    };
    Ok(Ringkasan {
        basis_data,
        dokumen,
    })
}

/// Restores the backup in `sumber` into the database and documents of `k` (the portal stopped;
/// a PostgreSQL database empty or of the same portal, a SQLite file replaced).
pub async fn pulihkan(k: &Konfigurasi, sumber: &Path) -> Result<Ringkasan, InfraError> {
    let url = k.url_basis_data();
    let basis_data = if url.starts_with("sqlite:") {
        let asal = sumber.join(SQLITE);
        let tujuan = berkas_sqlite(&url).ok_or_else(|| galat("basis data", &url))?;
        if let Some(induk) = tujuan.parent() {
            std::fs::create_dir_all(induk).map_err(|e| galat("folder data", e))?;
        }
        for akhiran in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{akhiran}", tujuan.display()));
        }
        std::fs::copy(&asal, &tujuan).map_err(|e| galat(&asal.display().to_string(), e))?;
        asal
    } else {
        let asal = sumber.join(POSTGRES);
        jalankan(
            "pg_restore",
            &[
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                &url,
                &asal.to_string_lossy(),
            ],
        )?;
        asal
    };
    let dokumen = match k.dokumen_url {
        Some(_) => None,
        None => Some(salin_dokumen(
            &sumber.join(DOKUMEN),
            &k.data_dir.join(DOKUMEN),
        )?),
    };
    Ok(Ringkasan {
        basis_data,
        dokumen,
    })
}
