//! Struktur Organisasi and Sub Pejabat through the API, as a pejabat, a sub pejabat and the admin
//! would use them; and the authorization matrix of every route.

use pse_tests::*;
use serde_json::json;

#[tokio::test]
async fn r_sub_03_sub_pejabat_from_unit_to_login_with_its_limits() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let pejabat = app
            .pejabat(
                &admin,
                "budi@tarakankota.go.id",
                "baru",
                &tarakan,
                "Rahasia-Sekali-2026",
            )
            .await;

        // Before any unit: refused with a pointer to the Struktur Organisasi.
        let (s, v) = app.tambah_sub(&pejabat, "", "rina@tarakankota.go.id").await;
        assert_eq!(s, 409);
        assert!(
            v["detail"]
                .as_str()
                .unwrap()
                .contains("Catat Struktur Organisasi"),
            "{v}"
        );

        let dinas = app.unit(&pejabat, "Diskominfo").await;
        let (s, v) = app
            .post(&pejabat, "/api/v1/unit-organisasi", json!({"nama": "Bidang Aplikasi", "jabatan_kepala": "Kepala Bidang", "induk_id": dinas}))
            .await;
        assert_eq!(s, 201);
        let bidang = v["id"].as_str().unwrap().to_string();
        let kosong = app.unit(&pejabat, "Bidang Kosong").await;

        let (s, v) = app
            .tambah_sub(&pejabat, &bidang, "rina@tarakankota.go.id")
            .await;
        assert_eq!((s, v["status"].as_str()), (201, Some("tidak_aktif")));
        let rina = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .tambah_sub(&pejabat, &bidang, "andi@tarakankota.go.id")
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("unit_id")),
            "one per unit"
        );

        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        assert!(
            antrian["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["jenis"] == "sub-pejabat" && i["id"] == rina.as_str())
        );
        let st = admin
            .get(format!(
                "{}/api/v1/admin/sub-pejabat/{rina}/surat-tugas",
                app.url
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(st.status(), 200);
        assert!(st.bytes().await.unwrap().starts_with(b"%PDF-"));
        // The admin reviews it knowing where it sits: instansi and unit by name.
        let tinjau = app
            .html(&admin, &format!("/admin/sub-pejabat/{rina}"))
            .await;
        for nama in ["Pemerintah Kota Tarakan", "Bidang Aplikasi"] {
            assert!(tinjau.contains(nama), "{nama} in {tinjau}");
        }

        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sub-pejabat/{rina}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let surel = app
            .smtp
            .tunggu("rina@tarakankota.go.id", "Sub Pejabat")
            .await;
        let token = surel.token_aktivasi();
        let sub = klien();
        assert_eq!(
            app.post(
                &sub,
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": "Rahasia-Rina-2026"})
            )
            .await
            .0,
            200
        );
        assert_eq!(
            app.post(
                &sub,
                "/api/v1/sesi",
                json!({"email": "rina@tarakankota.go.id", "kata_sandi": "Rahasia-Rina-2026"})
            )
            .await
            .0,
            200
        );
        let (s, saya) = app.get(&sub, "/api/v1/saya").await;
        assert_eq!(
            (s, saya["peran"].as_str(), saya["unit"]["nama"].as_str()),
            (200, Some("sub_pejabat"), Some("Bidang Aplikasi"))
        );
        assert_eq!(app.get(&sub, "/api/v1/unit-organisasi").await.0, 403);
        assert_eq!(app.get(&sub, "/api/v1/sub-pejabat").await.0, 403);

        // Units in use stay; an empty one goes.
        assert_eq!(
            app.status(
                &pejabat,
                "DELETE",
                &format!("/api/v1/unit-organisasi/{bidang}"),
                None
            )
            .await,
            409
        );
        assert_eq!(
            app.status(
                &pejabat,
                "DELETE",
                &format!("/api/v1/unit-organisasi/{dinas}"),
                None
            )
            .await,
            409
        );
        assert_eq!(
            app.status(
                &pejabat,
                "DELETE",
                &format!("/api/v1/unit-organisasi/{kosong}"),
                None
            )
            .await,
            204
        );

        // Another instansi sees nothing of it.
        let kominfo = app.instansi("komunikasi%20dan%20digital").await;
        let lain = {
            let mut isian = isian_tarakan("sari@komdigi.go.id", "baru", &kominfo);
            isian.retain(|(k, _)| *k != "provinsi" && *k != "kota");
            isian.push(("provinsi", "31".into()));
            isian.push(("kota", "31.71".into()));
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
            assert_eq!(s, 201, "{v}");
            let id = v["id"].as_str().unwrap();
            app.post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
            let t = app
                .smtp
                .tunggu("sari@komdigi.go.id", "disetujui")
                .await
                .tautan("/aktivasi/");
            let k = klien();
            app.post(
                &k,
                "/api/v1/aktivasi",
                json!({"token": t.rsplit('/').next().unwrap(), "kata_sandi": "Rahasia-Sari-2026"}),
            )
            .await;
            app.post(
                &k,
                "/api/v1/sesi",
                json!({"email": "sari@komdigi.go.id", "kata_sandi": "Rahasia-Sari-2026"}),
            )
            .await;
            k
        };
        assert_eq!(
            app.get(&lain, &format!("/api/v1/sub-pejabat/{rina}"))
                .await
                .0,
            404
        );
        assert_eq!(
            app.status(
                &lain,
                "DELETE",
                &format!("/api/v1/unit-organisasi/{bidang}"),
                None
            )
            .await,
            404
        );
        assert_eq!(
            app.get(&lain, "/api/v1/unit-organisasi").await.1["total"],
            0
        );

        // Deleting the sub pejabat ends its session and keeps the record.
        assert_eq!(
            app.status(
                &pejabat,
                "DELETE",
                &format!("/api/v1/sub-pejabat/{rina}"),
                None
            )
            .await,
            204
        );
        assert_eq!(app.get(&sub, "/api/v1/saya").await.0, 401);
        assert_eq!(
            app.get(&pejabat, &format!("/api/v1/sub-pejabat/{rina}"))
                .await
                .1["status"],
            "dihapus"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_sub_04_editing_the_email_sends_it_back_to_verification() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let pejabat = app
            .pejabat(
                &admin,
                "budi@tarakankota.go.id",
                "baru",
                &tarakan,
                "Rahasia-Sekali-2026",
            )
            .await;
        let unit = app.unit(&pejabat, "Bidang Aplikasi").await;
        let (id, sub) = app
            .sub_pejabat(&admin, &pejabat, &unit, "rina@tarakankota.go.id")
            .await;
        let f = reqwest::multipart::Form::new()
            .text("nama_lengkap", "Rina Wati")
            .text("nip", "199001012015032001")
            .text("jenis_kepegawaian", "pns")
            .text("jabatan", "Kepala Seksi")
            .text("email", "rina.wati@tarakankota.go.id")
            .text("telepon", "0551-21821")
            .text("unit_id", unit.clone());
        let r = pejabat
            .put(format!("{}/api/v1/sub-pejabat/{id}", app.url))
            .multipart(f)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let v: serde_json::Value = r.json().await.unwrap();
        assert_eq!(v["status"], "tidak_aktif");
        assert_eq!(
            app.get(&sub, "/api/v1/saya").await.0,
            401,
            "its account waits for the admin again"
        );
        app.selesai().await;
    }
}

/// What a matrix row sends.
#[derive(Clone)]
enum Isi {
    Kosong,
    Json(serde_json::Value),
    Form(Vec<(&'static str, &'static str)>),
    /// A multipart form with one empty field: parsed, then refused by the use case.
    Multipart,
}

async fn kirim(app: &Aplikasi, k: &reqwest::Client, metode: &str, path: &str, isi: &Isi) -> u16 {
    let url = format!("{}{path}", app.url);
    let rb = match metode {
        "GET" => k.get(url),
        "POST" => k.post(url),
        "PUT" => k.put(url),
        "DELETE" => k.delete(url),
        m => panic!("metode {m}"),
    };
    let rb = match isi {
        Isi::Kosong => rb,
        Isi::Json(v) => rb.json(v),
        Isi::Form(f) => rb.form(f),
        Isi::Multipart => rb.multipart(reqwest::multipart::Form::new().text("nama_lengkap", "")),
    };
    rb.send().await.unwrap().status().as_u16()
}

async fn pejabat_instansi(
    app: &Aplikasi,
    admin: &reqwest::Client,
    instansi: &str,
    email: &str,
    prov: &str,
    kota: &str,
) -> reqwest::Client {
    let mut isian = isian_tarakan(email, "baru", instansi);
    isian.retain(|(k, _)| *k != "provinsi" && *k != "kota");
    isian.extend([("provinsi", prov.to_string()), ("kota", kota.to_string())]);
    let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_str().unwrap();
    app.post(
        admin,
        &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
        json!({}),
    )
    .await;
    let t = app
        .smtp
        .tunggu(email, "disetujui")
        .await
        .tautan("/aktivasi/");
    let k = klien();
    app.post(
        &k,
        "/api/v1/aktivasi",
        json!({"token": t.rsplit('/').next().unwrap(), "kata_sandi": "Rahasia-Lain-2026"}),
    )
    .await;
    app.post(
        &k,
        "/api/v1/sesi",
        json!({"email": email, "kata_sandi": "Rahasia-Lain-2026"}),
    )
    .await;
    k
}

/// Every route of the portal, called by six actors on instansi A's data. Bodies are incomplete on
/// purpose: an allowed caller gets 422 (or 409) and nothing changes, so each row speaks only of
/// authorization. The few rows that change state come last. `POST /keluar` and `DELETE
/// /api/v1/sesi` end the caller's session and are proven in their own tests.
#[tokio::test]
async fn r_sub_06_authorization_matrix_of_every_route() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let kominfo = app.instansi("komunikasi%20dan%20digital").await;
        let kaltara = app.instansi("provinsi%20kalimantan%20utara").await;
        let pejabat_a = app
            .pejabat(
                &admin,
                "budi@tarakankota.go.id",
                "baru",
                &tarakan,
                "Rahasia-Sekali-2026",
            )
            .await;
        let u1 = app.unit(&pejabat_a, "Bidang Aplikasi").await;
        let u2 = app.unit(&pejabat_a, "Bidang Statistik").await;
        let u3 = app.unit(&pejabat_a, "Bidang Persandian").await;
        let u4 = app.unit(&pejabat_a, "Bidang Humas").await;
        let (s1, sub_a) = app
            .sub_pejabat(&admin, &pejabat_a, &u1, "rina@tarakankota.go.id")
            .await;
        let (s2, sub_lain) = app
            .sub_pejabat(&admin, &pejabat_a, &u2, "andi@tarakankota.go.id")
            .await;
        let (s3, _) = app
            .sub_pejabat(&admin, &pejabat_a, &u3, "dewi@tarakankota.go.id")
            .await;
        let (_, v) = app
            .tambah_sub(&pejabat_a, &u4, "joko@tarakankota.go.id")
            .await;
        let s4 = v["id"].as_str().unwrap().to_string();
        let pejabat_b =
            pejabat_instansi(&app, &admin, &kominfo, "sari@komdigi.go.id", "31", "31.71").await;
        // An application waiting in the queue, for another instansi.
        let mut isian = isian_tarakan("tono@kaltaraprov.go.id", "baru", &kaltara);
        isian.retain(|(k, _)| *k != "kota");
        isian.push(("kota", "65.01".into()));
        let (_, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        let p = v["id"].as_str().unwrap().to_string();
        let nomor_p = v["nomor"].as_str().unwrap().to_string();

        // A system of sub_a's unit being filled in, and a Data Awal of the instansi waiting.
        let (_, v) = app
            .post(
                &sub_a,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        let se1 = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/data-awal/{se1}/setujui"),
            json!({}),
        )
        .await;
        let (_, v) = app
            .post(
                &pejabat_a,
                "/api/v1/sistem-elektronik",
                data_awal("Arsip", false),
            )
            .await;
        let se2 = v["id"].as_str().unwrap().to_string();
        // A registered system of sub_a's unit with a change request waiting.
        let (_, v) = app
            .post(
                &sub_a,
                "/api/v1/sistem-elektronik",
                data_awal("SIMPEL", true),
            )
            .await;
        let se3 = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/data-awal/{se3}/setujui"),
            json!({}),
        )
        .await;
        let (s, _) = app.lengkapi_dan_setujui(&admin, &sub_a, &se3).await;
        assert_eq!(s, 200);
        let (_, v) = app
            .post(
                &sub_a,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": se3, "alasan": "Server baru"}),
            )
            .await;
        let pd = v["id"].as_str().unwrap().to_string();
        // Two report configurations of sub_a.
        let mut lp = Vec::new();
        for nama in ["Rekap unit", "Rekap lain"] {
            let (_, v) = app
                .post(
                    &sub_a,
                    "/api/v1/laporan",
                    json!({"nama": nama, "kolom": ["nama_eksternal", "status"]}),
                )
                .await;
            lp.push(v["id"].as_str().unwrap().to_string());
        }
        let (lp, lp2) = (lp[0].clone(), lp[1].clone());
        // A complaint waiting for the admin.
        let (_, v) = app
            .post(
                &klien(),
                "/api/v1/pengaduan",
                json!({"nama": "Tono", "email": "tono@contoh.go.id", "kategori": "lainnya", "uraian": "Tanya."}),
            )
            .await;
        let pg_nomor = v["nomor"].as_str().unwrap().to_string();
        let (_, v) = app.get(&admin, "/api/v1/admin/pengaduan").await;
        let pg = v["items"][0]["id"].as_str().unwrap().to_string();

        let aktor = [
            ("anonim", klien()),
            ("pejabat_b", pejabat_b),
            ("sub_lain", sub_lain),
            ("sub_a", sub_a),
            ("pejabat_a", pejabat_a),
            ("admin", admin),
        ];
        let j = || Isi::Json(json!({}));
        let rute: Vec<(&str, String, Isi)> = vec![
            ("GET", "/".into(), Isi::Kosong),
            ("GET", "/healthz".into(), Isi::Kosong),
            ("GET", "/readyz".into(), Isi::Kosong),
            ("GET", "/aset/gaya.css".into(), Isi::Kosong),
            ("GET", "/aset/skrip/wilayah.js".into(), Isi::Kosong),
            ("GET", "/api/openapi.json".into(), Isi::Kosong),
            ("GET", "/api/v1/wilayah/provinsi".into(), Isi::Kosong),
            (
                "GET",
                "/api/v1/wilayah/provinsi/65/kota".into(),
                Isi::Kosong,
            ),
            ("GET", "/api/v1/instansi?provinsi=65".into(), Isi::Kosong),
            ("GET", "/pendaftaran-pejabat".into(), Isi::Kosong),
            ("POST", "/pendaftaran-pejabat".into(), Isi::Multipart),
            (
                "POST",
                "/pendaftaran-pejabat/templat/surat-tugas".into(),
                Isi::Multipart,
            ),
            ("POST", "/pendaftaran-pejabat/muat".into(), Isi::Multipart),
            ("POST", "/api/v1/pendaftaran-pejabat".into(), Isi::Multipart),
            (
                "GET",
                format!("/pendaftaran-pejabat/{nomor_p}/terkirim"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/pendaftaran-pejabat/{p}/perbaikan?kode=salah"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/pendaftaran-pejabat/{p}/perbaikan"),
                Isi::Multipart,
            ),
            (
                "POST",
                format!("/pendaftaran-pejabat/{p}/perbaikan/muat"),
                Isi::Multipart,
            ),
            (
                "PUT",
                format!("/api/v1/pendaftaran-pejabat/{p}"),
                Isi::Multipart,
            ),
            ("GET", "/aktivasi/token-salah".into(), Isi::Kosong),
            (
                "POST",
                "/aktivasi/token-salah".into(),
                Isi::Form(vec![("kata_sandi", "Rahasia-Apa-2026")]),
            ),
            (
                "POST",
                "/api/v1/aktivasi".into(),
                Isi::Json(json!({"token": "salah", "kata_sandi": "Rahasia-Apa-2026"})),
            ),
            ("GET", "/masuk".into(), Isi::Kosong),
            // Every actor sends the same wrong password from this one address: the first five
            // are 401, the sixth (the admin's) finds the email locked at this address (429).
            (
                "POST",
                "/masuk".into(),
                Isi::Form(vec![
                    ("email", "x@tarakankota.go.id"),
                    ("kata_sandi", "Salah-Sekali-2026"),
                ]),
            ),
            (
                "POST",
                "/api/v1/sesi".into(),
                Isi::Json(
                    json!({"email": "y@tarakankota.go.id", "kata_sandi": "Salah-Sekali-2026"}),
                ),
            ),
            ("GET", "/beranda".into(), Isi::Kosong),
            ("POST", "/profil".into(), Isi::Form(vec![])),
            (
                "POST",
                "/kata-sandi".into(),
                Isi::Form(vec![("kata_sandi_lama", "salah"), ("kata_sandi_baru", "x")]),
            ),
            ("GET", "/api/v1/saya".into(), Isi::Kosong),
            ("PUT", "/api/v1/saya".into(), j()),
            ("GET", "/struktur-organisasi".into(), Isi::Kosong),
            ("POST", "/struktur-organisasi".into(), Isi::Form(vec![])),
            ("GET", format!("/struktur-organisasi/{u1}"), Isi::Kosong),
            (
                "POST",
                format!("/struktur-organisasi/{u1}"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/struktur-organisasi/{u1}/hapus"),
                Isi::Kosong,
            ),
            ("GET", "/api/v1/unit-organisasi".into(), Isi::Kosong),
            ("POST", "/api/v1/unit-organisasi".into(), j()),
            ("PUT", format!("/api/v1/unit-organisasi/{u1}"), j()),
            (
                "DELETE",
                format!("/api/v1/unit-organisasi/{u1}"),
                Isi::Kosong,
            ),
            ("GET", "/pengguna".into(), Isi::Kosong),
            ("GET", "/pengguna/tambah".into(), Isi::Kosong),
            ("POST", "/pengguna/tambah".into(), Isi::Multipart),
            ("GET", format!("/pengguna/{s1}"), Isi::Kosong),
            ("GET", format!("/pengguna/{s1}/ubah"), Isi::Kosong),
            ("POST", format!("/pengguna/{s1}/ubah"), Isi::Multipart),
            ("GET", format!("/pengguna/{s1}/surat-tugas"), Isi::Kosong),
            ("GET", "/api/v1/sub-pejabat".into(), Isi::Kosong),
            ("POST", "/api/v1/sub-pejabat".into(), Isi::Multipart),
            ("GET", format!("/api/v1/sub-pejabat/{s1}"), Isi::Kosong),
            ("PUT", format!("/api/v1/sub-pejabat/{s1}"), Isi::Multipart),
            (
                "GET",
                format!("/api/v1/sub-pejabat/{s1}/surat-tugas"),
                Isi::Kosong,
            ),
            ("GET", "/admin/antrian".into(), Isi::Kosong),
            ("GET", "/admin/audit".into(), Isi::Kosong),
            ("GET", "/admin/akun".into(), Isi::Kosong),
            (
                "POST",
                format!("/admin/akun/{s1}/nonaktifkan"),
                Isi::Form(vec![]),
            ),
            ("GET", "/api/v1/admin/akun".into(), Isi::Kosong),
            (
                "POST",
                format!("/api/v1/admin/akun/{s1}/aktifkan"),
                Isi::Json(serde_json::json!({})),
            ),
            (
                "GET",
                format!("/admin/pendaftaran-pejabat/{p}"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/admin/pendaftaran-pejabat/{p}/dokumen"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/admin/pendaftaran-pejabat/{p}/tolak"),
                Isi::Form(vec![]),
            ),
            ("GET", format!("/admin/sub-pejabat/{s4}"), Isi::Kosong),
            (
                "GET",
                format!("/admin/sub-pejabat/{s4}/surat-tugas"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/admin/sub-pejabat/{s4}/tolak"),
                Isi::Form(vec![]),
            ),
            ("GET", "/api/v1/admin/antrian".into(), Isi::Kosong),
            ("GET", "/api/v1/admin/audit".into(), Isi::Kosong),
            (
                "GET",
                format!("/api/v1/admin/pendaftaran-pejabat/{p}"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/api/v1/admin/pendaftaran-pejabat/{p}/dokumen"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/api/v1/admin/sub-pejabat/{s4}"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/api/v1/admin/sub-pejabat/{s4}/surat-tugas"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/api/v1/admin/pendaftaran-pejabat/{p}/tolak"),
                j(),
            ),
            ("POST", format!("/api/v1/admin/sub-pejabat/{s4}/tolak"), j()),
            (
                "POST",
                format!("/api/v1/admin/akun/{s4}/aktivasi-ulang"),
                Isi::Kosong,
            ),
            ("GET", "/sistem-elektronik".into(), Isi::Kosong),
            ("GET", "/sistem-elektronik/baru".into(), Isi::Kosong),
            ("POST", "/sistem-elektronik/baru".into(), Isi::Form(vec![])),
            ("GET", format!("/sistem-elektronik/{se1}"), Isi::Kosong),
            (
                "GET",
                format!("/sistem-elektronik/{se1}/periksa"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/sistem-elektronik/{se1}/data-awal"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/sistem-elektronik/{se1}/data-awal"),
                Isi::Form(vec![]),
            ),
            (
                "GET",
                format!("/sistem-elektronik/{se1}/bagian/data-umum"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/sistem-elektronik/{se1}/bagian/data-umum"),
                Isi::Form(vec![]),
            ),
            (
                "GET",
                format!("/sistem-elektronik/{se1}/dokumen"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/sistem-elektronik/{se1}/dokumen"),
                Isi::Multipart,
            ),
            (
                "POST",
                format!("/sistem-elektronik/{se1}/dokumen/00/hapus"),
                Isi::Form(vec![]),
            ),
            (
                "GET",
                format!("/sistem-elektronik/{se1}/penilaian-kategori"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/sistem-elektronik/{se1}/penilaian-kategori"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/sistem-elektronik/{se1}/ajukan"),
                Isi::Form(vec![]),
            ),
            ("GET", "/api/v1/sistem-elektronik".into(), Isi::Kosong),
            ("POST", "/api/v1/sistem-elektronik".into(), j()),
            (
                "GET",
                format!("/api/v1/sistem-elektronik/{se1}"),
                Isi::Kosong,
            ),
            (
                "PUT",
                format!("/api/v1/sistem-elektronik/{se1}/data-awal"),
                j(),
            ),
            (
                "PUT",
                format!("/api/v1/sistem-elektronik/{se1}/bagian/data-umum"),
                j(),
            ),
            (
                "PUT",
                format!("/api/v1/sistem-elektronik/{se1}/bagian/data-umum/draf"),
                j(),
            ),
            (
                "PUT",
                format!("/api/v1/sistem-elektronik/{se1}/penilaian-kategori"),
                j(),
            ),
            (
                "POST",
                format!("/api/v1/sistem-elektronik/{se1}/dokumen"),
                Isi::Multipart,
            ),
            (
                "GET",
                format!("/api/v1/sistem-elektronik/{se1}/dokumen/00"),
                Isi::Kosong,
            ),
            (
                "DELETE",
                format!("/api/v1/sistem-elektronik/{se1}/dokumen/00"),
                Isi::Kosong,
            ),
            (
                "POST",
                format!("/api/v1/sistem-elektronik/{se1}/ajukan"),
                j(),
            ),
            (
                "GET",
                format!("/api/v1/sistem-elektronik/{se1}/tanda-daftar.svg"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/api/v1/sistem-elektronik/{se1}/tanda-daftar.png"),
                Isi::Kosong,
            ),
            (
                "GET",
                "/api/v1/publik/sistem-elektronik?q=sipadu".into(),
                Isi::Kosong,
            ),
            ("GET", "/api/v1/publik/tanda-daftar/1".into(), Isi::Kosong),
            ("GET", "/tanda-daftar/1".into(), Isi::Kosong),
            ("GET", "/registri?q=sipadu".into(), Isi::Kosong),
            (
                "GET",
                format!("/admin/sistem-elektronik/{se1}"),
                Isi::Kosong,
            ),
            ("GET", format!("/admin/data-awal/{se2}"), Isi::Kosong),
            (
                "POST",
                format!("/admin/data-awal/{se2}/tolak"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/admin/sistem-elektronik/{se1}/tolak"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/admin/sistem-elektronik/{se1}/setujui"),
                Isi::Form(vec![]),
            ),
            ("POST", format!("/api/v1/admin/data-awal/{se2}/tolak"), j()),
            (
                "POST",
                format!("/api/v1/admin/sistem-elektronik/{se1}/tolak"),
                j(),
            ),
            (
                "POST",
                format!("/api/v1/admin/sistem-elektronik/{se1}/setujui"),
                j(),
            ),
            ("GET", "/api/v1/perubahan-data".into(), Isi::Kosong),
            ("POST", "/api/v1/perubahan-data".into(), j()),
            ("GET", format!("/api/v1/perubahan-data/{pd}"), Isi::Kosong),
            ("POST", format!("/api/v1/perubahan-data/{pd}/selesai"), j()),
            (
                "POST",
                format!("/api/v1/admin/perubahan-data/{pd}/tolak"),
                j(),
            ),
            ("GET", "/perubahan-data".into(), Isi::Kosong),
            ("GET", "/perubahan-data/baru".into(), Isi::Kosong),
            ("POST", "/perubahan-data/baru".into(), Isi::Form(vec![])),
            ("GET", format!("/perubahan-data/{pd}"), Isi::Kosong),
            (
                "POST",
                format!("/perubahan-data/{pd}/selesai"),
                Isi::Form(vec![]),
            ),
            ("GET", format!("/admin/perubahan-data/{pd}"), Isi::Kosong),
            (
                "POST",
                format!("/admin/perubahan-data/{pd}/tolak"),
                Isi::Form(vec![]),
            ),
            ("GET", "/api/v1/laporan".into(), Isi::Kosong),
            ("POST", "/api/v1/laporan".into(), j()),
            ("GET", format!("/api/v1/laporan/{lp}"), Isi::Kosong),
            ("PUT", format!("/api/v1/laporan/{lp}"), j()),
            ("GET", format!("/api/v1/laporan/{lp}/unduh"), Isi::Kosong),
            ("GET", "/api/v1/admin/laporan/rekap".into(), Isi::Kosong),
            ("GET", "/laporan".into(), Isi::Kosong),
            ("GET", "/laporan/baru".into(), Isi::Kosong),
            ("POST", "/laporan/baru".into(), Isi::Form(vec![])),
            ("GET", format!("/laporan/{lp}/ubah"), Isi::Kosong),
            ("POST", format!("/laporan/{lp}/ubah"), Isi::Form(vec![])),
            ("GET", format!("/laporan/{lp}/unduh"), Isi::Kosong),
            ("GET", "/admin/laporan/rekap".into(), Isi::Kosong),
            ("GET", "/api/v1/admin/surel".into(), Isi::Kosong),
            ("GET", "/admin/surel".into(), Isi::Kosong),
            ("GET", format!("/laporan/{lp2}/hapus"), Isi::Kosong),
            ("GET", format!("/pengguna/{s3}/hapus"), Isi::Kosong),
            (
                "GET",
                format!("/struktur-organisasi/{u1}/hapus"),
                Isi::Kosong,
            ),
            // Rows that change state for the last caller allowed.
            (
                "POST",
                format!("/api/v1/admin/pendaftaran-pejabat/{p}/setujui"),
                j(),
            ),
            (
                "POST",
                format!("/admin/pendaftaran-pejabat/{p}/setujui"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/api/v1/admin/sub-pejabat/{s4}/setujui"),
                j(),
            ),
            (
                "POST",
                format!("/admin/sub-pejabat/{s4}/setujui"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/admin/data-awal/{se2}/setujui"),
                Isi::Form(vec![]),
            ),
            (
                "POST",
                format!("/api/v1/admin/perubahan-data/{pd}/setujui"),
                j(),
            ),
            ("GET", "/standar-pelayanan".into(), Isi::Kosong),
            ("GET", "/panduan".into(), Isi::Kosong),
            ("GET", "/pengaduan".into(), Isi::Kosong),
            ("POST", "/pengaduan".into(), Isi::Form(vec![])),
            ("POST", "/api/v1/pengaduan".into(), j()),
            (
                "GET",
                format!("/pengaduan/status?nomor={pg_nomor}&kode=salah"),
                Isi::Kosong,
            ),
            (
                "GET",
                format!("/api/v1/pengaduan/{pg_nomor}?kode=salah"),
                Isi::Kosong,
            ),
            ("GET", "/admin/pengaduan".into(), Isi::Kosong),
            ("GET", format!("/admin/pengaduan/{pg}"), Isi::Kosong),
            (
                "POST",
                format!("/admin/pengaduan/{pg}/tanggapi"),
                Isi::Form(vec![]),
            ),
            ("GET", "/api/v1/admin/pengaduan".into(), Isi::Kosong),
            (
                "POST",
                format!("/api/v1/admin/pengaduan/{pg}/tanggapi"),
                j(),
            ),
            ("GET", "/survei/bukan-token".into(), Isi::Kosong),
            ("POST", "/survei/bukan-token".into(), Isi::Form(vec![])),
            ("POST", "/api/v1/survei/bukan-token".into(), j()),
            ("GET", "/admin/survei".into(), Isi::Kosong),
            ("GET", "/api/v1/admin/survei/ikm".into(), Isi::Kosong),
            ("GET", "/admin/survei/unduh".into(), Isi::Kosong),
            ("GET", "/api/v1/admin/survei/jawaban".into(), Isi::Kosong),
            ("GET", "/api/v1/layanan-daerah/petugas".into(), Isi::Kosong),
            ("POST", "/api/v1/layanan-daerah/petugas".into(), j()),
            (
                "POST",
                "/api/v1/layanan-daerah/petugas/0190f000-0000-7000-8000-000000000000/akhiri".into(),
                j(),
            ),
            ("GET", "/api/v1/permohonan-daerah".into(), Isi::Kosong),
            ("POST", "/api/v1/permohonan-daerah".into(), Isi::Multipart),
            ("GET", "/api/v1/permohonan-daerah/0190f000-0000-7000-8000-000000000000".into(), Isi::Kosong),
            (
                "POST",
                "/api/v1/permohonan-daerah/0190f000-0000-7000-8000-000000000000/disposisi".into(),
                j(),
            ),
            (
                "POST",
                "/api/v1/permohonan-daerah/0190f000-0000-7000-8000-000000000000/kembalikan".into(),
                j(),
            ),
            (
                "POST",
                "/api/v1/permohonan-daerah/0190f000-0000-7000-8000-000000000000/lengkapi".into(),
                Isi::Multipart,
            ),
            (
                "POST",
                "/api/v1/permohonan-daerah/0190f000-0000-7000-8000-000000000000/catat".into(),
                j(),
            ),
            (
                "POST",
                "/api/v1/permohonan-daerah/0190f000-0000-7000-8000-000000000000/selesaikan".into(),
                j(),
            ),
            (
                "GET",
                "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/lembar-disposisi".into(),
                Isi::Kosong,
            ),
            (
                "GET",
                "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/surat-balasan".into(),
                Isi::Kosong,
            ),
            ("GET", "/api/v1/publik/aplikasi-perkantoran".into(), Isi::Kosong),
            ("POST", "/api/v1/admin/aplikasi-perkantoran".into(), j()),
            ("POST", "/api/v1/admin/aplikasi-perkantoran/0190f000-0000-7000-8000-000000000000/token".into(), j()),
            ("DELETE", "/api/v1/admin/aplikasi-perkantoran/0190f000-0000-7000-8000-000000000000/token".into(), Isi::Kosong),
            ("POST", "/api/v1/permohonan-sep".into(), Isi::Multipart),
            ("GET", "/api/v1/permohonan-sep/0190f000-0000-7000-8000-000000000000?kode=salah".into(), Isi::Kosong),
            ("POST", "/api/v1/permohonan-sep/0190f000-0000-7000-8000-000000000000/perbaiki".into(), Isi::Multipart),
            ("GET", "/api/v1/admin/permohonan-sep".into(), Isi::Kosong),
            ("GET", "/api/v1/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000".into(), Isi::Kosong),
            ("POST", "/api/v1/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000/lengkap".into(), j()),
            ("POST", "/api/v1/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000/perbaikan".into(), j()),
            ("POST", "/api/v1/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000/setujui".into(), j()),
            ("POST", "/api/v1/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000/tolak".into(), j()),
            ("GET", "/api/v1/sep/pengguna".into(), Isi::Kosong),
            ("POST", "/api/v1/sep/pengguna".into(), j()),
            ("POST", "/api/v1/sep/pengguna/0190f000-0000-7000-8000-000000000000/nonaktifkan".into(), j()),
            ("POST", "/api/v1/admin/sep/pengguna/0190f000-0000-7000-8000-000000000000/aktifkan".into(), j()),
            ("GET", "/api/v1/admin/sep/penyalahgunaan".into(), Isi::Kosong),
            ("POST", "/api/v1/admin/sep/penyalahgunaan".into(), j()),
            ("POST", "/api/v1/admin/sep/penyalahgunaan/0190f000-0000-7000-8000-000000000000/peringatan".into(), j()),
            ("POST", "/api/v1/admin/sep/penyalahgunaan/0190f000-0000-7000-8000-000000000000/putuskan".into(), j()),
            ("POST", "/api/v1/sep/peringatan/0190f000-0000-7000-8000-000000000000/jawaban".into(), j()),
            ("GET", "/api/v1/sep/aplikasi/0190f000-0000-7000-8000-000000000000/pengguna".into(), Isi::Kosong),
            ("GET", "/aplikasi-perkantoran".into(), Isi::Kosong),
            ("POST", "/aplikasi-perkantoran".into(), Isi::Multipart),
            ("GET", "/permohonan-sep/0190f000-0000-7000-8000-000000000000?kode=salah".into(), Isi::Kosong),
            ("POST", "/permohonan-sep/0190f000-0000-7000-8000-000000000000/perbaikan".into(), Isi::Multipart),
            ("GET", "/sep/peringatan/0190f000-0000-7000-8000-000000000000/jawab?kode=salah".into(), Isi::Kosong),
            ("POST", "/sep/peringatan/0190f000-0000-7000-8000-000000000000/jawab".into(), Isi::Form(vec![])),
            ("GET", "/sep/pengguna".into(), Isi::Kosong),
            ("POST", "/sep/pengguna".into(), Isi::Form(vec![])),
            ("POST", "/pengguna/templat-surat-tugas".into(), Isi::Multipart),
            ("POST", "/sep/pengguna/0190f000-0000-7000-8000-000000000000/nonaktifkan".into(), Isi::Form(vec![])),
            ("GET", "/admin/aplikasi-perkantoran".into(), Isi::Kosong),
            ("POST", "/admin/aplikasi-perkantoran".into(), Isi::Form(vec![])),
            ("POST", "/admin/aplikasi-perkantoran/0190f000-0000-7000-8000-000000000000/token".into(), Isi::Form(vec![])),
            ("GET", "/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000".into(), Isi::Kosong),
            ("GET", "/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000/dokumen/surat-kuasa".into(), Isi::Kosong),
            ("POST", "/admin/permohonan-sep/0190f000-0000-7000-8000-000000000000/lengkap".into(), Isi::Form(vec![])),
            ("GET", "/admin/sep/penyalahgunaan".into(), Isi::Kosong),
            ("POST", "/admin/sep/penyalahgunaan".into(), Isi::Form(vec![])),
            ("GET", "/admin/sep/penyalahgunaan/0190f000-0000-7000-8000-000000000000".into(), Isi::Kosong),
            ("GET", "/admin/sep/penyalahgunaan/0190f000-0000-7000-8000-000000000000/surat".into(), Isi::Kosong),
            ("POST", "/admin/sep/penyalahgunaan/0190f000-0000-7000-8000-000000000000/peringatan".into(), Isi::Form(vec![])),
            ("POST", "/admin/sep/pengguna/0190f000-0000-7000-8000-000000000000/aktifkan".into(), Isi::Form(vec![])),
            ("GET", "/petugas-daerah".into(), Isi::Kosong),
            ("POST", "/petugas-daerah".into(), Isi::Form(vec![])),
            ("POST", "/petugas-daerah/jam-kerja".into(), Isi::Form(vec![])),
            ("POST", "/petugas-daerah/0190f000-0000-7000-8000-000000000000/akhiri".into(), Isi::Form(vec![])),
            ("GET", "/permohonan-daerah".into(), Isi::Kosong),
            ("GET", "/permohonan-daerah/kinerja".into(), Isi::Kosong),
            ("GET", "/permohonan-daerah/baru".into(), Isi::Kosong),
            ("POST", "/permohonan-daerah/baru".into(), Isi::Multipart),
            ("GET", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000".into(), Isi::Kosong),
            (
                "GET",
                "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/dokumen/surat-rekomendasi".into(),
                Isi::Kosong,
            ),
            ("POST", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/disposisi".into(), Isi::Form(vec![])),
            ("POST", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/kembalikan".into(), Isi::Form(vec![])),
            ("POST", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/lengkapi".into(), Isi::Multipart),
            ("GET", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/catat".into(), Isi::Kosong),
            ("POST", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/catat".into(), Isi::Form(vec![])),
            ("POST", "/permohonan-daerah/0190f000-0000-7000-8000-000000000000/selesaikan".into(), Isi::Form(vec![])),
            (
                "GET",
                "/api/v1/kalender/tenggat?mulai=2026-12-04T16:20:00%2B08:00&menit_kerja=60&zona=WITA".into(),
                Isi::Kosong,
            ),
            ("DELETE", format!("/api/v1/laporan/{lp}"), Isi::Kosong),
            ("POST", format!("/laporan/{lp2}/hapus"), Isi::Form(vec![])),
            ("POST", format!("/pengguna/{s3}/hapus"), Isi::Kosong),
            ("DELETE", format!("/api/v1/sub-pejabat/{s2}"), Isi::Kosong),
        ];
        let mut matriks = Vec::new();
        for (metode, path, isi) in &rute {
            let mut baris = format!(
                "{metode} {}",
                path.replace(&p, "{p}")
                    .replace(&nomor_p, "{nomor_p}")
                    .replace(&u1, "{u1}")
                    .replace(&s1, "{s1}")
                    .replace(&s2, "{s2}")
                    .replace(&s3, "{s3}")
                    .replace(&s4, "{s4}")
                    .replace(&se1, "{se1}")
                    .replace(&se2, "{se2}")
                    .replace(&se3, "{se3}")
                    .replace(&pd, "{pd}")
                    .replace(&lp2, "{lp2}")
                    .replace(&lp, "{lp}")
                    .replace(&pg_nomor, "{pg_nomor}")
                    .replace(&pg, "{pg}")
            );
            for (nama, k) in &aktor {
                baris.push_str(&format!(
                    " {nama}={}",
                    kirim(&app, k, metode, path, isi).await
                ));
            }
            matriks.push(baris);
        }
        insta::assert_yaml_snapshot!("matriks_otorisasi", matriks);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_sub_01_a_unit_that_has_systems_cannot_be_deleted() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Dinas Kesehatan").await;
        let (sub_id, sub) = app
            .sub_pejabat(&admin, &pejabat, &unit, "rina@tarakankota.go.id")
            .await;
        let (s, v) = app
            .post(&sub, "/api/v1/sistem-elektronik", data_awal("SIMPUS", true))
            .await;
        assert_eq!(s, 201, "{v}");
        // The sub pejabat leaves; the system it registered stays with the unit (R-SUB-04).
        let r = pejabat
            .delete(format!("{}/api/v1/sub-pejabat/{sub_id}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let r = pejabat
            .delete(format!("{}/api/v1/unit-organisasi/{unit}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let v: serde_json::Value = r.json().await.unwrap();
        assert!(
            v.to_string().contains("memiliki 1 sistem elektronik"),
            "{v}"
        );
        let (_, v) = app.get(&pejabat, "/api/v1/unit-organisasi").await;
        assert!(
            v.to_string().contains("Dinas Kesehatan"),
            "still there: {v}"
        );
        app.selesai().await;
    }
}
