//! Table `wilayah`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "wilayah")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kode: String,
    pub nama: String,
    pub induk: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
