//! Transports: SMTP through mail-send, or `.eml` files in a folder for local runs.

use crate::SuratJadi;
use mail_send::SmtpClientBuilder;
use mail_send::mail_builder::MessageBuilder;
use pse_kernel::InfraError;
use secrecy::{ExposeSecret, SecretString};
use std::path::PathBuf;
use std::time::Duration;

/// Sends a rendered email.
#[async_trait::async_trait]
pub trait Pengirim: Send + Sync {
    /// Sends it; an error is retried later by the dispatcher.
    async fn kirim(&self, surat: &SuratJadi) -> Result<(), InfraError>;
}

fn pesan<'a>(dari: &'a (String, String), surat: &'a SuratJadi) -> MessageBuilder<'a> {
    let b = MessageBuilder::new()
        .from((dari.0.as_str(), dari.1.as_str()))
        .to(surat.kepada.as_str())
        .subject(surat.subjek.as_str())
        .text_body(surat.teks.as_str())
        .html_body(surat.html.as_str());
    match &surat.id_pesan {
        Some(id) => {
            let domain = dari.1.rsplit_once('@').map_or("pse.localhost", |(_, d)| d);
            b.message_id(format!("{id}@{domain}"))
        }
        None => b,
    }
}

/// Parses `PSE Lingkup Publik <noreply@localhost>` into name and address.
fn pengirim(from: &str) -> (String, String) {
    match from.split_once('<') {
        Some((nama, alamat)) => (
            nama.trim().to_string(),
            alamat.trim_end_matches('>').trim().to_string(),
        ),
        None => (String::new(), from.trim().to_string()),
    }
}

/// SMTP: `smtp://host:port` (plain, a local relay) or `smtps://user:pass@host:port` (implicit TLS).
pub struct TransportSmtp {
    host: String,
    port: u16,
    tls: bool,
    kredensial: Option<(String, SecretString)>,
    dari: (String, String),
}

impl std::fmt::Debug for TransportSmtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransportSmtp")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .finish_non_exhaustive()
    }
}

/// The transport for `PSE_SMTP_URL`.
pub fn dari_url(smtp_url: &str, from: &str) -> Result<TransportSmtp, InfraError> {
    // Two rustls crypto back ends are in the dependency graph; TLS to the mail server uses ring.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let u = url::Url::parse(smtp_url)
        .map_err(|e| InfraError::new(format!("PSE_SMTP_URL tidak sah: {e}")))?;
    let tls = match u.scheme() {
        "smtp" => false,
        "smtps" => true,
        s => {
            return Err(InfraError::new(format!(
                "PSE_SMTP_URL: skema {s} tidak didukung (smtp atau smtps)"
            )));
        }
    };
    let host = u.host_str().unwrap_or("localhost").to_string();
    let port = u.port().unwrap_or(if tls { 465 } else { 25 });
    let kredensial = (!u.username().is_empty()).then(|| {
        let user = url::form_urlencoded::parse(u.username().as_bytes())
            .map(|(k, _)| k.into_owned())
            .next()
            .unwrap_or_default();
        let pass = u.password().unwrap_or_default().to_string();
        (user, SecretString::from(pass))
    });
    Ok(TransportSmtp {
        host,
        port,
        tls,
        kredensial,
        dari: pengirim(from),
    })
}

#[async_trait::async_trait]
impl Pengirim for TransportSmtp {
    async fn kirim(&self, surat: &SuratJadi) -> Result<(), InfraError> {
        let mut b = SmtpClientBuilder::new(self.host.clone(), self.port)
            .map_err(InfraError::new)?
            .implicit_tls(self.tls)
            .helo_host("pse-portal")
            .timeout(Duration::from_secs(30));
        if let Some((user, pass)) = &self.kredensial {
            b = b.credentials((user.clone(), pass.expose_secret().to_string()));
        }
        let m = pesan(&self.dari, surat);
        if self.tls {
            b.connect()
                .await
                .map_err(InfraError::new)?
                .send(m)
                .await
                .map(|_| ())
                .map_err(InfraError::new)
        } else {
            b.connect_plain()
                .await
                .map_err(InfraError::new)?
                .send(m)
                .await
                .map(|_| ())
                .map_err(InfraError::new)
        }
    }
}

/// Writes each email as an `.eml` file in a folder (the default for local runs), with a `.txt`
/// beside it that reads as the text body (an `.eml` encodes long lines, so a link copied from
/// it breaks).
#[derive(Debug, Clone)]
pub struct TransportBerkas {
    dir: PathBuf,
    dari: (String, String),
}

impl TransportBerkas {
    /// Files in `dir` (created if missing).
    pub fn new(dir: PathBuf, from: &str) -> Result<Self, InfraError> {
        std::fs::create_dir_all(&dir).map_err(InfraError::new)?;
        Ok(Self {
            dir,
            dari: pengirim(from),
        })
    }
}

#[async_trait::async_trait]
impl Pengirim for TransportBerkas {
    async fn kirim(&self, surat: &SuratJadi) -> Result<(), InfraError> {
        let isi = pesan(&self.dari, surat)
            .write_to_vec()
            .map_err(InfraError::new)?;
        let n = std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .count()
            })
            .unwrap_or(0);
        let nama = self.dir.join(format!("{:06}", n + 1));
        let teks = format!(
            "Kepada: {}\nSubjek: {}\n\n{}",
            surat.kepada, surat.subjek, surat.teks
        );
        tokio::fs::write(nama.with_extension("txt"), teks)
            .await
            .map_err(InfraError::new)?;
        tokio::fs::write(nama.with_extension("eml"), isi)
            .await
            .map_err(InfraError::new)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn surat(id: Option<&str>) -> SuratJadi {
        SuratJadi {
            kepada: "budi@tarakankota.go.id".into(),
            subjek: "Uji".into(),
            teks: "Isi".into(),
            html: "<p>Isi</p>".into(),
            id_pesan: id.map(String::from),
        }
    }

    fn message_id(eml: &[u8]) -> String {
        String::from_utf8_lossy(eml)
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
            .unwrap_or_default()
            .to_string()
    }

    #[tokio::test]
    async fn a_local_email_is_an_eml_with_a_readable_text_beside_it() {
        let dir = std::env::temp_dir().join(format!("pse-eml-{}", std::process::id()));
        let t = TransportBerkas::new(dir.clone(), "PSE <noreply@pse.komdigi.go.id>").unwrap();
        let tautan = format!("https://pse.komdigi.go.id/aktivasi/{}", "a".repeat(90));
        let mut s = surat(None);
        s.teks = format!("Aktifkan akun Anda: {tautan}");
        t.kirim(&s).await.unwrap();
        t.kirim(&surat(None)).await.unwrap();
        let teks = std::fs::read_to_string(dir.join("000001.txt")).unwrap();
        assert!(teks.contains(&tautan), "the link whole: {teks}");
        assert!(teks.starts_with("Kepada: budi@tarakankota.go.id\nSubjek: Uji"));
        assert!(dir.join("000001.eml").exists() && dir.join("000002.eml").exists());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_resent_outbox_row_keeps_its_message_id() {
        let dari = pengirim("PSE <noreply@pse.komdigi.go.id>");
        let satu = pesan(&dari, &surat(Some("0190abcd")))
            .write_to_vec()
            .unwrap();
        let dua = pesan(&dari, &surat(Some("0190abcd")))
            .write_to_vec()
            .unwrap();
        assert_eq!(
            message_id(&satu),
            "Message-ID: <0190abcd@pse.komdigi.go.id>"
        );
        assert_eq!(message_id(&satu), message_id(&dua));
        let lain = pesan(&dari, &surat(Some("0190ffff")))
            .write_to_vec()
            .unwrap();
        assert_ne!(message_id(&satu), message_id(&lain));
    }
}
