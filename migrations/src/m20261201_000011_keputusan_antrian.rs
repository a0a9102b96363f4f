//! Decisions of the verification desk with the time each took, for the admin's service-level
//! summary (median time to decision per kind over the last days).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, boolean, string, timestamp_with_time_zone};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000011_keputusan_antrian"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("keputusan_antrian")
                .col(string("id").primary_key())
                .col(string("jenis"))
                .col(string("item_id"))
                .col(timestamp_with_time_zone("masuk"))
                .col(timestamp_with_time_zone("diputuskan"))
                .col(big_integer("lama_detik"))
                .col(boolean("setuju"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("keputusan_antrian_jenis")
                .table("keputusan_antrian")
                .col("jenis")
                .col("diputuskan")
                .col("lama_detik")
                .to_owned(),
        )
        .await
    }
}
