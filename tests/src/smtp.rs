//! A real SMTP server (mailin-embedded, on its own thread) that keeps what it receives. It can be
//! started late, so a test can show that nothing is lost while the mail server is down.

use mail_parser::MessageParser;
use mailin_embedded::{Handler, Server, response};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One received email.
#[derive(Debug, Clone)]
pub struct Surel {
    /// Recipient.
    pub kepada: String,
    /// Subject.
    pub subjek: String,
    /// Plain-text body.
    pub teks: String,
    /// HTML body.
    pub html: String,
    /// Its `Message-ID`, without the angle brackets.
    pub message_id: String,
}

impl Surel {
    /// The first link in the text body that contains `memuat`.
    pub fn tautan(&self, memuat: &str) -> String {
        self.teks
            .split_whitespace()
            .find(|k| k.starts_with("http") && k.contains(memuat))
            .unwrap_or_default()
            .to_string()
    }

    /// The token at the end of the activation link.
    pub fn token_aktivasi(&self) -> String {
        self.tautan("/aktivasi/")
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string()
    }
}

#[derive(Clone)]
struct Penampung {
    kotak: Arc<Mutex<Vec<Vec<u8>>>>,
    buf: Vec<u8>,
    /// How long the server takes over each message before it accepts it.
    jeda: Duration,
}

impl Handler for Penampung {
    fn data_start(
        &mut self,
        _domain: &str,
        _dari: &str,
        _8bit: bool,
        _kepada: &[String],
    ) -> mailin_embedded::Response {
        self.buf.clear();
        response::OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(buf);
        Ok(())
    }
    fn data_end(&mut self) -> mailin_embedded::Response {
        std::thread::sleep(self.jeda);
        if let Ok(mut k) = self.kotak.lock() {
            k.push(std::mem::take(&mut self.buf));
        }
        response::OK
    }
}

/// The SMTP server of one test.
pub struct KotakSurat {
    port: u16,
    kotak: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl KotakSurat {
    /// Reserves a port; nothing answers on it until [`KotakSurat::mulai`].
    pub fn baru() -> Self {
        // The port is free until the server is started, when it is bound again. It is taken below
        // the kernel's ephemeral range, so no outgoing connection or port-0 listener (the portals,
        // the database clients of parallel tests) can take it in between; the tests of this
        // process count up from a point of their own.
        static BERIKUTNYA: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let awal = 20_000 + std::process::id() % 10_000;
        let port = loop {
            let n = BERIKUTNYA.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let port = u16::try_from(awal + n % 2_000).expect("port SMTP");
            if TcpListener::bind(("127.0.0.1", port)).is_ok() {
                break port;
            }
        };
        Self {
            port,
            kotak: Arc::default(),
        }
    }

    /// The port emails go to.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Starts answering on the port.
    pub fn mulai(&self) {
        self.mulai_lambat(Duration::ZERO);
    }

    /// Starts answering on the port, taking `jeda` over each message (a slow mail server: a
    /// message it accepts while the sender is killed is delivered all the same).
    pub fn mulai_lambat(&self, jeda: Duration) {
        let l = TcpListener::bind(("127.0.0.1", self.port)).expect("bind SMTP");
        let mut server = Server::new(Penampung {
            kotak: self.kotak.clone(),
            buf: Vec::new(),
            jeda,
        });
        server
            .with_name("smtp.uji")
            .with_num_threads(2)
            .with_tcp_listener(l);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
    }

    /// Everything received so far.
    pub fn semua(&self) -> Vec<Surel> {
        let kotak = self.kotak.lock().map(|k| k.clone()).unwrap_or_default();
        kotak
            .iter()
            .filter_map(|raw| {
                let m = MessageParser::default().parse(raw)?;
                Some(Surel {
                    kepada: m
                        .to()
                        .and_then(|a| a.first())
                        .and_then(|a| a.address())
                        .unwrap_or_default()
                        .to_string(),
                    subjek: m.subject().unwrap_or_default().to_string(),
                    teks: m.body_text(0).map(|t| t.to_string()).unwrap_or_default(),
                    html: m.body_html(0).map(|t| t.to_string()).unwrap_or_default(),
                    message_id: m.message_id().unwrap_or_default().to_string(),
                })
            })
            .collect()
    }

    /// Waits (10 s at most) for the newest email to `kepada` whose subject contains `subjek`.
    pub async fn tunggu(&self, kepada: &str, subjek: &str) -> Surel {
        crate::tunggu(Duration::from_secs(10), || async {
            self.semua()
                .into_iter()
                .rev()
                .find(|s| s.kepada.eq_ignore_ascii_case(kepada) && s.subjek.contains(subjek))
        })
        .await
        .unwrap_or_else(|| {
            panic!(
                "tidak ada email \"{subjek}\" untuk {kepada}; diterima: {:?}",
                self.semua()
            )
        })
    }
}
