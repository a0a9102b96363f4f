//! The letters an applicant uploads (R-PEJ-16): Surat Tugas (Lampiran I) and Surat Permohonan
//! (Lampiran II), and the Surat Tugas of a Sub Pejabat (R-SUB-02), composed from what was typed so
//! far. What is not known yet stays a bracketed placeholder to fill in by hand before signing.

use serde::Serialize;

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JenisSurat {
    /// Lampiran I: the head of the secretariat appoints the Pejabat Pendaftar.
    SuratTugas,
    /// Lampiran II: the head of the instansi asks the minister to register its systems.
    SuratPermohonan,
    /// The head of the secretariat appoints a unit's Sub Pejabat.
    SuratTugasSubPejabat,
}

impl JenisSurat {
    /// Parses the path value (`surat-tugas`, `surat-permohonan`).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "surat-tugas" => Some(Self::SuratTugas),
            "surat-permohonan" => Some(Self::SuratPermohonan),
            "surat-tugas-sub-pejabat" => Some(Self::SuratTugasSubPejabat),
            _ => None,
        }
    }

    /// The path value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::SuratTugas => "surat-tugas",
            Self::SuratPermohonan => "surat-permohonan",
            Self::SuratTugasSubPejabat => "surat-tugas-sub-pejabat",
        }
    }

    /// The title shown to people.
    pub fn judul(self) -> &'static str {
        match self {
            Self::SuratTugas => "Surat Tugas",
            Self::SuratPermohonan => "Surat Permohonan Pendaftaran",
            Self::SuratTugasSubPejabat => "Surat Tugas Sub Pejabat",
        }
    }
}

/// What the letters are filled with; empty values become placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IsiSurat {
    /// The instansi's name (chosen from the list or proposed).
    pub instansi: String,
    /// The instansi's telephone.
    pub telepon_instansi: String,
    /// The city the letter is issued in.
    pub kota: String,
    /// The appointed official.
    pub nama: String,
    /// `NIP` or `NIK` (an Institusi's PKWTT employee).
    pub label_nomor_induk: &'static str,
    pub nomor_induk: String,
    pub jabatan: String,
    /// The appointee's unit (a Sub Pejabat's unit of the Struktur Organisasi).
    pub unit: String,
    /// The letter's date, written out (e.g. "23 November 2026").
    pub tanggal: String,
}

/// One block of a letter, in reading order; the page decides how each looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "blok", content = "isi", rename_all = "snake_case")]
pub enum Blok {
    /// The letterhead lines.
    Kop(Vec<String>),
    /// A centred heading.
    Judul(String),
    /// Label–value lines ("Nomor : …").
    Rincian(Vec<(String, String)>),
    /// A paragraph.
    Paragraf(String),
    /// A numbered list.
    Daftar(Vec<String>),
    /// A lettered list (a., b., …).
    DaftarHuruf(Vec<String>),
    /// The signature block, right-aligned.
    TandaTangan(Vec<String>),
}

fn atau(nilai: &str, tempat: &str) -> String {
    match nilai.trim() {
        "" => format!("[{tempat}]"),
        v => v.to_string(),
    }
}

const DASAR: &str = "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi \
Elektronik dan Peraturan Menteri Komunikasi dan Informatika Nomor 10 Tahun 2015 tentang Tata Cara Pendaftaran \
Sistem Elektronik Instansi Penyelenggara Negara";

/// Who a Surat Tugas appoints (the `siapa` of the placeholders), with the unit it works in.
fn ditugaskan(isi: &IsiSurat, siapa: &str, unit: &str) -> Blok {
    Blok::Rincian(vec![
        ("Nama".into(), atau(&isi.nama, &format!("Nama {siapa}"))),
        (
            isi.label_nomor_induk.into(),
            atau(
                &isi.nomor_induk,
                &format!("{} {siapa}", isi.label_nomor_induk),
            ),
        ),
        (
            "Jabatan".into(),
            atau(&isi.jabatan, &format!("Jabatan {siapa}")),
        ),
        ("Unit Kerja".into(), atau(&isi.unit, unit)),
    ])
}

/// The signature of the instansi's head of secretariat, who issues a Surat Tugas.
fn ditandatangani_sekretariat(kota: &str, tanggal: &str, instansi: &str) -> Blok {
    Blok::TandaTangan(vec![
        format!("Dikeluarkan di {kota}"),
        format!("pada tanggal {tanggal}"),
        format!("Pimpinan Sekretariat {instansi},"),
        String::new(),
        "[Nama Pimpinan Sekretariat]".into(),
        "NIP [NIP Pimpinan Sekretariat]".into(),
    ])
}

/// Composes the letter from what is known.
pub fn susun(jenis: JenisSurat, isi: &IsiSurat) -> Vec<Blok> {
    let instansi = atau(&isi.instansi, "Nama Instansi Penyelenggara Negara");
    let kop = Blok::Kop(vec![
        instansi.to_uppercase(),
        format!("SEKRETARIAT {}", instansi.to_uppercase()),
        atau(
            &isi.telepon_instansi,
            "Nomor telepon dan faksimile instansi",
        ),
    ]);
    let kota = atau(&isi.kota, "Nama kota");
    let tanggal = atau(&isi.tanggal, "Tanggal");
    match jenis {
        JenisSurat::SuratTugas => vec![
            kop,
            Blok::Judul("SURAT TUGAS".into()),
            Blok::Rincian(vec![("Nomor".into(), "[Nomor surat]".into())]),
            Blok::Paragraf(format!(
                "Menimbang: bahwa dalam rangka melaksanakan pendaftaran Sistem Elektronik Instansi \
                 Penyelenggara Negara sebagaimana diatur dalam {DASAR}, dipandang perlu menunjuk Pejabat \
                 Pendaftar Sistem Elektronik {instansi}."
            )),
            Blok::Paragraf("Mengingat:".into()),
            Blok::Daftar(vec![
                "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik \
                 sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 1 Tahun 2024;"
                    .into(),
                "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan \
                 Transaksi Elektronik;"
                    .into(),
                "Peraturan Menteri Komunikasi dan Informatika Nomor 10 Tahun 2015 tentang Tata Cara \
                 Pendaftaran Sistem Elektronik Instansi Penyelenggara Negara;"
                    .into(),
                "[Peraturan lain yang menjadi dasar penugasan].".into(),
            ]),
            Blok::Judul("MENUGASKAN".into()),
            ditugaskan(
                isi,
                "Pejabat Pendaftar",
                "Unit kerja/satuan kerja/perangkat daerah",
            ),
            Blok::Paragraf("Untuk:".into()),
            Blok::DaftarHuruf(vec![
                format!(
                    "melakukan koordinasi dengan seluruh satuan kerja dalam rangka pengumpulan data \
                     untuk pendaftaran Sistem Elektronik {instansi};"
                ),
                format!(
                    "mendaftarkan dan bertanggung jawab terhadap proses pendaftaran Sistem Elektronik \
                     {instansi};"
                ),
                "melakukan pemutakhiran data pendaftaran Sistem Elektronik;".into(),
                "menjamin kebenaran seluruh data pendaftaran Sistem Elektronik;".into(),
                "menjaga kerahasiaan akses (nama pengguna dan kata sandi) dan data pendaftaran \
                 Sistem Elektronik; dan"
                    .into(),
                format!("melaporkan hasil kegiatan kepada Pimpinan Sekretariat {instansi}."),
            ]),
            ditandatangani_sekretariat(&kota, &tanggal, &instansi),
        ],
        JenisSurat::SuratTugasSubPejabat => {
            let unit = atau(&isi.unit, "Nama Unit");
            vec![
                kop,
                Blok::Judul("SURAT TUGAS".into()),
                Blok::Rincian(vec![("Nomor".into(), "[Nomor surat]".into())]),
                Blok::Paragraf(format!("Dasar: {DASAR}.")),
                Blok::Judul("MENUGASKAN".into()),
                ditugaskan(isi, "Sub Pejabat", "Nama Unit"),
                Blok::Paragraf("Sebagai Sub Pejabat Pendaftar, untuk:".into()),
                Blok::DaftarHuruf(vec![
                    format!(
                        "mendaftarkan Sistem Elektronik yang dikelola {unit} melalui portal PSE \
                         Lingkup Publik, berkoordinasi dengan Pejabat Pendaftar {instansi};"
                    ),
                    "melakukan pemutakhiran data pendaftaran Sistem Elektronik unit tersebut;"
                        .into(),
                    "menjamin kebenaran data pendaftaran Sistem Elektronik unit tersebut;".into(),
                    "menjaga kerahasiaan akses (nama pengguna dan kata sandi) dan data \
                     pendaftaran Sistem Elektronik; dan"
                        .into(),
                    format!(
                        "melaporkan hasil kegiatan kepada Pejabat Pendaftar dan Pimpinan \
                         Sekretariat {instansi}."
                    ),
                ]),
                ditandatangani_sekretariat(&kota, &tanggal, &instansi),
            ]
        }
        JenisSurat::SuratPermohonan => vec![
            kop,
            Blok::Rincian(vec![
                ("Tempat, tanggal".into(), format!("{kota}, {tanggal}")),
                ("Nomor".into(), "[Nomor surat]".into()),
                ("Sifat".into(), "Biasa".into()),
                ("Lampiran".into(), "1 (satu) berkas Surat Tugas".into()),
                (
                    "Perihal".into(),
                    "Permohonan Pendaftaran Sistem Elektronik Instansi Penyelenggara Negara".into(),
                ),
            ]),
            Blok::Paragraf(
                "Kepada Yth. Menteri Komunikasi dan Digital c.q. Direktur Jenderal yang membidangi \
                 aplikasi informatika, di Jakarta."
                    .into(),
            ),
            Blok::Paragraf(format!(
                "Dalam rangka memenuhi ketentuan pendaftaran Sistem Elektronik sebagaimana diatur dalam \
                 {DASAR}, kami yang bertanda tangan di bawah ini bermaksud mendaftarkan Sistem Elektronik \
                 yang diselenggarakan oleh {instansi}, dengan Pejabat Pendaftar:"
            )),
            Blok::Rincian(vec![
                ("Nama".into(), atau(&isi.nama, "Nama Pejabat Pendaftar")),
                (
                    isi.label_nomor_induk.into(),
                    atau(
                        &isi.nomor_induk,
                        &format!("{} Pejabat Pendaftar", isi.label_nomor_induk),
                    ),
                ),
                ("Jabatan".into(), atau(&isi.jabatan, "Jabatan Pejabat Pendaftar")),
            ]),
            Blok::Paragraf("Demikian disampaikan, atas perhatian diucapkan terima kasih.".into()),
            Blok::TandaTangan(vec![
                "[Jabatan Pimpinan Instansi],".into(),
                String::new(),
                "[Nama Pimpinan Instansi]".into(),
                "NIP [NIP Pimpinan Instansi]".into(),
            ]),
            Blok::Paragraf("Tembusan: [bila ada]".into()),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_pej_16_letters_carry_what_was_typed_and_placeholders_for_the_rest() {
        let isi = IsiSurat {
            instansi: "Pemerintah Kota Tarakan".into(),
            kota: "Kota Tarakan".into(),
            nama: "Budi Santoso".into(),
            label_nomor_induk: "NIP",
            nomor_induk: "198503152010011002".into(),
            jabatan: "Kepala Bidang Aplikasi Informatika".into(),
            tanggal: "23 November 2026".into(),
            ..IsiSurat::default()
        };
        insta::assert_yaml_snapshot!(susun(JenisSurat::SuratTugas, &isi));
        insta::assert_yaml_snapshot!(susun(JenisSurat::SuratPermohonan, &isi));
        let sub = IsiSurat {
            nama: "Rina Wati".into(),
            nomor_induk: "199001012015032001".into(),
            jabatan: "Kepala Seksi Aplikasi".into(),
            unit: "Bidang Aplikasi Informatika".into(),
            ..isi.clone()
        };
        insta::assert_yaml_snapshot!(susun(JenisSurat::SuratTugasSubPejabat, &sub));
        let kosong = susun(
            JenisSurat::SuratTugas,
            &IsiSurat {
                label_nomor_induk: "NIK",
                ..IsiSurat::default()
            },
        );
        assert!(kosong.contains(&Blok::Rincian(vec![
            ("Nama".into(), "[Nama Pejabat Pendaftar]".into()),
            ("NIK".into(), "[NIK Pejabat Pendaftar]".into()),
            ("Jabatan".into(), "[Jabatan Pejabat Pendaftar]".into()),
            (
                "Unit Kerja".into(),
                "[Unit kerja/satuan kerja/perangkat daerah]".into()
            ),
        ])));
    }
}
