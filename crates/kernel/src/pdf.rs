//! What an uploaded PDF may hold (R-PEJ-05, ASVS V12): a real PDF structure, not encrypted, and
//! nothing that acts when opened — no JavaScript, no open or additional actions, no launch of
//! programs, no embedded files or rich media. Judged on the parsed objects (object streams
//! included), not on the first bytes.

use lopdf::{Document, Object};

/// Why a PDF is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MasalahPdf {
    /// Not a PDF, or a broken one.
    #[error("Dokumen harus berupa berkas PDF yang dapat dibuka.")]
    Rusak,
    /// Protected with a password or encryption.
    #[error("Berkas PDF terkunci atau terenkripsi; unggah PDF tanpa kata sandi.")]
    Terenkripsi,
    /// Holds active content.
    #[error(
        "Berkas PDF berisi konten aktif ({0}); unggah hasil pindai atau cetak ulang sebagai PDF biasa."
    )]
    KontenAktif(&'static str),
}

/// Dictionary keys and name values that make a PDF act, with how people are told.
const AKTIF: [(&[u8], &str); 9] = [
    (b"JavaScript", "JavaScript"),
    (b"JS", "JavaScript"),
    (b"OpenAction", "aksi saat dibuka"),
    (b"AA", "aksi otomatis"),
    (b"Launch", "menjalankan program"),
    (b"EmbeddedFile", "berkas tersemat"),
    (b"EmbeddedFiles", "berkas tersemat"),
    (b"RichMedia", "media tersemat"),
    (b"XFA", "formulir XFA"),
];

fn aktif(nama: &[u8]) -> Option<&'static str> {
    AKTIF.iter().find(|(k, _)| *k == nama).map(|(_, l)| *l)
}

fn periksa_objek(o: &Object) -> Result<(), MasalahPdf> {
    match o {
        Object::Name(n) => aktif(n).map_or(Ok(()), |l| Err(MasalahPdf::KontenAktif(l))),
        Object::Array(a) => a.iter().try_for_each(periksa_objek),
        Object::Dictionary(d) => d.iter().try_for_each(|(k, v)| match aktif(k) {
            Some(l) => Err(MasalahPdf::KontenAktif(l)),
            None => periksa_objek(v),
        }),
        Object::Stream(s) => periksa_objek(&Object::Dictionary(s.dict.clone())),
        _ => Ok(()),
    }
}

/// An active name written plainly in the bytes (`/OpenAction` followed by a delimiter), so one
/// in an object the parser skips is still found. Only the long names: a short one (`/JS`, `/AA`)
/// turns up by chance in a large scan's compressed images.
fn nama_aktif_mentah(isi: &[u8]) -> Option<&'static str> {
    let pembatas = |c: u8| c.is_ascii_whitespace() || b"()<>[]{}/%".contains(&c);
    isi.iter()
        .enumerate()
        .filter(|(_, c)| **c == b'/')
        .find_map(|(i, _)| {
            AKTIF
                .iter()
                .filter(|(k, _)| k.len() >= 6)
                .find_map(|(k, label)| {
                    let akhir = i + 1 + k.len();
                    (isi.get(i + 1..akhir) == Some(*k)
                        && isi.get(akhir).is_none_or(|c| pembatas(*c)))
                    .then_some(*label)
                })
        })
}

/// Checks a PDF's structure and content.
pub fn periksa(isi: &[u8]) -> Result<(), MasalahPdf> {
    if !isi.starts_with(b"%PDF-") {
        return Err(MasalahPdf::Rusak);
    }
    if let Some(l) = nama_aktif_mentah(isi) {
        return Err(MasalahPdf::KontenAktif(l));
    }
    // The trailer's /Encrypt is never compressed; an encrypted file may still load.
    if isi.windows(8).any(|w| w == b"/Encrypt") {
        return Err(MasalahPdf::Terenkripsi);
    }
    let doc = Document::load_mem(isi).map_err(|_| MasalahPdf::Rusak)?;
    if doc.trailer.has(b"Encrypt") {
        return Err(MasalahPdf::Terenkripsi);
    }
    doc.objects.values().try_for_each(periksa_objek)
}

/// A small valid PDF (one empty page) with `tambahan` added to its catalog, for tests.
pub fn contoh(tambahan: &str) -> Vec<u8> {
    susun(tambahan, 0)
}

/// [`contoh`] padded with a comment to exactly `panjang` bytes (when it is longer than the
/// unpadded file), for size limits.
pub fn contoh_sepanjang(panjang: usize) -> Vec<u8> {
    let mut isian = 0usize;
    let mut pdf = susun("", 0);
    // The offsets' digits grow with the padding; a few rounds settle it.
    for _ in 0..8 {
        if pdf.len() == panjang || (isian == 0 && pdf.len() > panjang) {
            break;
        }
        isian = (isian + panjang).saturating_sub(pdf.len());
        pdf = susun("", isian);
    }
    pdf
}

fn susun(tambahan: &str, isian: usize) -> Vec<u8> {
    let objek = [
        format!("<< /Type /Catalog /Pages 2 0 R {tambahan} >>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    if isian > 0 {
        pdf.push(b'%');
        pdf.resize(pdf.len() + isian.saturating_sub(2), b'x');
        pdf.push(b'\n');
    }
    let mut posisi = Vec::new();
    for (i, o) in objek.iter().enumerate() {
        posisi.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objek.len() + 1).as_bytes());
    for p in posisi {
        pdf.extend_from_slice(format!("{p:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objek.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_pej_05_a_plain_pdf_passes() {
        assert_eq!(periksa(&contoh("")), Ok(()));
        let besar = contoh_sepanjang(100_000);
        assert_eq!(besar.len(), 100_000);
        assert_eq!(periksa(&besar), Ok(()));
    }

    #[test]
    fn r_pej_05_active_content_encryption_and_fakes_are_refused() {
        assert_eq!(
            periksa(&contoh(
                "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
            )),
            Err(MasalahPdf::KontenAktif("aksi saat dibuka"))
        );
        assert_eq!(
            periksa(&contoh("/Names << /EmbeddedFiles << /Names [] >> >>")),
            Err(MasalahPdf::KontenAktif("berkas tersemat"))
        );
        assert_eq!(
            periksa(&contoh("/Encrypt << /Filter /Standard >>")),
            Err(MasalahPdf::Terenkripsi)
        );
        assert_eq!(periksa(b"%PDF-1.4 bukan pdf"), Err(MasalahPdf::Rusak));
        assert_eq!(periksa(b"\x89PNG...."), Err(MasalahPdf::Rusak));
    }

    #[test]
    fn r_pej_05_deeply_nested_objects_are_judged_without_a_crash() {
        // Fails only by overflowing the stack (which would end the whole server).
        let dalam = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let _ = periksa(&contoh(&format!("/X {dalam}")));
    }

    #[test]
    fn r_pej_05_active_names_are_found_even_where_the_parser_gives_up() {
        let rusak = b"%PDF-1.4\n1 0 obj << /OpenAction 2 0 R >> endobj\ngarbage";
        assert_eq!(
            periksa(rusak),
            Err(MasalahPdf::KontenAktif("aksi saat dibuka"))
        );
        // A name that only starts like one is not active.
        assert_eq!(nama_aktif_mentah(b"/JSON /AAB"), None);
    }
}
