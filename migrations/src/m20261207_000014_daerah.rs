//! A pemda's one-door intake (R-DAE): petugas are accounts with a task (`akun.tugas`), an office
//! may keep its own hours (`jam_kerja_instansi`), and each request is one row whose steps,
//! dispositions and returns travel as JSON beside the columns its lists filter and order on:
//! who it waits for, its pemda, its applicant, each by application time.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000014_daerah"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("akun")
                .add_column_if_not_exists(string_null("tugas"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("akun_instansi_peran")
                .table("akun")
                .if_not_exists()
                .col("instansi_id")
                .col("peran")
                .col("nama")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("jam_kerja_instansi")
                .if_not_exists()
                .col(string("instansi_id").primary_key())
                .col(json("jam"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("permohonan_daerah")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("instansi_id"))
                .col(string("unit_id"))
                .col(string("pemohon"))
                .col(string("status"))
                .col(string_null("menunggu_tugas"))
                .col(string_null("menunggu_akun"))
                .col(string_null("sistem_elektronik_id"))
                .col(timestamp_with_time_zone("diajukan_pada"))
                .col(json("isi"))
                .to_owned(),
        )
        .await?;
        for (nama, kolom) in [
            (
                "permohonan_daerah_instansi",
                ["instansi_id", "diajukan_pada", "id"].as_slice(),
            ),
            (
                "permohonan_daerah_pemohon",
                &["pemohon", "diajukan_pada", "id"],
            ),
            (
                "permohonan_daerah_akun",
                &["menunggu_akun", "diajukan_pada", "id"],
            ),
            (
                "permohonan_daerah_tugas",
                &["instansi_id", "menunggu_tugas", "diajukan_pada", "id"],
            ),
        ] {
            let mut i = Index::create();
            i.name(nama).table("permohonan_daerah").if_not_exists();
            for k in kolom {
                i.col(*k);
            }
            m.create_index(i.to_owned()).await?;
        }
        Ok(())
    }
}
