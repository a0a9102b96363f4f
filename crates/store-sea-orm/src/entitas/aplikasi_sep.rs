//! Table `aplikasi_sep`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "aplikasi_sep")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub nama: String,
    pub hash_token: Option<String>,
    pub isi: Json,
}

impl ActiveModelBehavior for ActiveModel {}
