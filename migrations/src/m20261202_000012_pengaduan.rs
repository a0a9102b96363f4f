//! Complaints (Isu dan Keluhan, R-LAY-03): numbered per year (unique, so two complaints filed at
//! once cannot share a number), read back by number, listed open ones oldest first.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000012_pengaduan"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("pengaduan")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(integer("tahun"))
                .col(integer("urut"))
                .col(string("hash_kode"))
                .col(string("nama"))
                .col(string("email"))
                .col(string("kategori"))
                .col(text("uraian"))
                .col(string_null("rujukan"))
                .col(string("status"))
                .col(json("tanggapan"))
                .col(timestamp_with_time_zone("diajukan_pada"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("pengaduan_nomor")
                .table("pengaduan")
                .if_not_exists()
                .unique()
                .col("tahun")
                .col("urut")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("pengaduan_status")
                .table("pengaduan")
                .if_not_exists()
                .col("status")
                .col("diajukan_pada")
                .col("id")
                .to_owned(),
        )
        .await?;
        // The admin's default list: every open complaint, oldest first.
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX IF NOT EXISTS pengaduan_terbuka ON pengaduan (diajukan_pada, id) \
                 WHERE status IN ('baru', 'diproses')",
            )
            .await?;
        Ok(())
    }
}
