//! Aplikasi Perkantoran's main path through the pages in headless Chromium (R-SEP-01..05), on
//! both databases: the Sekretaris applies (a missing PDF named, what was typed kept), the
//! Direktorat declares it complete and approves, the Admin Pengelola adds a user, the admin
//! records a misuse and warns, the user answers through the emailed link, the case is closed.
//! Every page on the way is also checked by axe-core (WCAG 2.1 AA) when it is installed.

use fantoccini::Locator;
use pse_tests::peramban::{Peramban, klik, masuk, pelanggaran_axe, skrip_axe, teks, tulis, tunggu};
use pse_tests::*;
use serde_json::json;

/// Waits (10 s at most) for the banner that says `isi`.
async fn spanduk(b: &fantoccini::Client, isi: &str) {
    for _ in 0..100 {
        if let Ok(e) = b.find(Locator::Css(".panel-sukses[role=status]")).await
            && let Ok(t) = e.text().await
            && t.contains(isi)
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no banner saying {isi:?}: {}", teks(b).await);
}

async fn pilih(b: &fantoccini::Client, id: &str, label: &str) {
    b.find(Locator::Id(id))
        .await
        .unwrap()
        .select_by_label(label)
        .await
        .unwrap();
}

#[tokio::test]
async fn r_sep_01_to_05_the_main_path_through_the_pages_in_a_real_browser() {
    let axe = skrip_axe();
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let (s, v) = app
            .post(
                &admin,
                "/api/v1/admin/aplikasi-perkantoran",
                json!({"nama": "Srikandi", "deskripsi": "Tata naskah dinas elektronik.",
                       "url": "https://srikandi.arsip.go.id", "dasar_penetapan": "KepmenPANRB 679/2020"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let berkas = std::env::temp_dir().join(format!("kuasa-{}.pdf", std::process::id()));
        std::fs::write(&berkas, pdf()).unwrap();
        let b = &peramban.klien;
        let mut temuan = Vec::new();
        let periksa = async |temuan: &mut Vec<String>| {
            if let Some(axe) = &axe {
                let jalur = b.current_url().await.unwrap().path().to_string();
                for v in pelanggaran_axe(b, axe).await {
                    temuan.push(format!("{jalur}: {v}"));
                }
            }
        };

        // R-SEP-01: the Sekretaris applies; a missing Surat Kuasa is named, what was typed stays.
        b.goto(&format!("{}/aplikasi-perkantoran?cari=kesehatan", app.url))
            .await
            .unwrap();
        tunggu(b, "#aplikasi_id").await;
        periksa(&mut temuan).await;
        pilih(b, "aplikasi_id", "Srikandi").await;
        pilih(b, "instansi_id", "Kementerian Kesehatan").await;
        for (id, nilai) in ISIAN_SEP {
            tulis(b, id, nilai).await;
        }
        let unggah = async |id: &str| {
            b.find(Locator::Id(id))
                .await
                .unwrap()
                .send_keys(&berkas.display().to_string())
                .await
                .unwrap();
        };
        unggah("bukti_kepegawaian").await;
        klik(
            b,
            "form[method=post][action='/aplikasi-perkantoran'] button[type=submit]",
        )
        .await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(ringkasan.contains("Surat Kuasa"), "{ringkasan}");
        periksa(&mut temuan).await;
        let nama = b
            .find(Locator::Id("admin_nama"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(nama.as_deref(), Some("Agus Salim"), "what was typed stays");
        unggah("surat_kuasa").await;
        unggah("bukti_kepegawaian").await;
        klik(
            b,
            "form[method=post][action='/aplikasi-perkantoran'] button[type=submit]",
        )
        .await;
        spanduk(b, "Permohonan diterima").await;
        assert!(teks(b).await.contains("Diajukan"));
        periksa(&mut temuan).await;

        // R-SEP-02/03: complete, approved.
        masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
        b.goto(&format!("{}/admin/aplikasi-perkantoran", app.url))
            .await
            .unwrap();
        periksa(&mut temuan).await;
        klik(b, "main table a[href^='/admin/permohonan-sep/']").await;
        tunggu(b, "form[action$='/lengkap']").await;
        periksa(&mut temuan).await;
        klik(b, "form[action$='/lengkap'] button").await;
        spanduk(b, "lengkap").await;
        assert!(teks(b).await.contains("Keputusan paling lambat"));
        klik(b, "form[action$='/setujui'] button").await;
        spanduk(b, "disetujui").await;

        // The Admin Pengelola activates and adds a user through its page.
        let token = app
            .smtp
            .tunggu("agus.salim@kemkes.go.id", "Admin Pengelola")
            .await
            .token_aktivasi();
        let (s, _) = app
            .post(
                &klien(),
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": "Rahasia-Pengelola-2026"}),
            )
            .await;
        assert_eq!(s, 200);
        b.delete_all_cookies().await.unwrap();
        masuk(b, &app, "agus.salim@kemkes.go.id", "Rahasia-Pengelola-2026").await;
        klik(b, "a[href='/sep/pengguna']").await;
        tunggu(b, "#nama").await;
        periksa(&mut temuan).await;
        tulis(b, "nama", "Rudi Hartono").await;
        tulis(b, "nip", "199001012015031001").await;
        tulis(b, "email", "rudi@kemkes.go.id").await;
        tulis(b, "jabatan", "Analis").await;
        klik(b, "form[action='/sep/pengguna'] button").await;
        spanduk(b, "Rudi Hartono ditambahkan").await;

        // R-SEP-04/05: the admin records a misuse and warns; the user answers by the link.
        b.delete_all_cookies().await.unwrap();
        masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
        b.goto(&format!("{}/admin/sep/penyalahgunaan", app.url))
            .await
            .unwrap();
        tunggu(b, "#aplikasi_id").await;
        periksa(&mut temuan).await;
        pilih(b, "aplikasi_id", "Srikandi").await;
        tulis(b, "email", "rudi@kemkes.go.id").await;
        b.find(Locator::Id("kategori"))
            .await
            .unwrap()
            .select_by_value("spam")
            .await
            .unwrap();
        tulis(b, "uraian", "Pesan massal ke seluruh pegawai.").await;
        klik(b, "form[action='/admin/sep/penyalahgunaan'] button").await;
        spanduk(b, "Kasus dicatat").await;
        periksa(&mut temuan).await;
        klik(b, "form[action$='/peringatan'] button").await;
        spanduk(b, "Surat peringatan terkirim").await;
        klik(b, "a[href$='/surat']").await;
        let surat = teks(b).await;
        assert!(
            surat.contains("Tembusan") && surat.contains("5 hari kerja"),
            "{surat}"
        );
        periksa(&mut temuan).await;
        let kasus = b
            .current_url()
            .await
            .unwrap()
            .path()
            .trim_end_matches("/surat")
            .to_string();

        let tautan = app
            .smtp
            .tunggu("rudi@kemkes.go.id", "Peringatan tertulis")
            .await
            .tautan("/sep/peringatan/");
        b.delete_all_cookies().await.unwrap();
        b.goto(&tautan).await.unwrap();
        tunggu(b, "#jawaban").await;
        periksa(&mut temuan).await;
        tulis(
            b,
            "jawaban",
            "Pesan itu dikirim orang lain dari perangkat saya.",
        )
        .await;
        klik(b, "form[action$='/jawab'] button").await;
        spanduk(b, "Jawaban terkirim").await;
        app.smtp
            .tunggu("setjen@kemkes.go.id", "Tembusan: jawaban")
            .await;

        // The case is decided: closed, the user stays active.
        masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
        b.goto(&format!("{}{kasus}", app.url)).await.unwrap();
        tunggu(b, "input[name=keputusan][value=ditutup]").await;
        periksa(&mut temuan).await;
        klik(b, "input[name=keputusan][value=ditutup]").await;
        klik(b, "form[action$='/putuskan'] button").await;
        spanduk(b, "Kasus diputuskan").await;
        assert!(teks(b).await.contains("Ditutup"));
        assert!(temuan.is_empty(), "{backend:?}: {temuan:#?}");
        peramban.selesai().await;
        app.selesai().await;
    }
}
