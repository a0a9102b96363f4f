//! The admin's account administration through HTTP on both databases: the list with role,
//! instansi and status; deactivating with a reason ends the account's sessions and refuses its
//! login; reactivating lets it in again; a missing reason is named and changes nothing; the admin
//! cannot deactivate their own account; only the admin may do any of it.

use pse_tests::*;
use serde_json::json;

#[tokio::test]
async fn the_admin_deactivates_and_reactivates_an_account_on_both_databases() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (_, saya) = app.get(&pejabat, "/api/v1/saya").await;
        let id = saya["id"].as_str().unwrap().to_string();
        let (_, aku) = app.get(&admin, "/api/v1/saya").await;
        let admin_id = aku["id"].as_str().unwrap().to_string();

        // The list: both accounts, with role and status codes; the page shows labels.
        let (s, v) = app.get(&admin, "/api/v1/admin/akun").await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["total"], 2, "{v}");
        let baris = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id.as_str())
            .unwrap();
        assert_eq!(baris["peran"], "pejabat_pendaftar");
        assert_eq!(baris["status"], "aktif");
        let html = app.html(&admin, "/admin/akun").await;
        assert!(html.contains("Pejabat Pendaftar"), "{html}");
        assert!(html.contains("Pemerintah Kota Tarakan"), "{html}");
        assert!(!html.contains("pejabat_pendaftar"), "{html}");

        // Only the admin.
        let (s, _) = app.get(&pejabat, "/api/v1/admin/akun").await;
        assert_eq!(s, 403);
        let (s, _) = app
            .post(
                &pejabat,
                &format!("/api/v1/admin/akun/{admin_id}/nonaktifkan"),
                json!({"alasan": "coba"}),
            )
            .await;
        assert_eq!(s, 403);

        // A missing reason is named; nothing changes.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/akun/{id}/nonaktifkan"),
                json!({"alasan": "  "}),
            )
            .await;
        assert_eq!(s, 422, "{v}");
        assert_eq!(v["errors"][0]["field"], "alasan", "{v}");
        let (s, _) = app.get(&pejabat, "/api/v1/saya").await;
        assert_eq!(s, 200);
        let r = admin
            .post(format!("{}/admin/akun/{id}/nonaktifkan", app.url))
            .form(&[("alasan", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Tulis alasannya"));

        // The admin's own account is not theirs to close: a wrong state, before the fields.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/akun/{admin_id}/nonaktifkan"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");

        // Deactivated: the open session ends at once and a new login is refused.
        let r = admin
            .post(format!("{}/admin/akun/{id}/nonaktifkan", app.url))
            .form(&[(
                "alasan",
                "Pejabat pindah tugas; surat penggantian menyusul.",
            )])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let (s, _) = app.get(&pejabat, "/api/v1/saya").await;
        assert_eq!(s, 401);
        let masuk = json!({"email": "budi@tarakankota.go.id", "kata_sandi": "Rahasia-Sekali-2026"});
        let k = klien();
        let (s, v) = app.post(&k, "/api/v1/sesi", masuk.clone()).await;
        assert_eq!(s, 403, "{v}");
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/akun/{id}/nonaktifkan"),
                json!({"alasan": "lagi"}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        assert!(
            app.html(&admin, "/admin/akun")
                .await
                .contains("Aktifkan kembali")
        );

        // Reactivated: the same password works again; both changes are in the audit trail.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/akun/{id}/aktifkan"),
                json!({"alasan": "Surat penggantian dibatalkan."}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["status"], "aktif");
        let (s, v) = app.post(&k, "/api/v1/sesi", masuk).await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/akun/{id}/aktifkan"),
                json!({"alasan": "lagi"}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        let (s, v) = app
            .get(&admin, &format!("/api/v1/admin/audit?subjek={id}"))
            .await;
        assert_eq!(s, 200, "{v}");
        let teks = v.to_string();
        assert!(teks.contains("Pejabat pindah tugas"), "{teks}");
        assert!(teks.contains("Surat penggantian dibatalkan."), "{teks}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn the_admin_sends_a_new_activation_link_from_the_accounts_page() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let email = "budi@tarakankota.go.id";
        let lama = app.pejabat_disetujui(&admin, email, "baru", &tarakan).await;
        let (_, v) = app.get(&admin, "/api/v1/admin/akun").await;
        let id = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["email"] == email)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        // Offered only for an account still waiting for its activation.
        let html = app.html(&admin, "/admin/akun").await;
        assert_eq!(
            html.matches("Kirim ulang tautan aktivasi").count(),
            1,
            "{backend:?}: {html}"
        );
        let kirim_ulang = || {
            admin
                .post(format!("{}/admin/akun/{id}/aktivasi-ulang", app.url))
                .form(&Vec::<(String, String)>::new())
                .send()
        };
        assert_eq!(kirim_ulang().await.unwrap().status(), 303);
        let html = app.html(&admin, "/admin/akun").await;
        assert!(html.contains("Tautan aktivasi baru terkirim"), "{html}");
        let baru = app
            .smtp
            .tunggu(email, "Tautan aktivasi baru")
            .await
            .token_aktivasi();
        assert_ne!(lama, baru);
        let (s, _) = app
            .post(
                &klien(),
                "/api/v1/aktivasi",
                json!({"token": lama, "kata_sandi": "Rahasia-Sekali-2026"}),
            )
            .await;
        assert!(s >= 400, "the earlier link no longer works: {s}");
        app.aktifkan_dan_masuk(&baru, email, "Rahasia-Sekali-2026")
            .await;
        // Active now: nothing to resend, a wrong state for the page too.
        assert_eq!(kirim_ulang().await.unwrap().status(), 409);
        app.selesai().await;
    }
}
