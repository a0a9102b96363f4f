//! Failed logins counted per typed email and client address (a digest of both), replacing the
//! per-account counter: a lock earned from elsewhere no longer shuts an account's owner out.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, integer, string};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000009_percobaan_masuk"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("percobaan_masuk")
                .col(string("kunci").primary_key())
                .col(integer("gagal"))
                .col(big_integer("terakhir"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("percobaan_masuk_terakhir")
                .table("percobaan_masuk")
                .col("terakhir")
                .to_owned(),
        )
        .await?;
        for kolom in ["gagal_masuk", "terkunci_sampai"] {
            m.get_connection()
                .execute_unprepared(&format!("ALTER TABLE akun DROP COLUMN {kolom}"))
                .await?;
        }
        Ok(())
    }
}
