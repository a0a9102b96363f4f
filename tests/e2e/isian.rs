//! R-X-04 on every JSON body: a `null` is an absent field, a value of the wrong type is 400 naming
//! its field, and a decision on an item already decided answers 409 before its fields.

use pse_tests::*;
use serde_json::json;

#[tokio::test]
async fn r_x_04_every_body_takes_null_as_absent_and_a_closed_item_answers_409_first() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let admin = app.admin().await;
        let pejabat = app.pejabat_tarakan(&admin).await;

        // Absent optional fields: a top unit, a report without filter or order.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/unit-organisasi",
                json!({"nama": "Dinas Kesehatan", "jabatan_kepala": "Kepala Dinas", "induk_id": null}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/laporan",
                json!({"nama": "Semua", "kolom": ["nama_eksternal"], "filter": null, "urutan": null}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        // A required field sent as null is missing (422 with its message), not a type error.
        let (s, v) = app
            .put(
                &pejabat,
                "/api/v1/saya",
                json!({"nama": null, "jabatan": "Kepala Dinas", "telepon_kantor": "(0551) 21820", "nomor_hp": "0812-3456-7890"}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("nama")),
            "{v}"
        );
        // A wrong type names the field.
        let (s, v) = app
            .post(&pejabat, "/api/v1/unit-organisasi", json!({"nama": 5}))
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (400, Some("nama")),
            "{v}"
        );
        let r = pejabat
            .post(format!("{}/api/v1/unit-organisasi", app.url))
            .body("{\"nama\": \"Dinas\"")
            .header("content-type", "application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);

        // A registered system: a change request without a reason is 422 naming it.
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/sistem-elektronik",
                data_awal("SIPADU", true),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, _) = app
            .post(
                &admin,
                &format!("/api/v1/admin/data-awal/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
        // Data Awal already approved: rejecting it now is the state's 409, not the missing reason's 422.
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/data-awal/{id}/tolak"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        let (s, _) = app.lengkapi_dan_setujui(&admin, &pejabat, &id).await;
        assert_eq!(s, 200);
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sistem-elektronik/{id}/tolak"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": null}),
            )
            .await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("alasan")),
            "{v}"
        );

        let (s, v) = app
            .post(
                &pejabat,
                "/api/v1/perubahan-data",
                json!({"sistem_elektronik_id": id, "alasan": "Alamat situs berubah"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let perubahan = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/perubahan-data/{perubahan}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/perubahan-data/{perubahan}/tolak"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");

        // A sub pejabat already approved: rejecting it is 409.
        let unit = app.unit(&pejabat, "Dinas Pendidikan").await;
        let (sub, _) = app
            .sub_pejabat(&admin, &pejabat, &unit, "rina@tarakankota.go.id")
            .await;
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/sub-pejabat/{sub}/tolak"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");

        // An application already approved: rejecting it is 409 whatever the fields.
        let tarakan = app.instansi("kota%20tarakan").await;
        let (s, v) = app
            .daftar(
                &isian_tarakan("pengganti@tarakankota.go.id", "pengganti", &tarakan),
                Some(("surat.pdf", pdf())),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let p = v["id"].as_str().unwrap().to_string();
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{p}/setujui"),
                json!({"catatan": null}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = app
            .post(
                &admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{p}/tolak"),
                json!({}),
            )
            .await;
        assert_eq!(s, 409, "{v}");
        app.selesai().await;
    }
}
