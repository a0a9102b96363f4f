//! Lists at national scale: keyset paging through the whole public registry (API and page),
//! bounded paging parameters, search through the trigram index, and the report read along the
//! name index, on seeded data, on both back ends.

use pse_tests::*;
use serde_json::Value;
use std::collections::HashSet;

const SISTEM: usize = 600;

async fn semai(app: &Aplikasi) {
    let n = pse_portal::semai::sistem(&app.portal.layanan.store, SISTEM, 11)
        .await
        .unwrap();
    assert_eq!(n, SISTEM);
}

/// Every item of a list, following `berikutnya` from `awal`.
async fn semua(app: &Aplikasi, awal: &str) -> (Vec<Value>, u64, usize) {
    let k = klien();
    let (s, mut v) = app.get(&k, awal).await;
    assert_eq!(s, 200, "{v}");
    let total = v["total"].as_u64().unwrap();
    let mut items = Vec::new();
    let mut halaman = 1;
    loop {
        items.extend(v["items"].as_array().unwrap().iter().cloned());
        let Some(c) = v["berikutnya"].as_str().map(String::from) else {
            break;
        };
        let (s, w) = app.get(&k, &format!("{awal}&setelah={c}")).await;
        assert_eq!((s, &w["page"]), (200, &Value::Null), "{w}");
        assert_eq!(w["total"].as_u64(), Some(total));
        v = w;
        halaman += 1;
    }
    (items, total, halaman)
}

fn kunci(v: &Value) -> (String, String) {
    (
        v["nama_eksternal"].as_str().unwrap().to_string(),
        v["id"].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn r_se_12_the_public_registry_pages_by_cursor_to_its_end() {
    for backend in backends() {
        let app = jalankan(backend).await;
        semai(&app).await;
        let daftar = "/api/v1/publik/sistem-elektronik?batas=100";
        let (items, total, halaman) = semua(&app, daftar).await;

        // Every published registered system once, in the order (name, id), and nothing else.
        assert_eq!(items.len() as u64, total);
        assert!(total > 300 && total < SISTEM as u64, "{total}");
        assert_eq!(halaman as u64, total.div_ceil(100));
        let ids: HashSet<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), items.len());
        let urut: Vec<_> = items.iter().map(kunci).collect();
        // The store orders by its collation; it must agree with itself page after page.
        assert!(items.iter().all(|i| i["tanda_daftar"]["nomor"].is_u64()));

        // The first pages by number are the same pages as by cursor.
        let (s, p2) = app.get(&klien(), &format!("{daftar}&page=2")).await;
        assert_eq!((s, p2["page"].as_u64()), (200, Some(2)), "{p2}");
        let p2: Vec<_> = p2["items"].as_array().unwrap().iter().map(kunci).collect();
        assert_eq!(p2, urut[100..200]);

        // Search goes through the trigram index and finds exactly the names holding the word.
        let (hasil, n, _) = semua(
            &app,
            "/api/v1/publik/sistem-elektronik?batas=100&q=GeoSpasial",
        )
        .await;
        let harapan = urut
            .iter()
            .filter(|(nama, _)| nama.to_lowercase().contains("geospasial"))
            .count();
        assert!(harapan > 0);
        assert_eq!((hasil.len(), n as usize), (harapan, harapan));
        let (_, v) = app
            .get(
                &klien(),
                "/api/v1/publik/sistem-elektronik?q=zz%25_tidak-ada",
            )
            .await;
        assert_eq!(v["total"], 0, "{v}");

        // Paging parameters out of range are 400 with the field, never 500.
        for (q, field) in [
            ("page=18446744073709551615", "page"),
            ("page=0", "page"),
            ("page=21", "page"),
            ("page=19&batas=100", "page"),
            ("batas=101", "batas"),
            ("batas=0", "batas"),
            ("setelah=bukan-penanda", "setelah"),
            ("page=2&setelah=00", "setelah"),
        ] {
            let (s, v) = app
                .get(&klien(), &format!("/api/v1/publik/sistem-elektronik?{q}"))
                .await;
            assert_eq!(
                (s, v["errors"][0]["field"].as_str()),
                (400, Some(field)),
                "{q}: {v}"
            );
        }

        // Lists paged by number only stop at page 20 too.
        for path in [
            "/api/v1/instansi?page=18446744073709551615",
            "/api/v1/instansi?page=0",
        ] {
            let (s, v) = app.get(&klien(), path).await;
            assert_eq!(
                (s, v["errors"][0]["field"].as_str()),
                (400, Some("page")),
                "{path}: {v}"
            );
        }

        // The page follows the same cursor; a page number out of range is a clear 400 page.
        let k = klien();
        let html = app.html(&k, "/registri").await;
        let lanjut = html
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.contains("setelah="))
            .expect("a Berikutnya link")
            .replace("&#38;", "&")
            .replace("&amp;", "&");
        let r = k.get(format!("{}{lanjut}", app.url)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let kedua = r.text().await.unwrap();
        assert!(kedua.contains("Halaman pertama"), "{kedua}");
        let nomor = items[50]["tanda_daftar"]["nomor"].as_u64().unwrap();
        assert!(
            kedua.contains(&format!("/tanda-daftar/{nomor}\"")),
            "the 51st opens page two"
        );
        let r = k
            .get(format!("{}/registri?page=18446744073709551615", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);

        // Totals are kept a short while, but a system registered through the portal shows at once.
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("Zzz Sistem Baru", true),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/data-awal/{id}/setujui"),
                serde_json::json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let (_, v) = app.get(&klien(), daftar).await;
        assert_eq!(
            v["total"].as_u64(),
            Some(total),
            "still {total} until registered"
        );
        let (s, v) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(s, 200, "{v}");
        let (_, v) = app.get(&klien(), daftar).await;
        assert_eq!(v["total"].as_u64(), Some(total + 1), "{v}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_lap_03_a_report_longer_than_one_read_batch_holds_every_system_once_by_name() {
    for backend in backends() {
        let app = jalankan(backend).await;
        // More than one batch of the report's keyset read (a thousand systems).
        pse_portal::semai::sistem(&app.portal.layanan.store, 2300, 5)
            .await
            .unwrap();
        // A common word (matched by many names, never by the seeded internal names) takes the
        // other search path on SQLite: the same answers, every page.
        let (semua_publik, n, _) = semua(&app, "/api/v1/publik/sistem-elektronik?batas=100").await;
        let (umum, m, _) = semua(&app, "/api/v1/publik/sistem-elektronik?batas=100&q=an").await;
        let harapan: Vec<_> = semua_publik
            .iter()
            .map(kunci)
            .filter(|(nama, _)| nama.to_lowercase().contains("an"))
            .collect();
        assert!(
            harapan.len() >= 500 && (n as usize) > harapan.len(),
            "{}",
            harapan.len()
        );
        let didapat: Vec<_> = umum.iter().map(kunci).collect();
        assert!(
            didapat == harapan,
            "{} found, {} expected",
            didapat.len(),
            harapan.len()
        );
        assert_eq!(m as usize, harapan.len());

        let admin = app.admin().await;
        let (s, v) = app
            .post(
                &admin,
                "/api/v1/laporan",
                serde_json::json!({"nama": "Semua sistem", "kolom": ["nama_eksternal", "nama_internal"]}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let r = admin
            .get(format!(
                "{}/api/v1/laporan/{}/unduh",
                app.url,
                v["id"].as_str().unwrap()
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let panjang = r.content_length();
        let isi = r.bytes().await.unwrap();
        assert_eq!(panjang, Some(isi.len() as u64), "streamed with its length");
        let lembar = &pse_tests::xlsx::baca(&isi)[0].1;
        assert_eq!(lembar.len(), 2300 + 1, "the header and one row per system");
        // Internal names are unique per seeded system: none is missing or repeated.
        let internal: HashSet<&str> = lembar[1..].iter().map(|b| b[1].as_str()).collect();
        assert_eq!(internal.len(), 2300);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_se_11_a_pejabat_pages_through_its_instansi_newest_first() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (_, saya) = app.get(&pejabat, "/api/v1/saya").await;
        let tarakan: pse_kernel::InstansiId =
            saya["instansi"]["id"].as_str().unwrap().parse().unwrap();
        pse_portal::semai::sistem_instansi(&app.portal.layanan.store, &[tarakan], 130, 3)
            .await
            .unwrap();
        // Other instansi's systems are never in the list.
        semai(&app).await;

        let (s, v) = app
            .get(&pejabat, "/api/v1/sistem-elektronik?batas=50")
            .await;
        assert_eq!(
            (s, v["total"].as_u64(), v["page"].as_u64()),
            (200, Some(130), Some(1)),
            "{v}"
        );
        let mut items: Vec<Value> = v["items"].as_array().unwrap().clone();
        let mut c = v["berikutnya"].as_str().map(String::from);
        while let Some(k) = c {
            let (s, w) = app
                .get(
                    &pejabat,
                    &format!("/api/v1/sistem-elektronik?batas=50&setelah={k}"),
                )
                .await;
            assert_eq!(s, 200, "{w}");
            items.extend(w["items"].as_array().unwrap().iter().cloned());
            c = w["berikutnya"].as_str().map(String::from);
        }
        let ids: HashSet<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!((items.len(), ids.len()), (130, 130));

        // A cursor of another list, or made up, is a clear 400.
        let (s, v) = app
            .get(&pejabat, "/api/v1/sistem-elektronik?setelah=61621f6362")
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (400, Some("setelah")),
            "{v}"
        );

        // The page shows fifty, counts all by status, and links the next fifty.
        let html = app.html(&pejabat, "/sistem-elektronik").await;
        assert!(html.contains("130 sistem elektronik"), "{html}");
        assert!(html.contains("/sistem-elektronik?setelah="), "{html}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_se_13_the_admin_pages_through_the_whole_queue_oldest_first() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aptika").await;
        let (s, v) = app
            .tambah_sub(&pejabat, &unit, "aptika@tarakankota.go.id")
            .await;
        assert_eq!(s, 201, "{v}");
        semai(&app).await;

        let mut items: Vec<Value> = Vec::new();
        let mut awal = "/api/v1/admin/antrian?batas=10".to_string();
        let total = loop {
            let (s, v) = app.get(&admin, &awal).await;
            assert_eq!(s, 200, "{v}");
            assert!(v["items"].as_array().unwrap().len() <= 10);
            items.extend(v["items"].as_array().unwrap().iter().cloned());
            match v["berikutnya"].as_str() {
                Some(c) => awal = format!("/api/v1/admin/antrian?batas=10&setelah={c}"),
                None => break v["total"].as_u64().unwrap(),
            }
        };
        // Data Awal and submitted forms (about a tenth of the seeded systems) and the sub pejabat.
        assert!(total > 30, "{total}");
        assert_eq!(items.len() as u64, total);
        let ids: HashSet<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), items.len());
        let masuk: Vec<chrono::DateTime<chrono::Utc>> = items
            .iter()
            .map(|i| i["masuk_antrian_pada"].as_str().unwrap().parse().unwrap())
            .collect();
        assert!(masuk.windows(2).all(|w| w[0] <= w[1]), "oldest first");
        let jenis: HashSet<&str> = items.iter().map(|i| i["jenis"].as_str().unwrap()).collect();
        assert!(
            jenis.contains("sub-pejabat")
                && jenis.contains("data-awal")
                && jenis.contains("sistem-elektronik"),
            "{jenis:?}"
        );

        // The page reads the same queue.
        let html = app.html(&admin, "/admin/antrian").await;
        assert!(
            html.contains(&format!("{total} menunggu keputusan")),
            "{html}"
        );
        let (s, v) = app.get(&admin, "/api/v1/admin/antrian?page=2").await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (400, Some("page")),
            "{v}"
        );
        let (s, v) = app.get(&admin, "/api/v1/admin/audit?page=21").await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (400, Some("page")),
            "{v}"
        );
        let r = admin
            .get(format!("{}/admin/audit?page=18446744073709551615", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        app.selesai().await;
    }
}

#[tokio::test]
async fn reports_are_written_in_a_bounded_pool_and_a_full_one_is_503_never_a_pile() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| {
            k.ekspor_paralel = Some(1);
            k.ekspor_tunggu_ms = 200;
        })
        .await;
        let admin = app.admin().await;
        let (s, v) = app
            .post(
                &admin,
                "/api/v1/laporan",
                serde_json::json!({"nama": "Antre", "kolom": ["nama_eksternal"]}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let unduh = format!(
            "{}/api/v1/laporan/{}/unduh",
            app.url,
            v["id"].as_str().unwrap()
        );
        let halaman = format!("{}/laporan/{}/unduh", app.url, v["id"].as_str().unwrap());
        // The only slot is taken, as by another report being written.
        let tahan = app.portal.layanan.ekspor.izin().await.unwrap();
        for url in [
            &unduh,
            &halaman,
            &format!("{}/api/v1/admin/laporan/rekap", app.url),
        ] {
            let r = admin.get(url).send().await.unwrap();
            assert_eq!(r.status(), 503, "{url}");
            assert!(r.headers().contains_key("retry-after"), "{url}");
        }
        drop(tahan);
        let r = admin.get(&unduh).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let lembar = &pse_tests::xlsx::baca(&r.bytes().await.unwrap())[0].1;
        assert_eq!(lembar[0], ["Nama Sistem Elektronik"]);
        app.selesai().await;
    }
}

#[tokio::test]
async fn a_saturated_pool_is_answered_503_with_retry_after_never_500() {
    use sea_orm::TransactionTrait;
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| {
            k.db_pool = Some(1);
            k.db_tunggu_ms = 300;
        })
        .await;
        // The only connection is held, as by a long request.
        let tahan = app.portal.layanan.store.koneksi().begin().await.unwrap();
        for path in [
            "/api/v1/publik/sistem-elektronik?q=penuh",
            "/registri?q=penuh",
        ] {
            let r = klien()
                .get(format!("{}{path}", app.url))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 503, "{path}");
            assert_eq!(
                r.headers().get("retry-after").and_then(|v| v.to_str().ok()),
                Some("5"),
                "{path}"
            );
            assert!(
                r.text().await.unwrap().contains("sebentar tidak tersedia"),
                "{path}"
            );
        }
        tahan.rollback().await.unwrap();
        let (s, v) = app
            .get(&klien(), "/api/v1/publik/sistem-elektronik?q=penuh")
            .await;
        assert_eq!(s, 200, "{v}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_lap_02_the_stores_flat_report_rows_equal_what_the_domain_reads_from_each_system() {
    use laporan::model::{FilterLaporan, SistemLaporan};
    use laporan::ports::LaporanRepo;
    use pse_kernel::{Kursor, Lingkup};
    use sistem_elektronik::ports::SistemRepo;
    for backend in backends() {
        let app = jalankan(backend).await;
        pse_portal::semai::sistem(&app.portal.layanan.store, 400, 13)
            .await
            .unwrap();
        let store = &app.portal.layanan.store;
        let mut setelah: Option<Kursor> = None;
        let mut dibanding = 0;
        let (mut lokasi, mut pj, mut td) = (0, 0, 0);
        loop {
            let baris = LaporanRepo::sistem(
                store,
                Lingkup::Semua,
                &FilterLaporan::default(),
                setelah.as_ref(),
                150,
            )
            .await
            .unwrap();
            for b in &baris {
                let s = SistemRepo::sistem(store, b.id).await.unwrap().unwrap();
                let dari_agregat =
                    SistemLaporan::dari(&s, b.instansi.clone(), b.unit.clone(), b.provinsi.clone());
                assert_eq!(b, &dari_agregat, "{backend:?}: {}", b.nama_eksternal);
                assert!(!b.instansi.is_empty(), "{backend:?}: an instansi name");
                dibanding += 1;
                lokasi += usize::from(b.lokasi_hosting.is_some());
                pj += usize::from(b.penanggung_jawab.is_some());
                td += usize::from(b.tanda_daftar.is_some());
            }
            let Some(akhir) = baris.last() else { break };
            setelah = Some(Kursor {
                kunci: akhir.nama_eksternal.clone(),
                id: akhir.id.to_string(),
            });
        }
        assert_eq!(dibanding, 400, "{backend:?}");
        assert!(
            lokasi > 0 && pj > 0 && td > 0,
            "the JSON fields were read: {lokasi} {pj} {td}"
        );
        app.selesai().await;
    }
}
