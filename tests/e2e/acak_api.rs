//! The API fuzzed by schemathesis (PyPI, installed by `.ci/run`): requests generated from the
//! portal's own OpenAPI document, anonymous and with a logged-in admin's session, must never be
//! answered 5xx, and every answer must match the schema documented for it.

use pse_tests::*;
use std::process::Command;

/// The schemathesis program (`PSE_SCHEMATHESIS`, or on the path); `None` when it is missing and
/// `PSE_REQUIRE_SCHEMATHESIS` is not `1`.
fn schemathesis() -> Option<String> {
    let program = std::env::var("PSE_SCHEMATHESIS").unwrap_or_else(|_| "schemathesis".into());
    if Command::new(&program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Some(program);
    }
    assert!(
        std::env::var("PSE_REQUIRE_SCHEMATHESIS").as_deref() != Ok("1"),
        "PSE_REQUIRE_SCHEMATHESIS=1 tetapi {program} tidak dapat dijalankan"
    );
    eprintln!("{program} tidak terpasang: uji acak API dilewati");
    None
}

/// The session cookie of a fresh login (a client of its own, so the run may end it).
async fn kuki_sesi(app: &Aplikasi, email: &str, sandi: &str) -> String {
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/sesi", app.url))
        .json(&serde_json::json!({"email": email, "kata_sandi": sandi}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find(|c| c.starts_with("pse_sesi="))
        .and_then(|c| c.split(';').next())
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn generated_requests_get_no_5xx_and_answers_as_documented() {
    let Some(program) = schemathesis() else {
        return;
    };
    // The production database when the suite has one.
    let backend = *backends().last().unwrap();
    let app = jalankan(backend).await;
    let _admin = app.admin().await;
    let kuki = kuki_sesi(&app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
    let dir = std::env::temp_dir().join(format!("pse-schemathesis-{}", std::process::id()));
    for (nama, tajuk) in [("tamu", None), ("admin", Some(format!("Cookie: {kuki}")))] {
        let mut c = Command::new(&program);
        c.args([
            "run",
            &format!("{}/api/openapi.json", app.url),
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--max-examples",
            "10",
            "--workers",
            "2",
            "--request-timeout",
            "30",
            "--suppress-health-check",
            "all",
            "--generation-deterministic",
            "--report-dir",
            &dir.join(nama).to_string_lossy(),
        ])
        .env("NO_COLOR", "1");
        if let Some(t) = &tajuk {
            // Logging out would leave the rest of the run anonymous (the anonymous run covers it).
            c.args(["--header", t, "--exclude-name", "DELETE /api/v1/sesi"]);
        }
        // On a thread of its own: the portal answers on this test's runtime meanwhile.
        let o = tokio::task::spawn_blocking(move || c.output())
            .await
            .unwrap()
            .unwrap();
        let keluaran = String::from_utf8_lossy(&o.stdout);
        let ringkas: String = keluaran
            .lines()
            .rev()
            .take(
                std::env::var("PSE_SCHEMATHESIS_BARIS")
                    .ok()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(60),
            )
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            o.status.success(),
            "{backend:?} {nama}: schemathesis found problems:\n{ringkas}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        eprintln!(
            "{backend:?} {nama}: {}",
            keluaran
                .lines()
                .rev()
                .find(|l| l.contains("passed") || l.contains("cases"))
                .unwrap_or_default()
        );
    }
    let _ = std::fs::remove_dir_all(dir);
    app.selesai().await;
}
