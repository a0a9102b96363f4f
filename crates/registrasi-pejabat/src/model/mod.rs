//! Aggregates and value objects of the registration.

pub mod akun;
pub mod dokumen;
pub mod email;
pub mod formulir;
pub mod instansi;
pub mod kata_sandi;
pub mod masuk;
pub mod nomor_induk;
pub mod permohonan;
pub mod sub_pejabat;
pub mod surat;
pub mod telepon;
pub mod token;
pub mod unit;

pub use akun::{Akun, RekamAkun, StatusAkun};
pub use dokumen::{Berkas, DokumenRef};
pub use email::{AturanDomain, Email, EmailDinas};
pub use formulir::{
    DataPendaftar, FormulirPendaftaran, KonteksValidasi, PilihanInstansi, TingkatJabatan,
    UsulanInstansi,
};
pub use instansi::{Instansi, JenisInstansi, RekamInstansi, Wilayah};
pub use kata_sandi::KataSandiBaru;
pub use masuk::{KunciMasuk, PercobaanMasuk};
pub use nomor_induk::{JenisKepegawaian, Nik, Nip, NomorInduk};
pub use permohonan::{
    KategoriPenolakan, Penolakan, PermohonanPejabat, RekamPermohonan, StatusPendaftar,
    StatusPermohonan, nomor_permohonan_sah,
};
pub use sub_pejabat::{
    DataSubPejabat, FormulirSubPejabat, KonteksSubPejabat, RekamSubPejabat, StatusSubPejabat,
    SubPejabat,
};
pub use surat::{Blok, IsiSurat, JenisSurat};
pub use telepon::{NomorHp, NomorTelepon};
pub use token::{TokenAktivasi, hash_token};
pub use unit::{IsianUnit, RekamUnit, UnitOrganisasi};
