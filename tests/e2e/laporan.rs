//! Laporan through the API: configurations are added, downloaded as `.xlsx`, edited and deleted;
//! every file is read back (calamine; openpyxl and LibreOffice when installed) and holds only the systems in
//! the caller's scope. The admin's national recap opens with its chart.

use pse_tests::xlsx::{baca, libreoffice, openpyxl, punya_bagian};
use pse_tests::*;
use serde_json::json;

/// A system of `pemilik` whose Data Awal is approved; registered too when `daftarkan`.
async fn sistem(
    app: &Aplikasi,
    admin: &reqwest::Client,
    pemilik: &reqwest::Client,
    nama: &str,
    daftarkan: bool,
) -> String {
    let (s, v) = app
        .post(pemilik, "/api/v1/sistem-elektronik", data_awal(nama, true))
        .await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_str().unwrap().to_string();
    app.post(
        admin,
        &format!("/api/v1/admin/data-awal/{id}/setujui"),
        json!({}),
    )
    .await;
    if daftarkan {
        let (s, _) = app.lengkapi_dan_setujui(admin, pemilik, &id).await;
        assert_eq!(s, 200);
    }
    id
}

async fn unduh(app: &Aplikasi, k: &reqwest::Client, path: &str) -> (u16, String, Vec<u8>) {
    let r = k.get(format!("{}{path}", app.url)).send().await.unwrap();
    let s = r.status().as_u16();
    let nama = r
        .headers()
        .get("content-disposition")
        .map(|h| h.to_str().unwrap().to_string())
        .unwrap_or_default();
    (s, nama, r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn r_lap_04_reports_hold_the_scope_of_their_reader() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let aptika = app.unit(&pejabat, "Bidang Aptika").await;
        let (_, sub) = app
            .sub_pejabat(&admin, &pejabat, &aptika, "aptika@tarakankota.go.id")
            .await;
        sistem(&app, &admin, &pejabat, "SIPADU", true).await;
        sistem(&app, &admin, &pejabat, "ARSIP", false).await;
        sistem(&app, &admin, &sub, "SIAPTIKA", false).await;
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
        sistem(&app, &admin, &lain, "SIMBUL", true).await;

        // R-LAP-02: unknown columns are refused by name.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/laporan",
                json!({"nama": "Rekap", "kolom": ["nama_eksternal", "warna"]}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("kolom")),
            "{v}"
        );
        assert!(v.to_string().contains("warna"), "{v}");

        // R-LAP-01, R-LAP-03: five columns → an .xlsx with exactly those headers, one row per system.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/laporan",
                json!({"nama": "Rekap SE Tarakan", "kolom": ["nama_eksternal", "unit", "status", "progres", "nomor_tanda_daftar"]}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, nama, isi) = unduh(&app, &pejabat, &format!("/api/v1/laporan/{id}/unduh")).await;
        assert_eq!(s, 200);
        assert!(
            nama.contains("rekap-se-tarakan-") && nama.contains(".xlsx"),
            "{nama}"
        );
        let lembar = baca(&isi);
        insta::assert_yaml_snapshot!("r_lap_04_pejabat", lembar);
        if let Some((kepala, n)) = openpyxl(&isi) {
            assert_eq!(kepala, lembar[0].1[0]);
            assert_eq!(n, 4, "header and three systems");
        }
        if let Some(csv) = libreoffice(&isi) {
            let baris: Vec<&str> = csv.lines().collect();
            assert_eq!(baris[0], lembar[0].1[0].join(","), "{csv}");
            assert_eq!(baris.len(), 4, "{csv}");
        }

        // The sub pejabat sees its unit only; another instansi sees none of Tarakan's.
        let (_, v) = app
            .post(
                &sub,
                "/api/v1/laporan",
                json!({"nama": "Unit", "kolom": ["nama_eksternal", "instansi"]}),
            )
            .await;
        let (_, _, isi) = unduh(
            &app,
            &sub,
            &format!("/api/v1/laporan/{}/unduh", v["id"].as_str().unwrap()),
        )
        .await;
        insta::assert_yaml_snapshot!("r_lap_04_sub_pejabat", baca(&isi));
        let (s, _, _) = unduh(&app, &lain, &format!("/api/v1/laporan/{id}/unduh")).await;
        assert_eq!(s, 404);
        let (_, v) = app
            .post(
                &lain,
                "/api/v1/laporan",
                json!({"nama": "Bulungan", "kolom": ["nama_eksternal", "tanggal_terdaftar"], "filter": {"instansi_id": ""}}),
            )
            .await;
        let (_, _, isi) = unduh(
            &app,
            &lain,
            &format!("/api/v1/laporan/{}/unduh", v["id"].as_str().unwrap()),
        )
        .await;
        let lembar = baca(&isi);
        assert_eq!(lembar[0].1.len(), 2, "{lembar:?}");
        assert_eq!(lembar[0].1[1][0], "SIMBUL");
        assert!(
            lembar[0].1[1][1].starts_with("tanggal:"),
            "a real date: {lembar:?}"
        );
        let (s, v) = app
            .post(
                &lain,
                "/api/v1/laporan",
                json!({"nama": "Semua", "kolom": ["nama_eksternal"], "filter": {"instansi_id": bulungan}}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("filter.instansi_id")),
            "only the admin filters by instansi: {v}"
        );

        // Editing and deleting.
        let (s, v) = app
            .put(
                &pejabat,
                &format!("/api/v1/laporan/{id}"),
                json!({"nama": "Terdaftar saja", "kolom": ["nomor_tanda_daftar", "nama_eksternal"], "filter": {"status": "terdaftar"}, "urutan": "nomor_tanda_daftar"}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (_, _, isi) = unduh(&app, &pejabat, &format!("/api/v1/laporan/{id}/unduh")).await;
        assert_eq!(
            baca(&isi)[0].1,
            vec![
                vec![
                    "Nomor Tanda Daftar".to_string(),
                    "Nama Sistem Elektronik".into()
                ],
                vec!["1".into(), "SIPADU".into()],
            ]
        );
        let (s, _) = app.get(&lain, &format!("/api/v1/laporan/{id}")).await;
        assert_eq!(s, 404);
        let s = app
            .status(&pejabat, "DELETE", &format!("/api/v1/laporan/{id}"), None)
            .await;
        assert_eq!(s, 204);
        let (s, _) = app.get(&pejabat, &format!("/api/v1/laporan/{id}")).await;
        assert_eq!(s, 404);

        // The admin: every instansi, and the national recap with its chart.
        let (_, v) = app
            .post(
                &admin,
                "/api/v1/laporan",
                json!({"nama": "Nasional", "kolom": ["instansi", "nama_eksternal", "provinsi"], "urutan": "instansi"}),
            )
            .await;
        let (_, _, isi) = unduh(
            &app,
            &admin,
            &format!("/api/v1/laporan/{}/unduh", v["id"].as_str().unwrap()),
        )
        .await;
        insta::assert_yaml_snapshot!("r_lap_04_admin", baca(&isi));
        let (s, _, _) = unduh(&app, &pejabat, "/api/v1/admin/laporan/rekap").await;
        assert_eq!(s, 403);
        let (s, nama, isi) = unduh(&app, &admin, "/api/v1/admin/laporan/rekap").await;
        assert_eq!(s, 200);
        assert!(nama.contains("rekap-nasional"), "{nama}");
        assert!(
            punya_bagian(&isi, "xl/charts/chart1.xml"),
            "the recap has its chart"
        );
        insta::assert_yaml_snapshot!("r_lap_02_rekap", baca(&isi));
        app.selesai().await;
    }
}

#[test]
fn r_lap_03_columns_fit_their_longest_text_as_openpyxl_reads_them() {
    use pse_kernel::berkas::{KepalaKolom, PabrikTabel, Sel};
    let panjang = "Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan";
    let mut w = pse_xlsx::PabrikXlsx.tabel("Lebar").unwrap();
    w.judul(&[
        KepalaKolom::new("Instansi", 40.0),
        KepalaKolom::new("Status", 16.0),
        KepalaKolom::new("Uraian", 40.0),
    ])
    .unwrap();
    w.baris(&[
        Sel::Teks(panjang.into()),
        Sel::Teks("Terdaftar".into()),
        Sel::Teks("x".repeat(300)),
    ])
    .unwrap();
    w.baris(&[
        Sel::Teks("Pemerintah Kota Tarakan".into()),
        Sel::Kosong,
        Sel::Kosong,
    ])
    .unwrap();
    let mut isi = Vec::new();
    std::io::Read::read_to_end(&mut w.selesai().unwrap().isi, &mut isi).unwrap();
    let Some(lebar) = pse_tests::xlsx::lebar_openpyxl(&isi) else {
        return;
    };
    let n = panjang.chars().count() as f64;
    assert!(
        lebar[0] >= n + 2.0 && lebar[0] < n + 4.0,
        "the longest instansi name fits: {lebar:?}"
    );
    assert!(
        (16.0..17.0).contains(&lebar[1]),
        "a short column keeps its width: {lebar:?}"
    );
    assert!(
        (pse_xlsx::LEBAR_MAKS..pse_xlsx::LEBAR_MAKS + 1.0).contains(&lebar[2]),
        "capped: {lebar:?}"
    );
}
