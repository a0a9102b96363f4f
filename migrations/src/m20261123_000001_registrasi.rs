//! Reference data, instansi, accounts, Pejabat Pendaftar applications, activation tokens, the audit
//! trail, the email outbox and sessions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000001_registrasi"
    }
}

fn tabel(nama: &'static str) -> TableCreateStatement {
    Table::create().table(nama).if_not_exists().to_owned()
}

fn indeks(tabel: &'static str, nama: &'static str, kolom: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(nama).table(tabel).if_not_exists();
    for k in kolom {
        i.col(*k);
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tabel("wilayah")
                .col(string("kode").primary_key())
                .col(string("nama"))
                .col(string_null("induk"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            tabel("libur")
                .col(date("tanggal").primary_key())
                .col(string("keterangan"))
                .col(string("jenis"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            tabel("instansi")
                .col(string("id").primary_key())
                .col(string("nama"))
                .col(string("kunci_nama"))
                .col(string("jenis"))
                .col(string_null("provinsi"))
                .col(string_null("kota"))
                .col(text_null("alamat"))
                .col(string_null("website"))
                .col(string_null("telepon"))
                .col(string_null("domain_email"))
                .col(boolean("terverifikasi"))
                .to_owned(),
        )
        .await?;
        m.create_index(indeks("instansi", "instansi_kunci_nama", &["kunci_nama"]))
            .await?;
        m.create_index(indeks("instansi", "instansi_provinsi", &["provinsi"]))
            .await?;
        m.create_table(
            tabel("akun")
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string_uniq("email"))
                .col(string("nama"))
                .col(string("peran"))
                .col(string_null("instansi_id"))
                .col(string_null("unit_id"))
                .col(string("status"))
                .col(text_null("kata_sandi_hash"))
                .col(integer("gagal_masuk"))
                .col(timestamp_with_time_zone_null("terkunci_sampai"))
                .col(string("jabatan"))
                .col(string("nomor_induk"))
                .col(string("telepon_kantor"))
                .col(string("nomor_hp"))
                .col(timestamp_with_time_zone("dibuat_pada"))
                .to_owned(),
        )
        .await?;
        // R-PEJ-12: one active (or activating) Pejabat Pendaftar per instansi, held by the database too.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS akun_satu_pejabat_per_instansi ON akun (instansi_id) \
                 WHERE peran = 'pejabat_pendaftar' AND status <> 'nonaktif'",
            )
            .await?;
        m.create_table(
            tabel("permohonan_pejabat")
                .col(string("id").primary_key())
                .col(big_integer("versi"))
                .col(string("status"))
                .col(string("email"))
                .col(json("data"))
                .col(json("instansi"))
                .col(json("dokumen"))
                .col(timestamp_with_time_zone("diajukan_pada"))
                .col(timestamp_with_time_zone("masuk_antrian_pada"))
                .col(integer("jumlah_pengajuan"))
                .col(json_null("penolakan"))
                .col(string_null("kode_perbaikan_hash"))
                .col(string_null("akun_id"))
                .to_owned(),
        )
        .await?;
        m.create_index(indeks(
            "permohonan_pejabat",
            "permohonan_status",
            &["status", "masuk_antrian_pada"],
        ))
        .await?;
        m.create_index(indeks("permohonan_pejabat", "permohonan_email", &["email"]))
            .await?;
        m.create_table(
            tabel("token_aktivasi")
                .col(string("hash").primary_key())
                .col(string("akun_id"))
                .col(timestamp_with_time_zone("kedaluwarsa"))
                .col(timestamp_with_time_zone_null("dipakai_pada"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            tabel("audit")
                .col(string("id").primary_key())
                .col(timestamp_with_time_zone("waktu"))
                .col(string("aktor"))
                .col(string("subjek_jenis"))
                .col(string("subjek_id"))
                .col(string("aksi"))
                .col(string_null("dari_status"))
                .col(string_null("ke_status"))
                .col(text_null("alasan"))
                .to_owned(),
        )
        .await?;
        m.create_index(indeks("audit", "audit_subjek", &["subjek_id"]))
            .await?;
        m.create_table(
            tabel("outbox")
                .col(string("id").primary_key())
                .col(string("kepada"))
                .col(string("template"))
                .col(json("data"))
                .col(string("status"))
                .col(integer("percobaan"))
                .col(timestamp_with_time_zone("berikutnya"))
                .col(text_null("galat_terakhir"))
                .col(timestamp_with_time_zone("dibuat_pada"))
                .col(timestamp_with_time_zone_null("terkirim_pada"))
                .to_owned(),
        )
        .await?;
        m.create_index(indeks(
            "outbox",
            "outbox_antrian",
            &["status", "berikutnya"],
        ))
        .await?;
        m.create_table(
            tabel("sesi")
                .col(string("id").primary_key())
                .col(text("data"))
                .col(timestamp_with_time_zone("kedaluwarsa"))
                .col(string_null("akun_id"))
                .to_owned(),
        )
        .await?;
        m.create_index(indeks("sesi", "sesi_akun", &["akun_id"]))
            .await?;

        // R-X-01: audit records cannot be edited or removed.
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE OR REPLACE FUNCTION audit_tidak_dapat_diubah() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION 'catatan audit tidak dapat diubah'; END; $$ LANGUAGE plpgsql",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_kunci BEFORE UPDATE OR DELETE ON audit \
                     FOR EACH ROW EXECUTE FUNCTION audit_tidak_dapat_diubah()",
                )
                .await?;
            }
            _ => {
                for aksi in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER IF NOT EXISTS audit_kunci_{} BEFORE {aksi} ON audit \
                         BEGIN SELECT RAISE(ABORT, 'catatan audit tidak dapat diubah'); END",
                        aksi.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }
}
