//! Permohonan Daerah through the pages in headless Chromium (R-DAE-01..04), as each person would
//! do their step: the OPD applies (a gap named, what was typed kept), the Kepala Dinas and the
//! Kepala Bidang dispose from their inboxes, the Tim Teknis returns it, the OPD completes it, the
//! Tim Teknis registers its Data Awal and reports; the Surat Balasan and the Lembar Disposisi
//! read as letters.

use fantoccini::Locator;
use pse_tests::peramban::{Peramban, klik, masuk, teks, tulis, tunggu};
use pse_tests::*;

/// Logs `email` in, after whoever was in.
async fn sebagai(b: &fantoccini::Client, app: &Aplikasi, email: &str, sandi: &str) {
    b.delete_all_cookies().await.unwrap();
    masuk(b, app, email, sandi).await;
}

async fn pilih(b: &fantoccini::Client, id: &str, label: &str) {
    b.find(Locator::Id(id))
        .await
        .unwrap()
        .select_by_label(label)
        .await
        .unwrap();
}

async fn unggah(b: &fantoccini::Client, id: &str, berkas: &std::path::Path) {
    b.find(Locator::Id(id))
        .await
        .unwrap()
        .send_keys(&berkas.display().to_string())
        .await
        .unwrap();
}

/// Waits (10 s at most) for the banner that says `isi` after an action (the page before it may
/// still show an earlier one while the next loads).
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

#[tokio::test]
async fn r_dae_01_to_04_the_one_door_chain_through_the_pages_in_a_real_browser() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let bkd = app.unit(&pejabat, "Badan Kepegawaian Daerah").await;
        app.sub_pejabat(&admin, &pejabat, &bkd, "bkd@tarakankota.go.id")
            .await;
        let sandi = "Rahasia-Petugas-2026";
        for (nama, email, tugas) in [
            ("Ilham Zain", "kadis@tarakankota.go.id", "kepala_dinas"),
            ("Rahmawati", "kabid@tarakankota.go.id", "kepala_bidang"),
            ("Andi Pratama", "teknis@tarakankota.go.id", "tim_teknis"),
        ] {
            app.petugas(&pejabat, nama, email, tugas).await;
        }
        let berkas = std::env::temp_dir().join(format!("rekomendasi-{}.pdf", std::process::id()));
        std::fs::write(&berkas, pdf()).unwrap();
        let b = &peramban.klien;

        // The pejabat sees its petugas.
        sebagai(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
        klik(b, "a[href='/petugas-daerah']").await;
        let halaman = teks(b).await;
        assert!(
            halaman.contains("Andi Pratama") && halaman.contains("Tim Teknis"),
            "{halaman}"
        );

        // R-DAE-01: the OPD applies; a missing PDF is named, what was typed stays.
        sebagai(b, &app, "bkd@tarakankota.go.id", "Rahasia-Sub-2026").await;
        klik(b, "a[href='/permohonan-daerah']").await;
        klik(b, "a[href='/permohonan-daerah/baru']").await;
        tunggu(b, "#nama_sistem").await;
        tulis(b, "nama_sistem", "SIMPEG Tarakan").await;
        tulis(b, "deskripsi", "Kepegawaian ASN Pemerintah Kota Tarakan.").await;
        tulis(b, "nomor_surat", "800/123/BKD").await;
        tulis(b, "tanggal_surat", "2026-11-30").await;
        unggah(b, "surat_rekomendasi", &berkas).await;
        klik(b, "main form button[type=submit]").await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(ringkasan.contains("laporan tahap"), "{ringkasan}");
        let nama = b
            .find(Locator::Id("nama_sistem"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(nama.as_deref(), Some("SIMPEG Tarakan"));
        unggah(b, "surat_rekomendasi", &berkas).await;
        unggah(b, "laporan_tahapan", &berkas).await;
        klik(b, "main form button[type=submit]").await;
        spanduk(b, "Kepala Dinas").await;
        let id = b
            .current_url()
            .await
            .unwrap()
            .path()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();

        // R-DAE-02: the Kepala Dinas and the Kepala Bidang dispose from their inboxes.
        for (email, kepada) in [
            ("kadis@tarakankota.go.id", "Rahmawati"),
            ("kabid@tarakankota.go.id", "Andi Pratama"),
        ] {
            sebagai(b, &app, email, sandi).await;
            klik(b, "a[href='/permohonan-daerah']").await;
            let kotak = teks(b).await;
            assert!(
                kotak.contains("SIMPEG Tarakan") && kotak.contains("dari 60 menit kerja"),
                "{email}: {kotak}"
            );
            klik(b, &format!("a[href='/permohonan-daerah/{id}']")).await;
            tunggu(b, "#kepada_id").await;
            pilih(b, "kepada_id", kepada).await;
            tulis(b, "instruksi", "Mohon diproses sesuai SOP.").await;
            klik(b, "form[action$='/disposisi'] button").await;
            spanduk(b, "didisposisikan").await;
        }

        // R-DAE-03: returned with what is missing, completed by the OPD, registered.
        sebagai(b, &app, "teknis@tarakankota.go.id", sandi).await;
        b.goto(&format!("{}/permohonan-daerah/{id}", app.url))
            .await
            .unwrap();
        klik(b, "form[action$='/kembalikan'] button").await;
        let ringkasan = tunggu(b, "#ringkasan-galat").await.text().await.unwrap();
        assert!(ringkasan.contains("perlu dilengkapi"), "{ringkasan}");
        tulis(
            b,
            "kekurangan",
            "Laporan pengujian kelaikan belum dilampirkan.",
        )
        .await;
        klik(b, "form[action$='/kembalikan'] button").await;
        spanduk(b, "dikembalikan").await;

        sebagai(b, &app, "bkd@tarakankota.go.id", "Rahasia-Sub-2026").await;
        b.goto(&format!("{}/permohonan-daerah/{id}", app.url))
            .await
            .unwrap();
        assert!(
            teks(b)
                .await
                .contains("Laporan pengujian kelaikan belum dilampirkan.")
        );
        unggah(b, "laporan_tahapan", &berkas).await;
        tulis(b, "keterangan", "Laporan pengujian terlampir.").await;
        klik(b, "form[action$='/lengkapi'] button").await;
        spanduk(b, "kembali kepada Tim Teknis").await;

        sebagai(b, &app, "teknis@tarakankota.go.id", sandi).await;
        b.goto(&format!("{}/permohonan-daerah/{id}", app.url))
            .await
            .unwrap();
        klik(b, &format!("a[href='/permohonan-daerah/{id}/catat']")).await;
        let eksternal = tunggu(b, "#nama_eksternal")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            eksternal.as_deref(),
            Some("SIMPEG Tarakan"),
            "filled from the request"
        );
        tulis(b, "nama_internal", "Sistem Informasi Kepegawaian").await;
        for (id_isian, nilai) in [
            ("sasaran_pelayanan", "regional"),
            ("kategori", "rendah"),
            ("kategori_akses", "online"),
        ] {
            b.find(Locator::Id(id_isian))
                .await
                .unwrap()
                .select_by_value(nilai)
                .await
                .unwrap();
        }
        tulis(b, "url", "https://simpeg.tarakankota.go.id").await;
        klik(b, "main form button[type=submit]").await;
        spanduk(b, "menunggu verifikasi").await;

        // R-DAE-04: the report; the Surat Balasan and the Lembar Disposisi read as letters.
        tulis(b, "ringkasan", "Berkas lengkap; Data Awal tercatat.").await;
        klik(b, "form[action$='/selesaikan'] button").await;
        spanduk(b, "surat balasan terkirim").await;
        klik(
            b,
            &format!("a[href='/permohonan-daerah/{id}/surat-balasan']"),
        )
        .await;
        let surat = teks(b).await;
        assert!(
            surat.contains("Menindaklanjuti surat Saudara nomor 800/123/BKD")
                && surat.contains("Laporan waktu pelayanan"),
            "{surat}"
        );
        b.goto(&format!(
            "{}/permohonan-daerah/{id}/lembar-disposisi",
            app.url
        ))
        .await
        .unwrap();
        let lembar = teks(b).await;
        assert!(
            lembar.contains("Ilham Zain (Kepala Dinas)")
                && lembar.contains("Andi Pratama (Tim Teknis)")
                && lembar.contains("WITA"),
            "{lembar}"
        );
        let (_, antrean) = app
            .get(&admin, "/api/v1/admin/antrian?jenis=data-awal")
            .await;
        assert!(antrean.to_string().contains("SIMPEG Tarakan"), "{antrean}");
        peramban.selesai().await;
        app.selesai().await;
    }
}
