//! Report configurations.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261124_000006_laporan"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("laporan")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("pemilik"))
                .col(string("nama"))
                .col(json("kolom"))
                .col(json("filter"))
                .col(string_null("urutan"))
                .col(timestamp_with_time_zone("dibuat_pada"))
                .col(timestamp_with_time_zone("diubah_pada"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("laporan_pemilik")
                .table("laporan")
                .col("pemilik")
                .if_not_exists()
                .to_owned(),
        )
        .await
    }
}
