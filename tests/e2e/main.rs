//! End-to-end tests: the real portal on a random port with a fresh database (SQLite, and PostgreSQL
//! when configured), a real SMTP server, and headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod acak_api;
mod akses;
mod aksesibilitas;
mod akun_admin;
mod aturan_pejabat;
mod browser;
mod browser_daerah;
mod browser_laporan;
mod browser_panduan;
mod browser_perubahan;
mod browser_sep;
mod browser_sistem;
mod cadangan;
mod daerah;
mod halaman;
mod instans;
mod isian;
mod kalender;
mod keamanan;
mod kontrak;
mod laporan;
mod latihan;
mod layanan;
mod meja;
mod pendaftaran;
mod perubahan;
mod sep;
mod sep_meja;
mod sistem;
mod skala;
mod struktur;
mod surel;
