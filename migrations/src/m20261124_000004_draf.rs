//! Section drafts: what was typed into a section before it could be saved in full.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261124_000004_draf"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("sistem_elektronik")
                .add_column(ColumnDef::new("draf").json().not_null().default("{}"))
                .to_owned(),
        )
        .await
    }
}
