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
        // Requests that arrive once five failures are on record are refused before the password
        // is checked; every other one is a wrong password and must be counted.
        assert!(
            status.iter().all(|s| *s == 401 || *s == 429),
            "{backend:?}: {status:?}"
        );
        let dihitung = status.iter().filter(|s| **s == 401).count() as u32;
        assert!(dihitung >= 5, "{backend:?}: {status:?}");

        // Now locked for that address, even with the right password, and told when to retry:
        // the lock's length shows how many failures were recorded (15 minutes after 5, 30 after
        // 10, 60 after 15), so a lost update among the parallel failures would shorten it.
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
        let menit = 15u64 << ((dihitung - 5) / 5).min(4);
        assert_eq!(
            tunggu,
            menit * 60,
            "{backend:?}: {dihitung} failures counted ({status:?})"
        );
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

/// The outbox rows as text: (status, data).
async fn baris_outbox(app: &Aplikasi) -> Vec<(String, String)> {
    use sea_orm::ConnectionTrait;
    let db = app.portal.layanan.store.koneksi();
    db.query_all_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        "SELECT status, CAST(data AS TEXT) AS data FROM outbox",
    ))
    .await
    .unwrap()
    .into_iter()
    .map(|r| {
        (
            r.try_get::<String>("", "status").unwrap(),
            r.try_get::<String>("", "data").unwrap(),
        )
    })
    .collect()
}

#[tokio::test]
async fn r_x_02_a_sent_email_leaves_no_token_in_the_outbox() {
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
        let token = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "disetujui")
            .await
            .token_aktivasi();
        let semua = tunggu(std::time::Duration::from_secs(10), || async {
            let b = baris_outbox(&app).await;
            b.iter().all(|(s, _)| s == "terkirim").then_some(b)
        })
        .await
        .expect("every email sent");
        assert!(semua.len() >= 2, "{semua:?}");
        for (_, data) in &semua {
            assert!(!data.contains(&token), "{backend:?}: {data}");
        }
        assert!(
            semua
                .iter()
                .any(|(_, d)| d.contains("dihapus setelah terkirim")),
            "{semua:?}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_forgotten_password_one_answer_for_all_a_link_that_works_once_and_ends_sessions() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let lain = app.admin().await;
        let minta = |email: &'static str| {
            let url = format!("{}/lupa-kata-sandi", app.url);
            async move {
                let r = klien()
                    .post(url)
                    .form(&[("email", email)])
                    .send()
                    .await
                    .unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
        let (s_asing, asing) = minta("tidak-ada@komdigi.go.id").await;
        let (s_admin, admin) = minta(ADMIN).await;
        assert_eq!((s_asing, s_admin), (200, 200), "{backend:?}");
        assert_eq!(
            asing, admin,
            "the same page whether or not the account exists"
        );
        assert!(admin.contains("Jika email ini milik akun yang aktif"));

        let tautan = app
            .smtp
            .tunggu(ADMIN, "Atur ulang")
            .await
            .tautan("/atur-ulang-kata-sandi/");
        let path = tautan.split_once("/atur-ulang-kata-sandi/").unwrap().1;
        let k = klien();
        let html = app
            .html(&k, &format!("/atur-ulang-kata-sandi/{path}"))
            .await;
        assert!(html.contains(ADMIN), "the form names the account");
        let kirim = |sandi: &'static str| {
            let url = format!("{}/atur-ulang-kata-sandi/{path}", app.url);
            let k = k.clone();
            async move {
                k.post(url)
                    .form(&[("kata_sandi", sandi)])
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(
            kirim(ADMIN).await,
            422,
            "the email as password is refused, the link stays"
        );
        assert_eq!(kirim("Sandi-Baru-Sekali-2026").await, 200, "{backend:?}");
        assert_eq!(
            kirim("Sandi-Lain-Sekali-2026").await,
            400,
            "the link works once"
        );
        assert_eq!(
            app.get(&lain, "/api/v1/saya").await.0,
            401,
            "every session ended"
        );
        let (lama, _) = app
            .post(
                &klien(),
                "/api/v1/sesi",
                json!({"email": ADMIN, "kata_sandi": SANDI}),
            )
            .await;
        let (baru, _) = app
            .post(
                &klien(),
                "/api/v1/sesi",
                json!({"email": ADMIN, "kata_sandi": "Sandi-Baru-Sekali-2026"}),
            )
            .await;
        assert_eq!((lama, baru), (401, 200), "{backend:?}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn security_headers_on_every_answer() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| k.cookie_secure = true).await;
        for path in ["/", "/masuk", "/api/v1/wilayah/provinsi", "/tidak-ada"] {
            let r = klien()
                .get(format!("{}{path}", app.url))
                .send()
                .await
                .unwrap();
            let h = r.headers();
            let csp = h["content-security-policy"].to_str().unwrap();
            assert!(
                csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
                "{path}: {csp}"
            );
            assert_eq!(h["cache-control"], "no-store", "{path}");
            assert!(
                h["strict-transport-security"]
                    .to_str()
                    .unwrap()
                    .contains("max-age="),
                "{path}"
            );
        }
        let r = klien()
            .get(format!("{}/aset/gaya.css", app.url))
            .send()
            .await
            .unwrap();
        assert!(
            r.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("max-age")
        );
        // A body declared over the limit is refused at once, before any of it is sent.
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut t = tokio::net::TcpStream::connect(app.portal.alamat)
            .await
            .unwrap();
        t.write_all(
            b"POST /api/v1/sesi HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 67108864\r\n\r\n",
        )
        .await
        .unwrap();
        let mut buf = vec![0u8; 4096];
        let n = tokio::time::timeout(std::time::Duration::from_secs(5), t.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        let jawab = String::from_utf8_lossy(&buf[..n]);
        assert!(jawab.starts_with("HTTP/1.1 413"), "{backend:?}: {jawab}");
        assert!(jawab.contains("Kiriman terlalu besar"), "{jawab}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| k.batas_tajuk_detik = 1).await;
        let mut s = tokio::net::TcpStream::connect(app.portal.alamat)
            .await
            .unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        let mut buf = Vec::new();
        let hasil =
            tokio::time::timeout(std::time::Duration::from_secs(5), s.read_to_end(&mut buf)).await;
        assert!(
            hasil.is_ok(),
            "{backend:?}: the server closed the connection"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_05_a_pdf_that_acts_when_opened_or_is_encrypted_is_refused_with_415() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let isian = isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan);
        for (isi, pesan) in [
            (
                pse_kernel::pdf::contoh("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
                "konten aktif",
            ),
            (
                pse_kernel::pdf::contoh("/Encrypt << /Filter /Standard >>"),
                "terenkripsi",
            ),
            (
                b"%PDF-1.7 bukan pdf sungguhan".to_vec(),
                "PDF yang dapat dibuka",
            ),
        ] {
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", isi))).await;
            assert_eq!(s, 415, "{backend:?}: {v}");
            assert!(v.to_string().contains(pesan), "{v}");
        }
        let (s, _) = app.get(&klien(), "/api/v1/instansi?q=kota%20tarakan").await;
        assert_eq!(s, 200);
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "{backend:?}: a plain PDF still passes: {v}");
        // The receipt, sent before anyone checked the application, echoes nothing typed.
        let surel = app.smtp.tunggu("budi@tarakankota.go.id", "diterima").await;
        assert!(
            !surel.teks.contains("Budi Santoso") && !surel.html.contains("Budi Santoso"),
            "{}",
            surel.teks
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn a_database_outage_tells_a_logged_in_user_503_not_to_log_in() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        if !app.basis_data().padam(true).await {
            app.selesai().await;
            continue; // SQLite is inside the process: it has no outage to drill.
        }
        let r = admin
            .get(format!("{}/api/v1/saya", app.url))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let tunggu = r.headers().get("retry-after").is_some();
        assert!(app.basis_data().padam(false).await);
        assert_eq!(status, 503, "{backend:?}");
        assert!(tunggu, "503 carries Retry-After");
        let pulih = tunggu_saya(&app, &admin).await;
        assert_eq!(
            pulih, 200,
            "{backend:?}: the session is still there once the database is back"
        );
        app.selesai().await;
    }
}

/// `/api/v1/saya` until the portal has its database back (a few seconds at most).
async fn tunggu_saya(app: &Aplikasi, k: &reqwest::Client) -> u16 {
    tunggu(std::time::Duration::from_secs(15), || async {
        let s = app.get(k, "/api/v1/saya").await.0;
        (s != 503).then_some(s)
    })
    .await
    .unwrap_or(503)
}

#[tokio::test]
async fn every_email_carries_its_outbox_rows_id_as_message_id() {
    use sea_orm::ConnectionTrait;
    for backend in backends() {
        let app = jalankan(backend).await;
        app.admin().await;
        let _ = klien()
            .post(format!("{}/lupa-kata-sandi", app.url))
            .form(&[("email", ADMIN)])
            .send()
            .await
            .unwrap();
        let surel = app.smtp.tunggu(ADMIN, "Atur ulang").await;
        let db = app.portal.layanan.store.koneksi();
        let id: Vec<String> = db
            .query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT id FROM outbox WHERE template = 'reset_kata_sandi'",
            ))
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.try_get::<String>("", "id").unwrap())
            .collect();
        assert_eq!(id.len(), 1);
        assert_eq!(
            surel.message_id,
            format!("{}@pse.test", id[0]),
            "{backend:?}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_the_public_form_does_not_tell_whether_an_email_is_in_use() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let isian = isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan);
        let (s1, v1) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        let (s2, v2) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!((s1, s2), (201, 201), "{backend:?}: {v2}");
        assert_eq!(v1["status"], v2["status"]);
        let surel = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "dengan alamat email Anda")
            .await;
        assert!(surel.teks.contains("/lupa-kata-sandi"), "{}", surel.teks);
        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        let n = antrian["items"].as_array().map_or(0, |a| {
            a.iter()
                .filter(|i| i["jenis"] == "pendaftaran-pejabat")
                .count()
        });
        assert_eq!(n, 1, "{backend:?}: only the first is kept: {antrian}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_a_common_password_is_refused_at_activation() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let token = app
            .portal
            .layanan
            .registrasi
            .buat_admin(&pse_kernel::Actor::Sistem, ADMIN, "Verifikator LAIP")
            .await
            .unwrap();
        let token = secrecy::ExposeSecret::expose_secret(&token).to_string();
        for (sandi, status) in [
            ("password1234", 422),
            ("verifikator2026", 422),
            (SANDI, 200),
        ] {
            let (s, v) = app
                .post(
                    &klien(),
                    "/api/v1/aktivasi",
                    json!({"token": token, "kata_sandi": sandi}),
                )
                .await;
            assert_eq!(s, status, "{backend:?} {sandi}: {v}");
        }
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_behind_a_trusted_proxy_each_forwarded_client_has_its_own_lock() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| {
            k.proxy_tepercaya = vec!["127.0.0.1".parse().unwrap()];
        })
        .await;
        app.admin().await;
        let coba = |dari: &'static str, sandi: &'static str| {
            let url = format!("{}/api/v1/sesi", app.url);
            async move {
                klien()
                    .post(url)
                    .header("x-forwarded-for", dari)
                    .json(&json!({"email": ADMIN, "kata_sandi": sandi}))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        };
        for _ in 0..5 {
            assert_eq!(coba("203.0.113.5", "Salah-Sekali-2026").await, 401);
        }
        assert_eq!(coba("203.0.113.5", SANDI).await, 429, "{backend:?}");
        assert_eq!(
            coba("198.51.100.7", SANDI).await,
            200,
            "{backend:?}: another client"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn a_body_that_never_arrives_is_answered_not_waited_for() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| k.batas_isi_detik = 1).await;
        let mut t = tokio::net::TcpStream::connect(app.portal.alamat)
            .await
            .unwrap();
        t.write_all(
            b"POST /api/v1/sesi HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":",
        )
        .await
        .unwrap();
        let mut buf = vec![0u8; 4096];
        let n = tokio::time::timeout(std::time::Duration::from_secs(5), t.read(&mut buf))
            .await
            .expect("answered within the body timeout")
            .unwrap();
        let jawab = String::from_utf8_lossy(&buf[..n]);
        assert!(jawab.starts_with("HTTP/1.1 4"), "{backend:?}: {jawab}");
        app.selesai().await;
    }
}

/// The session rows as stored (data and expiry), to see whether a request wrote them.
async fn baris_sesi(app: &Aplikasi) -> Vec<(String, String)> {
    use sea_orm::ConnectionTrait;
    let db = app.portal.layanan.store.koneksi();
    db.query_all_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        "SELECT CAST(data AS TEXT) AS data, CAST(kedaluwarsa AS TEXT) AS kedaluwarsa FROM sesi ORDER BY id",
    ))
    .await
    .unwrap()
    .into_iter()
    .map(|r| {
        (
            r.try_get::<String>("", "data").unwrap(),
            r.try_get::<String>("", "kedaluwarsa").unwrap(),
        )
    })
    .collect()
}

#[tokio::test]
async fn r_x_02_reading_pages_within_a_minute_writes_no_session() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let sebelum = baris_sesi(&app).await;
        // A write a second later would move the stored expiry, so it cannot hide.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        for jalur in [
            "/api/v1/saya",
            "/api/v1/admin/antrian",
            "/admin/antrian",
            "/beranda",
        ] {
            let s = admin
                .get(format!("{}{jalur}", app.url))
                .send()
                .await
                .unwrap()
                .status();
            assert!(s.is_success() || s.is_redirection(), "{jalur}: {s}");
        }
        assert_eq!(
            baris_sesi(&app).await,
            sebelum,
            "{backend:?}: reads within a minute of the last touch leave the session as it was"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_x_02_parallel_requests_of_a_session_due_a_touch_all_answer_and_touch_it() {
    use sea_orm::ConnectionTrait;
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        // The last touch two minutes ago: the next requests are due to touch the session.
        let db = app.portal.layanan.store.koneksi();
        let [(data, _)] = baris_sesi(&app).await.try_into().unwrap();
        let mut data: serde_json::Value = serde_json::from_str(&data).unwrap();
        let lama = data["disentuh"].as_i64().unwrap() - 120;
        data["disentuh"] = json!(lama);
        db.execute_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            match db.get_database_backend() {
                sea_orm::DatabaseBackend::Postgres => "UPDATE sesi SET data = $1",
                _ => "UPDATE sesi SET data = ?",
            },
            [data.to_string().into()],
        ))
        .await
        .unwrap();
        let jawab = futures::future::join_all((0..16).map(|_| {
            admin
                .get(format!("{}/api/v1/admin/antrian", app.url))
                .send()
        }))
        .await;
        assert!(
            jawab.iter().all(|r| r.as_ref().unwrap().status() == 200),
            "{backend:?}"
        );
        let [(data, _)] = baris_sesi(&app).await.try_into().unwrap();
        let data: serde_json::Value = serde_json::from_str(&data).unwrap();
        assert!(
            data["disentuh"].as_i64().unwrap() >= lama + 120,
            "{backend:?}: touched: {data}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn the_operator_scrapes_metrics_with_its_token_only_and_no_link_reaches_them() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| {
            k.metrics_token = Some("token-metrik-uji-2026".to_string().into());
        })
        .await;
        let k = klien();
        assert_eq!(
            k.get(format!("{}/registri", app.url))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        // One Data Awal waits on the desk.
        app.smtp.mulai();
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (s, _) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIMETRIK", true),
            )
            .await;
        assert_eq!(s, 201);
        // A link with a secret in it is counted under its route pattern only.
        k.get(format!("{}/aktivasi/rahasiadalamtautan", app.url))
            .send()
            .await
            .unwrap();
        let ambil = |token: Option<&str>| {
            let mut r = klien().get(format!("{}/metrics", app.url));
            if let Some(t) = token {
                r = r.bearer_auth(t);
            }
            r.send()
        };
        assert_eq!(ambil(None).await.unwrap().status(), 401);
        assert_eq!(ambil(Some("salah")).await.unwrap().status(), 401);
        let r = ambil(Some("token-metrik-uji-2026")).await.unwrap();
        assert_eq!(r.status(), 200);
        let teks = r.text().await.unwrap();
        for baris in [
            "pse_http_permintaan_total{rute=\"/registri\",status=\"200\"}",
            "pse_http_durasi_detik_bucket{rute=\"/registri\"",
            "pse_outbox_surel{status=\"menunggu\"}",
            "pse_db_koneksi{keadaan=\"terbuka\"}",
            "pse_antrian{jenis=\"data-awal\",keadaan=\"menunggu\"} 1\n",
            "pse_antrian{jenis=\"data-awal\",keadaan=\"terlambat\"} 0\n",
        ] {
            assert!(teks.contains(baris), "{backend:?} {baris}: {teks}");
        }
        assert!(teks.contains("rute=\"/aktivasi/{token}\""), "{teks}");
        assert!(!teks.contains("rahasiadalamtautan"), "{teks}");
        app.selesai().await;
    }
    // Without a token set there is no metrics route.
    let app = jalankan(Backend::Sqlite).await;
    let r = klien()
        .get(format!("{}/metrics", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    app.selesai().await;
}
