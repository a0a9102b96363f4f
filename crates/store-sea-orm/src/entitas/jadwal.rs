//! Table `jadwal`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "jadwal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub nama: String,
    pub sampai: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
