//! Table `audit`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub waktu: DateTimeUtc,
    pub aktor: String,
    pub subjek_jenis: String,
    pub subjek_id: String,
    pub aksi: String,
    pub dari_status: Option<String>,
    pub ke_status: Option<String>,
    pub alasan: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
