//! Test support for the end-to-end suite: the real portal on a random port with a fresh database, a
//! real SMTP server that collects what it receives, and helpers to drive the flows.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod latihan;
pub mod log;
pub mod peramban;
pub mod qr;
pub mod s3;
pub mod smtp;
pub mod xlsx;

use pse_portal::{Konfigurasi, Portal};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use std::time::Duration;
pub use store_sea_orm::uji::{Backend, BasisDataUji, backends};

/// The text fields of the Sekretaris' application (Kementerian Kesehatan, Admin Pengelola
/// `agus.salim@kemkes.go.id`).
pub const ISIAN_SEP: [(&str, &str); 9] = [
    ("sekretaris_nama", "Dr. Siti Rahayu"),
    ("sekretaris_nip", "197001011995032001"),
    ("sekretaris_jabatan", "Sekretaris Jenderal"),
    ("sekretaris_email", "setjen@kemkes.go.id"),
    ("admin_nama", "Agus Salim"),
    ("admin_nip", "198805052015031002"),
    ("admin_jabatan", "Pranata Komputer"),
    ("admin_email", "agus.salim@kemkes.go.id"),
    ("admin_nomor_hp", "081234567890"),
];

/// The Sekretaris' application for `aplikasi` on behalf of `instansi` as a multipart form (Admin
/// Pengelola `agus.salim@kemkes.go.id`); `kuasa` is the Surat Kuasa, left out when `None`.
pub fn permohonan_sep(aplikasi: &str, instansi: &str, kuasa: Option<Vec<u8>>) -> Form {
    let mut f = Form::new()
        .text("aplikasi_id", aplikasi.to_string())
        .text("instansi_id", instansi.to_string());
    for (k, v) in ISIAN_SEP {
        f = f.text(k, v);
    }
    if let Some(k) = kuasa {
        f = f.part("surat_kuasa", Part::bytes(k).file_name("surat-kuasa.pdf"));
    }
    f.part(
        "bukti_kepegawaian",
        Part::bytes(pdf()).file_name("kartu-pegawai.pdf"),
    )
}

/// A running portal for one test.
pub struct Aplikasi {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The portal.
    pub portal: Portal,
    /// The SMTP server its emails go to.
    pub smtp: smtp::KotakSurat,
    db: BasisDataUji,
    dir: std::path::PathBuf,
    konfigurasi: Konfigurasi,
}

/// A fresh portal on `backend` whose SMTP server is already listening.
pub async fn jalankan(backend: Backend) -> Aplikasi {
    let a = jalankan_tanpa_smtp(backend).await;
    a.smtp.mulai();
    a
}

/// A fresh portal whose SMTP server is not started yet (start it with `smtp.mulai()`).
pub async fn jalankan_tanpa_smtp(backend: Backend) -> Aplikasi {
    jalankan_dengan(backend, |_| {}).await
}

/// A fresh portal with settings changed by `ubah`; its SMTP server is not started yet.
pub async fn jalankan_dengan(backend: Backend, ubah: impl FnOnce(&mut Konfigurasi)) -> Aplikasi {
    log::pasang();
    let db = BasisDataUji::baru(backend).await;
    let smtp = smtp::KotakSurat::baru();
    let dir = std::env::temp_dir().join(format!("pse-e2e-{}", uuid_sederhana()));
    let mut k = Konfigurasi {
        bind: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.clone(),
        database_url: Some(db.url.clone().into()),
        base_url: None,
        smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port()).into()),
        mail_from: "PSE Lingkup Publik <noreply@pse.test>".into(),
        bssn_email: None,
        logo: None,
        metrics_token: None,
        helpdesk_telepon: layanan::standar::TELEPON_BAWAAN.into(),
        helpdesk_email: Some("helpdesk@pse.test".into()),
        jam_layanan: layanan::standar::JAM_BAWAAN.into(),
        cookie_secure: false,
        batas_dokumen_mib: 10,
        skor_rendah_maks: 15,
        skor_tinggi_maks: 34,
        batas_percobaan_per_menit: 1000,
        proxy_tepercaya: Vec::new(),
        batas_tajuk_detik: 10,
        batas_isi_detik: 60,
        batas_tiris_detik: 30,
        selang_outbox_ms: 100,
        db_pool: None,
        db_tunggu_ms: 3000,
        hash_paralel: None,
        ekspor_paralel: None,
        ekspor_tunggu_ms: 20_000,
        dokumen_url: None,
        s3_endpoint: None,
        s3_region: "us-east-1".into(),
        s3_key_id: None,
        s3_secret: None,
    };
    ubah(&mut k);
    let portal = pse_portal::mulai(k.clone()).await.unwrap();
    Aplikasi {
        url: format!("http://{}", portal.alamat),
        portal,
        smtp,
        db,
        dir,
        konfigurasi: k,
    }
}

fn uuid_sederhana() -> String {
    format!("{}-{:?}", std::process::id(), std::time::SystemTime::now())
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// A browser-like client with its own cookie jar.
pub fn klien() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Valid contents of the eight form sections, in form order.
pub fn isian_bagian() -> Vec<(&'static str, Value)> {
    vec![
        (
            "data-umum",
            json!({"fungsi": "Layanan perizinan daring", "jenis_layanan": ["perizinan", "pembayaran"], "cakupan_wilayah": "Kota Tarakan", "tanggal_operasi": "2024-01-15"}),
        ),
        (
            "profil-penyelenggara",
            json!({"unit_pengelola": "Diskominfo", "alamat": "Jl. Jenderal Sudirman No. 76, Tarakan", "telepon": "0551-21820", "email": "diskominfo@tarakankota.go.id"}),
        ),
        (
            "perangkat-keras",
            json!({"lokasi_hosting": "pusat_data_instansi", "jumlah_server": 2, "spesifikasi": "2 vCPU, 8 GB RAM"}),
        ),
        (
            "perangkat-lunak",
            json!({"sistem_operasi": "Debian 12", "bahasa_pemrograman": "Rust", "kerangka_kerja": "Axum", "basis_data": "PostgreSQL", "lisensi": "open_source", "kepemilikan_kode_sumber": "instansi"}),
        ),
        (
            "tenaga-ahli",
            json!({"jumlah_pengembang": 3, "jumlah_operator": 2, "penyedia": "internal"}),
        ),
        (
            "tata-kelola",
            json!({"dasar_hukum": "Perwali Tarakan No. 12 Tahun 2023", "punya_sop": true, "punya_kebijakan_keamanan": true, "punya_rencana_pemulihan": false}),
        ),
        (
            "penanggung-jawab",
            json!({"nama": "Budi Santoso", "nip": "198501012010011001", "jabatan": "Kepala Dinas", "email": "budi@tarakankota.go.id", "telepon": "0551-21820", "provinsi": "65", "kota": "65.71", "kode_pos": "77111"}),
        ),
        (
            "helpdesk",
            json!({"email": "helpdesk@tarakankota.go.id", "telepon": "0551-21821", "jam_layanan": "Senin-Jumat 08.00-16.00"}),
        ),
    ]
}

/// Data Awal of an online system named `nama`.
pub fn data_awal(nama: &str, publikasi: bool) -> Value {
    json!({
        "nama_internal": format!("{nama} (internal)"),
        "nama_eksternal": nama,
        "keterangan": "Layanan perizinan terpadu bagi warga.",
        "sasaran_pelayanan": "regional",
        "kategori": "rendah",
        "kategori_akses": "online",
        "url": "https://sipadu.tarakankota.go.id",
        "publikasi_spbe": publikasi,
    })
}

/// A minimal valid PDF (one empty page).
pub fn pdf() -> Vec<u8> {
    pse_kernel::pdf::contoh("")
}

/// A complete registration form for the Pemerintah Kota Tarakan (fields of the contract).
pub fn isian_tarakan(email: &str, status: &str, instansi_id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("email", email.into()),
        ("status_pendaftar", status.into()),
        ("nama_lengkap", "Budi Santoso".into()),
        ("jenis_kepegawaian", "pns".into()),
        ("nip", "198501012010011001".into()),
        ("jabatan", "Kepala Dinas Komunikasi dan Informatika".into()),
        ("tingkat_jabatan", "administrator".into()),
        ("telepon_kantor", "(0551) 21820".into()),
        ("nomor_hp", "0812-3456-7890".into()),
        ("provinsi", "65".into()),
        ("kota", "65.71".into()),
        ("instansi_id", instansi_id.into()),
    ]
}

/// `isian` without the field `kunci`.
pub fn tanpa(isian: &[(&'static str, String)], kunci: &str) -> Vec<(&'static str, String)> {
    isian.iter().filter(|(k, _)| *k != kunci).cloned().collect()
}

/// `isian` with the field `kunci` set to `nilai`.
pub fn ganti(
    isian: &[(&'static str, String)],
    kunci: &'static str,
    nilai: &str,
) -> Vec<(&'static str, String)> {
    let mut v = tanpa(isian, kunci);
    v.push((kunci, nilai.into()));
    v
}

/// A multipart form from fields and an optional `dokumen` file.
pub fn multipart(isian: &[(&'static str, String)], dokumen: Option<(&str, Vec<u8>)>) -> Form {
    let mut f = Form::new();
    for (k, v) in isian {
        f = f.text(*k, v.clone());
    }
    if let Some((nama, isi)) = dokumen {
        f = f.part("dokumen", Part::bytes(isi).file_name(nama.to_string()));
    }
    f
}

impl Aplikasi {
    /// The test's database.
    pub fn basis_data(&self) -> &BasisDataUji {
        &self.db
    }

    /// GET a JSON path.
    pub async fn get(&self, k: &reqwest::Client, path: &str) -> (u16, Value) {
        let r = k.get(format!("{}{path}", self.url)).send().await.unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// A page's HTML as `k` sees it.
    pub async fn html(&self, k: &reqwest::Client, path: &str) -> String {
        k.get(format!("{}{path}", self.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// POST JSON.
    pub async fn post(&self, k: &reqwest::Client, path: &str, body: Value) -> (u16, Value) {
        let r = k
            .post(format!("{}{path}", self.url))
            .json(&body)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// The approved and activated pejabat of the Pemerintah Kota Tarakan (`budi@tarakankota.go.id`,
    /// password `Rahasia-Sekali-2026`), logged in.
    pub async fn pejabat_tarakan(&self, admin: &reqwest::Client) -> reqwest::Client {
        let tarakan = self.instansi("kota%20tarakan").await;
        self.pejabat(
            admin,
            "budi@tarakankota.go.id",
            "baru",
            &tarakan,
            "Rahasia-Sekali-2026",
        )
        .await
    }

    /// POST a multipart form.
    pub async fn kirim(&self, k: &reqwest::Client, path: &str, f: Form) -> (u16, Value) {
        let r = k
            .post(format!("{}{path}", self.url))
            .multipart(f)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// PUT JSON.
    pub async fn put(&self, k: &reqwest::Client, path: &str, body: Value) -> (u16, Value) {
        let r = k
            .put(format!("{}{path}", self.url))
            .json(&body)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// Uploads a supporting document of a system; answers status and body.
    pub async fn unggah_dokumen(
        &self,
        k: &reqwest::Client,
        sistem: &str,
        nama: &str,
        isi: Vec<u8>,
    ) -> (u16, Value) {
        let f = Form::new()
            .text("jenis", "sop")
            .part("berkas", Part::bytes(isi).file_name(nama.to_string()));
        let r = k
            .post(format!(
                "{}/api/v1/sistem-elektronik/{sistem}/dokumen",
                self.url
            ))
            .multipart(f)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// A new system `nama` whose Data Awal the admin has approved (ready to be filled in); its id.
    pub async fn data_awal_disetujui(
        &self,
        admin: &reqwest::Client,
        pejabat: &reqwest::Client,
        nama: &str,
        publikasi: bool,
    ) -> String {
        let (s, v) = self
            .post(
                pejabat,
                "/api/v1/sistem-elektronik",
                data_awal(nama, publikasi),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, v) = self
            .post(
                admin,
                &format!("/api/v1/admin/data-awal/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        id
    }

    /// Completes and submits a system whose Data Awal is approved (it then waits for the admin).
    pub async fn lengkapi_dan_ajukan(&self, pejabat: &reqwest::Client, sistem: &str) {
        self.lengkapi_sistem(pejabat, sistem).await;
        let (s, v) = self
            .post(
                pejabat,
                &format!("/api/v1/sistem-elektronik/{sistem}/ajukan"),
                json!({"pernyataan": true}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
    }

    /// A new system `nama`, its Data Awal approved, completed and submitted; its id.
    pub async fn sistem_diajukan(
        &self,
        admin: &reqwest::Client,
        pejabat: &reqwest::Client,
        nama: &str,
    ) -> String {
        let id = self.data_awal_disetujui(admin, pejabat, nama, true).await;
        self.lengkapi_dan_ajukan(pejabat, &id).await;
        id
    }

    /// Completes and submits a system whose Data Awal is approved, then has the admin approve it;
    /// answers the approval's status and body.
    pub async fn lengkapi_dan_setujui(
        &self,
        admin: &reqwest::Client,
        pejabat: &reqwest::Client,
        sistem: &str,
    ) -> (u16, Value) {
        self.lengkapi_dan_ajukan(pejabat, sistem).await;
        self.post(
            admin,
            &format!("/api/v1/admin/sistem-elektronik/{sistem}/setujui"),
            json!({}),
        )
        .await
    }

    /// Fills the eight sections, uploads a PDF and answers the self-assessment of an approved system.
    pub async fn lengkapi_sistem(&self, k: &reqwest::Client, sistem: &str) {
        for (bagian, isi) in isian_bagian() {
            let (s, v) = self
                .put(
                    k,
                    &format!("/api/v1/sistem-elektronik/{sistem}/bagian/{bagian}"),
                    isi,
                )
                .await;
            assert_eq!(s, 200, "{bagian}: {v}");
        }
        let (s, v) = self.unggah_dokumen(k, sistem, "sop.pdf", pdf()).await;
        assert_eq!(s, 201, "{v}");
        let (s, v) = self
            .put(
                k,
                &format!("/api/v1/sistem-elektronik/{sistem}/penilaian-kategori"),
                json!({"jawaban": ["A","B","B","B","A","B","B","A","B","C"]}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
    }

    /// The id of a verified instansi found by name.
    pub async fn instansi(&self, nama: &str) -> String {
        let (_, v) = self
            .get(&klien(), &format!("/api/v1/instansi?q={nama}"))
            .await;
        v["items"][0]["id"].as_str().unwrap().to_string()
    }

    /// Submits a registration; answers status and body.
    pub async fn daftar(
        &self,
        isian: &[(&'static str, String)],
        dokumen: Option<(&str, Vec<u8>)>,
    ) -> (u16, Value) {
        let r = klien()
            .post(format!("{}/api/v1/pendaftaran-pejabat", self.url))
            .multipart(multipart(isian, dokumen))
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// Creates and activates an admin; answers a logged-in client.
    pub async fn admin(&self) -> reqwest::Client {
        let token = self
            .portal
            .layanan
            .registrasi
            .buat_admin(
                &pse_kernel::Actor::Sistem,
                "verifikator@komdigi.go.id",
                "Verifikator LAIP",
            )
            .await
            .unwrap();
        self.aktifkan_dan_masuk(
            secrecy::ExposeSecret::expose_secret(&token),
            "verifikator@komdigi.go.id",
            "Admin-Rahasia-2026",
        )
        .await
    }

    /// Registers, approves and activates a pejabat; answers its logged-in client.
    pub async fn pejabat(
        &self,
        admin: &reqwest::Client,
        email: &str,
        status: &str,
        instansi_id: &str,
        sandi: &str,
    ) -> reqwest::Client {
        let token = self
            .pejabat_disetujui(admin, email, status, instansi_id)
            .await;
        self.aktifkan_dan_masuk(&token, email, sandi).await
    }

    /// Registers and approves a pejabat; answers the token of its emailed activation link.
    pub async fn pejabat_disetujui(
        &self,
        admin: &reqwest::Client,
        email: &str,
        status: &str,
        instansi_id: &str,
    ) -> String {
        let (s, v) = self
            .daftar(
                &isian_tarakan(email, status, instansi_id),
                Some(("surat.pdf", pdf())),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap();
        let (s, v) = self
            .post(
                admin,
                &format!("/api/v1/admin/pendaftaran-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        self.smtp.tunggu(email, "disetujui").await.token_aktivasi()
    }

    /// Adds a unit as `pejabat`; answers its id.
    pub async fn unit(&self, pejabat: &reqwest::Client, nama: &str) -> String {
        let (s, v) = self
            .post(
                pejabat,
                "/api/v1/unit-organisasi",
                json!({"nama": nama, "jabatan_kepala": format!("Kepala {nama}")}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        v["id"].as_str().unwrap().to_string()
    }

    /// Registers a sub pejabat for `unit_id` as `pejabat`; answers status and body.
    pub async fn tambah_sub(
        &self,
        pejabat: &reqwest::Client,
        unit_id: &str,
        email: &str,
    ) -> (u16, Value) {
        let isian = vec![
            ("nama_lengkap", format!("Sub {email}")),
            ("nip", "199001012015032001".to_string()),
            ("jenis_kepegawaian", "pns".to_string()),
            ("jabatan", "Kepala Seksi".to_string()),
            ("email", email.to_string()),
            ("telepon", "0551-21821".to_string()),
            ("unit_id", unit_id.to_string()),
        ];
        let mut f = Form::new();
        for (k, v) in isian {
            f = f.text(k, v);
        }
        f = f.part(
            "surat_tugas",
            Part::bytes(pdf()).file_name("surat-tugas.pdf"),
        );
        let r = pejabat
            .post(format!("{}/api/v1/sub-pejabat", self.url))
            .multipart(f)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    /// Invites a petugas through the API, activates the account from the email and logs in.
    pub async fn petugas(
        &self,
        pejabat: &reqwest::Client,
        nama: &str,
        email: &str,
        tugas: &str,
    ) -> (String, reqwest::Client) {
        let (s, v) = self
            .post(
                pejabat,
                "/api/v1/layanan-daerah/petugas",
                json!({"nama": nama, "nip": "198501012010011001", "jabatan": "Diskominfo Kota Tarakan",
                       "email": email, "tugas": tugas}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        assert_eq!(v["status"], "menunggu_aktivasi");
        let id = v["id"].as_str().unwrap().to_string();
        let surel = self.smtp.tunggu(email, "Undangan petugas").await;
        let token = surel.token_aktivasi();
        let k = self
            .aktifkan_dan_masuk(&token, email, "Rahasia-Petugas-2026")
            .await;
        (id, k)
    }

    /// Registers, approves and activates a sub pejabat; answers its id and logged-in client.
    pub async fn sub_pejabat(
        &self,
        admin: &reqwest::Client,
        pejabat: &reqwest::Client,
        unit_id: &str,
        email: &str,
    ) -> (String, reqwest::Client) {
        let (s, v) = self.tambah_sub(pejabat, unit_id, email).await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_string();
        let (s, v) = self
            .post(
                admin,
                &format!("/api/v1/admin/sub-pejabat/{id}/setujui"),
                json!({}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let surel = self.smtp.tunggu(email, "Sub Pejabat").await;
        let token = surel.token_aktivasi();
        let k = self
            .aktifkan_dan_masuk(&token, email, "Rahasia-Sub-2026")
            .await;
        (id, k)
    }

    /// Puts Srikandi in the catalogue and has the Kementerian Kesehatan's request for it applied,
    /// declared complete and approved; the Admin Pengelola (`agus.salim@kemkes.go.id`, password
    /// `Rahasia-Pengelola-2026`) activates and adds a user. Answers its logged-in client.
    pub async fn admin_pengelola(&self, admin: &reqwest::Client) -> reqwest::Client {
        let (s, v) = self
            .post(
                admin,
                "/api/v1/admin/aplikasi-perkantoran",
                json!({"nama": "Srikandi", "deskripsi": "Tata naskah dinas elektronik.",
                       "url": "https://srikandi.arsip.go.id", "dasar_penetapan": "KepmenPANRB 679/2020"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let aplikasi = v["id"].as_str().unwrap().to_string();
        let kemenkes = self.instansi("kementerian%20kesehatan").await;
        let (s, v) = self
            .kirim(
                &klien(),
                "/api/v1/permohonan-sep",
                permohonan_sep(&aplikasi, &kemenkes, Some(pdf())),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap();
        for aksi in ["lengkap", "setujui"] {
            let (s, v) = self
                .post(
                    admin,
                    &format!("/api/v1/admin/permohonan-sep/{id}/{aksi}"),
                    json!({}),
                )
                .await;
            assert_eq!(s, 200, "{v}");
        }
        let token = self
            .smtp
            .tunggu("agus.salim@kemkes.go.id", "Admin Pengelola")
            .await
            .token_aktivasi();
        let k = self
            .aktifkan_dan_masuk(&token, "agus.salim@kemkes.go.id", "Rahasia-Pengelola-2026")
            .await;
        let (s, v) = self
            .post(&k, "/api/v1/sep/pengguna", json!({"nama": "Rudi Hartono", "nip": "199001012015031001", "email": "rudi@kemkes.go.id", "jabatan": "Analis"}))
            .await;
        assert_eq!(s, 201, "{v}");
        k
    }

    /// Activates an account with the `token` of its activation link and password `sandi`, then
    /// logs in as `email`; answers the logged-in client.
    pub async fn aktifkan_dan_masuk(
        &self,
        token: &str,
        email: &str,
        sandi: &str,
    ) -> reqwest::Client {
        let k = klien();
        let (s, v) = self
            .post(
                &k,
                "/api/v1/aktivasi",
                json!({"token": token, "kata_sandi": sandi}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = self
            .post(
                &k,
                "/api/v1/sesi",
                json!({"email": email, "kata_sandi": sandi}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        k
    }

    /// Sends `metode` to `path` with a JSON body; answers the status.
    pub async fn status(
        &self,
        k: &reqwest::Client,
        metode: &str,
        path: &str,
        body: Option<Value>,
    ) -> u16 {
        let url = format!("{}{path}", self.url);
        let rb = match metode {
            "GET" => k.get(url),
            "POST" => k.post(url),
            "PUT" => k.put(url),
            "DELETE" => k.delete(url),
            m => panic!("metode {m}"),
        };
        let rb = match body {
            Some(b) => rb.json(&b),
            None => rb,
        };
        rb.send().await.unwrap().status().as_u16()
    }

    /// Another instance of this portal: the same settings (database, SMTP, document store) with
    /// its own port and data folder; its address and the running portal.
    pub async fn instans_lain(&self) -> (String, Portal) {
        let mut k = self.konfigurasi.clone();
        k.data_dir = self.dir.join("instans-lain");
        let portal = pse_portal::mulai(k).await.unwrap();
        (format!("http://{}", portal.alamat), portal)
    }

    /// The instance's data folder.
    pub fn portal_dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Stops the portal and drops its database.
    pub async fn selesai(self) {
        self.portal.henti().await;
        self.db.hapus().await;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Polls `cek` until it answers `Some`, at most `batas`.
pub async fn tunggu<T, F, Fut>(batas: Duration, mut cek: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let mulai = std::time::Instant::now();
    loop {
        if let Some(v) = cek().await {
            return Some(v);
        }
        if mulai.elapsed() > batas {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
