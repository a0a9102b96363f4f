//! Reports (RULES R-LAP): configurations of columns, filters and order chosen from a fixed
//! catalogue, the rows they produce from the systems in the actor's scope, and the national recap.
//! Files are written through the [`pse_kernel::PenulisTabel`] port.
//!
//! Errors are [`LaporanError`]: reports have no failure of their own, only the kinds every service
//! shares ([`pse_kernel::Galat`]).
//!
//! Architecture Invariant: no I/O crate is a dependency.

pub mod model;
pub mod ports;
pub mod service;

/// Everything a report use case can answer instead of success.
pub type LaporanError = pse_kernel::Galat;
