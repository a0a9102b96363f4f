//! Struktur Organisasi units and Sub Pejabat registrations.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000002_struktur"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("unit_organisasi")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("instansi_id"))
                .col(string_null("induk_id"))
                .col(string("nama"))
                .col(string("jabatan_kepala"))
                .col(timestamp_with_time_zone("dibuat_pada"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("unit_organisasi_instansi")
                .table("unit_organisasi")
                .col("instansi_id")
                .if_not_exists()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("sub_pejabat")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("instansi_id"))
                .col(string("unit_id"))
                .col(string("email"))
                .col(string("status"))
                .col(json("data"))
                .col(json("surat_tugas"))
                .col(json_null("penolakan"))
                .col(string_null("akun_id"))
                .col(string("didaftarkan_oleh"))
                .col(timestamp_with_time_zone("diajukan_pada"))
                .col(timestamp_with_time_zone("masuk_antrian_pada"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("sub_pejabat_instansi")
                .table("sub_pejabat")
                .col("instansi_id")
                .if_not_exists()
                .to_owned(),
        )
        .await?;
        // R-SUB-05: one pending or active sub pejabat per unit, held by the database too.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS sub_pejabat_satu_per_unit ON sub_pejabat (unit_id) \
                 WHERE status IN ('tidak_aktif', 'aktif')",
            )
            .await?;
        Ok(())
    }
}
