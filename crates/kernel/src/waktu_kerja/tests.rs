#![allow(clippy::unwrap_used)]

use super::*;
use chrono::{TimeZone, Timelike};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `jam:menit` local time in `zona` on `tanggal`.
fn pukul(zona: ZonaWaktu, tanggal: &str, jam: u32, menit: u32) -> DateTime<Utc> {
    zona.offset()
        .from_local_datetime(&d(tanggal).and_hms_opt(jam, menit, 0).unwrap())
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

/// Kalimantan Utara's office: the SOP's hours, WITA, with 2026's Independence Day.
fn kaltara(libur: &[&str]) -> WaktuKerja {
    WaktuKerja::new(
        KalenderKerja::new(libur.iter().map(|l| d(l))),
        JamKerja::default(),
        ZonaWaktu::dari_provinsi("65"),
    )
}

#[test]
fn r_dae_05_friday_16_20_wita_plus_60_minutes_is_monday_08_50_wita() {
    let k = kaltara(&[]);
    // 4 December 2026 is a Friday: ten minutes before closing, fifty after Monday's opening.
    let jumat = pukul(ZonaWaktu::Wita, "2026-12-04", 16, 20);
    let senin = pukul(ZonaWaktu::Wita, "2026-12-07", 8, 50);
    assert_eq!(k.tambah_menit(jumat, 60), senin);
    assert_eq!(k.menit_antara(jumat, senin), 60);
    // The same on the Friday before a Monday holiday: Tuesday 08:50.
    let k = kaltara(&["2026-12-07"]);
    assert_eq!(
        k.tambah_menit(jumat, 60),
        pukul(ZonaWaktu::Wita, "2026-12-08", 8, 50)
    );
}

#[test]
fn r_dae_05_the_zone_follows_the_province() {
    for (kode, zona) in [
        ("11", ZonaWaktu::Wib),
        ("31", ZonaWaktu::Wib),
        ("61", ZonaWaktu::Wib),
        ("62.01", ZonaWaktu::Wib),
        ("51", ZonaWaktu::Wita),
        ("63", ZonaWaktu::Wita),
        ("65", ZonaWaktu::Wita),
        ("65.71", ZonaWaktu::Wita),
        ("73", ZonaWaktu::Wita),
        ("81", ZonaWaktu::Wit),
        ("91", ZonaWaktu::Wit),
        ("94", ZonaWaktu::Wit),
    ] {
        assert_eq!(ZonaWaktu::dari_provinsi(kode), zona, "{kode}");
    }
    assert_eq!(ZonaWaktu::dari_kode("wita"), Some(ZonaWaktu::Wita));
    assert_eq!(ZonaWaktu::dari_kode("CET"), None);
}

#[test]
fn r_dae_05_arrivals_before_opening_after_closing_and_on_days_off_start_at_the_next_opening() {
    let k = kaltara(&["2026-12-25"]);
    let w = ZonaWaktu::Wita;
    assert_eq!(
        k.tambah_menit(pukul(w, "2026-12-03", 6, 0), 30),
        pukul(w, "2026-12-03", 8, 30),
        "Thursday before opening"
    );
    assert_eq!(
        k.tambah_menit(pukul(w, "2026-12-03", 17, 0), 30),
        pukul(w, "2026-12-04", 8, 30),
        "Thursday after closing"
    );
    assert_eq!(
        k.tambah_menit(pukul(w, "2026-12-05", 10, 0), 30),
        pukul(w, "2026-12-07", 8, 30),
        "Saturday"
    );
    assert_eq!(
        k.tambah_menit(pukul(w, "2026-12-24", 15, 0), 180),
        pukul(w, "2026-12-28", 10, 0),
        "Thursday 15:00, Christmas Friday off: 60 minutes on Thursday, 120 on Monday"
    );
    assert_eq!(
        k.menit_antara(pukul(w, "2026-12-05", 0, 0), pukul(w, "2026-12-06", 23, 59)),
        0,
        "a weekend counts nothing"
    );
    // One working week: four days of 8 hours and Friday's 8½.
    assert_eq!(
        k.menit_antara(pukul(w, "2026-11-30", 0, 0), pukul(w, "2026-12-07", 0, 0)),
        4 * 480 + 510
    );
}

#[test]
fn r_dae_05_an_office_sets_its_own_hours_and_bad_hours_are_refused() {
    let h = JamKerja::baru([
        Some((7 * 60 + 30, 15 * 60)),
        Some((7 * 60 + 30, 15 * 60)),
        Some((7 * 60 + 30, 15 * 60)),
        Some((7 * 60 + 30, 15 * 60)),
        Some((7 * 60 + 30, 11 * 60 + 30)),
    ])
    .unwrap();
    let k = WaktuKerja::new(KalenderKerja::new([]), h, ZonaWaktu::Wit);
    let w = ZonaWaktu::Wit;
    // Friday 11:00 WIT + 60 minutes: 30 on Friday, 30 from Monday's 07:30.
    assert_eq!(
        k.tambah_menit(pukul(w, "2026-12-04", 11, 0), 60),
        pukul(w, "2026-12-07", 8, 0)
    );
    let mut salah = [None; 5];
    salah[2] = Some((16 * 60, 8 * 60));
    let urutan = JamKerja::baru(salah).unwrap_err();
    let kosong = JamKerja::baru([None; 5]).unwrap_err();
    insta::assert_snapshot!(format!("{urutan}\n{kosong}"));
}

#[test]
fn r_dae_05_working_days_keep_the_time_of_day_in_the_office_zone() {
    let k = kaltara(&[]);
    let w = ZonaWaktu::Wita;
    // Friday 10:00 WITA + 1 working day = Monday 10:00 WITA.
    assert_eq!(
        k.tambah_hari(pukul(w, "2026-12-04", 10, 0), 1),
        pukul(w, "2026-12-07", 10, 0)
    );
}

/// Whether `t` lies inside the office hours of a working day of `k` (closing time included).
fn di_jam_kantor(k: &WaktuKerja, t: DateTime<Utc>) -> bool {
    let lokal = t.with_timezone(&k.zona().offset());
    let tanggal = lokal.date_naive();
    let menit = u16::try_from(lokal.time().num_seconds_from_midnight() / 60).unwrap();
    k.kalender.hari_kerja(tanggal)
        && k.jam
            .pada(tanggal)
            .is_some_and(|(buka, tutup)| (buka..=tutup).contains(&menit))
}

fn waktu_kerja() -> impl Strategy<Value = WaktuKerja> {
    (
        prop::sample::select(ZonaWaktu::SEMUA.to_vec()),
        prop::collection::vec(0i64..60, 0..6),
    )
        .prop_map(|(zona, libur)| {
            let libur = libur
                .into_iter()
                .map(|n| d("2026-11-20") + Duration::days(n));
            WaktuKerja::new(KalenderKerja::new(libur), JamKerja::default(), zona)
        })
}

proptest! {
    #[test]
    fn r_dae_05_adding_then_counting_working_minutes_round_trips(
        k in waktu_kerja(),
        mulai_s in 1_795_000_000i64..1_798_000_000,
        menit in 0u32..5_000,
    ) {
        let mulai = DateTime::from_timestamp(mulai_s, 0).unwrap();
        let tenggat = k.tambah_menit(mulai, menit);
        prop_assert_eq!(k.menit_antara(mulai, tenggat), menit);
        prop_assert!(tenggat >= mulai);
        if menit > 0 {
            prop_assert!(di_jam_kantor(&k, tenggat), "due outside office hours: {}", tenggat);
        }
    }

    #[test]
    fn r_dae_05_no_minute_outside_office_hours_weekends_or_holidays_is_counted(
        k in waktu_kerja(),
        dari_m in 29_916_000i64..29_966_000,
        panjang in 0i64..6_000,
    ) {
        // Minute-aligned instants, counted one minute at a time.
        let dari = DateTime::from_timestamp(dari_m * 60, 0).unwrap();
        let sampai = dari + Duration::minutes(panjang);
        let satu_satu = (0..panjang)
            .filter(|m| {
                let t = dari + Duration::minutes(*m);
                di_jam_kantor(&k, t) && di_jam_kantor(&k, t + Duration::minutes(1))
            })
            .count();
        prop_assert_eq!(k.menit_antara(dari, sampai) as usize, satu_satu);
    }
}

#[test]
fn r_dae_05_the_calendar_answers_other_tools_and_names_each_bad_field() {
    let k = KalenderKerja::new([]);
    let p = PermintaanTenggat::baca(
        Some("2026-12-04T16:20:00+08:00"),
        Some("60"),
        None,
        Some("WITA"),
    )
    .unwrap();
    assert_eq!(p.tenggat(&k).to_rfc3339(), "2026-12-07T08:50:00+08:00");
    let p =
        PermintaanTenggat::baca(Some("2026-12-04T10:00:00+07:00"), None, Some("1"), None).unwrap();
    assert_eq!(p.tenggat(&k).to_rfc3339(), "2026-12-07T10:00:00+07:00");
    let salah = [
        PermintaanTenggat::baca(None, None, None, None),
        PermintaanTenggat::baca(Some("besok"), Some("-5"), None, Some("CET")),
        PermintaanTenggat::baca(Some("2026-12-04T10:00:00Z"), Some("5"), Some("1"), None),
        PermintaanTenggat::baca(Some("2026-12-04T10:00:00Z"), Some("130001"), None, None),
    ]
    .map(|p| p.unwrap_err());
    insta::assert_debug_snapshot!(salah);
}

#[test]
fn r_dae_05_office_hours_are_typed_per_day_and_each_mistake_is_named() {
    let isian = |v: [(&str, &str); 5]| v.map(|(b, t)| (b.to_string(), t.to_string()));
    let jam = JamKerja::dari_isian(&isian([
        ("07:30", "15:00"),
        ("07:30", "15:00"),
        ("07.30", "15.00"),
        ("07:30", "15:00"),
        ("", ""),
    ]))
    .unwrap();
    assert_eq!(jam.hari()[2], Some((450, 900)));
    assert_eq!(jam.hari()[4], None, "Friday closed");
    assert_eq!(jam.sebagai_teks()[0], ("07:30".into(), "15:00".into()));
    assert_eq!(
        JamKerja::dari_isian(&JamKerja::default().sebagai_teks()).unwrap(),
        JamKerja::default(),
        "the text round-trips"
    );
    let salah = JamKerja::dari_isian(&isian([
        ("16:00", "08:00"),
        ("8 pagi", "16:00"),
        ("08:00", ""),
        ("", ""),
        ("", ""),
    ]))
    .unwrap_err();
    insta::assert_debug_snapshot!(salah);
}
