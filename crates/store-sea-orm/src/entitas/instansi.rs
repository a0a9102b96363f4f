//! Table `instansi`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "instansi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub nama: String,
    pub kunci_nama: String,
    pub jenis: String,
    pub provinsi: Option<String>,
    pub kota: Option<String>,
    pub alamat: Option<String>,
    pub website: Option<String>,
    pub telepon: Option<String>,
    pub domain_email: Option<String>,
    pub terverifikasi: bool,
}

impl ActiveModelBehavior for ActiveModel {}
