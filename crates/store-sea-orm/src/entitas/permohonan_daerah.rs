//! Table `permohonan_daerah`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "permohonan_daerah")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub instansi_id: String,
    pub unit_id: String,
    pub pemohon: String,
    pub status: String,
    pub menunggu_tugas: Option<String>,
    pub menunggu_akun: Option<String>,
    pub sistem_elektronik_id: Option<String>,
    pub diajukan_pada: DateTimeUtc,
    pub isi: Json,
}

impl ActiveModelBehavior for ActiveModel {}
