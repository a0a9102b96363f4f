//! Table `akun`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "akun")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub email: String,
    pub nama: String,
    pub peran: String,
    pub instansi_id: Option<String>,
    pub unit_id: Option<String>,
    pub status: String,
    pub kata_sandi_hash: Option<String>,
    pub jabatan: String,
    pub nomor_induk: String,
    pub telepon_kantor: String,
    pub nomor_hp: String,
    pub dibuat_pada: DateTimeUtc,
    pub tugas: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
