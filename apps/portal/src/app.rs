//! Wiring: the store, the services on their adapters, the email dispatcher and the HTTP server.

use crate::config::Konfigurasi;
use crate::keamanan::{Argon2Hasher, TokenAcak};
use crate::kolam::Kolam;
pub use crate::state::{AppState, Layanan};
use crate::web;
use mail_smtp::{Dispatcher, Pengirim, Templat, TransportBerkas};
use pse_kernel::clock::SystemClock;
use pse_kernel::{Clock, InfraError, KalenderKerja};
use registrasi_pejabat::referensi::ReferensiRepo;
use registrasi_pejabat::service::PortRegistrasi;
use registrasi_pejabat::{Pengaturan, RegistrasiService};
use secrecy::ExposeSecret;
use std::net::SocketAddr;
use std::sync::Arc;
use store_sea_orm::Store;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Connects the store (running migrations), loads missing reference data and builds the services.
pub async fn siapkan(k: &Konfigurasi, clock: Arc<dyn Clock>) -> Result<AppState, InfraError> {
    if k.database_url.is_none() {
        std::fs::create_dir_all(&k.data_dir).map_err(InfraError::new)?;
    }
    let store = Store::connect_dengan(&k.url_basis_data(), clock.clone(), k.pool()).await?;
    crate::referensi::muat_bila_kosong(&store).await?;
    let libur = store.daftar_libur().await?;
    let kalender = KalenderKerja::new(libur.iter().map(|l| l.tanggal));
    let wilayah = Arc::new(pse_kernel::DaftarWilayah::baru(
        store.semua_wilayah().await?,
    ));
    let dokumen: Arc<dyn pse_kernel::DokumenStore> = Arc::new(k.penyimpanan_dokumen()?);
    let sistem = sistem_elektronik::service::SistemService::new(
        sistem_elektronik::service::PortSistem {
            repo: Arc::new(store.clone()),
            berkas: dokumen.clone(),
            clock: clock.clone(),
            token: Arc::new(TokenAcak),
        },
        kalender.clone(),
        sistem_elektronik::service::PengaturanSe {
            batas_dokumen: k.batas_dokumen_mib * 1024 * 1024,
            email_bssn: k.bssn_email.clone().filter(|e| !e.trim().is_empty()),
            batas: sistem_elektronik::model::BatasKategori::baru(
                k.skor_rendah_maks,
                k.skor_tinggi_maks,
            )
            .map_err(InfraError::new)?,
            wilayah,
            ..Default::default()
        },
    );
    let perubahan = perubahan_data::service::PerubahanService::new(
        perubahan_data::service::PortPerubahan {
            repo: Arc::new(store.clone()),
            sistem: Arc::new(store.clone()),
            clock: clock.clone(),
            token: Arc::new(TokenAcak),
        },
        kalender.clone(),
        sistem.pengaturan(),
    );
    let daerah = permohonan_daerah::service::PermohonanDaerahService::new(
        permohonan_daerah::service::PortDaerah {
            repo: Arc::new(store.clone()),
            dokumen: dokumen.clone(),
            clock: clock.clone(),
        },
        kalender.clone(),
        usize::try_from(k.batas_dokumen_mib * 1024 * 1024).unwrap_or(usize::MAX),
    );
    let sep = aplikasi_perkantoran::service::SepService::new(
        aplikasi_perkantoran::service::PortSep {
            repo: Arc::new(store.clone()),
            dokumen: dokumen.clone(),
            clock: clock.clone(),
            token: Arc::new(TokenAcak),
        },
        kalender.clone(),
        aplikasi_perkantoran::service::PengaturanSep {
            batas_dokumen: usize::try_from(k.batas_dokumen_mib * 1024 * 1024).unwrap_or(usize::MAX),
            masa_aktivasi_jam: 72,
            bantuan: k.kontak().telepon.clone(),
        },
    );
    let laporan = laporan::service::LaporanService::new(laporan::service::PortLaporan {
        repo: Arc::new(store.clone()),
        berkas: Arc::new(pse_xlsx::PabrikXlsx),
        clock: clock.clone(),
    });
    let port = PortRegistrasi {
        repo: Arc::new(store.clone()),
        audit: Arc::new(store.clone()),
        hasher: Arc::new(Argon2Hasher::new(k.hash_paralel)),
        token: Arc::new(TokenAcak),
        dokumen,
        clock: clock.clone(),
    };
    let pengaturan = Pengaturan {
        batas_dokumen: k.batas_dokumen_mib * 1024 * 1024,
        ..Pengaturan::default()
    };
    let registrasi = RegistrasiService::new(port, kalender.clone(), pengaturan);
    let pengaduan = Arc::new(layanan::service::PengaduanService::new(
        Arc::new(store.clone()),
        Arc::new(TokenAcak),
        clock.clone(),
    ));
    let survei = Arc::new(layanan::survei::SurveiService::new(
        Arc::new(store.clone()),
        Arc::new(pse_xlsx::PabrikXlsx),
        clock.clone(),
    ));
    let meja = pse_kernel::MejaVerifikasi::new(
        vec![
            Arc::new(registrasi.clone()),
            Arc::new(sistem.clone()),
            Arc::new(perubahan.clone()),
            Arc::new(sep.clone()),
        ],
        Arc::new(store.clone()),
        clock,
    );
    Ok(Arc::new(Layanan {
        meja,
        pengaduan,
        survei,
        registrasi,
        sistem,
        perubahan,
        laporan,
        daerah,
        sep,
        referensi: Arc::new(store.clone()),
        store,
        ekspor: Kolam::new(
            k.ekspor_paralel,
            std::time::Duration::from_millis(k.ekspor_tunggu_ms),
            "semua slot laporan sedang dipakai",
        ),
        kontak: Arc::new(k.kontak()),
        logo: Arc::new(match &k.logo {
            Some(p) => crate::logo::Logo::baca(p)?,
            None => crate::logo::Logo::bawaan(),
        }),
        kalender,
        konfigurasi: k.clone(),
        sentuhan: Default::default(),
    }))
}

/// The email transport the settings ask for.
pub fn pengirim(k: &Konfigurasi) -> Result<Arc<dyn Pengirim>, InfraError> {
    Ok(match &k.smtp_url {
        Some(url) => Arc::new(mail_smtp::dari_url(url.expose_secret(), &k.mail_from)?),
        None => Arc::new(TransportBerkas::new(
            k.data_dir.join("surel"),
            &k.mail_from,
        )?),
    })
}

/// A running portal.
pub struct Portal {
    /// The address it listens on.
    pub alamat: SocketAddr,
    /// Its state (for tests and operations).
    pub layanan: AppState,
    henti: watch::Sender<bool>,
    server: JoinHandle<()>,
    dispatcher: JoinHandle<()>,
    jadwal: JoinHandle<()>,
}

impl Portal {
    /// Stops serving and sending, and waits for both.
    pub async fn henti(self) {
        let _ = self.henti.send(true);
        let _ = self.server.await;
        let _ = self.dispatcher.await;
        let _ = self.jadwal.await;
    }

    /// Serves until the process is interrupted (SIGINT) or asked to stop (SIGTERM, as systemd and
    /// containers do), then stops gracefully.
    pub async fn tunggu_sinyal(self) {
        let henti = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = henti => {}
        }
        tracing::info!("berhenti");
        self.henti().await;
    }
}

/// Starts the portal on `k.bind` (port 0 picks a free one) with the email dispatcher.
pub async fn mulai(mut k: Konfigurasi) -> Result<Portal, InfraError> {
    let listener = tokio::net::TcpListener::bind(k.bind)
        .await
        .map_err(InfraError::new)?;
    let alamat = listener.local_addr().map_err(InfraError::new)?;
    // Links (emails, verification URLs) name the address actually bound.
    k.bind = alamat;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let layanan = siapkan(&k, clock.clone()).await?;
    let (henti, diam) = watch::channel(false);
    let base_url = k.base_url();

    let dispatcher = Dispatcher::new(
        Arc::new(layanan.store.clone()),
        pengirim(&k)?,
        Templat::new(&base_url, &k.kontak())?,
        clock,
    );
    let dispatcher = tokio::spawn(dispatcher.jalankan(
        std::time::Duration::from_millis(k.selang_outbox_ms),
        diam.clone(),
    ));

    let jadwal = tokio::spawn(jalankan_jadwal(layanan.clone(), diam.clone()));
    let app = web::router(layanan.clone());
    let server = tokio::spawn(crate::layan::layani(
        listener,
        app,
        std::time::Duration::from_secs(k.batas_tajuk_detik),
        std::time::Duration::from_secs(k.batas_tiris_detik),
        diam,
    ));
    tracing::info!(%alamat, "portal PSE Lingkup Publik siap");
    Ok(Portal {
        alamat,
        layanan,
        henti,
        server,
        dispatcher,
        jadwal,
    })
}

/// The scheduled jobs, once a minute until the portal stops: each run is claimed in the store,
/// so with several instances only one runs it (R-SEP-05: unanswered warnings, reminders).
async fn jalankan_jadwal(layanan: AppState, mut diam: watch::Receiver<bool>) {
    let mut detak = tokio::time::interval(std::time::Duration::from_secs(60));
    detak.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = detak.tick() => {}
            _ = diam.changed() => return,
        }
        if *diam.borrow() {
            return;
        }
        let sekarang = layanan.store.sekarang();
        match layanan.sep.jalankan_jadwal(sekarang).await {
            Ok(h) if h.dinonaktifkan + h.diingatkan > 0 => tracing::info!(
                dinonaktifkan = h.dinonaktifkan,
                diingatkan = h.diingatkan,
                "jadwal aplikasi perkantoran"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(galat = %e, "jadwal aplikasi perkantoran gagal"),
        }
    }
}
