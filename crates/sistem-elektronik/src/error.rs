//! The crate's error: the system registration has no failure of its own, every one is a kind all
//! services share ([`pse_kernel::Galat`]: fields, PDFs, state, access, paging, infrastructure).

pub use pse_kernel::{GalatIsian, TolakBilaAda};

/// Everything a system use case can answer instead of success.
pub type SistemError = pse_kernel::Galat;
