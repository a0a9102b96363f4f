//! The face of the public service (R-LAY): the standard and the guide, the helpdesk on every page,
//! and Isu dan Keluhan from filing to the admin's answer, through HTTP on both databases.

use pse_tests::*;
use serde_json::{Value, json};

/// Every page template, found by reading the folder (not a sample).
fn templat_halaman() -> Vec<(String, String)> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../apps/portal/templates");
    let mut v: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn r_lay_02_every_page_template_stands_on_the_base_that_carries_the_helpdesk() {
    let semua = templat_halaman();
    let dasar = &semua.iter().find(|(n, _)| n == "dasar.html").unwrap().1;
    for perlu in [
        "nav.kontak.telepon",
        "LAPOR!",
        "/pengaduan",
        "tidak dipungut biaya",
    ] {
        assert!(dasar.contains(perlu), "the footer shows {perlu}");
    }
    // Partials are included into pages; the printable letter is a document, not a portal page.
    let bukan_halaman = [
        "dasar.html",
        "galat_ringkasan.html",
        "halaman_nav.html",
        "komponen.html",
        "perubahan_tabel.html",
        "sep_isian_orang.html",
        "sistem_tabel.html",
        "surat.html",
    ];
    for (nama, isi) in &semua {
        if !bukan_halaman.contains(&nama.as_str()) {
            assert!(
                isi.starts_with("{% extends \"dasar.html\" %}"),
                "{nama} must extend dasar.html to carry the footer"
            );
        }
    }
}

#[tokio::test]
async fn r_lay_01_r_lay_02_r_lay_05_the_standard_and_the_guide_are_public_and_every_page_carries_the_help()
 {
    for backend in backends() {
        let app = jalankan(backend).await;
        let r = klien()
            .get(format!("{}/standar-pelayanan", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        for perlu in [
            "Tidak dipungut biaya",
            "1 (satu) hari kerja",
            "Tanda Daftar PSE Lingkup Publik",
            "Pendaftaran Pejabat Pendaftar",
            "Pendaftaran Sistem Elektronik",
            "Perubahan Data Sistem Elektronik",
            "role=\"img\"",
            "Direktorat LAIP",
        ] {
            assert!(
                html.contains(perlu),
                "{backend:?}: the standard shows {perlu}"
            );
        }
        assert_eq!(html.matches("<svg").count(), 3, "one diagram per service");
        let panduan = app.html(&klien(), "/panduan").await;
        for peran in ["Pejabat Pendaftar", "Sub Pejabat", "Admin Direktorat LAIP"] {
            assert!(panduan.contains(peran), "the guide has {peran}");
        }
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        for (k, jalur) in [
            (&klien(), "/"),
            (&klien(), "/registri"),
            (&klien(), "/masuk"),
            (&klien(), "/pengaduan"),
            (&klien(), "/pengaduan/status"),
            (&klien(), "/tidak-ada"),
            (&pejabat, "/beranda"),
            (&pejabat, "/sistem-elektronik"),
            (&admin, "/admin/antrian"),
            (&admin, "/admin/pengaduan"),
        ] {
            let html = app.html(k, jalur).await;
            assert!(
                html.contains("0811-1112-4678")
                    && html.contains("helpdesk@pse.test")
                    && html.contains("SP4N-LAPOR!")
                    && html.contains("tidak dipungut biaya"),
                "{backend:?} {jalur}: the footer carries the help"
            );
        }
        app.selesai().await;
    }
}

/// A complaint's body.
fn pengaduan(uraian: &str) -> Value {
    json!({
        "nama": "Budi Santoso",
        "email": "Budi@TarakanKota.go.id",
        "kategori": "kendala_teknis",
        "uraian": uraian,
        "rujukan": null,
    })
}

#[tokio::test]
async fn r_lay_03_a_complaint_from_filing_to_the_answer_as_people_would_use_it() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tamu = klien();

        let (s, v) = app.post(&tamu, "/api/v1/pengaduan", pengaduan("  ")).await;
        assert_eq!(s, 422, "{v}");
        assert_eq!(v["errors"][0]["field"], "uraian", "{v}");
        let (_, daftar) = app.get(&admin, "/api/v1/admin/pengaduan").await;
        assert_eq!(daftar["total"], 0, "{backend:?}: nothing stored");

        let (s, v) = app
            .post(
                &tamu,
                "/api/v1/pengaduan",
                pengaduan("Tombol Ajukan tidak dapat ditekan."),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let nomor = v["nomor"].as_str().unwrap().to_string();
        let kode = v["kode"].as_str().unwrap().to_string();
        assert!(
            nomor.starts_with("ADU-2026-") || nomor.starts_with("ADU-20"),
            "{nomor}"
        );
        let surel = app.smtp.tunggu("budi@tarakankota.go.id", &nomor).await;
        assert!(surel.teks.contains(&kode), "the code is emailed");
        assert!(surel.teks.contains("0811-1112-4678"), "with the helpdesk");

        let (s, _) = app
            .get(&tamu, &format!("/api/v1/pengaduan/{nomor}?kode=salah"))
            .await;
        assert_eq!(s, 404, "{backend:?}: a wrong code");
        let (s, v) = app
            .get(&tamu, &format!("/api/v1/pengaduan/{nomor}?kode={kode}"))
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("baru")), "{v}");

        let (_, daftar) = app.get(&admin, "/api/v1/admin/pengaduan").await;
        assert_eq!(daftar["total"], 1);
        let id = daftar["items"][0]["id"].as_str().unwrap().to_string();
        let tanggapi = format!("/api/v1/admin/pengaduan/{id}/tanggapi");
        let (s, v) = app
            .post(
                &admin,
                &tanggapi,
                json!({"tanggapan": "", "status": "baru"}),
            )
            .await;
        assert_eq!(s, 422, "{v}");
        let (s, v) = app
            .post(
                &admin,
                &tanggapi,
                json!({"tanggapan": "Sudah diperbaiki; silakan coba lagi.", "status": "selesai"}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("selesai")), "{v}");
        let surel = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "Tanggapan atas pengaduan")
            .await;
        assert!(surel.teks.contains("Sudah diperbaiki; silakan coba lagi."));
        let (s, _) = app
            .post(&admin, &tanggapi, json!({"tanggapan": "", "status": ""}))
            .await;
        assert_eq!(s, 409, "{backend:?}: a closed complaint, before its fields");

        // The status page, as the complainant opens it from the email.
        let html = app
            .html(
                &tamu,
                &format!("/pengaduan/status?nomor={nomor}&kode={kode}"),
            )
            .await;
        assert!(html.contains("Selesai") && html.contains("Sudah diperbaiki"));
        let r = tamu
            .get(format!(
                "{}/pengaduan/status?nomor={nomor}&kode=salah",
                app.url
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        assert!(r.text().await.unwrap().contains("tidak cocok"));
        let (s, _) = app.get(&tamu, "/api/v1/admin/pengaduan").await;
        assert_eq!(s, 401, "the list is the admin's");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_lay_03_complaints_filed_at_once_each_get_their_own_number() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let kiriman = (0..12).map(|i| {
            let app = &app;
            async move {
                app.post(
                    &klien(),
                    "/api/v1/pengaduan",
                    pengaduan(&format!("Keluhan nomor {i}.")),
                )
                .await
            }
        });
        let hasil = futures::future::join_all(kiriman).await;
        let mut nomor: Vec<String> = hasil
            .iter()
            .map(|(s, v)| {
                assert_eq!(*s, 201, "{backend:?}: {v}");
                v["nomor"].as_str().unwrap().to_string()
            })
            .collect();
        nomor.sort();
        nomor.dedup();
        assert_eq!(nomor.len(), 12, "{backend:?}: {nomor:?}");
        let (_, daftar) = app.get(&admin, "/api/v1/admin/pengaduan?batas=100").await;
        assert_eq!(daftar["total"], 12);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_lay_03_the_form_keeps_what_was_typed_and_the_admin_answers_on_the_page() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tamu = klien();
        let r = tamu
            .post(format!("{}/pengaduan", app.url))
            .form(&[
                ("nama", "Sari"),
                ("email", "sari@contoh"),
                ("kategori", "layanan"),
                ("uraian", "Verifikasi lebih dari satu hari."),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("Verifikasi lebih dari satu hari.") && html.contains("value=\"Sari\"")
        );
        assert!(html.contains("<title>Galat: "), "{backend:?}");
        let r = tamu
            .post(format!("{}/pengaduan", app.url))
            .form(&[
                ("nama", "Sari"),
                ("email", "sari@contoh.go.id"),
                ("kategori", "layanan"),
                ("uraian", "Verifikasi lebih dari satu hari."),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "on to the status page");
        let ke = r.headers()["location"].to_str().unwrap().to_string();
        let html = app.html(&tamu, &ke).await;
        assert!(
            html.contains("Pengaduan diterima") && html.contains("ADU-"),
            "{html}"
        );
        let (_, daftar) = app.get(&admin, "/api/v1/admin/pengaduan").await;
        let id = daftar["items"][0]["id"].as_str().unwrap().to_string();
        let halaman = app.html(&admin, "/admin/pengaduan").await;
        assert!(halaman.contains(daftar["items"][0]["nomor"].as_str().unwrap()));
        let r = admin
            .post(format!("{}/admin/pengaduan/{id}/tanggapi", app.url))
            .form(&[("tanggapan", "Kami periksa."), ("status", "diproses")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let html = app
            .html(&admin, r.headers()["location"].to_str().unwrap())
            .await;
        assert!(html.contains("Tanggapan atas pengaduan") && html.contains("Kami periksa."));
        app.selesai().await;
    }
}

/// The token of the last survey link emailed to `email`.
async fn tautan_survei(app: &Aplikasi, email: &str) -> String {
    let surel = app.smtp.tunggu(email, "Survei kepuasan").await;
    let tautan = surel.tautan("/survei/");
    assert!(surel.teks.contains("0811-1112-4678"), "with the helpdesk");
    tautan.rsplit('/').next().unwrap().to_string()
}

#[tokio::test]
async fn r_lay_04_a_decided_application_invites_to_the_survey_answered_once_into_the_index() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let token = tautan_survei(&app, "budi@tarakankota.go.id").await;
        let tamu = klien();

        let r = tamu
            .get(format!("{}/survei/{token}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{backend:?}: no login needed");
        let html = r.text().await.unwrap();
        assert!(
            html.contains("Pendaftaran Pejabat Pendaftar") && html.contains("Sarana dan prasarana")
        );
        let (s, _) = app.get(&tamu, "/survei/bukan-token").await;
        assert_eq!(s, 404);

        // Scores out of range are named, and nothing is kept.
        let (s, v) = app
            .post(
                &tamu,
                &format!("/api/v1/survei/{token}"),
                json!({"nilai": [4, 4, 4, 4, 4, 4, 4, 4, 5], "saran": null}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("nilai[8]")),
            "{v}"
        );
        let (_, v) = app.get(&admin, "/api/v1/admin/survei/ikm").await;
        assert_eq!(v["jumlah_responden"], 0, "{v}");

        // The same link sent eight times at once is kept once.
        let kiriman = (0..8).map(|_| {
            let app = &app;
            let token = &token;
            async move {
                app.post(
                    &klien(),
                    &format!("/api/v1/survei/{token}"),
                    json!({"nilai": [4, 4, 4, 4, 4, 4, 4, 4, 3], "saran": "Sudah cepat."}),
                )
                .await
                .0
            }
        });
        let mut status = futures::future::join_all(kiriman).await;
        status.sort();
        assert_eq!(
            status,
            [204, 409, 409, 409, 409, 409, 409, 409],
            "{backend:?}"
        );

        let (s, v) = app.get(&admin, "/api/v1/admin/survei/ikm").await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["jumlah_responden"], 1);
        assert_eq!(v["ikm"], 97.22, "{v}");
        assert_eq!(v["mutu"], "A");
        assert_eq!(v["nilai_unsur"][8], 3.0);
        let halaman = app.html(&admin, "/admin/survei").await;
        assert!(
            halaman.contains("97,22") && halaman.contains("Sangat baik"),
            "{halaman}"
        );

        // The responses as a spreadsheet, read back: no one's address, the scores as numbers.
        let r = admin
            .get(format!("{}/api/v1/admin/survei/jawaban", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{backend:?}");
        let nama = r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(nama.contains("survei-kepuasan-"), "{nama}");
        let isi = r.bytes().await.unwrap().to_vec();
        let lembar = pse_tests::xlsx::baca(&isi);
        assert_eq!(lembar[0].0, "Survei Kepuasan");
        let sel = &lembar[0].1;
        assert_eq!(sel.len(), 2, "the header and one answer: {sel:?}");
        assert_eq!(&sel[0][..3], ["Tanggal", "Layanan", "Persyaratan"]);
        assert!(
            sel[1][0].starts_with("tanggal:"),
            "a real date: {}",
            sel[1][0]
        );
        assert_eq!(sel[1][1], "Pendaftaran Pejabat Pendaftar");
        assert_eq!(
            &sel[1][2..],
            ["4", "4", "4", "4", "4", "4", "4", "4", "3", "Sudah cepat."]
        );
        assert!(!sel.concat().iter().any(|c| c.contains('@')), "{sel:?}");
        if let Some((kepala, n)) = pse_tests::xlsx::openpyxl(&isi) {
            assert_eq!((kepala, n), (sel[0].clone(), 2));
        }
        let r = admin
            .get(format!("{}/admin/survei/unduh?dari=2026-01-01", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "the page's link");
        assert_eq!(
            pse_tests::xlsx::baca(&r.bytes().await.unwrap())[0].1.len(),
            2
        );
        assert!(
            halaman.contains("/admin/survei/unduh?dari="),
            "the page links it"
        );
        let (s, _) = app.get(&pejabat, "/api/v1/admin/survei/jawaban").await;
        assert_eq!(s, 403, "the responses are the admin's");
        let (s, v) = app
            .get(
                &admin,
                "/api/v1/admin/survei/jawaban?dari=2026-12-05&sampai=2026-12-01",
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("sampai")),
            "{v}"
        );

        let r = tamu
            .get(format!("{}/survei/{token}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 410, "a used link");
        assert!(r.text().await.unwrap().contains("sudah diisi"));
        let (s, _) = app.get(&pejabat, "/api/v1/admin/survei/ikm").await;
        assert_eq!(s, 403, "the index is the admin's");
        let (s, v) = app
            .get(&admin, "/api/v1/admin/survei/ikm?dari=2026-13-01")
            .await;
        assert_eq!((s, v["errors"][0]["field"].as_str()), (400, Some("dari")));
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_lay_04_the_survey_page_keeps_the_scores_on_error_and_thanks_after() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        app.pejabat_tarakan(&admin).await;
        let token = tautan_survei(&app, "budi@tarakankota.go.id").await;
        let tamu = klien();
        let mut isian: Vec<(String, String)> =
            (0..8).map(|i| (format!("u{i}"), "3".to_string())).collect();
        let r = tamu
            .post(format!("{}/survei/{token}", app.url))
            .form(&isian)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "{backend:?}");
        let html = r.text().await.unwrap();
        assert!(html.contains("href=\"#u8\""), "the missing one is named");
        assert!(
            html.contains("name=\"u0\" value=\"3\" checked"),
            "the chosen kept"
        );
        isian.push(("u8".into(), "2".into()));
        let r = tamu
            .post(format!("{}/survei/{token}", app.url))
            .form(&isian)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let html = app
            .html(&tamu, r.headers()["location"].to_str().unwrap())
            .await;
        assert!(html.contains("Terima kasih"), "{html}");
        let (_, v) = app.get(&admin, "/api/v1/admin/survei/ikm").await;
        // Eight threes and a two: 26 / 9 × 25 = 72.22, grade C.
        assert_eq!(
            (v["ikm"].as_f64(), v["mutu"].as_str()),
            (Some(72.22), Some("C"))
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_lay_04_a_tanda_daftar_and_a_finished_change_invite_to_the_survey_too() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let sistem = app
            .data_awal_disetujui(&admin, &pejabat, "SIPADU", true)
            .await;
        let (s, _) = app.lengkapi_dan_setujui(&admin, &pejabat, &sistem).await;
        assert_eq!(s, 200);
        app.smtp
            .tunggu(
                "budi@tarakankota.go.id",
                "Survei kepuasan Pendaftaran Sistem Elektronik",
            )
            .await;
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": sistem, "alasan": "Helpdesk pindah."}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/perubahan-data/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = app
            .post(
                &pejabat,
                &format!("/api/v1/perubahan-data/{id}/selesai"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let token = {
            let surel = app
                .smtp
                .tunggu("budi@tarakankota.go.id", "Survei kepuasan Perubahan Data")
                .await;
            surel
                .tautan("/survei/")
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        };
        let (s, _) = app
            .post(
                &klien(),
                &format!("/api/v1/survei/{token}"),
                json!({"nilai": [3, 3, 3, 3, 3, 3, 3, 3, 3]}),
            )
            .await;
        assert_eq!(s, 204, "{backend:?}");
        app.selesai().await;
    }
}
