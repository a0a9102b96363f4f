//! The office-application service on the in-memory store (R-SEP-01..06): application to
//! approval, a second Admin Pengelola refused, users, a warning left unanswered and then a
//! repeated one, reminders, the sync the office application reads.

#![allow(clippy::unwrap_used)]

use aplikasi_perkantoran::katalog::IsianAplikasi;
use aplikasi_perkantoran::permohonan::{FormPermohonanSep, StatusPermohonanSep};
use aplikasi_perkantoran::service::IsianPengguna;
use aplikasi_perkantoran::service::{GalatSep, PengaturanSep, PortSep, SepService, Unggahan};
use chrono::{Duration, TimeZone, Utc};
use pse_kernel::clock::FixedClock;
use pse_kernel::{
    Actor, AkunId, Clock, Galat, InstansiId, JenisAntrian, KalenderKerja, Keputusan,
    MejaVerifikasi, Paging, Peran, SaringAntrian, TokenGenerator,
};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use store_memori::{InstansiMemori, StoreMemori};

#[derive(Default)]
struct Token(AtomicU32);

impl TokenGenerator for Token {
    fn buat(&self) -> SecretString {
        format!("kode{:06}", self.0.fetch_add(1, Ordering::SeqCst) + 1).into()
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

fn form() -> FormPermohonanSep {
    FormPermohonanSep {
        sekretaris_nama: "Dr. Siti Rahayu".into(),
        sekretaris_nip: "197001011995032001".into(),
        sekretaris_jabatan: "Sekretaris Jenderal".into(),
        sekretaris_email: "setjen@kemenkes.go.id".into(),
        admin_nama: "Agus Salim".into(),
        admin_nip: "198805052015031002".into(),
        admin_jabatan: "Pranata Komputer".into(),
        admin_email: "agus.salim@kemenkes.go.id".into(),
        admin_nomor_hp: "081234567890".into(),
    }
}

fn pdf(nama: &str) -> Option<Unggahan> {
    Some(Unggahan {
        nama_berkas: nama.into(),
        isi: pse_kernel::pdf::contoh(""),
    })
}

/// The emails sent to `kepada`: template and data.
fn surel(store: &StoreMemori, kepada: &str) -> Vec<(String, serde_json::Value)> {
    store
        .salinan()
        .surel
        .into_iter()
        .filter(|s| s.kepada == kepada)
        .map(|s| (s.template, s.data))
        .collect()
}

/// An in-memory store holding the Kementerian Kesehatan, a clock stopped on Tuesday 1 December
/// 2026 at 09:00 WIB, and the service on them.
fn dunia() -> (StoreMemori, InstansiId, Arc<FixedClock>, SepService) {
    let store = StoreMemori::new();
    let kemenkes = InstansiId::new();
    store.tambah_instansi(
        kemenkes,
        InstansiMemori::baru("Kementerian Kesehatan", None),
    );
    // Tuesday 1 December 2026, 09:00 WIB.
    let jam = Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).single().unwrap(),
    ));
    let svc = SepService::new(
        PortSep {
            repo: Arc::new(store.clone()),
            dokumen: Arc::new(store.clone()),
            clock: jam.clone(),
            token: Arc::new(Token::default()),
        },
        KalenderKerja::new([]),
        PengaturanSep {
            batas_dokumen: 1024 * 1024,
            masa_aktivasi_jam: 72,
            bantuan: "0811-1112-4678".into(),
        },
    );
    (store, kemenkes, jam, svc)
}

/// Srikandi added to the catalogue by the admin `a`.
async fn srikandi(
    svc: &SepService,
    a: &Actor,
) -> aplikasi_perkantoran::katalog::AplikasiPerkantoran {
    svc.tambah_aplikasi(
        a,
        &IsianAplikasi {
            nama: "Srikandi".into(),
            deskripsi: "Tata naskah dinas elektronik.".into(),
            url: "https://srikandi.arsip.go.id".into(),
            dasar_penetapan: "Keputusan Menteri Nomor 679 Tahun 2020".into(),
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn r_sep_01_to_06_from_the_application_to_a_permanent_deactivation() {
    let (store, kemenkes, jam, svc) = dunia();
    let a = admin();
    let srikandi = srikandi(&svc, &a).await;
    assert!(matches!(
        svc.tambah_aplikasi(&Actor::Publik, &IsianAplikasi::default())
            .await,
        Err(Galat::BelumMasuk)
    ));
    let (app, bp) = (srikandi.id.to_string(), kemenkes.to_string());

    // R-SEP-01: a missing Surat Kuasa is named; a PNG named .pdf refused; nothing stored.
    let r = svc
        .ajukan(&Actor::Publik, &app, &bp, &form(), None, pdf("kartu.pdf"))
        .await;
    assert!(
        matches!(r, Err(GalatSep::Galat(Galat::Validasi(ref g))) if g.iter().any(|x| x.field == "surat_kuasa")),
        "{r:?}"
    );
    let png = Some(Unggahan {
        nama_berkas: "kuasa.pdf".into(),
        isi: b"\x89PNG\r\n\x1a\n".to_vec(),
    });
    let r = svc
        .ajukan(&Actor::Publik, &app, &bp, &form(), png, pdf("kartu.pdf"))
        .await;
    assert!(
        matches!(
            r,
            Err(GalatSep::Berkas {
                field: "surat_kuasa",
                sebab: Galat::PdfDitolak(_)
            })
        ),
        "{r:?}"
    );
    assert!(store.salinan().sep_permohonan.is_empty(), "nothing stored");

    let d = svc
        .ajukan(
            &Actor::Publik,
            &app,
            &bp,
            &form(),
            pdf("kuasa.pdf"),
            pdf("kartu.pdf"),
        )
        .await
        .unwrap();
    let id = d.permohonan.id;
    let ke_sekretaris = surel(&store, "setjen@kemenkes.go.id");
    assert_eq!(ke_sekretaris[0].0, "sep_permohonan_diterima");
    assert_eq!(ke_sekretaris[0].1["kode"], d.kode.expose_secret());
    assert!(matches!(
        svc.status(id, "salah").await,
        Err(Galat::TidakDitemukan)
    ));
    assert_eq!(
        svc.status(id, d.kode.expose_secret())
            .await
            .unwrap()
            .aplikasi,
        "Srikandi"
    );

    // A correction on the same request, through the new link.
    svc.minta_perbaikan(&a, id, "Surat Kuasa belum ditandatangani.")
        .await
        .unwrap();
    let kode = surel(&store, "setjen@kemenkes.go.id")[1].1["kode"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        matches!(
            svc.status(id, d.kode.expose_secret()).await,
            Err(Galat::TidakDitemukan)
        ),
        "the old link no longer works"
    );
    let p = svc
        .perbaiki(
            &Actor::Publik,
            id,
            &kode,
            &form(),
            pdf("kuasa-ttd.pdf"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(p.status, StatusPermohonanSep::Diajukan);

    // R-SEP-02 and R-SEP-03: complete, approved; the Admin Pengelola gets its account.
    let p = svc.lengkap(&a, id).await.unwrap();
    assert_eq!(
        p.tenggat(),
        Some(jam.now() + Duration::days(6)),
        "Tuesday + 4 working days: Monday"
    );
    svc.setujui(&a, id).await.unwrap();
    let ke_admin = surel(&store, "agus.salim@kemenkes.go.id");
    assert_eq!(ke_admin[0].0, "sep_admin_aktivasi");
    assert!(
        surel(&store, "setjen@kemenkes.go.id")
            .iter()
            .any(|(t, _)| t == "sep_keputusan")
    );
    let akun_admin = store.salinan().sep_akun[0].0.id;
    let pengelola = Actor::Pengguna {
        akun_id: akun_admin,
        peran: Peran::AdminPengelola,
        instansi_id: Some(kemenkes),
        unit_id: None,
    };
    // A second request for the same Badan Pemerintahan and application: the third ground.
    let kedua = svc
        .ajukan(
            &Actor::Publik,
            &app,
            &bp,
            &form(),
            pdf("kuasa.pdf"),
            pdf("kartu.pdf"),
        )
        .await
        .unwrap()
        .permohonan
        .id;
    svc.lengkap(&a, kedua).await.unwrap();
    assert!(
        matches!(svc.setujui(&a, kedua).await, Err(Galat::StatusTidakSesuai(ref m)) if m.contains("sudah pernah diberikan"))
    );
    let p = svc
        .tolak(
            &a,
            kedua,
            "admin_pengelola_sudah_ada",
            "Admin Pengelola sudah aktif.",
        )
        .await
        .unwrap();
    assert_eq!(p.status, StatusPermohonanSep::Ditolak);

    // The Admin Pengelola adds a user.
    let rudi = svc
        .tambah_pengguna(
            &pengelola,
            &IsianPengguna {
                nama: "Rudi Hartono".into(),
                nip: "199001012015031001".into(),
                email: "rudi@kemenkes.go.id".into(),
                jabatan: "Analis".into(),
            },
        )
        .await
        .unwrap();
    let (_, v) = svc.pengguna_saya(&pengelola).await.unwrap();
    assert_eq!(v.len(), 2);
    assert!(matches!(svc.pengguna_saya(&a).await, Err(Galat::Dilarang)));

    // R-SEP-04/05: a warning left unanswered; a reminder a working day before; deactivated.
    let token = svc.terbitkan_token(&a, srikandi.id).await.unwrap();
    let (awal, kursor) = svc
        .perubahan(Some(token.expose_secret()), srikandi.id, None)
        .await
        .unwrap();
    assert_eq!(awal.len(), 2);
    assert!(matches!(
        svc.perubahan(Some("salah"), srikandi.id, None).await,
        Err(Galat::BelumMasuk)
    ));
    let kasus = svc
        .catat_penyalahgunaan(
            &a,
            &rudi.id.to_string(),
            "spam",
            "Pesan massal ke seluruh pegawai.",
        )
        .await
        .unwrap();
    svc.peringatkan(&a, kasus.id).await.unwrap();
    let peringatan = surel(&store, "rudi@kemenkes.go.id");
    assert_eq!(peringatan[0].0, "sep_peringatan");
    assert!(
        !peringatan[0].1["kode"].as_str().unwrap().is_empty(),
        "the user gets the answer link"
    );
    let tembusan = surel(&store, "setjen@kemenkes.go.id");
    let tembusan = tembusan
        .iter()
        .find(|(t, _)| t == "sep_peringatan")
        .unwrap();
    assert_eq!(
        tembusan.1["kode"], "",
        "the Sekretaris gets a copy without the link"
    );
    // Due Tuesday 8 December 09:00; on Monday 7 at 09:00 the reminder goes.
    let h = svc
        .jalankan_jadwal(jam.now() + Duration::days(6))
        .await
        .unwrap();
    assert_eq!((h.dijalankan, h.diingatkan, h.dinonaktifkan), (true, 1, 0));
    let h = svc
        .jalankan_jadwal(jam.now() + Duration::days(6))
        .await
        .unwrap();
    assert!(!h.dijalankan, "another run within the minute skips");
    jam.advance(Duration::days(7) + Duration::hours(1));
    let h = svc.jalankan_jadwal(jam.now()).await.unwrap();
    assert_eq!((h.diingatkan, h.dinonaktifkan), (0, 1));
    assert!(
        surel(&store, "rudi@kemenkes.go.id")
            .iter()
            .any(|(t, d)| t == "sep_dinonaktifkan" && d["permanen"] == false)
    );
    assert!(
        surel(&store, "setjen@kemenkes.go.id")
            .iter()
            .any(|(t, _)| t == "sep_dinonaktifkan")
    );
    let (baru, _) = svc
        .perubahan(Some(token.expose_secret()), srikandi.id, kursor.as_deref())
        .await
        .unwrap();
    assert_eq!(
        baru.iter()
            .map(|p| (p.pengguna.nama.as_str(), p.pengguna.status.kode()))
            .collect::<Vec<_>>(),
        [("Rudi Hartono", "nonaktif")],
        "the office application reads the deactivation after its cursor"
    );

    // A repeated misuse: permanent, never reactivated.
    jam.advance(Duration::minutes(2));
    svc.aktifkan_pengguna(&a, rudi.id).await.unwrap();
    let kedua = svc
        .catat_penyalahgunaan(
            &a,
            &rudi.id.to_string(),
            "penipuan",
            "Meminta transfer dana.",
        )
        .await
        .unwrap();
    assert_eq!(kedua.terbukti_sebelumnya, 1);
    svc.peringatkan(&a, kedua.id).await.unwrap();
    jam.advance(Duration::days(8));
    svc.jalankan_jadwal(jam.now()).await.unwrap();
    assert_eq!(
        svc.pengguna(&a, rudi.id).await.unwrap().status.kode(),
        "nonaktif_permanen"
    );
    assert!(matches!(
        svc.aktifkan_pengguna(&a, rudi.id).await,
        Err(Galat::StatusTidakSesuai(_))
    ));

    // Answered in time: the Sekretaris gets the copy, the case is closed, the user stays.
    jam.advance(Duration::minutes(2));
    let (admin_pengelola, _) = svc.pengguna_saya(&pengelola).await.unwrap();
    let ketiga = svc
        .catat_penyalahgunaan(
            &a,
            &admin_pengelola.id.to_string(),
            "fitnah",
            "Tuduhan kepada rekan.",
        )
        .await
        .unwrap();
    svc.peringatkan(&a, ketiga.id).await.unwrap();
    let kode = surel(&store, "agus.salim@kemenkes.go.id")
        .into_iter()
        .rev()
        .find(|(t, _)| t == "sep_peringatan")
        .unwrap()
        .1["kode"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(matches!(
        svc.jawab_peringatan(&Actor::Publik, ketiga.id, "salah", "x")
            .await,
        Err(Galat::TidakDitemukan)
    ));
    svc.jawab_peringatan(
        &Actor::Publik,
        ketiga.id,
        &kode,
        "Pesan itu bukan dari saya.",
    )
    .await
    .unwrap();
    assert!(
        surel(&store, "setjen@kemenkes.go.id")
            .iter()
            .any(|(t, _)| t == "sep_jawaban")
    );
    let k = svc.putuskan(&a, ketiga.id, "ditutup").await.unwrap();
    assert_eq!(k.status.kode(), "ditutup");
    assert_eq!(
        svc.pengguna(&a, admin_pengelola.id)
            .await
            .unwrap()
            .status
            .kode(),
        "aktif"
    );
    let surat = svc.surat_peringatan(&a, ketiga.id).await.unwrap();
    assert!(surat.tembusan[0].contains("Dr. Siti Rahayu"));
}

/// The desk's errors as a caller of this test sees them.
#[derive(Debug)]
enum GalatUji {
    Galat(Galat),
    /// Shown when a test fails.
    #[allow(dead_code)]
    Meja(String),
}

impl From<Galat> for GalatUji {
    fn from(g: Galat) -> Self {
        Self::Galat(g)
    }
}

impl From<pse_kernel::GalatMeja> for GalatUji {
    fn from(g: pse_kernel::GalatMeja) -> Self {
        Self::Meja(g.to_string())
    }
}

#[tokio::test]
async fn r_sep_02_requests_on_the_verification_desk_and_the_reminder_before_the_decision_is_due() {
    let (store, kemenkes, jam, svc) = dunia();
    store.tambah_admin("Verifikator LAIP", "verifikator@komdigi.go.id");
    let meja: MejaVerifikasi<GalatUji> = MejaVerifikasi::new(
        vec![Arc::new(svc.clone())],
        Arc::new(store.clone()),
        jam.clone(),
    );
    let a = admin();
    let srikandi = srikandi(&svc, &a).await;
    let id = svc
        .ajukan(
            &Actor::Publik,
            &srikandi.id.to_string(),
            &kemenkes.to_string(),
            &form(),
            pdf("kuasa.pdf"),
            pdf("kartu.pdf"),
        )
        .await
        .unwrap()
        .permohonan
        .id;
    let semua = SaringAntrian::default();
    let terlambat = SaringAntrian {
        terlambat: true,
        ..SaringAntrian::default()
    };
    let h = meja.antrian(&a, semua, &Paging::pertama(10)).await.unwrap();
    assert_eq!(h.total, 1);
    let i = &h.items[0];
    assert_eq!(
        (i.jenis, i.judul.as_str(), i.instansi.as_str()),
        (
            JenisAntrian::PermohonanSep,
            "Srikandi: Dr. Siti Rahayu",
            "Kementerian Kesehatan"
        )
    );
    assert_eq!(
        i.tenggat,
        jam.now() + Duration::days(1),
        "the check: one working day"
    );
    assert!(!i.terlambat);
    assert!(matches!(
        meja.antrian(&Actor::Publik, semua, &Paging::pertama(10))
            .await,
        Err(GalatUji::Galat(Galat::BelumMasuk))
    ));

    // Unchecked past its working day: overdue, and found by the filter.
    jam.advance(Duration::days(1) + Duration::minutes(1));
    let h = meja
        .antrian(&a, terlambat, &Paging::pertama(10))
        .await
        .unwrap();
    assert_eq!((h.total, h.items[0].terlambat), (1, true));
    // Approval before the file is complete is a wrong state; the desk keeps nothing.
    let setujui = Keputusan::Setujui { catatan: None };
    assert!(matches!(
        meja.putuskan(&a, JenisAntrian::PermohonanSep, &id.to_string(), &setujui)
            .await,
        Err(GalatUji::Galat(Galat::StatusTidakSesuai(_)))
    ));
    assert!(store.salinan().keputusan.is_empty());

    // Complete on Wednesday 09:01: due Tuesday 09:01, the admins reminded on Monday 09:01.
    let p = svc.lengkap(&a, id).await.unwrap();
    let ingat = p.ingat_pada.unwrap();
    assert_eq!(ingat, jam.now() + Duration::days(5));
    let h = meja
        .antrian(&a, terlambat, &Paging::pertama(10))
        .await
        .unwrap();
    assert_eq!(h.total, 0, "the decision's clock has just started");
    let r = svc
        .jalankan_jadwal_pada(ingat - Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(r.keputusan_diingatkan, 0);
    let r = svc.jalankan_jadwal_pada(ingat).await.unwrap();
    assert_eq!(r.keputusan_diingatkan, 1);
    let ke_admin = surel(&store, "verifikator@komdigi.go.id");
    assert_eq!(ke_admin.len(), 1);
    assert_eq!(ke_admin[0].0, "sep_pengingat_keputusan");
    assert_eq!(ke_admin[0].1["instansi"], "Kementerian Kesehatan");
    assert_eq!(ke_admin[0].1["id"], id.to_string());
    let r = svc
        .jalankan_jadwal_pada(ingat + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(r.keputusan_diingatkan, 0, "once");

    // Approved through the desk: the decision's time is kept, the queue is empty.
    let d = meja
        .putuskan(&a, JenisAntrian::PermohonanSep, &id.to_string(), &setujui)
        .await
        .unwrap();
    assert_eq!(d.status, "disetujui");
    let k = store.salinan().keputusan;
    assert_eq!(
        (k.len(), k[0].jenis, k[0].setuju),
        (1, JenisAntrian::PermohonanSep, true)
    );
    let h = meja.antrian(&a, semua, &Paging::pertama(10)).await.unwrap();
    assert_eq!(h.total, 0);
}
