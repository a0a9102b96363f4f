//! Electronic systems and their Tanda Daftar numbers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000003_sistem"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("sistem_elektronik")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("instansi_id"))
                .col(string_null("unit_id"))
                .col(string("pendaftar"))
                .col(string("status"))
                .col(string("nama_eksternal"))
                .col(string("kunci_nama"))
                .col(string("kategori"))
                .col(boolean("publikasi"))
                .col(big_integer_null("nomor_tanda_daftar").unique_key())
                .col(json("data_awal"))
                .col(json("bagian"))
                .col(json("dokumen"))
                .col(json_null("penilaian"))
                .col(json_null("pengembalian"))
                .col(json_null("tanda_daftar"))
                .col(timestamp_with_time_zone("dibuat_pada"))
                .col(timestamp_with_time_zone("masuk_antrian_pada"))
                .to_owned(),
        )
        .await?;
        for (nama, kolom) in [
            ("sistem_instansi", vec!["instansi_id", "unit_id"]),
            ("sistem_status", vec!["status", "masuk_antrian_pada"]),
        ] {
            let mut i = Index::create();
            i.name(nama).table("sistem_elektronik").if_not_exists();
            for k in kolom {
                i.col(k);
            }
            m.create_index(i.to_owned()).await?;
        }
        Ok(())
    }
}
