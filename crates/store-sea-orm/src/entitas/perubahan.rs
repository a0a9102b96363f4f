//! Table `perubahan_data`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "perubahan_data")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub sistem_id: String,
    pub nama_sistem: String,
    pub instansi_id: String,
    pub unit_id: Option<String>,
    pub pemohon: String,
    pub status: String,
    pub alasan: String,
    pub penolakan: Option<Json>,
    pub sebelum: Option<Json>,
    pub perbedaan: Json,
    pub diajukan_pada: DateTimeUtc,
    pub diputus_pada: Option<DateTimeUtc>,
    pub selesai_pada: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
