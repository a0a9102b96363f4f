//! Backups (`pse-portal cadangan buat|pulihkan`) on both databases: a portal with a registered
//! system and its document is backed up, restored into an empty database and data folder, and a
//! portal started on them serves the same systems, the same document bytes, the same audit trail
//! and the same passwords.

use pse_tests::*;
use serde_json::{Value, json};

fn folder(nama: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "pse-cadangan-{nama}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ))
}

fn id_audit(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_backup_restored_into_an_empty_database_serves_the_same_portal() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;
        let id = app
            .data_awal_disetujui(&admin, &pejabat, "SIPADU", true)
            .await;
        let isi_pdf = pse_kernel::pdf::contoh("cadangan");
        let (s, v) = app
            .unggah_dokumen(&pejabat, &id, "SOP.pdf", isi_pdf.clone())
            .await;
        assert_eq!(s, 201, "{v}");
        let sha = v["dokumen"][0]["sha256"].as_str().unwrap().to_string();
        let (_, sistem) = app.get(&pejabat, "/api/v1/sistem-elektronik").await;
        let jejak = format!("/api/v1/admin/audit?subjek={id}");
        let (_, audit) = app.get(&admin, &jejak).await;
        assert!(!id_audit(&audit).is_empty(), "{audit}");

        let cadangan = folder("isi");
        let k = app.portal.layanan.konfigurasi.clone();
        let r = pse_portal::cadangan::buat(&k, &cadangan).await.unwrap();
        assert!(r.basis_data.exists(), "{backend:?}: {r:?}");
        assert!(
            r.dokumen >= Some(2),
            "the application's PDF and the SOP: {r:?}"
        );
        assert!(
            pse_portal::cadangan::buat(&k, &cadangan).await.is_err(),
            "a folder that holds a backup is not written over"
        );

        // Into an empty database and an empty data folder.
        let db = BasisDataUji::baru(backend).await;
        let data = folder("data");
        let mut k2 = k.clone();
        k2.database_url = Some(db.url.clone().into());
        k2.data_dir = data.clone();
        let r = pse_portal::cadangan::pulihkan(&k2, &cadangan)
            .await
            .unwrap();
        assert!(r.dokumen >= Some(2), "{r:?}");
        let (url, dir) = (db.url.clone(), data.clone());
        let app2 = jalankan_dengan(backend, move |k| {
            k.database_url = Some(url.into());
            k.data_dir = dir;
        })
        .await;

        let k = klien();
        let (s, v) = app2
            .post(
                &k,
                "/api/v1/sesi",
                json!({"email": "budi@tarakankota.go.id", "kata_sandi": "Rahasia-Sekali-2026"}),
            )
            .await;
        assert_eq!(s, 200, "{backend:?}: the password restored too: {v}");
        let (_, sistem2) = app2.get(&k, "/api/v1/sistem-elektronik").await;
        assert_eq!(sistem2["items"], sistem["items"], "{backend:?}");
        let r = k
            .get(format!(
                "{}/api/v1/sistem-elektronik/{id}/dokumen/{sha}",
                app2.url
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.bytes().await.unwrap().to_vec(), isi_pdf);
        let admin2 = klien();
        let (s, _) = app2
            .post(
                &admin2,
                "/api/v1/sesi",
                json!({"email": "verifikator@komdigi.go.id", "kata_sandi": "Admin-Rahasia-2026"}),
            )
            .await;
        assert_eq!(s, 200);
        let (_, audit2) = app2.get(&admin2, &jejak).await;
        assert_eq!(
            id_audit(&audit2),
            id_audit(&audit),
            "{backend:?}: the system's audit trail is back"
        );
        app2.selesai().await;
        app.selesai().await;
        db.hapus().await;
        let _ = std::fs::remove_dir_all(cadangan);
        let _ = std::fs::remove_dir_all(data);
    }
}
