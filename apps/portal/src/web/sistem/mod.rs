//! Electronic systems: Data Awal, the form and its sections, the self-assessment, documents, the Tanda Daftar.

pub mod api;
pub mod formulir;
pub mod halaman;
pub mod kelengkapan;
pub mod rute;
pub mod skema;
