//! Registration rules tried through HTTP on SQLite and PostgreSQL: what the domain's rule tests
//! prove on the in-memory store holds on the real one too (R-PEJ-01, 02, 04, 06, 08, 10, 13, 14,
//! 15; R-SUB-02, 05, 07).

use pse_tests::*;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

/// The fields named in an error answer, in its order.
fn bidang(v: &Value) -> Vec<&str> {
    v["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect()
}

/// The message given for `field`.
fn pesan<'a>(v: &'a Value, field: &str) -> &'a str {
    v["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["field"] == field)
        .and_then(|e| e["message"].as_str())
        .unwrap_or_default()
}

/// The applications waiting for the admin: (id, email).
async fn permohonan_menunggu(app: &Aplikasi, admin: &reqwest::Client) -> Vec<(String, String)> {
    let (s, v) = app
        .get(admin, "/api/v1/admin/antrian?jenis=pendaftaran-pejabat")
        .await;
    assert_eq!(s, 200, "{v}");
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["keterangan"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A new Institusi proposed with the application, its pejabat employed as `kepegawaian`.
fn isian_institusi(kepegawaian: &str, nomor: (&'static str, &str)) -> Vec<(&'static str, String)> {
    let mut v = tanpa(
        &tanpa(&isian_tarakan("budi@itb.ac.id", "baru", ""), "instansi_id"),
        "nip",
    );
    v = ganti(&v, "jenis_kepegawaian", kepegawaian);
    v = ganti(&v, "jabatan", "Kepala Direktorat Sistem Informasi");
    v.extend([
        (
            "instansi_baru_nama",
            "Institut Teknologi Contoh".to_string(),
        ),
        ("instansi_baru_jenis", "institusi".to_string()),
        ("instansi_baru_alamat", "Jl. Ganesa 10".to_string()),
        ("instansi_baru_website", "https://itb.ac.id".to_string()),
        (nomor.0, nomor.1.to_string()),
    ]);
    v
}

#[tokio::test]
async fn r_pej_01_only_an_official_address_and_it_is_kept_lower_case() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        for email in ["budi@gmail.com", "budi@tarakankota.co.id"] {
            let isian = isian_tarakan(email, "baru", &tarakan);
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
            assert_eq!((s, bidang(&v)), (422, vec!["email"]), "{backend:?} {email}");
        }
        assert!(permohonan_menunggu(&app, &admin).await.is_empty());
        let isian = isian_tarakan("Budi.Santoso@TarakanKota.GO.ID", "baru", &tarakan);
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "{v}");
        let menunggu = permohonan_menunggu(&app, &admin).await;
        assert_eq!(menunggu[0].1, "budi.santoso@tarakankota.go.id");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_02_the_choice_of_baru_or_pengganti_is_checked_again_at_approval() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let mut id = Vec::new();
        for email in ["budi@tarakankota.go.id", "sari@tarakankota.go.id"] {
            let isian = isian_tarakan(email, "baru", &tarakan);
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
            assert_eq!(s, 201, "{v}");
            id.push(v["id"].as_str().unwrap().to_string());
        }
        let setujui = |i: &str| format!("/api/v1/admin/pendaftaran-pejabat/{i}/setujui");
        let (s, v) = app.post(&admin, &setujui(&id[0]), json!({})).await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = app.post(&admin, &setujui(&id[1]), json!({})).await;
        assert_eq!(s, 409, "{backend:?}: {v}");
        assert!(
            v["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("Pendaftar Pengganti"),
            "{v}"
        );
        let menunggu = permohonan_menunggu(&app, &admin).await;
        assert_eq!(menunggu.len(), 1, "still waiting for the rejection");
        assert_eq!(menunggu[0].0, id[1]);
        // Now a Baru for Tarakan is refused at once, and a Pengganti accepted.
        let isian = isian_tarakan("rina@tarakankota.go.id", "baru", &tarakan);
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!((s, bidang(&v)), (422, vec!["status_pendaftar"]));
        assert!(pesan(&v, "status_pendaftar").contains("Pendaftar Pengganti"));
        let isian = ganti(&isian, "status_pendaftar", "pengganti");
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "{v}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_04_employee_numbers_follow_their_layout() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let baik = isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan);
        let mut hasil = Vec::new();
        for (kasus, kepegawaian, nip) in [
            ("tanggal lahir 31 Februari", "pns", "198502312010011001"),
            ("TMT sebelum 18 tahun", "pns", "198501012002011001"),
            ("angka jenis kelamin 3", "pns", "198501012010013001"),
            ("nomor urut 000", "pns", "198501012010011000"),
            ("17 angka", "pns", "19850101201001100"),
            (
                "PPPK diangkat sebelum 18 tahun",
                "pppk",
                "198501012001011001",
            ),
        ] {
            let isian = ganti(&ganti(&baik, "nip", nip), "jenis_kepegawaian", kepegawaian);
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
            assert_eq!((s, bidang(&v)), (422, vec!["nip"]), "{backend:?} {kasus}");
            hasil.push(json!({"kasus": kasus, "pesan": pesan(&v, "nip")}));
        }
        let pppk = ganti(
            &ganti(&baik, "nip", "198501012010011001"),
            "jenis_kepegawaian",
            "pppk",
        );
        let (s, v) = app.daftar(&pppk, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "a valid NI PPPK: {v}");
        let nik = isian_institusi("pkwtt", ("nik", "3273017213900001"));
        let (s, v) = app.daftar(&nik, Some(("surat.pdf", pdf()))).await;
        assert_eq!((s, bidang(&v)), (422, vec!["nik"]), "day 72 is no date");
        hasil.push(json!({"kasus": "NIK tanggal 72", "pesan": pesan(&v, "nik")}));
        insta::assert_yaml_snapshot!("nomor_induk", hasil);
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_06_the_instansi_list_narrows_by_province_and_a_proposal_is_verified_with_it() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let (s, semua) = app.get(&klien(), "/api/v1/instansi").await;
        assert_eq!(s, 200);
        let (_, v) = app.get(&klien(), "/api/v1/instansi?provinsi=65").await;
        let kaltara = v["items"].as_array().unwrap();
        assert!(!kaltara.is_empty());
        // The province's own instansi and the central ones (which serve every province).
        assert!(
            kaltara
                .iter()
                .all(|i| i["provinsi"] == "65" || i["provinsi"].is_null()),
            "{kaltara:?}"
        );
        assert!(kaltara.iter().any(|i| i["provinsi"] == "65"));
        assert!(
            v["total"].as_u64().unwrap() < semua["total"].as_u64().unwrap(),
            "the province narrows the list"
        );
        // A regency/city narrows it further: its government, the province's and the central ones.
        let nama = |v: &serde_json::Value| -> Vec<String> {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["nama"].as_str().unwrap().to_string())
                .collect()
        };
        let (s, tarakan) = app
            .get(&klien(), "/api/v1/instansi?provinsi=65&kota=65.71")
            .await;
        assert_eq!(s, 200);
        let n = nama(&tarakan);
        assert!(n.contains(&"Pemerintah Kota Tarakan".to_string()), "{n:?}");
        assert!(
            n.contains(&"Pemerintah Provinsi Kalimantan Utara".to_string()),
            "{n:?}"
        );
        assert!(!n.iter().any(|i| i.contains("Bulungan")), "{n:?}");
        assert!(nama(&v).iter().any(|i| i.contains("Bulungan")));
        assert!(tarakan["total"].as_u64().unwrap() < v["total"].as_u64().unwrap());
        // The city's code alone is enough, and a search keeps the narrowing.
        let (_, v) = app
            .get(&klien(), "/api/v1/instansi?kota=65.71&q=tarakan")
            .await;
        assert_eq!(nama(&v), ["Pemerintah Kota Tarakan"]);
        // A proposed Institusi waits with the application and is verified by its approval.
        let isian = isian_institusi("pkwtt", ("nik", "3273014501900001"));
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "{v}");
        let (_, v) = app
            .get(&klien(), "/api/v1/instansi?q=teknologi%20contoh")
            .await;
        assert_eq!(v["total"], 0, "not listed before the admin verifies it");
        let id = v_id(&permohonan_menunggu(&app, &admin).await);
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (_, v) = app
            .get(&klien(), "/api/v1/instansi?q=teknologi%20contoh")
            .await;
        assert_eq!(v["items"][0]["nama"], "Institut Teknologi Contoh", "{v}");
        app.selesai().await;
    }
}

/// The id of the only application waiting.
fn v_id(menunggu: &[(String, String)]) -> String {
    assert_eq!(menunggu.len(), 1, "{menunggu:?}");
    menunggu[0].0.clone()
}

#[tokio::test]
async fn r_pej_08_r_pej_10_a_rejection_for_no_ict_authority_and_the_approval_are_emailed() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let isian = isian_tarakan("Budi@TarakanKota.go.id", "baru", &tarakan);
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/tolak"),
                json!({"kategori_alasan": "bukan_kewenangan_tik", "catatan": "Lampirkan SK jabatan."}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let surel = app
            .smtp
            .tunggu("budi@tarakankota.go.id", "perlu diperbaiki")
            .await;
        assert!(
            surel
                .teks
                .contains("Unit kerja tidak memiliki kewenangan di bidang TIK"),
            "{}",
            surel.teks
        );
        // Corrected and approved: the approval goes to the registered address.
        let kode = surel.tautan("/perbaikan?kode=");
        let kode = kode.rsplit('=').next().unwrap().to_string();
        let r = klien()
            .put(format!("{}/api/v1/pendaftaran-pejabat/{id}", app.url))
            .multipart(multipart(
                &ganti(&isian, "kode_perbaikan", &kode),
                Some(("surat.pdf", pdf())),
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200, "{}", r.text().await.unwrap());
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
        let surel = app.smtp.tunggu("budi@tarakankota.go.id", "disetujui").await;
        assert!(surel.tautan("/aktivasi/").starts_with(&app.url));
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_13_an_institusi_takes_pkwtt_and_an_ippd_a_civil_servant() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let tarakan = app.instansi("kota%20tarakan").await;
        let mut hasil = Vec::new();
        for kepegawaian in ["pns", "pppk"] {
            let isian = isian_institusi(kepegawaian, ("nip", "198501012010011001"));
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
            assert_eq!(s, 422, "{backend:?} {kepegawaian}: {v}");
            hasil.push(json!({"institusi": kepegawaian, "errors": v["errors"]}));
        }
        let isian = ganti(
            &isian_tarakan("budi@tarakankota.go.id", "baru", &tarakan),
            "jenis_kepegawaian",
            "pkwtt",
        );
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 422, "{v}");
        hasil.push(json!({"pemerintah kota": "pkwtt", "errors": v["errors"]}));
        insta::assert_yaml_snapshot!("kepegawaian", hasil);
        assert!(permohonan_menunggu(&app, &admin).await.is_empty());
        let isian = isian_institusi("pkwtt", ("nik", "3273014501900001"));
        let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
        assert_eq!(s, 201, "{v}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_14_a_unit_kerja_does_not_register_on_its_own() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let baik = tanpa(
            &isian_tarakan("budi@tarakankota.go.id", "baru", ""),
            "instansi_id",
        );
        for nama in [
            "Dinas Kesehatan Kota Tarakan",
            "Biro Umum Provinsi Kalimantan Utara",
            "Bagian Organisasi Setda Tarakan",
            "Bidang Aplikasi Informatika",
            "Subbagian Umum dan Kepegawaian",
            "Seksi Persandian",
            "UPTD Puskesmas Karang Rejo",
            "UPT Laboratorium Kesehatan",
            "Sekretariat Daerah Kota Tarakan",
            "Direktorat Jenderal Aplikasi Informatika",
        ] {
            let mut isian = baik.clone();
            isian.extend([
                ("instansi_baru_nama", nama.to_string()),
                ("instansi_baru_jenis", "pemerintah_kota".to_string()),
                ("instansi_baru_alamat", "Jl. Sudirman".to_string()),
                (
                    "instansi_baru_website",
                    "https://tarakankota.go.id".to_string(),
                ),
            ]);
            let (s, v) = app.daftar(&isian, Some(("surat.pdf", pdf()))).await;
            assert_eq!(s, 422, "{backend:?} {nama}");
            assert!(bidang(&v).contains(&"instansi_baru_nama"), "{nama}: {v}");
            assert!(
                pesan(&v, "instansi_baru_nama").contains("satu pintu"),
                "{v}"
            );
        }
        assert!(permohonan_menunggu(&app, &admin).await.is_empty());
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_pej_15_the_profile_changes_but_email_and_instansi_stay() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let (_, lama) = app.get(&pejabat, "/api/v1/saya").await;
        let (s, v) = app
            .put(
                &pejabat,
                "/api/v1/saya",
                json!({
                    "nama": "Budi Santoso, S.Kom.",
                    "jabatan": "Kepala Diskominfo",
                    "telepon_kantor": "0551-21820",
                    "nomor_hp": "+62 813 1111 2222",
                    "email": "lain@tarakankota.go.id",
                    "instansi_id": app.instansi("badan%20siber").await,
                }),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (_, baru) = app.get(&pejabat, "/api/v1/saya").await;
        assert_eq!(baru["nama"], "Budi Santoso, S.Kom.");
        assert_eq!(baru["nomor_hp"], "081311112222");
        assert_eq!(baru["email"], lama["email"], "{backend:?}");
        assert_eq!(baru["instansi"], lama["instansi"]);
        let (s, v) = app.put(&pejabat, "/api/v1/saya", json!({})).await;
        assert_eq!(s, 422);
        assert_eq!(
            bidang(&v),
            vec!["nama", "jabatan", "telepon_kantor", "nomor_hp"]
        );
        let (_, tetap) = app.get(&pejabat, "/api/v1/saya").await;
        assert_eq!(tetap, baru, "a refused change stores nothing");
        app.selesai().await;
    }
}

/// A Sub Pejabat form for `unit_id` with `ubah` applied, and its Surat Tugas.
fn formulir_sub(unit_id: &str, ubah: &[(&'static str, &str)], surat: Option<Vec<u8>>) -> Form {
    let mut isian = vec![
        ("nama_lengkap", "Rina Wulandari".to_string()),
        ("nip", "199001012015032001".to_string()),
        ("jenis_kepegawaian", "pns".to_string()),
        ("jabatan", "Kepala Seksi Aplikasi".to_string()),
        ("email", "rina@tarakankota.go.id".to_string()),
        ("telepon", "0551-21821".to_string()),
        ("unit_id", unit_id.to_string()),
    ];
    for (k, v) in ubah {
        isian = ganti(&isian, k, v);
    }
    let mut f = Form::new();
    for (k, v) in isian {
        f = f.text(k, v);
    }
    match surat {
        Some(isi) => f.part("surat_tugas", Part::bytes(isi).file_name("surat-tugas.pdf")),
        None => f,
    }
}

/// Posts a Sub Pejabat form as `pejabat`.
async fn kirim_sub(app: &Aplikasi, pejabat: &reqwest::Client, f: Form) -> (u16, Value) {
    let r = pejabat
        .post(format!("{}/api/v1/sub-pejabat", app.url))
        .multipart(f)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

/// How many sub pejabat the pejabat sees.
async fn jumlah_sub(app: &Aplikasi, pejabat: &reqwest::Client) -> usize {
    let (s, v) = app.get(pejabat, "/api/v1/sub-pejabat").await;
    assert_eq!(s, 200, "{v}");
    v["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn r_sub_02_every_field_and_a_pdf_surat_tugas_or_nothing_is_stored() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aplikasi Informatika").await;
        let png = b"\x89PNG\r\n\x1a\nbukan surat".to_vec();
        let (s, v) = kirim_sub(&app, &pejabat, formulir_sub(&unit, &[], Some(png))).await;
        assert_eq!((s, bidang(&v)), (415, vec!["surat_tugas"]), "{backend:?}");
        let (s, v) = kirim_sub(&app, &pejabat, formulir_sub(&unit, &[], None)).await;
        assert_eq!((s, bidang(&v)), (422, vec!["surat_tugas"]), "{backend:?}");
        let kosong = [
            ("nama_lengkap", ""),
            ("nip", ""),
            ("jabatan", ""),
            ("email", ""),
            ("telepon", ""),
        ];
        let (s, v) = kirim_sub(&app, &pejabat, formulir_sub(&unit, &kosong, Some(pdf()))).await;
        assert_eq!(s, 422);
        assert_eq!(
            bidang(&v),
            vec!["nama_lengkap", "nip", "jabatan", "email", "telepon"],
            "{v}"
        );
        assert_eq!(jumlah_sub(&app, &pejabat).await, 0, "nothing stored");
        let (s, v) = kirim_sub(&app, &pejabat, formulir_sub(&unit, &[], Some(pdf()))).await;
        assert_eq!(s, 201, "{v}");
        let r = pejabat
            .get(format!(
                "{}/api/v1/sub-pejabat/{}/surat-tugas",
                app.url,
                v["id"].as_str().unwrap()
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(r.bytes().await.unwrap().as_ref(), pdf().as_slice());
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_sub_05_one_pending_or_active_sub_pejabat_per_unit() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aplikasi Informatika").await;
        let lain = app.unit(&pejabat, "Bidang Persandian").await;
        let (s, v) = app
            .tambah_sub(&pejabat, &unit, "rina@tarakankota.go.id")
            .await;
        assert_eq!(s, 201, "{v}");
        let pertama = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .tambah_sub(&pejabat, &unit, "andi@tarakankota.go.id")
            .await;
        assert_eq!((s, bidang(&v)), (422, vec!["unit_id"]), "{backend:?}: {v}");
        let (s, v) = app
            .tambah_sub(&pejabat, &lain, "andi@tarakankota.go.id")
            .await;
        assert_eq!(s, 201, "another unit takes its own: {v}");
        // Once the first is deleted its unit takes a new one.
        let s = app
            .status(
                &pejabat,
                "DELETE",
                &format!("/api/v1/sub-pejabat/{pertama}"),
                None,
            )
            .await;
        assert!(s == 200 || s == 204, "{s}");
        let (s, v) = app
            .tambah_sub(&pejabat, &unit, "dewi@tarakankota.go.id")
            .await;
        assert_eq!(s, 201, "{v}");
        app.selesai().await;
    }
}

#[tokio::test]
async fn r_sub_07_a_sub_pejabat_is_a_civil_servant_or_permanent_employee() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let unit = app.unit(&pejabat, "Bidang Aplikasi Informatika").await;
        let f = formulir_sub(&unit, &[("jenis_kepegawaian", "pkwtt")], Some(pdf()));
        let (s, v) = kirim_sub(&app, &pejabat, f).await;
        assert_eq!(
            (s, bidang(&v)),
            (422, vec!["jenis_kepegawaian"]),
            "{backend:?}"
        );
        insta::assert_yaml_snapshot!("sub_kepegawaian", v["errors"]);
        assert_eq!(jumlah_sub(&app, &pejabat).await, 0);
        app.selesai().await;
    }
}
