//! Who may call what, and what never reaches a log.

use pse_tests::*;
use serde_json::json;

#[tokio::test]
async fn r_pej_07_admin_routes_answer_401_without_session_and_403_to_a_pejabat() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let pejabat = app
            .pejabat(
                &admin,
                "budi@tarakankota.go.id",
                "baru",
                &tarakan,
                "Rahasia-Sekali-2026",
            )
            .await;
        let (_, v) = app
            .daftar(
                &isian_tarakan("sari@tarakankota.go.id", "pengganti", &tarakan),
                Some(("surat.pdf", pdf())),
            )
            .await;
        let id = v["id"].as_str().unwrap().to_string();
        let rute = [
            ("GET", "/api/v1/admin/antrian".to_string()),
            ("GET", format!("/api/v1/admin/pendaftaran-pejabat/{id}")),
            (
                "GET",
                format!("/api/v1/admin/pendaftaran-pejabat/{id}/dokumen"),
            ),
            (
                "POST",
                format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
            ),
            (
                "POST",
                format!("/api/v1/admin/pendaftaran-pejabat/{id}/tolak"),
            ),
            ("GET", "/api/v1/admin/audit".to_string()),
            ("GET", "/api/v1/saya".to_string()),
        ];
        let mut matriks = Vec::new();
        for (metode, path) in &rute {
            let mut baris = vec![format!("{metode} {}", path.replace(&id, "{id}"))];
            for (nama, k) in [
                ("anonim", klien()),
                ("pejabat", pejabat.clone()),
                ("admin", admin.clone()),
            ] {
                let url = format!("{}{path}", app.url);
                let r = match *metode {
                    "GET" => k.get(url).send().await.unwrap(),
                    _ if nama == "admin" => continue,
                    _ => k
                        .post(url)
                        .json(&json!({"kategori_alasan": "lainnya", "catatan": "x"}))
                        .send()
                        .await
                        .unwrap(),
                };
                baris.push(format!("{nama}={}", r.status().as_u16()));
            }
            matriks.push(baris.join(" "));
        }
        insta::assert_yaml_snapshot!("matriks_admin", matriks);
        let dok = admin
            .get(format!(
                "{}/api/v1/admin/pendaftaran-pejabat/{id}/dokumen",
                app.url
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(
            dok.headers()["content-disposition"],
            "attachment; filename=\"surat.pdf\""
        );
        assert_eq!(dok.headers()["x-content-type-options"], "nosniff");
        assert!(dok.bytes().await.unwrap().starts_with(b"%PDF-"));
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_no_password_or_token_reaches_the_log() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        app.pejabat(
            &admin,
            "budi@tarakankota.go.id",
            "baru",
            &tarakan,
            "Sandi-Rahasia-Unik-777",
        )
        .await;
        let surel = app.smtp.tunggu("budi@tarakankota.go.id", "disetujui").await;
        let token = surel.token_aktivasi();
        // A failed login and a correction link too.
        app.post(
            &klien(),
            "/api/v1/sesi",
            json!({"email": "budi@tarakankota.go.id", "kata_sandi": "Salah-Sandi-Unik-888"}),
        )
        .await;
        let log = pse_tests::log::isi();
        assert!(!log.is_empty(), "the log is captured");
        for rahasia in [
            "Sandi-Rahasia-Unik-777",
            "Salah-Sandi-Unik-888",
            "Admin-Rahasia-2026",
            token.as_str(),
        ] {
            assert!(!log.contains(rahasia), "{rahasia} appears in the log");
        }
        app.selesai().await;
    }
}

#[tokio::test]
async fn cross_site_form_posts_are_refused() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let r = klien()
            .post(format!("{}/masuk", app.url))
            .header("origin", "https://situs-jahat.example")
            .header("sec-fetch-site", "cross-site")
            .form(&[("email", "a@b.go.id"), ("kata_sandi", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        app.selesai().await;
    }
}

#[tokio::test]
async fn login_attempts_are_rate_limited_per_ip() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| k.batas_percobaan_per_menit = 3).await;
        let mut status = Vec::new();
        let mut terakhir = serde_json::Value::Null;
        for _ in 0..5 {
            let (s, v) = app
                .post(
                    &klien(),
                    "/api/v1/sesi",
                    json!({"email": "a@tarakankota.go.id", "kata_sandi": "Salah-Sekali-2026"}),
                )
                .await;
            status.push(s);
            terakhir = v;
        }
        assert_eq!(status, vec![401, 401, 401, 429, 429]);
        assert_eq!(
            terakhir["detail"],
            "Terlalu banyak percobaan dari alamat ini. Tunggu sebentar, lalu coba lagi."
        );
        // Reading is not limited.
        assert_eq!(app.get(&klien(), "/api/v1/wilayah/provinsi").await.0, 200);
        app.selesai().await;
    }
}
