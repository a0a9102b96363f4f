//! The Pejabat Pendaftar registration through the JSON API, as an outside tool would use it.

use pse_tests::*;
use serde_json::{Value, json};

type Isian = Vec<(&'static str, String)>;
type Berkas = (&'static str, Vec<u8>);

#[tokio::test]
async fn r_pej_03_bad_input_is_answered_with_the_field_and_stores_nothing() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let baik = isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan);
        let dok = || Some(("surat.pdf", pdf()));
        let png = Some(("surat.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()));

        let mut usulan = tanpa(&baik, "instansi_id");
        usulan.extend([
            (
                "instansi_baru_nama",
                "  badan SIBER   dan sandi negara ".to_string(),
            ),
            ("instansi_baru_jenis", "lembaga".to_string()),
            ("instansi_baru_alamat", "Jl. Harsono RM 70".to_string()),
            ("instansi_baru_website", "https://bssn.go.id".to_string()),
        ]);
        let kasus: Vec<(&str, Isian, Option<Berkas>)> = vec![
            ("gmail", ganti(&baik, "email", "budi@gmail.com"), dok()),
            (
                "nip bulan 13",
                ganti(&baik, "nip", "198501012010131001"),
                dok(),
            ),
            ("png bernama pdf", baik.clone(), png),
            ("tanpa dokumen", baik.clone(), None),
            ("semua isian kosong", vec![("email", String::new())], None),
            (
                "pengganti tanpa pejabat aktif",
                ganti(&baik, "status_pendaftar", "pengganti"),
                dok(),
            ),
            ("usulan instansi yang sudah ada", usulan, dok()),
        ];
        let mut hasil = Vec::new();
        for (nama, isian, dokumen) in kasus {
            let (s, v) = app.daftar(&isian, dokumen).await;
            hasil.push(json!({"kasus": nama, "status": s, "errors": v["errors"]}));
        }
        // Baru for an instansi whose pejabat is active.
        app.pejabat(
            &admin,
            "sari@tarakankota.go.id",
            "baru",
            &tarakan,
            "Rahasia-Sekali-2026",
        )
        .await;
        let (s, v) = app.daftar(&baik, dok()).await;
        hasil.push(
            json!({"kasus": "baru padahal ada pejabat aktif", "status": s, "errors": v["errors"]}),
        );

        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        assert_eq!(antrian["total"], 0, "{backend:?}: nothing stored");
        insta::assert_yaml_snapshot!("masukan_buruk", hasil);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_09_rejection_email_and_corrected_resubmission_keep_the_application() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let isian = isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan);
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!((s, v["status"].as_str()), (201, Some("diajukan")));
        let id = v["id"].as_str().unwrap().to_string();
        app.smtp.tunggu("budi@tarakankota.go.id", "diterima").await;

        let (s, _) = app
            .post(&admin, &format!("/api/v1/admin/pendaftaran-pejabat/{id}/tolak"),
                json!({"kategori_alasan": "bukan_kewenangan_tik", "catatan": "Jabatan tidak membidangi TIK."}))
            .await;
        assert_eq!(s, 200);
        let surel = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "perlu diperbaiki")
            .await;
        assert!(
            surel
                .teks
                .contains("Unit kerja tidak memiliki kewenangan di bidang TIK")
        );
        assert!(surel.teks.contains("Jabatan tidak membidangi TIK."));
        let tautan = surel.tautan("/perbaikan?kode=");
        assert!(
            tautan.starts_with(&format!(
                "{}/pendaftaran-pejabat/{id}/perbaikan?kode=",
                app.url
            )),
            "{tautan}"
        );
        let kode = tautan.rsplit('=').next().unwrap().to_string();

        // The correction page opens from the email link, prefilled.
        let halaman = klien().get(&tautan).send().await.unwrap();
        assert_eq!(halaman.status(), 200);
        assert!(
            halaman
                .text()
                .await
                .unwrap()
                .contains("Jabatan tidak membidangi TIK.")
        );

        let kirim = |kode: String, jabatan: &str| {
            let mut isian = isian.clone();
            isian.retain(|(k, _)| *k != "jabatan");
            isian.push(("jabatan", jabatan.into()));
            isian.push(("kode_perbaikan", kode));
            klien()
                .put(format!("{}/api/v1/pendaftaran-pejabat/{id}", app.url))
                .multipart(multipart(&isian, None))
                .send()
        };
        let salah = kirim("kode-palsu".into(), "Kepala Bidang Aplikasi Informatika")
            .await
            .unwrap();
        assert_eq!(salah.status(), 403);
        let benar = kirim(kode.clone(), "Kepala Bidang Aplikasi Informatika")
            .await
            .unwrap();
        assert_eq!(benar.status(), 200);
        let v: Value = benar.json().await.unwrap();
        assert_eq!(
            (v["id"].as_str(), v["status"].as_str()),
            (Some(id.as_str()), Some("diajukan"))
        );

        let (_, antrian) = app.get(&admin, "/api/v1/admin/antrian").await;
        assert_eq!(antrian["items"][0]["id"].as_str(), Some(id.as_str()));
        let (_, detail) = app
            .get(&admin, &format!("/api/v1/admin/pendaftaran-pejabat/{id}"))
            .await;
        assert_eq!(detail["jabatan"], "Kepala Bidang Aplikasi Informatika");
        assert_eq!(detail["jumlah_pengajuan"], 2);
        let dipakai_lagi = kirim(kode, "Lain").await.unwrap();
        assert_eq!(
            dipakai_lagi.status(),
            409,
            "{backend:?}: the code worked once"
        );
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_11_approval_activation_and_login_as_a_new_user_would() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let (_, v) = app
            .daftar(
                &isian_tarakan("Budi.Santoso@TarakanKota.go.id", "baru", &tarakan),
                Some(("surat.pdf", pdf())),
            )
            .await;
        let id = v["id"].as_str().unwrap().to_string();
        // The number people quote: on the receipt, in the email, on the admin's page; never the id.
        let nomor = v["nomor"].as_str().unwrap().to_string();
        assert!(nomor.starts_with("PJB-20") && nomor.len() == 15, "{nomor}");
        let diterima = app
            .smtp
            .tunggu("budi.santoso@tarakankota.go.id", "diterima")
            .await;
        assert!(diterima.teks.contains(&nomor), "{}", diterima.teks);
        assert!(!diterima.teks.contains(&id));
        let html = app
            .html(&klien(), &format!("/pendaftaran-pejabat/{nomor}/terkirim"))
            .await;
        assert!(
            html.contains(&format!("Nomor permohonan Anda: {nomor}.")),
            "{html}"
        );
        let r = klien()
            .get(format!("{}/pendaftaran-pejabat/{id}/terkirim", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "only a number is repeated on the receipt");
        let html = app
            .html(&admin, &format!("/admin/pendaftaran-pejabat/{id}"))
            .await;
        assert!(html.contains(&nomor), "{html}");
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let surel = app
            .smtp
            .tunggu("budi.santoso@tarakankota.go.id", "disetujui")
            .await;
        let tautan = surel.tautan("/aktivasi/");
        assert!(tautan.starts_with(&format!("{}/aktivasi/", app.url)));
        let token = tautan.rsplit('/').next().unwrap().to_string();
        assert_eq!(klien().get(&tautan).send().await.unwrap().status(), 200);

        let k = klien();
        let (s, v) = app
            .post(
                &k,
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": "pendek"}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("kata_sandi"))
        );
        let (s, _) = app
            .post(
                &k,
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": "budi.santoso@tarakankota.go.id"}),
            )
            .await;
        assert_eq!(s, 422, "the email is never a password");
        let (s, _) = app
            .post(
                &k,
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": "Rahasia-Sekali-2026"}),
            )
            .await;
        assert_eq!(s, 200);
        let (s, _) = app
            .post(
                &k,
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": "Rahasia-Lain-2026"}),
            )
            .await;
        assert_eq!(s, 400, "single use");

        let (s, _) = app.get(&k, "/api/v1/saya").await;
        assert_eq!(s, 401, "activation does not log in");
        let (s, _) = app
            .post(&k, "/api/v1/sesi", json!({"email": "budi.santoso@tarakankota.go.id", "kata_sandi": "budi.santoso@tarakankota.go.id"}))
            .await;
        assert_eq!(s, 401);
        let (s, _) = app
            .post(&k, "/api/v1/sesi", json!({"email": "BUDI.SANTOSO@tarakankota.go.id", "kata_sandi": "Rahasia-Sekali-2026"}))
            .await;
        assert_eq!(s, 200);
        let (s, saya) = app.get(&k, "/api/v1/saya").await;
        assert_eq!(s, 200);
        assert_eq!(saya["peran"], "pejabat_pendaftar");
        assert_eq!(saya["email"], "budi.santoso@tarakankota.go.id");
        assert_eq!(saya["instansi"]["nama"], "Pemerintah Kota Tarakan");
        assert_eq!(saya["instansi"]["id"].as_str(), Some(tarakan.as_str()));

        let r = k
            .delete(format!("{}/api/v1/sesi", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        assert_eq!(app.get(&k, "/api/v1/saya").await.0, 401);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_12_approved_pengganti_ends_the_previous_pejabat_and_its_session() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let lama = app
            .pejabat(
                &admin,
                "budi@tarakankota.go.id",
                "baru",
                &tarakan,
                "Rahasia-Sekali-2026",
            )
            .await;
        assert_eq!(app.get(&lama, "/api/v1/saya").await.0, 200);

        app.pejabat(
            &admin,
            "sari@tarakankota.go.id",
            "pengganti",
            &tarakan,
            "Rahasia-Sari-2026",
        )
        .await;
        assert_eq!(
            app.get(&lama, "/api/v1/saya").await.0,
            401,
            "{backend:?}: open session ended"
        );
        let (s, v) = app
            .post(
                &klien(),
                "/api/v1/sesi",
                json!({"email": "budi@tarakankota.go.id", "kata_sandi": "Rahasia-Sekali-2026"}),
            )
            .await;
        assert_eq!(s, 403, "{v}");
        app.smtp
            .tunggu("budi@tarakankota.go.id", "dinonaktifkan")
            .await;
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_11_a_reissued_activation_link_revokes_the_earlier_one_in_the_store() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let email = "budi.santoso@tarakankota.go.id";
        let (_, v) = app
            .daftar(
                &isian_tarakan(email, "baru", &tarakan),
                Some(("surat.pdf", pdf())),
            )
            .await;
        let id = v["id"].as_str().unwrap().to_string();
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let token = |surel: pse_tests::smtp::Surel| surel.token_aktivasi();
        let lama = token(app.smtp.tunggu(email, "disetujui").await);
        let akun = registrasi_pejabat::ports::RegistrasiRepo::akun_dengan_email(
            &app.portal.layanan.store,
            email,
        )
        .await
        .unwrap()
        .unwrap();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/akun/{}/aktivasi-ulang", akun.id),
                json!({}),
            )
            .await;
        assert_eq!(s, 204, "{v}");
        let baru = token(app.smtp.tunggu(email, "Tautan aktivasi baru").await);
        assert_ne!(lama, baru);
        let (s, _) = app
            .post(
                &klien(),
                "/api/v1/aktivasi",
                json!({"token": lama, "kata_sandi": "Rahasia-Sekali-2026"}),
            )
            .await;
        assert_eq!(s, 400, "the earlier link no longer works");
        let (s, _) = app
            .post(
                &klien(),
                "/api/v1/aktivasi",
                json!({"token": baru, "kata_sandi": "Rahasia-Sekali-2026"}),
            )
            .await;
        assert_eq!(s, 200, "the new one does");
        app.selesai().await;
    }
}
