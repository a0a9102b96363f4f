//! Perubahan Data: change requests of registered systems.

pub mod api;
pub mod halaman;
pub mod rute;
pub mod skema;
