#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

#[test]
fn r_lay_04_one_respondent_of_eight_fours_and_a_three_is_97_22_grade_a() {
    let j = Jawaban::baru(&[4, 4, 4, 4, 4, 4, 4, 4, 3]).unwrap();
    let ikm = Ikm::dari([&j]);
    assert_eq!(ikm.perseratus(), Some(9722));
    assert_eq!(tampil(9722), "97,22");
    assert_eq!(ikm.mutu(), Some(Mutu::A));
    assert_eq!(
        ikm.nilai_unsur(),
        Some([400, 400, 400, 400, 400, 400, 400, 400, 300])
    );
}

#[test]
fn r_lay_04_the_grade_bounds_are_exact() {
    for (ikm, mutu) in [
        (10000, Mutu::A),
        (8831, Mutu::A),
        (8830, Mutu::B),
        (7661, Mutu::B),
        (7660, Mutu::C),
        (6500, Mutu::C),
        (6499, Mutu::D),
        (2500, Mutu::D),
    ] {
        assert_eq!(Mutu::dari_perseratus(ikm), mutu, "{}", tampil(ikm));
    }
}

#[test]
fn r_lay_04_the_index_is_taken_from_the_sums_not_the_rounded_means() {
    // Three respondents: element means 3.33, 3.67, …; rounding each mean first would drift.
    let j = [
        Jawaban::baru(&[3, 4, 3, 3, 4, 3, 4, 3, 3]).unwrap(),
        Jawaban::baru(&[3, 3, 4, 3, 4, 3, 3, 3, 4]).unwrap(),
        Jawaban::baru(&[4, 4, 3, 4, 3, 4, 3, 3, 3]).unwrap(),
    ];
    let ikm = Ikm::dari(&j);
    // 91 points of 27 answers: 91 / 27 × 25 = 84.26 (the rounded means would give 84.22).
    assert_eq!(ikm.perseratus(), Some(8426));
    assert_eq!(ikm.mutu(), Some(Mutu::B));
    assert_eq!(ikm.nilai_unsur().unwrap()[0], 333);
    assert_eq!(Ikm::dari([]).perseratus(), None, "no answers, no index");
}

#[test]
fn r_lay_04_scores_outside_one_to_four_are_named() {
    let salah = Jawaban::baru(&[4, 0, 4, 5, 4, 4, 4, 4, 4]).unwrap_err();
    let kurang = Jawaban::baru(&[4, 4]).unwrap_err();
    insta::assert_yaml_snapshot!((salah, kurang));
}

proptest! {
    #[test]
    fn r_lay_04_the_index_stays_between_25_and_100(
        semua in prop::collection::vec(prop::array::uniform9(1i64..=4), 1..40)
    ) {
        let j: Vec<_> = semua.iter().map(|n| Jawaban::baru(n).unwrap()).collect();
        let ikm = Ikm::dari(&j).perseratus().unwrap();
        prop_assert!((2500..=10000).contains(&ikm));
        // All the same answers give that answer × 25.
        let sama = Ikm::dari(std::iter::repeat_n(&j[0], 3)).perseratus().unwrap();
        prop_assert_eq!(sama, Ikm::dari([&j[0]]).perseratus().unwrap());
    }
}

#[test]
fn r_lay_04_a_period_is_whole_days_in_wib_and_defaults_to_the_last_thirty() {
    use chrono::{NaiveDate, TimeZone, Utc};
    // 6 December 2026, 23:30 WIB: already the 6th in WIB, still the 6th 16:30 in UTC.
    let sekarang = Utc
        .with_ymd_and_hms(2026, 12, 6, 16, 30, 0)
        .single()
        .unwrap();
    let hari = |b, d| NaiveDate::from_ymd_opt(2026, b, d).unwrap();
    let p = Periode::baru(None, None, sekarang).unwrap();
    assert_eq!((p.dari, p.sampai), (hari(11, 7), hari(12, 6)));
    let satu = Periode::baru(Some(hari(12, 1)), Some(hari(12, 1)), sekarang).unwrap();
    assert_eq!(
        (satu.awal().to_rfc3339(), satu.akhir().to_rfc3339()),
        (
            "2026-11-30T17:00:00+00:00".to_string(),
            "2026-12-01T17:00:00+00:00".to_string()
        ),
        "midnight to midnight WIB"
    );
    let mundur = Periode::baru(Some(hari(12, 2)), Some(hari(12, 1)), sekarang).unwrap_err();
    insta::assert_debug_snapshot!(mundur);
}
