//! Captures everything the portal logs (at TRACE level) so tests can prove no secret reaches a log.

use std::io::Write;
use std::sync::{Mutex, OnceLock};

static LOG: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();

struct Penulis;

impl Write for Penulis {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(m) = LOG.get()
            && let Ok(mut v) = m.lock()
        {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the capturing subscriber once per test binary.
pub fn pasang() {
    if LOG.set(Mutex::new(Vec::new())).is_ok() {
        let _ = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(|| Penulis)
            .try_init();
    }
}

/// Everything logged so far.
pub fn isi() -> String {
    LOG.get()
        .and_then(|m| {
            m.lock()
                .ok()
                .map(|v| String::from_utf8_lossy(&v).into_owned())
        })
        .unwrap_or_default()
}
