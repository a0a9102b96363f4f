//! Table `sesi`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sesi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub data: String,
    pub kedaluwarsa: DateTimeUtc,
    pub akun_id: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
