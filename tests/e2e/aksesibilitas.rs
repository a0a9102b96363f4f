//! Every page checked by axe-core (WCAG 2.1 A and AA) in headless Chromium, as the public, a
//! Pejabat Pendaftar and the admin see it, at a desktop's width and at a phone's (390 px).

use pse_tests::peramban::{Peramban, masuk, pelanggaran_axe, skrip_axe, tunggu};
use pse_tests::*;
use serde_json::json;

/// The pages of each role, with the data they show in place.
struct Halaman {
    /// A section page of a system being filled in.
    bagian: String,
    publik: Vec<String>,
    pejabat: Vec<String>,
    admin: Vec<String>,
    /// A Kepala Dinas' pages (Permohonan Daerah).
    petugas: Vec<String>,
}

async fn siapkan(app: &Aplikasi) -> Halaman {
    let admin = app.admin().await;
    let pejabat = app.pejabat_tarakan(&admin).await;
    let unit = app.unit(&pejabat, "Bidang Aptika").await;
    let (_, sub) = app
        .tambah_sub(&pejabat, &unit, "aptika@tarakankota.go.id")
        .await;
    let sub = sub["id"].as_str().unwrap().to_string();
    let terdaftar = app
        .data_awal_disetujui(&admin, &pejabat, "SIPADU", true)
        .await;
    let (s, _) = app.lengkapi_dan_setujui(&admin, &pejabat, &terdaftar).await;
    assert_eq!(s, 200);
    let (_, v) = app
        .post(
            &pejabat,
            "/api/v1/sistem-elektronik",
            data_awal("SIMPEG", false),
        )
        .await;
    let baru = v["id"].as_str().unwrap().to_string();
    let diisi = app
        .data_awal_disetujui(&admin, &pejabat, "SIMAS", true)
        .await;
    let (_, v) = app
        .post(
            &pejabat,
            "/api/v1/perubahan-data",
            json!({"sistem_elektronik_id": terdaftar, "alasan": "Helpdesk pindah."}),
        )
        .await;
    let perubahan = v["id"].as_str().unwrap().to_string();
    let (_, v) = app
        .post(
            &pejabat,
            "/api/v1/laporan",
            json!({"nama": "Semua sistem", "kolom": ["nama_eksternal", "status"]}),
        )
        .await;
    let laporan = v["id"].as_str().unwrap().to_string();
    let tarakan = app.instansi("Pemerintah Kota Tarakan").await;
    let (st, v) = app
        .daftar(
            &isian_tarakan("sari@tarakankota.go.id", "pengganti", &tarakan),
            Some(("surat.pdf", pdf())),
        )
        .await;
    assert_eq!(st, 201, "{v}");
    let permohonan = v["id"].as_str().unwrap().to_string();
    let html = app
        .html(&admin, &format!("/admin/pendaftaran-pejabat/{permohonan}"))
        .await;
    assert!(
        html.contains("Tarakan, Kalimantan Utara") && !html.contains("65.71"),
        "the region by its names: {html}"
    );
    let (st, v) = app
        .post(
            &klien(),
            "/api/v1/pengaduan",
            json!({"nama": "Sari", "email": "sari@contoh.go.id", "kategori": "layanan", "uraian": "Verifikasi lama."}),
        )
        .await;
    assert_eq!(st, 201, "{v}");
    let (nomor, kode) = (v["nomor"].as_str().unwrap(), v["kode"].as_str().unwrap());
    let (_, v) = app.get(&admin, "/api/v1/admin/pengaduan").await;
    let pengaduan = v["items"][0]["id"].as_str().unwrap().to_string();
    let survei = app
        .smtp
        .tunggu("budi@tarakankota.go.id", "Survei kepuasan")
        .await
        .tautan("/survei/");
    let survei = survei.trim_start_matches(&app.url).to_string();
    // A pemda's one-door intake: its Kepala Dinas, an OPD's request waiting for them.
    app.petugas(
        &pejabat,
        "Ilham Zain",
        "kadis@tarakankota.go.id",
        "kepala_dinas",
    )
    .await;
    let bkd = app.unit(&pejabat, "Badan Kepegawaian Daerah").await;
    let (_, opd) = app
        .sub_pejabat(&admin, &pejabat, &bkd, "bkd@tarakankota.go.id")
        .await;
    let f = reqwest::multipart::Form::new()
        .text("nama_sistem", "SIMPEG Tarakan")
        .text("deskripsi", "Kepegawaian ASN.")
        .text("nomor_surat", "800/123/BKD")
        .text("tanggal_surat", "2026-11-30")
        .part(
            "surat_rekomendasi",
            reqwest::multipart::Part::bytes(pdf()).file_name("r.pdf"),
        )
        .part(
            "laporan_tahapan",
            reqwest::multipart::Part::bytes(pdf()).file_name("l.pdf"),
        );
    let r = opd
        .post(format!("{}/api/v1/permohonan-daerah", app.url))
        .multipart(f)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let daerah = r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let s = |x: &str| x.to_string();
    Halaman {
        bagian: format!("/sistem-elektronik/{diisi}/bagian/data-umum"),
        publik: vec![
            s("/"),
            s("/masuk"),
            s("/lupa-kata-sandi"),
            s("/pendaftaran-pejabat"),
            s("/registri"),
            s("/tanda-daftar/1"),
            s("/standar-pelayanan"),
            s("/panduan"),
            s("/pengaduan"),
            s("/pengaduan/status"),
            format!("/pengaduan/status?nomor={nomor}&kode={kode}&baru=1"),
            s("/tidak-ada"),
            survei,
        ],
        pejabat: vec![
            s("/beranda"),
            s("/struktur-organisasi"),
            s("/pengguna"),
            s("/pengguna/tambah"),
            format!("/pengguna/{sub}"),
            s("/sistem-elektronik"),
            s("/sistem-elektronik/baru"),
            format!("/sistem-elektronik/{terdaftar}"),
            format!("/sistem-elektronik/{baru}"),
            format!("/sistem-elektronik/{diisi}"),
            format!("/sistem-elektronik/{diisi}/bagian/data-umum"),
            format!("/sistem-elektronik/{diisi}/bagian/perangkat-lunak"),
            format!("/sistem-elektronik/{diisi}/dokumen"),
            format!("/sistem-elektronik/{diisi}/penilaian-kategori"),
            format!("/sistem-elektronik/{terdaftar}/periksa"),
            format!("/sistem-elektronik/{terdaftar}/bagian/perangkat-lunak"),
            format!("/sistem-elektronik/{terdaftar}/penilaian-kategori"),
            format!("/struktur-organisasi/{unit}"),
            format!("/pengguna/{sub}/ubah"),
            s("/perubahan-data"),
            s("/perubahan-data/baru"),
            format!("/perubahan-data/{perubahan}"),
            s("/laporan"),
            s("/laporan/baru"),
            format!("/laporan/{laporan}/ubah"),
            s("/petugas-daerah"),
            s("/permohonan-daerah"),
            s("/permohonan-daerah/kinerja"),
            format!("/permohonan-daerah/{daerah}"),
            format!("/permohonan-daerah/{daerah}/lembar-disposisi"),
        ],
        admin: vec![
            s("/admin/antrian"),
            s("/admin/kinerja"),
            s("/admin/audit"),
            s("/admin/akun"),
            s("/admin/surel"),
            format!("/admin/data-awal/{baru}"),
            format!("/admin/sistem-elektronik/{terdaftar}"),
            format!("/admin/sub-pejabat/{sub}"),
            format!("/admin/perubahan-data/{perubahan}"),
            format!("/admin/pendaftaran-pejabat/{permohonan}"),
            s("/admin/pengaduan"),
            s("/admin/survei"),
            format!("/admin/pengaduan/{pengaduan}"),
        ],
        petugas: vec![
            s("/permohonan-daerah"),
            s("/permohonan-daerah/kinerja"),
            format!("/permohonan-daerah/{daerah}"),
            s("/beranda"),
        ],
    }
}

/// The codes people must never read: every option and status code that is not also a word.
fn kode_terlarang() -> Vec<String> {
    let mut v: Vec<String> = sistem_elektronik::model::isi::LABEL_PILIHAN
        .iter()
        .map(|(k, _)| (*k).to_string())
        .collect();
    v.extend(
        sistem_elektronik::model::StatusSistem::SEMUA
            .iter()
            .map(|s| s.kode().to_string()),
    );
    v.extend(
        ["menunggu_aktivasi", "pejabat_pendaftar", "sub_pejabat"]
            .iter()
            .map(|s| (*s).to_string()),
    );
    v.retain(|k| k.contains('_'));
    v
}

#[tokio::test]
async fn every_page_is_axe_clean_at_desktop_and_phone_width() {
    let Some(axe) = skrip_axe() else { return };
    for backend in backends() {
        periksa_semua(backend, &axe).await;
    }
}

/// Every page of every role on `backend`, and four forms sent empty.
async fn periksa_semua(backend: Backend, axe: &str) {
    let Some(peramban) = Peramban::mulai().await else {
        return;
    };
    let app = jalankan(backend).await;
    let h = siapkan(&app).await;
    let b = &peramban.klien;

    // The checker sees a fault when there is one: an image without text and an unlabelled field.
    b.goto(&format!("{}/masuk", app.url)).await.unwrap();
    tunggu(b, "main").await;
    b.execute(
        "const m = document.querySelector('main'); m.insertAdjacentHTML('beforeend', '<img src=\"/aset/gaya.css\"><input id=\"x\">');",
        vec![],
    )
    .await
    .unwrap();
    let rusak = pelanggaran_axe(b, axe).await;
    assert!(
        rusak.iter().any(|v| v.starts_with("image-alt"))
            && rusak.iter().any(|v| v.starts_with("label")),
        "{rusak:?}"
    );

    let temuan = std::cell::RefCell::new(Vec::new());
    let periksa = async |daftar: &[String]| {
        for (lebar, tinggi) in [(1366, 900), (390, 844)] {
            b.set_window_size(lebar, tinggi).await.unwrap();
            for p in daftar {
                b.goto(&format!("{}{p}", app.url)).await.unwrap();
                tunggu(b, "main").await;
                for v in pelanggaran_axe(b, axe).await {
                    temuan.borrow_mut().push(format!("{p} @ {lebar}px: {v}"));
                }
                let lebih = b
                    .execute(
                        "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('main *, header *')].filter(e => !e.closest('table.tumpuk thead') && e.getBoundingClientRect().right > w + 1).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).slice(0, 6).join(', ');",
                        vec![],
                    )
                    .await
                    .unwrap();
                // No code or id reaches a person's eyes.
                let terlihat = b
                    .execute(
                        "const t = document.querySelector('main').innerText; \
                         const kode = arguments[0].filter(k => new RegExp('(^|[^a-z_])' + k + '($|[^a-z_])').test(t)); \
                         const id = t.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); \
                         return kode.concat(id ? [id[0]] : []).join(', ');",
                        vec![json!(kode_terlarang())],
                    )
                    .await
                    .unwrap();
                if terlihat.as_str().is_some_and(|l| !l.is_empty()) {
                    temuan
                        .borrow_mut()
                        .push(format!("{p} @ {lebar}px: shows codes or ids: {terlihat}"));
                }
                if lebar > 1000 {
                    // The header's menu stays on one line on a laptop screen.
                    let baris = b
                        .execute(
                            "return new Set([...document.querySelectorAll('.kepala nav > *')].map(e => Math.round(e.getBoundingClientRect().top))).size;",
                            vec![],
                        )
                        .await
                        .unwrap();
                    if baris.as_u64() != Some(1) {
                        temuan
                            .borrow_mut()
                            .push(format!("{p} @ {lebar}px: the menu wraps ({baris} lines)"));
                    }
                }
                if lebih.as_str().is_some_and(|l| !l.is_empty()) {
                    temuan
                        .borrow_mut()
                        .push(format!("{p} @ {lebar}px: wider than the screen: {lebih}"));
                }
            }
        }
    };
    periksa(&h.publik).await;
    // A form sent empty: the error summary and the marked fields.
    let galat = async |halaman: &str| {
        b.goto(&format!("{}{halaman}", app.url)).await.unwrap();
        tunggu(b, "main form").await;
        pse_tests::peramban::kirim(b).await;
        tunggu(b, "#ringkasan-galat").await;
        // Read out as an error: the title, the focus on the summary, each field marked invalid
        // and described by its message (among its descriptions).
        let keadaan = b
            .execute(
                "const blok = [...document.querySelectorAll('.isian-galat')]; \
                 const baik = blok.filter(x => [...x.querySelectorAll('input, select, textarea')].some(m => \
                   m.getAttribute('aria-invalid') === 'true' && \
                   (m.getAttribute('aria-describedby') || '').split(' ').some(i => \
                     ((document.getElementById(i) || {}).className === 'pesan-galat') && document.getElementById(i).textContent))); \
                 const tuju = [...document.querySelectorAll('#ringkasan-galat a')] \
                   .map(a => document.getElementById(a.getAttribute('href').slice(1))); \
                 const urut = tuju.every((e, i) => e && (i === 0 || \
                   (tuju[i - 1].compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING))); \
                 return [document.title.startsWith('Galat: '), document.activeElement.id, blok.length, baik.length, urut];",
                vec![],
            )
            .await
            .unwrap();
        let k = keadaan.as_array().unwrap();
        let blok = k[2].as_u64().unwrap();
        // The summary lists the problems in the order of the fields, each linked to its field.
        if k[0] != true
            || k[1] != "ringkasan-galat"
            || blok == 0
            || k[3].as_u64() != Some(blok)
            || k[4] != true
        {
            temuan.borrow_mut().push(format!(
                "{halaman} (galat): not read out as an error: {keadaan}"
            ));
        }
        for v in pelanggaran_axe(b, axe).await {
            temuan.borrow_mut().push(format!("{halaman} (galat): {v}"));
        }
    };
    galat("/pendaftaran-pejabat").await;
    galat("/pengaduan").await;
    b.set_window_size(1366, 900).await.unwrap();
    masuk(b, &app, "budi@tarakankota.go.id", "Rahasia-Sekali-2026").await;
    periksa(&h.pejabat).await;
    // The menu marks where the reader is, and the name leads to the profile.
    b.set_window_size(1366, 900).await.unwrap();
    b.goto(&format!("{}/sistem-elektronik/baru", app.url))
        .await
        .unwrap();
    let kini = tunggu(b, ".kepala nav a[aria-current=page]").await;
    assert_eq!(kini.text().await.unwrap(), "Sistem Elektronik");
    let profil = tunggu(b, ".kepala nav a.pengguna").await;
    assert_eq!(
        profil.attr("href").await.unwrap().as_deref(),
        Some("/beranda#profil")
    );
    b.set_window_size(1366, 900).await.unwrap();
    galat("/sistem-elektronik/baru").await;
    galat("/laporan/baru").await;
    galat("/pengguna/tambah").await;
    galat("/petugas-daerah").await;
    galat(&h.bagian).await;
    b.delete_all_cookies().await.unwrap();
    b.set_window_size(1366, 900).await.unwrap();
    masuk(b, &app, "verifikator@komdigi.go.id", "Admin-Rahasia-2026").await;
    periksa(&h.admin).await;
    b.delete_all_cookies().await.unwrap();
    b.set_window_size(1366, 900).await.unwrap();
    masuk(b, &app, "kadis@tarakankota.go.id", "Rahasia-Petugas-2026").await;
    periksa(&h.petugas).await;
    peramban.selesai().await;
    app.selesai().await;
    let temuan = temuan.into_inner();
    assert!(temuan.is_empty(), "{}", temuan.join("\n"));
}
