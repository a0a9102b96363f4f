//! Permohonan Daerah through HTTP on both databases (R-DAE-01..05): a city's pejabat invites its
//! petugas, an OPD's Sub Pejabat applies, the Kepala Dinas and the Kepala Bidang dispose, the Tim
//! Teknis returns it, the OPD completes it, the Tim Teknis registers the system (its Data Awal
//! reaches the admin's queue) and reports with the Surat Balasan.

use pse_tests::*;
use reqwest::multipart::{Form, Part};
use serde_json::json;

/// The application as a multipart form; `tanpa` leaves a field or file out.
fn permohonan(tanpa: &str, laporan: Vec<u8>) -> Form {
    let mut f = Form::new();
    for (k, v) in [
        ("nama_sistem", "SIMPEG Tarakan"),
        ("deskripsi", "Kepegawaian ASN Pemerintah Kota Tarakan."),
        ("nomor_surat", "800/123/BKD"),
        ("tanggal_surat", "2026-11-30"),
    ] {
        if k != tanpa {
            f = f.text(k, v);
        }
    }
    if tanpa != "surat_rekomendasi" {
        f = f.part(
            "surat_rekomendasi",
            Part::bytes(pdf()).file_name("rekomendasi.pdf"),
        );
    }
    if tanpa != "laporan_tahapan" {
        f = f.part(
            "laporan_tahapan",
            Part::bytes(laporan).file_name("laporan.pdf"),
        );
    }
    f
}

#[tokio::test]
async fn r_dae_01_to_05_the_one_door_chain_through_http_on_both_databases() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let bkd = app.unit(&pejabat, "Badan Kepegawaian Daerah").await;
        let (_, opd) = app
            .sub_pejabat(&admin, &pejabat, &bkd, "bkd@tarakankota.go.id")
            .await;
        // A bad invitation names each field; a sub pejabat cannot invite.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/layanan-daerah/petugas",
                json!({"nama": "", "nip": "12", "email": "bukan", "tugas": "lurah"}),
            )
            .await;
        assert_eq!(s, 422, "{v}");
        let mut medan: Vec<&str> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        medan.sort();
        assert_eq!(medan, ["email", "jabatan", "nama", "nip", "tugas"], "{v}");
        let (s, _) = app
            .post(&opd, "/api/v1/layanan-daerah/petugas", json!({}))
            .await;
        assert_eq!(s, 403);
        let (_, kadis) = app
            .petugas(
                &pejabat,
                "Ilham Zain",
                "kadis@tarakankota.go.id",
                "kepala_dinas",
            )
            .await;
        let (kabid_id, kabid) = app
            .petugas(
                &pejabat,
                "Rahmawati",
                "kabid@tarakankota.go.id",
                "kepala_bidang",
            )
            .await;
        let (teknis_id, teknis) = app
            .petugas(
                &pejabat,
                "Andi Pratama",
                "teknis@tarakankota.go.id",
                "tim_teknis",
            )
            .await;
        let (_, v) = app.get(&pejabat, "/api/v1/layanan-daerah/petugas").await;
        assert_eq!(v["total"], 3, "{v}");

        // R-DAE-01: a missing or non-PDF file is named, nothing is stored.
        let (s, v) = app
            .kirim(
                &opd,
                "/api/v1/permohonan-daerah",
                permohonan("laporan_tahapan", pdf()),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("laporan_tahapan")),
            "{v}"
        );
        let (s, v) = app
            .kirim(
                &opd,
                "/api/v1/permohonan-daerah",
                permohonan("", b"PK\x03\x04 bukan pdf".to_vec()),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (415, Some("laporan_tahapan")),
            "{v}"
        );
        let (_, v) = app.get(&pejabat, "/api/v1/permohonan-daerah").await;
        assert_eq!(v["total"], 0, "nothing stored: {v}");

        // R-DAE-05: the pejabat sets the Dinas' hours; a mistake is named and nothing changes.
        let jam = |buka: &str, tutup: &str| {
            let mut f: Vec<(String, String)> = Vec::new();
            for h in ["senin", "selasa", "rabu", "kamis", "jumat"] {
                f.push((format!("{h}_buka"), buka.into()));
                f.push((format!("{h}_tutup"), tutup.into()));
            }
            f
        };
        let r = pejabat
            .post(format!("{}/petugas-daerah/jam-kerja", app.url))
            .form(&jam("16:00", "08:00"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Jam tutup hari Senin harus sesudah jam buka.")
        );
        let r = pejabat
            .post(format!("{}/petugas-daerah/jam-kerja", app.url))
            .form(&jam("07:30", "15:00"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert!(
            app.html(&pejabat, "/petugas-daerah")
                .await
                .contains("value=\"07:30\"")
        );
        let (s, v) = app
            .kirim(&opd, "/api/v1/permohonan-daerah", permohonan("", pdf()))
            .await;
        assert_eq!(s, 201, "{backend:?}: {v}");
        let id = v["id"].as_str().unwrap().to_string();
        assert_eq!(
            (v["status"].as_str(), v["zona"].as_str()),
            (Some("diajukan"), Some("WITA"))
        );
        // Due 60 working minutes after it came, in the Dinas' own hours, on the loaded holidays.
        let libur = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/libur-2026.csv"),
        )
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| chrono::NaiveDate::parse_from_str(l.split(',').next()?, "%Y-%m-%d").ok())
        .collect::<Vec<_>>();
        let kantor = pse_kernel::WaktuKerja::new(
            pse_kernel::KalenderKerja::new(libur),
            pse_kernel::JamKerja::baru([Some((450, 900)); 5]).unwrap(),
            pse_kernel::ZonaWaktu::Wita,
        );
        let mulai =
            chrono::DateTime::parse_from_rfc3339(v["langkah"][0]["mulai"].as_str().unwrap())
                .unwrap()
                .with_timezone(&chrono::Utc);
        let tenggat = kantor
            .tambah_menit(mulai, 60)
            .with_timezone(&pse_kernel::ZonaWaktu::Wita.offset());
        assert_eq!(v["langkah"][0]["tenggat"], tenggat.to_rfc3339(), "{v}");
        assert_eq!(v["langkah"][0]["kode"], "disposisi_kepala_dinas");
        assert_eq!(v["langkah"][0]["standar_menit"], 60);
        app.smtp
            .tunggu("kadis@tarakankota.go.id", "menunggu Anda")
            .await;

        // Inboxes: the Kepala Dinas has it, the Kepala Bidang not yet.
        let (_, v) = app.get(&kadis, "/api/v1/permohonan-daerah").await;
        assert_eq!(v["total"], 1, "{v}");
        let (_, v) = app.get(&kabid, "/api/v1/permohonan-daerah").await;
        assert_eq!(v["total"], 0, "{v}");

        // R-DAE-02: out of turn, then the two dispositions.
        let path = |x: &str| format!("/api/v1/permohonan-daerah/{id}/{x}");
        let (s, _) = app
            .post(
                &kabid,
                &path("disposisi"),
                json!({"kepada_id": teknis_id, "instruksi": "Periksa."}),
            )
            .await;
        assert_eq!(
            s, 403,
            "the Kepala Bidang cannot act before the Kepala Dinas"
        );
        let (s, v) = app
            .post(
                &kadis,
                &path("disposisi"),
                json!({"kepada_id": kabid_id, "instruksi": "Mohon diproses."}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("didisposisi_kepala_bidang")),
            "{v}"
        );
        let (s, v) = app
            .post(
                &kabid,
                &path("disposisi"),
                json!({"kepada_id": teknis_id, "instruksi": "Periksa dan catat."}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("didisposisi_tim_teknis")),
            "{v}"
        );
        app.smtp
            .tunggu("teknis@tarakankota.go.id", "menunggu Anda")
            .await;
        let (s, _) = app
            .post(
                &kadis,
                &path("disposisi"),
                json!({"kepada_id": null, "instruksi": ""}),
            )
            .await;
        assert_eq!(s, 409, "out of turn, before the empty fields");

        // R-DAE-03: returned with what is missing (by email), completed, registered.
        let (s, v) = app
            .post(
                &teknis,
                &path("kembalikan"),
                json!({"kekurangan": "Laporan pengujian kelaikan belum dilampirkan."}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("dikembalikan")),
            "{v}"
        );
        let surel = app
            .smtp
            .tunggu("bkd@tarakankota.go.id", "perlu dilengkapi")
            .await;
        assert!(
            surel
                .teks
                .contains("Laporan pengujian kelaikan belum dilampirkan."),
            "{}",
            surel.teks
        );
        let (s, v) = app
            .kirim(
                &opd,
                &path("lengkapi"),
                Form::new()
                    .text("keterangan", "Laporan pengujian terlampir.")
                    .part(
                        "laporan_tahapan",
                        Part::bytes(pdf()).file_name("laporan-lengkap.pdf"),
                    ),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str(), v["id"].as_str()),
            (200, Some("didisposisi_tim_teknis"), Some(id.as_str())),
            "{v}"
        );
        let (s, v) = app
            .post(&teknis, &path("catat"), data_awal("SIMPEG Tarakan", false))
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("tercatat")), "{v}");
        let sistem = v["sistem_elektronik_id"].as_str().unwrap().to_string();
        let (_, antrean) = app
            .get(&admin, "/api/v1/admin/antrian?jenis=data-awal")
            .await;
        assert!(
            antrean.to_string().contains(&sistem),
            "the Data Awal waits for the ministry: {antrean}"
        );
        let (_, v) = app
            .get(&opd, &format!("/api/v1/sistem-elektronik/{sistem}"))
            .await;
        assert_eq!(
            v["status"], "data_awal_diajukan",
            "the OPD's own system: {v}"
        );

        // R-DAE-04: the report and the Surat Balasan to the applicant and the Kepala Dinas.
        let (s, v) = app
            .post(
                &teknis,
                &path("selesaikan"),
                json!({"ringkasan": "Data Awal tercatat, menunggu verifikasi Kementerian."}),
            )
            .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("selesai")), "{v}");
        let kode: Vec<&str> = v["langkah"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["kode"].as_str().unwrap())
            .collect();
        assert_eq!(
            kode,
            [
                "disposisi_kepala_dinas",
                "disposisi_kepala_bidang",
                "pemeriksaan_pencatatan",
                "pemeriksaan_pencatatan",
                "pelaporan"
            ]
        );
        for kepada in ["bkd@tarakankota.go.id", "kadis@tarakankota.go.id"] {
            app.smtp.tunggu(kepada, "Surat balasan").await;
        }
        let html = app.html(&kadis, "/permohonan-daerah/kinerja").await;
        assert!(
            html.contains("Median waktu tiap langkah")
                && html.contains("Pemeriksaan dan pencatatan"),
            "{html}"
        );
        let (s, _) = app.get(&teknis, "/permohonan-daerah/kinerja").await;
        assert_eq!(
            s, 403,
            "the dashboard is the Kepala Dinas' and the pejabat's"
        );
        let html = app
            .html(&opd, &format!("/permohonan-daerah/{id}/surat-balasan"))
            .await;
        assert!(
            html.contains("Menindaklanjuti surat Saudara nomor 800/123/BKD"),
            "{html}"
        );
        let html = app
            .html(&kadis, &format!("/permohonan-daerah/{id}/lembar-disposisi"))
            .await;
        assert!(
            html.contains("Ilham Zain (Kepala Dinas)")
                && html.contains("Rahmawati (Kepala Bidang)"),
            "{html}"
        );

        // Another pemda sees nothing; a ministry's pejabat cannot invite petugas.
        let bulungan = app.instansi("kabupaten%20bulungan").await;
        let lain = app
            .pejabat(
                &admin,
                "sari@bulungankab.go.id",
                "baru",
                &bulungan,
                "Rahasia-Sekali-2026",
            )
            .await;
        let (_, lain_petugas) = app
            .petugas(&lain, "Yusuf", "kadis@bulungankab.go.id", "kepala_dinas")
            .await;
        let (s, _) = app
            .get(&lain_petugas, &format!("/api/v1/permohonan-daerah/{id}"))
            .await;
        assert_eq!(s, 404);
        app.selesai().await;
    }
}
