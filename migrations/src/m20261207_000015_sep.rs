//! The government's office applications (R-SEP): the catalogue with each application's sync
//! token hash, requests to use them (the Direktorat's queue on a partial index), their users with
//! the time of each one's last change of state (the sync reads by it), misuse cases (due warnings
//! found by their due time), and the scheduled jobs' claims (one instance runs a job at a time).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000015_sep"
    }
}

/// The statuses a request waits for the Direktorat in, word for word as the store queries them.
pub const PREDIKAT_ANTRIAN_SEP: &str = "status IN ('diajukan', 'lengkap')";

async fn indeks(
    m: &SchemaManager<'_>,
    nama: &str,
    tabel: &'static str,
    kolom: &[&'static str],
) -> Result<(), DbErr> {
    let mut i = Index::create();
    i.name(nama).table(tabel).if_not_exists();
    for k in kolom {
        i.col(*k);
    }
    m.create_index(i.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("aplikasi_sep")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(string("nama"))
                .col(string_null("hash_token"))
                .col(json("isi"))
                .to_owned(),
        )
        .await?;
        indeks(m, "aplikasi_sep_token", "aplikasi_sep", &["hash_token"]).await?;
        m.create_table(
            Table::create()
                .table("permohonan_sep")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("aplikasi_id"))
                .col(string("instansi_id"))
                .col(string("status"))
                .col(timestamp_with_time_zone("diajukan_pada"))
                .col(json("isi"))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS permohonan_sep_antrian ON permohonan_sep (diajukan_pada, id) WHERE {PREDIKAT_ANTRIAN_SEP}"
            ))
            .await?;
        m.create_table(
            Table::create()
                .table("pengguna_sep")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("aplikasi_id"))
                .col(string("instansi_id"))
                .col(string("peran"))
                .col(string("status"))
                .col(string_null("akun_id"))
                .col(string("nama"))
                .col(string("email"))
                .col(timestamp_with_time_zone("berubah_pada"))
                .col(json("isi"))
                .to_owned(),
        )
        .await?;
        indeks(
            m,
            "pengguna_sep_sinkron",
            "pengguna_sep",
            &["aplikasi_id", "berubah_pada", "id"],
        )
        .await?;
        indeks(
            m,
            "pengguna_sep_instansi",
            "pengguna_sep",
            &["aplikasi_id", "instansi_id", "nama", "id"],
        )
        .await?;
        indeks(m, "pengguna_sep_akun", "pengguna_sep", &["akun_id"]).await?;
        indeks(
            m,
            "pengguna_sep_email",
            "pengguna_sep",
            &["aplikasi_id", "email"],
        )
        .await?;
        m.create_table(
            Table::create()
                .table("penyalahgunaan_sep")
                .if_not_exists()
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("pengguna_id"))
                .col(string("status"))
                .col(timestamp_with_time_zone("dicatat_pada"))
                .col(timestamp_with_time_zone_null("tenggat"))
                .col(json("isi"))
                .to_owned(),
        )
        .await?;
        indeks(
            m,
            "penyalahgunaan_sep_daftar",
            "penyalahgunaan_sep",
            &["dicatat_pada", "id"],
        )
        .await?;
        indeks(
            m,
            "penyalahgunaan_sep_tenggat",
            "penyalahgunaan_sep",
            &["status", "tenggat"],
        )
        .await?;
        indeks(
            m,
            "penyalahgunaan_sep_pengguna",
            "penyalahgunaan_sep",
            &["pengguna_id", "status"],
        )
        .await?;
        // The admin's account list, by creation time.
        indeks(m, "akun_dibuat", "akun", &["dibuat_pada", "id"]).await?;
        m.create_table(
            Table::create()
                .table("jadwal")
                .if_not_exists()
                .col(string("nama").primary_key())
                .col(timestamp_with_time_zone("sampai"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
