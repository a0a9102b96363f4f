//! Reading produced workbooks back: calamine for the cells; openpyxl and LibreOffice (when
//! installed) as independent readers.

use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// Sheet names and every sheet's cells as text (dates as `YYYY-MM-DD`, numbers as written).
pub fn baca(isi: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut buku: Xlsx<_> = Xlsx::new(Cursor::new(isi.to_vec())).expect("xlsx terbaca");
    let nama = buku.sheet_names().to_vec();
    nama.into_iter()
        .map(|n| {
            let rentang = buku.worksheet_range(&n).expect("lembar");
            let sel = rentang
                .rows()
                .map(|r| r.iter().map(teks).collect())
                .collect();
            (n, sel)
        })
        .collect()
}

fn teks(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(t) => t
            .as_datetime()
            .map(|x| format!("tanggal:{}", x.date()))
            .unwrap_or_else(|| format!("tanggal?{t}")),
        lain => format!("{lain:?}"),
    }
}

/// Whether the zip holds an entry named `nama` (a chart, for instance).
pub fn punya_bagian(isi: &[u8], nama: &str) -> bool {
    isi.windows(nama.len()).any(|w| w == nama.as_bytes())
}

/// Runs `skrip` (Python, the workbook's path as `sys.argv[1]`) with openpyxl on the file and reads
/// the JSON it prints; `None` when Python or openpyxl is missing and `PSE_REQUIRE_OPENPYXL` is
/// not `1`.
fn openpyxl_json(isi: &[u8], skrip: &str) -> Option<serde_json::Value> {
    static URUT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let berkas = std::env::temp_dir().join(format!(
        "pse-uji-{}-{}.xlsx",
        std::process::id(),
        URUT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    std::fs::write(&berkas, isi).expect("tulis xlsx");
    let keluaran = std::process::Command::new("python3")
        .arg("-c")
        .arg(format!("import sys, json, openpyxl\n{skrip}"))
        .arg(&berkas)
        .output();
    let _ = std::fs::remove_file(&berkas);
    let wajib = std::env::var("PSE_REQUIRE_OPENPYXL").as_deref() == Ok("1");
    match keluaran {
        Ok(o) if o.status.success() => {
            Some(serde_json::from_slice(&o.stdout).expect("json openpyxl"))
        }
        lain => {
            assert!(
                !wajib,
                "PSE_REQUIRE_OPENPYXL=1 tetapi openpyxl gagal: {lain:?}"
            );
            eprintln!("openpyxl tidak tersedia: pembacaan kedua dilewati");
            None
        }
    }
}

/// The widths of the first sheet's columns as openpyxl reads them.
pub fn lebar_openpyxl(isi: &[u8]) -> Option<Vec<f64>> {
    openpyxl_json(
        isi,
        "from openpyxl.utils import get_column_letter\n\
         ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n\
         print(json.dumps([ws.column_dimensions[get_column_letter(i + 1)].width for i in range(ws.max_column)]))",
    )
    .map(|v| serde_json::from_value(v).expect("lebar kolom"))
}

/// Opens the file with openpyxl and answers its first sheet's header row and row count.
pub fn openpyxl(isi: &[u8]) -> Option<(Vec<String>, usize)> {
    let v = openpyxl_json(
        isi,
        "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n\
         rows = list(ws.iter_rows(values_only=True))\n\
         print(json.dumps([[str(c) for c in rows[0]], len(rows)]))",
    )?;
    let kepala = v[0]
        .as_array()
        .expect("kepala")
        .iter()
        .map(|x| x.as_str().unwrap_or_default().to_string())
        .collect();
    Some((kepala, v[1].as_u64().unwrap_or(0) as usize))
}

/// Opens the file in headless LibreOffice and answers its first sheet as CSV; `None` when
/// LibreOffice is missing and `PSE_REQUIRE_LIBREOFFICE` is not `1`.
pub fn libreoffice(isi: &[u8]) -> Option<String> {
    let wajib = std::env::var("PSE_REQUIRE_LIBREOFFICE").as_deref() == Ok("1");
    let dir = std::env::temp_dir().join(format!("pse-lo-{}-{}", std::process::id(), isi.len()));
    std::fs::create_dir_all(&dir).expect("folder LibreOffice");
    let berkas = dir.join("laporan.xlsx");
    std::fs::write(&berkas, isi).expect("tulis xlsx");
    let hasil = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profil",
            dir.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "csv",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&berkas)
        .output();
    let csv = std::fs::read_to_string(dir.join("laporan.csv")).ok();
    let _ = std::fs::remove_dir_all(&dir);
    match (hasil, csv) {
        (Ok(o), Some(csv)) if o.status.success() => Some(csv),
        (lain, _) => {
            assert!(
                !wajib,
                "PSE_REQUIRE_LIBREOFFICE=1 tetapi LibreOffice gagal: {lain:?}"
            );
            eprintln!("LibreOffice tidak tersedia: pembacaan ketiga dilewati");
            None
        }
    }
}
