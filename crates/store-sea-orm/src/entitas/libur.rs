//! Table `libur`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "libur")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tanggal: Date,
    pub keterangan: String,
    pub jenis: String,
}

impl ActiveModelBehavior for ActiveModel {}
