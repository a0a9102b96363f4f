//! Reports (RULES R-LAP): configurations of columns, filters and order chosen from a fixed
//! catalogue, the rows they produce from the systems in the actor's scope, and the national recap.
//! Files are written through the [`ports::LaporanWriter`] port.
//!
//! Errors are the system registration's ([`sistem_elektronik::SistemError`]).
//!
//! Architecture Invariant: no I/O crate is a dependency.

pub mod model;
pub mod ports;
pub mod service;
