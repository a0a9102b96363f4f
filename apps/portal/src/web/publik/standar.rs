//! `/standar-pelayanan` (R-LAY-01): the service standard read from the domain, each procedure
//! drawn as a two-lane diagram (the applicant, the Direktorat LAIP) in SVG with real text, and
//! written out as a list beside it for screen readers and for copying.

use crate::web::halaman::Nav;
use crate::web::sesi::Aktor;
use askama::Template;
use askama_web::WebTemplate;
use layanan::standar::{Layanan, Pelaku, STANDAR, StandarPelayanan};

/// The diagram's width, in its own units (it scales to the page).
const LEBAR: u32 = 560;
/// A box's width and height.
const KOTAK_L: u32 = 240;
const KOTAK_T: u32 = 56;
/// The vertical distance between two steps.
const JARAK: u32 = 80;
/// Where the first step starts (below the lane titles).
const ATAS: u32 = 44;

/// One step's box.
pub struct Kotak {
    x: u32,
    y: u32,
    nomor: usize,
    ringkas: &'static str,
    laip: bool,
}

/// One procedure's diagram.
pub struct Diagram {
    tinggi: u32,
    kotak: Vec<Kotak>,
    /// The arrows between steps, as SVG path data.
    panah: Vec<String>,
    /// The dashed arrows of a rejection back to an earlier step.
    kembali: Vec<String>,
}

fn lajur(p: Pelaku) -> u32 {
    match p {
        Pelaku::Pemohon => 20,
        Pelaku::DirektoratLaip => LEBAR - 20 - KOTAK_L,
    }
}

impl Diagram {
    fn dari(l: &Layanan) -> Self {
        let kotak: Vec<Kotak> = l
            .prosedur
            .iter()
            .enumerate()
            .map(|(i, s)| Kotak {
                x: lajur(s.pelaku),
                y: ATAS + u32::try_from(i).unwrap_or(0) * JARAK,
                nomor: i + 1,
                ringkas: s.ringkas,
                laip: s.pelaku == Pelaku::DirektoratLaip,
            })
            .collect();
        let tengah = |k: &Kotak| k.x + KOTAK_L / 2;
        let panah = kotak
            .windows(2)
            .map(|w| {
                let (a, b) = (&w[0], &w[1]);
                format!(
                    "M{} {} C{} {} {} {} {} {}",
                    tengah(a),
                    a.y + KOTAK_T,
                    tengah(a),
                    a.y + KOTAK_T + 14,
                    tengah(b),
                    b.y - 14,
                    tengah(b),
                    b.y - 4
                )
            })
            .collect();
        let kembali = l
            .prosedur
            .iter()
            .zip(&kotak)
            .filter_map(|(s, dari)| {
                let ke = kotak.get(s.kembali_ke?.checked_sub(1)?)?;
                // Out of the right side, along the margin, into the target's right side: a row
                // holds one step, so the line crosses no other box.
                Some(format!(
                    "M{} {} H{} V{} H{}",
                    dari.x + KOTAK_L,
                    dari.y + KOTAK_T / 2 + 8,
                    LEBAR - 6,
                    ke.y + KOTAK_T / 2 + 8,
                    ke.x + KOTAK_L + 4
                ))
            })
            .collect();
        Self {
            tinggi: ATAS + u32::try_from(kotak.len()).unwrap_or(0) * JARAK,
            kotak,
            panah,
            kembali,
        }
    }
}

/// The page of the service standard.
#[derive(Template, WebTemplate)]
#[template(path = "standar_pelayanan.html")]
pub struct HalamanStandar {
    nav: Nav,
    standar: &'static StandarPelayanan,
    layanan: Vec<(&'static Layanan, Diagram)>,
    lebar: u32,
    kotak_l: u32,
    kotak_t: u32,
}

/// `GET /standar-pelayanan`.
pub async fn standar_pelayanan(a: Aktor) -> HalamanStandar {
    HalamanStandar {
        nav: Nav::dari(&a),
        standar: &STANDAR,
        layanan: STANDAR
            .layanan
            .iter()
            .map(|l| (l, Diagram::dari(l)))
            .collect(),
        lebar: LEBAR,
        kotak_l: KOTAK_L,
        kotak_t: KOTAK_T,
    }
}
