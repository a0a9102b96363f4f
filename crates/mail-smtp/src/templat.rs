//! Email templates: `templates/<event>/{subject.txt, body.txt, body.html}`, rendered with the
//! message's data and the portal's `base_url`; every email ends with the helpdesk and the
//! complaint channels (R-LAY-02), added here so no template can leave them out.

use layanan::standar::KontakLayanan;
use minijinja::Environment;
use pse_kernel::{InfraError, PesanEmail};

macro_rules! templat {
    ($($nama:literal),* $(,)?) => {
        &[$(
            ($nama, "subject", include_str!(concat!("../templates/", $nama, "/subject.txt"))),
            ($nama, "text", include_str!(concat!("../templates/", $nama, "/body.txt"))),
            ($nama, "html", include_str!(concat!("../templates/", $nama, "/body.html"))),
        )*]
    };
}

const SEMUA: &[(&str, &str, &str)] = templat!(
    "permohonan_diterima",
    "permohonan_daerah_menunggu",
    "permohonan_daerah_dikembalikan",
    "permohonan_daerah_selesai",
    "petugas_diundang",
    "sep_permohonan_diterima",
    "sep_perlu_perbaikan",
    "sep_keputusan",
    "sep_admin_aktivasi",
    "sep_peringatan",
    "sep_jawaban",
    "sep_dinonaktifkan",
    "sep_pengingat",
    "sep_pengingat_keputusan",
    "permohonan_ditolak",
    "permohonan_disetujui",
    "aktivasi_diterbitkan_ulang",
    "pejabat_digantikan",
    "sub_pejabat_disetujui",
    "sub_pejabat_ditolak",
    "data_awal_disetujui",
    "data_awal_ditolak",
    "formulir_dikembalikan",
    "tanda_daftar_terbit",
    "notifikasi_bssn",
    "perubahan_disetujui",
    "perubahan_ditolak",
    "reset_kata_sandi",
    "email_sudah_dipakai",
    "pengaduan_diterima",
    "pengaduan_ditanggapi",
    "undangan_survei",
);

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuratJadi {
    /// Recipient.
    pub kepada: String,
    /// Subject line.
    pub subjek: String,
    /// Plain-text body.
    pub teks: String,
    /// HTML body.
    pub html: String,
    /// The left part of its `Message-ID` (the outbox row's id): a resend after a crash is the same
    /// message, which receiving systems drop as a duplicate.
    pub id_pesan: Option<String>,
}

/// The template set.
pub struct Templat {
    env: Environment<'static>,
    base_url: String,
    penutup: Vec<String>,
}

impl Templat {
    /// Templates whose links start with `base_url`, ending with `kontak`.
    pub fn new(base_url: &str, kontak: &KontakLayanan) -> Result<Self, InfraError> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|nama| {
            if nama.ends_with("/html") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        for (nama, bagian, isi) in SEMUA {
            env.add_template_owned(format!("{nama}/{bagian}"), *isi)
                .map_err(InfraError::new)?;
        }
        let base_url = base_url.trim_end_matches('/').to_string();
        Ok(Self {
            env,
            penutup: kontak.penutup_surel(&base_url),
            base_url,
        })
    }

    /// Renders a message.
    pub fn render(&self, pesan: &PesanEmail) -> Result<SuratJadi, InfraError> {
        let mut data = pesan.data.clone();
        if let Some(m) = data.as_object_mut() {
            m.insert("base_url".into(), self.base_url.clone().into());
        }
        let ctx = minijinja::Value::from_serialize(&data);
        let bagian = |b: &str| -> Result<String, InfraError> {
            self.env
                .get_template(&format!("{}/{b}", pesan.template))
                .and_then(|t| t.render(&ctx))
                .map_err(|e| InfraError::new(format!("template {}: {e}", pesan.template)))
        };
        let mut teks = bagian("text")?;
        teks.push_str("\n\n--\n");
        teks.push_str(&self.penutup.join("\n"));
        teks.push('\n');
        let mut html = bagian("html")?;
        html.push_str("<hr><p style=\"font-size:small\">");
        let baris: Vec<String> = self.penutup.iter().map(|b| html_aman(b)).collect();
        html.push_str(&baris.join("<br>"));
        html.push_str("</p>");
        Ok(SuratJadi {
            kepada: pesan.kepada.clone(),
            subjek: bagian("subject")?.trim().to_string(),
            teks,
            html,
            id_pesan: None,
        })
    }
}

/// `s` escaped for HTML text.
fn html_aman(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn rejection_email_carries_reason_and_correction_link() {
        let t = Templat::new("https://pse.example.go.id/", &KontakLayanan::default()).unwrap();
        let s = t
            .render(&PesanEmail::baru(
                "budi@tarakankota.go.id",
                pse_kernel::Surel::PermohonanDitolak,
                serde_json::json!({
                    "nama": "Budi <Santoso>", "id": "0190", "kode": "abc", "instansi": "Pemerintah Kota Tarakan",
                    "kategori": "Unit kerja tidak memiliki kewenangan di bidang TIK", "catatan": "Jabatan bukan TIK."
                }),
            ))
            .unwrap();
        insta::assert_snapshot!(format!("{}\n---\n{}\n---\n{}", s.subjek, s.teks, s.html));
    }

    #[test]
    fn r_lay_02_every_template_renders_with_the_helpdesk_and_lapor() {
        let kontak = KontakLayanan {
            email: Some("helpdesk@contoh.go.id".into()),
            ..KontakLayanan::default()
        };
        let t = Templat::new("http://x", &kontak).unwrap();
        let folder: std::collections::BTreeSet<&str> = SEMUA.iter().map(|(n, _, _)| *n).collect();
        let surel: std::collections::BTreeSet<&str> =
            pse_kernel::Surel::SEMUA.iter().map(|s| s.kode()).collect();
        assert_eq!(folder, surel, "one template folder per email, no more");
        for nama in pse_kernel::Surel::SEMUA {
            let data = serde_json::json!({"nama": "a", "instansi": "b", "id": "c", "kode": "d", "token": "e",
                "kategori": "f", "catatan": "g", "status_pendaftar": "h", "pengajuan_ke": 1, "masa_berlaku_jam": 72,
                "pengganti": "i", "unit": "j", "sub_pejabat": "k", "sistem": "l", "alasan": "m", "nomor": 1, "skor": 28, "jawaban": "A B",
                "langkah": "n", "kekurangan": "o", "ringkasan": "p", "nomor_surat": "q", "tugas": "r",
                "aplikasi": "s", "paragraf": ["t"], "tenggat": "u", "jawaban": "v", "perihal": "w"});
            let s = t
                .render(&PesanEmail::baru("a@b.go.id", nama, data))
                .unwrap();
            for bagian in [&s.teks, &s.html] {
                assert!(
                    bagian.contains("0811-1112-4678")
                        && bagian.contains("helpdesk@contoh.go.id")
                        && bagian.contains("LAPOR!")
                        && bagian.contains("http://x/pengaduan"),
                    "{nama:?}: {bagian}"
                );
            }
        }
    }
}
