//! Several instances of the portal behind one load balancer: two portals on one PostgreSQL and
//! one S3-compatible document store (moto's server) share sessions, documents, the Tanda Daftar
//! sequence, the email outbox and the scheduled jobs.

use pse_tests::s3::{BUCKET, ServerS3};
use pse_tests::*;
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;

/// Systems approved at once, spread over both instances.
const SISTEM: usize = 50;

#[tokio::test]
async fn two_instances_on_one_postgresql_and_one_s3_store_act_as_one_portal() {
    let Some(s3) = ServerS3::mulai().await else {
        return;
    };
    if !backends().contains(&Backend::Postgres) {
        eprintln!("PSE_TEST_POSTGRES_URL tidak diset: uji beberapa instans dilewati");
        return;
    }
    let app = jalankan_dengan(Backend::Postgres, |k| {
        k.dokumen_url = Some(format!("s3://{BUCKET}/portal"));
        k.s3_endpoint = Some(s3.endpoint.clone());
        k.s3_key_id = Some("uji".into());
        k.s3_secret = Some("rahasia-uji".to_string().into());
    })
    .await;
    app.smtp.mulai();
    let (url_b, portal_b) = app.instans_lain().await;

    // A session made on one instance is valid on the other (cookies go to the host, any port).
    let admin = app.admin().await;
    let pejabat = app.pejabat_tarakan(&admin).await;
    let r = pejabat
        .get(format!("{url_b}/api/v1/sistem-elektronik"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "the session of A is valid on B");

    // A document uploaded through one downloads through the other, from the bucket.
    let id = app
        .data_awal_disetujui(&admin, &pejabat, "Sistem Dokumen Bersama", true)
        .await;
    let berkas = [pdf(), b"\n% dua instans\n".to_vec()].concat();
    let (s, v) = app
        .unggah_dokumen(&pejabat, &id, "sop-bersama.pdf", berkas.clone())
        .await;
    assert_eq!(s, 201, "{v}");
    let sha = v["dokumen"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["nama_berkas"] == "sop-bersama.pdf"))
        .map(|d| d["sha256"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("{v}"));
    let r = pejabat
        .get(format!(
            "{url_b}/api/v1/sistem-elektronik/{id}/dokumen/{sha}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().to_vec(), berkas);
    assert!(
        !app.portal_dir().join("dokumen").exists(),
        "nothing is kept on the instance's disk"
    );

    // Approvals spread over both instances at once get distinct numbers in one sequence.
    let mut siap = Vec::new();
    for i in 0..SISTEM {
        siap.push(
            app.sistem_diajukan(&admin, &pejabat, &format!("Sistem Bersama {i}"))
                .await,
        );
    }
    let persetujuan = siap.iter().enumerate().map(|(i, id)| {
        let dasar = if i % 2 == 0 {
            app.url.clone()
        } else {
            url_b.clone()
        };
        let admin = admin.clone();
        async move {
            let r = admin
                .post(format!(
                    "{dasar}/api/v1/admin/sistem-elektronik/{id}/setujui"
                ))
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let s = r.status().as_u16();
            let v: serde_json::Value = r.json().await.unwrap_or_default();
            assert_eq!(s, 200, "{v}");
            v["tanda_daftar"]["nomor"].as_u64().unwrap()
        }
    });
    let nomor: BTreeSet<u64> = futures::future::join_all(persetujuan)
        .await
        .into_iter()
        .collect();
    assert_eq!(nomor.len(), SISTEM, "distinct numbers: {nomor:?}");
    let (awal, akhir) = (*nomor.first().unwrap(), *nomor.last().unwrap());
    assert_eq!(akhir - awal + 1, SISTEM as u64, "one sequence: {nomor:?}");

    // Each email goes out once although both instances send from the one outbox.
    let terkirim = tunggu(Duration::from_secs(60), || {
        let n = app
            .smtp
            .semua()
            .iter()
            .filter(|s| s.subjek.starts_with("Tanda Daftar Sistem Bersama"))
            .count();
        async move { (n >= SISTEM).then_some(()) }
    })
    .await;
    assert!(terkirim.is_some(), "every Tanda Daftar email arrives");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let surel = app.smtp.semua();
    let id_pesan: BTreeSet<&str> = surel.iter().map(|s| s.message_id.as_str()).collect();
    assert_eq!(id_pesan.len(), surel.len(), "an email was sent twice");

    // A scheduled job asked of both instances at the same moment runs on one (a moment after the
    // claim their own once-a-minute runs hold now).
    let pada = app.portal.layanan.store.sekarang() + chrono::Duration::minutes(5);
    let (a, b) = tokio::join!(
        app.portal.layanan.sep.jalankan_jadwal(pada),
        portal_b.layanan.sep.jalankan_jadwal(pada)
    );
    let dijalankan = [a.unwrap().dijalankan, b.unwrap().dijalankan];
    assert_eq!(
        dijalankan.iter().filter(|d| **d).count(),
        1,
        "{dijalankan:?}"
    );

    portal_b.henti().await;
    app.selesai().await;
}
