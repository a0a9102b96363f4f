//! Uploaded documents: PDF judged by content (R-PEJ-05), addressed by SHA-256.

use crate::RegistrasiError;
use pse_kernel::Galat;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// An uploaded file as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Berkas {
    /// The file name the user's browser sent.
    pub nama: String,
    /// Its bytes.
    pub isi: Vec<u8>,
}

/// A stored document: its content hash, size and original name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DokumenRef {
    /// Hex SHA-256 of the content; the key in the document store.
    pub sha256: String,
    /// Size in bytes.
    pub ukuran: u64,
    /// The name it was uploaded with.
    pub nama_berkas: String,
}

impl Berkas {
    /// Checks that the file is a PDF by its content and within `batas` bytes, and returns its reference.
    pub fn periksa_pdf(&self, batas: u64) -> Result<DokumenRef, RegistrasiError> {
        if self.isi.len() as u64 > batas {
            return Err(Galat::TerlaluBesar {
                batas_mib: batas / (1024 * 1024),
            }
            .into());
        }
        pse_kernel::pdf::periksa(&self.isi).map_err(Galat::PdfDitolak)?;
        Ok(DokumenRef {
            sha256: hex::encode(Sha256::digest(&self.isi)),
            ukuran: self.isi.len() as u64,
            nama_berkas: nama_aman(&self.nama),
        })
    }
}

/// The last path segment of a file name, without control characters, at most 200 characters,
/// ending in `.pdf` (what it is, whatever it was called).
fn nama_aman(nama: &str) -> String {
    let dasar = nama.rsplit(['/', '\\']).next().unwrap_or_default();
    let bersih: String = dasar
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if bersih.is_empty() {
        "dokumen.pdf".into()
    } else if bersih.to_lowercase().ends_with(".pdf") {
        bersih
    } else {
        format!("{bersih}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn r_pej_05_pdf_is_judged_by_content_not_name() {
        let png_bernama_pdf = Berkas {
            nama: "surat.pdf".into(),
            isi: b"\x89PNG\r\n\x1a\n....".to_vec(),
        };
        assert!(matches!(
            png_bernama_pdf.periksa_pdf(10 * MIB),
            Err(RegistrasiError::Umum(Galat::PdfDitolak(
                pse_kernel::pdf::MasalahPdf::Rusak
            )))
        ));
        let pdf_bernama_aneh = Berkas {
            nama: "C:\\scan\\surat tugas.bin".into(),
            isi: pse_kernel::pdf::contoh(""),
        };
        let r = pdf_bernama_aneh.periksa_pdf(10 * MIB);
        assert_eq!(
            r.as_ref().map(|d| d.nama_berkas.as_str()).ok(),
            Some("surat tugas.bin.pdf")
        );
        assert_eq!(r.map(|d| d.sha256.len()).ok(), Some(64));
    }

    #[test]
    fn r_pej_05_ten_mib_limit() {
        let besar = Berkas {
            nama: "a.pdf".into(),
            isi: [b"%PDF-".as_slice(), &vec![0u8; (10 * MIB) as usize]].concat(),
        };
        let e = besar.periksa_pdf(10 * MIB).err().map(|e| e.to_string());
        insta::assert_snapshot!(e.unwrap_or_default(), @"Ukuran dokumen melebihi batas 10 MiB.");
        let pas = Berkas {
            nama: "a.pdf".into(),
            isi: pse_kernel::pdf::contoh_sepanjang((10 * MIB) as usize),
        };
        assert!(pas.periksa_pdf(10 * MIB).is_ok());
    }
}
