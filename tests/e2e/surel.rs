//! The outbox: a mail server that is down loses nothing.

use pse_tests::*;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn smtp_down_approval_succeeds_and_the_email_goes_out_when_it_is_back() {
    for backend in backends() {
        let app = jalankan_tanpa_smtp(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let (s, v) = app
            .daftar(
                &isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan),
                Some(("surat.pdf", pdf())),
            )
            .await;
        assert_eq!(s, 201);
        let id = v["id"].as_str().unwrap();
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(
            s, 200,
            "{backend:?}: approving does not wait for the mail server"
        );

        // The dispatcher tries, fails and keeps the messages for later.
        let store = app.portal.layanan.store.clone();
        let gagal = tunggu(Duration::from_secs(10), || async {
            let p = pse_kernel::AuditLog::surel_tertunda(&store).await.ok()?;
            (p.len() >= 3 && p.iter().all(|m| m.percobaan >= 1)).then_some(p)
        })
        .await
        .expect("attempts recorded");
        assert!(gagal.iter().all(|m| m.status == "menunggu"), "{gagal:?}");
        // The admin sees them waiting, with the mail server's error.
        let (s, v) = app.get(&admin, "/api/v1/admin/surel").await;
        assert_eq!((s, v["total"].as_u64()), (200, Some(3)), "{v}");
        assert!(v["items"][0]["galat_terakhir"].is_string(), "{v}");
        let halaman = admin
            .get(format!("{}/admin/surel", app.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(halaman.contains("budi@tarakankota.go.id") && halaman.contains("menunggu"));
        assert!(app.smtp.semua().is_empty());

        app.smtp.mulai();
        // Backoff after the first failure is 5 s; all three (received, approved, the survey
        // invitation) arrive after it.
        let surel = tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                let s = app.smtp.semua();
                if s.len() >= 3 {
                    return s;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
        .await
        .expect("emails delivered once the server is back");
        assert!(surel.iter().any(|s| s.subjek.contains("disetujui")));
        assert!(surel.iter().any(|s| s.subjek.contains("diterima")));
        assert!(surel.iter().any(|s| s.subjek.contains("Survei kepuasan")));
        app.selesai().await;
    }
}
