//! A Pejabat Pendaftar's application: the form, the receipt, the correction.

pub mod api;
pub mod halaman;
pub mod rute;
