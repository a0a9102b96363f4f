//! Aplikasi Perkantoran (R-SEP): the public catalogue and application, the Sekretaris' status
//! page by its emailed link, the Direktorat's decisions, the Admin Pengelola's users, the misuse
//! register and its warnings, and the office application's sync.

pub mod admin;
pub mod api;
pub mod halaman;
pub mod kasus;
pub mod pengguna;
pub mod rute;
pub mod skema;
