//! The spreadsheet adapter (R-LAP-03): [`pse_kernel::PabrikTabel`] and [`laporan::ports::PabrikBerkas`] on rust_xlsxwriter.
//!
//! A report is one sheet in constant-memory mode (each row goes to a temporary file as soon as the
//! next begins): a bold, frozen header row with an autofilter, column widths from the catalogue,
//! dates as real dates, progress as a percentage, numbers as numbers. The recap is two small
//! sheets and a column chart of registered systems per province.

use laporan::model::{BarisRekap, RekapNasional};
use laporan::ports::PabrikBerkas;
use pse_kernel::{InfraError, IsiBerkas, KepalaKolom, PabrikTabel, PenulisTabel, Sel};
use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use sistem_elektronik::model::StatusSistem;
use std::io::{Seek as _, SeekFrom};

fn infra(e: XlsxError) -> InfraError {
    InfraError::new(format!("xlsx: {e}"))
}

fn infra_io(e: std::io::Error) -> InfraError {
    InfraError::new(format!("xlsx: berkas sementara: {e}"))
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn nama_lembar(nama: &str) -> String {
    let bersih: String = nama
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(31)
        .collect();
    let bersih = bersih.trim();
    if bersih.is_empty() {
        "Laporan".into()
    } else {
        bersih.into()
    }
}

/// Makes the portal's spreadsheets.
#[derive(Debug, Clone, Copy, Default)]
pub struct PabrikXlsx;

impl PabrikTabel for PabrikXlsx {
    fn tabel(&self, nama: &str) -> Result<Box<dyn PenulisTabel>, InfraError> {
        let mut buku = Workbook::new();
        // Zipping a 100,000-row sheet at the default level takes as long as writing it; level 3
        // halves that for a file about a tenth larger.
        buku.set_zip_compression_level(3);
        buku.add_worksheet_with_constant_memory()
            .map_err(infra)?
            .set_name(nama_lembar(nama))
            .map_err(infra)?;
        Ok(Box::new(PenulisLatar::mulai(PenulisXlsx {
            buku,
            kolom: Vec::new(),
            terpanjang: Vec::new(),
            baris: 0,
            tebal: Format::new().set_bold().set_background_color("#D9E2F3"),
            persen: Format::new().set_num_format("0%"),
            tanggal: Format::new().set_num_format("dd/mm/yyyy"),
            angka: Format::new().set_num_format("0"),
        })))
    }
}

impl PabrikBerkas for PabrikXlsx {
    fn rekap(&self, r: &RekapNasional) -> Result<Vec<u8>, InfraError> {
        let mut buku = Workbook::new();
        let tebal = Format::new().set_bold().set_background_color("#D9E2F3");
        let n = r.per_provinsi.len();
        {
            let lembar = buku
                .add_worksheet()
                .set_name("Per Provinsi")
                .map_err(infra)?;
            tabel_rekap(lembar, "Provinsi", &r.per_provinsi, &tebal).map_err(infra)?;
        }
        {
            let lembar = buku
                .add_worksheet()
                .set_name("Per Instansi")
                .map_err(infra)?;
            tabel_rekap(lembar, "Instansi", &r.per_instansi, &tebal).map_err(infra)?;
        }
        if n > 0 {
            let kolom_terdaftar = 1 + StatusSistem::SEMUA.len() as u16 + 3 + 1;
            let mut grafik = Chart::new(ChartType::Column);
            grafik
                .title()
                .set_name("Sistem elektronik terdaftar per provinsi");
            grafik
                .add_series()
                .set_name("Terdaftar")
                .set_categories(("Per Provinsi", 1, 0, n as u32, 0))
                .set_values((
                    "Per Provinsi",
                    1,
                    kolom_terdaftar,
                    n as u32,
                    kolom_terdaftar,
                ));
            grafik.x_axis().set_name("Provinsi");
            grafik.y_axis().set_name("Jumlah sistem");
            let lembar = buku.add_worksheet().set_name("Grafik").map_err(infra)?;
            lembar.insert_chart(1, 1, &grafik).map_err(infra)?;
        }
        buku.save_to_buffer().map_err(infra)
    }
}

/// One recap table: name, per status, per category, total, registered.
fn tabel_rekap(
    lembar: &mut Worksheet,
    judul: &str,
    baris: &[BarisRekap],
    tebal: &Format,
) -> Result<(), XlsxError> {
    let mut kepala: Vec<&str> = vec![judul];
    kepala.extend(StatusSistem::SEMUA.map(StatusSistem::label));
    kepala.extend([
        "Rendah",
        "Tinggi",
        "Strategis",
        "Jumlah",
        "Memiliki Tanda Daftar",
    ]);
    for (c, k) in kepala.iter().enumerate() {
        lembar.write_string_with_format(0, c as u16, *k, tebal)?;
    }
    lembar.set_column_width(0, 40)?;
    for (i, b) in baris.iter().enumerate() {
        let r = i as u32 + 1;
        lembar.write_string(r, 0, &b.nama)?;
        let angka = b
            .per_status
            .iter()
            .chain(&b.per_kategori)
            .copied()
            .chain([b.jumlah, b.terdaftar()]);
        for (c, n) in angka.enumerate() {
            lembar.write_number(r, c as u16 + 1, n as f64)?;
        }
    }
    lembar.set_freeze_panes(1, 1)?;
    lembar.autofilter(0, 0, baris.len() as u32, kepala.len() as u16 - 1)?;
    Ok(())
}

/// Rows waiting for the writer thread at most: reading the next systems goes on while the sheet
/// is written, and memory stays bounded.
const ANTREAN_BARIS: usize = 512;

enum Perintah {
    Judul(Vec<KepalaKolom>),
    Baris(Vec<Sel>),
}

/// A [`PenulisXlsx`] on its own thread, fed through a bounded channel, so building cells and
/// compressing the sheet use a second core while the caller reads the next rows.
struct PenulisLatar {
    kirim: Option<std::sync::mpsc::SyncSender<Perintah>>,
    benang: Option<std::thread::JoinHandle<Result<IsiBerkas, InfraError>>>,
}

impl PenulisLatar {
    fn mulai(mut penulis: PenulisXlsx) -> Self {
        let (kirim, terima) = std::sync::mpsc::sync_channel(ANTREAN_BARIS);
        let benang = std::thread::spawn(move || {
            for p in terima {
                match p {
                    Perintah::Judul(k) => penulis.judul(&k)?,
                    Perintah::Baris(b) => penulis.baris(&b)?,
                }
            }
            Box::new(penulis).selesai()
        });
        Self {
            kirim: Some(kirim),
            benang: Some(benang),
        }
    }

    fn kirim(&mut self, p: Perintah) -> Result<(), InfraError> {
        let terkirim = self.kirim.as_ref().is_some_and(|k| k.send(p).is_ok());
        if terkirim {
            Ok(())
        } else {
            // The thread stopped on an error: that error is the answer.
            self.tunggu()
                .and(Err(InfraError::new("xlsx: penulis berhenti")))
        }
    }

    fn tunggu(&mut self) -> Result<IsiBerkas, InfraError> {
        self.kirim = None;
        match self.benang.take() {
            Some(b) => b
                .join()
                .map_err(|_| InfraError::new("xlsx: penulis berhenti mendadak"))?,
            None => Err(InfraError::new("xlsx: penulis sudah selesai")),
        }
    }
}

impl PenulisTabel for PenulisLatar {
    fn judul(&mut self, kolom: &[KepalaKolom]) -> Result<(), InfraError> {
        self.kirim(Perintah::Judul(kolom.to_vec()))
    }

    fn baris(&mut self, sel: &[Sel]) -> Result<(), InfraError> {
        self.kirim(Perintah::Baris(sel.to_vec()))
    }

    fn selesai(mut self: Box<Self>) -> Result<IsiBerkas, InfraError> {
        self.tunggu()
    }
}

/// The widest a column grows to fit its content, in characters.
pub const LEBAR_MAKS: f64 = 80.0;

/// A column's width: the catalogue's, grown to its longest text (header or cell) plus a little
/// room, at most [`LEBAR_MAKS`].
pub fn lebar_kolom(dasar: f64, terpanjang: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let isi = terpanjang as f64 + 2.0;
    isi.max(dasar).min(LEBAR_MAKS.max(dasar))
}

/// One report sheet, written row by row.
struct PenulisXlsx {
    buku: Workbook,
    kolom: Vec<KepalaKolom>,
    /// The longest text of each column so far, in characters.
    terpanjang: Vec<usize>,
    /// Rows written, the header included.
    baris: u32,
    tebal: Format,
    persen: Format,
    tanggal: Format,
    angka: Format,
}

impl PenulisXlsx {
    fn lembar(&mut self) -> Result<&mut Worksheet, InfraError> {
        self.buku.worksheet_from_index(0).map_err(infra)
    }
}

impl PenulisTabel for PenulisXlsx {
    fn judul(&mut self, kolom: &[KepalaKolom]) -> Result<(), InfraError> {
        self.kolom = kolom.to_vec();
        self.terpanjang = kolom.iter().map(|k| k.judul.chars().count()).collect();
        let tebal = self.tebal.clone();
        let lembar = self.lembar()?;
        for (c, k) in kolom.iter().enumerate() {
            let c = c as u16;
            lembar.set_column_width(c, k.lebar).map_err(infra)?;
            lembar
                .write_string_with_format(0, c, &k.judul, &tebal)
                .map_err(infra)?;
        }
        lembar.set_freeze_panes(1, 0).map_err(infra)?;
        self.baris = 1;
        Ok(())
    }

    fn baris(&mut self, sel: &[Sel]) -> Result<(), InfraError> {
        let r = self.baris;
        let (persen, tanggal, angka) = (
            self.persen.clone(),
            self.tanggal.clone(),
            self.angka.clone(),
        );
        for (n, s) in self.terpanjang.iter_mut().zip(sel) {
            if let Sel::Teks(t) = s {
                *n = (*n).max(t.chars().count());
            }
        }
        let lembar = self.lembar()?;
        for (c, s) in sel.iter().enumerate() {
            let c = c as u16;
            match s {
                Sel::Teks(t) => lembar.write_string(r, c, t).map(|_| ()),
                Sel::Angka(n) => lembar
                    .write_number_with_format(r, c, *n, &angka)
                    .map(|_| ()),
                Sel::Persen(p) => lembar
                    .write_number_with_format(r, c, *p, &persen)
                    .map(|_| ()),
                Sel::Tanggal(d) => {
                    let t = ExcelDateTime::from_ymd(
                        u16::try_from(chrono::Datelike::year(d)).unwrap_or(1900),
                        chrono::Datelike::month(d) as u8,
                        chrono::Datelike::day(d) as u8,
                    )
                    .map_err(infra)?;
                    lembar
                        .write_date_with_format(r, c, &t, &tanggal)
                        .map(|_| ())
                }
                Sel::Kosong => Ok(()),
            }
            .map_err(infra)?;
        }
        self.baris += 1;
        Ok(())
    }

    /// Zips the workbook into an unnamed temporary file (gone once the reader is dropped), so a
    /// large report is sent from disk rather than held in memory.
    fn selesai(mut self: Box<Self>) -> Result<IsiBerkas, InfraError> {
        let (akhir_baris, akhir_kolom) = (
            self.baris.saturating_sub(1),
            self.kolom.len().saturating_sub(1) as u16,
        );
        if !self.kolom.is_empty() {
            let lebar: Vec<f64> = self
                .kolom
                .iter()
                .zip(&self.terpanjang)
                .map(|(k, n)| lebar_kolom(k.lebar, *n))
                .collect();
            let lembar = self.lembar()?;
            for (c, l) in lebar.into_iter().enumerate() {
                lembar.set_column_width(c as u16, l).map_err(infra)?;
            }
            lembar
                .autofilter(0, 0, akhir_baris, akhir_kolom)
                .map_err(infra)?;
        }
        let mut berkas = tempfile::tempfile().map_err(infra_io)?;
        self.buku.save_to_writer(&mut berkas).map_err(infra)?;
        let panjang = berkas.seek(SeekFrom::End(0)).map_err(infra_io)?;
        berkas.rewind().map_err(infra_io)?;
        Ok(IsiBerkas {
            panjang,
            isi: Box::new(berkas),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use chrono::NaiveDate;
    use laporan::model::Kolom;

    #[test]
    fn r_lap_03_a_column_grows_to_its_longest_text_within_a_cap() {
        assert_eq!(
            lebar_kolom(40.0, 10),
            40.0,
            "the catalogue's width at least"
        );
        assert_eq!(lebar_kolom(16.0, 58), 60.0, "the longest text and two more");
        assert_eq!(lebar_kolom(40.0, 500), LEBAR_MAKS, "capped");
    }

    #[test]
    fn r_lap_03_a_report_is_an_xlsx_with_typed_cells() {
        let kolom = [
            Kolom::NamaEksternal,
            Kolom::Progres,
            Kolom::NomorTandaDaftar,
            Kolom::TanggalTerdaftar,
        ];
        let mut w = PabrikXlsx.tabel("Rekap: SE [2026]").unwrap();
        w.judul(&kolom.map(Kolom::kepala)).unwrap();
        let tanggal = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        w.baris(&[
            Sel::Teks("SIPADU".into()),
            Sel::Persen(0.7),
            Sel::Angka(1771.0),
            Sel::Tanggal(tanggal),
        ])
        .unwrap();
        w.baris(&[
            Sel::Teks("ARSIP".into()),
            Sel::Persen(0.0),
            Sel::Kosong,
            Sel::Kosong,
        ])
        .unwrap();
        let berkas = w.selesai().unwrap();
        let panjang = berkas.panjang;
        let isi = berkas.baca_semua().unwrap();
        assert_eq!(isi.len() as u64, panjang);
        let mut buku: Xlsx<_> = Xlsx::new(std::io::Cursor::new(isi)).unwrap();
        assert_eq!(buku.sheet_names(), vec!["Rekap SE 2026".to_string()]);
        let r = buku.worksheet_range("Rekap SE 2026").unwrap();
        let kepala: Vec<String> = r
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            kepala,
            [
                "Nama Sistem Elektronik",
                "Progres Pendaftaran",
                "Nomor Tanda Daftar",
                "Tanggal Terdaftar"
            ]
        );
        let baris: Vec<&[Data]> = r.rows().skip(1).collect();
        assert_eq!(baris[0][1], Data::Float(0.7));
        assert_eq!(baris[0][2], Data::Float(1771.0));
        match &baris[0][3] {
            Data::DateTime(t) => assert_eq!(t.as_datetime().unwrap().date(), tanggal),
            lain => panic!("a real date, not {lain:?}"),
        }
        assert_eq!(baris[1][2], Data::Empty);
    }
}
