//! The survey service on the in-memory store (R-LAY-04): the admin's responses file.

#![allow(clippy::unwrap_used)]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use layanan::survei::{Periode, SurveiService};
use pse_kernel::clock::FixedClock;
use pse_kernel::{
    Actor, AkunId, Clock, Galat, InfraError, IsiBerkas, KepalaKolom, LayananSurvei, PabrikTabel,
    PenulisTabel, Peran, Sel, SurveiId, UndanganSurvei, hash_token,
};
use sistem_elektronik::ports::SistemRepo;
use std::sync::{Arc, Mutex};
use store_memori::StoreMemori;

/// What a table writer was given: the header's titles and the rows.
type Tabel = (Vec<String>, Vec<Vec<Sel>>);

/// A table writer that keeps what it is given, to read the responses back.
#[derive(Clone, Default)]
struct Rekam(Arc<Mutex<Tabel>>);

impl PabrikTabel for Rekam {
    fn tabel(&self, _nama: &str) -> Result<Box<dyn PenulisTabel>, InfraError> {
        Ok(Box::new(self.clone()))
    }
}

impl PenulisTabel for Rekam {
    fn judul(&mut self, kolom: &[KepalaKolom]) -> Result<(), InfraError> {
        self.0.lock().unwrap().0 = kolom.iter().map(|k| k.judul.clone()).collect();
        Ok(())
    }
    fn baris(&mut self, sel: &[Sel]) -> Result<(), InfraError> {
        self.0.lock().unwrap().1.push(sel.to_vec());
        Ok(())
    }
    fn selesai(self: Box<Self>) -> Result<IsiBerkas, InfraError> {
        Ok(IsiBerkas::dari_memori(Vec::new()))
    }
}

fn admin() -> Actor {
    Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: Peran::Admin,
        instansi_id: None,
        unit_id: None,
    }
}

/// `n` invitations to the Tanda Daftar's survey, link `t{i}`, made through a unit of work.
async fn undang(store: &StoreMemori, n: usize, pada: chrono::DateTime<Utc>) {
    let mut u = SistemRepo::mulai(store).await.unwrap();
    for i in 0..n {
        u.undang_survei(&UndanganSurvei {
            id: SurveiId::new(),
            hash_token: hash_token(&format!("t{i}")),
            layanan: LayananSurvei::TandaDaftar,
            subjek_id: format!("sistem-{i}"),
            email: format!("pejabat{i}@tarakankota.go.id"),
            dibuat_pada: pada,
        })
        .await
        .unwrap();
    }
    u.commit().await.unwrap();
}

#[tokio::test]
async fn r_lay_04_the_admin_downloads_every_response_of_a_period_in_order_past_one_batch() {
    let store = StoreMemori::new();
    // 3 December 2026, 09:00 WIB.
    let awal = Utc.with_ymd_and_hms(2026, 12, 3, 2, 0, 0).single().unwrap();
    let jam = Arc::new(FixedClock::at(awal));
    let rekam = Rekam::default();
    let svc = SurveiService::new(
        Arc::new(store.clone()),
        Arc::new(rekam.clone()),
        jam.clone(),
    );
    // More answers than one read of the store, one a minute, the last ones on the next day.
    let n = 1_205;
    undang(&store, n + 1, awal).await;
    for i in 0..n {
        let skor = 1 + (i % 4) as i64;
        let saran = if i == 0 { "Formulir jelas." } else { "" };
        svc.jawab(&format!("t{i}"), &[skor; 9], saran)
            .await
            .unwrap();
        jam.advance(Duration::minutes(1));
    }

    let hari = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    let semua = Periode::baru(Some(hari(3)), Some(hari(4)), jam.now()).unwrap();
    let berkas = svc.unduh(&admin(), &semua).await.unwrap();
    assert_eq!(
        berkas.nama_berkas,
        "survei-kepuasan-2026-12-03-2026-12-04.xlsx"
    );
    let (kepala, baris) = rekam.0.lock().unwrap().clone();
    assert_eq!(kepala.len(), 12, "{kepala:?}");
    assert_eq!(
        (kepala[0].as_str(), kepala[1].as_str(), kepala[2].as_str()),
        ("Tanggal", "Layanan", "Persyaratan")
    );
    assert_eq!(kepala[11], "Saran");
    assert!(
        !kepala
            .iter()
            .any(|k| k.contains("mail") || k.contains("Nama")),
        "no one's name or address: {kepala:?}"
    );
    assert_eq!(
        baris.len(),
        n,
        "every answer once; the unanswered link is not a row"
    );
    assert_eq!(baris[0][0], Sel::Tanggal(hari(3)));
    assert_eq!(
        baris[0][1],
        Sel::Teks(LayananSurvei::TandaDaftar.label().into())
    );
    assert_eq!(baris[0][2], Sel::Angka(1.0));
    assert_eq!(baris[0][11], Sel::Teks("Formulir jelas.".into()));
    assert_eq!(baris[1][11], Sel::Kosong);
    // In the order they were answered, across the batches.
    for (i, b) in baris.iter().enumerate() {
        assert_eq!(b[2], Sel::Angka(1.0 + (i % 4) as f64), "row {i}");
    }
    // 09:00 WIB + 1,205 minutes is past midnight: the last answers are dated the 4th.
    assert_eq!(baris[n - 1][0], Sel::Tanggal(hari(4)));

    // One day covers its own answers only.
    rekam.0.lock().unwrap().1.clear();
    let satu = Periode::baru(Some(hari(3)), Some(hari(3)), jam.now()).unwrap();
    svc.unduh(&admin(), &satu).await.unwrap();
    let hari_pertama = rekam.0.lock().unwrap().1.len();
    assert_eq!(hari_pertama, 15 * 60, "09:00 to midnight WIB, one a minute");

    let pejabat = Actor::Pengguna {
        akun_id: AkunId::new(),
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(pse_kernel::InstansiId::new()),
        unit_id: None,
    };
    assert!(matches!(
        svc.unduh(&pejabat, &semua).await,
        Err(Galat::Dilarang)
    ));
    assert!(matches!(
        svc.unduh(&Actor::Publik, &semua).await,
        Err(Galat::BelumMasuk)
    ));
}
