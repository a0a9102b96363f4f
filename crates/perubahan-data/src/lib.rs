//! Change requests for registered electronic systems (RULES R-PD): a registered system changes only
//! through a request the admin approves; finishing it updates the system at once, keeps its Tanda
//! Daftar, and keeps the previous version so the change can be read field by field.
//!
//! Errors are the system registration's ([`sistem_elektronik::SistemError`]): the same kinds of
//! answer (field messages, wrong state, not found) for the same users.
//!
//! Architecture Invariant: no I/O crate is a dependency.

mod meja;
pub mod model;
pub mod ports;
pub mod service;
