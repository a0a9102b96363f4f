//! The guide's screenshots (R-LAY-05), taken in headless Chromium from a portal holding real
//! data: each role's pages as that role sees them. The test checks that every screenshot the
//! guide shows is one this script takes and that the portal serves each; with
//! `PSE_PANDUAN_SIMPAN=1` (`scripts/panduan-gambar.sh`) it also writes them into
//! `apps/portal/aset/panduan/`, where the portal embeds them.

use pse_tests::peramban::{Peramban, masuk, tunggu};
use pse_tests::*;
use serde_json::json;
use std::collections::BTreeSet;

/// Who looks at a page.
#[derive(Clone, Copy, PartialEq)]
enum Siapa {
    Publik,
    Pejabat,
    SubPejabat,
    KepalaDinas,
    TimTeknis,
    AdminPengelola,
    Admin,
}

/// One screenshot: its file, who looks, the page, and what to scroll to first (the top otherwise).
type Tangkapan = (&'static str, Siapa, String, Option<&'static str>);

/// The screenshots, with the data they show in place.
async fn siapkan(app: &Aplikasi) -> Vec<Tangkapan> {
    let admin = app.admin().await;
    app.admin_pengelola(&admin).await;
    let pejabat = app.pejabat_tarakan(&admin).await;
    let aptika = app.unit(&pejabat, "Bidang Aplikasi Informatika").await;
    app.unit(&pejabat, "Bidang Persandian dan Statistik").await;
    let (_, sub) = app
        .sub_pejabat(&admin, &pejabat, &aptika, "aptika@tarakankota.go.id")
        .await;
    // The guide shows a person's name in the header, not the helper's.
    let r = sub
        .post(format!("{}/profil", app.url))
        .form(&[
            ("nama", "Rina Wulandari"),
            ("jabatan", "Kepala Seksi Aplikasi"),
            ("telepon_kantor", "(0551) 21821"),
            ("nomor_hp", "0812-3456-7891"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(app.html(&sub, "/beranda").await.contains("Rina Wulandari"));
    let terdaftar = app
        .data_awal_disetujui(&admin, &pejabat, "SIPADU", true)
        .await;
    let (s, v) = app.lengkapi_dan_setujui(&admin, &pejabat, &terdaftar).await;
    assert_eq!(s, 200, "{v}");
    let diisi = app
        .data_awal_disetujui(&admin, &pejabat, "SIMPEG", false)
        .await;
    for (bagian, isi) in isian_bagian().into_iter().take(4) {
        let (s, v) = app
            .put(
                &pejabat,
                &format!("/api/v1/sistem-elektronik/{diisi}/bagian/{bagian}"),
                isi,
            )
            .await;
        assert_eq!(s, 200, "{bagian}: {v}");
    }
    app.data_awal_disetujui(&admin, &sub, "SIAPTIKA", true)
        .await;
    let (s, _) = app
        .post(
            &sub,
            "/api/v1/sistem-elektronik",
            data_awal("E-ARSIP", false),
        )
        .await;
    assert_eq!(s, 201);
    let (s, _) = app
        .post(
            &pejabat,
            "/api/v1/perubahan-data",
            json!({"sistem_elektronik_id": terdaftar, "alasan": "Nomor helpdesk berubah."}),
        )
        .await;
    assert_eq!(s, 201);
    // The city's one-door intake: its petugas, one request at the Tim Teknis, one at the
    // Kepala Dinas.
    let mut petugas = Vec::new();
    for (nama, email, tugas) in [
        ("Ilham Zain", "kadis@tarakankota.go.id", "kepala_dinas"),
        ("Rahmawati", "kabid@tarakankota.go.id", "kepala_bidang"),
        ("Andi Pratama", "teknis@tarakankota.go.id", "tim_teknis"),
    ] {
        petugas.push(app.petugas(&pejabat, nama, email, tugas).await);
    }
    let mut daerah = Vec::new();
    for (nama, nomor) in [
        ("SIMPEG Tarakan", "800/123/BKD"),
        ("E-Perizinan", "500/77/DPMPTSP"),
    ] {
        let f = reqwest::multipart::Form::new()
            .text("nama_sistem", nama)
            .text("deskripsi", "Layanan bagi ASN dan warga Kota Tarakan.")
            .text("nomor_surat", nomor)
            .text("tanggal_surat", "2026-11-30")
            .part(
                "surat_rekomendasi",
                reqwest::multipart::Part::bytes(pdf()).file_name("rekomendasi.pdf"),
            )
            .part(
                "laporan_tahapan",
                reqwest::multipart::Part::bytes(pdf()).file_name("laporan.pdf"),
            );
        let r = sub
            .post(format!("{}/api/v1/permohonan-daerah", app.url))
            .multipart(f)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        daerah.push(
            r.json::<serde_json::Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    for (k, kepada) in [
        (&petugas[0].1, &petugas[1].0),
        (&petugas[1].1, &petugas[2].0),
    ] {
        let (s, v) = app
            .post(
                k,
                &format!("/api/v1/permohonan-daerah/{}/disposisi", daerah[0]),
                json!({"kepada_id": kepada, "instruksi": "Mohon diproses sesuai SOP."}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
    }
    let tarakan = app.instansi("Pemerintah Kota Tarakan").await;
    let (s, v) = app
        .daftar(
            &isian_tarakan("sari@tarakankota.go.id", "pengganti", &tarakan),
            Some(("surat.pdf", pdf())),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    use Siapa::*;
    vec![
        (
            "pendaftaran.png",
            Publik,
            "/pendaftaran-pejabat".into(),
            None,
        ),
        ("pengaduan.png", Publik, "/pengaduan".into(), None),
        ("struktur.png", Pejabat, "/struktur-organisasi".into(), None),
        (
            "sistem-tugas.png",
            Pejabat,
            format!("/sistem-elektronik/{diisi}"),
            Some("ol.daftar-tugas"),
        ),
        (
            "penilaian.png",
            Pejabat,
            format!("/sistem-elektronik/{diisi}/penilaian-kategori"),
            None,
        ),
        (
            "terdaftar.png",
            Pejabat,
            format!("/sistem-elektronik/{terdaftar}"),
            None,
        ),
        (
            "sub-pejabat.png",
            SubPejabat,
            "/sistem-elektronik".into(),
            None,
        ),
        (
            "daerah-pengajuan.png",
            SubPejabat,
            "/permohonan-daerah/baru".into(),
            None,
        ),
        (
            "daerah-kotak-masuk.png",
            KepalaDinas,
            "/permohonan-daerah".into(),
            None,
        ),
        (
            "daerah-pemeriksaan.png",
            TimTeknis,
            format!("/permohonan-daerah/{}", daerah[0]),
            Some("main h2 + table"),
        ),
        (
            "sep-katalog.png",
            Publik,
            "/aplikasi-perkantoran".into(),
            None,
        ),
        (
            "sep-pengguna.png",
            AdminPengelola,
            "/sep/pengguna".into(),
            Some("main table"),
        ),
        ("admin-antrian.png", Admin, "/admin/antrian".into(), None),
        ("admin-kinerja.png", Admin, "/admin/kinerja".into(), None),
    ]
}

#[tokio::test]
async fn r_lay_05_the_guide_shows_screenshots_this_script_takes_of_the_real_portal() {
    for backend in backends() {
        let Some(peramban) = Peramban::mulai().await else {
            return;
        };
        let app = jalankan(backend).await;
        let daftar = siapkan(&app).await;
        let b = &peramban.klien;
        b.set_window_size(1100, 900).await.unwrap();
        let simpan = std::env::var("PSE_PANDUAN_SIMPAN").as_deref() == Ok("1");
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../apps/portal/aset/panduan");

        let mut diambil = BTreeSet::new();
        for peran in [
            Siapa::Publik,
            Siapa::Pejabat,
            Siapa::SubPejabat,
            Siapa::KepalaDinas,
            Siapa::TimTeknis,
            Siapa::AdminPengelola,
            Siapa::Admin,
        ] {
            b.delete_all_cookies().await.unwrap();
            match peran {
                Siapa::Publik => {}
                Siapa::Pejabat => {
                    masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await
                }
                Siapa::SubPejabat => {
                    masuk(b, &app, "aptika@tarakankota.go.id", "Rahasia-Sub-2026").await
                }
                Siapa::KepalaDinas => {
                    masuk(b, &app, "kadis@tarakankota.go.id", "Rahasia-Petugas-2026").await
                }
                Siapa::TimTeknis => {
                    masuk(b, &app, "teknis@tarakankota.go.id", "Rahasia-Petugas-2026").await
                }
                Siapa::AdminPengelola => {
                    masuk(b, &app, "agus.salim@kemkes.go.id", "Rahasia-Pengelola-2026").await
                }
                Siapa::Admin => {
                    masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await
                }
            }
            for (berkas, _, path, gulir) in daftar.iter().filter(|t| t.1 == peran) {
                b.goto(&format!("{}{path}", app.url)).await.unwrap();
                tunggu(b, "main h1").await;
                if let Some(css) = gulir {
                    // The part the guide speaks of, with its heading above it.
                    b.execute(
                        "document.querySelector(arguments[0]).scrollIntoView({block: 'start'}); window.scrollBy(0, -140);",
                        vec![json!(css)],
                    )
                    .await
                    .unwrap();
                }
                let png = b.screenshot().await.unwrap();
                let gambar = png::Decoder::new(std::io::Cursor::new(&png))
                    .read_info()
                    .unwrap();
                assert!(gambar.info().width >= 800, "{berkas}: a whole screen");
                if simpan {
                    std::fs::write(folder.join(berkas), &png).unwrap();
                }
                diambil.insert(*berkas);
            }
        }

        // The guide shows exactly these, each served as a picture with its description.
        b.delete_all_cookies().await.unwrap();
        b.goto(&format!("{}/panduan", app.url)).await.unwrap();
        let ditampilkan = b
            .execute(
                "return [...document.querySelectorAll('main figure img')].map(i => [i.getAttribute('src'), i.alt, i.closest('section').querySelector('h2').id]);",
                vec![],
            )
            .await
            .unwrap();
        let ditampilkan = ditampilkan.as_array().unwrap();
        let nama: BTreeSet<&str> = ditampilkan
            .iter()
            .map(|g| g[0].as_str().unwrap().trim_start_matches("/aset/panduan/"))
            .collect();
        assert_eq!(nama, diambil, "{backend:?}: the guide and the script agree");
        for g in ditampilkan {
            assert!(g[1].as_str().unwrap().len() > 20, "described: {g}");
            let r = klien()
                .get(format!("{}{}", app.url, g[0].as_str().unwrap()))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{g}");
            assert_eq!(r.headers()["content-type"], "image/png");
            let isi = r.bytes().await.unwrap();
            assert!(isi.starts_with(b"\x89PNG"), "{g}");
        }
        let peran_dengan_gambar: BTreeSet<&str> =
            ditampilkan.iter().map(|g| g[2].as_str().unwrap()).collect();
        assert_eq!(
            peran_dengan_gambar,
            BTreeSet::from([
                "admin",
                "aplikasi-perkantoran",
                "masyarakat",
                "pejabat",
                "petugas-daerah",
                "sub-pejabat"
            ]),
            "every role's guide has its screenshots"
        );
        let (s, _) = app.get(&klien(), "/aset/panduan/tidak-ada.png").await;
        assert_eq!(s, 404);
        peramban.selesai().await;
        app.selesai().await;
        if simpan {
            // One set of screenshots is enough.
            return;
        }
    }
}
