//! The government's shared office applications (Sistem Elektronik Pemerintahan for office work,
//! RULES R-SEP, seed 004): the Minister's catalogue; a Badan Pemerintahan's Sekretaris applies
//! for one with a Surat Kuasa appointing its Admin Pengelola; the Direktur Jenderal decides
//! within 4 working days of the file being complete, refusing on one of three grounds; one
//! Admin Pengelola per Badan Pemerintahan and application; misuse goes through a written
//! warning, 5 working days to answer, then deactivation, permanent when repeated.
//!
//! Architecture Invariant: no I/O crate is a dependency.

pub mod katalog;
pub mod pengguna;
pub mod penyalahgunaan;
pub mod permohonan;
pub mod ports;
pub mod service;
pub mod surat;

#[cfg(test)]
mod tests;
