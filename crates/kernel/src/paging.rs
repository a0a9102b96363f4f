//! Paged lists: `{items, total, page, berikutnya}` in the API contract. The first pages go by
//! number; any depth goes by cursor (keyset paging), so no query ever skips more than
//! [`HALAMAN_MAKS`] × [`BATAS_MAKS`] rows.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Items per page.
pub const UKURAN_HALAMAN: u64 = 50;

/// Audit records per page.
pub const UKURAN_HALAMAN_AUDIT: u64 = 100;

/// The largest page a client may ask for (`batas`).
pub const BATAS_MAKS: u64 = 100;

/// The deepest page reachable by number; further pages go by cursor (`setelah`).
pub const HALAMAN_MAKS: u64 = 20;

/// The longest cursor accepted, in characters.
const PANJANG_KURSOR_MAKS: usize = 1200;

/// A keyset position: the sort key and the id of the last item seen. Opaque to clients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kursor {
    /// The value of the ordering column.
    pub kunci: String,
    /// The id that breaks ties.
    pub id: String,
}

impl Kursor {
    /// The cursor as a URL-safe token.
    pub fn teks(&self) -> String {
        let mut s = String::with_capacity(2 * (self.kunci.len() + self.id.len() + 1));
        for b in self.kunci.bytes().chain([0x1f]).chain(self.id.bytes()) {
            s.push(char::from(HEKSA[usize::from(b >> 4)]));
            s.push(char::from(HEKSA[usize::from(b & 0xf)]));
        }
        s
    }

    /// Reads a token made by [`Kursor::teks`].
    pub fn parse(teks: &str) -> Option<Self> {
        if teks.len() > PANJANG_KURSOR_MAKS || !teks.len().is_multiple_of(2) {
            return None;
        }
        let bita = teks
            .as_bytes()
            .chunks(2)
            .map(|p| Some(nilai_heksa(p[0])? << 4 | nilai_heksa(p[1])?))
            .collect::<Option<Vec<u8>>>()?;
        let s = String::from_utf8(bita).ok()?;
        let (kunci, id) = s.split_once('\u{1f}')?;
        (!id.is_empty()).then(|| Self {
            kunci: kunci.to_string(),
            id: id.to_string(),
        })
    }
}

const HEKSA: &[u8; 16] = b"0123456789abcdef";

fn nilai_heksa(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posisi {
    /// Page `n` (from 1, at most [`HALAMAN_MAKS`]).
    Nomor(u64),
    /// The items after this cursor.
    Setelah(Kursor),
}

/// A bad paging parameter (HTTP 400), with the field and an Indonesian message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{pesan}")]
pub struct GalatPaging {
    /// The query parameter.
    pub field: &'static str,
    /// What is wrong, for people.
    pub pesan: String,
}

impl GalatPaging {
    fn new(field: &'static str, pesan: impl Into<String>) -> Self {
        Self {
            field,
            pesan: pesan.into(),
        }
    }

    /// A cursor that no list of this portal made.
    pub fn kursor_tidak_sah() -> Self {
        Self::kursor_tidak_sah_pada("setelah")
    }

    /// A cursor in the parameter `field` that no answer of this portal made.
    pub fn kursor_tidak_sah_pada(field: &'static str) -> Self {
        Self::new(
            field,
            "Penanda halaman tidak sah. Mulai lagi dari halaman pertama.",
        )
    }
}

/// Which page of a list is asked for, and how large.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// Where it starts.
    pub posisi: Posisi,
    /// How many items at most.
    pub batas: u64,
}

impl Default for Paging {
    fn default() -> Self {
        Self::pertama(UKURAN_HALAMAN)
    }
}

impl Paging {
    /// The first page of `batas` items.
    pub fn pertama(batas: u64) -> Self {
        Self {
            posisi: Posisi::Nomor(1),
            batas,
        }
    }

    /// Reads the query parameters `page`, `setelah` and `batas` (default `bawaan`); a page beyond
    /// [`HALAMAN_MAKS`], a size beyond [`BATAS_MAKS`] or a cursor not made here is refused.
    pub fn baca(
        page: Option<u64>,
        setelah: Option<&str>,
        batas: Option<u64>,
        bawaan: u64,
    ) -> Result<Self, GalatPaging> {
        let batas = batas.unwrap_or(bawaan);
        if !(1..=BATAS_MAKS).contains(&batas) {
            return Err(GalatPaging::new(
                "batas",
                format!("Batas harus antara 1 dan {BATAS_MAKS}."),
            ));
        }
        let setelah = setelah.map(str::trim).filter(|s| !s.is_empty());
        let posisi = match (page, setelah) {
            (Some(_), Some(_)) => {
                return Err(GalatPaging::new(
                    "setelah",
                    "Gunakan salah satu: page atau setelah.",
                ));
            }
            (_, Some(s)) => Posisi::Setelah(Kursor::parse(s).ok_or_else(|| {
                GalatPaging::new(
                    "setelah",
                    "Penanda halaman tidak sah. Mulai lagi dari halaman pertama.",
                )
            })?),
            (Some(n), None) if !(1..=HALAMAN_MAKS).contains(&n) => {
                return Err(GalatPaging::new(
                    "page",
                    format!(
                        "Nomor halaman harus antara 1 dan {HALAMAN_MAKS}; halaman berikutnya dibuka dengan tautan \"Berikutnya\" (setelah)."
                    ),
                ));
            }
            (Some(n), None) => Posisi::Nomor(n),
            (None, None) => Posisi::Nomor(1),
        };
        Ok(Self { posisi, batas })
    }

    /// A page number for lists that page by number only: 1 when absent, refused past
    /// [`HALAMAN_MAKS`] (or at 0).
    pub fn nomor(page: Option<u64>) -> Result<u64, GalatPaging> {
        let p = Self::baca(page, None, None, 1)?;
        Ok(match p.posisi {
            Posisi::Nomor(n) => n,
            Posisi::Setelah(_) => 1,
        })
    }

    /// Rows to skip before the page (0 for a cursor page).
    pub fn lewati(&self) -> u64 {
        match self.posisi {
            Posisi::Nomor(n) => n.saturating_sub(1).saturating_mul(self.batas),
            Posisi::Setelah(_) => 0,
        }
    }

    /// The cursor the page starts after, if any.
    pub fn setelah(&self) -> Option<&Kursor> {
        match &self.posisi {
            Posisi::Setelah(k) => Some(k),
            Posisi::Nomor(_) => None,
        }
    }

    /// Rows a store reads for the page: one more than `batas`, to know whether another follows.
    pub fn baca_baris(&self) -> u64 {
        self.batas + 1
    }
}

/// A window of a queue kept in the order (entered, id): the items after `setelah`, at most
/// `batas`. Queues merged from several sources page by cursor only, never by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JendelaAntrian {
    /// The last item seen: when it entered the queue, and its id.
    pub setelah: Option<(DateTime<Utc>, String)>,
    /// How many items at most.
    pub batas: u64,
    /// Only items that entered before this instant (the overdue ones, see
    /// [`crate::KalenderKerja::batas_terlambat`]); the count is of those too.
    pub masuk_sebelum: Option<DateTime<Utc>>,
}

impl JendelaAntrian {
    /// The first `batas` items.
    pub fn awal(batas: u64) -> Self {
        Self {
            setelah: None,
            batas,
            masuk_sebelum: None,
        }
    }

    /// This window, narrowed to the items that entered before `batas`.
    pub fn masuk_sebelum(self, batas: DateTime<Utc>) -> Self {
        Self {
            masuk_sebelum: Some(batas),
            ..self
        }
    }

    /// Whether an item that entered at `masuk` is counted in this window's queue.
    pub fn dihitung(&self, masuk: DateTime<Utc>) -> bool {
        self.masuk_sebelum.is_none_or(|t| masuk < t)
    }

    /// The window of `paging`: its cursor (an RFC 3339 time and an id) or its first page, with one
    /// item more than the page to tell whether another follows.
    pub fn dari(paging: &Paging) -> Result<Self, GalatPaging> {
        let setelah = match &paging.posisi {
            Posisi::Nomor(1) => None,
            Posisi::Nomor(_) => {
                return Err(GalatPaging::new(
                    "page",
                    "Antrean dibuka per halaman dengan tautan \"Berikutnya\" (setelah).",
                ));
            }
            Posisi::Setelah(k) => Some((
                DateTime::parse_from_rfc3339(&k.kunci)
                    .map_err(|_| GalatPaging::kursor_tidak_sah())?
                    .with_timezone(&Utc),
                k.id.clone(),
            )),
        };
        Ok(Self {
            setelah,
            batas: paging.baca_baris(),
            masuk_sebelum: None,
        })
    }

    /// Whether an item that entered at `masuk` with `id` lies after the cursor (for in-memory
    /// stores; a database says it with a row comparison).
    pub fn sesudah(&self, masuk: DateTime<Utc>, id: &str) -> bool {
        self.dihitung(masuk)
            && self
                .setelah
                .as_ref()
                .is_none_or(|(t, i)| (masuk, id) > (*t, i.as_str()))
    }

    /// The cursor of an item that entered at `masuk` with `id`.
    pub fn kursor(masuk: DateTime<Utc>, id: impl ToString) -> Kursor {
        Kursor {
            kunci: masuk.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            id: id.to_string(),
        }
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Halaman<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items the whole list holds.
    pub total: u64,
    /// The page number, from 1 (`null` for a page reached by cursor).
    pub page: Option<u64>,
    /// The cursor of the next page (`null` on the last one).
    pub berikutnya: Option<String>,
}

impl<T> Halaman<T> {
    /// A page from the rows a store read for `paging` (up to [`Paging::baca_baris`]): the extra
    /// row only says that another page follows, and `kunci` gives an item's cursor. A numbered
    /// page past the end is refused.
    pub fn susun(
        mut baris: Vec<T>,
        total: u64,
        paging: &Paging,
        kunci: impl Fn(&T) -> Kursor,
    ) -> Result<Self, GalatPaging> {
        let lebih = baris.len() as u64 > paging.batas;
        baris.truncate(usize::try_from(paging.batas).unwrap_or(usize::MAX));
        let page = match paging.posisi {
            Posisi::Nomor(n) => Some(n),
            Posisi::Setelah(_) => None,
        };
        if let Some(n) = page
            && n > 1
            && baris.is_empty()
        {
            let akhir = total.div_ceil(paging.batas).max(1);
            return Err(GalatPaging::new(
                "page",
                format!("Halaman {n} tidak ada; daftar ini hanya {akhir} halaman."),
            ));
        }
        let berikutnya = if lebih {
            baris.last().map(|x| kunci(x).teks())
        } else {
            None
        };
        Ok(Self {
            items: baris,
            total,
            page,
            berikutnya,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn kursor_round_trips_any_text() {
        let k = Kursor {
            kunci: "Sistem Informasi \"Geo\" & Ruang — 2026".into(),
            id: "0198-abc".into(),
        };
        assert_eq!(Kursor::parse(&k.teks()), Some(k));
        for salah in ["", "zz", "abc", "00", &"a".repeat(2000)] {
            assert_eq!(Kursor::parse(salah), None, "{salah}");
        }
    }

    #[test]
    fn paging_parameters_are_bounded() {
        let g = |p, s, b| Paging::baca(p, s, b, UKURAN_HALAMAN).map_err(|e| e.field);
        assert_eq!(g(None, None, None), Ok(Paging::pertama(50)));
        assert_eq!(g(Some(u64::MAX), None, None), Err("page"));
        assert_eq!(g(Some(0), None, None), Err("page"));
        assert_eq!(g(Some(HALAMAN_MAKS + 1), None, None), Err("page"));
        assert_eq!(g(None, None, Some(BATAS_MAKS + 1)), Err("batas"));
        assert_eq!(g(None, None, Some(0)), Err("batas"));
        assert_eq!(g(None, Some("xyz"), None), Err("setelah"));
        assert_eq!(g(Some(2), Some("00"), None), Err("setelah"));
        assert_eq!(Paging::nomor(None), Ok(1));
        assert_eq!(Paging::nomor(Some(20)), Ok(20));
        assert_eq!(Paging::nomor(Some(21)).map_err(|e| e.field), Err("page"));
        let p = Paging::baca(Some(3), None, Some(10), 50).unwrap();
        assert_eq!((p.lewati(), p.baca_baris()), (20, 11));
    }

    #[test]
    fn a_page_knows_whether_another_follows() {
        let kunci = |x: &u32| Kursor {
            kunci: format!("{x:03}"),
            id: x.to_string(),
        };
        let p = Paging::pertama(2);
        let h = Halaman::susun(vec![1, 2, 3], 3, &p, kunci).unwrap();
        assert_eq!(h.items, vec![1, 2]);
        assert_eq!(
            h.berikutnya.as_deref().and_then(Kursor::parse),
            Some(kunci(&2))
        );
        let akhir = Halaman::susun(vec![3], 3, &p, kunci).unwrap();
        assert_eq!(akhir.berikutnya, None);
        let lewat = Paging::baca(Some(5), None, Some(2), 50).unwrap();
        let e = Halaman::susun(Vec::new(), 3, &lewat, kunci).unwrap_err();
        insta::assert_snapshot!(e, @"Halaman 5 tidak ada; daftar ini hanya 2 halaman.");
    }
}
