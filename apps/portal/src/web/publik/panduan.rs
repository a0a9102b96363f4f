//! `/panduan` (R-LAY-05): a guide per role, each with screenshots of this portal. The screenshots
//! are taken in headless Chromium by the browser test `browser_panduan` on real data
//! (`scripts/panduan-gambar.sh` takes them again and writes them here) and embedded in the binary.

use crate::web::halaman::Nav;
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One screenshot of the guide.
pub struct Gambar {
    /// File name under `/aset/panduan/`.
    pub berkas: &'static str,
    /// The guide's section it illustrates (`pejabat`, `sub-pejabat`, `petugas-daerah`,
    /// `aplikasi-perkantoran`, `admin`, `masyarakat`).
    pub bagian: &'static str,
    /// The caption.
    pub judul: &'static str,
    /// What the screen shows, for those who cannot see it.
    pub alt: &'static str,
    isi: &'static [u8],
}

macro_rules! gambar {
    ($berkas:literal, $bagian:literal, $judul:literal, $alt:literal) => {
        Gambar {
            berkas: $berkas,
            bagian: $bagian,
            judul: $judul,
            alt: $alt,
            isi: include_bytes!(concat!("../../../aset/panduan/", $berkas)),
        }
    };
}

/// Every screenshot, in the guide's order.
pub const GAMBAR: &[Gambar] = &[
    gambar!(
        "pendaftaran.png",
        "pejabat",
        "Formulir pendaftaran Pejabat Pendaftar",
        "Formulir dengan isian email dinas, status pendaftar, identitas, instansi dan unggahan PDF surat."
    ),
    gambar!(
        "struktur.png",
        "pejabat",
        "Struktur Organisasi instansi",
        "Daftar unit kerja instansi dengan induk dan kepala unitnya, serta formulir menambah unit."
    ),
    gambar!(
        "sistem-tugas.png",
        "pejabat",
        "Daftar tugas pendaftaran sistem elektronik",
        "Halaman sistem elektronik dengan bilah progres dan sepuluh bagian yang harus dilengkapi."
    ),
    gambar!(
        "penilaian.png",
        "pejabat",
        "Penilaian mandiri kategori sistem elektronik",
        "Sepuluh pertanyaan penilaian kategori, masing-masing dengan pilihan jawaban A, B atau C."
    ),
    gambar!(
        "terdaftar.png",
        "pejabat",
        "Sistem elektronik terdaftar dengan Tanda Daftar",
        "Halaman sistem elektronik berstatus terdaftar dengan nomor Tanda Daftar dan trustmark-nya."
    ),
    gambar!(
        "sub-pejabat.png",
        "sub-pejabat",
        "Sistem elektronik unit kerja Sub Pejabat",
        "Daftar sistem elektronik milik unit kerja Sub Pejabat beserta status dan progresnya."
    ),
    gambar!(
        "daerah-pengajuan.png",
        "sub-pejabat",
        "Permohonan daerah dari perangkat daerah",
        "Formulir permohonan kepada Kepala Dinas dengan nama sistem, nomor dan tanggal surat rekomendasi, serta dua berkas PDF."
    ),
    gambar!(
        "daerah-kotak-masuk.png",
        "petugas-daerah",
        "Kotak masuk Kepala Dinas",
        "Daftar permohonan yang menunggu disposisi, dengan menit kerja yang sudah berjalan terhadap standar 60 menit."
    ),
    gambar!(
        "daerah-pemeriksaan.png",
        "petugas-daerah",
        "Pemeriksaan oleh Tim Teknis",
        "Halaman permohonan dengan langkah dan waktunya, tombol mencatat sistem elektronik, dan formulir pengembalian kepada pemohon."
    ),
    gambar!(
        "sep-katalog.png",
        "aplikasi-perkantoran",
        "Katalog aplikasi perkantoran dan formulir permohonan",
        "Daftar aplikasi perkantoran yang ditetapkan Menteri dan formulir permohonan Sekretaris dengan data Admin Pengelola serta unggahan Surat Kuasa dan bukti kepegawaian."
    ),
    gambar!(
        "sep-pengguna.png",
        "aplikasi-perkantoran",
        "Pengguna aplikasi perkantoran instansi",
        "Daftar pengguna aplikasi perkantoran instansi dengan statusnya dan formulir menambah pengguna."
    ),
    gambar!(
        "admin-antrian.png",
        "admin",
        "Antrean verifikasi Direktorat LAIP",
        "Antrean semua permohonan yang menunggu keputusan, terlama di atas, dengan saringan jenis dan keterlambatan."
    ),
    gambar!(
        "admin-kinerja.png",
        "admin",
        "Kinerja layanan",
        "Jumlah yang menunggu dan terlambat per jenis layanan, median waktu keputusan, pengaduan terbuka dan indeks kepuasan."
    ),
    gambar!(
        "pengaduan.png",
        "masyarakat",
        "Formulir Isu dan Keluhan",
        "Formulir pengaduan dengan nama, email, kategori, uraian dan rujukan."
    ),
];

/// The guide for each role, with screenshots and questions people ask.
#[derive(Template, WebTemplate)]
#[template(path = "panduan.html")]
pub struct HalamanPanduan {
    nav: Nav,
    gambar: &'static [Gambar],
}

impl HalamanPanduan {
    /// The screenshots of one section.
    fn gambar_bagian(&self, bagian: &str) -> Vec<&'static Gambar> {
        self.gambar.iter().filter(|g| g.bagian == bagian).collect()
    }
}

/// `GET /panduan`.
pub async fn panduan(a: Aktor) -> HalamanPanduan {
    HalamanPanduan {
        nav: Nav::dari(&a),
        gambar: GAMBAR,
    }
}

/// `GET /aset/panduan/{berkas}`: one of the guide's screenshots.
pub async fn gambar(Path(berkas): Path<String>) -> Response {
    match GAMBAR.iter().find(|g| g.berkas == berkas) {
        Some(g) => ([(header::CONTENT_TYPE, "image/png")], g.isi).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
