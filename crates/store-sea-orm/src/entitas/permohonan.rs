//! Table `permohonan_pejabat`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "permohonan_pejabat")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub status: String,
    pub email: String,
    pub data: Json,
    pub instansi: Json,
    pub dokumen: Json,
    pub diajukan_pada: DateTimeUtc,
    pub masuk_antrian_pada: DateTimeUtc,
    pub jumlah_pengajuan: i32,
    pub penolakan: Option<Json>,
    pub kode_perbaikan_hash: Option<String>,
    pub akun_id: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
