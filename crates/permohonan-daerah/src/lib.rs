//! A pemda's one-door intake (RULES R-DAE, seed 003): an OPD applies to the Kepala Dinas Kominfo
//! with its recommendation letter and stage report; the Kepala Dinas disposes it to a Kepala
//! Bidang, who disposes it to a Tim Teknis member; the Tim Teknis returns it with what is missing
//! or registers the system (a Data Awal of the OPD's unit, linked to the request), then reports
//! with a Surat Balasan. Each step has its standard in working minutes, counted in office hours
//! ([`pse_kernel::WaktuKerja`]).
//!
//! Errors are the kinds every service shares ([`pse_kernel::Galat`]): another instansi's request
//! is not found, a step out of turn is a state error (checked before the fields), a petugas who
//! is not the one the request waits for is forbidden.
//!
//! Architecture Invariant: no I/O crate is a dependency.

pub mod kinerja;
pub mod model;
pub mod ports;
pub mod service;
pub mod surat;

pub use model::{
    Berkas, Disposisi, FormPermohonan, IsianPermohonan, KodeLangkah, Langkah, Pelaku, Pengembalian,
    PermohonanDaerah, Petugas, StatusPermohonanDaerah, Tugas,
};
