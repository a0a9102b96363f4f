//! A change of a registered system through the pages in headless Chromium: the "+" form, the
//! admin's approval from the queue, the edit, "Selesaikan perubahan", and the field-by-field
//! before → after table and the system's history.

use pse_tests::peramban::{Peramban, keluar, kirim, klik, masuk, teks, tulis, tunggu};
use pse_tests::*;
use serde_json::json;

#[tokio::test]
async fn r_pd_04_a_change_requested_approved_made_and_read_in_a_real_browser() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (_, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        let id = v["id"].as_str().unwrap().to_string();
        app.post(
            &admin,
            &format!("/api/v1/admin/data-awal/{id}/setujui"),
            json!({}),
        )
        .await;
        let (s, _) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(s, 200);
        let b = &peramban.klien;

        // "+" with no reason is refused and the choice is kept; with a reason it is "Terkirim".
        masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
        klik(b, "nav a[href='/perubahan-data']").await;
        klik(b, "a[href='/perubahan-data/baru']").await;
        tunggu(b, "#sistem_elektronik_id").await;
        b.find(fantoccini::Locator::Id("sistem_elektronik_id"))
            .await
            .unwrap()
            .select_by_value(&id)
            .await
            .unwrap();
        kirim(b).await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(ringkasan.contains("Tulis alasan perubahan"), "{ringkasan}");
        let pilihan = tunggu(b, "#sistem_elektronik_id")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(pilihan.as_deref(), Some(id.as_str()));
        tulis(b, "alasan", "Helpdesk pindah ke layanan terpadu.").await;
        kirim(b).await;
        tunggu(b, "[data-status=terkirim]").await;
        assert!(teks(b).await.contains("Terkirim"));
        keluar(b).await;

        // The admin approves from the queue.
        masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
        b.goto(&format!("{}/admin/antrian", app.url)).await.unwrap();
        assert!(teks(b).await.contains("Perubahan Data"));
        klik(b, "a[href^='/admin/perubahan-data/']").await;
        assert!(teks(b).await.contains("Menunggu Persetujuan"));
        klik(b, "form[action$='/setujui'] button").await;
        tunggu(b, "[data-status=disetujui_sedang_dalam_perubahan]").await;
        keluar(b).await;

        // The pejabat edits the helpdesk section and finishes the change.
        masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
        klik(b, "nav a[href='/perubahan-data']").await;
        assert!(teks(b).await.contains("Disetujui - Sedang Dalam Perubahan"));
        klik(b, "a.biru").await;
        klik(
            b,
            &format!("a[href='/sistem-elektronik/{id}/bagian/helpdesk']"),
        )
        .await;
        tunggu(b, "#email").await;
        tulis(b, "email", "layanan@tarakankota.go.id").await;
        kirim(b).await;
        // The saved section's page, once it has replaced the form.
        tunggu(b, "a[href^='/perubahan-data/']").await;
        klik(b, "a[href^='/perubahan-data/']").await;
        klik(b, "form[action$='/selesai'] button").await;
        tunggu(b, "[data-status=sudah_selesai]").await;
        let tabel = tunggu(b, "table").await.text().await.unwrap();
        assert!(
            tabel.contains("helpdesk@tarakankota.go.id")
                && tabel.contains("layanan@tarakankota.go.id"),
            "{tabel}"
        );

        // The system is registered with the same number and shows its history.
        b.goto(&format!("{}/sistem-elektronik/{id}", app.url))
            .await
            .unwrap();
        tunggu(b, "[data-status=terdaftar]").await;
        let halaman = teks(b).await;
        assert!(halaman.contains("Tanda Daftar nomor 1"), "{halaman}");
        assert!(halaman.contains("Riwayat perubahan data"), "{halaman}");
        peramban.selesai().await;
        app.selesai().await;
    }
}
