//! Spreadsheet files as a port: a table written row by row (the header first) and handed back as
//! a reader, so a large file is sent from where it was written and never held whole in memory.
//! Reports and the survey's responses are written through it; the format lives in an adapter.

use crate::InfraError;
use chrono::NaiveDate;
use serde::Serialize;

/// One column's header: its title and its width in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct KepalaKolom {
    /// The title people read.
    pub judul: String,
    /// The width in characters.
    pub lebar: f64,
}

impl KepalaKolom {
    /// A header titled `judul`, `lebar` characters wide.
    pub fn new(judul: impl Into<String>, lebar: f64) -> Self {
        Self {
            judul: judul.into(),
            lebar,
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Sel {
    /// Text.
    Teks(String),
    /// A number.
    Angka(f64),
    /// A fraction, 0.0–1.0, shown as a percentage.
    Persen(f64),
    /// A calendar date.
    Tanggal(NaiveDate),
    /// Nothing.
    Kosong,
}

/// Writes one sheet row by row (the header first); rows are not kept once written.
pub trait PenulisTabel: Send {
    /// The header row.
    fn judul(&mut self, kolom: &[KepalaKolom]) -> Result<(), InfraError>;
    /// One row of cells, in the header's order.
    fn baris(&mut self, sel: &[Sel]) -> Result<(), InfraError>;
    /// The finished file.
    fn selesai(self: Box<Self>) -> Result<IsiBerkas, InfraError>;
}

/// Makes spreadsheet files of one sheet.
pub trait PabrikTabel: Send + Sync {
    /// A writer for a sheet named `nama`.
    fn tabel(&self, nama: &str) -> Result<Box<dyn PenulisTabel>, InfraError>;
}

/// The bytes of a finished file: its length and a reader over them.
pub struct IsiBerkas {
    /// Length in bytes.
    pub panjang: u64,
    /// The bytes, from the first.
    pub isi: Box<dyn std::io::Read + Send>,
}

impl IsiBerkas {
    /// A file already in memory.
    pub fn dari_memori(isi: Vec<u8>) -> Self {
        Self {
            panjang: isi.len() as u64,
            isi: Box::new(std::io::Cursor::new(isi)),
        }
    }

    /// Reads the whole file into memory (for tests and small files).
    pub fn baca_semua(mut self) -> std::io::Result<Vec<u8>> {
        let mut v = Vec::with_capacity(usize::try_from(self.panjang).unwrap_or(0));
        std::io::Read::read_to_end(&mut self.isi, &mut v)?;
        Ok(v)
    }
}

impl std::fmt::Debug for IsiBerkas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IsiBerkas")
            .field("panjang", &self.panjang)
            .finish_non_exhaustive()
    }
}

/// A finished file with the name it is downloaded under.
#[derive(Debug)]
pub struct Unduhan {
    /// The file name offered to the browser.
    pub nama_berkas: String,
    /// The file.
    pub isi: IsiBerkas,
}
