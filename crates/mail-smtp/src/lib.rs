//! Email: Indonesian templates (plain text + HTML), the SMTP and `.eml` file transports, and the
//! outbox dispatcher that sends what use cases enqueued, with retries and backoff.
//!
//! Architecture Invariant: this crate depends on the kernel's `Outbox` port, never on the store.

mod dispatcher;
mod templat;
mod transport;

pub use dispatcher::Dispatcher;
pub use templat::{SuratJadi, Templat};
pub use transport::{Pengirim, TransportBerkas, TransportSmtp, dari_url};
