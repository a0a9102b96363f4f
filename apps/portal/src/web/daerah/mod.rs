//! Permohonan Daerah (R-DAE): a pemda's petugas layanan (invited by its pejabat) and the one-door
//! intake of its OPDs' systems, disposed and timed in office hours; the JSON API, the pages and
//! the printable Lembar Disposisi and Surat Balasan.

pub mod api;
pub mod formulir;
pub mod halaman;
pub mod petugas;
pub mod rute;
pub mod skema;
