//! Registration of electronic systems (RULES R-SE): Data Awal and its check, the nine sections and
//! the self-assessment of the system's category, progress and submission, verification, the Tanda
//! Daftar and what the public may see.
//!
//! Architecture Invariant: no I/O crate is a dependency; the store and documents are the embedding
//! application's adapters.

#[cfg(any(test, feature = "contoh"))]
pub mod contoh;
pub mod error;
mod meja;
pub mod model;
pub mod ports;
pub mod service;

pub use error::{GalatIsian, SistemError, TolakBilaAda};
