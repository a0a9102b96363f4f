//! Accounts: activation, login, password change and reset, the own profile.

pub mod api;
pub mod halaman;
pub mod reset;
pub mod rute;
