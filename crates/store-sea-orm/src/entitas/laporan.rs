//! Table `laporan`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "laporan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub pemilik: String,
    pub nama: String,
    pub kolom: Json,
    pub filter: Json,
    pub urutan: Option<String>,
    pub dibuat_pada: DateTimeUtc,
    pub diubah_pada: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
