//! Each system's progress as a plain column, so lists read summaries without parsing a system's
//! sections. Existing rows are filled with the domain's rule: complete sections, plus one for at
//! least one document, plus one for the self-assessment, times ten.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000008_progres"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("sistem_elektronik")
                .add_column(ColumnDef::new("progres").integer().not_null().default(0))
                .to_owned(),
        )
        .await?;
        let isi = match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                "UPDATE sistem_elektronik SET progres = 10 * ( \
                 (SELECT count(*) FROM json_object_keys(bagian)) \
                 + CASE WHEN json_array_length(dokumen) > 0 THEN 1 ELSE 0 END \
                 + CASE WHEN penilaian IS NULL THEN 0 ELSE 1 END)"
            }
            _ => {
                "UPDATE sistem_elektronik SET progres = 10 * ( \
                 (SELECT count(*) FROM json_each(bagian)) \
                 + CASE WHEN json_array_length(dokumen) > 0 THEN 1 ELSE 0 END \
                 + CASE WHEN penilaian IS NULL THEN 0 ELSE 1 END)"
            }
        };
        m.get_connection().execute_unprepared(isi).await?;
        Ok(())
    }
}
