//! Rule tests of the Struktur Organisasi and Sub Pejabat, each on the in-memory store and on the
//! real store over SQLite and PostgreSQL (`di_setiap_store!`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fakes;

/// A system of the pejabat's instansi registered under `unit`, in the store the units count.
async fn sistem_di_unit(d: &Dunia, pejabat: &Actor, unit: pse_kernel::UnitId) {
    let s = sistem_elektronik::contoh::di_unit(
        d.kota_tarakan,
        unit,
        pejabat.akun_id().unwrap(),
        awal(),
    )
    .unwrap();
    let mut u = d.sistem.mulai().await.unwrap();
    u.simpan_sistem(&s).await.unwrap();
    u.commit().await.unwrap();
}

use fakes::*;
use pse_kernel::Galat;
use pse_kernel::{Actor, Peran};
use registrasi_pejabat::RegistrasiError;
use registrasi_pejabat::model::*;
use secrecy::SecretString;

fn pejabat(d: &Dunia) -> Actor {
    Actor::Pengguna {
        akun_id: pse_kernel::AkunId::new(),
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(d.kota_tarakan),
        unit_id: None,
    }
}

fn pejabat_lain(d: &Dunia) -> Actor {
    Actor::Pengguna {
        akun_id: pse_kernel::AkunId::new(),
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(d.kominfo),
        unit_id: None,
    }
}

fn unit(nama: &str, induk: Option<&UnitOrganisasi>) -> IsianUnit {
    IsianUnit {
        nama: nama.into(),
        jabatan_kepala: format!("Kepala {nama}"),
        induk_id: induk.map(|u| u.id.to_string()),
    }
}

fn formulir_sub(email: &str, u: &UnitOrganisasi) -> FormulirSubPejabat {
    FormulirSubPejabat {
        nama_lengkap: "Rina Wati".into(),
        nip: "199001012015032001".into(),
        jenis_kepegawaian: "pns".into(),
        jabatan: "Kepala Seksi Aplikasi".into(),
        email: email.into(),
        telepon: "0551-21821".into(),
        unit_id: u.id.to_string(),
    }
}

fn galat(e: RegistrasiError) -> Vec<(String, String)> {
    match e {
        RegistrasiError::Umum(Galat::Validasi(g)) => {
            g.into_iter().map(|g| (g.field, g.message)).collect()
        }
        lain => vec![("(bukan validasi)".into(), lain.to_string())],
    }
}

async fn r_sub_01_struktur_organisasi_before_sub_pejabat_and_units_in_use_stay(d: Dunia) {
    let p = pejabat(&d);
    let sebelum = d
        .svc
        .tambah_sub_pejabat(&p, FormulirSubPejabat::default(), pdf())
        .await
        .unwrap_err();
    let dinas = d
        .svc
        .tambah_unit(&p, unit("Diskominfo", None))
        .await
        .unwrap();
    let bidang = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", Some(&dinas)))
        .await
        .unwrap();
    let kosong = d
        .svc
        .tambah_unit(&p, unit("Bidang Kosong", Some(&dinas)))
        .await
        .unwrap();
    let urut: Vec<_> = d
        .svc
        .daftar_unit(&p)
        .await
        .unwrap()
        .iter()
        .map(|u| u.nama.clone())
        .collect();
    assert_eq!(urut, vec!["Diskominfo", "Bidang Aplikasi", "Bidang Kosong"]);
    d.svc
        .tambah_sub_pejabat(&p, formulir_sub("rina@tarakankota.go.id", &bidang), pdf())
        .await
        .unwrap();
    let punya_sub = d.svc.hapus_unit(&p, bidang.id).await.unwrap_err();
    let punya_anak = d.svc.hapus_unit(&p, dinas.id).await.unwrap_err();
    let bersistem = d
        .svc
        .tambah_unit(&p, unit("Bidang Statistik", Some(&dinas)))
        .await
        .unwrap();
    sistem_di_unit(&d, &p, bersistem.id).await;
    sistem_di_unit(&d, &p, bersistem.id).await;
    let punya_sistem = d.svc.hapus_unit(&p, bersistem.id).await.unwrap_err();
    d.svc.hapus_unit(&p, kosong.id).await.unwrap();
    insta::assert_yaml_snapshot!(vec![
        sebelum.to_string(),
        punya_sub.to_string(),
        punya_anak.to_string(),
        punya_sistem.to_string()
    ]);
}

async fn r_sub_02_sub_pejabat_needs_every_field_and_a_surat_tugas(d: Dunia) {
    let p = pejabat(&d);
    d.svc
        .tambah_unit(&p, unit("Diskominfo", None))
        .await
        .unwrap();
    let e = d
        .svc
        .tambah_sub_pejabat(&p, FormulirSubPejabat::default(), None)
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
    assert_eq!(d.jumlah(Tabel::SubPejabat).await, 0);
}

async fn r_sub_03_approval_activates_and_emails_the_link_rejection_tells_the_pejabat(d: Dunia) {
    let (budi, _) = pejabat_aktif_budi(&d).await;
    let p = budi.aktor();
    let u = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    let s = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("rina@tarakankota.go.id", &u), pdf())
        .await
        .unwrap();
    assert_eq!(s.status, StatusSubPejabat::TidakAktif);
    assert_eq!(
        d.svc
            .antrian_sub_pejabat(&admin(), &pse_kernel::JendelaAntrian::awal(100), false)
            .await
            .unwrap()
            .0
            .len(),
        1
    );
    d.svc.setujui_sub_pejabat(&admin(), s.id).await.unwrap();
    let surel = email_terakhir(&d, "rina@tarakankota.go.id", "sub_pejabat_disetujui")
        .await
        .unwrap();
    let token = surel.data["token"].as_str().unwrap().to_string();
    let akun = d
        .svc
        .aktivasi(&token, SecretString::from("Rahasia-Rina-2026"))
        .await
        .unwrap();
    assert_eq!((akun.peran, akun.unit_id), (Peran::SubPejabat, Some(u.id)));
    assert_eq!(
        d.svc.sub_pejabat(&p, s.id).await.unwrap().status,
        StatusSubPejabat::Aktif
    );

    let u2 = d
        .svc
        .tambah_unit(&p, unit("Bidang Statistik", None))
        .await
        .unwrap();
    let s2 = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("andi@tarakankota.go.id", &u2), pdf())
        .await
        .unwrap();
    d.svc
        .tolak_sub_pejabat(
            &admin(),
            s2.id,
            "dokumen_tidak_lengkap",
            "Surat tugas belum ditandatangani.",
        )
        .await
        .unwrap();
    let ke_pejabat = email_terakhir(&d, "budi@tarakankota.go.id", "sub_pejabat_ditolak")
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(ke_pejabat, { ".data.id" => "[id]" });
}

async fn pejabat_aktif_budi(d: &Dunia) -> (Akun, String) {
    let p = d
        .svc
        .ajukan(
            &Actor::Publik,
            formulir(d, "budi@tarakankota.go.id", "baru"),
            pdf(),
        )
        .await
        .unwrap();
    d.svc.setujui(&admin(), p.id, None).await.unwrap();
    let token = email_terakhir(d, "budi@tarakankota.go.id", "permohonan_disetujui")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string();
    (
        d.svc
            .aktivasi(&token, "Rahasia-Sekali-2026".into())
            .await
            .unwrap(),
        token,
    )
}

async fn r_sub_04_edit_email_reverifies_and_delete_deactivates_but_keeps_history(d: Dunia) {
    let (budi, _) = pejabat_aktif_budi(&d).await;
    let p = budi.aktor();
    let u = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    let s = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("rina@tarakankota.go.id", &u), pdf())
        .await
        .unwrap();
    d.svc.setujui_sub_pejabat(&admin(), s.id).await.unwrap();
    let token = email_terakhir(&d, "rina@tarakankota.go.id", "sub_pejabat_disetujui")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string();
    let rina = d
        .svc
        .aktivasi(&token, "Rahasia-Rina-2026".into())
        .await
        .unwrap();
    d.buka_sesi(rina.id).await;

    // Only the phone changes: stays active.
    let mut f = formulir_sub("rina@tarakankota.go.id", &u);
    f.telepon = "0551-99999".into();
    assert_eq!(
        d.svc
            .ubah_sub_pejabat(&p, s.id, f, None)
            .await
            .unwrap()
            .status,
        StatusSubPejabat::Aktif
    );
    // The email changes: back to verification, account off, sessions ended.
    let f = formulir_sub("rina.wati@tarakankota.go.id", &u);
    assert_eq!(
        d.svc
            .ubah_sub_pejabat(&p, s.id, f, None)
            .await
            .unwrap()
            .status,
        StatusSubPejabat::TidakAktif
    );
    assert!(d.svc.akun_aktif(rina.id).await.unwrap().is_none());
    assert!(d.sesi_berakhir(rina.id).await);

    d.svc.hapus_sub_pejabat(&p, s.id).await.unwrap();
    let dihapus = d.svc.sub_pejabat(&p, s.id).await.unwrap();
    assert_eq!(dihapus.status, StatusSubPejabat::Dihapus);
    let jejak: Vec<_> = d
        .svc
        .audit(&admin(), Some(&s.id.to_string()), 1)
        .await
        .unwrap()
        .items
        .into_iter()
        .rev()
        .map(|e| (e.aksi, e.dari_status, e.ke_status))
        .collect();
    insta::assert_yaml_snapshot!(jejak);
}

async fn r_sub_05_one_pending_or_active_sub_pejabat_per_unit(d: Dunia) {
    let p = pejabat(&d);
    let u = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    let pertama = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("rina@tarakankota.go.id", &u), pdf())
        .await
        .unwrap();
    let kedua = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("andi@tarakankota.go.id", &u), pdf())
        .await
        .unwrap_err();
    insta::assert_yaml_snapshot!(galat(kedua));
    d.svc
        .tolak_sub_pejabat(&admin(), pertama.id, "lainnya", "Salah orang.")
        .await
        .unwrap();
    assert!(
        d.svc
            .tambah_sub_pejabat(&p, formulir_sub("andi@tarakankota.go.id", &u), pdf())
            .await
            .is_ok(),
        "a rejected one frees the unit"
    );
}

async fn r_sub_06_sub_pejabat_and_others_cannot_manage_units_or_users(d: Dunia) {
    let p = pejabat(&d);
    let u = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    let s = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("rina@tarakankota.go.id", &u), pdf())
        .await
        .unwrap();
    let sub = Actor::Pengguna {
        akun_id: pse_kernel::AkunId::new(),
        peran: Peran::SubPejabat,
        instansi_id: Some(d.kota_tarakan),
        unit_id: Some(u.id),
    };
    assert!(matches!(
        d.svc.daftar_unit(&sub).await,
        Err(RegistrasiError::Umum(Galat::Dilarang))
    ));
    assert!(matches!(
        d.svc.tambah_unit(&sub, unit("X", None)).await,
        Err(RegistrasiError::Umum(Galat::Dilarang))
    ));
    assert!(matches!(
        d.svc.daftar_sub_pejabat(&sub).await,
        Err(RegistrasiError::Umum(Galat::Dilarang))
    ));
    assert!(matches!(
        d.svc.hapus_sub_pejabat(&sub, s.id).await,
        Err(RegistrasiError::Umum(Galat::Dilarang))
    ));
    assert!(matches!(
        d.svc.daftar_unit(&Actor::Publik).await,
        Err(RegistrasiError::Umum(Galat::BelumMasuk))
    ));
    // Another instansi's pejabat does not see them at all.
    let lain = pejabat_lain(&d);
    assert!(matches!(
        d.svc.sub_pejabat(&lain, s.id).await,
        Err(RegistrasiError::Umum(Galat::TidakDitemukan))
    ));
    assert!(matches!(
        d.svc.ubah_unit(&lain, u.id, unit("Y", None)).await,
        Err(RegistrasiError::Umum(Galat::TidakDitemukan))
    ));
    assert!(matches!(
        d.svc.hapus_unit(&lain, u.id).await,
        Err(RegistrasiError::Umum(Galat::TidakDitemukan))
    ));
    assert!(d.svc.daftar_unit(&lain).await.unwrap().is_empty());
}

async fn r_sub_07_sub_pejabat_is_a_civil_servant_or_permanent_employee(d: Dunia) {
    let p = pejabat(&d);
    let u = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    let mut f = formulir_sub("rina@tarakankota.go.id", &u);
    f.jenis_kepegawaian = "pkwtt".into();
    let e = d.svc.tambah_sub_pejabat(&p, f, pdf()).await.unwrap_err();
    insta::assert_yaml_snapshot!(galat(e));
}

async fn r_pej_12_a_pengganti_takes_over_units_and_sub_pejabat(d: Dunia) {
    let (budi, _) = pejabat_aktif_budi(&d).await;
    let u = d
        .svc
        .tambah_unit(&budi.aktor(), unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    d.svc
        .tambah_sub_pejabat(
            &budi.aktor(),
            formulir_sub("rina@tarakankota.go.id", &u),
            pdf(),
        )
        .await
        .unwrap();
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
    let token = email_terakhir(&d, "sari@tarakankota.go.id", "permohonan_disetujui")
        .await
        .unwrap()
        .data["token"]
        .as_str()
        .unwrap()
        .to_string();
    let sari = d
        .svc
        .aktivasi(&token, "Rahasia-Sari-2026".into())
        .await
        .unwrap();
    assert_eq!(d.svc.daftar_unit(&sari.aktor()).await.unwrap().len(), 1);
    assert_eq!(
        d.svc.daftar_sub_pejabat(&sari.aktor()).await.unwrap().len(),
        1
    );
}

async fn r_sub_02_a_surat_tugas_that_is_not_a_pdf_is_refused_and_nothing_stored(d: Dunia) {
    let p = pejabat(&d);
    let u = d
        .svc
        .tambah_unit(&p, unit("Bidang Aplikasi", None))
        .await
        .unwrap();
    let gambar = Some(Berkas {
        nama: "surat.pdf".into(),
        isi: b"\x89PNG\r\n\x1a\nbukan surat".to_vec(),
    });
    let e = d
        .svc
        .tambah_sub_pejabat(&p, formulir_sub("rina@tarakankota.go.id", &u), gambar)
        .await
        .unwrap_err();
    assert!(
        matches!(e, RegistrasiError::Umum(Galat::PdfDitolak(_))),
        "{e:?}"
    );
    assert_eq!(d.jumlah(Tabel::SubPejabat).await, 0);
}

di_setiap_store!(
    r_sub_01_struktur_organisasi_before_sub_pejabat_and_units_in_use_stay,
    r_sub_02_sub_pejabat_needs_every_field_and_a_surat_tugas,
    r_sub_03_approval_activates_and_emails_the_link_rejection_tells_the_pejabat,
    r_sub_04_edit_email_reverifies_and_delete_deactivates_but_keeps_history,
    r_sub_05_one_pending_or_active_sub_pejabat_per_unit,
    r_sub_06_sub_pejabat_and_others_cannot_manage_units_or_users,
    r_sub_07_sub_pejabat_is_a_civil_servant_or_permanent_employee,
    r_pej_12_a_pengganti_takes_over_units_and_sub_pejabat,
    r_sub_02_a_surat_tugas_that_is_not_a_pdf_is_refused_and_nothing_stored,
);
