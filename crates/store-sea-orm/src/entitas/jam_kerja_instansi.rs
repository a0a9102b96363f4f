//! Table `jam_kerja_instansi`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "jam_kerja_instansi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub instansi_id: String,
    pub jam: Json,
}

impl ActiveModelBehavior for ActiveModel {}
