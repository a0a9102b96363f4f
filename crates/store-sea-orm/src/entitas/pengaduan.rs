//! Table `pengaduan`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "pengaduan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub tahun: i32,
    pub urut: i32,
    pub hash_kode: String,
    pub nama: String,
    pub email: String,
    pub kategori: String,
    pub uraian: String,
    pub rujukan: Option<String>,
    pub status: String,
    pub tanggapan: Json,
    pub diajukan_pada: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
