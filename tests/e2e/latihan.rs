//! Fault drills on the real `pse-portal` binary and a PostgreSQL cluster of their own: a database
//! restart under writes and logged-in readers, a mail server down and then slow while the portal
//! is killed, SIGTERM with requests in flight, and 64 connections on seeded data. They are the operator's promises (docs/operasi.md) held in CI.

use pse_tests::latihan::{KlasterPg, PortalProses, biner_portal, perintah};
use pse_tests::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The settings every drill's portal runs with.
fn setelan(pg: &KlasterPg, dir: &std::path::Path) -> Vec<(&'static str, String)> {
    vec![
        ("DATABASE_URL", pg.url()),
        ("PSE_DATA_DIR", dir.display().to_string()),
        ("PSE_BATAS_PERCOBAAN_PER_MENIT", "100000".into()),
    ]
}

fn folder(nama: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pse-latihan-{nama}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// An admin made with the binary's own `admin create`, activated and logged in over HTTP.
async fn admin(biner: &std::path::Path, env: &[(&str, String)], url: &str) -> reqwest::Client {
    let keluaran = perintah(
        biner,
        env,
        &[
            "admin",
            "create",
            "--email",
            "drill@komdigi.go.id",
            "--nama",
            "Admin Latihan",
        ],
    );
    let token = keluaran
        .lines()
        .last()
        .and_then(|l| l.rsplit('/').next())
        .unwrap()
        .to_string();
    let k = klien();
    for (jalur, isi) in [
        (
            "/api/v1/aktivasi",
            json!({"token": token, "kata_sandi": "Latihan-Gangguan-2026"}),
        ),
        (
            "/api/v1/sesi",
            json!({"email": "drill@komdigi.go.id", "kata_sandi": "Latihan-Gangguan-2026"}),
        ),
    ] {
        let r = k
            .post(format!("{url}{jalur}"))
            .json(&isi)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{jalur}: {}", r.text().await.unwrap());
    }
    k
}

/// Drill 1: PostgreSQL stopped for five seconds under complaint writes and a logged-in admin's
/// reads. Every acknowledged write is there afterwards and no refused one is; the admin gets 503
/// (never 401, never 500) while it is down and the same session works once it is back.
#[tokio::test]
async fn drill_1_a_postgresql_restart_loses_no_acknowledged_write_and_logs_nobody_out() {
    let (Some(pg), Some(biner)) = (KlasterPg::mulai(), biner_portal()) else {
        return;
    };
    let dir = folder("restart");
    let mut env = setelan(&pg, &dir);
    // While the database is down a request waits a second for a connection, then is answered 503.
    env.push(("PSE_DB_TUNGGU_MS", "1000".into()));
    let portal = PortalProses::mulai(&biner, &env).await;
    let admin = admin(&biner, &env, &portal.url).await;
    let berhenti = Arc::new(AtomicBool::new(false));
    let penulis: Vec<_> = (0..4)
        .map(|w| {
            let (url, berhenti) = (portal.url.clone(), berhenti.clone());
            tokio::spawn(async move {
                let k = klien();
                let mut hasil = Vec::new();
                let mut i = 0;
                while !berhenti.load(Ordering::Relaxed) {
                    i += 1;
                    let r = k
                        .post(format!("{url}/api/v1/pengaduan"))
                        .json(&json!({"nama": "Warga", "email": "warga@contoh.go.id",
                            "kategori": "kendala_teknis", "uraian": format!("Latihan {w}-{i}")}))
                        .send()
                        .await
                        .unwrap();
                    let s = r.status().as_u16();
                    let v: Value = r.json().await.unwrap_or_default();
                    hasil.push((s, v));
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                hasil
            })
        })
        .collect();
    let pembaca = {
        let (url, berhenti, admin) = (portal.url.clone(), berhenti.clone(), admin.clone());
        tokio::spawn(async move {
            let mut status = BTreeMap::new();
            while !berhenti.load(Ordering::Relaxed) {
                let s = admin
                    .get(format!("{url}/api/v1/admin/pengaduan"))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                *status.entry(s).or_insert(0) += 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            status
        })
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    pg.matikan();
    tokio::time::sleep(Duration::from_secs(5)).await;
    pg.nyalakan();
    tokio::time::sleep(Duration::from_secs(3)).await;
    berhenti.store(true, Ordering::Relaxed);

    let mut diterima = Vec::new();
    let mut ditolak = 0;
    for p in penulis {
        for (s, v) in p.await.unwrap() {
            match s {
                201 => diterima.push(v),
                503 => ditolak += 1,
                lain => panic!("a write answered {lain}: {v}"),
            }
        }
    }
    let status = pembaca.await.unwrap();
    assert!(ditolak > 0, "the database was down while writing");
    assert!(
        status.keys().all(|s| *s == 200 || *s == 503) && status.contains_key(&503),
        "the logged-in admin saw only 200 and 503: {status:?}"
    );
    let k = klien();
    for v in &diterima {
        let r = k
            .get(format!(
                "{}/api/v1/pengaduan/{}?kode={}",
                portal.url,
                v["nomor"].as_str().unwrap(),
                v["kode"].as_str().unwrap()
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "an acknowledged write is there: {v}");
    }
    let r = admin
        .get(format!("{}/api/v1/admin/pengaduan?batas=1", portal.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "the session outlived the outage");
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["total"].as_u64(),
        Some(diterima.len() as u64),
        "no refused write was stored ({ditolak} refused)"
    );
    drop(portal);
    let _ = std::fs::remove_dir_all(dir);
}

/// Drill 2: the mail server is down for 30 seconds, then back but slow, and the portal is killed
/// (SIGKILL) while it sends. After a restart every email arrives, within a minute of the restart
/// (the killed sender's claims lapse after a minute) plus the slow server's own time, and an
/// email that arrived twice carries one Message-ID, so a mail system drops the copy.
#[tokio::test]
async fn drill_2_smtp_down_then_a_kill_while_sending_delivers_every_email_under_one_message_id() {
    const SUREL: usize = 20;
    const JEDA: Duration = Duration::from_millis(300);
    let (Some(pg), Some(biner)) = (KlasterPg::mulai(), biner_portal()) else {
        return;
    };
    let dir = folder("smtp");
    let smtp = pse_tests::smtp::KotakSurat::baru();
    let mut env = setelan(&pg, &dir);
    env.push(("PSE_SMTP_URL", format!("smtp://127.0.0.1:{}", smtp.port())));
    env.push(("PSE_SELANG_OUTBOX_MS", "200".into()));
    let portal = PortalProses::mulai(&biner, &env).await;
    let k = klien();
    let mut nomor = Vec::new();
    for i in 0..SUREL {
        let r = k
            .post(format!("{}/api/v1/pengaduan", portal.url))
            .json(&json!({"nama": "Warga", "email": "warga@contoh.go.id",
                "kategori": "kendala_teknis", "uraian": format!("Surel latihan {i}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        let v: Value = r.json().await.unwrap();
        nomor.push(v["nomor"].as_str().unwrap().to_string());
    }
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert!(smtp.semua().is_empty());
    smtp.mulai_lambat(JEDA);
    let mengirim = tunggu(Duration::from_secs(60), || {
        let n = smtp.semua().len();
        async move { (n >= 2).then_some(()) }
    })
    .await;
    assert!(
        mengirim.is_some(),
        "the portal sends once the mail server is back"
    );
    portal.sinyal("KILL");
    drop(portal);
    let terkirim_sebelum = smtp.semua().len();
    let dimulai_ulang = std::time::Instant::now();
    let portal = PortalProses::mulai(&biner, &env).await;
    let batas = Duration::from_secs(60) + JEDA * SUREL as u32 + Duration::from_secs(10);
    let semua = tunggu(batas, || {
        let surel = smtp.semua();
        let lengkap = nomor
            .iter()
            .all(|n| surel.iter().any(|s| s.subjek.contains(n.as_str())));
        async move { lengkap.then_some(()) }
    })
    .await;
    let surel = smtp.semua();
    assert!(
        semua.is_some(),
        "every email within {batas:?} of the restart: {} of {SUREL} numbers arrived",
        nomor
            .iter()
            .filter(|n| surel.iter().any(|s| s.subjek.contains(n.as_str())))
            .count()
    );
    eprintln!(
        "{terkirim_sebelum} terkirim sebelum SIGKILL; semua tiba {:?} setelah mulai ulang; {} pesan untuk {SUREL} surel",
        dimulai_ulang.elapsed(),
        surel.len()
    );
    for n in &nomor {
        let id: std::collections::BTreeSet<&str> = surel
            .iter()
            .filter(|s| s.subjek.contains(n.as_str()))
            .map(|s| s.message_id.as_str())
            .collect();
        assert_eq!(
            id.len(),
            1,
            "{n}: every copy carries one Message-ID: {id:?}"
        );
    }
    drop(portal);
    let _ = std::fs::remove_dir_all(dir);
}

/// One complaint sent over a raw connection whose body trickles in over `lama`: the request is
/// in flight all that time. Answers the status line's code, or what went wrong.
async fn pengaduan_lambat(alamat: &str, i: usize, lama: Duration) -> Result<u16, String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let isi = json!({"nama": "Warga", "email": "warga@contoh.go.id", "kategori": "kendala_teknis",
        "uraian": format!("Permintaan yang sedang berjalan {i}")})
    .to_string();
    let mut c = tokio::net::TcpStream::connect(alamat)
        .await
        .map_err(|e| e.to_string())?;
    let kepala = format!(
        "POST /api/v1/pengaduan HTTP/1.1\r\nHost: {alamat}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        isi.len()
    );
    c.write_all(kepala.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let potong = isi
        .as_bytes()
        .chunks(isi.len().div_ceil(10))
        .collect::<Vec<_>>();
    for p in &potong {
        c.write_all(p).await.map_err(|e| e.to_string())?;
        tokio::time::sleep(lama / potong.len() as u32).await;
    }
    let mut jawaban = String::new();
    c.read_to_string(&mut jawaban)
        .await
        .map_err(|e| e.to_string())?;
    jawaban
        .split_whitespace()
        .nth(1)
        .and_then(|k| k.parse().ok())
        .ok_or_else(|| format!("no answer: {jawaban:?}"))
}

/// Drill 3: SIGTERM with 24 requests in flight (each body still arriving for two more
/// seconds): every one is answered, then the process exits cleanly.
#[tokio::test]
async fn drill_3_sigterm_answers_every_request_in_flight() {
    let (Some(pg), Some(biner)) = (KlasterPg::mulai(), biner_portal()) else {
        return;
    };
    let dir = folder("sigterm");
    let mut portal = PortalProses::mulai(&biner, &setelan(&pg, &dir)).await;
    let alamat = portal.url.trim_start_matches("http://").to_string();
    let permintaan: Vec<_> = (0..24)
        .map(|i| {
            let alamat = alamat.clone();
            tokio::spawn(async move { pengaduan_lambat(&alamat, i, Duration::from_secs(3)).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    portal.sinyal("TERM");
    let mut jawaban = BTreeMap::new();
    let mut putus = Vec::new();
    for p in permintaan {
        match p.await.unwrap() {
            Ok(s) => *jawaban.entry(s).or_insert(0) += 1,
            Err(e) => putus.push(e),
        }
    }
    assert!(putus.is_empty(), "cut off: {putus:?}; answered {jawaban:?}");
    assert_eq!(jawaban.get(&201), Some(&24), "{jawaban:?}");
    assert_eq!(
        portal.tunggu_selesai(Duration::from_secs(60)).await,
        Some(0),
        "a clean exit after the drain"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Drill 4: 64 connections for `PSE_LATIHAN_DETIK` (30) seconds of mixed public reading on
/// seeded data: no 5xx.
#[tokio::test]
async fn drill_4_sixty_four_connections_on_seeded_data_answer_no_5xx() {
    let (Some(pg), Some(biner)) = (KlasterPg::mulai(), biner_portal()) else {
        return;
    };
    let dir = folder("beban");
    let env = setelan(&pg, &dir);
    perintah(&biner, &env, &["seed", "--sistem", "3000"]);
    let portal = PortalProses::mulai(&biner, &env).await;
    let detik: u64 = std::env::var("PSE_LATIHAN_DETIK")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(30);
    let v: Value = klien()
        .get(format!(
            "{}/api/v1/publik/sistem-elektronik?batas=1",
            portal.url
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let nomor = v["items"][0]["tanda_daftar"]["nomor"].as_u64().unwrap();
    let jalur = [
        "/api/v1/publik/sistem-elektronik".to_string(),
        "/api/v1/publik/sistem-elektronik?q=layanan".into(),
        "/registri".into(),
        "/api/v1/instansi?provinsi=65".into(),
        format!("/tanda-daftar/{nomor}"),
        "/".into(),
    ];
    let batas = std::time::Instant::now() + Duration::from_secs(detik);
    let pekerja: Vec<_> = (0..64)
        .map(|i| {
            let (url, jalur) = (portal.url.clone(), jalur.clone());
            tokio::spawn(async move {
                let k = reqwest::Client::new();
                let mut status = BTreeMap::new();
                let mut n = i;
                while std::time::Instant::now() < batas {
                    n += 1;
                    let s = match k
                        .get(format!("{url}{}", jalur[n % jalur.len()]))
                        .send()
                        .await
                    {
                        Ok(r) => r.status().as_u16(),
                        Err(_) => 0,
                    };
                    *status.entry(s).or_insert(0u64) += 1;
                }
                status
            })
        })
        .collect();
    let mut status = BTreeMap::new();
    for p in pekerja {
        for (s, n) in p.await.unwrap() {
            *status.entry(s).or_insert(0u64) += n;
        }
    }
    eprintln!("64 koneksi, {detik} detik: {status:?}");
    assert!(
        status.keys().all(|s| (200..500).contains(s)),
        "no 5xx and no dropped connection: {status:?}"
    );
    drop(portal);
    let _ = std::fs::remove_dir_all(dir);
}
