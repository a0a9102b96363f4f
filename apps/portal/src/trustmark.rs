//! The Tanda Daftar trustmark: a badge with the system's name, its number, the date and a QR code
//! that leads to the public verification page, as SVG (for the web) and PNG (for documents).

use embedded_graphics::mono_font::MonoTextStyle;
use embedded_graphics::mono_font::iso_8859_1::{FONT_7X13, FONT_9X18_BOLD, FONT_10X20};
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::{PrimitiveStyle, Rectangle};
use embedded_graphics::text::Text;
use pse_kernel::InfraError;
use qrcode::{Color, QrCode};

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

    /// The trustmark as a PNG image.
    pub fn png(&self) -> Result<Vec<u8>, InfraError> {
        let biru = Rgb888::new(0x0b, 0x3d, 0x91);
        let mut kanvas = Kanvas::baru(LEBAR, TINGGI);
        let garis = PrimitiveStyle::with_stroke(biru, 4);
        Rectangle::new(Point::new(2, 2), Size::new(LEBAR - 4, TINGGI - 4))
            .into_styled(garis)
            .draw(&mut kanvas)?;
        let mut y = 50;
        for (i, (isi, ukuran)) in self.baris().iter().enumerate() {
            let font = match i {
                0 => &FONT_9X18_BOLD,
                1 | 2 => &FONT_10X20,
                _ => &FONT_7X13,
            };
            // The bitmap fonts hold Latin-1; anything else becomes '?'.
            let latin: String = isi
                .chars()
                .map(|c| if (c as u32) < 256 { c } else { '?' })
                .collect();
            Text::new(&latin, Point::new(28, y), MonoTextStyle::new(font, biru))
                .draw(&mut kanvas)?;
            y += *ukuran as i32 + 22;
        }
        let kode = qr(self.url_verifikasi)?;
        let lebar_kode = kode.width() as u32;
        let modul = (SISI_QR / (lebar_kode + 8)).max(1);
        let asal_x = (LEBAR - 20 - SISI_QR) as i32 + 4 * modul as i32;
        let asal_y = 20 + 4 * modul as i32;
        for (i, warna) in kode.to_colors().into_iter().enumerate() {
            if warna == Color::Dark {
                let (x, y) = ((i as u32 % lebar_kode), (i as u32 / lebar_kode));
                Rectangle::new(
                    Point::new(asal_x + (x * modul) as i32, asal_y + (y * modul) as i32),
                    Size::new(modul, modul),
                )
                .into_styled(PrimitiveStyle::with_fill(Rgb888::BLACK))
                .draw(&mut kanvas)?;
            }
        }
        kanvas.png()
    }
}

/// An RGB pixel buffer that embedded-graphics draws on.
struct Kanvas {
    lebar: u32,
    tinggi: u32,
    piksel: Vec<u8>,
}

impl Kanvas {
    fn baru(lebar: u32, tinggi: u32) -> Self {
        Self {
            lebar,
            tinggi,
            piksel: vec![0xff; (lebar * tinggi * 3) as usize],
        }
    }

    fn png(&self) -> Result<Vec<u8>, InfraError> {
        let mut keluaran = Vec::new();
        let mut enc = png::Encoder::new(&mut keluaran, self.lebar, self.tinggi);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().map_err(InfraError::new)?;
        w.write_image_data(&self.piksel).map_err(InfraError::new)?;
        w.finish().map_err(InfraError::new)?;
        Ok(keluaran)
    }
}

impl OriginDimensions for Kanvas {
    fn size(&self) -> Size {
        Size::new(self.lebar, self.tinggi)
    }
}

impl DrawTarget for Kanvas {
    type Color = Rgb888;
    type Error = InfraError;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(p, c) in pixels {
            if p.x >= 0 && p.y >= 0 && (p.x as u32) < self.lebar && (p.y as u32) < self.tinggi {
                let i = ((p.y as u32 * self.lebar + p.x as u32) * 3) as usize;
                self.piksel[i..i + 3].copy_from_slice(&[c.r(), c.g(), c.b()]);
            }
        }
        Ok(())
    }
}
