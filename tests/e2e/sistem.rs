//! Sistem Elektronik through the API, from Data Awal to the Tanda Daftar and the public registry,
//! as a pejabat, the admin, another instansi and an anonymous visitor would try it.

use pse_tests::*;
use serde_json::{Value, json};

#[tokio::test]
async fn r_se_09_from_data_awal_to_tanda_daftar_and_the_public_registry() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| {
            k.bssn_email = Some("pse@bssn.go.id".into());
        })
        .await;
        app.smtp.mulai();
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;

        // R-SE-02: an online system needs a URL, an offline one does not.
        let mut tanpa_url = data_awal("SIPADU", true);
        tanpa_url["url"] = json!("");
        let (s, v) = app
            .post(&pejabat, "/api/v1/sistem-elektronik", tanpa_url.clone())
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("url")),
            "{v}"
        );
        let mut offline = tanpa_url.clone();
        offline["kategori_akses"] = json!("offline");
        offline["nama_eksternal"] = json!("Arsip Internal");
        offline["publikasi_spbe"] = json!(false);
        let (s, v) = app
            .post(&pejabat, "/api/v1/sistem-elektronik", offline)
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (201, Some("data_awal_diajukan")),
            "{v}"
        );
        let arsip = v["id"].as_str().unwrap().to_string();

        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let sistem = format!("/api/v1/sistem-elektronik/{id}");

        // R-SE-03: no section before the Data Awal is approved.
        let (bagian, isi) = isian_bagian().remove(0);
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/bagian/{bagian}"), isi.clone())
            .await;
        assert_eq!(s, 409, "{v}");
        assert!(v["detail"].as_str().unwrap().contains("Data Awal"), "{v}");

        // The admin's queue holds both, oldest first, with a due time.
        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        let items = antrian["items"].as_array().unwrap();
        let urut: Vec<&str> = items
            .iter()
            .filter(|i| i["jenis"] == "data-awal")
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(urut, [arsip.as_str(), id.as_str()]);
        assert!(
            items
                .iter()
                .all(|i| i["tenggat"].is_string() && i["terlambat"] == false)
        );

        // Rejected Data Awal is corrected and sent again, then approved.
        let (s, v) = app
            .post(&admin, &format!("/api/v1/admin/data-awal/{id}/tolak"), json!({"kategori_alasan": "data_tidak_valid", "catatan": "Keterangan terlalu singkat."}))
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("data_awal_ditolak")),
            "{v}"
        );
        let surel = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "perlu diperbaiki")
            .await;
        assert!(
            surel.teks.contains("Keterangan terlalu singkat."),
            "{}",
            surel.teks
        );
        let mut perbaikan = data_awal("SIPADU", true);
        perbaikan["keterangan"] =
            json!("Sistem Informasi Pelayanan Terpadu bagi warga Kota Tarakan.");
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/data-awal"), perbaikan)
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("data_awal_diajukan")),
            "{v}"
        );
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/data-awal/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("pengisian")), "{v}");
        app.smtp
            .tunggu("budi@tarakankota.go.id", "disetujui: lengkapi formulir")
            .await;

        // R-SE-04: an invalid value names its field; nothing is stored.
        let mut salah = isi.clone();
        salah["tanggal_operasi"] = json!("kemarin");
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/bagian/{bagian}"), salah)
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("tanggal_operasi")),
            "{v}"
        );
        let (_, v) = app.get(&pejabat, &sistem).await;
        assert_eq!(
            (v["progres"].as_u64(), v["bagian"][0]["lengkap"].as_bool()),
            (Some(0), Some(false))
        );

        // Every list and text has a maximum, in drafts too (R-X-02: nothing unbounded is stored).
        let mut banyak = isi.clone();
        banyak["jenis_layanan"] = json!(vec!["perizinan"; 51]);
        for jalur in [
            format!("{sistem}/bagian/{bagian}"),
            format!("{sistem}/bagian/{bagian}/draf"),
        ] {
            let (s, v) = app.put(&pejabat, &jalur, banyak.clone()).await;
            assert_eq!(
                (s, v["errors"][0]["field"].as_str()),
                (422, Some("jenis_layanan")),
                "{jalur}: {v}"
            );
        }

        // R-SE-07: what was typed can be kept as a draft; the part is then "sedang diisi".
        let mut setengah = json!({"tanggal_operasi": "kemarin", "fungsi": "Layanan terpadu"});
        let (s, v) = app
            .put(
                &pejabat,
                &format!("{sistem}/bagian/{bagian}/draf"),
                setengah.clone(),
            )
            .await;
        assert_eq!(
            (s, v["bagian"][0]["status"].as_str(), v["progres"].as_u64()),
            (200, Some("sedang_diisi"), Some(0)),
            "{v}"
        );
        assert_eq!(v["bagian"][0]["draf"], setengah);
        setengah["fungsi"] = json!("x".repeat(2001));
        let (s, v) = app
            .put(
                &pejabat,
                &format!("{sistem}/bagian/{bagian}/draf"),
                setengah,
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("fungsi")),
            "{v}"
        );

        // R-SE-06: a non-PDF document is refused.
        let (s, v) = app
            .unggah_dokumen(&pejabat, &id, "sop.pdf", b"<html>bukan pdf</html>".to_vec())
            .await;
        assert_eq!(s, 415, "{v}");

        // R-SE-07: submit below 100% is refused.
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/bagian/{bagian}"), isi)
            .await;
        assert_eq!((s, v["progres"].as_u64()), (200, Some(10)), "{v}");
        assert_eq!(
            (v["bagian"][0]["status"].as_str(), &v["bagian"][0]["draf"]),
            (Some("lengkap"), &json!(null)),
            "a full save ends the draft: {v}"
        );
        let (s, v) = app
            .post(
                &pejabat,
                &format!("{sistem}/ajukan"),
                json!({"pernyataan": true}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        assert!(v["detail"].as_str().unwrap().contains("100%"), "{v}");

        // R-SE-05: A B B B A B B A B C → 28, tinggi; the declared `rendah` differs.
        app.lengkapi_sistem(&pejabat, &id).await;
        let (_, v) = app.get(&pejabat, &sistem).await;
        assert_eq!(v["progres"], 100);
        assert_eq!(v["penilaian_kategori"]["skor"], 28);
        assert_eq!(v["penilaian_kategori"]["kategori"], "tinggi");
        assert_eq!(v["kategori_berbeda"], true);
        // R-SE-07: at 100%, the pejabat declares what was filled in true; without it nothing
        // is submitted and the field is named.
        for tanpa in [
            json!({}),
            json!({"pernyataan": false}),
            json!({"pernyataan": null}),
        ] {
            let (s, v) = app.post(&pejabat, &format!("{sistem}/ajukan"), tanpa).await;
            assert_eq!(
                (s, v["errors"][0]["field"].as_str()),
                (422, Some("pernyataan")),
                "{v}"
            );
        }
        let (_, v) = app.get(&pejabat, &sistem).await;
        assert_eq!(v["status"], "pengisian", "nothing submitted: {v}");
        let (s, v) = app
            .post(
                &pejabat,
                &format!("{sistem}/ajukan"),
                json!({"pernyataan": true}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("diajukan")), "{v}");

        // Locked after submit.
        let (s, v) = app
            .put(
                &pejabat,
                &format!("{sistem}/bagian/helpdesk"),
                isian_bagian()[7].1.clone(),
            )
            .await;
        assert_eq!(s, 409, "{v}");

        // Returned with a reason → unlocked → edited → submitted again.
        let (s, v) = app
            .post(&admin, &format!("/api/v1/admin/sistem-elektronik/{id}/tolak"), json!({"kategori_alasan": "data_tidak_valid", "catatan": "Lengkapi jam layanan helpdesk."}))
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("dikembalikan")),
            "{v}"
        );
        let surel = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "dikembalikan")
            .await;
        assert!(
            surel.teks.contains("Lengkapi jam layanan helpdesk."),
            "{}",
            surel.teks
        );
        let mut helpdesk = isian_bagian()[7].1.clone();
        helpdesk["jam_layanan"] = json!("Senin-Jumat 08.00-16.00, Sabtu 08.00-12.00");
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/bagian/helpdesk"), helpdesk)
            .await;
        assert_eq!(s, 200, "{v}");
        let (s, _) = app
            .post(
                &pejabat,
                &format!("{sistem}/ajukan"),
                json!({"pernyataan": true}),
            )
            .await;
        assert_eq!(s, 200);

        // The admin reads everything and opens the document.
        let (s, v) = app.get(&admin, &sistem).await;
        assert_eq!(s, 200);
        let sha = v["dokumen"][0]["sha256"].as_str().unwrap();
        let r = admin
            .get(format!("{}{sistem}/dokumen/{sha}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.bytes().await.unwrap().starts_with(b"%PDF-"));

        // Approved → terdaftar with a Tanda Daftar; BSSN is told the result.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sistem-elektronik/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("terdaftar")), "{v}");
        let nomor = v["tanda_daftar"]["nomor"].as_u64().unwrap();
        assert_eq!(nomor, 1);
        assert_eq!(
            v["tanda_daftar"]["url_verifikasi"],
            format!("{}/tanda-daftar/1", app.url)
        );
        let bssn = app
            .smtp
            .tunggu("pse@bssn.go.id", "Hasil penilaian kategori")
            .await;
        assert!(
            bssn.teks.contains("SIPADU")
                && bssn.teks.contains("28")
                && bssn.teks.to_lowercase().contains("tinggi"),
            "{}",
            bssn.teks
        );
        app.smtp
            .tunggu("budi@tarakankota.go.id", "Tanda Daftar SIPADU terbit")
            .await;

        // R-SE-09: the public verification of the number, and of one that does not exist.
        let anon = klien();
        let (s, v) = app.get(&anon, "/api/v1/publik/tanda-daftar/1").await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["nama_eksternal"], "SIPADU");
        assert_eq!(v["url"], "https://sipadu.tarakankota.go.id");
        assert_eq!(v["kategori_akses"], "online");
        assert!(v["instansi"].as_str().unwrap().contains("Tarakan"), "{v}");
        let (s, v) = app.get(&anon, "/api/v1/publik/tanda-daftar/999").await;
        assert_eq!(s, 404);
        assert!(
            v["detail"].as_str().unwrap().contains("tidak terdaftar"),
            "{v}"
        );

        // R-SE-12: the registry finds the published system by name; an unpublished one never shows.
        let (s, v) = app
            .get(&anon, "/api/v1/publik/sistem-elektronik?q=sipadu")
            .await;
        assert_eq!((s, v["total"].as_u64()), (200, Some(1)), "{v}");
        assert_eq!(v["items"][0]["tanda_daftar"]["nomor"], 1);
        assert_eq!(
            (&v["items"][0]["instansi"], &v["items"][0]["provinsi"]),
            (&json!("Pemerintah Kota Tarakan"), &json!("65")),
            "{backend:?}: the instansi read in the page's statement"
        );
        let (_, v) = app
            .get(
                &anon,
                "/api/v1/publik/sistem-elektronik?kategori=tinggi&provinsi=65",
            )
            .await;
        assert_eq!(v["total"], 1, "{v}");
        let (_, v) = app
            .get(&anon, "/api/v1/publik/sistem-elektronik?kategori=rendah")
            .await;
        assert_eq!(v["total"], 0, "{v}");

        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("Rahasia Internal", false),
            )
            .await;
        assert_eq!(s, 201);
        let rahasia = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/data-awal/{rahasia}/setujui"),
            json!({}),
        )
        .await;
        let (s, v) = app.lengkapi_dan_setujui(&admin, &pejabat, &rahasia).await;
        assert_eq!(
            (s, v["tanda_daftar"]["nomor"].as_u64()),
            (200, Some(2)),
            "sequential: {v}"
        );
        let (_, v) = app.get(&anon, "/api/v1/publik/sistem-elektronik").await;
        assert_eq!(v["total"], 1, "only the published one: {v}");
        assert!(!v.to_string().contains("Rahasia Internal"));
        let (s, _) = app.get(&anon, "/api/v1/publik/tanda-daftar/2").await;
        assert_eq!(
            s, 200,
            "a Tanda Daftar is verifiable even when the system is not listed"
        );

        // Locked for good once registered.
        let (s, _) = app
            .put(
                &pejabat,
                &format!("{sistem}/bagian/helpdesk"),
                isian_bagian()[7].1.clone(),
            )
            .await;
        assert_eq!(s, 409);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_se_11_another_instansi_and_the_sub_pejabat_see_only_their_own() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        assert_eq!(s, 201);
        let id = v["id"].as_str().unwrap().to_string();

        let bulungan = app.instansi("kabupaten%20bulungan").await;
        let lain = app
            .pejabat(
                &admin,
                "sari@bulungankab.go.id",
                "baru",
                &bulungan,
                "Rahasia-Sekali-2026",
            )
            .await;
        for path in [
            format!("/api/v1/sistem-elektronik/{id}"),
            format!("/api/v1/sistem-elektronik/{id}/tanda-daftar.svg"),
        ] {
            let (s, _) = app.get(&lain, &path).await;
            assert_eq!(s, 404, "{path}");
        }
        let (s, _) = app
            .put(
                &lain,
                &format!("/api/v1/sistem-elektronik/{id}/data-awal"),
                data_awal("X", true),
            )
            .await;
        assert_eq!(s, 404);
        let (s, _) = app
            .post(
                &lain,
                &format!("/api/v1/sistem-elektronik/{id}/ajukan"),
                json!({}),
            )
            .await;
        assert_eq!(s, 404);
        let (_, v) = app.get(&lain, "/api/v1/sistem-elektronik").await;
        assert_eq!(v["total"], 0, "{v}");

        // A sub pejabat registers for its own unit and sees only that unit's systems.
        let unit = app.unit(&pejabat, "Dinas Kesehatan").await;
        let (_, sub) = app
            .sub_pejabat(&admin, &pejabat, &unit, "rina@tarakankota.go.id")
            .await;
        let (_, v) = app.get(&sub, "/api/v1/sistem-elektronik").await;
        assert_eq!(
            v["total"], 0,
            "the instansi-level system is not the unit's: {v}"
        );
        let (s, _) = app
            .get(&sub, &format!("/api/v1/sistem-elektronik/{id}"))
            .await;
        assert_eq!(s, 404);
        let (s, v) = app
            .post(&sub, "/api/v1/sistem-elektronik", data_awal("SIMPUS", true))
            .await;
        assert_eq!(
            (s, v["unit_id"].as_str()),
            (201, Some(unit.as_str())),
            "{v}"
        );
        let (_, v) = app.get(&pejabat, "/api/v1/sistem-elektronik").await;
        assert_eq!(
            v["total"], 2,
            "the pejabat sees every system of its instansi: {v}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_se_09_trustmark_holds_a_qr_code_to_the_verification_page() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (_, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        let id = v["id"].as_str().unwrap().to_string();
        let unduh = |jenis: &'static str| {
            let url = format!(
                "{}/api/v1/sistem-elektronik/{id}/tanda-daftar.{jenis}",
                app.url
            );
            let k = pejabat.clone();
            async move {
                let r = k.get(url).send().await.unwrap();
                let jenis = r
                    .headers()
                    .get("content-type")
                    .map(|h| h.to_str().unwrap().to_string());
                (
                    r.status().as_u16(),
                    jenis,
                    r.bytes().await.unwrap().to_vec(),
                )
            }
        };
        let (s, _, isi) = unduh("svg").await;
        assert_eq!(
            s,
            409,
            "no trustmark before registration: {}",
            String::from_utf8_lossy(&isi)
        );

        app.post(
            &admin,
            &format!("/api/v1/admin/data-awal/{id}/setujui"),
            json!({}),
        )
        .await;
        let (s, v) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(s, 200, "{v}");
        let verifikasi = v["tanda_daftar"]["url_verifikasi"]
            .as_str()
            .unwrap()
            .to_string();

        let (s, jenis, isi) = unduh("svg").await;
        assert_eq!((s, jenis.as_deref()), (200, Some("image/svg+xml")));
        let svg = String::from_utf8(isi).unwrap();
        assert!(svg.contains("SIPADU") && svg.contains("Nomor 1"), "{svg}");
        assert_eq!(qr::dari_svg(&svg), verifikasi);

        let (s, jenis, isi) = unduh("png").await;
        assert_eq!((s, jenis.as_deref()), (200, Some("image/png")));
        assert_eq!(qr::dari_png(&isi), verifikasi);
        app.selesai().await;
    }
}

/// A pejabat of Kota Tarakan with one system whose Data Awal the admin approved.
async fn sistem_disetujui(app: &Aplikasi) -> (reqwest::Client, reqwest::Client, String) {
    let admin = app.admin().await;
    let pejabat = app.pejabat_tarakan(&admin).await;
    let (_, v) = app
        .post(
            &pejabat,
            "/api/v1/sistem-elektronik",
            data_awal("SIPADU", true),
        )
        .await;
    let id = v["id"].as_str().unwrap().to_string();
    let (s, _) = app
        .post(
            &admin,
            &format!("/api/v1/admin/data-awal/{id}/setujui"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200);
    (admin, pejabat, id)
}

#[tokio::test]
async fn r_se_06_supporting_documents_are_pdfs_within_the_limit() {
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| k.batas_dokumen_mib = 1).await;
        app.smtp.mulai();
        let (_, pejabat, id) = sistem_disetujui(&app).await;
        let (s, v) = app
            .unggah_dokumen(&pejabat, &id, "sop.pdf", b"PK\x03\x04 bukan pdf".to_vec())
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (415, Some("berkas")),
            "{v}"
        );
        let mut besar = pdf();
        besar.resize(1024 * 1024 + 1, b' ');
        let (s, v) = app.unggah_dokumen(&pejabat, &id, "besar.pdf", besar).await;
        assert_eq!(s, 413, "{v}");
        assert!(v["detail"].as_str().unwrap().contains("1 MiB"), "{v}");
        let (s, v) = app
            .unggah_dokumen(&pejabat, &id, "kosong.pdf", Vec::new())
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("berkas")),
            "{v}"
        );
        let (_, v) = app
            .get(&pejabat, &format!("/api/v1/sistem-elektronik/{id}"))
            .await;
        assert_eq!(
            v["dokumen"].as_array().unwrap().len(),
            0,
            "nothing stored: {v}"
        );

        // A PDF is kept under its file name and served back only as a PDF attachment.
        let (s, v) = app
            .unggah_dokumen(&pejabat, &id, "C:\\dokumen\\SOP Layanan.pdf", pdf())
            .await;
        assert_eq!(s, 201, "{v}");
        assert_eq!(v["dokumen"][0]["nama_berkas"], "SOP Layanan.pdf");
        assert_eq!(
            v["progres"], 10,
            "Dokumen Pendukung is one of the ten parts"
        );
        let sha = v["dokumen"][0]["sha256"].as_str().unwrap();
        let r = pejabat
            .get(format!(
                "{}/api/v1/sistem-elektronik/{id}/dokumen/{sha}",
                app.url
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["content-type"], "application/pdf");
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );

        // A wrong document is removed before submission (then the right one uploaded): from the
        // page with a banner, or through the API; an unknown one is not found.
        let sha = sha.to_string();
        let (s, v) = app
            .unggah_dokumen(
                &pejabat,
                &id,
                "Arsitektur lama.pdf",
                pse_kernel::pdf::contoh("lama"),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let lama = v["dokumen"][1]["sha256"].as_str().unwrap().to_string();
        let r = pejabat
            .post(format!(
                "{}/sistem-elektronik/{id}/dokumen/{lama}/hapus",
                app.url
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let html = app
            .html(&pejabat, &format!("/sistem-elektronik/{id}/dokumen"))
            .await;
        assert!(
            html.contains("Dokumen Arsitektur lama.pdf dihapus."),
            "{html}"
        );
        assert!(!html.contains(&format!("/dokumen/{lama}/hapus")), "{html}");
        let hapus = |sha: String| {
            let (k, url) = (
                pejabat.clone(),
                format!("{}/api/v1/sistem-elektronik/{id}/dokumen/{sha}", app.url),
            );
            async move {
                let r = k.delete(url).send().await.unwrap();
                let s = r.status().as_u16();
                (s, r.json::<Value>().await.unwrap_or(Value::Null))
            }
        };
        let (s, _) = hapus(lama.clone()).await;
        assert_eq!(s, 404, "already gone");
        let (s, v) = hapus(sha.clone()).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(
            (v["dokumen"].as_array().map(Vec::len), v["progres"].as_u64()),
            (Some(0), Some(0)),
            "the part is no longer complete: {v}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_se_08_verification_sends_the_result_to_bssn_or_records_it() {
    // With PSE_BSSN_EMAIL: the notice goes out and the system says where.
    for backend in backends() {
        let app = jalankan_dengan(backend, |k| k.bssn_email = Some("pse@bssn.go.id".into())).await;
        app.smtp.mulai();
        let (admin, pejabat, id) = sistem_disetujui(&app).await;
        let (_, v) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(
            v["tanda_daftar"]["notifikasi_bssn"],
            json!({"status": "menunggu", "tujuan": "pse@bssn.go.id"}),
            "queued with the approval"
        );
        let surel = app
            .smtp
            .tunggu("pse@bssn.go.id", "Hasil penilaian kategori")
            .await;
        // The system reads the outbox's delivery state, not a setting.
        let status = tunggu(std::time::Duration::from_secs(10), || async {
            let (_, v) = app
                .get(&admin, &format!("/api/v1/sistem-elektronik/{id}"))
                .await;
            let s = v["tanda_daftar"]["notifikasi_bssn"]["status"].clone();
            (s == "terkirim").then_some(s)
        })
        .await;
        assert_eq!(status, Some(json!("terkirim")), "{backend:?}");
        assert!(
            surel.teks.contains("A B B B A B B A B C"),
            "every answer is sent: {}",
            surel.teks
        );
        assert!(
            surel.teks.contains(
                "1. Nilai investasi sistem elektronik yang terpasang: A (Lebih dari Rp30 miliar)"
            ),
            "each answer as people read it: {}",
            surel.teks
        );
        app.selesai().await;

        // Without it: recorded only, and the audit trail says so. Here the bounds come from the
        // settings too (R-SE-05): with Tinggi up to 27, the same answers are Strategis.
        let app = jalankan_dengan(backend, |k| k.skor_tinggi_maks = 27).await;
        app.smtp.mulai();
        let (admin, pejabat, id) = sistem_disetujui(&app).await;
        let (_, v) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(v["tanda_daftar"]["notifikasi_bssn"]["status"], "dicatat");
        assert_eq!(
            v["penilaian_kategori"],
            json!({"skor": 28, "kategori": "strategis", "jawaban": ["A","B","B","B","A","B","B","A","B","C"]})
        );
        let (_, audit) = app
            .get(&admin, &format!("/api/v1/admin/audit?subjek={id}"))
            .await;
        assert!(audit.to_string().contains("notifikasi_bssn"), "{audit}");
        app.selesai().await;
    }
}

/// A section, its draft and the self-assessment sent with invalid values to a form that is not
/// open: each is refused for the state (409), not for the fields.
async fn isian_ditolak_409(
    app: &Aplikasi,
    pejabat: &reqwest::Client,
    sistem: &str,
    bagian: &str,
    jawaban: serde_json::Value,
) {
    let salah = json!({"fungsi": "", "jumlah_server": -1});
    for path in [
        format!("{sistem}/bagian/{bagian}"),
        format!("{sistem}/bagian/{bagian}/draf"),
    ] {
        let (s, v) = app.put(pejabat, &path, salah.clone()).await;
        assert_eq!(s, 409, "{path}: {v}");
    }
    let (s, v) = app
        .put(
            pejabat,
            &format!("{sistem}/penilaian-kategori"),
            json!({"jawaban": jawaban}),
        )
        .await;
    assert_eq!(s, 409, "{v}");
}

#[tokio::test]
async fn r_x_04_null_means_absent_and_a_locked_form_answers_409_before_its_fields() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;

        // `"url": null` is an absent URL: fine offline, named as missing online.
        let mut offline = data_awal("Arsip Internal", false);
        offline["url"] = json!(null);
        offline["kategori_akses"] = json!("offline");
        let (s, v) = app
            .post(&pejabat, "/api/v1/sistem-elektronik", offline)
            .await;
        assert_eq!(s, 201, "{v}");
        let mut online = data_awal("SIPADU", true);
        online["url"] = json!(null);
        let (s, v) = app
            .post(&pejabat, "/api/v1/sistem-elektronik", online)
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("url")),
            "{v}"
        );

        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let sistem = format!("/api/v1/sistem-elektronik/{id}");

        // Before the Data Awal is approved: the state answers, whatever the fields say.
        isian_ditolak_409(&app, &pejabat, &sistem, "data-umum", json!(["Z"])).await;

        // Once open, an optional field sent as null is simply absent.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/data-awal/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (_, mut umum) = isian_bagian().remove(0);
        umum["keterkaitan_sistem"] = json!(null);
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/bagian/data-umum"), umum)
            .await;
        assert_eq!(s, 200, "{v}");

        // Submitted, the form is locked: 409 before any field is looked at.
        app.lengkapi_sistem(&pejabat, &id).await;
        let (s, v) = app
            .post(
                &pejabat,
                &format!("{sistem}/ajukan"),
                json!({"pernyataan": true}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        isian_ditolak_409(&app, &pejabat, &sistem, "perangkat-keras", json!([])).await;
        let (s, v) = app
            .unggah_dokumen(&pejabat, &id, "bukan.pdf", b"teks".to_vec())
            .await;
        assert_eq!(s, 409, "{v}");
        let (_, v) = app.get(&pejabat, &sistem).await;
        let sha = v["dokumen"][0]["sha256"].as_str().unwrap().to_string();
        let r = pejabat
            .delete(format!("{}{sistem}/dokumen/{sha}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409, "a locked form keeps its documents");
        let html = app
            .html(&pejabat, &format!("/sistem-elektronik/{id}/dokumen"))
            .await;
        assert!(
            !html.contains("/hapus"),
            "no remove button once locked: {html}"
        );
        app.selesai().await;
    }
}

/// Approvals made at the same moment take consecutive Tanda Daftar numbers, none refused and
/// none twice (one counter row taken in each approval's transaction), on both databases (R-SE-09).
#[tokio::test]
async fn r_se_09_parallel_approvals_take_consecutive_tanda_daftar_numbers() {
    const N: usize = 8;
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let mut siap = Vec::new();
        for i in 0..N {
            siap.push(
                app.sistem_diajukan(&admin, &pejabat, &format!("Sistem Serentak {i}"))
                    .await,
            );
        }
        let jalur: Vec<String> = siap
            .iter()
            .map(|id| format!("/api/v1/admin/sistem-elektronik/{id}/setujui"))
            .collect();
        let hasil =
            futures::future::join_all(jalur.iter().map(|j| app.post(&admin, j, json!({})))).await;
        let mut nomor: Vec<u64> = hasil
            .iter()
            .map(|(s, v)| {
                assert_eq!(*s, 200, "{backend:?}: {v}");
                v["tanda_daftar"]["nomor"].as_u64().unwrap()
            })
            .collect();
        nomor.sort_unstable();
        assert_eq!(nomor, (1..=N as u64).collect::<Vec<_>>(), "{backend:?}");
        app.selesai().await;
    }
}
