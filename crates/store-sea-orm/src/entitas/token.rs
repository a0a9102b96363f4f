//! Table `token_aktivasi`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "token_aktivasi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub hash: String,
    pub akun_id: String,
    pub kedaluwarsa: DateTimeUtc,
    pub dipakai_pada: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
