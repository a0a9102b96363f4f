//! Headless Chromium through chromedriver, for the UI tests. When the browser is not installed the
//! tests say so and pass, unless `PSE_REQUIRE_BROWSER=1` (CI) makes its absence a failure.

use crate::Aplikasi;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
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

// ---------------------------------------------------------------- steps a user takes

/// Waits (10 s at most) for an element matching `css`.
pub async fn tunggu(b: &Client, css: &str) -> fantoccini::elements::Element {
    b.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
}

/// Clicks the element matching `css`.
pub async fn klik(b: &Client, css: &str) {
    b.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Sets a text field the way typing would, including date inputs whose typing is locale-bound.
pub async fn tulis(b: &Client, id: &str, nilai: &str) {
    b.execute(
        "document.getElementById(arguments[0]).value = arguments[1];",
        vec![json!(id), json!(nilai)],
    )
    .await
    .unwrap();
}

/// Presses the main form's primary button.
pub async fn kirim(b: &Client) {
    klik(b, "main form button.tombol[type=submit]").await;
}

/// The text of the page's `main`; read again when a navigation replaced it while it was read.
pub async fn teks(b: &Client) -> String {
    for _ in 0..50 {
        if let Ok(main) = b.find(Locator::Css("main")).await
            && let Ok(t) = main.text().await
        {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the page has no readable main")
}

/// Logs in through the login page.
pub async fn masuk(b: &Client, app: &Aplikasi, email: &str, sandi: &str) {
    b.goto(&format!("{}/masuk", app.url)).await.unwrap();
    tulis(b, "email", email).await;
    tulis(b, "kata_sandi", sandi).await;
    kirim(b).await;
    tunggu(b, "form[action='/keluar']").await;
}

/// Logs out through the header button.
pub async fn keluar(b: &Client) {
    klik(b, "form[action='/keluar'] button").await;
    tunggu(b, "a[href='/masuk']").await;
}

/// Fills one section page from the JSON of the contract: lists tick check boxes, booleans and
/// options pick radios, the rest is written into the field.
pub async fn isi_bagian(b: &Client, isi: &Value) {
    for (nama, nilai) in isi.as_object().unwrap() {
        match nilai {
            Value::Array(daftar) => {
                for v in daftar {
                    klik(
                        b,
                        &format!("input[name={nama}][value={}]", v.as_str().unwrap()),
                    )
                    .await;
                }
            }
            Value::Bool(v) => klik(b, &format!("input[name={nama}][value={v}]")).await,
            Value::String(v)
                if b.find(Locator::Css(&format!("input[type=radio][name={nama}]")))
                    .await
                    .is_ok() =>
            {
                klik(b, &format!("input[name={nama}][value={v}]")).await;
            }
            Value::String(v)
                if b.find(Locator::Css(&format!("select[name={nama}]")))
                    .await
                    .is_ok() =>
            {
                b.find(Locator::Css(&format!("select[name={nama}]")))
                    .await
                    .unwrap()
                    .select_by_value(v)
                    .await
                    .unwrap();
            }
            Value::String(v) => tulis(b, nama, v).await,
            lain => tulis(b, nama, &lain.to_string()).await,
        }
    }
}

/// axe-core's script (`PSE_AXE`, installed by `.ci/run`); `None` when absent and not required
/// (`PSE_REQUIRE_AXE=1`).
pub fn skrip_axe() -> Option<String> {
    let berkas = std::env::var("PSE_AXE").ok();
    let isi = berkas
        .as_deref()
        .and_then(|b| std::fs::read_to_string(b).ok());
    if isi.is_none() {
        assert!(
            std::env::var("PSE_REQUIRE_AXE").as_deref() != Ok("1"),
            "PSE_REQUIRE_AXE=1 tetapi PSE_AXE tidak menunjuk axe.min.js"
        );
        eprintln!("axe-core tidak terpasang: pemeriksaan aksesibilitas dilewati");
    }
    isi
}

/// The WCAG 2.1 A and AA violations axe-core finds on the page `b` shows: one line per rule with
/// the elements it names (empty when the page is clean).
pub async fn pelanggaran_axe(b: &Client, axe: &str) -> Vec<String> {
    b.execute(axe, vec![]).await.unwrap();
    let hasil = b
        .execute_async(
            r#"const selesai = arguments[arguments.length - 1];
               axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                 .then(r => selesai(r.violations.map(v => v.id + ': ' + v.help + ' → ' +
                     v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))
                 .catch(e => selesai(['axe gagal: ' + e]));"#,
            vec![],
        )
        .await
        .unwrap();
    hasil
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
