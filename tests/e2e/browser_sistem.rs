//! A system registered through the pages in headless Chromium, as a pejabat and the admin would:
//! Data Awal with a mistake, the task list and its progress, every section, the document, the
//! self-assessment, check-your-answers and submit, the admin's approval, and the trustmark whose
//! QR code, as the browser draws it, leads to the public verification page.

use fantoccini::Locator;
use pse_tests::peramban::{Peramban, isi_bagian, keluar, kirim, klik, masuk, teks, tulis, tunggu};
use pse_tests::*;
use serde_json::json;

#[tokio::test]
async fn r_se_07_a_system_registered_through_the_pages_in_a_real_browser() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        app.pejabat_tarakan(&admin).await;
        let berkas = std::env::temp_dir().join(format!("sop-{}.pdf", std::process::id()));
        std::fs::write(&berkas, pdf()).unwrap();
        let b = &peramban.klien;

        // Data Awal: online without a URL is refused; what was typed stays.
        masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
        klik(b, "nav a[href='/sistem-elektronik']").await;
        klik(b, "a[href='/sistem-elektronik/baru']").await;
        tunggu(b, "#nama_internal").await;
        tulis(b, "nama_internal", "Sistem Pelayanan Terpadu").await;
        tulis(b, "nama_eksternal", "SIPADU").await;
        tulis(
            b,
            "keterangan",
            "Perizinan terpadu bagi warga Kota Tarakan.",
        )
        .await;
        for (id, v) in [
            ("sasaran_pelayanan", "regional"),
            ("kategori", "rendah"),
            ("kategori_akses", "online"),
        ] {
            b.find(Locator::Id(id))
                .await
                .unwrap()
                .select_by_value(v)
                .await
                .unwrap();
        }
        kirim(b).await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(ringkasan.contains("URL"), "{ringkasan}");
        let nama = b
            .find(Locator::Id("nama_eksternal"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(nama.as_deref(), Some("SIPADU"));
        tulis(b, "url", "https://sipadu.tarakankota.go.id").await;
        kirim(b).await;
        tunggu(b, "[data-status=data_awal_diajukan]").await;
        let url = b.current_url().await.unwrap();
        let id = url.path().rsplit('/').next().unwrap().to_string();
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/data-awal/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);

        // The task list: ten parts, none complete.
        b.refresh().await.unwrap();
        tunggu(b, "ol.daftar-tugas").await;
        assert_eq!(
            b.find_all(Locator::Css("ol.daftar-tugas li"))
                .await
                .unwrap()
                .len(),
            10
        );
        assert!(teks(b).await.contains("0%"));

        // A section sent empty names its fields; filled, it completes and the progress moves.
        klik(
            b,
            &format!("a[href='/sistem-elektronik/{id}/bagian/data-umum']"),
        )
        .await;
        tunggu(b, "#fungsi").await;
        kirim(b).await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(
            ringkasan.contains("Fungsi sistem: wajib diisi."),
            "{ringkasan}"
        );

        // Half-typed, it can be kept for later: the part is "Sedang diisi" and the text comes back.
        tulis(b, "fungsi", "Perizinan terpadu").await;
        klik(b, "button[name=aksi][value=draf]").await;
        let baris = tunggu(
            b,
            &format!("li:has(a[href='/sistem-elektronik/{id}/bagian/data-umum'])"),
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(baris.contains("Sedang diisi"), "{baris}");
        assert!(teks(b).await.contains("0%"));
        klik(
            b,
            &format!("a[href='/sistem-elektronik/{id}/bagian/data-umum']"),
        )
        .await;
        let fungsi = tunggu(b, "#fungsi").await.prop("value").await.unwrap();
        assert_eq!(fungsi.as_deref(), Some("Perizinan terpadu"));
        for (bagian, isi) in isian_bagian() {
            b.goto(&format!(
                "{}/sistem-elektronik/{id}/bagian/{bagian}",
                app.url
            ))
            .await
            .unwrap();
            tunggu(b, "main form").await;
            isi_bagian(b, &isi).await;
            kirim(b).await;
            tunggu(b, "ol.daftar-tugas").await;
        }
        assert!(teks(b).await.contains("80%"), "{}", teks(b).await);

        // The supporting document.
        klik(b, &format!("a[href='/sistem-elektronik/{id}/dokumen']")).await;
        b.find(Locator::Id("jenis"))
            .await
            .unwrap()
            .select_by_value("sop")
            .await
            .unwrap();
        b.find(Locator::Id("berkas"))
            .await
            .unwrap()
            .send_keys(&berkas.display().to_string())
            .await
            .unwrap();
        kirim(b).await;
        tunggu(b, "tbody tr").await;
        assert!(
            teks(b)
                .await
                .contains(berkas.file_name().unwrap().to_str().unwrap())
        );

        // The self-assessment: A B B B A B B A B C gives 28, Tinggi, unlike the declared Rendah.
        b.goto(&format!(
            "{}/sistem-elektronik/{id}/penilaian-kategori",
            app.url
        ))
        .await
        .unwrap();
        for (i, j) in ["A", "B", "B", "B", "A", "B", "B", "A", "B", "C"]
            .iter()
            .enumerate()
        {
            klik(b, &format!("input[name='jawaban[{i}]'][value={j}]")).await;
        }
        kirim(b).await;
        tunggu(b, "ol.daftar-tugas").await;
        let halaman = teks(b).await;
        assert!(
            halaman.contains("100%") && halaman.contains("skor 28") && halaman.contains("Tinggi"),
            "{halaman}"
        );
        assert!(
            halaman.contains("berbeda dengan hasil penilaian"),
            "{halaman}"
        );

        // Check the answers, submit; the form locks.
        klik(b, &format!("a[href='/sistem-elektronik/{id}/periksa']")).await;
        tunggu(b, &format!("form[action='/sistem-elektronik/{id}/ajukan']")).await;
        assert!(teks(b).await.contains("Perwali Tarakan No. 12 Tahun 2023"));
        // Without the declaration: named, nothing submitted; ticked: submitted.
        klik(
            b,
            &format!("form[action='/sistem-elektronik/{id}/ajukan'] button"),
        )
        .await;
        tunggu(b, "#pernyataan-galat").await;
        assert!(teks(b).await.contains("Centang pernyataan"));
        klik(b, "#pernyataan").await;
        klik(
            b,
            &format!("form[action='/sistem-elektronik/{id}/ajukan'] button"),
        )
        .await;
        tunggu(b, "[data-status=diajukan]").await;
        assert!(teks(b).await.contains("terkunci"));

        // The admin finds it in the queue and approves it.
        keluar(b).await;
        masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
        b.goto(&format!("{}/admin/antrian", app.url)).await.unwrap();
        assert!(teks(b).await.contains("Formulir Sistem Elektronik"));
        klik(b, &format!("a[href='/admin/sistem-elektronik/{id}']")).await;
        tunggu(
            b,
            &format!("form[action='/admin/sistem-elektronik/{id}/setujui']"),
        )
        .await;
        klik(
            b,
            &format!("form[action='/admin/sistem-elektronik/{id}/setujui'] button"),
        )
        .await;
        tunggu(b, "[data-status=terdaftar]").await;
        keluar(b).await;

        // The pejabat sees the Tanda Daftar; its QR code, as drawn, leads to the verification page.
        masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
        assert!(
            teks(b).await.contains("Terdaftar"),
            "the dashboard counts it"
        );
        b.goto(&format!("{}/sistem-elektronik/{id}", app.url))
            .await
            .unwrap();
        let logo = tunggu(b, "img[alt^='Tanda Daftar']").await;
        b.execute(
            "return document.querySelector(\"img[alt^='Tanda Daftar']\").decode();",
            vec![],
        )
        .await
        .unwrap();
        let gambar = logo.screenshot().await.unwrap();
        assert_eq!(qr::dari_png(&gambar), format!("{}/tanda-daftar/1", app.url));

        // The public page verifies the number, and says when one does not exist; the registry finds it.
        keluar(b).await;
        b.goto(&format!("{}/tanda-daftar/1", app.url))
            .await
            .unwrap();
        let halaman = teks(b).await;
        assert!(
            halaman.contains("nomor 1 sah")
                && halaman.contains("SIPADU")
                && halaman.contains("Pemerintah Kota Tarakan"),
            "{halaman}"
        );
        b.goto(&format!("{}/tanda-daftar/77", app.url))
            .await
            .unwrap();
        assert!(teks(b).await.contains("Nomor 77 tidak terdaftar"));
        b.goto(&format!("{}/registri", app.url)).await.unwrap();
        tulis(b, "q", "sipadu").await;
        kirim(b).await;
        tunggu(b, "tbody tr").await;
        assert!(teks(b).await.contains("1 sistem ditemukan"));

        peramban.selesai().await;
        app.selesai().await;
        let _ = std::fs::remove_file(berkas);
    }
}
