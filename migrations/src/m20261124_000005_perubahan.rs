//! Change requests for registered systems, with the previous version and the field-by-field change.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261124_000005_perubahan"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("perubahan_data")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("sistem_id"))
                .col(string("nama_sistem"))
                .col(string("instansi_id"))
                .col(string_null("unit_id"))
                .col(string("pemohon"))
                .col(string("status"))
                .col(text("alasan"))
                .col(json_null("penolakan"))
                .col(json_null("sebelum"))
                .col(json("perbedaan"))
                .col(timestamp_with_time_zone("diajukan_pada"))
                .col(timestamp_with_time_zone_null("diputus_pada"))
                .col(timestamp_with_time_zone_null("selesai_pada"))
                .to_owned(),
        )
        .await?;
        for (nama, kolom) in [
            ("perubahan_instansi", vec!["instansi_id", "unit_id"]),
            ("perubahan_sistem", vec!["sistem_id", "diajukan_pada"]),
            ("perubahan_status", vec!["status", "diajukan_pada"]),
        ] {
            let mut i = Index::create();
            i.name(nama).table("perubahan_data").if_not_exists();
            for k in kolom {
                i.col(k);
            }
            m.create_index(i.to_owned()).await?;
        }
        // R-PD-02: at most one open request per system, whatever races.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS perubahan_satu_terbuka ON perubahan_data (sistem_id) \
                 WHERE status IN ('terkirim', 'disetujui_sedang_dalam_perubahan')",
            )
            .await?;
        Ok(())
    }
}
