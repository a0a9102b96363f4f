//! A finished file sent as it is read: one chunk at a time on a blocking thread, so a large
//! report never sits whole in memory and a slow client holds no thread between chunks.

use axum::body::{Body, Bytes};
use pse_kernel::IsiBerkas;
use std::io::Read;

/// Bytes read per chunk.
const POTONGAN: usize = 64 * 1024;

/// The response body of `isi`.
pub fn badan(isi: IsiBerkas) -> Body {
    Body::from_stream(futures::stream::unfold(Some(isi.isi), |sisa| async move {
        let mut r = sisa?;
        let bacaan = tokio::task::spawn_blocking(move || {
            let mut buf = vec![0u8; POTONGAN];
            let n = r.read(&mut buf);
            (
                r,
                n.map(|n| {
                    buf.truncate(n);
                    buf
                }),
            )
        })
        .await;
        match bacaan {
            Ok((_, Ok(buf))) if buf.is_empty() => None,
            Ok((r, Ok(buf))) => Some((Ok(Bytes::from(buf)), Some(r))),
            Ok((_, Err(e))) => Some((Err(e), None)),
            Err(e) => Some((Err(std::io::Error::other(e)), None)),
        }
    }))
}
