//! Database migrations, backend-agnostic: the same steps run on PostgreSQL and SQLite.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_registrasi;
mod m20261123_000002_struktur;
mod m20261123_000003_sistem;
mod m20261124_000004_draf;
mod m20261124_000005_perubahan;
mod m20261124_000006_laporan;
mod m20261201_000007_skala;
mod m20261201_000008_progres;
mod m20261201_000009_percobaan_masuk;
mod m20261201_000010_outbox_bssn;
mod m20261201_000011_keputusan_antrian;
mod m20261202_000012_pengaduan;
mod m20261202_000013_survei;
mod m20261207_000014_daerah;
mod m20261207_000015_sep;
mod m20261207_000016_sep_tenggat;
mod m20261207_000017_penghitung;

pub use m20261201_000010_outbox_bssn::{PREDIKAT_BSSN, nomor_bssn};
pub use m20261207_000015_sep::PREDIKAT_ANTRIAN_SEP;

/// Every migration, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_registrasi::Migration),
            Box::new(m20261123_000002_struktur::Migration),
            Box::new(m20261123_000003_sistem::Migration),
            Box::new(m20261124_000004_draf::Migration),
            Box::new(m20261124_000005_perubahan::Migration),
            Box::new(m20261124_000006_laporan::Migration),
            Box::new(m20261201_000007_skala::Migration),
            Box::new(m20261201_000008_progres::Migration),
            Box::new(m20261201_000009_percobaan_masuk::Migration),
            Box::new(m20261201_000010_outbox_bssn::Migration),
            Box::new(m20261201_000011_keputusan_antrian::Migration),
            Box::new(m20261202_000012_pengaduan::Migration),
            Box::new(m20261202_000013_survei::Migration),
            Box::new(m20261207_000014_daerah::Migration),
            Box::new(m20261207_000015_sep::Migration),
            Box::new(m20261207_000016_sep_tenggat::Migration),
            Box::new(m20261207_000017_penghitung::Migration),
        ]
    }
}
