//! Table `permohonan_sep`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "permohonan_sep")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub aplikasi_id: String,
    pub instansi_id: String,
    pub status: String,
    pub diajukan_pada: DateTimeUtc,
    pub tenggat: Option<DateTimeUtc>,
    pub ingat_pada: Option<DateTimeUtc>,
    pub isi: Json,
}

impl ActiveModelBehavior for ActiveModel {}
