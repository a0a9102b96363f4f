//! The OpenAPI document of the JSON API (`/api/openapi.json`): every route's operation, named
//! `<tag>_<handler>`; tests hold it to the router and to a real validator.

use axum::Json;

/// The OpenAPI document of the API.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "PSE Lingkup Publik API",
        description = "API pendaftaran sistem elektronik lingkup publik. Galat berupa application/problem+json."
    ),
    paths(
        super::publik::api::healthz,
        super::publik::api::readyz,
        super::publik::api::provinsi,
        super::publik::api::kota,
        super::publik::api::instansi,
        super::pendaftaran::api::daftar_pejabat,
        super::pendaftaran::api::perbaiki_pejabat,
        super::akun::api::aktivasi,
        super::akun::api::lupa_kata_sandi,
        super::akun::api::atur_ulang_kata_sandi,
        super::akun::api::masuk,
        super::akun::api::keluar,
        super::akun::api::saya,
        super::akun::api::ubah_saya,
        super::admin::api::antrian,
        super::admin::api::ringkasan_antrian,
        super::admin::api::detail_permohonan,
        super::admin::api::dokumen_permohonan,
        super::admin::api::setujui,
        super::admin::api::tolak,
        super::admin::api::aktivasi_ulang,
        super::admin::api::audit,
        super::struktur::api::daftar_unit,
        super::struktur::api::tambah_unit,
        super::struktur::api::ubah_unit,
        super::struktur::api::hapus_unit,
        super::struktur::api::daftar_sub,
        super::struktur::api::tambah_sub,
        super::struktur::api::lihat_sub,
        super::struktur::api::ubah_sub,
        super::struktur::api::hapus_sub,
        super::struktur::api::surat_tugas,
        super::struktur::api::lihat_sub_admin,
        super::struktur::api::surat_tugas_admin,
        super::sistem::api::daftar,
        super::sistem::api::ajukan,
        super::sistem::api::lihat,
        super::sistem::api::perbaiki,
        super::sistem::api::bagian,
        super::perubahan::api::daftar,
        super::laporan::api::daftar,
        super::laporan::api::buat,
        super::laporan::api::lihat,
        super::laporan::api::ubah,
        super::laporan::api::hapus,
        super::laporan::api::unduh,
        super::laporan::api::rekap,
        super::admin::api::surel_tertunda,
        super::perubahan::api::ajukan,
        super::perubahan::api::lihat,
        super::perubahan::api::selesai,
        super::sistem::api::draf_bagian,
        super::sistem::api::penilaian,
        super::sistem::api::dokumen,
        super::sistem::api::unduh_dokumen,
        super::sistem::api::hapus_dokumen,
        super::sistem::api::ajukan_formulir,
        super::sistem::api::cari_publik,
        super::sistem::api::verifikasi,
        super::sistem::api::trustmark_svg,
        super::sistem::api::trustmark_png,
        super::pengaduan::api::ajukan,
        super::pengaduan::api::status,
        super::pengaduan::api::daftar,
        super::pengaduan::api::tanggapi,
        super::pengaduan::survei::jawab,
        super::pengaduan::survei::ikm,
        super::pengaduan::survei::jawaban,
        super::publik::api::tenggat,
        super::daerah::api::undang,
        super::daerah::api::daftar_petugas,
        super::daerah::api::akhiri,
        super::daerah::api::ajukan,
        super::daerah::api::daftar,
        super::daerah::api::lihat,
        super::daerah::api::disposisi,
        super::daerah::api::kembalikan,
        super::daerah::api::lengkapi,
        super::daerah::api::catat,
        super::daerah::api::selesaikan,
        super::sep::api::katalog,
        super::sep::api::tambah_aplikasi,
        super::sep::api::terbitkan_token,
        super::sep::api::cabut_token,
        super::sep::api::ajukan_sep,
        super::sep::api::status_sep,
        super::sep::api::perbaiki_sep,
        super::sep::api::antrian_sep,
        super::sep::api::lihat_sep,
        super::sep::api::lengkap_sep,
        super::sep::api::perbaikan_sep,
        super::sep::api::setujui_sep,
        super::sep::api::tolak_sep,
        super::sep::api::daftar_pengguna,
        super::sep::api::tambah_pengguna,
        super::sep::api::aktifkan_pengguna,
        super::sep::api::nonaktifkan_pengguna,
        super::sep::api::catat_kasus,
        super::sep::api::daftar_kasus,
        super::sep::api::peringatkan,
        super::sep::api::putuskan_kasus,
        super::sep::api::jawab_peringatan,
        super::sep::api::sinkron,
        super::admin::akun::daftar_akun,
        super::admin::akun::nonaktifkan_akun,
        super::admin::akun::aktifkan_akun
    )
)]
pub struct DokumenApi;

/// The document, each operation named `<tag>_<handler>` so every operation id is unique.
pub fn dokumen() -> utoipa::openapi::OpenApi {
    let mut d = <DokumenApi as utoipa::OpenApi>::openapi();
    for item in d.paths.paths.values_mut() {
        for op in [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            let tag = op.tags.as_ref().and_then(|t| t.first()).cloned();
            if let (Some(tag), Some(id)) = (tag, op.operation_id.as_mut()) {
                *id = format!("{tag}_{id}");
            }
        }
    }
    d
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(dokumen())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use std::collections::BTreeSet;

    /// Every area's routes (`web/<area>/rute.rs`).
    const RUTE: [&str; 11] = [
        include_str!("publik/rute.rs"),
        include_str!("pendaftaran/rute.rs"),
        include_str!("akun/rute.rs"),
        include_str!("struktur/rute.rs"),
        include_str!("sistem/rute.rs"),
        include_str!("laporan/rute.rs"),
        include_str!("perubahan/rute.rs"),
        include_str!("admin/rute.rs"),
        include_str!("pengaduan/rute.rs"),
        include_str!("daerah/rute.rs"),
        include_str!("sep/rute.rs"),
    ];

    /// Every `(METHOD, path)` under `/api/v1` that the areas' routes serve, read from their
    /// `.route(…)` calls.
    fn rute_router() -> BTreeSet<(String, String)> {
        let sumber = RUTE.concat();
        let mut hasil = BTreeSet::new();
        for (awal, _) in sumber.match_indices(".route(") {
            let isi = &sumber[awal + ".route(".len()..];
            // The call's arguments: up to its closing parenthesis.
            let mut dalam = 1;
            let akhir = isi
                .char_indices()
                .find(|&(_, c)| {
                    dalam += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    dalam == 0
                })
                .map(|(i, _)| i)
                .expect("a closed .route(");
            let isi = &isi[..akhir];
            let path = isi.split('"').nth(1).expect("a path literal");
            if !(path.starts_with("/api/v1") || ["/healthz", "/readyz"].contains(&path)) {
                continue;
            }
            for m in ["get", "post", "put", "delete", "patch"] {
                let dipakai = isi.match_indices(&format!("{m}(")).any(|(i, _)| {
                    !isi[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                });
                if dipakai {
                    hasil.insert((m.to_uppercase(), path.to_string()));
                }
            }
        }
        hasil
    }

    #[test]
    fn every_api_route_is_in_the_openapi_document_with_a_unique_operation_id() {
        let d = serde_json::to_value(super::dokumen()).unwrap();
        let mut didokumentasikan = BTreeSet::new();
        let mut id = BTreeSet::new();
        for (path, ops) in d["paths"].as_object().unwrap() {
            for (m, op) in ops.as_object().unwrap() {
                didokumentasikan.insert((m.to_uppercase(), path.clone()));
                let o = op["operationId"].as_str().unwrap().to_string();
                assert!(id.insert(o.clone()), "operation id {o} twice");
            }
        }
        let router = rute_router();
        assert!(
            router.len() > 40,
            "the router's routes were read: {router:?}"
        );
        let tanpa_dokumen: Vec<_> = router.difference(&didokumentasikan).collect();
        let tanpa_rute: Vec<_> = didokumentasikan.difference(&router).collect();
        assert!(
            tanpa_dokumen.is_empty() && tanpa_rute.is_empty(),
            "routes missing from the document: {tanpa_dokumen:?}; documented without a route: {tanpa_rute:?}"
        );
    }

    /// Every operation documents the body it answers on success (a 204 answers none), and every
    /// POST or PUT the body it takes, except the few that take none (log out, submit, re-issue).
    #[test]
    fn every_operation_documents_its_success_body_and_every_write_its_request_body() {
        let d = serde_json::to_value(super::dokumen()).unwrap();
        let tanpa_isi = [
            ("post", "/api/v1/admin/akun/{id}/aktivasi-ulang"),
            ("post", "/api/v1/sistem-elektronik/{id}/ajukan"),
            ("post", "/api/v1/perubahan-data/{id}/selesai"),
        ];
        let mut kurang = Vec::new();
        for (path, ops) in d["paths"].as_object().unwrap() {
            for (m, op) in ops.as_object().unwrap() {
                let berhasil = op["responses"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(s, _)| s.starts_with('2') || s.starts_with('3'))
                    .collect::<Vec<_>>();
                let ada_isi = berhasil
                    .iter()
                    .any(|(s, r)| s.as_str() == "204" || r.get("content").is_some());
                if berhasil.is_empty() || !ada_isi {
                    kurang.push(format!("{m} {path}: no success body"));
                }
                let tulis = m == "post" || m == "put";
                if tulis
                    && op.get("requestBody").is_none()
                    && !tanpa_isi.contains(&(m.as_str(), path.as_str()))
                    && !(m == "post" && berhasil.iter().any(|(s, _)| s.as_str() == "204"))
                {
                    kurang.push(format!("{m} {path}: no request body"));
                }
            }
        }
        assert!(kurang.is_empty(), "{}", kurang.join("\n"));
    }

    /// The document checked by a real OpenAPI validator (`openapi-spec-validator` from PyPI) when
    /// it is installed; CI installs it and sets `PSE_REQUIRE_OPENAPI_VALIDATOR=1`.
    #[test]
    fn the_openapi_document_passes_a_real_validator() {
        let wajib = std::env::var("PSE_REQUIRE_OPENAPI_VALIDATOR").is_ok_and(|v| v == "1");
        let ada = std::process::Command::new("python3")
            .args(["-c", "import openapi_spec_validator"])
            .status()
            .is_ok_and(|s| s.success());
        if !ada {
            assert!(
                !wajib,
                "openapi-spec-validator is required but not installed"
            );
            return;
        }
        let berkas = std::env::temp_dir().join(format!("pse-openapi-{}.json", std::process::id()));
        std::fs::write(&berkas, serde_json::to_vec(&super::dokumen()).unwrap()).unwrap();
        let keluaran = std::process::Command::new("python3")
            .args(["-m", "openapi_spec_validator"])
            .arg(&berkas)
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&berkas);
        assert!(
            keluaran.status.success(),
            "{}{}",
            String::from_utf8_lossy(&keluaran.stdout),
            String::from_utf8_lossy(&keluaran.stderr)
        );
    }
}
