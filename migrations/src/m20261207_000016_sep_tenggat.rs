//! The due time of a request's next step on the Direktorat's desk (the file check, then the
//! decision: the overdue filter reads it) and when the admins are reminded of the decision's due
//! time (the scheduled check finds them by it on a partial index). Requests that waited before
//! this migration count as due from when they were filed.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000016_sep_tenggat"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for kolom in ["tenggat", "ingat_pada"] {
            m.alter_table(
                Table::alter()
                    .table("permohonan_sep")
                    .add_column(ColumnDef::new(kolom).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        }
        let c = m.get_connection();
        c.execute_unprepared(&format!(
            "UPDATE permohonan_sep SET tenggat = diajukan_pada WHERE {}",
            crate::PREDIKAT_ANTRIAN_SEP
        ))
        .await?;
        c.execute_unprepared(
            "CREATE INDEX IF NOT EXISTS permohonan_sep_ingat ON permohonan_sep (ingat_pada) WHERE ingat_pada IS NOT NULL",
        )
        .await?;
        Ok(())
    }
}
