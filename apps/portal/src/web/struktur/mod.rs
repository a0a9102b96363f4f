//! The Struktur Organisasi and the Sub Pejabat.

pub mod api;
pub mod detail;
pub mod halaman;
pub mod pengguna;
pub mod rute;
pub mod skema;
