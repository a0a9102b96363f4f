//! The column catalogue, a report's configuration, its cells, and the national recap.

pub mod kolom;
pub mod konfigurasi;
pub mod rekap;

pub use kolom::{JenisSel, Kolom, SistemLaporan};
pub use konfigurasi::{
    BarisLaporan, FilterLaporan, IsianFilter, IsianLaporan, KonfigurasiLaporan, RekamLaporan,
};
pub use rekap::{BarisRekap, PenyusunRekap, RekapNasional};
