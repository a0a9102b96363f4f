//! The operator's metrics in Prometheus' text format at `/metrics`, for a scraper holding
//! `PSE_METRICS_TOKEN` (without the setting the route does not exist): requests by route pattern
//! and status, their duration, emails waiting in the outbox or failed, and the connection pool.

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;

const PERMINTAAN: &str = "pse_http_permintaan_total";
const DURASI: &str = "pse_http_durasi_detik";

/// The process's one recorder (installed by the first portal of the process).
fn penampung() -> &'static PrometheusHandle {
    static PENAMPUNG: OnceLock<PrometheusHandle> = OnceLock::new();
    PENAMPUNG.get_or_init(|| {
        let pasang = PrometheusBuilder::new()
            .set_buckets(&[
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ])
            .and_then(|b| b.install_recorder());
        match pasang {
            Ok(h) => h,
            // Another recorder was installed first: render from a fresh one (empty, honest).
            Err(e) => {
                tracing::warn!(galat = %e, "perekam metrik tidak terpasang");
                PrometheusBuilder::new().build_recorder().handle()
            }
        }
    })
}

/// Counts each request under its route pattern (never its URI) with its status and duration.
pub async fn catat(req: Request, next: Next) -> Response {
    let rute = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(tidak dikenal)".to_string(), |p| p.as_str().to_string());
    let mulai = Instant::now();
    let jawaban = next.run(req).await;
    let status = jawaban.status().as_u16().to_string();
    metrics::counter!(PERMINTAAN, "rute" => rute.clone(), "status" => status).increment(1);
    metrics::histogram!(DURASI, "rute" => rute).record(mulai.elapsed().as_secs_f64());
    jawaban
}

/// Makes sure the recorder is installed before the first request is counted.
pub fn siapkan() {
    penampung();
}

/// `GET /metrics` with `Authorization: Bearer <PSE_METRICS_TOKEN>`: 401 without it, 404 when no
/// token is set.
pub async fn halaman(State(s): State<AppState>, req: Request) -> Response {
    let Some(token) = s.konfigurasi.metrics_token.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let diberikan = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let harapan = secrecy::ExposeSecret::expose_secret(token);
    let sama = diberikan.len() == harapan.len()
        && diberikan
            .bytes()
            .zip(harapan.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !sama {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    if let Ok((menunggu, gagal)) = s.store.hitung_outbox().await {
        metrics::gauge!("pse_outbox_surel", "status" => "menunggu").set(menunggu as f64);
        metrics::gauge!("pse_outbox_surel", "status" => "gagal").set(gagal as f64);
    }
    if let Ok(meja) = s.meja.ringkasan(&pse_kernel::Actor::Sistem).await {
        for r in meja {
            let jenis = r.jenis.kode();
            metrics::gauge!("pse_antrian", "jenis" => jenis, "keadaan" => "menunggu")
                .set(r.terbuka as f64);
            metrics::gauge!("pse_antrian", "jenis" => jenis, "keadaan" => "terlambat")
                .set(r.terlambat as f64);
        }
    }
    let (buka, diam) = s.store.kolam_koneksi();
    metrics::gauge!("pse_db_koneksi", "keadaan" => "terbuka").set(f64::from(buka));
    metrics::gauge!("pse_db_koneksi", "keadaan" => "diam").set(diam as f64);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        penampung().render(),
    )
        .into_response()
}
