//! The admin's back office: the verification desk, decisions, audit trail, undelivered emails.

pub mod akun;
pub mod antrian;
pub mod api;
pub mod catatan;
pub mod halaman;
pub mod rute;
pub mod skema;
