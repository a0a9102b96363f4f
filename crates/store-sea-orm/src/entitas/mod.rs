//! sea-orm entities, one per table. Crate-private: nothing outside the adapter sees a row type.

pub(crate) mod akun;
pub(crate) mod aplikasi_sep;
pub(crate) mod audit;
pub(crate) mod instansi;
pub(crate) mod jadwal;
pub(crate) mod jam_kerja_instansi;
pub(crate) mod keputusan_antrian;
pub(crate) mod laporan;
pub(crate) mod libur;
pub(crate) mod outbox;
pub(crate) mod pengaduan;
pub(crate) mod pengguna_sep;
pub(crate) mod penyalahgunaan_sep;
pub(crate) mod percobaan_masuk;
pub(crate) mod permohonan;
pub(crate) mod permohonan_daerah;
pub(crate) mod permohonan_sep;
pub(crate) mod perubahan;
pub(crate) mod sesi;
pub(crate) mod sistem;
pub(crate) mod sub_pejabat;
pub(crate) mod survei;
pub(crate) mod token;
pub(crate) mod unit;
pub(crate) mod wilayah;
