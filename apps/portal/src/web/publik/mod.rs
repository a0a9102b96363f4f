//! The public face: health, reference data, the registry and Tanda Daftar verification.

pub mod api;
pub mod halaman;
pub mod panduan;
pub mod rute;
pub mod standar;
