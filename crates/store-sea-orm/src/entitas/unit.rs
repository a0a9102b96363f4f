//! Table `unit_organisasi`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_organisasi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub instansi_id: String,
    pub induk_id: Option<String>,
    pub nama: String,
    pub jabatan_kepala: String,
    pub dibuat_pada: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
