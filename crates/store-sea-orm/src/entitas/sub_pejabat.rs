//! Table `sub_pejabat`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sub_pejabat")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub instansi_id: String,
    pub unit_id: String,
    pub email: String,
    pub status: String,
    pub data: Json,
    pub surat_tugas: Json,
    pub penolakan: Option<Json>,
    pub akun_id: Option<String>,
    pub didaftarkan_oleh: String,
    pub diajukan_pada: DateTimeUtc,
    pub masuk_antrian_pada: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
