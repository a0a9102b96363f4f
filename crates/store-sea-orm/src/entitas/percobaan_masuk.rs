//! Table `percobaan_masuk`: failed logins per digest of email and client address.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "percobaan_masuk")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kunci: String,
    pub gagal: i32,
    /// The last failure, in seconds since the epoch.
    pub terakhir: i64,
}

impl ActiveModelBehavior for ActiveModel {}
