//! The state every handler reaches: the services on their adapters, the store, the export slots
//! and the settings. A leaf: it imports no web module, so the web layer and the wiring in `app`
//! depend on it and never on each other in a circle.

use crate::config::Konfigurasi;
use crate::kolam::Kolam;
use crate::web::galat::WebError;
use registrasi_pejabat::RegistrasiService;
use registrasi_pejabat::referensi::ReferensiRepo;
use std::sync::Arc;
use store_sea_orm::Store;

/// What every handler can reach.
pub struct Layanan {
    /// The admin's verification desk over the services below.
    pub meja: pse_kernel::MejaVerifikasi<WebError>,
    /// Registration use cases.
    pub registrasi: RegistrasiService,
    /// Electronic system use cases.
    pub sistem: sistem_elektronik::service::SistemService,
    /// Change request use cases.
    pub perubahan: perubahan_data::service::PerubahanService,
    /// Report use cases.
    pub laporan: laporan::service::LaporanService,
    /// A pemda's one-door intake (Permohonan Daerah).
    pub daerah: permohonan_daerah::service::PermohonanDaerahService,
    /// The government's office applications (Aplikasi Perkantoran).
    pub sep: aplikasi_perkantoran::service::SepService,
    /// Complaint use cases (Isu dan Keluhan).
    pub pengaduan: Arc<layanan::service::PengaduanService>,
    /// The satisfaction survey.
    pub survei: Arc<layanan::survei::SurveiService>,
    /// Reference data.
    pub referensi: Arc<dyn ReferensiRepo>,
    /// The store (readiness, sessions).
    pub store: Store,
    /// Slots for writing report files.
    pub ekspor: Kolam,
    /// Where people get help (every page's footer).
    pub kontak: Arc<layanan::standar::KontakLayanan>,
    /// The mark in the header.
    pub logo: Arc<crate::logo::Logo>,
    /// The working-day calendar with the loaded holidays.
    pub kalender: pse_kernel::KalenderKerja,
    /// Settings.
    pub konfigurasi: Konfigurasi,
    /// The session touches this instance made.
    pub sentuhan: crate::web::sesi::Sentuhan,
}

/// Shared state of the HTTP layer.
pub type AppState = Arc<Layanan>;
