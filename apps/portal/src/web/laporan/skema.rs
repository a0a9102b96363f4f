//! The JSON body of a report configuration.

use chrono::{DateTime, Utc};
use laporan::model::{IsianFilter, KonfigurasiLaporan};
use serde::Serialize;
use utoipa::ToSchema;

/// A report configuration.
#[derive(Serialize, ToSchema)]
pub struct LaporanJson {
    /// Its id.
    pub id: String,
    /// Its name.
    pub nama: String,
    /// The column codes, in order.
    pub kolom: Vec<String>,
    /// The filters (every value optional).
    #[schema(value_type = Object)]
    pub filter: IsianFilter,
    /// The order's code.
    pub urutan: Option<&'static str>,
    /// When it was made.
    pub dibuat_pada: DateTime<Utc>,
    /// When it was last changed.
    pub diubah_pada: DateTime<Utc>,
}

impl From<&KonfigurasiLaporan> for LaporanJson {
    fn from(k: &KonfigurasiLaporan) -> Self {
        let isian = k.isian();
        Self {
            id: k.id.to_string(),
            nama: k.nama.clone(),
            kolom: isian.kolom,
            filter: isian.filter,
            urutan: k.urutan.map(|u| u.kode()),
            dibuat_pada: k.dibuat_pada,
            diubah_pada: k.diubah_pada,
        }
    }
}
