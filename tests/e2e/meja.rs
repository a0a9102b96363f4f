//! The admin's verification desk through HTTP, on both back ends: the queue page and the API read
//! one desk with the same filters (kind, overdue), decisions from a page and from the API go to
//! the owning service through it, and the service-level summary counts them.

use pse_tests::*;
use serde_json::Value;
use std::collections::HashMap;

/// Every item of the queue at `awal`, following `berikutnya`, and the total it announced.
async fn semua(app: &Aplikasi, admin: &reqwest::Client, saring: &str) -> (Vec<Value>, u64) {
    let mut items = Vec::new();
    let mut url = format!("/api/v1/admin/antrian?batas=100{saring}");
    loop {
        let (s, v) = app.get(admin, &url).await;
        assert_eq!(s, 200, "{v}");
        items.extend(v["items"].as_array().unwrap().iter().cloned());
        match v["berikutnya"].as_str() {
            Some(c) => url = format!("/api/v1/admin/antrian?batas=100{saring}&setelah={c}"),
            None => return (items, v["total"].as_u64().unwrap()),
        }
    }
}

#[tokio::test]
async fn r_se_13_page_and_api_filter_the_one_desk_by_kind_and_overdue() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aptika").await;
        let (s, v) = app
            .tambah_sub(&pejabat, &unit, "aptika@tarakankota.go.id")
            .await;
        assert_eq!(s, 201, "{v}");
        // Seeded systems entered the queue weeks ago: they are overdue; the Sub Pejabat is not.
        pse_portal::semai::sistem(&app.portal.layanan.store, 200, 5)
            .await
            .unwrap();

        let (semua_item, total) = semua(&app, &admin, "").await;
        assert_eq!(semua_item.len() as u64, total, "{backend:?}");
        let mut per_jenis: HashMap<String, u64> = HashMap::new();
        for i in &semua_item {
            *per_jenis
                .entry(i["jenis"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        assert!(per_jenis.len() >= 3, "{per_jenis:?}");
        for (jenis, n) in &per_jenis {
            let (v, t) = semua(&app, &admin, &format!("&jenis={jenis}")).await;
            assert_eq!((t, v.len() as u64), (*n, *n), "{backend:?} {jenis}");
            assert!(v.iter().all(|i| i["jenis"] == jenis.as_str()));
        }
        let terlambat = semua_item.iter().filter(|i| i["terlambat"] == true).count() as u64;
        let (v, t) = semua(&app, &admin, "&terlambat=1").await;
        assert_eq!((t, v.len() as u64), (terlambat, terlambat), "{backend:?}");
        assert!(terlambat > 0 && terlambat < total, "{terlambat} of {total}");
        assert!(v.iter().all(|i| i["terlambat"] == true));
        assert!(v.iter().all(|i| i["jenis"] != "sub-pejabat"));

        // The page reads the same desk with the same filters.
        let html = app.html(&admin, "/admin/antrian?jenis=sub-pejabat").await;
        assert!(
            html.contains("1 menunggu keputusan sesuai saringan")
                && html.contains("Sub aptika@tarakankota.go.id")
                && html.contains(r#"<option value="sub-pejabat" selected>"#),
            "{html}"
        );
        let html = app.html(&admin, "/admin/antrian?terlambat=1").await;
        assert!(
            html.contains(&format!("{terlambat} menunggu keputusan sesuai saringan")),
            "{html}"
        );
        let (s, v) = app.get(&admin, "/api/v1/admin/antrian?jenis=lain").await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (400, Some("jenis")),
            "{v}"
        );

        // One decision from a page, one from the API: both through the desk, both counted.
        let sub = semua_item
            .iter()
            .find(|i| i["jenis"] == "sub-pejabat")
            .unwrap();
        let r = admin
            .post(format!(
                "{}/admin/sub-pejabat/{}/setujui",
                app.url,
                sub["id"].as_str().unwrap()
            ))
            .form(&[("x", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{backend:?}");
        assert!(r.text().await.unwrap().contains("Sub Pejabat disetujui"));
        let data_awal = semua_item
            .iter()
            .find(|i| i["jenis"] == "data-awal")
            .unwrap();
        let (s, v) = app
            .post(
                &admin,
                &format!(
                    "/api/v1/admin/data-awal/{}/setujui",
                    data_awal["id"].as_str().unwrap()
                ),
                serde_json::json!({}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("pengisian")), "{v}");

        let (s, r) = app.get(&admin, "/api/v1/admin/antrian/ringkasan").await;
        assert_eq!(s, 200, "{r}");
        let baris = |jenis: &str| {
            r["jenis"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["jenis"] == jenis)
                .cloned()
                .unwrap()
        };
        let sub_r = baris("sub-pejabat");
        assert_eq!(
            (sub_r["terbuka"].as_u64(), sub_r["diputuskan"].as_u64()),
            (Some(0), Some(1)),
            "{r}"
        );
        assert!(sub_r["median_menit"].as_i64().unwrap() < 5, "{r}");
        let da = baris("data-awal");
        assert_eq!(da["diputuskan"].as_u64(), Some(1), "{r}");
        assert_eq!(
            da["terbuka"].as_u64(),
            Some(per_jenis["data-awal"] - 1),
            "{r}"
        );
        assert!(
            da["median_menit"].as_i64().unwrap() > 24 * 60,
            "a seeded Data Awal waited days: {r}"
        );
        assert_eq!(baris("perubahan-data")["median_menit"], Value::Null, "{r}");
        let html = app.html(&admin, "/admin/kinerja").await;
        assert!(
            html.contains("Kinerja layanan verifikasi")
                && html.contains("<svg role=\"img\"")
                && html.contains(&format!("{} menunggu keputusan", total - 2)),
            "{html}"
        );
        // The country's systems by status: every seeded one counted once.
        let jumlah: u64 = html
            .split(" sistem elektronik dari seluruh instansi")
            .next()
            .and_then(|t| t.rsplit(['>', ' ']).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(
            (200..=203).contains(&jumlah),
            "{backend:?}: {jumlah} in {html}"
        );
        assert!(
            html.contains("Sistem elektronik nasional per status"),
            "{html}"
        );

        // Only the admin reads the desk.
        assert_eq!(
            app.get(&pejabat, "/api/v1/admin/antrian/ringkasan").await.0,
            403
        );
        app.selesai().await;
    }
}

/// The desk as the admin uses it in Chromium: filter the queue by kind with the form, open the
/// service-level page from it, and read both at a phone's width without sideways scrolling.
#[tokio::test]
async fn r_se_13_the_admin_filters_the_queue_and_reads_the_summary_in_a_real_browser() {
    use pse_tests::peramban::{Peramban, klik, masuk, teks, tunggu};
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aptika").await;
        app.tambah_sub(&pejabat, &unit, "aptika@tarakankota.go.id")
            .await;
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let b = &peramban.klien;
        masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
        b.goto(&format!("{}/admin/antrian", app.url)).await.unwrap();
        assert!(teks(b).await.contains("2 menunggu keputusan."));
        b.find(fantoccini::Locator::Id("jenis"))
            .await
            .unwrap()
            .select_by_value("data-awal")
            .await
            .unwrap();
        klik(b, "form.cari button[type=submit]").await;
        tunggu(b, "a[href='/admin/antrian']").await;
        let t = teks(b).await;
        assert!(
            t.contains("1 menunggu keputusan sesuai saringan") && t.contains("SIPADU"),
            "{t}"
        );
        assert!(!t.contains("Sub aptika@tarakankota.go.id"), "{t}");
        let url = b.current_url().await.unwrap();
        assert!(url.as_str().contains("jenis=data-awal"), "{url}");

        klik(b, "a[href='/admin/kinerja']").await;
        tunggu(b, "figure.grafik svg").await;
        let t = teks(b).await;
        assert!(
            t.contains("Kinerja layanan verifikasi")
                && t.contains("Data Awal Sistem Elektronik")
                && t.contains("Sub Pejabat"),
            "{t}"
        );

        // At 390 px both pages fit the screen.
        b.set_window_size(390, 844).await.unwrap();
        for halaman in ["/admin/kinerja", "/admin/antrian?jenis=data-awal"] {
            b.goto(&format!("{}{halaman}", app.url)).await.unwrap();
            tunggu(b, "main").await;
            let lebar = b
                .execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                    vec![],
                )
                .await
                .unwrap();
            let lebih = b
                .execute(
                    "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).slice(0, 12).join(' | ');",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                lebar.as_i64(),
                Some(0),
                "{halaman} scrolls sideways at 390 px by {lebar}: {lebih}"
            );
        }
        peramban.selesai().await;
        app.selesai().await;
    }
}

/// The contract of the desk's history, held by every store alike: decisions counted per kind and
/// period, their durations read back sorted from any position.
async fn kontrak_riwayat(r: &dyn pse_kernel::RiwayatKeputusan, nama: &str) {
    use chrono::{Duration, TimeZone, Utc};
    use pse_kernel::{JenisAntrian, KeputusanTercatat};
    let t0 = Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0).single().unwrap();
    let catat = |jenis, menit_masuk: i64, menit_putus: i64| KeputusanTercatat {
        jenis,
        id: format!("{jenis:?}-{menit_masuk}"),
        masuk: t0 + Duration::minutes(menit_masuk),
        diputuskan: t0 + Duration::minutes(menit_putus),
        setuju: menit_masuk % 2 == 0,
    };
    // Data Awal decided after 50, 10, 30 and 90 minutes; one decision before the period.
    for (m, p) in [(0, 50), (5, 15), (10, 40), (20, 110)] {
        r.catat(&catat(JenisAntrian::DataAwal, m + 100, p + 100))
            .await
            .unwrap();
    }
    r.catat(&catat(JenisAntrian::DataAwal, 0, 5)).await.unwrap();
    r.catat(&catat(JenisAntrian::SubPejabat, 100, 160))
        .await
        .unwrap();
    let sejak = t0 + Duration::minutes(60);
    assert_eq!(
        r.jumlah(JenisAntrian::DataAwal, sejak).await.unwrap(),
        4,
        "{nama}"
    );
    assert_eq!(
        r.jumlah(JenisAntrian::PerubahanData, sejak).await.unwrap(),
        0,
        "{nama}"
    );
    assert_eq!(
        r.lama_terurut(JenisAntrian::DataAwal, sejak, 0, 10)
            .await
            .unwrap(),
        vec![600, 1800, 3000, 5400],
        "{nama}: sorted, the older decision left out"
    );
    assert_eq!(
        r.lama_terurut(JenisAntrian::DataAwal, sejak, 1, 2)
            .await
            .unwrap(),
        vec![1800, 3000],
        "{nama}: the middle two"
    );
    assert_eq!(
        r.lama_terurut(JenisAntrian::SubPejabat, sejak, 0, 5)
            .await
            .unwrap(),
        vec![3600],
        "{nama}"
    );
}

#[tokio::test]
async fn r_se_13_the_desk_history_keeps_one_contract_in_memory_and_on_both_databases() {
    kontrak_riwayat(&store_memori::StoreMemori::new(), "memori").await;
    for backend in backends() {
        let app = jalankan(backend).await;
        kontrak_riwayat(&app.portal.layanan.store, &format!("{backend:?}")).await;
        app.selesai().await;
    }
}
