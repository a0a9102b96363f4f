//! Change requests for registered electronic systems (RULES R-PD): a registered system changes only
//! through a request the admin approves; finishing it updates the system at once, keeps its Tanda
//! Daftar, and keeps the previous version so the change can be read field by field.
//!
//! Errors are [`PerubahanError`]: its own "a request is already open", every other kind shared
//! with the other services ([`pse_kernel::Galat`]).
//!
//! Architecture Invariant: no I/O crate is a dependency.

pub mod error;
mod meja;
pub mod model;
pub mod ports;
pub mod service;

pub use error::PerubahanError;
