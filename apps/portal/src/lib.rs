//! The portal: axum server (HTML pages + JSON API), sessions, configuration, wiring and the CLI's
//! operations. It holds no business rule: handlers parse input, call one service method and render.

pub mod app;
pub mod cadangan;
pub mod config;
pub mod keamanan;
pub mod kolam;
pub mod layan;
pub mod logo;
pub mod metrik;
pub mod referensi;
pub mod semai;
pub mod state;
pub mod trustmark;
pub mod web;

pub use app::{Portal, mulai};
pub use config::Konfigurasi;
