//! Reading multipart forms: text fields and uploaded files, with the body-size limit answered as 413.

use crate::web::galat::WebError;
use axum::extract::Multipart;
use axum::http::StatusCode;
use registrasi_pejabat::model::{Berkas, FormulirPendaftaran};
use std::collections::HashMap;

/// A multipart form as received.
#[derive(Debug, Default)]
pub struct FormMultipart {
    /// Text fields.
    pub isian: HashMap<String, String>,
    /// Non-empty files by field name.
    pub berkas: HashMap<String, Berkas>,
}

impl FormMultipart {
    /// Reads every part.
    pub async fn baca(mut m: Multipart) -> Result<Self, WebError> {
        let mut f = Self::default();
        loop {
            let part = match m.next_field().await {
                Ok(Some(p)) => p,
                Ok(None) => break,
                Err(e) => return Err(galat_multipart(e.status(), &e.body_text())),
            };
            let nama = part.name().unwrap_or_default().to_string();
            match part.file_name().map(str::to_string) {
                Some(nama_berkas) => {
                    let isi = part
                        .bytes()
                        .await
                        .map_err(|e| galat_multipart(e.status(), &e.body_text()))?;
                    if !isi.is_empty() {
                        f.berkas.insert(
                            nama,
                            Berkas {
                                nama: nama_berkas,
                                isi: isi.to_vec(),
                            },
                        );
                    }
                }
                None => {
                    let teks = part
                        .text()
                        .await
                        .map_err(|e| galat_multipart(e.status(), &e.body_text()))?;
                    f.isian.insert(nama, teks);
                }
            }
        }
        Ok(f)
    }

    /// A text field, empty when missing.
    pub fn teks(&self, nama: &str) -> String {
        self.isian.get(nama).cloned().unwrap_or_default()
    }

    /// The registration form's fields.
    pub fn formulir_pendaftaran(&self) -> FormulirPendaftaran {
        let peta: serde_json::Map<String, serde_json::Value> = self
            .isian
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(peta)).unwrap_or_default()
    }
}

fn galat_multipart(status: StatusCode, teks: &str) -> WebError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::isian(
            status,
            "dokumen",
            "Ukuran unggahan melebihi batas yang diizinkan.",
        )
    } else {
        tracing::debug!(galat = teks, "multipart tidak terbaca");
        WebError::new(
            StatusCode::BAD_REQUEST,
            "Formulir unggahan tidak terbaca; kirim ulang formulir.",
        )
    }
}
