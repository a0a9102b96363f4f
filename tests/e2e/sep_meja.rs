//! Office-application requests on the admin's one verification desk, through HTTP on both
//! databases (R-SEP-02): each waits with its next step's due time (the file check in one working
//! day, the decision in four from the file being complete), the overdue filter finds the late
//! ones, a decision from the request's page is counted in the desk's summary, and the admins are
//! reminded once, one working day before a decision is due. And the Admin Pengelola ends a user
//! who left (R-SEP-04), which the office application reads through the sync.

use aplikasi_perkantoran::permohonan::{Berkas, FormPermohonanSep, PermohonanSep};
use aplikasi_perkantoran::ports::SepRepo;
use chrono::{DateTime, Duration, Utc};
use pse_tests::*;
use serde_json::{Value, json};

fn waktu(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// The desk's summary row of the office applications.
async fn ringkasan_sep(app: &Aplikasi, admin: &reqwest::Client) -> Value {
    let (s, v) = app.get(admin, "/api/v1/admin/antrian/ringkasan").await;
    assert_eq!(s, 200, "{v}");
    v["jenis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["jenis"] == "permohonan-sep")
        .cloned()
        .unwrap_or_else(|| panic!("no office applications on the desk: {v}"))
}

/// A request filed `hari` days ago and never checked, written through the store as the service
/// would have written it then.
async fn permohonan_lama(app: &Aplikasi, aplikasi: &str, instansi: &str, hari: i64) -> String {
    let store = &app.portal.layanan.store;
    let f: FormPermohonanSep = serde_json::from_value(json!(
        ISIAN_SEP
            .iter()
            .copied()
            .collect::<std::collections::HashMap<_, _>>()
    ))
    .unwrap();
    let berkas = |nama: &str| Berkas {
        sha256: "0".repeat(64),
        nama_berkas: nama.into(),
        ukuran: 2048,
    };
    let p = PermohonanSep::ajukan(
        aplikasi.parse().unwrap(),
        instansi.parse().unwrap(),
        f.periksa(true, true).unwrap(),
        berkas("surat-kuasa.pdf"),
        berkas("kartu-pegawai.pdf"),
        &pse_kernel::KalenderKerja::new([]),
        store.sekarang() - Duration::days(hari),
    );
    let mut u = SepRepo::mulai(store).await.unwrap();
    u.simpan_permohonan(&p).await.unwrap();
    u.commit().await.unwrap();
    p.id.to_string()
}

#[tokio::test]
async fn r_sep_02_requests_wait_on_the_one_desk_with_their_due_times_and_remind_the_admins() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        // Kemenkes' request, completed and approved through the request's API.
        app.admin_pengelola(&admin).await;
        let r = ringkasan_sep(&app, &admin).await;
        assert_eq!(
            (
                r["label"].as_str(),
                r["terbuka"].as_u64(),
                r["diputuskan"].as_u64()
            ),
            (Some("Aplikasi Perkantoran"), Some(0), Some(1)),
            "{backend:?}: the approval was the desk's: {r}"
        );
        let (_, v) = app
            .get(&klien(), "/api/v1/publik/aplikasi-perkantoran")
            .await;
        let aplikasi = v["items"][0]["id"].as_str().unwrap().to_string();
        let bssn = app.instansi("badan%20siber").await;

        // A fresh request: on the desk, its file check due in one working day, not late.
        let (s, v) = app
            .kirim(
                &klien(),
                "/api/v1/permohonan-sep",
                permohonan_sep(&aplikasi, &bssn, Some(pdf())),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .get(&admin, "/api/v1/admin/antrian?jenis=permohonan-sep")
            .await;
        assert_eq!((s, v["total"].as_u64()), (200, Some(1)), "{backend:?}: {v}");
        let item = &v["items"][0];
        assert_eq!(item["id"], id.as_str(), "{v}");
        assert_eq!(item["terlambat"], false, "{v}");
        assert!(
            item["judul"].as_str().unwrap().starts_with("Srikandi"),
            "{v}"
        );
        assert!(item["instansi"].as_str().unwrap().contains("Siber"), "{v}");
        let (masuk, tenggat) = (waktu(&item["masuk_antrian_pada"]), waktu(&item["tenggat"]));
        assert!(
            tenggat > masuk && tenggat <= masuk + Duration::days(4),
            "one working day (a weekend at most between): {v}"
        );

        // One filed two weeks ago and never checked is late, and alone under the filter.
        let lama = permohonan_lama(&app, &aplikasi, &bssn, 14).await;
        let (_, v) = app
            .get(
                &admin,
                "/api/v1/admin/antrian?jenis=permohonan-sep&terlambat=1",
            )
            .await;
        assert_eq!(v["total"], 1, "{backend:?}: {v}");
        assert_eq!(v["items"][0]["id"], lama.as_str(), "{v}");
        assert_eq!(v["items"][0]["terlambat"], true, "{v}");
        let (_, v) = app.get(&admin, "/api/v1/admin/antrian").await;
        assert_eq!(
            v["items"][0]["id"],
            lama.as_str(),
            "oldest first across kinds: {v}"
        );
        assert_eq!(ringkasan_sep(&app, &admin).await["terlambat"], 1);
        let html = app
            .html(&admin, "/admin/antrian?jenis=permohonan-sep")
            .await;
        assert!(
            html.contains("2 menunggu keputusan sesuai saringan"),
            "{html}"
        );
        assert!(
            html.contains(&format!("/admin/permohonan-sep/{id}")),
            "{html}"
        );
        assert!(html.contains("Terlambat"), "{html}");

        // Complete: the decision is due in four working days, and the admins are reminded once,
        // one working day before.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/permohonan-sep/{id}/lengkap"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (_, q) = app
            .get(&admin, "/api/v1/admin/antrian?jenis=permohonan-sep")
            .await;
        let item = q["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id.as_str())
            .unwrap();
        assert_eq!(
            waktu(&item["tenggat"]),
            waktu(&v["tenggat"]),
            "the desk shows the decision's due time"
        );
        let ingat = app
            .portal
            .layanan
            .store
            .permohonan(id.parse().unwrap())
            .await
            .unwrap()
            .unwrap()
            .ingat_pada
            .expect("a reminder is set");
        assert!(ingat < waktu(&v["tenggat"]), "{ingat} before {v}");
        let jadwal = &app.portal.layanan.sep;
        let h = jadwal
            .jalankan_jadwal_pada(ingat - Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!(h.keputusan_diingatkan, 0, "not yet");
        let h = jadwal
            .jalankan_jadwal_pada(ingat + Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!(h.keputusan_diingatkan, 1, "{backend:?}");
        let surel = app
            .smtp
            .tunggu(
                "verifikator@komdigi.go.id",
                "Pengingat: keputusan permohonan Srikandi",
            )
            .await;
        assert!(
            surel.tautan("/admin/permohonan-sep/").ends_with(&id),
            "the link to decide"
        );
        let h = jadwal
            .jalankan_jadwal_pada(ingat + Duration::minutes(2))
            .await
            .unwrap();
        assert_eq!(h.keputusan_diingatkan, 0, "once");

        // Refused from the request's page: it leaves the desk, the decision is counted.
        let r = admin
            .post(format!("{}/admin/permohonan-sep/{id}/tolak", app.url))
            .form(&[
                ("kategori_alasan", "bukan_badan_pemerintahan"),
                (
                    "catatan",
                    "Permohonan diajukan oleh unit yang bukan Badan Pemerintahan.",
                ),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let (_, v) = app
            .get(&admin, "/api/v1/admin/antrian?jenis=permohonan-sep")
            .await;
        assert_eq!(v["total"], 1, "{v}");
        let r = ringkasan_sep(&app, &admin).await;
        assert_eq!(
            (r["terbuka"].as_u64(), r["diputuskan"].as_u64()),
            (Some(1), Some(2)),
            "{r}"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_sep_04_the_admin_pengelola_ends_a_user_who_left_and_the_office_application_reads_it() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pengelola = app.admin_pengelola(&admin).await;
        let (_, v) = app.get(&pengelola, "/api/v1/sep/pengguna").await;
        let id_dari = |peran: &str| {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["peran"] == peran)
                .unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let (rudi, agus) = (id_dari("pengguna"), id_dari("admin_pengelola"));
        let (_, v) = app
            .get(&klien(), "/api/v1/publik/aplikasi-perkantoran")
            .await;
        let aplikasi = v["items"][0]["id"].as_str().unwrap().to_string();
        let (_, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/aplikasi-perkantoran/{aplikasi}/token"),
                json!({}),
            )
            .await;
        let bearer = v["token"].as_str().unwrap().to_string();
        let sinkron = || {
            klien()
                .get(format!(
                    "{}/api/v1/sep/aplikasi/{aplikasi}/pengguna",
                    app.url
                ))
                .bearer_auth(&bearer)
                .send()
        };

        // Without a reason: named, nothing changed; the page keeps it at the user's row.
        let jalur = format!("/api/v1/sep/pengguna/{rudi}/nonaktifkan");
        let (s, v) = app.post(&pengelola, &jalur, json!({"alasan": null})).await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("alasan")),
            "{v}"
        );
        let r = pengelola
            .post(format!("{}/sep/pengguna/{rudi}/nonaktifkan", app.url))
            .form(&[("alasan", " ")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!("href=\"#alasan-{rudi}\"")),
            "summary links the row's field"
        );
        assert!(
            html.contains("Tulis alasan pengguna ini dinonaktifkan"),
            "{html}"
        );
        // Not the Admin Pengelola's own record (the Direktorat's), not someone unknown, not the
        // admin's to do here.
        let (s, v) = app
            .post(
                &pengelola,
                &format!("/api/v1/sep/pengguna/{agus}/nonaktifkan"),
                json!({"alasan": "x"}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        let (s, _) = app
            .post(
                &pengelola,
                &format!("/api/v1/sep/pengguna/{aplikasi}/nonaktifkan"),
                json!({"alasan": "x"}),
            )
            .await;
        assert_eq!(s, 404);
        let (s, _) = app.post(&admin, &jalur, json!({"alasan": "x"})).await;
        assert_eq!(s, 403);

        // Ended from the page: a banner, the row no longer offers it, the sync reads it.
        let r = pengelola
            .post(format!("{}/sep/pengguna/{rudi}/nonaktifkan", app.url))
            .form(&[("alasan", "Pindah tugas ke Dinas Kesehatan Provinsi.")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let html = app.html(&pengelola, "/sep/pengguna").await;
        assert!(
            html.contains("Rudi Hartono dinonaktifkan"),
            "{backend:?}: {html}"
        );
        assert!(
            !html.contains(&format!("/sep/pengguna/{rudi}/nonaktifkan")),
            "{html}"
        );
        let v: Value = sinkron().await.unwrap().json().await.unwrap();
        let status: Vec<_> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["email"].as_str().unwrap(), p["status"].as_str().unwrap()))
            .collect();
        assert!(status.contains(&("rudi@kemkes.go.id", "nonaktif")), "{v}");
        let (s, v) = app
            .post(&pengelola, &jalur, json!({"alasan": "lagi"}))
            .await;
        assert_eq!(s, 409, "already ended: {v}");
        let (_, v) = app
            .get(&admin, &format!("/api/v1/admin/audit?subjek={rudi}"))
            .await;
        assert!(
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["aksi"] == "nonaktifkan"),
            "{v}"
        );
        app.selesai().await;
    }
}
