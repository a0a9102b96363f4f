//! The admin's verification desk on the web: the query the queue page and the API share, the
//! decision page of each kind, and the form of a decision. The desk itself (merge, filters,
//! dispatch, summary) is `pse_kernel::MejaVerifikasi`.

use crate::web::galat::WebError;
use pse_kernel::{ItemAntrian, JenisAntrian, Keputusan, Paging, SaringAntrian};
use serde::Deserialize;

/// Query of the queue: `jenis`, `terlambat=1`, and the cursor paging (`setelah`, `batas`).
#[derive(Deserialize, Default, Debug, Clone)]
#[serde(default)]
pub struct QueryAntrian {
    jenis: Option<String>,
    terlambat: Option<String>,
    page: Option<u64>,
    setelah: Option<String>,
    batas: Option<u64>,
}

impl QueryAntrian {
    /// The filters asked for; an unknown kind is refused naming `jenis`.
    pub fn saring(&self) -> Result<SaringAntrian, WebError> {
        let jenis = match self.jenis.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(k) => Some(JenisAntrian::dari_kode(k).ok_or_else(|| {
                WebError::isian(
                    axum::http::StatusCode::BAD_REQUEST,
                    "jenis",
                    "Jenis antrean tidak dikenal.",
                )
            })?),
        };
        Ok(SaringAntrian {
            jenis,
            terlambat: matches!(self.terlambat.as_deref(), Some("1" | "true" | "ya")),
        })
    }

    /// The paging asked for, checked like every list's.
    pub fn paging(&self) -> Result<Paging, WebError> {
        crate::web::sistem::api::QueryHalaman {
            page: self.page,
            setelah: self.setelah.clone(),
            batas: self.batas,
        }
        .paging()
    }

    /// The query string of these filters (empty without any), to carry into page links.
    pub fn saringan(&self) -> String {
        let mut bagian = Vec::new();
        if let Ok(s) = self.saring() {
            if let Some(j) = s.jenis {
                bagian.push(format!("jenis={}", j.kode()));
            }
            if s.terlambat {
                bagian.push("terlambat=1".to_string());
            }
        }
        bagian.join("&")
    }
}

/// The rejection form of an application or a Sub Pejabat: the reason's category and a note.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IsianTolak {
    pub(crate) kategori_alasan: String,
    pub(crate) catatan: String,
}

impl IsianTolak {
    /// The decision it asks for.
    pub fn keputusan(&self) -> Keputusan {
        Keputusan::Tolak {
            kategori_alasan: self.kategori_alasan.clone(),
            catatan: self.catatan.clone(),
        }
    }
}

/// The decision named in a page's path (`setujui` or `tolak`); anything else is not found.
pub fn keputusan(jalur: &str, kategori: &str, catatan: &str) -> Result<Keputusan, WebError> {
    match jalur {
        "setujui" => Ok(Keputusan::Setujui {
            catatan: Some(catatan.to_string()),
        }),
        "tolak" => Ok(Keputusan::Tolak {
            kategori_alasan: kategori.to_string(),
            catatan: catatan.to_string(),
        }),
        _ => Err(WebError::tidak_ditemukan()),
    }
}

/// The admin page that decides an item.
pub fn tautan(i: &ItemAntrian) -> String {
    format!("/admin/{}/{}", i.jenis.kode(), i.id)
}
