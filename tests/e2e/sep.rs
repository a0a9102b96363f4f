//! Aplikasi Perkantoran through HTTP on both databases (R-SEP-01..06): the Sekretaris applies,
//! the Direktorat declares the file complete and approves, the Admin Pengelola activates and
//! adds a user, a second Admin Pengelola is refused on the third ground, a warning left
//! unanswered deactivates the user when the scheduled job runs past its due time (the office
//! application reads it through the sync), a repeated one for good, an answered one is closed.

use chrono::Duration;
use pse_tests::*;
use serde_json::{Value, json};

/// The `kode` of the link containing `jalur` in the last email to `kepada` titled `subjek`.
async fn kode(app: &Aplikasi, kepada: &str, subjek: &str, jalur: &str) -> (String, String) {
    let s = app.smtp.tunggu(kepada, subjek).await;
    let t = s.tautan(jalur);
    let (dasar, kode) = t.split_once("kode=").unwrap();
    (dasar.to_string(), kode.to_string())
}

#[tokio::test]
async fn r_sep_01_to_06_the_office_application_service_through_http_on_both_databases() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tamu = klien();
        let (s, v) = app
            .post(
                &admin,
                "/api/v1/admin/aplikasi-perkantoran",
                json!({"nama": "Srikandi", "deskripsi": "Tata naskah dinas elektronik.",
                       "url": "https://srikandi.arsip.go.id", "dasar_penetapan": "KepmenPANRB 679/2020"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let aplikasi = v["id"].as_str().unwrap().to_string();
        let (_, v) = app.get(&tamu, "/api/v1/publik/aplikasi-perkantoran").await;
        assert_eq!(v["items"][0]["nama"], "Srikandi");
        let kemenkes = app.instansi("kementerian%20kesehatan").await;

        // R-SEP-01: a missing Surat Kuasa is named, a PNG named .pdf refused, nothing stored.
        let (s, v) = app
            .kirim(
                &tamu,
                "/api/v1/permohonan-sep",
                permohonan_sep(&aplikasi, &kemenkes, None),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("surat_kuasa")),
            "{backend:?}: {v}"
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let (s, v) = app
            .kirim(
                &tamu,
                "/api/v1/permohonan-sep",
                permohonan_sep(&aplikasi, &kemenkes, Some(png)),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (415, Some("surat_kuasa")),
            "{v}"
        );
        let (_, v) = app.get(&admin, "/api/v1/admin/permohonan-sep").await;
        assert_eq!(v["total"], 0, "nothing stored: {v}");
        let (s, v) = app
            .kirim(
                &tamu,
                "/api/v1/permohonan-sep",
                permohonan_sep(&aplikasi, &kemenkes, Some(pdf())),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let kode_status = v["kode"].as_str().unwrap().to_string();
        app.smtp.tunggu("setjen@kemkes.go.id", "diterima").await;
        let (s, _) = app
            .get(&tamu, &format!("/api/v1/permohonan-sep/{id}?kode=salah"))
            .await;
        assert_eq!(s, 404);
        let (s, v) = app
            .get(
                &tamu,
                &format!("/api/v1/permohonan-sep/{id}?kode={kode_status}"),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("diajukan")));

        // R-SEP-02/03: complete (4 working days), approved; the Admin Pengelola activates.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/permohonan-sep/{id}/lengkap"),
                json!({}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("lengkap")), "{v}");
        assert!(v["tenggat"].is_string() && v["terlambat"] == false, "{v}");
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/permohonan-sep/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("disetujui")), "{v}");
        app.smtp.tunggu("setjen@kemkes.go.id", "Keputusan").await;
        let token = app
            .smtp
            .tunggu("agus.salim@kemkes.go.id", "Admin Pengelola")
            .await
            .token_aktivasi();
        let pengelola = app
            .aktifkan_dan_masuk(&token, "agus.salim@kemkes.go.id", "Rahasia-Pengelola-2026")
            .await;
        let (s, v) = app
            .post(&pengelola, "/api/v1/sep/pengguna", json!({"nama": "Rudi Hartono", "nip": "199001012015031001", "email": "rudi@kemkes.go.id", "jabatan": "Analis"}))
            .await;
        assert_eq!(s, 201, "{v}");
        let rudi = v["id"].as_str().unwrap().to_string();
        let (_, v) = app.get(&pengelola, "/api/v1/sep/pengguna").await;
        assert_eq!(v["total"], 2, "{v}");
        let (s, _) = app.get(&admin, "/api/v1/sep/pengguna").await;
        assert_eq!(s, 403, "the list is the Admin Pengelola's");

        // A second Admin Pengelola for the same Badan Pemerintahan: the third ground.
        let (_, v) = app
            .kirim(
                &tamu,
                "/api/v1/permohonan-sep",
                permohonan_sep(&aplikasi, &kemenkes, Some(pdf())),
            )
            .await;
        let kedua = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/permohonan-sep/{kedua}/lengkap"),
            json!({}),
        )
        .await;
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/permohonan-sep/{kedua}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        assert!(
            v["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("sudah pernah diberikan"),
            "{v}"
        );
        let (s, v) = app
            .post(&admin, &format!("/api/v1/admin/permohonan-sep/{kedua}/tolak"), json!({"kategori_alasan": "admin_pengelola_sudah_ada", "catatan": "Admin Pengelola aktif."}))
            .await;
        assert_eq!(
            (s, v["kategori_alasan"].as_str()),
            (200, Some("admin_pengelola_sudah_ada")),
            "{v}"
        );

        // The office application's sync token and its first read.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/aplikasi-perkantoran/{aplikasi}/token"),
                json!({}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let bearer = v["token"].as_str().unwrap().to_string();
        let sinkron = |sejak: Option<String>| {
            let (app, bearer, aplikasi) = (&app, bearer.clone(), aplikasi.clone());
            async move {
                let mut url = format!("{}/api/v1/sep/aplikasi/{aplikasi}/pengguna", app.url);
                if let Some(s) = sejak {
                    url.push_str(&format!("?sejak={s}"));
                }
                let r = klien().get(url).bearer_auth(bearer).send().await.unwrap();
                let s = r.status().as_u16();
                (s, r.json::<Value>().await.unwrap_or(Value::Null))
            }
        };
        let (s, v) = sinkron(None).await;
        assert_eq!(
            (s, v["items"].as_array().map(Vec::len)),
            (200, Some(2)),
            "{v}"
        );
        let kursor = v["berikutnya"].as_str().unwrap().to_string();
        let (s, _) = app
            .get(&tamu, &format!("/api/v1/sep/aplikasi/{aplikasi}/pengguna"))
            .await;
        assert_eq!(s, 401, "no token, no sync");

        // R-SEP-04/05: a warning unanswered past its due time, the scheduled job deactivates.
        let (s, v) = app
            .post(&admin, "/api/v1/admin/sep/penyalahgunaan", json!({"pengguna_id": rudi, "kategori": "spam", "uraian": "Pesan massal ke seluruh pegawai."}))
            .await;
        assert_eq!(s, 201, "{v}");
        let kasus = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sep/penyalahgunaan/{kasus}/peringatan"),
                json!({}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("menunggu_jawaban")),
            "{v}"
        );
        let tenggat = chrono::DateTime::parse_from_rfc3339(v["tenggat"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc);
        app.smtp
            .tunggu("rudi@kemkes.go.id", "Peringatan tertulis")
            .await;
        app.smtp
            .tunggu("setjen@kemkes.go.id", "Tembusan: Peringatan tertulis")
            .await;
        let h = app
            .portal
            .layanan
            .sep
            .jalankan_jadwal_pada(tenggat + Duration::hours(1))
            .await
            .unwrap();
        assert_eq!(h.dinonaktifkan, 1);
        app.smtp.tunggu("rudi@kemkes.go.id", "dinonaktifkan").await;
        app.smtp
            .tunggu("setjen@kemkes.go.id", "dinonaktifkan")
            .await;
        let (s, v) = sinkron(Some(kursor)).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p["email"].as_str().unwrap(), p["status"].as_str().unwrap()))
                .collect::<Vec<_>>(),
            [("rudi@kemkes.go.id", "nonaktif")],
            "{backend:?}: the office application reads the deactivation after its cursor"
        );

        // A repeated misuse: permanent; reactivation refused.
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sep/pengguna/{rudi}/aktifkan"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let (_, v) = app
            .post(&admin, "/api/v1/admin/sep/penyalahgunaan", json!({"pengguna_id": rudi, "kategori": "penipuan", "uraian": "Meminta transfer dana."}))
            .await;
        let kedua = v["id"].as_str().unwrap().to_string();
        let (_, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sep/penyalahgunaan/{kedua}/peringatan"),
                json!({}),
            )
            .await;
        let tenggat = chrono::DateTime::parse_from_rfc3339(v["tenggat"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc);
        app.portal
            .layanan
            .sep
            .jalankan_jadwal_pada(tenggat + Duration::hours(1))
            .await
            .unwrap();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sep/pengguna/{rudi}/aktifkan"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "a permanent deactivation stays: {v}");

        // Answered in time: the Sekretaris gets the copy; the case is closed, the user stays.
        let (_, v) = app.get(&pengelola, "/api/v1/sep/pengguna").await;
        let agus = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["peran"] == "admin_pengelola")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let (_, v) = app
            .post(&admin, "/api/v1/admin/sep/penyalahgunaan", json!({"pengguna_id": agus, "kategori": "fitnah", "uraian": "Tuduhan kepada rekan kerja."}))
            .await;
        let ketiga = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/sep/penyalahgunaan/{ketiga}/peringatan"),
            json!({}),
        )
        .await;
        let (_, kode_jawab) = kode(
            &app,
            "agus.salim@kemkes.go.id",
            "Peringatan tertulis",
            "/sep/peringatan/",
        )
        .await;
        let (s, _) = app
            .post(
                &tamu,
                &format!("/api/v1/sep/peringatan/{ketiga}/jawaban"),
                json!({"kode": "salah", "jawaban": "x"}),
            )
            .await;
        assert_eq!(s, 404);
        let (s, v) = app
            .post(
                &tamu,
                &format!("/api/v1/sep/peringatan/{ketiga}/jawaban"),
                json!({"kode": kode_jawab, "jawaban": "Pesan itu bukan dari saya."}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("dijawab")), "{v}");
        app.smtp
            .tunggu("setjen@kemkes.go.id", "Tembusan: jawaban")
            .await;
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sep/penyalahgunaan/{ketiga}/putuskan"),
                json!({"keputusan": "ditutup"}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("ditutup")), "{v}");
        let (_, v) = app.get(&pengelola, "/api/v1/sep/pengguna").await;
        assert_eq!(
            v["total"], 2,
            "the Admin Pengelola still reads its users: {v}"
        );
        app.selesai().await;
    }
}
