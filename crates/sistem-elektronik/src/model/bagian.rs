//! The eight form sections (R-SE-04) and their field rules, declared as data: each field has a kind
//! that says how it is checked and normalised. The ninth part, Dokumen Pendukung, is the uploaded
//! PDFs; the tenth is the self-assessment.

use super::isi::daftar_label;
use crate::{GalatIsian, SistemError, TolakBilaAda};
use pse_kernel::DaftarWilayah;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A form section (`bagian` in the API path).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bagian {
    DataUmum,
    ProfilPenyelenggara,
    PerangkatKeras,
    PerangkatLunak,
    TenagaAhli,
    TataKelola,
    PenanggungJawab,
    Helpdesk,
}

/// How a field is checked (and so how a page asks for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisIsian {
    /// Required text.
    Teks,
    /// Optional text.
    TeksOpsional,
    /// A date `YYYY-MM-DD`.
    Tanggal,
    /// A whole number ≥ 0.
    Cacah,
    /// Yes or no.
    YaTidak,
    /// One of the options.
    Pilihan(&'static [&'static str]),
    /// At least one of the options.
    DaftarPilihan(&'static [&'static str]),
    /// An email address.
    Email,
    /// A telephone number.
    Telepon,
    /// Five digits.
    KodePos,
    /// An optional http(s) URL.
    UrlOpsional,
    /// A province's Kemendagri code from the loaded list.
    Provinsi,
    /// A regency/city's Kemendagri code from the loaded list, in the section's `provinsi`.
    Kota,
}

impl JenisIsian {
    /// Whether the field must be filled in.
    pub fn wajib(self) -> bool {
        !matches!(self, Self::TeksOpsional | Self::UrlOpsional)
    }
}

/// One field of a section: contract name, label and kind.
pub type KolomBagian = (&'static str, &'static str, JenisIsian);

use JenisIsian::*;

/// The longest text a field holds.
const BATAS_TEKS: usize = 2000;
/// The most items a list field holds.
const BATAS_DAFTAR: usize = 50;
type Jenis = JenisIsian;

const JENIS_LAYANAN: &[&str] = &[
    "perizinan",
    "pembayaran",
    "pelaporan_masyarakat",
    "pendaftaran",
    "publikasi_informasi",
    "administrasi_pemerintahan",
    "lainnya",
];

impl Bagian {
    /// Every section, in form order.
    pub const SEMUA: [Bagian; 8] = [
        Self::DataUmum,
        Self::ProfilPenyelenggara,
        Self::PerangkatKeras,
        Self::PerangkatLunak,
        Self::TenagaAhli,
        Self::TataKelola,
        Self::PenanggungJawab,
        Self::Helpdesk,
    ];

    /// The path segment (`data-umum`, …).
    pub fn kode(self) -> &'static str {
        match self {
            Self::DataUmum => "data-umum",
            Self::ProfilPenyelenggara => "profil-penyelenggara",
            Self::PerangkatKeras => "perangkat-keras",
            Self::PerangkatLunak => "perangkat-lunak",
            Self::TenagaAhli => "tenaga-ahli",
            Self::TataKelola => "tata-kelola",
            Self::PenanggungJawab => "penanggung-jawab",
            Self::Helpdesk => "helpdesk",
        }
    }

    /// Parses a path segment.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|b| b.kode() == raw)
    }

    /// The section's title.
    pub fn judul(self) -> &'static str {
        match self {
            Self::DataUmum => "Data Umum",
            Self::ProfilPenyelenggara => "Profil Penyelenggara",
            Self::PerangkatKeras => "Perangkat Keras",
            Self::PerangkatLunak => "Perangkat Lunak",
            Self::TenagaAhli => "Tenaga Ahli",
            Self::TataKelola => "Tata Kelola",
            Self::PenanggungJawab => "Penanggung Jawab",
            Self::Helpdesk => "Helpdesk",
        }
    }

    /// The section's fields, in form order.
    pub fn kolom(self) -> &'static [KolomBagian] {
        match self {
            Self::DataUmum => &[
                ("fungsi", "Fungsi sistem", Teks),
                (
                    "jenis_layanan",
                    "Jenis layanan",
                    DaftarPilihan(JENIS_LAYANAN),
                ),
                ("cakupan_wilayah", "Cakupan wilayah", Teks),
                ("tanggal_operasi", "Tanggal mulai beroperasi", Tanggal),
                (
                    "keterkaitan_sistem",
                    "Keterkaitan dengan sistem lain",
                    TeksOpsional,
                ),
            ],
            Self::ProfilPenyelenggara => &[
                ("unit_pengelola", "Unit pengelola", Teks),
                ("alamat", "Alamat", Teks),
                ("telepon", "Telepon", Telepon),
                ("email", "Email", Email),
            ],
            Self::PerangkatKeras => &[
                (
                    "lokasi_hosting",
                    "Lokasi hosting",
                    Pilihan(&["pdn", "pusat_data_instansi", "cloud", "lainnya"]),
                ),
                ("nama_penyedia", "Nama penyedia", TeksOpsional),
                ("jumlah_server", "Jumlah server", Cacah),
                ("spesifikasi", "Spesifikasi", Teks),
            ],
            Self::PerangkatLunak => &[
                ("sistem_operasi", "Sistem operasi", Teks),
                ("bahasa_pemrograman", "Bahasa pemrograman", Teks),
                ("kerangka_kerja", "Kerangka kerja", Teks),
                ("basis_data", "Basis data", Teks),
                (
                    "lisensi",
                    "Lisensi",
                    Pilihan(&["open_source", "proprietary", "campuran"]),
                ),
                (
                    "kepemilikan_kode_sumber",
                    "Kepemilikan kode sumber",
                    Pilihan(&["instansi", "pihak_ketiga"]),
                ),
            ],
            Self::TenagaAhli => &[
                ("jumlah_pengembang", "Jumlah pengembang", Cacah),
                ("jumlah_operator", "Jumlah operator", Cacah),
                (
                    "penyedia",
                    "Penyedia tenaga ahli",
                    Pilihan(&["internal", "pihak_ketiga", "campuran"]),
                ),
                ("sertifikasi", "Sertifikasi", TeksOpsional),
            ],
            Self::TataKelola => &[
                ("dasar_hukum", "Dasar hukum", Teks),
                ("punya_sop", "Memiliki SOP", YaTidak),
                (
                    "punya_kebijakan_keamanan",
                    "Memiliki kebijakan keamanan",
                    YaTidak,
                ),
                (
                    "punya_rencana_pemulihan",
                    "Memiliki rencana pemulihan",
                    YaTidak,
                ),
                ("sertifikasi_keamanan", "Sertifikasi keamanan", TeksOpsional),
            ],
            Self::PenanggungJawab => &[
                ("nama", "Nama", Teks),
                ("nip", "NIP", Teks),
                ("jabatan", "Jabatan", Teks),
                ("email", "Email", Email),
                ("telepon", "Telepon", Telepon),
                ("provinsi", "Provinsi", Provinsi),
                ("kota", "Kabupaten/kota", Kota),
                ("kode_pos", "Kode pos", KodePos),
            ],
            Self::Helpdesk => &[
                ("email", "Email", Email),
                ("telepon", "Telepon", Telepon),
                ("jam_layanan", "Jam layanan", Teks),
                ("url", "Alamat situs helpdesk", UrlOpsional),
            ],
        }
    }

    /// Keeps what was typed so far as a draft: only this section's fields, values as given (text,
    /// yes/no, numbers, lists of options), empty ones dropped. Nothing is checked but the length.
    pub fn draf(self, isi: &Value) -> Result<Value, SistemError> {
        let kosong = Map::new();
        let obj = isi.as_object().unwrap_or(&kosong);
        let mut g = Vec::new();
        let mut hasil = Map::new();
        for (nama, label, _) in self.kolom() {
            let v = match obj.get(*nama) {
                Some(Value::String(s)) if s.trim().is_empty() => continue,
                Some(Value::String(s)) if s.chars().count() > BATAS_TEKS => {
                    g.push(GalatIsian::new(
                        nama,
                        format!("{label}: paling banyak {BATAS_TEKS} karakter."),
                    ));
                    continue;
                }
                Some(Value::Array(a)) if a.is_empty() => continue,
                Some(Value::Array(a)) if terlalu_banyak(a) => {
                    g.push(GalatIsian::new(
                        nama,
                        format!("{label}: {}", pesan_daftar()),
                    ));
                    continue;
                }
                Some(Value::Array(a)) => {
                    Value::from(a.iter().filter_map(Value::as_str).collect::<Vec<_>>())
                }
                Some(v @ (Value::String(_) | Value::Bool(_) | Value::Number(_))) => v.clone(),
                _ => continue,
            };
            hasil.insert((*nama).into(), v);
        }
        g.tolak_bila_ada()?;
        Ok(Value::Object(hasil))
    }

    /// Checks a section's JSON object and answers its normalised form, every problem named by field;
    /// region codes are checked against `wilayah`.
    pub fn validasi(self, isi: &Value, wilayah: &DaftarWilayah) -> Result<Value, SistemError> {
        let kosong = Map::new();
        let obj = isi.as_object().unwrap_or(&kosong);
        let mut g = Vec::new();
        let mut hasil = Map::new();
        for (nama, label, jenis) in self.kolom() {
            let v = obj.get(*nama).unwrap_or(&Value::Null);
            let provinsi = obj.get("provinsi").and_then(Value::as_str).map(str::trim);
            match periksa(*jenis, v, wilayah, provinsi) {
                Ok(Some(n)) => {
                    hasil.insert((*nama).into(), n);
                }
                Ok(None) => {}
                Err(pesan) => g.push(GalatIsian::new(nama, format!("{label}: {pesan}"))),
            }
        }
        g.tolak_bila_ada()?;
        Ok(Value::Object(hasil))
    }
}

fn teks(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A list with more items than [`BATAS_DAFTAR`], or an item longer than [`BATAS_TEKS`].
fn terlalu_banyak(a: &[Value]) -> bool {
    a.len() > BATAS_DAFTAR
        || a.iter()
            .any(|x| x.as_str().is_some_and(|s| s.chars().count() > BATAS_TEKS))
}

fn pesan_daftar() -> String {
    format!(
        "paling banyak {BATAS_DAFTAR} pilihan, masing-masing paling banyak {BATAS_TEKS} karakter."
    )
}

fn periksa(
    jenis: Jenis,
    v: &Value,
    wilayah: &DaftarWilayah,
    provinsi: Option<&str>,
) -> Result<Option<Value>, String> {
    let wajib = || "wajib diisi.".to_string();
    match v {
        Value::String(s) if s.chars().count() > BATAS_TEKS => {
            return Err(format!("paling banyak {BATAS_TEKS} karakter."));
        }
        Value::Array(a) if terlalu_banyak(a) => return Err(pesan_daftar()),
        _ => {}
    }
    match jenis {
        Teks => teks(v).map(|s| Some(Value::String(s))).ok_or_else(wajib),
        TeksOpsional => Ok(teks(v).map(Value::String)),
        Tanggal => {
            let s = teks(v).ok_or_else(wajib)?;
            chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                .map(|_| Some(Value::String(s)))
                .map_err(|_| "tulis tanggal sebagai TTTT-BB-HH, contoh 2024-01-31.".into())
        }
        Cacah => match v {
            Value::Number(n) if n.as_u64().is_some() => Ok(Some(v.clone())),
            Value::String(s) if s.trim().parse::<u64>().is_ok() => {
                Ok(Some(Value::from(s.trim().parse::<u64>().unwrap_or(0))))
            }
            Value::Null => Err(wajib()),
            _ => Err("harus bilangan bulat 0 atau lebih.".into()),
        },
        YaTidak => match v {
            Value::Bool(_) => Ok(Some(v.clone())),
            Value::String(s) if s == "true" || s == "false" => Ok(Some(Value::Bool(s == "true"))),
            _ => Err("pilih ya atau tidak.".into()),
        },
        Pilihan(opsi) => {
            let pilih = || format!("pilih salah satu: {}.", daftar_label(opsi));
            let s = teks(v).ok_or_else(pilih)?;
            if opsi.contains(&s.as_str()) {
                Ok(Some(Value::String(s)))
            } else {
                Err(pilih())
            }
        }
        DaftarPilihan(opsi) => {
            let daftar: Vec<String> = match v {
                Value::Array(a) => a.iter().filter_map(teks).collect(),
                Value::String(s) if !s.trim().is_empty() => vec![s.trim().to_string()],
                _ => Vec::new(),
            };
            if daftar.is_empty() {
                return Err(format!(
                    "pilih paling sedikit satu: {}.",
                    daftar_label(opsi)
                ));
            }
            match daftar.iter().find(|d| !opsi.contains(&d.as_str())) {
                Some(salah) => Err(format!(
                    "\"{salah}\" tidak dikenal; pilih dari {}.",
                    daftar_label(opsi)
                )),
                None => Ok(Some(Value::from(daftar))),
            }
        }
        Email => {
            let s = teks(v).ok_or_else(wajib)?.to_lowercase();
            let sah = s
                .split_once('@')
                .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.ends_with('.'))
                && !s.contains(char::is_whitespace);
            if sah {
                Ok(Some(Value::String(s)))
            } else {
                Err("format email tidak valid.".into())
            }
        }
        Telepon => {
            let s = teks(v).ok_or_else(wajib)?;
            let digit = s.chars().filter(char::is_ascii_digit).count();
            let sah = s
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c))
                && (7..=15).contains(&digit);
            if sah {
                Ok(Some(Value::String(s)))
            } else {
                Err("nomor telepon tidak valid, contoh 021-3452841.".into())
            }
        }
        KodePos => {
            let s = teks(v).ok_or_else(wajib)?;
            if s.len() == 5 && s.chars().all(|c| c.is_ascii_digit()) {
                Ok(Some(Value::String(s)))
            } else {
                Err("harus 5 angka.".into())
            }
        }
        UrlOpsional => match teks(v) {
            None => Ok(None),
            Some(s) => super::data_awal::UrlSistem::parse(&s)
                .map(|u| Some(Value::String(u.as_ref().into()))),
        },
        Provinsi => match teks(v) {
            Some(s) if wilayah.provinsi(&s) => Ok(Some(Value::String(s))),
            _ => Err("pilih provinsi dari daftar.".into()),
        },
        Kota => match teks(v) {
            Some(s) if wilayah.kota(&s) => match provinsi {
                Some(p) if pse_kernel::wilayah::provinsi_dari(&s) != Some(p) => Err(format!(
                    "{} tidak berada di provinsi yang dipilih.",
                    wilayah.nama(&s).unwrap_or_default()
                )),
                _ => Ok(Some(Value::String(s))),
            },
            _ => Err("pilih kabupaten/kota dari daftar.".into()),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use pse_kernel::Wilayah;
    use serde_json::json;

    /// Two provinces and a city of each.
    fn wilayah() -> DaftarWilayah {
        DaftarWilayah::baru(
            [
                ("31", "DKI Jakarta"),
                ("31.71", "Kota Administrasi Jakarta Selatan"),
                ("65", "Kalimantan Utara"),
                ("65.71", "Kota Tarakan"),
            ]
            .map(|(kode, nama)| Wilayah {
                kode: kode.into(),
                nama: nama.into(),
            }),
        )
    }

    #[test]
    fn r_se_04_each_section_names_its_invalid_fields() {
        let hasil: Vec<_> = Bagian::SEMUA
            .iter()
            .map(|b| {
                (
                    b.kode(),
                    b.validasi(
                        &json!({"jumlah_server": -1, "lisensi": "gratis", "kode_pos": "123"}),
                        &wilayah(),
                    )
                    .err(),
                )
            })
            .collect();
        insta::assert_debug_snapshot!(hasil);
    }

    #[test]
    fn r_se_07_a_draft_keeps_what_was_typed_of_this_section_only() {
        let d = Bagian::Helpdesk
            .draf(
                &json!({"email": "bukan-email", "telepon": " ", "jam_layanan": ["x"], "lain": "y"}),
            )
            .unwrap();
        assert_eq!(d, json!({"email": "bukan-email", "jam_layanan": ["x"]}));
        let panjang = Bagian::Helpdesk
            .draf(&json!({"jam_layanan": "x".repeat(2001)}))
            .unwrap_err();
        insta::assert_debug_snapshot!(panjang, @r#"
        Validasi(
            [
                GalatIsian {
                    field: "jam_layanan",
                    message: "Jam layanan: paling banyak 2000 karakter.",
                },
            ],
        )
        "#);
    }

    #[test]
    fn r_se_04_a_complete_section_is_normalised() {
        let v = Bagian::PerangkatKeras
            .validasi(&json!({"lokasi_hosting": "pdn", "jumlah_server": "3", "spesifikasi": " 2 vCPU, 8 GB "}), &wilayah())
            .unwrap();
        assert_eq!(
            v,
            json!({"lokasi_hosting": "pdn", "jumlah_server": 3, "spesifikasi": "2 vCPU, 8 GB"})
        );
    }

    #[test]
    fn r_se_04_the_penanggung_jawab_region_is_picked_from_the_wilayah_list() {
        let pj = |provinsi: &str, kota: &str| {
            Bagian::PenanggungJawab.validasi(
                &json!({"nama": "Budi", "nip": "1985", "jabatan": "Kepala", "email": "b@x.go.id",
                        "telepon": "0551-21820", "provinsi": provinsi, "kota": kota, "kode_pos": "77111"}),
                &wilayah(),
            )
        };
        let v = pj(" 65 ", "65.71").unwrap();
        assert_eq!(
            (&v["provinsi"], &v["kota"]),
            (&json!("65"), &json!("65.71"))
        );
        let galat: Vec<_> = [
            ("Kalimantan Utara", "Kota Tarakan"),
            ("65.71", "65"),
            ("31", "65.71"),
            ("99", "99.01"),
        ]
        .map(|(p, k)| pj(p, k).unwrap_err())
        .into_iter()
        .collect();
        insta::assert_debug_snapshot!(galat);
    }

    #[test]
    fn r_se_04_every_text_and_list_has_a_maximum_in_sections_and_drafts() {
        let panjang = "x".repeat(2001);
        let banyak: Vec<&str> = vec!["perizinan"; 51];
        let e = Bagian::PerangkatKeras
            .validasi(&json!({"lokasi_hosting": "pdn", "jumlah_server": 1, "spesifikasi": "2 vCPU", "nama_penyedia": panjang}), &wilayah())
            .unwrap_err();
        assert!(format!("{e:?}").contains("nama_penyedia"), "{e:?}");
        let e = Bagian::DataUmum
            .validasi(&json!({"fungsi": "a", "jenis_layanan": banyak, "cakupan_wilayah": "b", "tanggal_operasi": "2024-01-15"}), &wilayah())
            .unwrap_err();
        assert!(format!("{e:?}").contains("jenis_layanan"), "{e:?}");
        let e = Bagian::DataUmum
            .draf(&json!({"jenis_layanan": vec![panjang.as_str()]}))
            .unwrap_err();
        assert!(
            format!("{e:?}").contains("paling banyak 50 pilihan"),
            "{e:?}"
        );
        assert!(
            Bagian::DataUmum
                .draf(&json!({"jenis_layanan": banyak}))
                .is_err()
        );
    }
}
