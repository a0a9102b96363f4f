//! The ports' contracts as tests, run on every adapter: the in-memory store (`store-memori`, what
//! the rule tests and embedding tools use) and the real store on SQLite and PostgreSQL. A contract
//! that holds on one and not on another is a fake that drifted, and fails here.

use chrono::{DateTime, Duration, TimeZone, Utc};
use pse_kernel::{AkunId, GagalSimpan, InstansiId, Peran, UnitId};
use registrasi_pejabat::model::{
    Akun, Email, Instansi, JenisInstansi, KunciMasuk, RekamAkun, RekamInstansi, RekamUnit,
    StatusAkun, TokenAktivasi, UnitOrganisasi, Wilayah,
};
use registrasi_pejabat::ports::RegistrasiRepo;
use sistem_elektronik::ports::SistemRepo;
use std::sync::Arc;
use store_sea_orm::uji::{BasisDataUji, backends};

/// A moment with whole seconds (every back end keeps it exactly).
fn pada(jam: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, jam, 0, 0)
        .single()
        .unwrap()
}

/// A fresh, migrated database on `backend` and the real store on it.
async fn basis(backend: store_sea_orm::uji::Backend) -> (BasisDataUji, store_sea_orm::Store) {
    let db = BasisDataUji::baru(backend).await;
    let store = store_sea_orm::Store::connect(&db.url, Arc::new(pse_kernel::clock::SystemClock))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    (db, store)
}

/// The province the contracts' instansi lies in.
async fn kalimantan_utara(store: &store_sea_orm::Store) {
    registrasi_pejabat::referensi::ReferensiRepo::simpan_wilayah(
        store,
        &[Wilayah {
            kode: "65".into(),
            nama: "Kalimantan Utara".into(),
        }],
    )
    .await
    .unwrap();
}

fn instansi() -> Instansi {
    Instansi::pulihkan(RekamInstansi {
        id: InstansiId::new(),
        nama: "Pemerintah Kota Tarakan".into(),
        jenis: JenisInstansi::PemerintahKota,
        provinsi: Some("65".into()),
        kota: Some("65.71".into()),
        alamat: None,
        website: None,
        telepon: None,
        domain_email: None,
        terverifikasi: true,
    })
}

fn akun(instansi: InstansiId, email: &str) -> Akun {
    Akun::baru(RekamAkun {
        id: AkunId::new(),
        versi: 0,
        email: Email::parse(email).unwrap(),
        nama: "Budi Santoso".into(),
        peran: Peran::PejabatPendaftar,
        instansi_id: Some(instansi),
        unit_id: None,
        status: StatusAkun::MenungguAktivasi,
        kata_sandi_hash: None,
        jabatan: "Kepala Dinas".into(),
        nomor_induk: "198501012010011001".into(),
        telepon_kantor: "(0551) 21820".into(),
        nomor_hp: "081234567890".into(),
        dibuat_pada: pada(2),
        tugas: None,
    })
}

/// The same account as stored after `n` saves.
fn versi(a: &Akun, n: i64) -> Akun {
    let mut r = (**a).clone();
    r.versi = n;
    Akun::pulihkan(r)
}

fn dengan_status(a: &Akun, status: StatusAkun) -> Akun {
    let mut r = (**a).clone();
    r.status = status;
    Akun::pulihkan(r)
}

async fn simpan_akun(repo: &dyn RegistrasiRepo, a: &Akun) -> Result<(), GagalSimpan> {
    let mut u = repo.mulai().await.unwrap();
    u.simpan_akun(a).await?;
    u.commit().await
}

/// A system registered under `unit` of `instansi`, saved through the system port.
async fn sistem_di_unit(sistem: &dyn SistemRepo, instansi: InstansiId, unit: UnitId, akun: AkunId) {
    let s = sistem_elektronik::contoh::di_unit(instansi, unit, akun, pada(3)).unwrap();
    let mut u = sistem.mulai().await.unwrap();
    u.simpan_sistem(&s).await.unwrap();
    u.commit().await.unwrap();
}

/// The registration store's contract (`RegistrasiRepo` and its unit of work).
async fn kontrak_registrasi(repo: &dyn RegistrasiRepo, sistem: &dyn SistemRepo, nama: &str) {
    let i = instansi();
    let mut u = repo.mulai().await.unwrap();
    u.simpan_instansi(&i).await.unwrap();
    u.commit().await.unwrap();
    assert_eq!(
        repo.instansi(i.id()).await.unwrap(),
        Some(i.clone()),
        "{nama}"
    );
    assert_eq!(
        repo.instansi_bernama(&Instansi::kunci_nama("pemerintah  kota TARAKAN"))
            .await
            .unwrap()
            .map(|x| x.id()),
        Some(i.id()),
        "{nama}: a verified instansi is found by its name key"
    );
    let nama_instansi = repo
        .nama_instansi(&[i.id(), InstansiId::new()])
        .await
        .unwrap();
    assert_eq!(
        nama_instansi.into_iter().collect::<Vec<_>>(),
        vec![(i.id(), i.rekam().nama.clone())],
        "{nama}: names of the instansi that exist, in one read"
    );

    // A new row is saved at version 1 and read back as it was written, by id and by email.
    let a = akun(i.id(), "budi@tarakankota.go.id");
    simpan_akun(repo, &a).await.unwrap();
    let disimpan = versi(&a, 1);
    assert_eq!(
        repo.akun(a.id).await.unwrap(),
        Some(disimpan.clone()),
        "{nama}"
    );
    assert_eq!(
        repo.akun_dengan_email("budi@tarakankota.go.id")
            .await
            .unwrap(),
        Some(disimpan.clone()),
        "{nama}"
    );
    assert_eq!(
        repo.pejabat_aktif(i.id()).await.unwrap().map(|x| x.id),
        Some(a.id),
        "{nama}: waiting for activation counts as the instansi's pejabat"
    );

    // An update needs the version it read; a stale one changes nothing.
    let aktif = dengan_status(&disimpan, StatusAkun::Aktif);
    simpan_akun(repo, &aktif).await.unwrap();
    assert!(
        matches!(simpan_akun(repo, &aktif).await, Err(GagalSimpan::VersiBasi)),
        "{nama}: a second save from the same read is stale"
    );
    let baca = repo.akun(a.id).await.unwrap().unwrap();
    assert_eq!((baca.versi, baca.status), (2, StatusAkun::Aktif), "{nama}");
    assert!(
        simpan_akun(repo, &a).await.is_err(),
        "{nama}: inserting an id that exists is refused"
    );

    // A second account with the same email breaks the unique rule.
    assert!(
        matches!(
            simpan_akun(repo, &akun(i.id(), "budi@tarakankota.go.id")).await,
            Err(GagalSimpan::Duplikat(_))
        ),
        "{nama}"
    );

    // R-PEJ-12: one active (or activating) Pejabat Pendaftar per instansi.
    let lain = akun(i.id(), "sari@tarakankota.go.id");
    assert!(
        matches!(
            simpan_akun(repo, &lain).await,
            Err(GagalSimpan::Duplikat(_))
        ),
        "{nama}: a second pejabat of the instansi"
    );

    // A deactivated pejabat is no longer the instansi's; another may follow.
    simpan_akun(repo, &dengan_status(&baca, StatusAkun::Nonaktif))
        .await
        .unwrap();
    assert_eq!(repo.pejabat_aktif(i.id()).await.unwrap(), None, "{nama}");

    // A unit of work that is not committed leaves nothing behind.
    {
        let mut u = repo.mulai().await.unwrap();
        u.simpan_akun(&lain).await.unwrap();
    }
    assert_eq!(repo.akun(lain.id).await.unwrap(), None, "{nama}");

    // A token saved again under its hash is replaced as a whole: a used or shortened link stays so.
    let token = TokenAktivasi {
        hash: "a".repeat(64),
        akun_id: a.id,
        kedaluwarsa: pada(20),
        dipakai_pada: None,
    };
    let dicabut = TokenAktivasi {
        kedaluwarsa: pada(4),
        dipakai_pada: Some(pada(4)),
        ..token.clone()
    };
    for t in [&token, &dicabut] {
        let mut u = repo.mulai().await.unwrap();
        u.simpan_token(t).await.unwrap();
        u.commit().await.unwrap();
    }
    assert_eq!(
        repo.token_aktivasi(&token.hash).await.unwrap(),
        Some(dicabut.clone()),
        "{nama}"
    );
    assert_eq!(
        repo.token_akun(a.id).await.unwrap(),
        vec![dicabut],
        "{nama}"
    );

    // Failed logins: counted one by one, forgotten after the window, dropped on success.
    let kunci = KunciMasuk::new("budi@tarakankota.go.id", "192.0.2.7");
    for n in 1..=3 {
        let p = repo
            .tambah_gagal_masuk(&kunci, pada(5), pada(1))
            .await
            .unwrap();
        assert_eq!(p.gagal, n, "{nama}");
    }
    let p = repo
        .tambah_gagal_masuk(&kunci, pada(7), pada(6))
        .await
        .unwrap();
    assert_eq!(
        (p.gagal, p.terakhir),
        (1, pada(7)),
        "{nama}: a stale record starts again"
    );
    repo.hapus_gagal_masuk(&kunci).await.unwrap();
    assert_eq!(repo.percobaan_masuk(&kunci).await.unwrap(), None, "{nama}");

    // Units: saved, listed, deleted; one that has a system stays.
    let unit = |nama_unit: &str| {
        UnitOrganisasi::pulihkan(RekamUnit {
            id: UnitId::new(),
            versi: 0,
            instansi_id: i.id(),
            induk_id: None,
            nama: nama_unit.into(),
            jabatan_kepala: "Kepala Bidang".into(),
            dibuat_pada: pada(2),
        })
    };
    let (kosong, bersistem) = (unit("Bidang Statistik"), unit("Bidang Aplikasi"));
    let mut u = repo.mulai().await.unwrap();
    u.simpan_unit(&kosong).await.unwrap();
    u.simpan_unit(&bersistem).await.unwrap();
    u.commit().await.unwrap();
    let mut ada: Vec<UnitId> = repo
        .unit_instansi(i.id())
        .await
        .unwrap()
        .iter()
        .map(|u| u.id)
        .collect();
    ada.sort();
    let mut diharap = vec![kosong.id, bersistem.id];
    diharap.sort();
    assert_eq!(ada, diharap, "{nama}");
    sistem_di_unit(sistem, i.id(), bersistem.id, a.id).await;
    assert_eq!(
        repo.jumlah_sistem_unit(bersistem.id).await.unwrap(),
        1,
        "{nama}"
    );
    let mut u = repo.mulai().await.unwrap();
    assert!(
        u.hapus_unit(bersistem.id).await.is_err(),
        "{nama}: a unit that has systems cannot go"
    );
    drop(u);
    let mut u = repo.mulai().await.unwrap();
    u.hapus_unit(kosong.id).await.unwrap();
    u.commit().await.unwrap();
    assert_eq!(repo.unit(kosong.id).await.unwrap(), None, "{nama}");
    assert!(repo.unit(bersistem.id).await.unwrap().is_some(), "{nama}");
    assert_eq!(
        repo.wilayah("99").await.unwrap(),
        None::<Wilayah>,
        "{nama}: an unknown region is none"
    );
}

/// Parallel failed logins for one pair each count: the counter is one atomic update.
async fn kontrak_gagal_masuk_serentak(repo: Arc<dyn RegistrasiRepo>, nama: &str) {
    let kunci = KunciMasuk::new("admin@komdigi.go.id", "198.51.100.4");
    let kini = pada(9);
    let tugas: Vec<_> = (0..12)
        .map(|_| {
            let (repo, kunci) = (repo.clone(), kunci.clone());
            tokio::spawn(async move {
                repo.tambah_gagal_masuk(&kunci, kini, kini - Duration::minutes(15))
                    .await
                    .unwrap()
            })
        })
        .collect();
    for t in tugas {
        t.await.unwrap();
    }
    assert_eq!(
        repo.percobaan_masuk(&kunci).await.unwrap().map(|p| p.gagal),
        Some(12),
        "{nama}"
    );
}

#[tokio::test]
async fn r_pej_12_the_registration_store_keeps_one_contract_in_memory_and_on_both_databases() {
    let sistem = store_memori::StoreMemori::new();
    let memori = store_memori::RegistrasiMemori::dengan_sistem(sistem.clone());
    kontrak_registrasi(&memori, &sistem, "memori").await;
    kontrak_gagal_masuk_serentak(Arc::new(memori), "memori").await;
    for backend in backends() {
        let (db, store) = basis(backend).await;
        let nama = format!("{backend:?}");
        kontrak_registrasi(&store, &store, &nama).await;
        kontrak_gagal_masuk_serentak(Arc::new(store.clone()), &nama).await;
        store.close().await;
        db.hapus().await;
    }
}

/// `s` of `instansi`, made at `dibuat` and queued then.
fn milik(
    s: sistem_elektronik::model::SistemElektronik,
    instansi: InstansiId,
    dibuat: DateTime<Utc>,
    nama_sistem: &str,
) -> sistem_elektronik::model::SistemElektronik {
    let mut r = (*s).clone();
    r.id = pse_kernel::SistemId::new();
    r.instansi_id = instansi;
    r.dibuat_pada = dibuat;
    r.masuk_antrian_pada = dibuat;
    r.data_awal.nama_eksternal = nama_sistem.into();
    sistem_elektronik::model::SistemElektronik::pulihkan(r)
}

async fn simpan_sistem(
    repo: &dyn SistemRepo,
    s: &sistem_elektronik::model::SistemElektronik,
) -> Result<(), GagalSimpan> {
    let mut u = repo.mulai().await.unwrap();
    u.simpan_sistem(s).await?;
    u.commit().await
}

/// The system store's contract (`SistemRepo` and its unit of work) for `instansi`, which the
/// store knows as the Pemerintah Kota Tarakan in Kalimantan Utara (65).
async fn kontrak_sistem(repo: &dyn SistemRepo, instansi: InstansiId, nama: &str) {
    use pse_kernel::{JendelaAntrian, Paging, Posisi};
    use sistem_elektronik::contoh;
    use sistem_elektronik::model::StatusSistem;
    use sistem_elektronik::ports::CariPublik;
    let isi = serde_json::json!({"email": "helpdesk@tarakankota.go.id"});
    let menunggu = milik(
        contoh::data_awal_diajukan().unwrap(),
        instansi,
        pada(2),
        "Antrean Satu",
    );
    let menunggu_lagi = milik(
        contoh::data_awal_diajukan().unwrap(),
        instansi,
        pada(3),
        "Antrean Dua",
    );
    let terdaftar = milik(
        contoh::terdaftar(7, &isi).unwrap(),
        instansi,
        pada(4),
        "Sistem Pajak Daerah",
    );
    for s in [&menunggu, &menunggu_lagi, &terdaftar] {
        simpan_sistem(repo, s).await.unwrap();
    }

    // Read back as written, at version 1; a stale save changes nothing.
    let baca = repo.sistem(terdaftar.id).await.unwrap().unwrap();
    assert_eq!(
        (baca.versi, &baca.data_awal, &baca.bagian),
        (1, &terdaftar.data_awal, &terdaftar.bagian),
        "{nama}"
    );
    assert_eq!(baca.tanda_daftar, terdaftar.tanda_daftar, "{nama}");
    assert!(
        matches!(
            simpan_sistem(repo, &terdaftar).await,
            Err(GagalSimpan::VersiBasi) | Err(GagalSimpan::Duplikat(_))
        ),
        "{nama}: a second insert from the same value"
    );
    simpan_sistem(repo, &baca).await.unwrap();
    assert!(
        matches!(
            simpan_sistem(repo, &baca).await,
            Err(GagalSimpan::VersiBasi)
        ),
        "{nama}: a second save from the same read is stale"
    );

    // The instansi's list: newest first, paged by cursor, with its total; counts by status.
    let (satu, total) = repo
        .halaman_instansi(instansi, None, &Paging::pertama(2))
        .await
        .unwrap();
    assert_eq!(total, 3, "{nama}");
    assert_eq!(
        satu.iter().take(2).map(|r| r.id).collect::<Vec<_>>(),
        vec![terdaftar.id, menunggu_lagi.id],
        "{nama}"
    );
    let lanjut = Paging {
        posisi: Posisi::Setelah(satu[1].kursor()),
        batas: 2,
    };
    let (dua, _) = repo
        .halaman_instansi(instansi, None, &lanjut)
        .await
        .unwrap();
    assert_eq!(
        dua.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![menunggu.id],
        "{nama}"
    );
    let mut status = repo.hitung_status(Some(instansi), None).await.unwrap();
    status.sort_by_key(|(s, _)| s.kode());
    assert_eq!(
        status,
        vec![
            (StatusSistem::DataAwalDiajukan, 2),
            (StatusSistem::Terdaftar, 1)
        ],
        "{nama}"
    );
    // The country's counts hold the instansi's.
    let nasional = repo.hitung_status(None, None).await.unwrap();
    for (st, n) in &status {
        let semua = nasional
            .iter()
            .find(|(s, _)| s == st)
            .map_or(0, |(_, n)| *n);
        assert!(semua >= *n, "{nama} {st:?}: {semua} < {n}");
    }

    // The admin's queue: oldest first, in windows after the last one seen, narrowed to the overdue.
    let (antre, jumlah) = repo
        .antrian(StatusSistem::DataAwalDiajukan, &JendelaAntrian::awal(1))
        .await
        .unwrap();
    assert_eq!(
        (antre.iter().map(|a| a.id).collect::<Vec<_>>(), jumlah),
        (vec![menunggu.id], 2),
        "{nama}"
    );
    assert_eq!(antre[0].instansi, "Pemerintah Kota Tarakan", "{nama}");
    let sesudah = JendelaAntrian {
        setelah: Some((menunggu.masuk_antrian_pada, menunggu.id.to_string())),
        ..JendelaAntrian::awal(5)
    };
    let (antre, _) = repo
        .antrian(StatusSistem::DataAwalDiajukan, &sesudah)
        .await
        .unwrap();
    assert_eq!(
        antre.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![menunggu_lagi.id],
        "{nama}"
    );
    let (antre, jumlah) = repo
        .antrian(
            StatusSistem::DataAwalDiajukan,
            &JendelaAntrian::awal(5).masuk_sebelum(pada(3)),
        )
        .await
        .unwrap();
    assert_eq!(
        (antre.len(), jumlah),
        (1, 1),
        "{nama}: only what entered before the bound"
    );

    // The public registry: registered and published only, found by a word of the name.
    let cari = |q: &str, provinsi: Option<&str>| CariPublik {
        q: q.into(),
        instansi: None,
        kategori: None,
        provinsi: provinsi.map(Into::into),
        paging: Paging::pertama(10),
    };
    let (publik, total) = repo.cari_publik(&cari("pajak", None)).await.unwrap();
    assert_eq!(
        (publik.iter().map(|r| r.id).collect::<Vec<_>>(), total),
        (vec![terdaftar.id], 1),
        "{nama}"
    );
    assert_eq!(publik[0].instansi, "Pemerintah Kota Tarakan", "{nama}");
    assert_eq!(
        repo.cari_publik(&cari("antrean", None)).await.unwrap().1,
        0,
        "{nama}: not yet registered"
    );
    assert_eq!(
        repo.cari_publik(&cari("", Some("65"))).await.unwrap().1,
        1,
        "{nama}: by province code"
    );
    assert_eq!(
        repo.cari_publik(&cari("", Some("31"))).await.unwrap().1,
        0,
        "{nama}"
    );

    // The Tanda Daftar: found by number with its instansi; the next number follows the highest.
    let ditemukan = repo.dengan_tanda_daftar(7).await.unwrap().unwrap();
    assert_eq!(
        (ditemukan.sistem.id, ditemukan.instansi.as_str()),
        (terdaftar.id, "Pemerintah Kota Tarakan"),
        "{nama}"
    );
    assert!(
        repo.dengan_tanda_daftar(8).await.unwrap().is_none(),
        "{nama}"
    );
    let mut u = repo.mulai().await.unwrap();
    assert_eq!(
        u.nomor_tanda_daftar_berikutnya().await.unwrap(),
        8,
        "{nama}"
    );
    drop(u);
    let lain = pse_kernel::InstansiId::new();
    let nama_instansi = repo
        .nama_instansi(&[instansi, lain, instansi])
        .await
        .unwrap();
    assert_eq!(
        nama_instansi.get(&instansi).map(String::as_str),
        Some("Pemerintah Kota Tarakan"),
        "{nama}"
    );
    assert_eq!(nama_instansi.len(), 1, "{nama}: an unknown id is left out");
    assert!(repo.nama_instansi(&[]).await.unwrap().is_empty(), "{nama}");
}

#[tokio::test]
async fn r_se_09_r_pd_02_the_system_and_change_stores_keep_one_contract_in_memory_and_on_both_databases()
 {
    let memori = store_memori::StoreMemori::new();
    let tarakan = InstansiId::new();
    memori.tambah_instansi(
        tarakan,
        store_memori::InstansiMemori::baru(
            "Pemerintah Kota Tarakan",
            Some(("65", "Kalimantan Utara")),
        ),
    );
    kontrak_sistem(&memori, tarakan, "memori").await;
    kontrak_perubahan(&memori, &memori, tarakan, "memori").await;
    for backend in backends() {
        let (db, store) = basis(backend).await;
        let i = instansi();
        let mut u = RegistrasiRepo::mulai(&store).await.unwrap();
        u.simpan_instansi(&i).await.unwrap();
        u.commit().await.unwrap();
        kalimantan_utara(&store).await;
        kontrak_sistem(&store, i.id(), &format!("{backend:?}")).await;
        kontrak_perubahan(&store, &store, i.id(), &format!("{backend:?}")).await;
        store.close().await;
        db.hapus().await;
    }
}

/// The change requests' contract (`PerubahanRepo` and its unit of work) for `instansi` (known
/// to the store), whose systems are saved through `sistem`.
async fn kontrak_perubahan(
    repo: &dyn perubahan_data::ports::PerubahanRepo,
    sistem: &dyn SistemRepo,
    instansi: InstansiId,
    nama: &str,
) {
    use perubahan_data::model::{PermohonanPerubahan, StatusPerubahan};
    use pse_kernel::{JendelaAntrian, Lingkup, PerubahanId};
    let isi = serde_json::json!({"email": "helpdesk@tarakankota.go.id"});
    let satu = milik(
        sistem_elektronik::contoh::terdaftar(11, &isi).unwrap(),
        instansi,
        pada(2),
        "SIPADU",
    );
    let dua = milik(
        sistem_elektronik::contoh::terdaftar(12, &isi).unwrap(),
        instansi,
        pada(2),
        "SIMPEG",
    );
    for s in [&satu, &dua] {
        simpan_sistem(sistem, s).await.unwrap();
    }
    let ajukan = |s: &sistem_elektronik::model::SistemElektronik, jam: u32| {
        PermohonanPerubahan::ajukan(s, AkunId::new(), "Helpdesk pindah.", None, pada(jam)).unwrap()
    };
    let simpan = async |p: &PermohonanPerubahan,
                        s: Option<&sistem_elektronik::model::SistemElektronik>| {
        let mut u = repo.mulai().await.unwrap();
        u.simpan_perubahan(p).await?;
        if let Some(s) = s {
            u.simpan_sistem(s).await?;
        }
        u.commit().await
    };

    // Saved and read back at version 1; open for its system.
    let (a, b) = (ajukan(&satu, 3), ajukan(&dua, 4));
    simpan(&a, None).await.unwrap();
    simpan(&b, None).await.unwrap();
    let baca = repo.perubahan(a.id).await.unwrap().unwrap();
    assert_eq!(
        (baca.versi, baca.status, &baca.alasan),
        (1, StatusPerubahan::Terkirim, &a.alasan),
        "{nama}"
    );
    assert_eq!(
        repo.terbuka_untuk(satu.id).await.unwrap().map(|p| p.id),
        Some(a.id),
        "{nama}"
    );

    // R-PD-02: a second open request for the same system breaks the unique rule.
    assert!(
        matches!(
            simpan(&ajukan(&satu, 5), None).await,
            Err(GagalSimpan::Duplikat(_))
        ),
        "{nama}: a second open request"
    );

    // Lists: newest first, in scope; the queue oldest first in windows.
    let daftar: Vec<PerubahanId> = repo
        .daftar(Lingkup::Instansi(instansi))
        .await
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(daftar, vec![b.id, a.id], "{nama}");
    assert!(
        repo.daftar(Lingkup::Instansi(InstansiId::new()))
            .await
            .unwrap()
            .is_empty(),
        "{nama}"
    );
    assert_eq!(
        repo.untuk_sistem(dua.id)
            .await
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        vec![b.id],
        "{nama}"
    );
    let (antre, jumlah) = repo.antrian(&JendelaAntrian::awal(1)).await.unwrap();
    assert_eq!(
        (antre.iter().map(|p| p.id).collect::<Vec<_>>(), jumlah),
        (vec![a.id], 2),
        "{nama}"
    );

    // Approval moves the request and its system in one unit of work; when the system changed
    // meanwhile, neither moves.
    let dua_kini = sistem.sistem(dua.id).await.unwrap().unwrap();
    let (b_disetujui, dua_terbuka) = repo
        .perubahan(b.id)
        .await
        .unwrap()
        .unwrap()
        .setujui(dua_kini.clone(), pada(6))
        .unwrap();
    simpan_sistem(sistem, &dua_kini).await.unwrap();
    assert!(
        simpan(&b_disetujui, Some(&dua_terbuka)).await.is_err(),
        "{nama}: the system changed meanwhile"
    );
    assert_eq!(
        repo.perubahan(b.id).await.unwrap().unwrap().status,
        StatusPerubahan::Terkirim,
        "{nama}: nothing of it stays"
    );
    let satu_kini = sistem.sistem(satu.id).await.unwrap().unwrap();
    let (a_disetujui, satu_terbuka) = baca.setujui(satu_kini, pada(6)).unwrap();
    simpan(&a_disetujui, Some(&satu_terbuka)).await.unwrap();
    assert_eq!(
        repo.perubahan(a.id).await.unwrap().unwrap().status,
        StatusPerubahan::DisetujuiSedangDalamPerubahan,
        "{nama}"
    );
    assert_eq!(
        sistem.sistem(satu.id).await.unwrap().unwrap().status,
        sistem_elektronik::model::StatusSistem::DalamPerubahan,
        "{nama}"
    );
    assert_eq!(
        repo.antrian(&JendelaAntrian::awal(5)).await.unwrap().1,
        1,
        "{nama}: an approved request leaves the queue"
    );
}

/// The reports' contract (`LaporanRepo`): configurations of `pemilik` (an account the store
/// knows) and the report rows of `instansi`'s systems, saved through `sistem`.
async fn kontrak_laporan(
    repo: &dyn laporan::ports::LaporanRepo,
    sistem: &dyn SistemRepo,
    instansi: InstansiId,
    pemilik: AkunId,
    nama: &str,
) {
    use laporan::model::{FilterLaporan, IsianLaporan, KonfigurasiLaporan};
    use pse_kernel::{AuditEvent, Kursor, Lingkup};
    use sistem_elektronik::model::StatusSistem;
    let audit = |k: &KonfigurasiLaporan| {
        AuditEvent::baru(
            pada(2),
            &pse_kernel::Actor::Sistem,
            "laporan",
            k.id,
            "simpan",
        )
    };
    let isian = |n: &str| IsianLaporan {
        nama: n.into(),
        kolom: vec!["nama_eksternal".into(), "status".into()],
        ..IsianLaporan::default()
    };

    // Configurations: saved at version 1, listed newest first, a stale save refused, deleted.
    let lama = KonfigurasiLaporan::baru(pemilik, &isian("Rekap lama"), false, pada(2)).unwrap();
    let baru = KonfigurasiLaporan::baru(pemilik, &isian("Rekap baru"), false, pada(3)).unwrap();
    for k in [&lama, &baru] {
        repo.simpan(k, &audit(k)).await.unwrap();
    }
    let baca = repo.konfigurasi(lama.id).await.unwrap().unwrap();
    assert_eq!(
        (baca.versi, &baca.nama, &baca.kolom),
        (1, &lama.nama, &lama.kolom),
        "{nama}"
    );
    assert_eq!(
        repo.milik(pemilik)
            .await
            .unwrap()
            .iter()
            .map(|k| k.id)
            .collect::<Vec<_>>(),
        vec![baru.id, lama.id],
        "{nama}"
    );
    assert!(
        repo.milik(AkunId::new()).await.unwrap().is_empty(),
        "{nama}"
    );
    repo.simpan(&baca, &audit(&baca)).await.unwrap();
    assert!(
        matches!(
            repo.simpan(&baca, &audit(&baca)).await,
            Err(GagalSimpan::VersiBasi)
        ),
        "{nama}: a second save from the same read is stale"
    );
    repo.hapus(lama.id, &audit(&lama)).await.unwrap();
    assert!(repo.konfigurasi(lama.id).await.unwrap().is_none(), "{nama}");

    // Rows: the scope's systems by name then id, after a cursor, filtered by status.
    let isi = serde_json::json!({"email": "helpdesk@tarakankota.go.id"});
    let b = milik(
        sistem_elektronik::contoh::terdaftar(21, &isi).unwrap(),
        instansi,
        pada(2),
        "Beta",
    );
    let a = milik(
        sistem_elektronik::contoh::data_awal_diajukan().unwrap(),
        instansi,
        pada(3),
        "Alfa",
    );
    let c = milik(
        sistem_elektronik::contoh::pengisian().unwrap(),
        instansi,
        pada(4),
        "Gama",
    );
    for s in [&a, &b, &c] {
        simpan_sistem(sistem, s).await.unwrap();
    }
    let semua = FilterLaporan::default();
    let baris = repo
        .sistem(Lingkup::Instansi(instansi), &semua, None, 2)
        .await
        .unwrap();
    assert_eq!(
        baris
            .iter()
            .map(|r| r.nama_eksternal.as_str())
            .collect::<Vec<_>>(),
        vec!["Alfa", "Beta"],
        "{nama}"
    );
    assert_eq!(
        (
            baris[1].instansi.as_str(),
            baris[1].provinsi.as_deref(),
            baris[1].tanda_daftar.map(|t| t.0)
        ),
        (
            "Pemerintah Kota Tarakan",
            Some("Kalimantan Utara"),
            Some(21)
        ),
        "{nama}"
    );
    let setelah = Kursor {
        kunci: baris[1].nama_eksternal.clone(),
        id: baris[1].id.to_string(),
    };
    let lanjut = repo
        .sistem(Lingkup::Instansi(instansi), &semua, Some(&setelah), 2)
        .await
        .unwrap();
    assert_eq!(
        lanjut.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![c.id],
        "{nama}"
    );
    let terdaftar = FilterLaporan {
        status: Some(StatusSistem::Terdaftar),
        ..FilterLaporan::default()
    };
    let hanya = repo
        .sistem(Lingkup::Semua, &terdaftar, None, 10)
        .await
        .unwrap();
    assert_eq!(
        hanya.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![b.id],
        "{nama}"
    );
    assert!(
        repo.sistem(Lingkup::Instansi(InstansiId::new()), &semua, None, 10)
            .await
            .unwrap()
            .is_empty(),
        "{nama}: another instansi's scope"
    );
}

#[tokio::test]
async fn r_lap_02_the_report_store_keeps_one_contract_in_memory_and_on_both_databases() {
    let memori = store_memori::StoreMemori::new();
    let (tarakan, budi) = (InstansiId::new(), AkunId::new());
    memori.tambah_instansi(
        tarakan,
        store_memori::InstansiMemori::baru(
            "Pemerintah Kota Tarakan",
            Some(("65", "Kalimantan Utara")),
        ),
    );
    memori.tambah_akun(budi, "budi@tarakankota.go.id", "Budi Santoso");
    kontrak_laporan(&memori, &memori, tarakan, budi, "memori").await;
    for backend in backends() {
        let (db, store) = basis(backend).await;
        let i = instansi();
        let a = akun(i.id(), "budi@tarakankota.go.id");
        let mut u = RegistrasiRepo::mulai(&store).await.unwrap();
        u.simpan_instansi(&i).await.unwrap();
        u.simpan_akun(&a).await.unwrap();
        u.commit().await.unwrap();
        kalimantan_utara(&store).await;
        kontrak_laporan(&store, &store, i.id(), a.id, &format!("{backend:?}")).await;
        store.close().await;
        db.hapus().await;
    }
}

/// The survey store's contract (`SurveiRepo`): invitations written through a unit of work, an
/// answer kept once, the index and the answers of a period read by (time, id) at any depth.
async fn kontrak_survei(
    registrasi: &dyn RegistrasiRepo,
    sistem: &dyn SistemRepo,
    repo: &dyn layanan::ports::SurveiRepo,
    nama: &str,
) {
    use layanan::survei::Jawaban;
    use pse_kernel::{LayananSurvei, SurveiId, UndanganSurvei, hash_token};
    let mut u = sistem.mulai().await.unwrap();
    for i in 0..5 {
        u.undang_survei(&UndanganSurvei {
            id: SurveiId::new(),
            hash_token: hash_token(&format!("t{i}")),
            layanan: LayananSurvei::PerubahanData,
            subjek_id: format!("perubahan-{i}"),
            email: "budi@tarakankota.go.id".into(),
            dibuat_pada: pada(0),
        })
        .await
        .unwrap();
    }
    u.commit().await.unwrap();
    // A decided application's invitation, written through the registration's unit of work.
    let mut u = registrasi.mulai().await.unwrap();
    u.undang_survei(&UndanganSurvei {
        id: SurveiId::new(),
        hash_token: hash_token("p0"),
        layanan: LayananSurvei::PendaftaranPejabat,
        subjek_id: "permohonan-0".into(),
        email: "sari@tarakankota.go.id".into(),
        dibuat_pada: pada(0),
    })
    .await
    .unwrap();
    u.commit().await.unwrap();
    let (p0, _) = repo.undangan(&hash_token("p0")).await.unwrap().unwrap();
    assert_eq!(p0.layanan, LayananSurvei::PendaftaranPejabat, "{nama}");
    let (u0, dijawab) = repo.undangan(&hash_token("t0")).await.unwrap().unwrap();
    assert_eq!(
        (u0.layanan, u0.subjek_id.as_str(), dijawab),
        (LayananSurvei::PerubahanData, "perubahan-0", false),
        "{nama}"
    );
    assert!(
        repo.undangan(&hash_token("tX")).await.unwrap().is_none(),
        "{nama}"
    );

    // Four answered (two at the same moment), the fifth left open.
    let jawaban = |n: i64| Jawaban::baru(&[n; 9]).unwrap();
    for (i, jam, saran) in [
        (0, 1, Some("Cepat.")),
        (1, 2, None),
        (2, 2, None),
        (3, 5, None),
    ] {
        let ok = repo
            .jawab(
                &hash_token(&format!("t{i}")),
                &jawaban(i + 1),
                saran,
                pada(jam),
            )
            .await
            .unwrap();
        assert!(ok, "{nama}: t{i}");
    }
    assert!(
        !repo
            .jawab(&hash_token("t0"), &jawaban(1), None, pada(6))
            .await
            .unwrap(),
        "{nama}: a link is answered once"
    );
    let ikm = repo.ikm(pada(0), pada(23)).await.unwrap();
    assert_eq!(
        (ikm.jumlah_responden, ikm.jumlah_unsur[0]),
        (4, 10),
        "{nama}"
    );

    // Two at a time, after the last one's (time, id), to the end.
    let mut semua = Vec::new();
    let mut setelah = None;
    loop {
        let h = repo.jawaban(pada(0), pada(23), setelah, 2).await.unwrap();
        assert!(h.len() <= 2, "{nama}");
        let Some(akhir) = h.last() else { break };
        setelah = Some((akhir.pada, akhir.id));
        semua.extend(h);
    }
    let waktu: Vec<_> = semua.iter().map(|j| (j.pada, j.id)).collect();
    let mut urut = waktu.clone();
    urut.sort();
    assert_eq!(waktu, urut, "{nama}: by time, then id");
    assert_eq!(
        semua.len(),
        4,
        "{nama}: each answer once, the open link not at all"
    );
    assert_eq!(semua[0].saran.as_deref(), Some("Cepat."), "{nama}");
    assert_eq!(semua[0].layanan, LayananSurvei::PerubahanData, "{nama}");
    assert_eq!(semua[3].jawaban.nilai(), [4; 9], "{nama}");
    let tengah = repo.jawaban(pada(2), pada(5), None, 10).await.unwrap();
    assert_eq!(
        tengah.iter().map(|j| j.pada).collect::<Vec<_>>(),
        [pada(2), pada(2)],
        "{nama}: from the first instant, not the last"
    );
}

#[tokio::test]
async fn r_lay_04_the_survey_store_keeps_one_contract_in_memory_and_on_both_databases() {
    let memori = store_memori::StoreMemori::new();
    let registrasi = store_memori::RegistrasiMemori::dengan_sistem(memori.clone());
    kontrak_survei(&registrasi, &memori, &memori, "memori").await;
    for backend in backends() {
        let (db, store) = basis(backend).await;
        kontrak_survei(&store, &store, &store, &format!("{backend:?}")).await;
        store.close().await;
        db.hapus().await;
    }
}

/// The audit trail's contract (`AuditLog`): what units of work recorded, newest first, by
/// subject; the emails not yet delivered.
async fn kontrak_audit(repo: &dyn RegistrasiRepo, log: &dyn pse_kernel::AuditLog, nama: &str) {
    use pse_kernel::{AuditEvent, PesanEmail, Surel};
    let (a, b) = (AkunId::new(), AkunId::new());
    let mut u = repo.mulai().await.unwrap();
    u.catat_audit(
        &AuditEvent::baru(pada(2), &pse_kernel::Actor::Sistem, "akun", a, "buat")
            .status(None, "aktif"),
    )
    .await
    .unwrap();
    u.catat_audit(&AuditEvent::baru(
        pada(3),
        &pse_kernel::Actor::Sistem,
        "akun",
        b,
        "buat",
    ))
    .await
    .unwrap();
    u.kirim_email(&PesanEmail::baru(
        "budi@tarakankota.go.id",
        Surel::EmailSudahDipakai,
        serde_json::json!({}),
    ))
    .await
    .unwrap();
    u.commit().await.unwrap();
    let semua = log.daftar(None, 1).await.unwrap();
    assert_eq!(semua.total, 2, "{nama}");
    assert_eq!(
        semua
            .items
            .iter()
            .map(|e| e.subjek_id.clone())
            .collect::<Vec<_>>(),
        vec![b.to_string(), a.to_string()],
        "{nama}: newest first"
    );
    let satu = log.daftar(Some(&a.to_string()), 1).await.unwrap();
    assert_eq!(
        (
            satu.total,
            satu.items[0].aksi.as_str(),
            satu.items[0].ke_status.as_deref()
        ),
        (1, "buat", Some("aktif")),
        "{nama}"
    );
    let tertunda = log.surel_tertunda().await.unwrap();
    assert_eq!(
        tertunda
            .iter()
            .map(|p| (p.kepada.as_str(), p.status.as_str()))
            .collect::<Vec<_>>(),
        vec![("budi@tarakankota.go.id", "menunggu")],
        "{nama}"
    );
}

#[tokio::test]
async fn r_x_01_the_audit_trail_keeps_one_contract_in_memory_and_on_both_databases() {
    let memori = store_memori::RegistrasiMemori::new();
    kontrak_audit(&memori, &memori, "memori").await;
    for backend in backends() {
        let (db, store) = basis(backend).await;
        kontrak_audit(&store, &store, &format!("{backend:?}")).await;
        store.close().await;
        db.hapus().await;
    }
}

/// Queues one email to each of a@, b@ and c@tarakankota.go.id, in one unit of work.
async fn antre_tiga(store: &store_sea_orm::Store) {
    use pse_kernel::{PesanEmail, Surel};
    let mut u = RegistrasiRepo::mulai(store).await.unwrap();
    for kepada in [
        "a@tarakankota.go.id",
        "b@tarakankota.go.id",
        "c@tarakankota.go.id",
    ] {
        u.kirim_email(&PesanEmail::baru(
            kepada,
            Surel::EmailSudahDipakai,
            serde_json::json!({}),
        ))
        .await
        .unwrap();
    }
    u.commit().await.unwrap();
}

/// The outbox's contract (`Outbox`) on the real store: a claimed message is leased, a sent one
/// is done, a failed one comes back at its retry time or is given up.
#[tokio::test]
async fn the_outbox_leases_retries_and_gives_up_alike_on_both_databases() {
    use pse_kernel::{AuditLog, Outbox};
    for backend in backends() {
        let (db, store) = basis(backend).await;
        let nama = format!("{backend:?}");
        // Queued now by the store's clock; the dispatcher's moments from a minute later.
        let awal = store.sekarang() + Duration::minutes(1);
        let jam = |n: i64| awal + Duration::hours(n);
        antre_tiga(&store).await;
        let klaim = store.klaim(10, jam(0)).await.unwrap();
        assert_eq!(klaim.len(), 3, "{nama}");
        assert!(
            store.klaim(10, jam(0)).await.unwrap().is_empty(),
            "{nama}: leased"
        );
        let id = |kepada: &str| klaim.iter().find(|k| k.pesan.kepada == kepada).unwrap().id;
        store
            .tandai_terkirim(id("a@tarakankota.go.id"), jam(0), &serde_json::json!({}))
            .await
            .unwrap();
        store
            .tandai_gagal(id("b@tarakankota.go.id"), "421 sibuk", Some(jam(2)))
            .await
            .unwrap();
        store
            .tandai_gagal(id("c@tarakankota.go.id"), "550 tidak dikenal", None)
            .await
            .unwrap();
        assert!(
            store.klaim(10, jam(1)).await.unwrap().is_empty(),
            "{nama}: not before its retry"
        );
        let lagi = store.klaim(10, jam(3)).await.unwrap();
        assert_eq!(
            lagi.iter()
                .map(|k| (k.pesan.kepada.as_str(), k.percobaan))
                .collect::<Vec<_>>(),
            vec![("b@tarakankota.go.id", 1)],
            "{nama}: only the retried one, its attempt counted"
        );
        let mut tertunda: Vec<(String, String, Option<String>)> = store
            .surel_tertunda()
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.kepada, p.status, p.galat_terakhir))
            .collect();
        tertunda.sort();
        assert_eq!(
            tertunda,
            vec![
                (
                    "b@tarakankota.go.id".into(),
                    "menunggu".into(),
                    Some("421 sibuk".into())
                ),
                (
                    "c@tarakankota.go.id".into(),
                    "gagal".into(),
                    Some("550 tidak dikenal".into())
                ),
            ],
            "{nama}"
        );
        store.close().await;
        db.hapus().await;
    }
}

/// The document store's contract (`DokumenStore`): what is stored under a hash comes back as it
/// was, storing it again changes nothing, an unknown hash is none.
async fn kontrak_dokumen(d: &dyn pse_kernel::DokumenStore, nama: &str) {
    let isi = pse_kernel::pdf::contoh("Surat Tugas");
    let sha = "b".repeat(64);
    assert_eq!(d.ambil(&sha).await.unwrap(), None, "{nama}");
    d.simpan(&sha, isi.clone()).await.unwrap();
    d.simpan(&sha, isi.clone()).await.unwrap();
    assert_eq!(d.ambil(&sha).await.unwrap(), Some(isi), "{nama}");
    assert_eq!(d.ambil(&"c".repeat(64)).await.unwrap(), None, "{nama}");
}

#[tokio::test]
async fn r_pej_05_the_document_store_keeps_one_contract_in_memory_and_on_disk() {
    kontrak_dokumen(&store_memori::StoreMemori::new(), "memori").await;
    let dir = std::env::temp_dir().join(format!("pse-dokumen-{}", pse_kernel::AkunId::new()));
    std::fs::create_dir_all(&dir).unwrap();
    kontrak_dokumen(
        &dokumen_store::PenyimpananDokumen::lokal(&dir).unwrap(),
        "disk",
    )
    .await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn the_outbox_lease_is_short_renewed_while_sending_and_given_back_on_a_stop() {
    use pse_kernel::Outbox;
    for backend in backends() {
        let (db, store) = basis(backend).await;
        let nama = format!("{backend:?}");
        let awal = store.sekarang() + Duration::minutes(1);
        let detik = |n: i64| awal + Duration::seconds(n);
        antre_tiga(&store).await;
        let klaim = store.klaim(10, detik(0)).await.unwrap();
        let id = |kepada: &str| klaim.iter().find(|k| k.pesan.kepada == kepada).unwrap().id;
        let (a, b, c) = (
            id("a@tarakankota.go.id"),
            id("b@tarakankota.go.id"),
            id("c@tarakankota.go.id"),
        );
        // A stopping dispatcher gives c back: due at once for the next one.
        store.lepas(&[c], detik(1)).await.unwrap();
        let lagi = store.klaim(10, detik(1)).await.unwrap();
        assert_eq!(
            lagi.iter().map(|k| k.id).collect::<Vec<_>>(),
            vec![c],
            "{nama}"
        );
        // A living dispatcher renews a; b's short lease runs out and b is claimable again.
        store.perpanjang(&[a], detik(50)).await.unwrap();
        let nanti = store.klaim(10, detik(60)).await.unwrap();
        assert_eq!(
            nanti.iter().map(|k| k.id).collect::<Vec<_>>(),
            vec![b],
            "{nama}: a is still held, b came back within a minute"
        );
        // A sent message is never given back.
        store
            .tandai_terkirim(a, detik(62), &serde_json::json!({}))
            .await
            .unwrap();
        store.lepas(&[a], detik(62)).await.unwrap();
        assert!(
            store
                .klaim(10, detik(200))
                .await
                .unwrap()
                .iter()
                .all(|k| k.id != a),
            "{nama}"
        );
        db.hapus().await;
    }
}
