//! Table `sistem_elektronik`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sistem_elektronik")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub instansi_id: String,
    pub unit_id: Option<String>,
    pub pendaftar: String,
    pub status: String,
    pub nama_eksternal: String,
    pub kunci_nama: String,
    pub kategori: String,
    pub publikasi: bool,
    pub nomor_tanda_daftar: Option<i64>,
    pub data_awal: Json,
    pub bagian: Json,
    pub draf: Json,
    pub dokumen: Json,
    pub penilaian: Option<Json>,
    pub pengembalian: Option<Json>,
    pub tanda_daftar: Option<Json>,
    pub dibuat_pada: DateTimeUtc,
    pub masuk_antrian_pada: DateTimeUtc,
    /// Progress in percent, kept for lists (the aggregate computes it).
    pub progres: i32,
}

impl ActiveModelBehavior for ActiveModel {}
