//! Reading the QR code back out of a trustmark, as a phone camera would: from the PNG's pixels, and
//! from the SVG's QR drawing rasterised module by module.

/// The text of the QR code in a PNG image (RGB or RGBA, 8 bits).
pub fn dari_png(isi: &[u8]) -> String {
    let mut dec = png::Decoder::new(std::io::Cursor::new(isi))
        .read_info()
        .unwrap();
    let mut buf = vec![0; dec.output_buffer_size()];
    let info = dec.next_frame(&mut buf).unwrap();
    let kanal = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * kanal;
        ((u16::from(buf[i]) + u16::from(buf[i + 1]) + u16::from(buf[i + 2])) / 3) as u8
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "satu kode QR");
    grids[0].decode().unwrap().1
}

/// The text of the QR code drawn in an SVG trustmark (the `<path d="M… h… v… H… V…">` of the
/// nested QR drawing).
pub fn dari_svg(svg: &str) -> String {
    let qr = &svg[svg.rfind("<svg").unwrap()..];
    let atribut = |nama: &str| -> String {
        let awal = qr.find(&format!("{nama}=\"")).unwrap() + nama.len() + 2;
        qr[awal..][..qr[awal..].find('"').unwrap()].to_string()
    };
    let viewbox: Vec<usize> = atribut("viewBox")
        .split(' ')
        .map(|x| x.parse().unwrap())
        .collect();
    let (w, h) = (viewbox[2], viewbox[3]);
    let d = atribut("d");
    let mut gelap = vec![false; w * h];
    for kotak in d.split('M').filter(|k| !k.is_empty()) {
        // `{left} {top}h{width}v{height}H{left}V{top}`
        let angka: Vec<usize> = kotak
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x0, y0, lw, lh) = (angka[0], angka[1], angka[2], angka[3]);
        for y in y0..y0 + lh {
            for x in x0..x0 + lw {
                gelap[y * w + x] = true;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| gelap[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "satu kode QR");
    grids[0].decode().unwrap().1
}
