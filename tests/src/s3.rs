//! A real S3-compatible server for the tests: moto's server mode (`moto_server`, from PyPI,
//! installed by `.ci/run`) on a free port, with one bucket, stopped when dropped.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The bucket the portal's documents go to.
pub const BUCKET: &str = "pse-dokumen";

/// A running moto server.
pub struct ServerS3 {
    anak: Child,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
}

impl ServerS3 {
    /// Starts `moto_server` (or `PSE_MOTO_SERVER`) with the bucket [`BUCKET`]; `None` when it is
    /// not installed and `PSE_REQUIRE_S3` is not `1`.
    pub async fn mulai() -> Option<Self> {
        let program = std::env::var("PSE_MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let anak = Command::new(&program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let anak = match anak {
            Ok(a) => a,
            Err(e) => {
                assert!(
                    std::env::var("PSE_REQUIRE_S3").as_deref() != Ok("1"),
                    "PSE_REQUIRE_S3=1 tetapi {program} tidak dapat dijalankan: {e}"
                );
                eprintln!("{program} tidak terpasang: uji S3 dilewati");
                return None;
            }
        };
        let s = Self {
            anak,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        // A bucket is made by a plain PUT (moto checks no signature); retried while it starts.
        let klien = reqwest::Client::new();
        let dibuat = crate::tunggu(Duration::from_secs(30), || {
            let r = klien.put(format!("{}/{BUCKET}", s.endpoint)).send();
            async move { r.await.ok().filter(|r| r.status().is_success()) }
        })
        .await;
        assert!(dibuat.is_some(), "moto_server did not start on port {port}");
        Some(s)
    }
}

impl Drop for ServerS3 {
    fn drop(&mut self) {
        let _ = self.anak.kill();
        let _ = self.anak.wait();
    }
}
