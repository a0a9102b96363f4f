#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::paging::Kursor;
use std::sync::Mutex;

#[derive(Debug, PartialEq)]
enum Galat {
    Meja(String),
    Dilarang,
}

impl From<GalatMeja> for Galat {
    fn from(e: GalatMeja) -> Self {
        Self::Meja(e.to_string())
    }
}

struct Jam(DateTime<Utc>);

impl Clock for Jam {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

fn t(menit: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default() + Duration::minutes(menit)
}

/// A source of fixed items; the item entered at minute `m` is overdue when `m < 10`.
struct Sumber {
    jenis: &'static [JenisAntrian],
    items: Vec<ItemAntrian>,
    diputuskan: Mutex<Vec<(JenisAntrian, String, bool)>>,
}

fn item(jenis: JenisAntrian, id: &str, menit: i64) -> ItemAntrian {
    ItemAntrian {
        jenis,
        id: id.into(),
        judul: format!("Judul {id}"),
        keterangan: String::new(),
        instansi: "Kota Tarakan".into(),
        masuk: t(menit),
        tenggat: t(menit + 10),
        terlambat: menit < 10,
    }
}

#[async_trait]
impl SumberAntrian<Galat> for Sumber {
    fn jenis(&self) -> &'static [JenisAntrian] {
        self.jenis
    }

    async fn antrian(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), Galat> {
        if !aktor.adalah_admin() {
            return Err(Galat::Dilarang);
        }
        let j = if terlambat { j.masuk_sebelum(t(10)) } else { j };
        let mut v: Vec<_> = self
            .items
            .iter()
            .filter(|i| i.jenis == jenis && j.dihitung(i.masuk))
            .cloned()
            .collect();
        v.sort_by(|a, b| (a.masuk, &a.id).cmp(&(b.masuk, &b.id)));
        let total = v.len() as u64;
        let v = v
            .into_iter()
            .filter(|i| j.sesudah(i.masuk, &i.id))
            .take(usize::try_from(j.batas).unwrap_or(0))
            .collect();
        Ok((v, total))
    }

    async fn putuskan(
        &self,
        _aktor: &Actor,
        jenis: JenisAntrian,
        id: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, Galat> {
        let i = self
            .items
            .iter()
            .find(|i| i.jenis == jenis && i.id == id)
            .ok_or(Galat::Meja("tidak ada".into()))?;
        self.diputuskan.lock().map_err(|_| Galat::Dilarang)?.push((
            jenis,
            id.into(),
            keputusan.setuju(),
        ));
        Ok(Diputuskan {
            id: id.into(),
            status: "diputuskan",
            masuk: i.masuk,
        })
    }
}

#[derive(Default)]
struct Riwayat(Mutex<Vec<KeputusanTercatat>>);

impl Riwayat {
    fn terurut(&self, jenis: JenisAntrian, sejak: DateTime<Utc>) -> Vec<i64> {
        let mut v: Vec<i64> = self
            .0
            .lock()
            .map(|v| {
                v.iter()
                    .filter(|k| k.jenis == jenis && k.diputuskan >= sejak)
                    .map(KeputusanTercatat::lama_detik)
                    .collect()
            })
            .unwrap_or_default();
        v.sort_unstable();
        v
    }
}

#[async_trait]
impl RiwayatKeputusan for Riwayat {
    async fn catat(&self, k: &KeputusanTercatat) -> Result<(), InfraError> {
        self.0.lock().map_err(InfraError::new)?.push(k.clone());
        Ok(())
    }

    async fn jumlah(&self, jenis: JenisAntrian, sejak: DateTime<Utc>) -> Result<u64, InfraError> {
        Ok(self.terurut(jenis, sejak).len() as u64)
    }

    async fn lama_terurut(
        &self,
        jenis: JenisAntrian,
        sejak: DateTime<Utc>,
        dari: u64,
        n: u64,
    ) -> Result<Vec<i64>, InfraError> {
        Ok(self
            .terurut(jenis, sejak)
            .into_iter()
            .skip(usize::try_from(dari).unwrap_or(0))
            .take(usize::try_from(n).unwrap_or(0))
            .collect())
    }
}

fn admin() -> Actor {
    Actor::Pengguna {
        akun_id: crate::AkunId::new(),
        peran: crate::Peran::Admin,
        instansi_id: None,
        unit_id: None,
    }
}

struct Dunia {
    meja: MejaVerifikasi<Galat>,
    registrasi: Arc<Sumber>,
    riwayat: Arc<Riwayat>,
}

fn dunia(now: DateTime<Utc>) -> Dunia {
    use JenisAntrian as J;
    let registrasi = Arc::new(Sumber {
        jenis: &[J::PendaftaranPejabat, J::SubPejabat],
        items: vec![
            item(J::PendaftaranPejabat, "p1", 5),
            item(J::SubPejabat, "s1", 1),
            item(J::PendaftaranPejabat, "p2", 30),
        ],
        diputuskan: Mutex::default(),
    });
    let sistem = Arc::new(Sumber {
        jenis: &[J::DataAwal, J::SistemElektronik],
        items: vec![
            item(J::DataAwal, "d1", 3),
            item(J::SistemElektronik, "f1", 20),
            item(J::DataAwal, "d2", 12),
        ],
        diputuskan: Mutex::default(),
    });
    let riwayat = Arc::new(Riwayat::default());
    let meja = MejaVerifikasi::new(
        vec![registrasi.clone(), sistem],
        riwayat.clone(),
        Arc::new(Jam(now)),
    );
    Dunia {
        meja,
        registrasi,
        riwayat,
    }
}

fn halaman(batas: u64, setelah: Option<&Kursor>) -> Paging {
    Paging::baca(None, setelah.map(Kursor::teks).as_deref(), Some(batas), 50).unwrap_or_default()
}

fn ids(h: &Halaman<ItemAntrian>) -> Vec<&str> {
    h.items.iter().map(|i| i.id.as_str()).collect()
}

fn blokir<F: std::future::Future>(f: F) -> F::Output {
    // The desk awaits only its sources, which never wait here: one poll finishes it.
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the desk waited on something that never wakes"),
    }
}

#[test]
fn r_se_13_the_desk_merges_every_source_oldest_first_and_pages_by_cursor() {
    let d = dunia(t(60));
    let satu = blokir(
        d.meja
            .antrian(&admin(), SaringAntrian::default(), &halaman(4, None)),
    )
    .expect("first page");
    assert_eq!(ids(&satu), ["s1", "d1", "p1", "d2"]);
    assert_eq!(satu.total, 6);
    let kursor = satu.berikutnya.clone().unwrap_or_default();
    let dua = blokir(d.meja.antrian(
        &admin(),
        SaringAntrian::default(),
        &halaman(4, Kursor::parse(&kursor).as_ref()),
    ))
    .expect("second page");
    assert_eq!(ids(&dua), ["f1", "p2"]);
    assert_eq!(dua.berikutnya, None);
}

#[test]
fn r_se_13_the_desk_filters_by_kind_and_by_overdue() {
    let d = dunia(t(60));
    let hanya =
        |saring| blokir(d.meja.antrian(&admin(), saring, &halaman(50, None))).expect("page");
    let data_awal = hanya(SaringAntrian {
        jenis: Some(JenisAntrian::DataAwal),
        terlambat: false,
    });
    assert_eq!((ids(&data_awal), data_awal.total), (vec!["d1", "d2"], 2));
    let terlambat = hanya(SaringAntrian {
        jenis: None,
        terlambat: true,
    });
    assert_eq!(
        (ids(&terlambat), terlambat.total),
        (vec!["s1", "d1", "p1"], 3)
    );
    assert!(terlambat.items.iter().all(|i| i.terlambat));
}

#[test]
fn r_se_13_only_the_admin_reads_the_desk() {
    let d = dunia(t(60));
    let r = blokir(
        d.meja
            .antrian(&Actor::Publik, SaringAntrian::default(), &halaman(5, None)),
    );
    assert_eq!(r.err(), Some(Galat::Dilarang));
}

#[test]
fn r_se_13_a_decision_goes_to_the_owning_service_and_its_time_is_kept() {
    let d = dunia(t(65));
    let tolak = Keputusan::Tolak {
        kategori_alasan: "data_tidak_valid".into(),
        catatan: "Kurang lengkap.".into(),
    };
    let r = blokir(
        d.meja
            .putuskan(&admin(), JenisAntrian::PendaftaranPejabat, "p1", &tolak),
    )
    .expect("decided");
    assert_eq!(r.masuk, t(5));
    assert_eq!(
        d.registrasi.diputuskan.lock().map(|v| v.clone()).ok(),
        Some(vec![(JenisAntrian::PendaftaranPejabat, "p1".into(), false)])
    );
    let tercatat = d.riwayat.0.lock().map(|v| v.clone()).unwrap_or_default();
    assert_eq!(tercatat.len(), 1);
    assert_eq!(tercatat[0].lama_detik(), 3600);
    assert!(!tercatat[0].setuju);
}

#[test]
fn r_se_13_a_kind_no_source_owns_is_refused_and_nothing_is_kept() {
    let d = dunia(t(65));
    let r = blokir(d.meja.putuskan(
        &admin(),
        JenisAntrian::PerubahanData,
        "x",
        &Keputusan::Setujui { catatan: None },
    ));
    assert_eq!(
        r.err(),
        Some(Galat::Meja("Jenis antrean tidak dikenal.".into()))
    );
    assert!(d.riwayat.0.lock().map(|v| v.is_empty()).unwrap_or(false));
}

#[test]
fn r_se_13_the_summary_counts_open_and_overdue_and_takes_the_median_decision_time() {
    let d = dunia(t(60));
    let setujui = Keputusan::Setujui { catatan: None };
    // Decision times at minute 60: d1 (entered at 3) 57 min and d2 (12) 48, median 52.5 → 53;
    // s1 59; p1 55. The fake keeps decided items open, so the open counts stay as set up.
    for (jenis, id) in [
        (JenisAntrian::DataAwal, "d1"),
        (JenisAntrian::SubPejabat, "s1"),
        (JenisAntrian::PendaftaranPejabat, "p1"),
        (JenisAntrian::DataAwal, "d2"),
    ] {
        blokir(d.meja.putuskan(&admin(), jenis, id, &setujui)).expect("decided");
    }
    let r = blokir(d.meja.ringkasan(&admin())).expect("summary");
    insta::assert_debug_snapshot!(r);
}

#[test]
fn r_se_13_the_median_of_an_even_sample_is_the_mean_of_the_middle_two() {
    let v = [10i64, 20, 40, 100];
    let baca = |dari: u64, n: u64| {
        let v = v
            .iter()
            .skip(usize::try_from(dari).unwrap_or(0))
            .take(usize::try_from(n).unwrap_or(0))
            .copied()
            .collect();
        async move { Ok(v) }
    };
    assert_eq!(blokir(median(4, baca)).ok(), Some(Some(30)));
    assert_eq!(blokir(median(3, baca)).ok(), Some(Some(20)));
    assert_eq!(blokir(median(1, baca)).ok(), Some(Some(10)));
    assert_eq!(blokir(median(0, baca)).ok(), Some(None));
}

#[test]
fn every_kind_reads_back_from_its_code() {
    for j in JenisAntrian::SEMUA {
        assert_eq!(JenisAntrian::dari_kode(j.kode()), Some(j));
    }
    assert_eq!(JenisAntrian::dari_kode("lain"), None);
}
