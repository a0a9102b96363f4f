//! The HTTP/1.1 server loop: every connection gets a header-read timeout (a slow client cannot
//! hold a connection by trickling its headers), the client's address for the rate limits, and a
//! graceful end: on stop no new connection is taken and the open ones finish their requests.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt as _;

/// Serves `app` on `listener` until `diam` turns true, then drains open connections for at most
/// `tiris`.
pub async fn layani(
    listener: TcpListener,
    app: Router,
    batas_tajuk: Duration,
    tiris: Duration,
    mut diam: watch::Receiver<bool>,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(batas_tajuk)
        .keep_alive(true);
    let penutup = GracefulShutdown::new();
    loop {
        let (io, peer) = tokio::select! {
            hasil = listener.accept() => match hasil {
                Ok(x) => x,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(galat = %e, "koneksi tidak dapat diterima");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = async { diam.wait_for(|h| *h).await.map(|_| ()) } => break,
        };
        let svc = app.clone().map_request(
            move |mut req: axum::extract::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                req.map(axum::body::Body::new)
            },
        );
        let conn = http.serve_connection(TokioIo::new(io), TowerToHyperService::new(svc));
        let conn = penutup.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(galat = %e, "koneksi berakhir dengan galat");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(tiris, penutup.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("batas waktu pengurasan habis; koneksi yang tersisa diputus");
    }
}
