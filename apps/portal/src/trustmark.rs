//! The Tanda Daftar trustmark: a badge with the system's name, its number, the date and a QR code
//! that leads to the public verification page, as SVG (for the web) and PNG (for documents). The
//! PNG is the same SVG drawn by resvg with an embedded Liberation Sans (metric-compatible with the
//! SVG's Arial), so the two look alike on any machine.

use pse_kernel::InfraError;
use qrcode::QrCode;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, LazyLock};

/// What the trustmark shows.
pub struct Trustmark<'a> {
    /// The system's external name.
    pub nama: &'a str,
    /// The instansi that runs it.
    pub instansi: &'a str,
    /// The Tanda Daftar number.
    pub nomor: u64,
    /// The issue date, already formatted in Indonesian.
    pub tanggal: &'a str,
    /// The public verification URL the QR code holds.
    pub url_verifikasi: &'a str,
}

const LEBAR: u32 = 640;
const TINGGI: u32 = 260;
const SISI_QR: u32 = 220;
const BIRU: &str = "#0b3d91";

fn qr(url: &str) -> Result<QrCode, InfraError> {
    QrCode::new(url.as_bytes()).map_err(InfraError::new)
}

/// Shortens a line to `maks` characters with an ellipsis.
fn potong(s: &str, maks: usize) -> String {
    if s.chars().count() <= maks {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(maks.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Trustmark<'_> {
    fn baris(&self) -> [(String, u32); 5] {
        [
            ("TANDA DAFTAR PSE LINGKUP PUBLIK".to_string(), 16),
            (format!("Nomor {}", self.nomor), 28),
            (potong(self.nama, 34), 20),
            (potong(self.instansi, 48), 14),
            (format!("Terdaftar {}", self.tanggal), 14),
        ]
    }

    /// The trustmark as an SVG document.
    pub fn svg(&self) -> Result<String, InfraError> {
        let kode = qr(self.url_verifikasi)?;
        let modul = 4;
        let sisi = (kode.width() as u32 + 8) * modul;
        let gambar_qr = kode
            .render::<qrcode::render::svg::Color>()
            .quiet_zone(true)
            .module_dimensions(modul, modul)
            .build();
        // Nest the QR document on the right: drop its XML declaration and give it our box (its
        // viewBox scales it).
        let gambar_qr = gambar_qr
            .split_once("?>")
            .map_or(gambar_qr.as_str(), |(_, isi)| isi)
            .replacen(
                &format!(r#"width="{sisi}" height="{sisi}""#),
                &format!(
                    r#"x="{}" y="20" width="{SISI_QR}" height="{SISI_QR}""#,
                    LEBAR - SISI_QR - 20
                ),
                1,
            );
        let mut teks = String::new();
        let mut y = 50;
        for (i, (isi, ukuran)) in self.baris().iter().enumerate() {
            let tebal = if i < 3 { r#" font-weight="bold""# } else { "" };
            teks.push_str(&format!(
                r#"<text x="28" y="{y}" font-size="{ukuran}"{tebal}>{}</text>"#,
                xml(isi)
            ));
            y += ukuran + 22;
        }
        Ok(format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="Tanda Daftar PSE Lingkup Publik nomor {nomor}">"#,
                r##"<rect x="2" y="2" width="{w2}" height="{h2}" rx="14" fill="#fff" stroke="{biru}" stroke-width="4"/>"##,
                r#"<g font-family="Arial, Helvetica, sans-serif" fill="{biru}">{teks}</g>{qr}</svg>"#
            ),
            w = LEBAR,
            h = TINGGI,
            w2 = LEBAR - 4,
            h2 = TINGGI - 4,
            biru = BIRU,
            nomor = self.nomor,
            teks = teks,
            qr = gambar_qr,
        ))
    }

    /// The trustmark as a PNG image, at twice the SVG's size for print.
    pub fn png(&self) -> Result<Vec<u8>, InfraError> {
        let svg = self.svg()?;
        let opsi = usvg::Options {
            fontdb: HURUF.clone(),
            ..usvg::Options::default()
        };
        let pohon = usvg::Tree::from_str(&svg, &opsi).map_err(InfraError::new)?;
        let mut kanvas = tiny_skia::Pixmap::new(LEBAR * SKALA, TINGGI * SKALA)
            .ok_or_else(|| InfraError::new("trustmark: ukuran kanvas"))?;
        kanvas.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &pohon,
            tiny_skia::Transform::from_scale(SKALA as f32, SKALA as f32),
            &mut kanvas.as_mut(),
        );
        kanvas.encode_png().map_err(InfraError::new)
    }
}

/// How many PNG pixels an SVG unit takes.
const SKALA: u32 = 2;

/// The fonts the PNG is drawn with: Liberation Sans for every sans-serif family.
static HURUF: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(include_bytes!("../aset/huruf/LiberationSans-Regular.ttf").to_vec());
    db.load_font_data(include_bytes!("../aset/huruf/LiberationSans-Bold.ttf").to_vec());
    db.set_sans_serif_family("Liberation Sans");
    Arc::new(db)
});

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn r_se_09_the_png_draws_the_svg_with_its_text_at_twice_the_size() {
        let t = Trustmark {
            nama: "Sistem Informasi Pelayanan Terpadu",
            instansi: "Pemerintah Kota Tarakan",
            nomor: 1234,
            tanggal: "7 Desember 2026",
            url_verifikasi: "https://pse.komdigi.go.id/tanda-daftar/1234",
        };
        let png = t.png().unwrap();
        if let Ok(jalur) = std::env::var("PSE_TRUSTMARK_SIMPAN") {
            std::fs::write(jalur, &png).unwrap();
        }
        let gambar = image_rgba(&png);
        assert_eq!((gambar.0, gambar.1), (LEBAR * SKALA, TINGGI * SKALA));
        // The text column (left of the QR code) holds dark pixels: the embedded font drew it.
        let gelap = (60..200)
            .flat_map(|y| (56..700).map(move |x| (x, y)))
            .filter(|(x, y)| {
                let i = ((y * gambar.0 + x) * 4) as usize;
                gambar.2[i] < 0x80 && gambar.2[i + 2] > 0x60
            })
            .count();
        assert!(
            gelap > 2_000,
            "the name and number are drawn: {gelap} dark pixels"
        );
    }

    /// Width, height and RGBA pixels of a PNG.
    fn image_rgba(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let p = tiny_skia::Pixmap::decode_png(png).unwrap();
        (p.width(), p.height(), p.data().to_vec())
    }
}
