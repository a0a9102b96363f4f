//! Aggregates and value objects of a system's registration.

pub mod akses;
pub mod bagian;
pub mod data_awal;
pub mod isi;
pub mod kategori;
pub mod sistem;

pub use bagian::Bagian;
pub use data_awal::{Akses, DataAwal, IsianDataAwal, Sasaran, UrlSistem};
pub use isi::{IsiSistem, Perbedaan};
pub use kategori::{BatasKategori, Jawaban, KategoriSe, PERTANYAAN, PenilaianKategori};
pub use sistem::{
    Pengembalian, RekamSistem, SistemElektronik, StatusBagian, StatusSistem, TandaDaftar,
};
