//! The intake's use cases on the in-memory store (R-DAE-01..05): the chain from the OPD to the
//! Surat Balasan, the emails each step sends, the Data Awal a registration makes.

#![allow(clippy::unwrap_used)]

use chrono::{Duration, TimeZone, Utc};
use permohonan_daerah::model::FormPermohonan;
use permohonan_daerah::service::{GalatDaerah, PermohonanDaerahService, PortDaerah, Unggahan};
use permohonan_daerah::{Petugas, StatusPermohonanDaerah, Tugas};
use pse_kernel::clock::FixedClock;
use pse_kernel::{Actor, AkunId, Galat, InstansiId, KalenderKerja, Paging, Peran, UnitId};
use sistem_elektronik::model::{IsianDataAwal, StatusSistem};
use std::sync::Arc;
use store_memori::{InstansiMemori, StoreMemori};

struct Dunia {
    svc: PermohonanDaerahService,
    store: StoreMemori,
    jam: Arc<FixedClock>,
    pemohon: Actor,
    unit: UnitId,
    kadis: Actor,
    kabid: Petugas,
    teknis: Petugas,
    /// A Kepala Bidang of another province.
    kabid_luar: Actor,
    /// A ministry's Sub Pejabat.
    sub_kementerian: Actor,
}

fn pengguna(akun: AkunId, peran: Peran, instansi: InstansiId, unit: Option<UnitId>) -> Actor {
    Actor::Pengguna {
        akun_id: akun,
        peran,
        instansi_id: Some(instansi),
        unit_id: unit,
    }
}

fn petugas(store: &StoreMemori, instansi: InstansiId, tugas: Tugas, nama: &str) -> Petugas {
    let p = Petugas {
        akun_id: AkunId::new(),
        instansi_id: instansi,
        tugas,
        nama: nama.into(),
        email: format!(
            "{}@kaltaraprov.go.id",
            nama.to_lowercase().replace(' ', ".")
        ),
    };
    store.tambah_petugas(p.clone());
    p
}

fn sebagai(p: &Petugas) -> Actor {
    // A petugas logs in like any account; the service finds its task.
    pengguna(p.akun_id, Peran::SubPejabat, p.instansi_id, None)
}

fn dunia() -> Dunia {
    let store = StoreMemori::new();
    let (kaltara, kaltim, kementerian) = (InstansiId::new(), InstansiId::new(), InstansiId::new());
    let unit = UnitId::new();
    store.tambah_instansi(
        kaltara,
        InstansiMemori::baru(
            "Pemerintah Provinsi Kalimantan Utara",
            Some(("65", "Kalimantan Utara")),
        )
        .pemda(&[(unit, "Badan Kepegawaian Daerah")]),
    );
    store.tambah_instansi(
        kaltim,
        InstansiMemori::baru(
            "Pemerintah Provinsi Kalimantan Timur",
            Some(("64", "Kalimantan Timur")),
        )
        .pemda(&[]),
    );
    store.tambah_instansi(
        kementerian,
        InstansiMemori::baru("Kementerian Kesehatan", Some(("31", "DKI Jakarta"))),
    );
    let budi = AkunId::new();
    store.tambah_akun(budi, "budi@bkd.kaltaraprov.go.id", "Budi Santoso");
    let kadis = petugas(&store, kaltara, Tugas::KepalaDinas, "Ilham Zain");
    let kabid = petugas(&store, kaltara, Tugas::KepalaBidang, "Rahmawati");
    let teknis = petugas(&store, kaltara, Tugas::TimTeknis, "Andi Pratama");
    let luar = petugas(&store, kaltim, Tugas::KepalaBidang, "Yusuf");
    // Friday 4 December 2026, 16:20 WITA.
    let jam = Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 12, 4, 8, 20, 0)
            .single()
            .unwrap(),
    ));
    let svc = PermohonanDaerahService::new(
        PortDaerah {
            repo: Arc::new(store.clone()),
            dokumen: Arc::new(store.clone()),
            clock: jam.clone(),
        },
        KalenderKerja::new([]),
        1024 * 1024,
    );
    Dunia {
        svc,
        pemohon: pengguna(budi, Peran::SubPejabat, kaltara, Some(unit)),
        unit,
        kadis: sebagai(&kadis),
        kabid,
        teknis,
        kabid_luar: sebagai(&luar),
        sub_kementerian: pengguna(
            AkunId::new(),
            Peran::SubPejabat,
            kementerian,
            Some(UnitId::new()),
        ),
        store,
        jam,
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

fn pdf(nama: &str) -> Option<Unggahan> {
    Some(Unggahan {
        nama_berkas: nama.into(),
        isi: pse_kernel::pdf::contoh(""),
    })
}

fn data_awal() -> IsianDataAwal {
    IsianDataAwal {
        nama_internal: "Sistem Informasi Kepegawaian".into(),
        nama_eksternal: "SIMPEG Kaltara".into(),
        keterangan: "Kepegawaian ASN provinsi.".into(),
        sasaran_pelayanan: "regional".into(),
        kategori: "rendah".into(),
        kategori_akses: "online".into(),
        url: "https://simpeg.kaltaraprov.go.id".into(),
        publikasi_spbe: false,
        unit_id: None,
    }
}

/// The emails sent to `kepada` so far, by template.
fn surel(store: &StoreMemori, kepada: &str) -> Vec<(String, serde_json::Value)> {
    store
        .salinan()
        .surel
        .into_iter()
        .filter(|s| s.kepada == kepada)
        .map(|s| (s.template, s.data))
        .collect()
}

#[tokio::test]
async fn r_dae_01_to_05_from_the_opd_to_the_surat_balasan_on_one_request() {
    let w = dunia();
    // R-DAE-01: a missing or non-PDF file is named and nothing is kept; a ministry cannot.
    let tanpa = w.svc.ajukan(&w.pemohon, &form(), pdf("r.pdf"), None).await;
    assert!(
        matches!(tanpa, Err(GalatDaerah::Galat(Galat::Validasi(g))) if g[0].field == "laporan_tahapan")
    );
    let bukan_pdf = Some(Unggahan {
        nama_berkas: "laporan.docx".into(),
        isi: b"PK\x03\x04 bukan pdf".to_vec(),
    });
    let r = w
        .svc
        .ajukan(&w.pemohon, &form(), pdf("r.pdf"), bukan_pdf)
        .await;
    assert!(
        matches!(
            r,
            Err(GalatDaerah::Berkas {
                field: "laporan_tahapan",
                sebab: Galat::PdfDitolak(_)
            })
        ),
        "{r:?}"
    );
    let r = w
        .svc
        .ajukan(&w.sub_kementerian, &form(), pdf("r.pdf"), pdf("l.pdf"))
        .await;
    assert!(
        matches!(r, Err(GalatDaerah::Galat(Galat::StatusTidakSesuai(_)))),
        "{r:?}"
    );
    assert!(
        w.store.salinan().permohonan_daerah.is_empty(),
        "nothing stored"
    );

    let p = w
        .svc
        .ajukan(
            &w.pemohon,
            &form(),
            pdf("rekomendasi.pdf"),
            pdf("laporan.pdf"),
        )
        .await
        .unwrap();
    let id = p.id;
    assert_eq!(p.status, StatusPermohonanDaerah::Diajukan);
    let ke_kadis = surel(&w.store, "ilham.zain@kaltaraprov.go.id");
    assert_eq!(ke_kadis[0].0, "permohonan_daerah_menunggu");
    assert_eq!(ke_kadis[0].1["unit"], "Badan Kepegawaian Daerah");
    assert_eq!(ke_kadis[0].1["langkah"], "Disposisi Kepala Dinas");

    // R-DAE-05: due Monday 08:50 WITA; the inbox shows it to the Kepala Dinas only.
    let wk = w.svc.waktu_kerja(p.instansi_id).await.unwrap();
    assert_eq!(
        p.langkah[0].tenggat(&wk),
        Utc.with_ymd_and_hms(2026, 12, 7, 0, 50, 0)
            .single()
            .unwrap()
    );
    let kotak = w.svc.daftar(&w.kadis, &Paging::pertama(20)).await.unwrap();
    assert_eq!(kotak.items.len(), 1);
    let kotak = w
        .svc
        .daftar(&sebagai(&w.kabid), &Paging::pertama(20))
        .await
        .unwrap();
    assert!(kotak.items.is_empty(), "not yet the Kepala Bidang's");

    // R-DAE-02: out of turn, another pemda, then the two dispositions.
    w.jam.advance(Duration::days(3) + Duration::minutes(30));
    let r = w
        .svc
        .disposisi(&sebagai(&w.kabid), id, Some(w.teknis.akun_id), "Periksa.")
        .await;
    assert!(matches!(r, Err(Galat::Dilarang)), "{r:?}");
    let r = w
        .svc
        .disposisi(&w.kabid_luar, id, Some(w.teknis.akun_id), "Periksa.")
        .await;
    assert!(matches!(r, Err(Galat::TidakDitemukan)), "{r:?}");
    w.svc
        .disposisi(&w.kadis, id, Some(w.kabid.akun_id), "Mohon diproses.")
        .await
        .unwrap();
    w.svc
        .disposisi(
            &sebagai(&w.kabid),
            id,
            Some(w.teknis.akun_id),
            "Periksa dan catat.",
        )
        .await
        .unwrap();
    assert_eq!(
        surel(&w.store, "andi.pratama@kaltaraprov.go.id")[0].1["langkah"],
        "Pemeriksaan dan pencatatan"
    );

    // R-DAE-03: returned with what is missing, by email; completed; registered.
    w.svc
        .kembalikan(
            &sebagai(&w.teknis),
            id,
            "Laporan pengujian kelaikan belum ada.",
        )
        .await
        .unwrap();
    let ke_pemohon = surel(&w.store, "budi@bkd.kaltaraprov.go.id");
    assert_eq!(ke_pemohon[0].0, "permohonan_daerah_dikembalikan");
    assert_eq!(
        ke_pemohon[0].1["kekurangan"],
        "Laporan pengujian kelaikan belum ada."
    );
    let r = w.svc.lengkapi(&w.kadis, id, None, None, "Sudah.").await;
    assert!(
        matches!(r, Err(GalatDaerah::Galat(Galat::Dilarang))),
        "{r:?}"
    );
    let p = w
        .svc
        .lengkapi(
            &w.pemohon,
            id,
            None,
            pdf("laporan-lengkap.pdf"),
            "Terlampir.",
        )
        .await
        .unwrap();
    assert_eq!(
        (p.id, p.status),
        (id, StatusPermohonanDaerah::DidisposisiTimTeknis)
    );
    assert_eq!(
        surel(&w.store, "andi.pratama@kaltaraprov.go.id").len(),
        2,
        "back to the same member"
    );
    let (p, s) = w
        .svc
        .catat(&sebagai(&w.teknis), id, &data_awal())
        .await
        .unwrap();
    assert_eq!(p.sistem_elektronik_id, Some(s.id));
    let tersimpan = w.store.salinan().sistem[&s.id].clone();
    assert_eq!(
        tersimpan.status,
        StatusSistem::DataAwalDiajukan,
        "it waits for the ministry"
    );
    assert_eq!(tersimpan.unit_id, Some(w.unit));
    assert_eq!(
        tersimpan.pendaftar,
        w.pemohon.akun_id().unwrap(),
        "the OPD fills its form"
    );

    // R-DAE-04: the Surat Balasan to the applicant and the Kepala Dinas.
    let p = w
        .svc
        .selesaikan(
            &sebagai(&w.teknis),
            id,
            "Data Awal tercatat, menunggu verifikasi.",
        )
        .await
        .unwrap();
    assert_eq!(p.status, StatusPermohonanDaerah::Selesai);
    for kepada in ["budi@bkd.kaltaraprov.go.id", "ilham.zain@kaltaraprov.go.id"] {
        assert!(
            surel(&w.store, kepada)
                .iter()
                .any(|(t, _)| t == "permohonan_daerah_selesai"),
            "{kepada}"
        );
    }
    let balasan = w.svc.surat_balasan(&w.pemohon, id).await.unwrap();
    assert_eq!(balasan.kepada, "Budi Santoso, Badan Kepegawaian Daerah");
    assert_eq!(balasan.langkah.len(), 5);
    let lembar = w.svc.lembar_disposisi(&w.kadis, id).await.unwrap();
    assert_eq!(lembar.disposisi.len(), 2);
    let audit: Vec<String> = w
        .store
        .salinan()
        .audit
        .iter()
        .map(|a| a.aksi.clone())
        .collect();
    assert_eq!(
        audit,
        [
            "ajukan",
            "disposisi",
            "disposisi",
            "kembalikan",
            "lengkapi",
            "catat",
            "selesaikan"
        ]
    );
    assert!(matches!(
        w.svc.lihat(&w.kabid_luar, id).await,
        Err(Galat::TidakDitemukan)
    ));
}
