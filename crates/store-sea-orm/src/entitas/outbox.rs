//! Table `outbox`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub kepada: String,
    pub template: String,
    pub data: Json,
    pub status: String,
    pub percobaan: i32,
    pub berikutnya: DateTimeUtc,
    pub galat_terakhir: Option<String>,
    pub dibuat_pada: DateTimeUtc,
    pub terkirim_pada: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
