//! Table `keputusan_antrian`: the verification desk's decisions and how long each took.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "keputusan_antrian")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub jenis: String,
    pub item_id: String,
    pub masuk: DateTimeUtc,
    pub diputuskan: DateTimeUtc,
    pub lama_detik: i64,
    pub setuju: bool,
}

impl ActiveModelBehavior for ActiveModel {}
