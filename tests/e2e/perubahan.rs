//! Perubahan Data through the API: a registered system changes only through an approved request,
//! keeps its Tanda Daftar, and keeps its previous version, as a pejabat, a sub pejabat, the admin
//! and another instansi would try it.

use pse_tests::*;
use serde_json::json;

/// A registered system of `pejabat` (its unit when `unit` is given); answers its id.
async fn terdaftar(
    app: &Aplikasi,
    admin: &reqwest::Client,
    pemilik: &reqwest::Client,
    nama: &str,
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
    let (s, v) = app.lengkapi_dan_setujui(admin, pemilik, &id).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("terdaftar")), "{v}");
    id
}

#[tokio::test]
async fn r_pd_04_a_change_from_request_to_history() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let id = terdaftar(&app, &admin, &pejabat, "SIPADU").await;
        let sistem = format!("/api/v1/sistem-elektronik/{id}");
        let (_, v) = app.get(&pejabat, &sistem).await;
        let nomor = v["tanda_daftar"]["nomor"].as_u64().unwrap();

        // R-PD-01: a system without a Tanda Daftar cannot be changed.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("BARU", true),
            )
            .await;
        assert_eq!(s, 201);
        let belum = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": belum, "alasan": "Ganti URL"}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("sistem_elektronik_id")),
            "{v}"
        );
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": ""}),
            )
            .await;
        assert_eq!((s, v["errors"][0]["field"].as_str()), (422, Some("alasan")));

        // R-PD-02: the request starts as terkirim; a second open one is refused.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": "Helpdesk pindah ke layanan terpadu."}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (201, Some("terkirim")), "{v}");
        let pd = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": "Lagi"}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        let (_, daftar) = app.get(&pejabat, "/api/v1/perubahan-data").await;
        assert_eq!(daftar["total"], 1);

        // Editing before approval is 409; the admin's queue holds the request.
        let mut helpdesk = isian_bagian()[7].1.clone();
        helpdesk["email"] = json!("layanan@tarakankota.go.id");
        let (s, _) = app
            .put(
                &pejabat,
                &format!("{sistem}/bagian/helpdesk"),
                helpdesk.clone(),
            )
            .await;
        assert_eq!(s, 409);
        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        assert!(
            antrian["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["jenis"] == "perubahan-data" && i["id"] == pd.as_str()),
            "{antrian}"
        );

        // R-PD-03: approval opens the form and is emailed.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/perubahan-data/{pd}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("disetujui_sedang_dalam_perubahan")),
            "{v}"
        );
        app.smtp
            .tunggu("budi@tarakankota.go.id", "Perubahan data SIPADU disetujui")
            .await;
        let (_, v) = app.get(&pejabat, &sistem).await;
        assert_eq!(v["status"], "dalam_perubahan");
        let (_, v) = app
            .get(&anon(), "/api/v1/publik/sistem-elektronik?q=sipadu")
            .await;
        assert_eq!(v["total"], 1, "still registered while it changes: {v}");
        let (s, v) = app
            .put(&pejabat, &format!("{sistem}/bagian/helpdesk"), helpdesk)
            .await;
        assert_eq!(s, 200, "{v}");
        let mut da = data_awal("SIPADU", true);
        da["url"] = json!("https://sipadu.tarakankota.go.id/v2");
        let (s, v) = app.put(&pejabat, &format!("{sistem}/data-awal"), da).await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("dalam_perubahan")),
            "{v}"
        );

        // R-PD-04: finished → terdaftar, same number, new values, the old ones in the history.
        let (s, v) = app
            .post(
                &pejabat,
                &format!("/api/v1/perubahan-data/{pd}/selesai"),
                json!({}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("sudah_selesai")),
            "{v}"
        );
        insta::assert_yaml_snapshot!("r_pd_04_perbedaan", v["perbedaan"]);
        let (_, v) = app.get(&pejabat, &sistem).await;
        assert_eq!(
            (v["status"].as_str(), v["tanda_daftar"]["nomor"].as_u64()),
            (Some("terdaftar"), Some(nomor))
        );
        assert_eq!(v["url"], "https://sipadu.tarakankota.go.id/v2");
        assert_eq!(v["riwayat"][0]["id"], pd.as_str());
        assert_eq!(
            v["riwayat"][0]["perbedaan"][0]["sebelum"],
            "https://sipadu.tarakankota.go.id"
        );
        let (s, _) = app
            .post(
                &pejabat,
                &format!("/api/v1/perubahan-data/{pd}/selesai"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "finished once");
        let (s, _) = app
            .put(
                &pejabat,
                &format!("{sistem}/bagian/helpdesk"),
                isian_bagian()[7].1.clone(),
            )
            .await;
        assert_eq!(s, 409, "locked again after finishing");
        let (_, v) = app
            .get(&anon(), &format!("/api/v1/publik/tanda-daftar/{nomor}"))
            .await;
        assert_eq!(v["url"], "https://sipadu.tarakankota.go.id/v2", "{v}");

        // A rejected request leaves the system as it was; a change of nothing says so.
        let (_, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": "Uji"}),
            )
            .await;
        let kedua = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/perubahan-data/{kedua}/tolak"),
                json!({"kategori_alasan": "lainnya", "catatan": "Tidak ada perubahan yang disebutkan."}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("ditolak")), "{v}");
        app.smtp
            .tunggu(
                "budi@tarakankota.go.id",
                "Pengajuan perubahan data SIPADU ditolak",
            )
            .await;
        let (_, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": "Periksa ulang"}),
            )
            .await;
        let ketiga = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/perubahan-data/{ketiga}/setujui"),
            json!({}),
        )
        .await;
        let (s, v) = app
            .post(
                &pejabat,
                &format!("/api/v1/perubahan-data/{ketiga}/selesai"),
                json!({}),
            )
            .await;
        assert_eq!((s, v["perbedaan"].as_array().map(Vec::len)), (200, Some(0)));

        for (subjek, harap) in [
            (&pd, vec!["ajukan", "setujui", "selesai"]),
            (&kedua, vec!["ajukan", "tolak"]),
        ] {
            let (_, audit) = app
                .get(&admin, &format!("/api/v1/admin/audit?subjek={subjek}"))
                .await;
            let mut aksi: Vec<&str> = audit["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["aksi"].as_str().unwrap())
                .collect();
            aksi.sort_unstable();
            let mut harap = harap;
            harap.sort_unstable();
            assert_eq!(aksi, harap, "{audit}");
        }
        app.selesai().await;
    }
}

fn anon() -> reqwest::Client {
    klien()
}

#[tokio::test]
async fn r_pd_05_the_sub_pejabat_changes_its_unit_and_another_instansi_sees_nothing() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let aptika = app.unit(&pejabat, "Bidang Aptika").await;
        let statistik = app.unit(&pejabat, "Bidang Statistik").await;
        let (_, sub) = app
            .sub_pejabat(&admin, &pejabat, &aptika, "aptika@tarakankota.go.id")
            .await;
        let (_, sub_lain) = app
            .sub_pejabat(&admin, &pejabat, &statistik, "statistik@tarakankota.go.id")
            .await;
        let milik_sub = terdaftar(&app, &admin, &sub, "SIAPTIKA").await;
        let milik_pejabat = terdaftar(&app, &admin, &pejabat, "SIPADU").await;

        let (s, v) = app
            .post(
                &sub,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": milik_sub, "alasan": "Server baru"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let pd = v["id"].as_str().unwrap().to_string();
        let (s, _) = app
            .post(
                &sub,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": milik_pejabat, "alasan": "Bukan unitnya"}),
            )
            .await;
        assert_eq!(
            s, 404,
            "another unit's system does not exist for the sub pejabat"
        );
        let (s, _) = app
            .post(
                &sub_lain,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": milik_sub, "alasan": "Bukan unitnya"}),
            )
            .await;
        assert_eq!(s, 404);
        let (_, v) = app.get(&sub_lain, "/api/v1/perubahan-data").await;
        assert_eq!(v["total"], 0, "{v}");
        let (_, v) = app.get(&pejabat, "/api/v1/perubahan-data").await;
        assert_eq!(v["total"], 1, "the pejabat sees its whole instansi: {v}");

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
        let (s, _) = app
            .get(&lain, &format!("/api/v1/perubahan-data/{pd}"))
            .await;
        assert_eq!(s, 404);
        let (s, _) = app
            .post(
                &lain,
                &format!("/api/v1/perubahan-data/{pd}/selesai"),
                json!({}),
            )
            .await;
        assert_eq!(s, 404);
        let (_, v) = app.get(&lain, "/api/v1/perubahan-data").await;
        assert_eq!(v["total"], 0);
        let (s, _) = app
            .post(
                &sub,
                &format!("/api/v1/perubahan-data/{pd}/selesai"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "not approved yet");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pd_02_parallel_requests_for_one_system_open_exactly_one() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let id = terdaftar(&app, &admin, &pejabat, "SIPADU").await;
        let body =
            json!({"sistem_elektronik_id": id, "alasan": "Helpdesk pindah ke layanan terpadu."});
        let jawaban = futures::future::join_all(
            (0..8).map(|_| app.post(&pejabat, "/api/v1/perubahan-data", body.clone())),
        )
        .await;
        let mut status: Vec<u16> = jawaban.iter().map(|(s, _)| *s).collect();
        status.sort_unstable();
        assert_eq!(
            status,
            [201, 409, 409, 409, 409, 409, 409, 409],
            "{jawaban:?}"
        );
        for (s, v) in &jawaban {
            if *s == 409 {
                assert!(
                    v["detail"].as_str().unwrap().contains("belum selesai"),
                    "{v}"
                );
            }
        }
        let (_, v) = app.get(&pejabat, "/api/v1/perubahan-data").await;
        assert_eq!(v["items"].as_array().unwrap().len(), 1, "{v}");
        app.selesai().await;
    }
}
