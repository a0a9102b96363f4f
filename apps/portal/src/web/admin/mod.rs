//! The admin's back office: the verification desk, decisions, audit trail, undelivered emails.

pub mod antrian;
pub mod api;
pub mod halaman;
pub mod skema;
