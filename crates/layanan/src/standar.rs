//! The service standard (R-LAY-01), as the ministry publishes it (SK Nomor 29 Tahun 2024): who
//! may use the service, the requirements, each service's procedure, time, cost, product and how
//! to complain. Every page and document that shows it reads it from here.

use serde::Serialize;

/// The helpdesk telephone when none is configured (R-LAY-02).
pub const TELEPON_BAWAAN: &str = "0811-1112-4678";

/// The national complaint channel (SP4N-LAPOR!).
pub const URL_LAPOR: &str = "https://www.lapor.go.id";

/// Where people get help (R-LAY-02): shown in every page's footer and at the end of every email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KontakLayanan {
    /// The helpdesk telephone.
    pub telepon: String,
    /// The helpdesk email, if any.
    pub email: Option<String>,
    /// When the helpdesk answers.
    pub jam: String,
}

impl Default for KontakLayanan {
    fn default() -> Self {
        Self {
            telepon: TELEPON_BAWAAN.into(),
            email: None,
            jam: JAM_BAWAAN.into(),
        }
    }
}

/// The helpdesk's hours when none are configured.
pub const JAM_BAWAAN: &str = "Senin–Kamis 08.00–16.00, Jumat 08.00–16.30 WIB";

impl KontakLayanan {
    /// The lines an email ends with: the helpdesk, the complaint channels, the cost.
    pub fn penutup_surel(&self, base_url: &str) -> Vec<String> {
        let mut helpdesk = format!("Helpdesk PSE Lingkup Publik: {}", self.telepon);
        if let Some(e) = &self.email {
            helpdesk.push_str(&format!(" · {e}"));
        }
        helpdesk.push_str(&format!(" ({})", self.jam));
        vec![
            helpdesk,
            format!("Isu dan Keluhan: {base_url}/pengaduan · SP4N-LAPOR!: {URL_LAPOR}"),
            "Layanan ini tidak dipungut biaya.".into(),
        ]
    }
}

/// Who acts in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Pelaku {
    /// The registering instansi (its Pejabat Pendaftar or Sub Pejabat).
    Pemohon,
    /// The ministry's Direktorat LAIP.
    DirektoratLaip,
}

impl Pelaku {
    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pemohon => "Pemohon",
            Self::DirektoratLaip => "Direktorat LAIP",
        }
    }
}

/// One step of a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Langkah {
    /// Who acts.
    pub pelaku: Pelaku,
    /// A few words for the diagram.
    pub ringkas: &'static str,
    /// What is done.
    pub uraian: &'static str,
    /// Where a rejection sends the applicant back (the step's number, from 1), if it can.
    pub kembali_ke: Option<usize>,
}

const fn langkah(pelaku: Pelaku, ringkas: &'static str, uraian: &'static str) -> Langkah {
    Langkah {
        pelaku,
        ringkas,
        uraian,
        kembali_ke: None,
    }
}

/// One service of the standard, with its requirements and procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Layanan {
    /// Its anchor on the page (`pejabat`, `sistem`, …).
    pub kode: &'static str,
    /// Its name.
    pub nama: &'static str,
    /// What the applicant brings.
    pub persyaratan: &'static [&'static str],
    /// The procedure, in order.
    pub prosedur: &'static [Langkah],
}

/// The whole standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StandarPelayanan {
    /// The service's name.
    pub nama: &'static str,
    /// The decree that sets it.
    pub dasar: &'static str,
    /// Who may use it.
    pub pengguna: &'static [&'static str],
    /// The one-door rule for units and perangkat daerah.
    pub satu_pintu: &'static str,
    /// Each service.
    pub layanan: &'static [Layanan],
    /// Completion time.
    pub waktu: &'static str,
    /// Cost.
    pub biaya: &'static str,
    /// Product.
    pub produk: &'static str,
    /// How complaints are handled.
    pub pengaduan: &'static [&'static str],
}

use Pelaku::{DirektoratLaip as Laip, Pemohon};

/// The standard of the PSE Lingkup Publik service.
pub const STANDAR: StandarPelayanan = StandarPelayanan {
    nama: "Pendaftaran Sistem Elektronik Lingkup Publik",
    dasar: "Keputusan Nomor 29 Tahun 2024",
    pengguna: &[
        "Instansi Pusat dan Pemerintah Daerah",
        "Institusi yang ditunjuk oleh Instansi Penyelenggara Negara",
    ],
    satu_pintu: "Unit kerja atau perangkat daerah yang akan mendaftarkan sistem elektroniknya mendaftar satu pintu melalui Dinas Komunikasi dan Informatika atau unit kerja yang berwenang di bidang TIK (Pusdatin) instansinya.",
    layanan: &[
        Layanan {
            kode: "pejabat",
            nama: "Pendaftaran Pejabat Pendaftar",
            persyaratan: &[
                "Instansi Penyelenggara Negara: pejabat dengan jabatan administrator atau jabatan fungsional ahli madya yang berkompeten di bidang TIK pada satuan kerja atau perangkat daerah yang membidangi urusan komunikasi dan informatika.",
                "Institusi: pegawai dengan perjanjian kerja waktu tidak tertentu (PKWTT) yang memimpin unit teknologi informasi dan komunikasi di Institusi.",
                "Surat Permohonan kepada Menteri cq. Direktur Jenderal Aplikasi Informatika, ditandatangani pimpinan instansi atau institusi.",
                "Surat Tugas berisi nama, NIP atau NIK, jabatan dan unit kerja pejabat yang ditunjuk, ditandatangani Pimpinan Sekretariat.",
                "Kedua surat digabung dalam satu berkas PDF; templatnya dapat diunduh dari formulir pendaftaran.",
            ],
            prosedur: &[
                langkah(
                    Pemohon,
                    "Isi formulir, unggah surat",
                    "Mengisi formulir pendaftaran Pejabat Pendaftar dan mengunggah Surat Tugas serta Surat Permohonan.",
                ),
                langkah(
                    Laip,
                    "Verifikasi data dan dokumen",
                    "Memverifikasi data dan kelengkapan dokumen.",
                ),
                Langkah {
                    pelaku: Laip,
                    ringkas: "Setujui atau tolak",
                    uraian: "Menyetujui, atau menolak dengan alasan (antara lain unit kerja tidak berwenang di bidang TIK).",
                    kembali_ke: Some(1),
                },
                langkah(
                    Pemohon,
                    "Aktivasi akun",
                    "Menerima tautan aktivasi melalui email dan membuat kata sandi.",
                ),
            ],
        },
        Layanan {
            kode: "sistem",
            nama: "Pendaftaran Sistem Elektronik",
            persyaratan: &[
                "Akun Pejabat Pendaftar atau Sub Pejabat yang aktif.",
                "Data Awal sistem elektronik: nama internal dan eksternal, keterangan, sasaran pelayanan, kategori, kategori akses, alamat (URL) dan kesediaan dipublikasikan.",
                "Formulir sistem elektronik lengkap (sembilan bagian) dan penilaian mandiri kategori sistem elektronik.",
                "Dokumen pendukung dalam bentuk PDF.",
            ],
            prosedur: &[
                langkah(
                    Pemohon,
                    "Isi Data Awal",
                    "Mengisi Data Awal sistem elektronik.",
                ),
                Langkah {
                    pelaku: Laip,
                    ringkas: "Verifikasi Data Awal",
                    uraian: "Memverifikasi dan memvalidasi Data Awal.",
                    kembali_ke: Some(1),
                },
                langkah(
                    Pemohon,
                    "Lengkapi dan ajukan",
                    "Melengkapi formulir, penilaian mandiri kategori dan dokumen pendukung hingga 100%, lalu mengajukannya.",
                ),
                langkah(
                    Laip,
                    "Verifikasi, kabari BSSN",
                    "Memverifikasi kelengkapan dan mengirimkan hasil penilaian mandiri kategori ke BSSN.",
                ),
                Langkah {
                    pelaku: Laip,
                    ringkas: "Terbitkan atau kembalikan",
                    uraian: "Menyetujui dan menerbitkan Tanda Daftar, atau mengembalikan formulir bila data tidak valid.",
                    kembali_ke: Some(3),
                },
                langkah(
                    Pemohon,
                    "Pasang trustmark",
                    "Menerima Tanda Daftar dan memasangnya pada sistem elektronik sebagai trustmark.",
                ),
            ],
        },
        Layanan {
            kode: "perubahan",
            nama: "Perubahan Data Sistem Elektronik",
            persyaratan: &[
                "Sistem elektronik yang sudah terdaftar.",
                "Alasan perubahan dan data yang diubah.",
            ],
            prosedur: &[
                langkah(
                    Pemohon,
                    "Ajukan perubahan",
                    "Mengajukan perubahan data beserta alasannya.",
                ),
                Langkah {
                    pelaku: Laip,
                    ringkas: "Setujui atau tolak",
                    uraian: "Memverifikasi, lalu menyetujui (data diperbarui) atau menolak dengan alasan.",
                    kembali_ke: Some(1),
                },
            ],
        },
    ],
    waktu: "Maksimal 1 (satu) hari kerja untuk setiap verifikasi.",
    biaya: "Tidak dipungut biaya.",
    produk: "Tanda Daftar PSE Lingkup Publik.",
    pengaduan: &[
        "Helpdesk melalui telepon dan email pada jam layanan.",
        "Isu dan Keluhan di portal ini: setiap pengaduan mendapat nomor dan dapat dipantau statusnya.",
        "SP4N-LAPOR! untuk pengaduan, aspirasi dan permintaan informasi pelayanan publik.",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_lay_01_the_standard_names_time_cost_product_and_complaints() {
        assert!(STANDAR.biaya.contains("Tidak dipungut biaya"));
        assert!(STANDAR.waktu.contains("1 (satu) hari kerja"));
        assert!(STANDAR.produk.contains("Tanda Daftar"));
        assert!(STANDAR.pengaduan.iter().any(|p| p.contains("LAPOR!")));
        for l in STANDAR.layanan {
            assert!(
                !l.persyaratan.is_empty() && !l.prosedur.is_empty(),
                "{}",
                l.nama
            );
            for s in l.prosedur {
                assert!(
                    s.kembali_ke
                        .is_none_or(|k| (1..=l.prosedur.len()).contains(&k)),
                    "{}: a return leads to a step of the same procedure",
                    l.nama
                );
            }
        }
        insta::assert_yaml_snapshot!(STANDAR);
    }
}
