//! The mark in every page's header: the institution's own (`PSE_LOGO`, a PNG or SVG file read at
//! start) or a neutral default, served at `/aset/logo`.

use pse_kernel::InfraError;
use std::path::Path;

/// The largest logo file accepted.
pub const LOGO_MAKS: usize = 256 * 1024;

const BAWAAN: &str = include_str!("../aset/logo.svg");

/// A logo: its media type and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// `image/png` or `image/svg+xml`.
    pub jenis: &'static str,
    /// The file.
    pub isi: Vec<u8>,
}

impl Logo {
    /// The neutral default.
    pub fn bawaan() -> Self {
        Self {
            jenis: "image/svg+xml",
            isi: BAWAAN.as_bytes().to_vec(),
        }
    }

    /// The file at `path`, when it is a PNG or an SVG of at most [`LOGO_MAKS`] bytes.
    pub fn baca(path: &Path) -> Result<Self, InfraError> {
        let isi = std::fs::read(path)
            .map_err(|e| InfraError::new(format!("PSE_LOGO {}: {e}", path.display())))?;
        Self::dari(isi).map_err(|m| InfraError::new(format!("PSE_LOGO {}: {m}", path.display())))
    }

    /// `isi` as a logo, or why it is not one.
    pub fn dari(isi: Vec<u8>) -> Result<Self, &'static str> {
        if isi.len() > LOGO_MAKS {
            return Err("berkas logo paling besar 256 KiB");
        }
        let jenis = if isi.starts_with(b"\x89PNG\r\n\x1a\n") {
            "image/png"
        } else if std::str::from_utf8(&isi).is_ok_and(|t| {
            let t = t.trim_start_matches('\u{feff}').trim_start();
            (t.starts_with("<svg") || t.starts_with("<?xml")) && t.contains("<svg")
        }) {
            "image/svg+xml"
        } else {
            return Err("logo harus berkas PNG atau SVG");
        };
        Ok(Self { jenis, isi })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_logo_is_a_small_png_or_svg() {
        assert_eq!(Logo::bawaan().jenis, "image/svg+xml");
        assert_eq!(
            Logo::dari(Logo::bawaan().isi).unwrap().jenis,
            "image/svg+xml"
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert_eq!(Logo::dari(png).unwrap().jenis, "image/png");
        assert!(Logo::dari(b"GIF89a".to_vec()).is_err());
        assert!(Logo::dari(b"<html><svg></svg></html>".to_vec()).is_err());
        let mut besar = b"<svg>".to_vec();
        besar.resize(LOGO_MAKS + 1, b' ');
        assert!(Logo::dari(besar).is_err());
    }
}
