//! Counters taken atomically (`UPDATE … SET nilai = … + 1 … RETURNING nilai`): the row lock makes
//! concurrent transactions, on one instance or several, take consecutive values, and a rolled-back
//! one gives its value back (Tanda Daftar numbers, each year's complaint numbers). A counter's row
//! is made when it is first taken.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000017_penghitung"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("penghitung")
                .if_not_exists()
                .col(ColumnDef::new("nama").string().not_null().primary_key())
                .col(ColumnDef::new("nilai").big_integer().not_null())
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
