//! `just bench-laporan`: writes 100,000 systems × 15 columns through the report writer (cells
//! computed from each system, constant-memory sheet) and, in a separate process, a bare
//! rust_xlsxwriter loop writing the same cells; prints each one's time and peak memory (VmHWM).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use laporan::model::{Kolom, SistemLaporan};
use pse_kernel::{PabrikTabel, Sel};
use pse_xlsx::PabrikXlsx;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::json;
use std::time::Instant;

const BARIS: usize = 100_000;

fn sistem() -> SistemLaporan {
    let s = sistem_elektronik::contoh::terdaftar(
        1771,
        &json!({"lokasi_hosting": "pusat_data_nasional", "nama": "Budi Santoso"}),
    )
    .unwrap();
    SistemLaporan::dari(
        &s,
        "Pemerintah Kota Tarakan".into(),
        Some("Bidang Aplikasi Informatika".into()),
        Some("Kalimantan Utara".into()),
    )
}

fn puncak_memori_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn laporan() -> usize {
    let x = sistem();
    let mut w = PabrikXlsx.tabel("Bench").unwrap();
    w.judul(&Kolom::SEMUA.map(Kolom::kepala)).unwrap();
    for _ in 0..BARIS {
        let sel: Vec<Sel> = Kolom::SEMUA.iter().map(|k| k.sel(&x)).collect();
        w.baris(&sel).unwrap();
    }
    w.selesai().unwrap().panjang as usize
}

fn polos() -> usize {
    let x = sistem();
    let sel: Vec<Sel> = Kolom::SEMUA.iter().map(|k| k.sel(&x)).collect();
    let mut buku = Workbook::new();
    buku.set_zip_compression_level(3);
    let lembar = buku.add_worksheet_with_constant_memory().unwrap();
    let tanggal = Format::new().set_num_format("dd/mm/yyyy");
    for (c, k) in Kolom::SEMUA.iter().enumerate() {
        lembar.write_string(0, c as u16, k.judul()).unwrap();
    }
    for r in 1..=BARIS as u32 {
        for (c, s) in sel.iter().enumerate() {
            let c = c as u16;
            match s {
                Sel::Teks(t) => {
                    lembar.write_string(r, c, t).unwrap();
                }
                Sel::Angka(n) | Sel::Persen(n) => {
                    lembar.write_number(r, c, *n).unwrap();
                }
                Sel::Tanggal(_) => {
                    lembar
                        .write_date_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(2026, 11, 23).unwrap(),
                            &tanggal,
                        )
                        .unwrap();
                }
                Sel::Kosong => {}
            }
        }
    }
    buku.save_to_buffer().unwrap().len()
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    if mode == "laporan" || mode == "polos" {
        let mulai = Instant::now();
        let ukuran = if mode == "laporan" {
            laporan()
        } else {
            polos()
        };
        println!(
            "{mode:<8} {BARIS} baris × 15 kolom: {:>7.2} s, puncak memori {:>7.1} MiB, berkas {:.1} MiB",
            mulai.elapsed().as_secs_f64(),
            puncak_memori_mib(),
            ukuran as f64 / (1024.0 * 1024.0)
        );
        return;
    }
    // Each measurement in its own process, so the peaks do not mix.
    let diri = std::env::current_exe().unwrap();
    for m in ["laporan", "polos"] {
        let s = std::process::Command::new(&diri).arg(m).status().unwrap();
        assert!(s.success());
    }
}
