//! Table `undangan_survei`.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "undangan_survei")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub hash_token: String,
    pub layanan: String,
    pub subjek_id: String,
    pub email: String,
    pub dibuat_pada: DateTimeUtc,
    pub dijawab_pada: Option<DateTimeUtc>,
    pub saran: Option<String>,
    pub u1: Option<i16>,
    pub u2: Option<i16>,
    pub u3: Option<i16>,
    pub u4: Option<i16>,
    pub u5: Option<i16>,
    pub u6: Option<i16>,
    pub u7: Option<i16>,
    pub u8: Option<i16>,
    pub u9: Option<i16>,
}

impl ActiveModelBehavior for ActiveModel {}
