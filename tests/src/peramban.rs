//! Headless Chromium through chromedriver, for the UI tests. When the browser is not installed the
//! tests say so and pass, unless `PSE_REQUIRE_BROWSER=1` (CI) makes its absence a failure.

use fantoccini::{Client, ClientBuilder};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A chromedriver process and a WebDriver session on it.
pub struct Peramban {
    /// The WebDriver client.
    pub klien: Client,
    driver: Child,
}

fn ada(perintah: &str) -> bool {
    Command::new(perintah)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl Peramban {
    /// Starts chromedriver and a headless Chromium session; `None` when they are not installed and not
    /// required.
    pub async fn mulai() -> Option<Self> {
        if !ada("chromedriver") || !ada("chromium") {
            assert!(
                std::env::var("PSE_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "PSE_REQUIRE_BROWSER=1 tetapi chromium/chromedriver tidak terpasang"
            );
            eprintln!("chromium/chromedriver tidak terpasang: uji peramban dilewati");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver");
        let profil = std::env::temp_dir().join(format!("pse-chromium-{port}"));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--window-size=1200,2400",
                         format!("--user-data-dir={}", profil.display())]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut klien = None;
        for _ in 0..100 {
            let b = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await;
            if let Ok(k) = b {
                klien = Some(k);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Some(Self {
            klien: klien.expect("sesi WebDriver"),
            driver,
        })
    }

    /// Ends the session and the driver.
    pub async fn selesai(mut self) {
        let _ = self.klien.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
