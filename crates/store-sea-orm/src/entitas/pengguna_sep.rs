//! Table `pengguna_sep`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "pengguna_sep")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub versi: i64,
    pub aplikasi_id: String,
    pub instansi_id: String,
    pub peran: String,
    pub status: String,
    pub akun_id: Option<String>,
    pub nama: String,
    pub email: String,
    pub berubah_pada: DateTimeUtc,
    pub isi: Json,
}

impl ActiveModelBehavior for ActiveModel {}
