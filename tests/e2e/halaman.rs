//! The pages, driven as a browser without JavaScript would: forms post back, errors are summarised,
//! typed values are kept.

use pse_tests::*;

#[tokio::test]
async fn r_pej_03_registration_page_keeps_every_typed_value_on_error() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let k = klien();
        let awal = k
            .get(format!("{}/pendaftaran-pejabat", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(awal.status(), 200);
        let html = awal.text().await.unwrap();
        assert!(html.contains("Kalimantan Utara") && html.contains("Daftar Pejabat Pendaftar"));

        let mut isian = isian_tarakan("budi@gmail.com", "baru", &tarakan);
        isian.retain(|(k, _)| *k != "jabatan");
        let r = k
            .post(format!("{}/pendaftaran-pejabat", app.url))
            .multipart(multipart(&isian, Some(("surat.pdf", pdf()))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Ada yang perlu diperbaiki"));
        assert!(html.contains("href=\"#email\""));
        assert!(html.contains("href=\"#jabatan\""));
        // Without any script the field in error is marked invalid and described by its message
        // and its hint (the design system's macros).
        assert!(
            html.contains(r#"<input id="jabatan" name="jabatan" type="text" value="" aria-invalid="true" aria-describedby="jabatan-galat jabatan-petunjuk">"#)
                && html.contains(r#"<p class="pesan-galat" id="jabatan-galat">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<input id="nip" name="nip" type="text" value="198501012010011001" inputmode="numeric" aria-describedby="nip-petunjuk">"#),
            "{html}"
        );
        for nilai in [
            "budi@gmail.com",
            "Budi Santoso",
            "198501012010011001",
            "0812-3456-7890",
        ] {
            assert!(html.contains(nilai), "{nilai} kept");
        }
        assert!(
            html.contains("Kota Tarakan"),
            "the regency list of the chosen province is shown"
        );
        // The PDF was fine: it is kept, so the corrected submission needs no new file.
        assert!(
            html.contains("Berkas tersimpan: <strong>surat.pdf</strong>"),
            "{html}"
        );
        let kutip = |nama: &str| {
            let awal = format!("name=\"{nama}\" value=\"");
            let i = html.find(&awal).unwrap() + awal.len();
            html[i..].split('"').next().unwrap().to_string()
        };
        let (sha, nama) = (kutip("dokumen_sha256"), kutip("dokumen_nama"));
        assert_eq!(sha.len(), 64, "{sha}");

        // A forged reference keeps nothing: the file is named as missing.
        isian.retain(|(k, _)| *k != "email");
        isian.push(("email", "budi@tarakankota.go.id".into()));
        isian.push(("jabatan", "Kepala Diskominfo".into()));
        let mut palsu = isian.clone();
        palsu.push(("dokumen_sha256", "f".repeat(64)));
        palsu.push(("dokumen_nama", "lain.pdf".into()));
        let r = k
            .post(format!("{}/pendaftaran-pejabat", app.url))
            .multipart(multipart(&palsu, None))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#dokumen\""));

        let mut lagi = isian.clone();
        lagi.push(("dokumen_sha256", sha));
        lagi.push(("dokumen_nama", nama));
        let r = k
            .post(format!("{}/pendaftaran-pejabat", app.url))
            .multipart(multipart(&lagi, None))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "submitted with the kept file");
        let lokasi = r.headers()["location"].to_str().unwrap().to_string();
        let html = k
            .get(format!("{}{lokasi}", app.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("Permohonan terkirim"));
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_16_letter_templates_are_filled_with_what_the_registrant_typed() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let k = klien();
        let form = k
            .get(format!("{}/pendaftaran-pejabat", app.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for surat in ["surat-tugas", "surat-permohonan"] {
            assert!(
                form.contains(&format!(
                    "formaction=\"/pendaftaran-pejabat/templat/{surat}\""
                )),
                "the form offers the {surat} template"
            );
        }

        // Half-filled (no jabatan, no file): the letter holds what is known and placeholders.
        let mut isian = isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan);
        isian.retain(|(k, _)| *k != "jabatan");
        let tugas = k
            .post(format!(
                "{}/pendaftaran-pejabat/templat/surat-tugas",
                app.url
            ))
            .multipart(multipart(&isian, None))
            .send()
            .await
            .unwrap();
        assert_eq!(tugas.status(), 200);
        let html = tugas.text().await.unwrap();
        for nilai in [
            "SURAT TUGAS",
            "MENUGASKAN",
            "Budi Santoso",
            "198501012010011001",
            "PEMERINTAH KOTA TARAKAN",
            "Dikeluarkan di Kota Tarakan",
            "[Jabatan Pejabat Pendaftar]",
        ] {
            assert!(html.contains(nilai), "{nilai} in the Surat Tugas");
        }
        let permohonan = k
            .post(format!(
                "{}/pendaftaran-pejabat/templat/surat-permohonan",
                app.url
            ))
            .multipart(multipart(&isian, None))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(permohonan.contains("Permohonan Pendaftaran Sistem Elektronik"));
        assert!(permohonan.contains("diselenggarakan oleh Pemerintah Kota Tarakan"));

        // Nothing was stored: the admin's queue is empty.
        let admin = app.admin().await;
        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        assert_eq!(
            antrian["items"].as_array().map(Vec::len),
            Some(0),
            "{antrian}"
        );
        let tidak_ada = k
            .post(format!(
                "{}/pendaftaran-pejabat/templat/surat-lain",
                app.url
            ))
            .multipart(multipart(&isian, None))
            .send()
            .await
            .unwrap();
        assert_eq!(tidak_ada.status(), 404);
        app.selesai().await;
    }
}

#[tokio::test]
async fn landing_login_and_error_pages_speak_indonesian() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let k = klien();
        let html = k
            .get(format!("{}/", app.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("DAFTAR PEJABAT") && html.contains("LOGIN"));
        let r = k
            .post(format!("{}/masuk", app.url))
            .form(&[
                ("email", "siapa@tarakankota.go.id"),
                ("kata_sandi", "Salah-Sekali-2026"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("Email atau kata sandi salah.")
                && html.contains("siapa@tarakankota.go.id")
        );
        assert_eq!(
            k.get(format!("{}/admin/antrian", app.url))
                .send()
                .await
                .unwrap()
                .status(),
            303
        );
        let r = k
            .get(format!("{}/tidak-ada", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        assert!(r.text().await.unwrap().contains("Halaman tidak ditemukan"));
        let r = k
            .get(format!("{}/aktivasi/token-palsu", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Tautan aktivasi tidak berlaku")
        );
        let spec = k
            .get(format!("{}/api/openapi.json", app.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            spec.contains("/api/v1/pendaftaran-pejabat")
                && spec.contains("/api/v1/admin/{jenis}/{id}/tolak")
        );
        app.selesai().await;
    }
}

/// Post/redirect/get with a banner: an action's page shows what happened once; a refresh shows
/// the page without it and repeats nothing; logging out says so on the landing page.
#[tokio::test]
async fn every_action_redirects_to_a_page_that_says_once_what_happened() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let r = pejabat
            .post(format!("{}/laporan/baru", app.url))
            .form(&[
                ("nama", "Rekap Aptika"),
                ("kolom", "nama_eksternal"),
                ("kolom", "status"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{backend:?}");
        assert_eq!(r.headers()["location"], "/laporan");
        let html = app.html(&pejabat, "/laporan").await;
        assert!(
            html.contains(r#"<div class="panel-sukses" role="status"><p>Laporan Rekap Aptika tersimpan.</p></div>"#),
            "{backend:?}: {html}"
        );
        let lagi = app.html(&pejabat, "/laporan").await;
        assert!(!lagi.contains("tersimpan."), "{backend:?}: shown once");
        let (_, v) = app.get(&pejabat, "/api/v1/laporan").await;
        assert_eq!(v["total"], 1, "{backend:?}: saved once");

        let r = pejabat
            .post(format!("{}/keluar", app.url))
            .form(&[("x", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["location"], "/?keluar=1", "{backend:?}");
        let html = app.html(&pejabat, "/?keluar=1").await;
        assert!(html.contains("Anda telah keluar."), "{backend:?}");
        app.selesai().await;
    }
}

/// A locked form looks locked (R-SE-07): a registered system's section page says why, shows the
/// answers read-only with the way to change them, and offers no "Simpan".
#[tokio::test]
async fn r_se_07_a_locked_section_is_shown_read_only_with_the_way_forward() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let id = app
            .data_awal_disetujui(&admin, &pejabat, "SIPADU", true)
            .await;
        let bagian = format!("/sistem-elektronik/{id}/bagian/perangkat-lunak");
        let terbuka = app.html(&pejabat, &bagian).await;
        assert!(terbuka.contains("Simpan Perangkat Lunak"), "{backend:?}");
        let (s, _) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(s, 200);
        let html = app.html(&pejabat, &bagian).await;
        assert!(
            html.contains("Terkunci")
                && html.contains("ajukan Perubahan Data")
                && html.contains(r#"href="/perubahan-data/baru""#),
            "{backend:?}: {html}"
        );
        assert!(
            !html.contains(&format!("action=\"{bagian}\"")),
            "{backend:?}: {html}"
        );
        assert!(!html.contains("Simpan"), "{backend:?}");
        assert!(html.contains("<dl class=\"ringkasan\">"), "{backend:?}");
        let penilaian = app
            .html(
                &pejabat,
                &format!("/sistem-elektronik/{id}/penilaian-kategori"),
            )
            .await;
        assert!(
            penilaian.contains("Terkunci") && !penilaian.contains("Simpan penilaian"),
            "{backend:?}: {penilaian}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn every_page_carries_the_institutions_logo_or_a_neutral_mark() {
    // The default mark.
    let app = jalankan(Backend::Sqlite).await;
    let r = klien()
        .get(format!("{}/aset/logo", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "image/svg+xml");
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(
        app.html(&klien(), "/")
            .await
            .contains("<img src=\"/aset/logo\"")
    );
    app.selesai().await;

    // The institution's own PNG, served as it was given.
    let png = {
        let mut v = Vec::new();
        let mut e = png::Encoder::new(&mut v, 2, 2);
        e.set_color(png::ColorType::Grayscale);
        e.write_header()
            .unwrap()
            .write_image_data(&[0, 255, 255, 0])
            .unwrap();
        v
    };
    let berkas = std::env::temp_dir().join(format!("pse-logo-{}.png", std::process::id()));
    std::fs::write(&berkas, &png).unwrap();
    let jalur = berkas.clone();
    let app = jalankan_dengan(Backend::Sqlite, move |k| k.logo = Some(jalur)).await;
    let r = klien()
        .get(format!("{}/aset/logo", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.bytes().await.unwrap().to_vec(), png);
    app.selesai().await;
    let _ = std::fs::remove_file(berkas);
}

#[tokio::test]
async fn r_sub_02_the_sub_pejabat_form_offers_its_surat_tugas_filled_with_what_was_typed() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aplikasi Informatika").await;
        let form = app.html(&pejabat, "/pengguna/tambah").await;
        assert!(
            form.contains("formaction=\"/pengguna/templat-surat-tugas\""),
            "{form}"
        );
        let isian = reqwest::multipart::Form::new()
            .text("nama_lengkap", "Rina Wati")
            .text("nip", "199001012015032001")
            .text("jabatan", "Kepala Seksi Aplikasi")
            .text("unit_id", unit);
        let r = pejabat
            .post(format!("{}/pengguna/templat-surat-tugas", app.url))
            .multipart(isian)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        for nilai in [
            "Surat Tugas Sub Pejabat",
            "MENUGASKAN",
            "Rina Wati",
            "199001012015032001",
            "Kepala Seksi Aplikasi",
            "Bidang Aplikasi Informatika",
            "Pimpinan Sekretariat Pemerintah Kota Tarakan",
        ] {
            assert!(html.contains(nilai), "{backend:?} {nilai}: {html}");
        }
        // Nothing typed yet: placeholders, nothing stored; only a pejabat may ask.
        let r = pejabat
            .post(format!("{}/pengguna/templat-surat-tugas", app.url))
            .multipart(reqwest::multipart::Form::new().text("nama_lengkap", ""))
            .send()
            .await
            .unwrap();
        assert!(r.text().await.unwrap().contains("[Nama Sub Pejabat]"));
        let r = klien()
            .post(format!("{}/pengguna/templat-surat-tugas", app.url))
            .multipart(reqwest::multipart::Form::new().text("nama_lengkap", "x"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "a visitor is sent to log in");
        app.selesai().await;
    }
}

#[tokio::test]
async fn every_answer_carries_its_request_id_for_the_logs() {
    let app = jalankan(Backend::Sqlite).await;
    let r = klien().get(format!("{}/", app.url)).send().await.unwrap();
    let id = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a fresh uuid: {id}");
    let r = klien()
        .get(format!("{}/api/v1/publik/sistem-elektronik", app.url))
        .header("x-request-id", "lb-7f3a")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["x-request-id"],
        "lb-7f3a",
        "the proxy's id kept"
    );
    app.selesai().await;
}

/// Without JavaScript the registration form narrows the instansi list by regency/city and by the
/// words searched for, through its "Cari" button, and says how many it found (R-PEJ-06).
#[tokio::test]
async fn r_pej_06_without_javascript_the_instansi_list_narrows_by_city_and_by_search() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let muat = |isian: Vec<(&'static str, String)>| {
            let app = &app;
            async move {
                let r = klien()
                    .post(format!("{}/pendaftaran-pejabat/muat", app.url))
                    .multipart(multipart(&isian, None))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 200);
                r.text().await.unwrap()
            }
        };
        let provinsi = muat(vec![("provinsi", "65".into())]).await;
        assert!(
            provinsi.contains(">Pemerintah Kabupaten Bulungan<"),
            "{backend:?}"
        );
        let kota = muat(vec![("provinsi", "65".into()), ("kota", "65.71".into())]).await;
        assert!(
            kota.contains(">Pemerintah Kota Tarakan<")
                && kota.contains(">Pemerintah Provinsi Kalimantan Utara<")
                && !kota.contains(">Pemerintah Kabupaten Bulungan<"),
            "{backend:?}: {kota}"
        );
        let cari = muat(vec![
            ("provinsi", "65".into()),
            ("kota", "65.71".into()),
            ("cari_instansi", "  kota TARAKAN ".into()),
        ])
        .await;
        assert!(
            cari.contains("1 instansi ditemukan untuk “kota TARAKAN”.")
                && cari.contains(
                    r#"id="cari_instansi" name="cari_instansi" type="search" value="kota TARAKAN""#
                ),
            "{backend:?}: {cari}"
        );
        app.selesai().await;
    }
}

/// The Penanggung Jawab's province and regency/city are picked from the wilayah lists, checked to
/// agree, and shown by name wherever people read them (R-SE-04).
#[tokio::test]
async fn r_se_04_the_penanggung_jawab_region_is_picked_from_lists_and_read_by_name() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let id = app
            .data_awal_disetujui(&admin, &pejabat, "SIPADU", true)
            .await;
        let jalur = format!("/sistem-elektronik/{id}/bagian/penanggung-jawab");
        let form = app.html(&pejabat, &jalur).await;
        assert!(
            form.contains(r#"<select id="provinsi" name="provinsi">"#)
                && form.contains(r#"<optgroup label="Kalimantan Utara" data-provinsi="65">"#)
                && form.contains(r#"<option value="65.71">Kota Tarakan</option>"#),
            "{backend:?}: {form}"
        );
        let mut isian = vec![
            ("nama", "Budi Santoso"),
            ("nip", "198501012010011001"),
            ("jabatan", "Kepala Dinas"),
            ("email", "budi@tarakankota.go.id"),
            ("telepon", "0551-21820"),
            ("provinsi", "31"),
            ("kota", "65.71"),
            ("kode_pos", "77111"),
        ];
        let kirim = |isian: Vec<(&'static str, &'static str)>| {
            let (app, pejabat, jalur) = (&app, &pejabat, &jalur);
            async move {
                pejabat
                    .post(format!("{}{jalur}", app.url))
                    .form(&isian)
                    .send()
                    .await
                    .unwrap()
            }
        };
        let r = kirim(isian.clone()).await;
        assert_eq!(r.status(), 422, "{backend:?}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains("Kabupaten/kota: Kota Tarakan tidak berada di provinsi yang dipilih.")
                && html.contains(
                    r#"<option value="31" selected>Daerah Khusus Ibukota Jakarta</option>"#
                )
                && html.contains(r#"<option value="65.71" selected>Kota Tarakan</option>"#),
            "{backend:?}: what was picked stays picked: {html}"
        );
        isian[5].1 = "65";
        let r = kirim(isian).await;
        assert_eq!(r.status(), 303, "{backend:?}");
        let (_, v) = app
            .get(&pejabat, &format!("/api/v1/sistem-elektronik/{id}"))
            .await;
        let pj = v["bagian"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bagian"] == "penanggung-jawab")
            .unwrap();
        assert_eq!(
            (&pj["isi"]["provinsi"], &pj["isi"]["kota"]),
            (&serde_json::json!("65"), &serde_json::json!("65.71")),
            "{backend:?}: the API keeps the codes"
        );
        let rincian = app
            .html(&pejabat, &format!("/sistem-elektronik/{id}/periksa"))
            .await;
        assert!(
            rincian.contains("<dd>Kalimantan Utara</dd>")
                && rincian.contains("<dd>Kota Tarakan</dd>"),
            "{backend:?}: {rincian}"
        );
        assert!(
            !rincian.contains(">65.71<"),
            "{backend:?}: no code on the page"
        );
        app.selesai().await;
    }
}
