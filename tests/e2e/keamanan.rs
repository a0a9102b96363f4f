//! Security regressions of issue 13 (R-X-02) through HTTP on both back ends: the login lock holds
//! under parallel requests and only for the address that earned it, answers tell nothing about
//! which accounts exist, and a new password ends the other sessions.

use pse_tests::*;
use serde_json::json;

const ADMIN: &str = "verifikator@komdigi.go.id";
const SANDI: &str = "Admin-Rahasia-2026";

/// A client whose connections leave from `alamat` (another loopback address is another client).
fn klien_dari(alamat: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(alamat.parse::<std::net::IpAddr>().ok())
        .build()
        .unwrap()
}

/// `n` logins with `kata_sandi` for `email` at once; their status codes.
async fn serentak(
    app: &Aplikasi,
    k: &reqwest::Client,
    email: &str,
    kata_sandi: &str,
    n: usize,
) -> Vec<u16> {
    let tugas: Vec<_> = (0..n)
        .map(|_| {
            let (k, url) = (k.clone(), format!("{}/api/v1/sesi", app.url));
            let body = json!({"email": email, "kata_sandi": kata_sandi});
            tokio::spawn(async move {
                k.post(url)
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut status = Vec::new();
    for t in tugas {
        status.push(t.await.unwrap());
    }
    status
}

#[tokio::test]
async fn r_x_02_sixteen_parallel_wrong_passwords_each_count_and_lock_that_address_only() {
    for backend in backends() {
        let app = jalankan(backend).await;
        app.admin().await;
        let penyerang = klien_dari("127.0.0.1");
        let status = serentak(&app, &penyerang, ADMIN, "Salah-Sekali-2026", 16).await;
        assert_eq!(
            status,
            vec![401; 16],
            "{backend:?}: every wrong password is a 401"
        );

        // Now locked for that address, even with the right password, and told when to retry.
        let r = penyerang
            .post(format!("{}/api/v1/sesi", app.url))
            .json(&json!({"email": ADMIN, "kata_sandi": SANDI}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 429, "{backend:?}");
        let tunggu: u64 = r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(tunggu > 0 && tunggu <= 60 * 60, "{tunggu}");
        let v: serde_json::Value = r.json().await.unwrap();
        assert!(
            v["detail"].as_str().unwrap().contains("dari perangkat ini"),
            "{v}"
        );

        // The owner, elsewhere, is not shut out.
        let pemilik = klien_dari("127.0.0.2");
        let (s, _) = app
            .post(
                &pemilik,
                "/api/v1/sesi",
                json!({"email": ADMIN, "kata_sandi": SANDI}),
            )
            .await;
        assert_eq!(
            s, 200,
            "{backend:?}: the right password from another address"
        );
        assert_eq!(app.get(&pemilik, "/api/v1/saya").await.0, 200);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_an_unknown_email_is_answered_and_locked_like_the_admins() {
    for backend in backends() {
        let app = jalankan(backend).await;
        app.admin().await;
        let mut jawaban = Vec::new();
        for email in [ADMIN, "tidak-ada@komdigi.go.id"] {
            let k = klien();
            let mut v = Vec::new();
            for _ in 0..6 {
                let (s, isi) = app
                    .post(
                        &k,
                        "/api/v1/sesi",
                        json!({"email": email, "kata_sandi": "Salah-Sekali-2026"}),
                    )
                    .await;
                v.push((s, isi["detail"].clone()));
            }
            jawaban.push(v);
        }
        assert_eq!(jawaban[0], jawaban[1], "{backend:?}");
        assert_eq!(jawaban[0][4].0, 401);
        assert_eq!(jawaban[0][5].0, 429);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_a_new_password_ends_the_other_sessions_and_renews_this_one() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let ini = app.admin().await;
        let lain = klien();
        let (s, _) = app
            .post(
                &lain,
                "/api/v1/sesi",
                json!({"email": ADMIN, "kata_sandi": SANDI}),
            )
            .await;
        assert_eq!(s, 200);

        let r = ini
            .post(format!("{}/kata-sandi", app.url))
            .form(&[
                ("kata_sandi_lama", SANDI),
                ("kata_sandi_baru", "Sandi-Baru-Sekali-2026"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{backend:?}");
        let set_cookie = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect::<Vec<_>>();
        assert!(
            set_cookie.iter().any(|c| c.starts_with("pse_sesi=")),
            "a renewed session id is set: {set_cookie:?}"
        );
        assert!(r.text().await.unwrap().contains("Kata sandi diganti."));
        assert_eq!(
            app.get(&ini, "/api/v1/saya").await.0,
            200,
            "this session goes on"
        );
        assert_eq!(
            app.get(&lain, "/api/v1/saya").await.0,
            401,
            "{backend:?}: the other ended"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_wrong_current_passwords_lock_the_password_change() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let k = app.admin().await;
        let mut status = Vec::new();
        for _ in 0..6 {
            let r = k
                .post(format!("{}/kata-sandi", app.url))
                .form(&[
                    ("kata_sandi_lama", "Tebakan-Salah-2026"),
                    ("kata_sandi_baru", "Sandi-Baru-Sekali-2026"),
                ])
                .send()
                .await
                .unwrap();
            status.push(r.status().as_u16());
        }
        assert_eq!(status, vec![422, 422, 422, 422, 422, 429], "{backend:?}");
        app.selesai().await;
    }
}
