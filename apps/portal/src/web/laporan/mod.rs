//! Reports: configurations, the `.xlsx` download and the national recap.

pub mod api;
pub mod halaman;
pub mod rute;
pub mod skema;
