//! Registration of the Pejabat Pendaftar: the application with its document, the admin's decision,
//! activation of the account, login and the profile (RULES R-PEJ, R-X).
//!
//! The crate holds every rule and no I/O: the store, documents, password hashing, random tokens and
//! the clock are ports ([`ports`]) that the embedding application implements.

pub mod error;
pub mod model;
pub mod ports;
pub mod referensi;
pub mod service;

pub use error::{GalatIsian, RegistrasiError};
pub use service::{Pengaturan, RegistrasiService};
