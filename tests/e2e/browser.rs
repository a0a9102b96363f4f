//! The registration form in headless Chromium: a mistake is summarised at the top and beside the
//! field, nothing typed is lost, the corrected form goes through.

use fantoccini::Locator;
use pse_tests::peramban::Peramban;
use pse_tests::*;
use std::time::Duration;

async fn isi(b: &fantoccini::Client, id: &str, nilai: &str) {
    let e = b.find(Locator::Id(id)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(nilai).await.unwrap();
}

async fn pilih(b: &fantoccini::Client, id: &str, nilai: &str) {
    // The lists fill in by script after the province changes: wait for the option.
    let css = format!("#{id} option[value='{nilai}']");
    b.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(&css))
        .await
        .unwrap();
    b.find(Locator::Id(id))
        .await
        .unwrap()
        .select_by_value(nilai)
        .await
        .unwrap();
}

#[tokio::test]
async fn r_pej_03_registration_form_in_a_real_browser() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let berkas = std::env::temp_dir().join(format!("surat-{}.pdf", std::process::id()));
        std::fs::write(&berkas, pdf()).unwrap();
        let b = &peramban.klien;

        b.goto(&format!("{}/pendaftaran-pejabat", app.url))
            .await
            .unwrap();
        isi(b, "email", "budi@gmail.com").await;
        b.find(Locator::Css("input[name=status_pendaftar][value=baru]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        isi(b, "nama_lengkap", "Budi Santoso").await;
        b.find(Locator::Id("jenis_kepegawaian"))
            .await
            .unwrap()
            .select_by_value("pns")
            .await
            .unwrap();
        isi(b, "nip", "19850101 201001 1 001").await;
        isi(b, "jabatan", "Kepala Dinas Komunikasi dan Informatika").await;
        b.find(Locator::Id("tingkat_jabatan"))
            .await
            .unwrap()
            .select_by_value("administrator")
            .await
            .unwrap();
        isi(b, "telepon_kantor", "(0551) 21820").await;
        isi(b, "nomor_hp", "0812-3456-7890").await;
        b.find(Locator::Id("provinsi"))
            .await
            .unwrap()
            .select_by_value("65")
            .await
            .unwrap();
        pilih(b, "kota", "65.71").await;
        // The search box narrows the list as one types, and says how many are left.
        isi(b, "cari_instansi", "kota tarak").await;
        b.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(
                "//p[@id='jumlah-instansi'][contains(., '1 instansi ditemukan')]",
            ))
            .await
            .unwrap();
        let opsi = b
            .find_all(Locator::Css("#instansi_id option:not([value=''])"))
            .await
            .unwrap();
        assert_eq!(opsi.len(), 1);
        pilih(b, "instansi_id", &tarakan).await;
        let unggah = b.find(Locator::Id("dokumen")).await.unwrap();
        unggah
            .send_keys(&berkas.display().to_string())
            .await
            .unwrap();
        b.find(Locator::Css("button.tombol[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();

        let ringkasan = b
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Id("ringkasan-galat"))
            .await
            .unwrap();
        let teks = ringkasan.text().await.unwrap();
        assert!(
            teks.contains("Gunakan email dinas instansi yang berakhiran .go.id"),
            "{teks}"
        );
        let gambar = b.screenshot().await.unwrap();
        std::fs::write(
            std::env::temp_dir().join("pse-pendaftaran-galat.png"),
            gambar,
        )
        .unwrap();
        // Everything typed is still there.
        let nilai = |id: &'static str| async move {
            b.find(Locator::Id(id))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default()
        };
        assert_eq!(nilai("nama_lengkap").await, "Budi Santoso");
        assert_eq!(nilai("nip").await, "19850101 201001 1 001");
        assert_eq!(nilai("kota").await, "65.71");
        assert_eq!(nilai("instansi_id").await, tarakan);

        // The summary's link leads to the field.
        b.find(Locator::Css("#ringkasan-galat a[href='#email']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        isi(b, "email", "budi@tarakankota.go.id").await;
        b.find(Locator::Id("dokumen"))
            .await
            .unwrap()
            .send_keys(&berkas.display().to_string())
            .await
            .unwrap();
        b.find(Locator::Css("button.tombol[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let judul = b
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(".panel-sukses h1"))
            .await
            .unwrap();
        assert_eq!(judul.text().await.unwrap(), "Permohonan terkirim");
        app.smtp.tunggu("budi@tarakankota.go.id", "diterima").await;

        peramban.selesai().await;
        app.selesai().await;
        let _ = std::fs::remove_file(berkas);
    }
}

#[tokio::test]
async fn r_sub_01_pejabat_builds_the_struktur_organisasi_in_a_real_browser() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        app.pejabat(
            &admin,
            "budi@tarakankota.go.id",
            "baru",
            &tarakan,
            "Rahasia-Sekali-2026",
        )
        .await;
        let b = &peramban.klien;

        b.goto(&format!("{}/masuk", app.url)).await.unwrap();
        isi(b, "email", "budi@tarakankota.go.id").await;
        isi(b, "kata_sandi", "Rahasia-Sekali-2026").await;
        b.find(Locator::Css("button.tombol[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::LinkText("Struktur Organisasi"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();

        // A mistake first: the head's title is missing; the typed name stays.
        b.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Id("nama"))
            .await
            .unwrap();
        isi(b, "nama", "Dinas Komunikasi dan Informatika").await;
        b.find(Locator::Css("button.tombol[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let ringkasan = b
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Id("ringkasan-galat"))
            .await
            .unwrap();
        assert!(
            ringkasan
                .text()
                .await
                .unwrap()
                .contains("Jabatan kepala unit wajib diisi")
        );
        assert_eq!(
            b.find(Locator::Id("nama"))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .as_deref(),
            Some("Dinas Komunikasi dan Informatika")
        );
        isi(b, "jabatan_kepala", "Kepala Dinas").await;
        b.find(Locator::Css("button.tombol[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(".panel-sukses"))
            .await
            .unwrap();

        isi(b, "nama", "Bidang Aplikasi Informatika").await;
        isi(b, "jabatan_kepala", "Kepala Bidang").await;
        let induk = b
            .find(Locator::Css("#induk_id option:nth-child(2)"))
            .await
            .unwrap();
        let nilai = induk.attr("value").await.unwrap().unwrap();
        b.find(Locator::Id("induk_id"))
            .await
            .unwrap()
            .select_by_value(&nilai)
            .await
            .unwrap();
        b.find(Locator::Css("button.tombol[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(".panel-sukses"))
            .await
            .unwrap();

        // The success panel of the first unit may still be on screen while the page reloads: read
        // the rows until the new page has them (a row read during the reload goes stale).
        let harapan = vec![
            "Dinas Komunikasi dan Informatika".to_string(),
            "└ Bidang Aplikasi Informatika".to_string(),
        ];
        let mut baris = Vec::new();
        for _ in 0..50 {
            baris.clear();
            for sel in b
                .find_all(Locator::Css("tbody tr td:first-child"))
                .await
                .unwrap()
            {
                match sel.text().await {
                    Ok(t) => baris.push(t),
                    Err(_) => break,
                }
            }
            if baris == harapan {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(baris, harapan);
        let gambar = b.screenshot().await.unwrap();
        std::fs::write(std::env::temp_dir().join("pse-struktur.png"), gambar).unwrap();
        peramban.selesai().await;
        app.selesai().await;
    }
}
