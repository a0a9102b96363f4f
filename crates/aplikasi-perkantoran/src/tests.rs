#![allow(clippy::unwrap_used)]

use crate::katalog::IsianAplikasi;
use crate::pengguna::{PenggunaSep, PeranSep, StatusPengguna};
use crate::penyalahgunaan::{
    KategoriPenyalahgunaan, Keputusan, Penyalahgunaan, Sanksi, StatusPenyalahgunaan,
};
use crate::permohonan::{
    AlasanTolak, Berkas, FormPermohonanSep, PermohonanSep, StatusPermohonanSep,
};
use crate::surat::Surat;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use pse_kernel::{AplikasiId, Galat, InstansiId, KalenderKerja, PenggunaSepId};

/// `jam:00` WIB on `tanggal`.
fn wib(tanggal: &str, jam: u32) -> DateTime<Utc> {
    pse_kernel::kalender::wib()
        .from_local_datetime(
            &NaiveDate::parse_from_str(tanggal, "%Y-%m-%d")
                .unwrap()
                .and_hms_opt(jam, 0, 0)
                .unwrap(),
        )
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn form() -> FormPermohonanSep {
    FormPermohonanSep {
        sekretaris_nama: "Dr. Siti Rahayu".into(),
        sekretaris_nip: "19700101 199503 2 001".into(),
        sekretaris_jabatan: "Sekretaris Jenderal".into(),
        sekretaris_email: "setjen@kemenkes.go.id".into(),
        admin_nama: "Agus Salim".into(),
        admin_nip: "198805052015031002".into(),
        admin_jabatan: "Pranata Komputer Ahli Muda".into(),
        admin_email: "agus.salim@kemenkes.go.id".into(),
        admin_nomor_hp: "0812-3456-7890".into(),
    }
}

fn berkas(nama: &str) -> Berkas {
    Berkas {
        sha256: "0".repeat(64),
        nama_berkas: nama.into(),
        ukuran: 2048,
    }
}

/// Working days of 2026 with Independence Day (Monday 17 August) off.
fn kalender() -> KalenderKerja {
    KalenderKerja::new([d("2026-08-17")])
}

fn diajukan(pada: DateTime<Utc>) -> PermohonanSep {
    PermohonanSep::ajukan(
        AplikasiId::new(),
        InstansiId::new(),
        form().periksa(true, true).unwrap(),
        berkas("surat-kuasa.pdf"),
        berkas("kartu-pegawai.pdf"),
        &kalender(),
        pada,
    )
}

#[test]
fn r_sep_01_the_sekretaris_applies_with_the_surat_kuasa_and_the_admins_proof() {
    let kosong = FormPermohonanSep::default()
        .periksa(false, false)
        .unwrap_err();
    let tanpa_kuasa = form().periksa(false, true).unwrap_err();
    insta::assert_debug_snapshot!((kosong, tanpa_kuasa));
    let p = diajukan(wib("2026-12-01", 9));
    assert_eq!(p.status, StatusPermohonanSep::Diajukan);
    assert_eq!(
        p.isian.sekretaris.nip,
        "199501011995032001".replace("19950101", "19700101")
    );
    assert_eq!(p.isian.admin_nomor_hp, "081234567890");
    // The catalogue's entries are checked the same way.
    let salah = IsianAplikasi {
        url: "http://surat.go.id".into(),
        ..IsianAplikasi::default()
    }
    .periksa()
    .unwrap_err();
    insta::assert_debug_snapshot!(salah);
}

#[test]
fn r_sep_02_the_decision_is_due_4_working_days_after_the_file_is_complete() {
    // Filed on Wednesday 12 August 2026 at 09:00 WIB, complete on Thursday the 13th at 10:00;
    // Monday the 17th is Independence Day.
    let kalender = kalender();
    let mut p = diajukan(wib("2026-08-12", 9));
    assert!(
        p.tenggat().is_none(),
        "no decision clock before the file is complete"
    );
    // The file check is the desk's: one working day.
    assert_eq!(p.tenggat_meja(), Some(wib("2026-08-13", 9)));
    assert!(p.terlambat(wib("2026-08-13", 10)), "the check is late");
    p.nyatakan_lengkap(&kalender, wib("2026-08-13", 10))
        .unwrap();
    // Fri 14, (weekend, holiday), Tue 18, Wed 19, Thu 20.
    assert_eq!(p.tenggat(), Some(wib("2026-08-20", 10)));
    assert_eq!(p.tenggat_meja(), p.tenggat());
    assert!(!p.terlambat(wib("2026-08-20", 10)));
    assert!(p.terlambat(wib("2026-08-20", 11)));
    // The Direktorat is reminded once, one working day before the due time.
    assert_eq!(p.ingat_pada, Some(wib("2026-08-19", 10)));
    assert!(!p.perlu_diingatkan(wib("2026-08-19", 9)));
    assert!(p.perlu_diingatkan(wib("2026-08-19", 10)));
    p.sudah_diingatkan();
    assert!(!p.perlu_diingatkan(wib("2026-08-20", 9)));
    assert!(matches!(
        p.nyatakan_lengkap(&kalender, wib("2026-08-13", 11)),
        Err(Galat::StatusTidakSesuai(_))
    ));
    // A correction stops the clock; the corrected file comes back to be checked again.
    let mut q = diajukan(wib("2026-08-12", 9));
    q.minta_perbaikan("Surat Kuasa belum ditandatangani.", wib("2026-08-12", 10))
        .unwrap();
    assert_eq!(q.status, StatusPermohonanSep::PerluPerbaikan);
    assert!(matches!(
        q.setujui(false, wib("2026-08-12", 11)),
        Err(Galat::StatusTidakSesuai(_))
    ));
    assert_eq!(q.tenggat_meja(), None, "nothing due from the Direktorat");
    q.perbaiki(
        form().periksa(true, true).unwrap(),
        Some(berkas("kuasa-ttd.pdf")),
        None,
        &kalender,
        wib("2026-08-14", 15),
    )
    .unwrap();
    assert_eq!(
        (q.status, q.surat_kuasa.nama_berkas.as_str()),
        (StatusPermohonanSep::Diajukan, "kuasa-ttd.pdf")
    );
    // Checked again within one working day of coming back: Tuesday the 18th.
    assert_eq!(q.tenggat_meja(), Some(wib("2026-08-18", 15)));
}

#[test]
fn r_sep_03_three_grounds_and_a_second_admin_pengelola_is_refused() {
    let kalender = KalenderKerja::new([]);
    let mut p = diajukan(wib("2026-12-01", 9));
    p.nyatakan_lengkap(&kalender, wib("2026-12-01", 10))
        .unwrap();
    // An active Admin Pengelola already: approval refused, the third ground proposed.
    let usul = p.setujui(true, wib("2026-12-02", 9)).unwrap_err();
    assert_eq!(p.status, StatusPermohonanSep::Lengkap, "nothing decided");
    let tanpa_alasan = p.tolak(None, "", wib("2026-12-02", 9)).unwrap_err();
    insta::assert_debug_snapshot!((usul, tanpa_alasan));
    p.tolak(
        AlasanTolak::dari_kode("admin_pengelola_sudah_ada"),
        "Admin Pengelola aktif: Budi (sejak 2025).",
        wib("2026-12-02", 9),
    )
    .unwrap();
    assert_eq!(p.status, StatusPermohonanSep::Ditolak);
    assert_eq!(
        AlasanTolak::SEMUA.map(AlasanTolak::kode),
        [
            "persyaratan_tidak_terpenuhi",
            "bukan_badan_pemerintahan",
            "admin_pengelola_sudah_ada"
        ]
    );
    let surat =
        Surat::keputusan(&p, "Kementerian Kesehatan", "Srikandi", "0811-1112-4678").unwrap();
    insta::assert_yaml_snapshot!(surat);
    let mut q = diajukan(wib("2026-12-01", 9));
    q.nyatakan_lengkap(&kalender, wib("2026-12-01", 10))
        .unwrap();
    q.setujui(false, wib("2026-12-02", 9)).unwrap();
    assert_eq!(q.status, StatusPermohonanSep::Disetujui);
}

fn pengguna() -> PenggunaSep {
    PenggunaSep::baru(
        AplikasiId::new(),
        InstansiId::new(),
        PeranSep::Pengguna,
        "Rudi Hartono",
        "199001012015031001",
        "Rudi.Hartono@kemenkes.go.id",
        "Analis Kebijakan",
        wib("2026-11-01", 9),
    )
}

#[test]
fn r_sep_04_the_admin_pengelola_ends_a_user_but_not_its_own_record() {
    let mut p = pengguna();
    p.akhiri_oleh_pengelola(wib("2026-12-01", 9)).unwrap();
    assert_eq!(p.status, StatusPengguna::Nonaktif);
    assert!(matches!(
        p.akhiri_oleh_pengelola(wib("2026-12-01", 10)),
        Err(Galat::StatusTidakSesuai(_))
    ));
    let mut admin = pengguna();
    admin.peran = PeranSep::AdminPengelola;
    assert!(matches!(
        admin.akhiri_oleh_pengelola(wib("2026-12-01", 9)),
        Err(Galat::StatusTidakSesuai(ref m)) if m.contains("Direktorat")
    ));
    assert_eq!(admin.status, StatusPengguna::Aktif, "nothing changed");
}

#[test]
fn r_sep_04_misuse_is_one_of_four_kinds_and_leads_to_deactivation() {
    let salah = Penyalahgunaan::catat(PenggunaSepId::new(), None, " ", 0, wib("2026-12-01", 9))
        .unwrap_err();
    insta::assert_debug_snapshot!(salah);
    assert_eq!(
        KategoriPenyalahgunaan::SEMUA.map(KategoriPenyalahgunaan::kode),
        ["spam", "fitnah", "sara", "penipuan"]
    );
    let mut u = pengguna();
    u.nonaktifkan(false, wib("2026-12-09", 9)).unwrap();
    assert_eq!(u.status, StatusPengguna::Nonaktif);
    u.aktifkan(wib("2026-12-10", 9)).unwrap();
    assert_eq!(
        u.riwayat.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        [
            StatusPengguna::Aktif,
            StatusPengguna::Nonaktif,
            StatusPengguna::Aktif
        ],
        "every change kept in order, for the office application's sync"
    );
}

#[test]
fn r_sep_05_a_warning_unanswered_in_5_working_days_deactivates_permanently_when_repeated() {
    let kalender = KalenderKerja::new([d("2026-12-25")]);
    let mut u = pengguna();
    let mut kasus = Penyalahgunaan::catat(
        u.id,
        KategoriPenyalahgunaan::dari_kode("spam"),
        "Mengirim 400 pesan promosi ke seluruh pegawai.",
        0,
        wib("2026-12-18", 9),
    )
    .unwrap();
    // Warned on Friday 18 December 10:00: Mon 21, Tue 22, Wed 23, Thu 24, (Christmas), Mon 28.
    let tenggat = kasus.peringatkan(&kalender, wib("2026-12-18", 10)).unwrap();
    assert_eq!(tenggat, wib("2026-12-28", 10));
    let surat = Surat::peringatan(
        &kasus,
        &u,
        "Kementerian Kesehatan",
        "Dr. Siti Rahayu",
        "Srikandi",
        "0811-1112-4678",
    )
    .unwrap();
    insta::assert_yaml_snapshot!(surat);
    assert_eq!(
        kasus.periksa_tenggat(wib("2026-12-28", 10)),
        Sanksi::Tidak,
        "not yet past"
    );
    assert_eq!(
        kasus.periksa_tenggat(wib("2026-12-28", 11)),
        Sanksi::Nonaktifkan { permanen: false }
    );
    assert_eq!(kasus.status, StatusPenyalahgunaan::Kedaluwarsa);
    assert!(kasus.status.terbukti());
    assert!(matches!(
        kasus.jawab("Maaf.", wib("2026-12-28", 12)),
        Err(Galat::StatusTidakSesuai(_))
    ));
    u.nonaktifkan(false, wib("2026-12-28", 11)).unwrap();

    // A second proven misuse: the same silence now deactivates for good, never undone.
    u.aktifkan(wib("2027-01-04", 9)).unwrap();
    let mut kedua = Penyalahgunaan::catat(
        u.id,
        Some(KategoriPenyalahgunaan::Penipuan),
        "Meminta transfer dana atas nama pimpinan.",
        1,
        wib("2027-01-11", 9),
    )
    .unwrap();
    kedua.peringatkan(&kalender, wib("2027-01-11", 10)).unwrap();
    let sanksi = kedua.periksa_tenggat(wib("2027-01-19", 10));
    assert_eq!(sanksi, Sanksi::Nonaktifkan { permanen: true });
    u.nonaktifkan(true, wib("2027-01-19", 10)).unwrap();
    let tolak = u.aktifkan(wib("2027-01-20", 9)).unwrap_err();
    insta::assert_debug_snapshot!(tolak);

    // Answered in time: the Direktorat closes the case and the user stays active.
    let mut v = pengguna();
    let mut ketiga = Penyalahgunaan::catat(
        v.id,
        Some(KategoriPenyalahgunaan::Fitnah),
        "Menyebarkan tuduhan terhadap rekan kerja.",
        0,
        wib("2026-12-01", 9),
    )
    .unwrap();
    ketiga
        .peringatkan(&kalender, wib("2026-12-01", 10))
        .unwrap();
    ketiga
        .jawab(
            "Pesan itu dikirim orang lain dari perangkat saya.",
            wib("2026-12-03", 9),
        )
        .unwrap();
    assert!(matches!(
        ketiga.putuskan(Some(Keputusan::NonaktifkanPermanen), wib("2026-12-04", 9)),
        Err(Galat::Validasi(_))
    ));
    assert_eq!(
        ketiga
            .putuskan(Some(Keputusan::Ditutup), wib("2026-12-04", 9))
            .unwrap(),
        Sanksi::Tidak
    );
    assert_eq!(ketiga.status, StatusPenyalahgunaan::Ditutup);
    assert_eq!(
        ketiga.periksa_tenggat(wib("2026-12-31", 9)),
        Sanksi::Tidak,
        "a closed case does nothing"
    );
    assert_eq!(v.status, StatusPengguna::Aktif);
    assert!(
        v.aktifkan(wib("2026-12-04", 9)).is_err(),
        "an active user is not reactivated"
    );
    v.nonaktifkan(false, wib("2026-12-05", 9)).unwrap();
}

#[test]
fn r_sep_06_every_letter_names_the_helpdesk() {
    let kalender = KalenderKerja::new([]);
    let mut p = diajukan(wib("2026-12-01", 9));
    p.nyatakan_lengkap(&kalender, wib("2026-12-01", 10))
        .unwrap();
    p.setujui(false, wib("2026-12-02", 9)).unwrap();
    let keputusan =
        Surat::keputusan(&p, "Kementerian Kesehatan", "Srikandi", "0811-1112-4678").unwrap();
    let u = pengguna();
    let mut kasus = Penyalahgunaan::catat(
        u.id,
        Some(KategoriPenyalahgunaan::Sara),
        "Unggahan SARA.",
        0,
        wib("2026-12-01", 9),
    )
    .unwrap();
    kasus.peringatkan(&kalender, wib("2026-12-01", 10)).unwrap();
    let peringatan = Surat::peringatan(
        &kasus,
        &u,
        "Kementerian Kesehatan",
        "Dr. Siti Rahayu",
        "Srikandi",
        "0811-1112-4678",
    )
    .unwrap();
    for s in [keputusan, peringatan] {
        assert!(
            s.paragraf
                .iter()
                .any(|p| p.contains("helpdesk: 0811-1112-4678")),
            "{s:?}"
        );
    }
}

#[test]
fn r_sep_05_the_user_is_reminded_one_working_day_before_the_due_time() {
    let kalender = KalenderKerja::new([]);
    let mut kasus = Penyalahgunaan::catat(
        PenggunaSepId::new(),
        Some(KategoriPenyalahgunaan::Spam),
        "Pesan massal.",
        0,
        wib("2026-12-01", 9),
    )
    .unwrap();
    // Warned on Tuesday 1 December 10:00: due Tuesday 8 December 10:00.
    kasus.peringatkan(&kalender, wib("2026-12-01", 10)).unwrap();
    assert!(
        !kasus.perlu_diingatkan(&kalender, wib("2026-12-04", 10)),
        "Friday: three working days left"
    );
    assert!(
        !kasus.perlu_diingatkan(&kalender, wib("2026-12-07", 9)),
        "Monday 09:00: just over one"
    );
    assert!(kasus.perlu_diingatkan(&kalender, wib("2026-12-07", 10)));
    kasus.diingatkan = true;
    assert!(
        !kasus.perlu_diingatkan(&kalender, wib("2026-12-07", 11)),
        "once"
    );
}
