#![allow(clippy::unwrap_used)]

use super::*;
use crate::surat::{LembarDisposisi, SuratBalasan};
use chrono::{NaiveDate, TimeZone};
use pse_kernel::{Actor, JamKerja, KalenderKerja, Peran, ZonaWaktu};

/// Asserts that `$e` failed with `$pola`.
macro_rules! ditolak {
    ($e:expr, $pola:pat) => {{
        let r = $e;
        assert!(matches!(r, Err($pola)), "{r:?}");
    }};
}

/// `jam:menit` WITA on `tanggal`.
fn wita(tanggal: &str, jam: u32, menit: u32) -> DateTime<Utc> {
    ZonaWaktu::Wita
        .offset()
        .from_local_datetime(
            &NaiveDate::parse_from_str(tanggal, "%Y-%m-%d")
                .unwrap()
                .and_hms_opt(jam, menit, 0)
                .unwrap(),
        )
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

/// Kalimantan Utara's Dinas with its petugas, an OPD's Sub Pejabat, and another pemda.
struct Dunia {
    kaltara: InstansiId,
    pemohon: Pelaku,
    kadis: Petugas,
    kabid: Petugas,
    kabid_lain: Petugas,
    teknis: Petugas,
    teknis_lain: Petugas,
    /// The Kepala Dinas of another province.
    kadis_luar: Petugas,
}

fn petugas(instansi: InstansiId, tugas: Tugas, nama: &str) -> Petugas {
    Petugas {
        akun_id: AkunId::new(),
        instansi_id: instansi,
        tugas,
        nama: nama.into(),
        email: format!(
            "{}@kaltaraprov.go.id",
            nama.to_lowercase().replace(' ', ".")
        ),
    }
}

fn dunia() -> Dunia {
    let kaltara = InstansiId::new();
    let luar = InstansiId::new();
    Dunia {
        kaltara,
        pemohon: Pelaku::Pemohon {
            akun_id: AkunId::new(),
            instansi_id: kaltara,
            unit_id: UnitId::new(),
        },
        kadis: petugas(kaltara, Tugas::KepalaDinas, "Ilham Zain"),
        kabid: petugas(kaltara, Tugas::KepalaBidang, "Rahmawati"),
        kabid_lain: petugas(kaltara, Tugas::KepalaBidang, "Yusuf"),
        teknis: petugas(kaltara, Tugas::TimTeknis, "Andi Pratama"),
        teknis_lain: petugas(kaltara, Tugas::TimTeknis, "Siti"),
        kadis_luar: petugas(luar, Tugas::KepalaDinas, "Kepala Dinas Lain"),
    }
}

fn berkas(nama: &str) -> Berkas {
    Berkas {
        sha256: format!("{:0>64}", nama.len()),
        nama_berkas: nama.into(),
        ukuran: 1024,
    }
}

fn form() -> FormPermohonan {
    FormPermohonan {
        nama_sistem: "SIMPEG Kaltara".into(),
        deskripsi: "Kepegawaian ASN Pemerintah Provinsi Kalimantan Utara.".into(),
        nomor_surat: "500/123/BKD".into(),
        tanggal_surat: "2026-11-30".into(),
    }
}

fn hari_ini() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

fn diajukan(w: &Dunia, pada: DateTime<Utc>) -> PermohonanDaerah {
    let isian = IsianPermohonan::periksa(&form(), true, true, hari_ini()).unwrap();
    PermohonanDaerah::ajukan(
        &w.pemohon,
        isian,
        berkas("rekomendasi.pdf"),
        berkas("laporan-tahapan.pdf"),
        pada,
    )
    .unwrap()
}

fn sebagai(p: &Petugas) -> Pelaku {
    Pelaku::Petugas(p.clone())
}

fn kaltara() -> WaktuKerja {
    WaktuKerja::new(KalenderKerja::new([]), JamKerja::default(), ZonaWaktu::Wita)
}

#[test]
fn r_dae_01_an_opd_applies_to_the_kepala_dinas_with_both_pdfs_and_every_gap_is_named() {
    let w = dunia();
    let p = diajukan(&w, wita("2026-12-04", 9, 0));
    assert_eq!(p.status, StatusPermohonanDaerah::Diajukan);
    assert_eq!(p.langkah.len(), 1);
    assert_eq!(p.langkah[0].kode, KodeLangkah::DisposisiKepalaDinas);
    assert!(p.menunggu(&w.kadis), "the Kepala Dinas receives it");
    assert!(!p.menunggu(&w.kabid), "not yet the Kepala Bidang");
    assert!(!p.menunggu(&w.kadis_luar), "nor another pemda");

    let kosong =
        IsianPermohonan::periksa(&FormPermohonan::default(), false, false, hari_ini()).unwrap_err();
    let besok = IsianPermohonan::periksa(
        &FormPermohonan {
            tanggal_surat: "2026-12-05".into(),
            ..form()
        },
        true,
        false,
        hari_ini(),
    )
    .unwrap_err();
    insta::assert_debug_snapshot!((kosong, besok));

    // Only an OPD's Sub Pejabat applies.
    let isian = IsianPermohonan::periksa(&form(), true, true, hari_ini()).unwrap();
    for pelaku in [
        sebagai(&w.kadis),
        Pelaku::Pejabat {
            instansi_id: w.kaltara,
        },
    ] {
        ditolak!(
            PermohonanDaerah::ajukan(
                &pelaku,
                isian.clone(),
                berkas("a"),
                berkas("b"),
                wita("2026-12-04", 9, 0)
            ),
            Galat::Dilarang
        );
    }
    let pejabat = Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(w.kaltara),
        unit_id: None,
    };
    assert!(matches!(
        Pelaku::dari(&pejabat, None),
        Ok(Pelaku::Pejabat { instansi_id }) if instansi_id == w.kaltara
    ));
    ditolak!(Pelaku::dari(&Actor::Publik, None), Galat::BelumMasuk);
}

#[test]
fn r_dae_02_the_kepala_dinas_disposes_to_a_kepala_bidang_who_disposes_to_the_tim_teknis() {
    let w = dunia();
    let t0 = wita("2026-12-03", 9, 0);
    let mut p = diajukan(&w, t0);
    let t1 = wita("2026-12-03", 9, 40);

    // Out of turn: the Kepala Bidang cannot act before the Kepala Dinas; another pemda sees
    // nothing; a wrong addressee and an empty instruction are named.
    ditolak!(
        p.disposisi(&sebagai(&w.kabid), Some(&w.teknis), "Periksa.", t1),
        Galat::Dilarang
    );
    ditolak!(
        p.disposisi(&sebagai(&w.kadis_luar), Some(&w.kabid), "Periksa.", t1),
        Galat::TidakDitemukan
    );
    ditolak!(
        p.disposisi(&w.pemohon, Some(&w.kabid), "Periksa.", t1),
        Galat::Dilarang
    );
    let salah = p
        .disposisi(&sebagai(&w.kadis), Some(&w.teknis), " ", t1)
        .unwrap_err();
    insta::assert_debug_snapshot!(salah);
    assert_eq!(
        p.status,
        StatusPermohonanDaerah::Diajukan,
        "nothing changed"
    );

    p.disposisi(
        &sebagai(&w.kadis),
        Some(&w.kabid),
        "Mohon diproses sesuai SOP.",
        t1,
    )
    .unwrap();
    assert_eq!(p.status, StatusPermohonanDaerah::DidisposisiKepalaBidang);
    assert!(p.menunggu(&w.kabid) && !p.menunggu(&w.kabid_lain) && !p.menunggu(&w.kadis));
    // Only the Kepala Bidang it went to disposes it on.
    let t2 = wita("2026-12-03", 10, 15);
    ditolak!(
        p.disposisi(&sebagai(&w.kabid_lain), Some(&w.teknis), "Periksa.", t2),
        Galat::Dilarang
    );
    p.disposisi(
        &sebagai(&w.kabid),
        Some(&w.teknis),
        "Periksa kelengkapan dan catat di PSE.",
        t2,
    )
    .unwrap();
    assert_eq!(p.status, StatusPermohonanDaerah::DidisposisiTimTeknis);
    assert!(p.menunggu(&w.teknis) && !p.menunggu(&w.teknis_lain));
    assert_eq!(p.tim_teknis(), Some(w.teknis.akun_id));
    let kode: Vec<_> = p
        .langkah
        .iter()
        .map(|l| (l.kode, l.mulai, l.selesai))
        .collect();
    assert_eq!(
        kode,
        [
            (KodeLangkah::DisposisiKepalaDinas, t0, Some(t1)),
            (KodeLangkah::DisposisiKepalaBidang, t1, Some(t2)),
            (KodeLangkah::PemeriksaanPencatatan, t2, None),
        ]
    );
    // A third disposition is out of turn, said before the empty fields.
    assert!(matches!(
        p.disposisi(&sebagai(&w.teknis), None, "", t2),
        Err(Galat::StatusTidakSesuai(_))
    ));
    insta::assert_yaml_snapshot!(LembarDisposisi::dari(
        &p,
        "Badan Kepegawaian Daerah",
        ZonaWaktu::Wita
    ));
}

/// A request disposed to the Tim Teknis member.
fn di_tim_teknis(w: &Dunia) -> PermohonanDaerah {
    let mut p = diajukan(w, wita("2026-12-03", 9, 0));
    p.disposisi(
        &sebagai(&w.kadis),
        Some(&w.kabid),
        "Proses.",
        wita("2026-12-03", 9, 30),
    )
    .unwrap();
    p.disposisi(
        &sebagai(&w.kabid),
        Some(&w.teknis),
        "Periksa.",
        wita("2026-12-03", 10, 0),
    )
    .unwrap();
    p
}

#[test]
fn r_dae_03_returned_completed_and_registered_on_one_request() {
    let w = dunia();
    let mut p = di_tim_teknis(&w);
    let id = p.id;
    let t = wita("2026-12-03", 11, 0);
    ditolak!(
        p.kembalikan(&sebagai(&w.teknis_lain), "Laporan uji kelaikan.", t),
        Galat::Dilarang
    );
    assert!(matches!(
        p.kembalikan(&sebagai(&w.teknis), "  ", t),
        Err(Galat::Validasi(g)) if g[0].field == "kekurangan"
    ));
    p.kembalikan(
        &sebagai(&w.teknis),
        "Laporan tahap pengujian kelaikan belum dilampirkan.",
        t,
    )
    .unwrap();
    assert_eq!(p.status, StatusPermohonanDaerah::Dikembalikan);
    assert!(p.langkah_berjalan().is_none(), "the check's clock stops");
    assert!(!p.menunggu(&w.teknis));
    assert!(matches!(
        p.boleh_dicatat(&sebagai(&w.teknis)),
        Err(Galat::StatusTidakSesuai(_))
    ));

    let t2 = wita("2026-12-04", 8, 30);
    ditolak!(
        p.lengkapi(&sebagai(&w.teknis), None, None, "Sudah.", t2),
        Galat::Dilarang
    );
    assert!(matches!(
        p.lengkapi(&w.pemohon, None, None, " ", t2),
        Err(Galat::Validasi(g)) if g[0].field == "keterangan"
    ));
    p.lengkapi(
        &w.pemohon,
        None,
        Some(berkas("laporan-lengkap.pdf")),
        "Laporan pengujian kelaikan terlampir.",
        t2,
    )
    .unwrap();
    assert_eq!(p.status, StatusPermohonanDaerah::DidisposisiTimTeknis);
    assert_eq!(p.laporan_tahapan.nama_berkas, "laporan-lengkap.pdf");
    assert!(p.menunggu(&w.teknis), "back to the same member");
    assert_eq!(
        p.pengembalian[0].dilengkapi,
        Some(("Laporan pengujian kelaikan terlampir.".into(), t2))
    );

    let sistem = SistemId::new();
    let t3 = wita("2026-12-04", 9, 0);
    p.catat(&sebagai(&w.teknis), sistem, t3).unwrap();
    assert_eq!(
        (p.id, p.status, p.sistem_elektronik_id),
        (id, StatusPermohonanDaerah::Tercatat, Some(sistem))
    );
    let kode: Vec<_> = p.langkah.iter().map(|l| l.kode).collect();
    assert_eq!(
        kode,
        [
            KodeLangkah::DisposisiKepalaDinas,
            KodeLangkah::DisposisiKepalaBidang,
            KodeLangkah::PemeriksaanPencatatan,
            KodeLangkah::PemeriksaanPencatatan,
            KodeLangkah::Pelaporan,
        ],
        "the check ran twice, the request stayed one"
    );
    assert!(matches!(
        p.catat(&sebagai(&w.teknis), SistemId::new(), t3),
        Err(Galat::StatusTidakSesuai(_))
    ));
}

#[test]
fn r_dae_04_the_tim_teknis_reports_with_a_surat_balasan() {
    let w = dunia();
    let mut p = di_tim_teknis(&w);
    p.catat(
        &sebagai(&w.teknis),
        SistemId::new(),
        wita("2026-12-03", 11, 0),
    )
    .unwrap();
    let selesai = wita("2026-12-03", 13, 0);
    assert!(SuratBalasan::dari(&p, "Budi", "BKD", &kaltara(), selesai).is_err());
    assert!(matches!(
        p.selesaikan(&sebagai(&w.teknis), "", selesai),
        Err(Galat::Validasi(g)) if g[0].field == "ringkasan"
    ));
    ditolak!(
        p.selesaikan(&sebagai(&w.kadis), "Selesai.", selesai),
        Galat::Dilarang
    );
    p.selesaikan(
        &sebagai(&w.teknis),
        "Berkas lengkap; Data Awal SIMPEG Kaltara dicatat dan menunggu verifikasi Kementerian.",
        selesai,
    )
    .unwrap();
    assert_eq!(p.status, StatusPermohonanDaerah::Selesai);
    assert!(p.langkah_berjalan().is_none());
    assert!(!p.menunggu(&w.teknis));
    let surat = SuratBalasan::dari(
        &p,
        "Budi Santoso",
        "Badan Kepegawaian Daerah",
        &kaltara(),
        selesai,
    )
    .unwrap();
    insta::assert_yaml_snapshot!(surat);
}

#[test]
fn r_dae_05_each_step_reads_its_working_minutes_against_its_standard() {
    let w = dunia();
    let k = kaltara();
    // Applied on Friday at 16:20 WITA: the Kepala Dinas' 60 minutes end on Monday at 08:50.
    let jumat = wita("2026-12-04", 16, 20);
    let mut p = diajukan(&w, jumat);
    let l = &p.langkah[0];
    assert_eq!(l.tenggat(&k), wita("2026-12-07", 8, 50));
    let senin_0845 = wita("2026-12-07", 8, 45);
    assert_eq!(
        l.menit_kerja(&k, senin_0845),
        55,
        "the weekend does not count"
    );
    assert!(!l.terlambat(&k, senin_0845));
    assert!(l.terlambat(&k, wita("2026-12-07", 8, 51)));
    // Disposed on Monday at 09:00: 70 working minutes, late; the next step starts its own clock.
    p.disposisi(
        &sebagai(&w.kadis),
        Some(&w.kabid),
        "Proses.",
        wita("2026-12-07", 9, 0),
    )
    .unwrap();
    let sekarang = wita("2026-12-07", 9, 30);
    let menit: Vec<_> = p
        .langkah
        .iter()
        .map(|l| {
            (
                l.kode.standar_menit(),
                l.menit_kerja(&k, sekarang),
                l.terlambat(&k, sekarang),
            )
        })
        .collect();
    assert_eq!(menit, [(60, 70, true), (60, 30, false)]);
}

#[test]
fn r_dae_05_the_kepala_dinas_reads_each_steps_median_against_its_standard() {
    use crate::kinerja::RingkasanKinerja;
    let w = dunia();
    let k = kaltara();
    // Three requests on Thursday 3 December: disposed after 30, 90 and 50 working minutes.
    let mut semua = Vec::new();
    for (menit, teknis) in [(30, true), (90, true), (50, false)] {
        let mulai = wita("2026-12-03", 9, 0);
        let mut p = diajukan(&w, mulai);
        p.disposisi(
            &sebagai(&w.kadis),
            Some(&w.kabid),
            "Proses.",
            mulai + chrono::Duration::minutes(menit),
        )
        .unwrap();
        if teknis {
            p.disposisi(
                &sebagai(&w.kabid),
                Some(&w.teknis),
                "Periksa.",
                mulai + chrono::Duration::minutes(menit + 20),
            )
            .unwrap();
        }
        semua.push(p);
    }
    semua.push(diajukan(&w, wita("2026-12-03", 9, 0)));
    let r = RingkasanKinerja::dari(&semua, &k, wita("2026-12-03", 14, 0));
    insta::assert_yaml_snapshot!(r);
}
