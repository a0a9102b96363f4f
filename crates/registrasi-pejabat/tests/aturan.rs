//! Rule tests of the registration, named by rule ID, each on the in-memory store and on the real
//! store over SQLite and PostgreSQL (`di_setiap_store!`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fakes;

use chrono::Duration;
use fakes::*;
use pse_kernel::Galat;
use pse_kernel::{Actor, Peran};
use registrasi_pejabat::RegistrasiError;
use registrasi_pejabat::model::*;
use registrasi_pejabat::service::UbahProfil;
use secrecy::SecretString;

/// The client address of the tests' logins.
const IP: &str = "192.0.2.10";

fn galat(e: RegistrasiError) -> Vec<(String, String)> {
    match e {
        RegistrasiError::Umum(Galat::Validasi(g)) => {
            g.into_iter().map(|g| (g.field, g.message)).collect()
        }
        lain => vec![("(bukan validasi)".into(), lain.to_string())],
    }
}

/// Applies, approves and activates a pejabat; answers the raw activation token's account.
async fn pejabat_aktif(d: &Dunia, email: &str, status: &str) -> Akun {
    let p = d
        .svc
        .ajukan(&Actor::Publik, formulir(d, email, status), pdf())
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let token = email_terakhir(d, email, "permohonan_disetujui")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string();
    let akun = d
        .svc
        .aktivasi(&token, SecretString::from("Rahasia-Sekali-2026"))
        .await
        .unwrap();
    // Logged in somewhere, as an active pejabat would be.
    d.buka_sesi(akun.id).await;
    assert!(!d.sesi_berakhir(akun.id).await);
    akun
}

async fn r_pej_03_every_missing_field_gets_its_own_message(d: Dunia) {
    let e = d
        .svc
        .ajukan(&Actor::Publik, FormulirPendaftaran::default(), None)
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
    assert_eq!(d.jumlah(Tabel::Permohonan).await, 0, "nothing is stored");
}

async fn r_pej_01_gmail_address_is_refused_and_nothing_stored(d: Dunia) {
    let e = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@gmail.com", "baru"),
            pdf(),
        )
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
    assert_eq!(d.jumlah(Tabel::Permohonan).await, 0);
    assert!(d.surel().await.is_empty());
}

async fn r_pej_05_png_named_pdf_alone_is_unsupported_media_type(d: Dunia) {
    let png = Some(Berkas {
        nama: "surat.pdf".into(),
        isi: b"\x89PNG\r\n\x1a\n".to_vec(),
    });
    let e = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            png,
        )
        .await;
    assert!(matches!(
        e,
        Err(RegistrasiError::Umum(Galat::PdfDitolak(_)))
    ));
    assert_eq!(d.jumlah(Tabel::Permohonan).await, 0);
}

async fn r_pej_02_baru_and_pengganti_must_match_the_instansi(d: Dunia) {
    let pengganti_tanpa_pejabat = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "a@tarakankota.go.id", "pengganti"),
            pdf(),
        )
        .await
        .unwrap_err();
    pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let baru_padahal_ada = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "sari@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!((galat(pengganti_tanpa_pejabat), galat(baru_padahal_ada)));
}

async fn r_pej_06_proposal_of_an_existing_instansi_is_refused_with_a_pointer(d: Dunia) {
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.instansi_id = String::new();
    f.instansi_baru_nama = "  kementerian   KOMUNIKASI dan digital ".into();
    f.instansi_baru_jenis = "kementerian".into();
    f.instansi_baru_alamat = "Jl. Medan Merdeka Barat 9".into();
    f.instansi_baru_website = "https://komdigi.go.id".into();
    let e = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
}

async fn r_pej_06_a_new_instansi_is_verified_with_the_application(d: Dunia) {
    let mut f = formulir(&d, "rina@dsta.lpp.co.id", "baru");
    f.instansi_id = String::new();
    f.jenis_kepegawaian = "pkwtt".into();
    f.nik = "3273014501900001".into();
    f.instansi_baru_nama = "Lembaga Penyiaran Contoh".into();
    f.instansi_baru_jenis = "institusi".into();
    f.instansi_baru_alamat = "Jl. Contoh 1, Tarakan".into();
    f.instansi_baru_website = "https://www.lpp.co.id".into();
    let p = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    assert!(matches!(p.instansi, PilihanInstansi::Usulan(_)));
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let baru = d
        .repo
        .instansi_bernama(&Instansi::kunci_nama("Lembaga Penyiaran Contoh"))
        .await
        .unwrap()
        .unwrap();
    assert!(baru.rekam().terverifikasi);
    assert_eq!(
        baru.aturan_domain(),
        AturanDomain::Domain("lpp.co.id".into())
    );
}

async fn r_pej_07_only_the_admin_decides_and_a_rejection_needs_category_and_note(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    let pejabat = Actor::Pengguna {
        akun_id: pse_kernel::AkunId::new(),
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(d.kota_tarakan),
        unit_id: None,
    };
    assert!(matches!(
        d.svc.setujui(&pejabat, p.id, None).await,
        Err(RegistrasiError::Umum(Galat::Dilarang))
    ));
    assert!(matches!(
        d.svc.setujui(&Actor::Publik, p.id, None).await,
        Err(RegistrasiError::Umum(Galat::BelumMasuk))
    ));
    let kosong = d.svc.tolak(&admin(), p.id, "", " ").await.unwrap_err();
    insta::assert_yaml_snapshot!(galat(kosong));
}

#[tokio::test]
async fn r_pej_08_rejection_categories_include_no_ict_authority() {
    let kategori: Vec<_> = KategoriPenolakan::SEMUA
        .iter()
        .map(|k| (k.kode(), k.label()))
        .collect();
    insta::assert_yaml_snapshot!(kategori);
}

async fn r_pej_09_corrected_resubmission_keeps_the_id_and_returns_to_the_queue(d: Dunia) {
    let f = formulir(&d, "budi@tarakankota.go.id", "baru");
    let p = d
        .svc
        .ajukan(&Actor::Publik, f.clone(), pdf())
        .await
        .unwrap();
    d.svc
        .tolak(
            &admin(),
            p.id,
            "bukan_kewenangan_tik",
            "Jabatan bukan bidang TIK.",
        )
        .await
        .unwrap();
    let surel = email_terakhir(&d, "budi@tarakankota.go.id", "permohonan_ditolak")
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(surel, { ".data.id" => "[id]" });
    assert!(
        d.svc
            .antrian(&admin(), &pse_kernel::JendelaAntrian::awal(100), false)
            .await
            .unwrap()
            .0
            .is_empty()
    );

    let salah = d
        .svc
        .ajukan_ulang(p.id, "kode-palsu", f.clone(), None)
        .await;
    assert!(matches!(salah, Err(RegistrasiError::KodePerbaikanSalah)));

    let kode = surel.data["kode"].as_str().unwrap();
    let mut perbaikan = f;
    perbaikan.jabatan = "Kepala Bidang Aplikasi Informatika".into();
    d.clock.advance(Duration::hours(2));
    let ulang = d
        .svc
        .ajukan_ulang(p.id, kode, perbaikan, None)
        .await
        .unwrap();
    assert_eq!(ulang.id, p.id);
    assert_eq!(ulang.status, StatusPermohonan::Diajukan);
    assert_eq!(ulang.jumlah_pengajuan, 2);
    assert_eq!(ulang.dokumen, p.dokumen, "the earlier document is kept");
    let antrian = d
        .svc
        .antrian(&admin(), &pse_kernel::JendelaAntrian::awal(100), false)
        .await
        .unwrap()
        .0;
    assert_eq!(antrian.len(), 1);
    assert_eq!(
        antrian[0].permohonan.jabatan_for_test(),
        "Kepala Bidang Aplikasi Informatika"
    );
    let dipakai_lagi = d
        .svc
        .ajukan_ulang(
            p.id,
            kode,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            None,
        )
        .await;
    assert!(matches!(
        dipakai_lagi,
        Err(RegistrasiError::Umum(Galat::StatusTidakSesuai(_)))
    ));
}

trait JabatanUji {
    fn jabatan_for_test(&self) -> &str;
}
impl JabatanUji for PermohonanPejabat {
    fn jabatan_for_test(&self) -> &str {
        &self.data.jabatan
    }
}

async fn r_pej_10_approval_emails_the_activation_link_to_the_registered_address(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "Budi@TarakanKota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc
        .setujui(&admin(), p.id, Some("Lengkap"))
        .await
        .unwrap();
    let surel = email_terakhir(&d, "budi@tarakankota.go.id", "permohonan_disetujui")
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(surel);
}

async fn r_pej_11_activation_link_works_once_and_for_72_hours(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let token = email_terakhir(&d, "budi@tarakankota.go.id", "permohonan_disetujui")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string();
    // Before activation no login works, not even with the email as password.
    let email_sebagai_sandi = d
        .svc
        .masuk(
            "budi@tarakankota.go.id",
            &"budi@tarakankota.go.id".into(),
            IP,
        )
        .await;
    assert!(matches!(
        email_sebagai_sandi,
        Err(RegistrasiError::KredensialSalah)
    ));
    let sama_email = d
        .svc
        .aktivasi(&token, "budi@tarakankota.go.id".into())
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!(galat(sama_email));
    d.svc
        .aktivasi(&token, "Rahasia-Sekali-2026".into())
        .await
        .unwrap();
    assert!(matches!(
        d.svc.aktivasi(&token, "Rahasia-Lain-20261".into()).await,
        Err(RegistrasiError::TokenTidakBerlaku)
    ));
    let akun = d
        .svc
        .masuk("BUDI@tarakankota.go.id ", &"Rahasia-Sekali-2026".into(), IP)
        .await
        .unwrap();
    assert_eq!(akun.peran, Peran::PejabatPendaftar);

    // A second approval's link expires after 72 hours.
    let mut f = formulir(&d, "sari@kominfo.go.id", "baru");
    f.instansi_id = d.kominfo.to_string();
    f.provinsi = "31".into();
    f.kota = "31.71".into();
    let p2 = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    d.svc.setujui(&admin(), p2.id, None).await.unwrap();
    let token2 = email_terakhir(&d, "sari@kominfo.go.id", "permohonan_disetujui")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string();
    d.clock.advance(Duration::hours(72));
    assert!(matches!(
        d.svc.aktivasi(&token2, "Rahasia-Sekali-2026".into()).await,
        Err(RegistrasiError::TokenTidakBerlaku)
    ));
}

async fn r_pej_11_a_reissued_activation_link_replaces_the_earlier_one(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let token = async |template| {
        email_terakhir(&d, "budi@tarakankota.go.id", template)
            .await
            .unwrap()
            .data["token"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let lama = token("permohonan_disetujui").await;
    let akun = d
        .repo
        .akun_dengan_email("budi@tarakankota.go.id")
        .await
        .unwrap()
        .unwrap();
    d.svc
        .terbitkan_ulang_aktivasi(&admin(), akun.id)
        .await
        .unwrap();
    let baru = token("aktivasi_diterbitkan_ulang").await;
    assert_ne!(lama, baru);
    assert!(matches!(
        d.svc.aktivasi(&lama, "Rahasia-Sekali-2026".into()).await,
        Err(RegistrasiError::TokenTidakBerlaku)
    ));
    d.svc
        .aktivasi(&baru, "Rahasia-Sekali-2026".into())
        .await
        .unwrap();
}

async fn r_pej_12_pengganti_deactivates_the_previous_pejabat_in_the_same_transaction(d: Dunia) {
    let lama = pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "sari@tarakankota.go.id", "pengganti"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    assert_eq!(
        d.repo.akun(lama.id).await.unwrap().unwrap().status,
        StatusAkun::Nonaktif
    );
    assert!(d.sesi_berakhir(lama.id).await);
    assert!(matches!(
        d.svc
            .masuk("budi@tarakankota.go.id", &"Rahasia-Sekali-2026".into(), IP)
            .await,
        Err(RegistrasiError::AkunTidakAktif(_))
    ));
    assert!(
        d.svc.akun_aktif(lama.id).await.unwrap().is_none(),
        "its session no longer resolves"
    );
    let baru = d
        .repo
        .akun_dengan_email("sari@tarakankota.go.id")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        baru.instansi_id,
        Some(d.kota_tarakan),
        "the new pejabat takes over the instansi"
    );
    assert!(
        email_terakhir(&d, "budi@tarakankota.go.id", "pejabat_digantikan")
            .await
            .is_some()
    );
}

async fn r_pej_13_pkwtt_is_for_institusi_and_pns_is_not(d: Dunia) {
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.jenis_kepegawaian = "pkwtt".into();
    f.nik = "3273014501900001".into();
    let e = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
}

async fn r_pej_08_the_form_asks_the_level_of_the_position_and_guides_others_to_sub_pejabat(
    d: Dunia,
) {
    // A government registrant names the level; "other" is told to become a Sub Pejabat, an
    // unknown level is named; nothing is stored.
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.tingkat_jabatan = "eselon_9".into();
    let salah = galat(d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err());
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.tingkat_jabatan = "lainnya".into();
    let lainnya = galat(d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err());
    insta::assert_yaml_snapshot!((salah, lainnya));
    assert_eq!(d.jumlah(Tabel::Permohonan).await, 0, "nothing stored");
    // Not given (a client of the earlier contract): accepted, the admin judges the position.
    let mut f = formulir(&d, "sari@tarakankota.go.id", "baru");
    f.tingkat_jabatan = String::new();
    let p = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    assert_eq!(p.data.tingkat_jabatan, None);
    // Kept with the application, for the admin who judges it.
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.tingkat_jabatan = "fungsional_ahli_madya".into();
    let p = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    assert_eq!(
        d.repo
            .permohonan(p.id)
            .await
            .unwrap()
            .unwrap()
            .data
            .tingkat_jabatan,
        Some(TingkatJabatan::FungsionalAhliMadya)
    );
    // An Institusi's registrant is not asked.
    let mut f = institusi(&d, "pkwtt");
    f.tingkat_jabatan = String::new();
    f.nik = "3273014501900001".into();
    let p = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    assert_eq!(p.data.tingkat_jabatan, None);
}

async fn r_pej_14_a_unit_kerja_cannot_register_on_its_own(d: Dunia) {
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.instansi_id = String::new();
    f.instansi_baru_nama = "Dinas Kesehatan Kota Tarakan".into();
    f.instansi_baru_jenis = "pemerintah_kota".into();
    f.instansi_baru_alamat = "Jl. Sudirman".into();
    f.instansi_baru_website = "https://dinkes.tarakankota.go.id".into();
    let e = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
}

async fn r_pej_15_profile_update_keeps_email_and_instansi(d: Dunia) {
    let akun = pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let ubah = UbahProfil {
        nama: "Budi Santoso, S.Kom.".into(),
        jabatan: "Kepala Diskominfo".into(),
        telepon_kantor: "0551-21820".into(),
        nomor_hp: "+62 813 1111 2222".into(),
    };
    let baru = d.svc.ubah_profil(&akun.aktor(), ubah).await.unwrap();
    assert_eq!(baru.nama, "Budi Santoso, S.Kom.");
    assert_eq!(baru.nomor_hp, "081311112222");
    assert_eq!(baru.email, akun.email);
    assert_eq!(baru.instansi_id, akun.instansi_id);
    let salah = d
        .svc
        .ubah_profil(&akun.aktor(), UbahProfil::default())
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!(galat(salah));
}

async fn r_x_01_every_decision_and_status_change_is_audited(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc
        .tolak(&admin(), p.id, "data_tidak_valid", "NIP tidak sesuai SK.")
        .await
        .unwrap();
    let kode = email_terakhir(&d, "budi@tarakankota.go.id", "permohonan_ditolak")
        .await
        .unwrap()
        .data["kode"]
        .as_str()
        .unwrap()
        .to_string();
    d.svc
        .ajukan_ulang(
            p.id,
            &kode,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let jejak: Vec<_> = d
        .svc
        .audit(&admin(), Some(&p.id.to_string()), 1)
        .await
        .unwrap()
        .items
        .into_iter()
        .rev()
        .map(|e| {
            (
                e.aksi,
                e.dari_status,
                e.ke_status,
                e.alasan,
                e.aktor.split(':').next().map(String::from),
            )
        })
        .collect();
    insta::assert_yaml_snapshot!(jejak);
    let pejabat = Actor::Pengguna {
        akun_id: pse_kernel::AkunId::new(),
        peran: Peran::PejabatPendaftar,
        instansi_id: None,
        unit_id: None,
    };
    assert!(matches!(
        d.svc.audit(&pejabat, None, 1).await,
        Err(RegistrasiError::Umum(Galat::Dilarang))
    ));
}

async fn r_x_02_five_failed_logins_lock_the_email_at_that_address_only(d: Dunia) {
    pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let salah: SecretString = "salah-salah-salah".into();
    let mut hasil = Vec::new();
    for _ in 0..5 {
        hasil.push(
            d.svc
                .masuk("budi@tarakankota.go.id", &salah, IP)
                .await
                .unwrap_err()
                .to_string(),
        );
    }
    // Even the right password is refused from that address while locked ...
    hasil.push(
        d.svc
            .masuk("budi@tarakankota.go.id", &"Rahasia-Sekali-2026".into(), IP)
            .await
            .unwrap_err()
            .to_string(),
    );
    insta::assert_yaml_snapshot!(hasil);
    // ... but not from the owner's own address, so a stranger cannot lock the owner out.
    assert!(
        d.svc
            .masuk(
                "budi@tarakankota.go.id",
                &"Rahasia-Sekali-2026".into(),
                "10.9.9.9"
            )
            .await
            .is_ok()
    );
    d.clock.advance(Duration::minutes(15));
    assert!(
        d.svc
            .masuk("budi@tarakankota.go.id", &"Rahasia-Sekali-2026".into(), IP)
            .await
            .is_ok()
    );
}

async fn r_x_02_after_a_lock_each_further_failure_locks_again_for_longer(d: Dunia) {
    pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let salah: SecretString = "salah-salah-salah".into();
    let mut menit = Vec::new();
    for _ in 0..3 {
        loop {
            match d.svc.masuk("budi@tarakankota.go.id", &salah, IP).await {
                Err(RegistrasiError::AkunTerkunci { menit: m }) => {
                    menit.push(m);
                    d.clock.advance(Duration::minutes(m));
                    break;
                }
                Err(RegistrasiError::KredensialSalah) => {}
                lain => panic!("{lain:?}"),
            }
        }
    }
    // 5 failures lock for 15 minutes; after it, each failure locks again (15), until 10 (30).
    assert_eq!(menit, vec![15, 15, 15]);
    for _ in 0..2 {
        let _ = d.svc.masuk("budi@tarakankota.go.id", &salah, IP).await;
        d.clock.advance(Duration::minutes(15));
    }
    let _ = d.svc.masuk("budi@tarakankota.go.id", &salah, IP).await;
    assert!(matches!(
        d.svc.masuk("budi@tarakankota.go.id", &salah, IP).await,
        Err(RegistrasiError::AkunTerkunci { menit: 30 })
    ));
}

/// The answers to six wrong passwords for `email`.
async fn enam_jawaban(d: &Dunia, email: &str) -> Vec<String> {
    let salah: SecretString = "salah-salah-salah".into();
    let mut v = Vec::new();
    for _ in 0..6 {
        v.push(
            d.svc
                .masuk(email, &salah, IP)
                .await
                .unwrap_err()
                .to_string(),
        );
    }
    v
}

async fn r_x_02_an_unknown_email_is_locked_like_a_known_one(d: Dunia) {
    pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let dikenal = enam_jawaban(&d, "budi@tarakankota.go.id").await;
    let asing = enam_jawaban(&d, "tidakada@tarakankota.go.id").await;
    assert_eq!(dikenal, asing);
    assert!(asing[5].contains("Terlalu banyak percobaan"), "{asing:?}");
}

async fn r_x_02_a_wrong_password_is_refused_the_same_whatever_the_account_state(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    // Waiting for activation: a wrong password is the same 401 as for any account.
    assert!(matches!(
        d.svc
            .masuk("budi@tarakankota.go.id", &"Rahasia-Salah-2026".into(), IP)
            .await,
        Err(RegistrasiError::KredensialSalah)
    ));
}

async fn r_x_02_wrong_current_passwords_count_toward_the_lock(d: Dunia) {
    let akun = pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let aktor = akun.aktor();
    for _ in 0..5 {
        let e = d
            .svc
            .ganti_kata_sandi(
                &aktor,
                &"tebakan-salah".into(),
                "Rahasia-Baru-2026".into(),
                IP,
            )
            .await
            .unwrap_err();
        assert!(
            matches!(e, RegistrasiError::Umum(Galat::Validasi(_))),
            "{e:?}"
        );
    }
    assert!(matches!(
        d.svc
            .ganti_kata_sandi(
                &aktor,
                &"Rahasia-Sekali-2026".into(),
                "Rahasia-Baru-2026".into(),
                IP
            )
            .await,
        Err(RegistrasiError::AkunTerkunci { .. })
    ));
    d.clock.advance(Duration::minutes(15));
    d.svc
        .ganti_kata_sandi(
            &aktor,
            &"Rahasia-Sekali-2026".into(),
            "Rahasia-Baru-2026".into(),
            IP,
        )
        .await
        .unwrap();
    assert!(
        d.sesi_berakhir(akun.id).await,
        "a new password ends every session of the account"
    );
}

async fn r_x_02_unknown_email_and_wrong_password_answer_the_same(d: Dunia) {
    pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    let a = d
        .svc
        .masuk(
            "tidakada@tarakankota.go.id",
            &"Rahasia-Sekali-2026".into(),
            IP,
        )
        .await
        .unwrap_err();
    let b = d
        .svc
        .masuk("budi@tarakankota.go.id", &"Rahasia-Salah-2026".into(), IP)
        .await
        .unwrap_err();
    assert_eq!(a.to_string(), b.to_string());
}

async fn r_se_13_queue_is_oldest_first_with_due_time_and_overdue_flag(d: Dunia) {
    let a = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.clock.advance(Duration::hours(1));
    let mut f = formulir(&d, "sari@kominfo.go.id", "baru");
    f.instansi_id = d.kominfo.to_string();
    let b = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    let antrian = d
        .svc
        .antrian(&admin(), &pse_kernel::JendelaAntrian::awal(100), false)
        .await
        .unwrap()
        .0;
    assert_eq!(
        antrian.iter().map(|i| i.permohonan.id).collect::<Vec<_>>(),
        vec![a.id, b.id]
    );
    assert!(antrian.iter().all(|i| !i.terlambat));
    // Monday 09:00 WIB + 1 working day = Tuesday 09:00 WIB.
    assert_eq!(antrian[0].tenggat, awal() + Duration::days(1));
    d.clock.advance(Duration::hours(24));
    let antrian = d
        .svc
        .antrian(&admin(), &pse_kernel::JendelaAntrian::awal(100), false)
        .await
        .unwrap()
        .0;
    assert!(antrian[0].terlambat && !antrian[1].terlambat);
}

async fn r_pej_02_the_choice_is_checked_again_at_approval(d: Dunia) {
    // Two "baru" applications for the same instansi while it has no pejabat: both are accepted,
    // the first approval makes the second one wrong, and the admin is told so.
    let a = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    let b = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "sari@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), a.id, None).await.unwrap();
    let e = d.svc.setujui(&admin(), b.id, None).await.unwrap_err();
    insta::assert_snapshot!(e.to_string(), @"Instansi ini sudah memiliki Pejabat Pendaftar aktif, sehingga permohonan Pendaftar Baru tidak dapat disetujui; tolak agar pemohon mengajukan sebagai Pendaftar Pengganti.");
    assert_eq!(
        d.repo.permohonan(b.id).await.unwrap().unwrap().status,
        StatusPermohonan::Diajukan,
        "still waiting for the admin's rejection"
    );
}

/// A new Institusi proposed with the application.
fn institusi(d: &Dunia, jenis_kepegawaian: &str) -> FormulirPendaftaran {
    let mut f = formulir(d, "budi@itb.ac.id", "baru");
    f.instansi_id = String::new();
    f.instansi_baru_nama = "Institut Teknologi Contoh".into();
    f.instansi_baru_jenis = "institusi".into();
    f.instansi_baru_alamat = "Jl. Ganesa 10".into();
    f.instansi_baru_website = "https://itb.ac.id".into();
    f.jabatan = "Kepala Direktorat Sistem Informasi".into();
    f.jenis_kepegawaian = jenis_kepegawaian.into();
    f
}

async fn r_pej_13_an_institusi_takes_pkwtt_or_pegawai_tetap_and_refuses_pns(d: Dunia) {
    let pns = d
        .svc
        .ajukan(&Actor::Publik, institusi(&d, "pns"), pdf())
        .await
        .unwrap_err();
    let pppk = d
        .svc
        .ajukan(&Actor::Publik, institusi(&d, "pppk"), pdf())
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!((galat(pns), galat(pppk)));
    let mut pkwtt = institusi(&d, "pkwtt");
    pkwtt.nip = String::new();
    pkwtt.nik = "3273014501900001".into();
    let p = d.svc.ajukan(&Actor::Publik, pkwtt, pdf()).await.unwrap();
    assert_eq!(p.data.nomor_induk.to_string(), "3273014501900001");
}

async fn r_pej_14_no_unit_kerja_or_perangkat_daerah_registers_on_its_own(d: Dunia) {
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
        let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
        f.instansi_id = String::new();
        f.instansi_baru_nama = nama.into();
        f.instansi_baru_jenis = "pemerintah_kota".into();
        f.instansi_baru_alamat = "Jl. Sudirman".into();
        f.instansi_baru_website = "https://tarakankota.go.id".into();
        let e = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err();
        assert!(
            galat(e)
                .iter()
                .any(|(field, pesan)| field == "instansi_baru_nama" && pesan.contains("satu pintu")),
            "{nama}"
        );
    }
    assert_eq!(d.jumlah(Tabel::Permohonan).await, 0);
}

/// The raw token of the last reset email to `email`.
async fn token_reset(d: &Dunia, email: &str) -> String {
    email_terakhir(d, email, "reset_kata_sandi")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn r_x_02_a_reset_link_sets_a_new_password_once_and_ends_every_session(d: Dunia) {
    let akun = pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    d.svc
        .minta_reset("tidakada@tarakankota.go.id")
        .await
        .unwrap();
    assert!(
        email_terakhir(&d, "tidakada@tarakankota.go.id", "reset_kata_sandi")
            .await
            .is_none()
    );
    d.svc.minta_reset(" BUDI@tarakankota.go.id").await.unwrap();
    let pertama = token_reset(&d, "budi@tarakankota.go.id").await;
    d.svc.minta_reset("budi@tarakankota.go.id").await.unwrap();
    let kedua = token_reset(&d, "budi@tarakankota.go.id").await;
    assert!(
        matches!(
            d.svc.akun_untuk_reset(&pertama).await,
            Err(RegistrasiError::TautanResetTidakBerlaku)
        ),
        "a newer link ends the earlier one"
    );
    let lemah = d
        .svc
        .atur_ulang_kata_sandi(&kedua, "budi@tarakankota.go.id".into())
        .await
        .unwrap_err();
    assert!(
        matches!(lemah, RegistrasiError::Umum(Galat::Validasi(_))),
        "{lemah:?}"
    );
    d.svc
        .atur_ulang_kata_sandi(&kedua, "Sandi-Baru-Sekali-2026".into())
        .await
        .unwrap();
    assert!(d.sesi_berakhir(akun.id).await);
    assert!(
        d.svc
            .masuk(
                "budi@tarakankota.go.id",
                &"Sandi-Baru-Sekali-2026".into(),
                IP
            )
            .await
            .is_ok()
    );
    assert!(matches!(
        d.svc
            .atur_ulang_kata_sandi(&kedua, "Sandi-Lain-Sekali-2026".into())
            .await,
        Err(RegistrasiError::TautanResetTidakBerlaku)
    ));
}

async fn r_x_02_a_reset_link_expires_after_an_hour(d: Dunia) {
    pejabat_aktif(&d, "budi@tarakankota.go.id", "baru").await;
    d.svc.minta_reset("budi@tarakankota.go.id").await.unwrap();
    let token = token_reset(&d, "budi@tarakankota.go.id").await;
    d.clock.advance(Duration::minutes(61));
    assert!(matches!(
        d.svc
            .atur_ulang_kata_sandi(&token, "Sandi-Baru-Sekali-2026".into())
            .await,
        Err(RegistrasiError::TautanResetTidakBerlaku)
    ));
}

async fn r_x_02_the_receipt_of_a_public_application_echoes_nothing_the_applicant_typed(d: Dunia) {
    let f = formulir(&d, "budi@tarakankota.go.id", "baru");
    d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap();
    let e = email_terakhir(&d, "budi@tarakankota.go.id", "permohonan_diterima")
        .await
        .unwrap();
    assert!(!e.data.to_string().contains("Budi Santoso"), "{}", e.data);
    assert_eq!(e.data["instansi"], "Pemerintah Kota Tarakan");
}

async fn r_x_02_an_email_in_use_is_told_only_to_its_mailbox_and_nothing_is_kept(d: Dunia) {
    let pertama = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    let kedua = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "BUDI@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    assert_eq!(
        kedua.status, pertama.status,
        "the same answer as a new application"
    );
    assert_ne!(kedua.id, pertama.id);
    assert_eq!(
        d.jumlah(Tabel::Permohonan).await,
        1,
        "the second is not kept"
    );
    assert!(
        email_terakhir(&d, "budi@tarakankota.go.id", "email_sudah_dipakai")
            .await
            .is_some()
    );
    // Other problems are still answered field by field (the email is not among them).
    let mut f = formulir(&d, "budi@tarakankota.go.id", "baru");
    f.jabatan = String::new();
    let e = d.svc.ajukan(&Actor::Publik, f, pdf()).await.unwrap_err();
    let g = galat(e);
    assert!(g.iter().all(|(field, _)| field != "email"), "{g:?}");
}

async fn r_lay_04_a_decided_application_invites_its_applicant_to_the_survey(d: Dunia) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(&d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let survei = d.survei().await;
    assert_eq!(survei.len(), 1, "one invitation, with the decision");
    assert_eq!(d.jumlah(Tabel::Survei).await, 1);
    let u = &survei[0];
    assert_eq!(u.layanan, pse_kernel::LayananSurvei::PendaftaranPejabat);
    assert_eq!(u.subjek_id, p.id.to_string());
    let e = email_terakhir(&d, "budi@tarakankota.go.id", "undangan_survei")
        .await
        .unwrap();
    assert_eq!(
        pse_kernel::hash_token(e.data["token"].as_str().unwrap()),
        u.hash_token,
        "the link's token is kept only as its hash"
    );
}

di_setiap_store!(
    r_pej_08_the_form_asks_the_level_of_the_position_and_guides_others_to_sub_pejabat,
    r_pej_02_the_choice_is_checked_again_at_approval,
    r_pej_03_every_missing_field_gets_its_own_message,
    r_pej_01_gmail_address_is_refused_and_nothing_stored,
    r_pej_05_png_named_pdf_alone_is_unsupported_media_type,
    r_pej_02_baru_and_pengganti_must_match_the_instansi,
    r_pej_06_proposal_of_an_existing_instansi_is_refused_with_a_pointer,
    r_pej_06_a_new_instansi_is_verified_with_the_application,
    r_pej_07_only_the_admin_decides_and_a_rejection_needs_category_and_note,
    r_pej_09_corrected_resubmission_keeps_the_id_and_returns_to_the_queue,
    r_pej_10_approval_emails_the_activation_link_to_the_registered_address,
    r_pej_11_activation_link_works_once_and_for_72_hours,
    r_pej_11_a_reissued_activation_link_replaces_the_earlier_one,
    r_pej_12_pengganti_deactivates_the_previous_pejabat_in_the_same_transaction,
    r_pej_13_pkwtt_is_for_institusi_and_pns_is_not,
    r_pej_14_a_unit_kerja_cannot_register_on_its_own,
    r_pej_15_profile_update_keeps_email_and_instansi,
    r_x_01_every_decision_and_status_change_is_audited,
    r_x_02_five_failed_logins_lock_the_email_at_that_address_only,
    r_x_02_after_a_lock_each_further_failure_locks_again_for_longer,
    r_x_02_an_unknown_email_is_locked_like_a_known_one,
    r_x_02_a_wrong_password_is_refused_the_same_whatever_the_account_state,
    r_x_02_wrong_current_passwords_count_toward_the_lock,
    r_x_02_unknown_email_and_wrong_password_answer_the_same,
    r_se_13_queue_is_oldest_first_with_due_time_and_overdue_flag,
    r_pej_13_an_institusi_takes_pkwtt_or_pegawai_tetap_and_refuses_pns,
    r_pej_14_no_unit_kerja_or_perangkat_daerah_registers_on_its_own,
    r_x_02_a_reset_link_sets_a_new_password_once_and_ends_every_session,
    r_x_02_a_reset_link_expires_after_an_hour,
    r_x_02_the_receipt_of_a_public_application_echoes_nothing_the_applicant_typed,
    r_x_02_an_email_in_use_is_told_only_to_its_mailbox_and_nothing_is_kept,
    r_lay_04_a_decided_application_invites_its_applicant_to_the_survey,
);
