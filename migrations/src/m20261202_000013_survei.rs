//! Invitations to the satisfaction survey and their answers (R-LAY-04): a link answered once (the
//! answer is one update of a row not yet answered), the nine scores as columns so the index of a
//! period is one aggregate on the index of answer times.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000013_survei"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut t = Table::create();
        t.table("undangan_survei")
            .if_not_exists()
            .col(string("id").primary_key())
            .col(string("hash_token").unique_key())
            .col(string("layanan"))
            .col(string("subjek_id"))
            .col(string("email"))
            .col(timestamp_with_time_zone("dibuat_pada"))
            .col(timestamp_with_time_zone_null("dijawab_pada"))
            .col(text_null("saran"));
        for i in 1..=9 {
            t.col(small_integer_null(format!("u{i}")));
        }
        m.create_table(t.to_owned()).await?;
        m.create_index(
            Index::create()
                .name("undangan_survei_dijawab")
                .table("undangan_survei")
                .if_not_exists()
                .col("dijawab_pada")
                .col("id")
                .to_owned(),
        )
        .await
    }
}
