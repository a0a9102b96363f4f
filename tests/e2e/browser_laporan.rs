//! Reports through the pages in headless Chromium: the "+" form keeps what was typed on an error,
//! the chosen columns and their order, the download (fetched with the browser's session and read
//! back), editing and deleting.

use fantoccini::Locator;
use pse_tests::peramban::{Peramban, kirim, klik, masuk, teks, tulis, tunggu};
use pse_tests::xlsx::baca;
use pse_tests::*;

#[tokio::test]
async fn r_lap_01_a_report_added_downloaded_edited_and_deleted_in_a_real_browser() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        app.post(
            &pejabat,
            "/api/v1/sistem-elektronik",
            data_awal("SIPADU", true),
        )
        .await;
        let b = &peramban.klien;

        masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
        klik(b, "nav a[href='/laporan']").await;
        klik(b, "a[href='/laporan/baru']").await;
        tunggu(b, "#nama").await;
        // Untick every column: refused, the name stays.
        tulis(b, "nama", "Rekap Tarakan").await;
        for c in b
            .find_all(Locator::Css("input[name=kolom]:checked"))
            .await
            .unwrap()
        {
            c.click().await.unwrap();
        }
        kirim(b).await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(
            ringkasan.contains("Pilih paling sedikit satu kolom"),
            "{ringkasan}"
        );
        let nama = tunggu(b, "#nama").await.prop("value").await.unwrap();
        assert_eq!(nama.as_deref(), Some("Rekap Tarakan"));
        // Status first, then the name.
        klik(b, "input[name=kolom][value=nama_eksternal]").await;
        klik(b, "input[name=kolom][value=status]").await;
        tulis(b, "posisi_status", "1").await;
        tulis(b, "posisi_nama_eksternal", "2").await;
        kirim(b).await;
        tunggu(b, "a[href$='/unduh']").await;
        assert!(teks(b).await.contains("Rekap Tarakan"));

        // The blue button's file, fetched with the browser's session.
        let tautan = b
            .find(Locator::Css("a[href$='/unduh']"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        let sesi = b.get_named_cookie("pse_sesi").await.unwrap();
        let isi = klien()
            .get(format!("{}{tautan}", app.url))
            .header("cookie", format!("pse_sesi={}", sesi.value()))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert_eq!(
            baca(&isi)[0].1,
            vec![
                vec!["Status".to_string(), "Nama Sistem Elektronik".into()],
                vec!["Data Awal menunggu verifikasi".into(), "SIPADU".into()],
            ]
        );

        // Edit (green), then delete (red).
        klik(b, "a[href$='/ubah']").await;
        tunggu(b, "#nama").await;
        tulis(b, "nama", "Rekap Kota Tarakan").await;
        kirim(b).await;
        tunggu(b, "a[href$='/unduh']").await;
        assert!(teks(b).await.contains("Rekap Kota Tarakan"));
        klik(b, "a[href$='/hapus']").await;
        let tanya = tunggu(b, "[role=alert] h1").await.text().await.unwrap();
        assert_eq!(tanya, "Hapus laporan “Rekap Kota Tarakan”?");
        klik(b, "form[action$='/hapus'] button").await;
        tunggu(b, "p.kosong").await;
        peramban.selesai().await;
        app.selesai().await;
    }
}
