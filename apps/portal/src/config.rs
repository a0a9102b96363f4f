//! Settings: `PSE_*` environment variables (and `DATABASE_URL`), each with a default that works on a
//! laptop, or a TOML file given with `--config` whose keys are the long option names (`bind`,
//! `data_dir`, …). A flag beats an environment variable, which beats the file. `pse-portal --help`
//! lists them.

use secrecy::SecretString;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// Everything the portal can be told.
#[derive(Debug, Clone, clap::Args)]
pub struct Konfigurasi {
    /// Listen address.
    #[arg(long, env = "PSE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Folder for the SQLite file, documents and the `.eml` outbox of the file transport.
    #[arg(long, env = "PSE_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// `postgres://…` for PostgreSQL; unset: an SQLite file in the data folder.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<SecretString>,
    /// Absolute base of links in emails; unset: `http://` + bind address.
    #[arg(long, env = "PSE_BASE_URL")]
    pub base_url: Option<String>,
    /// `smtp://host:port` or `smtps://user:pass@host:port`; unset: `.eml` files.
    #[arg(long, env = "PSE_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<SecretString>,
    /// Sender of emails.
    #[arg(
        long,
        env = "PSE_MAIL_FROM",
        default_value = "PSE Lingkup Publik <noreply@localhost>"
    )]
    pub mail_from: String,
    /// The bearer token a metrics scraper sends to `/metrics`; unset: no metrics route.
    #[arg(long, env = "PSE_METRICS_TOKEN")]
    pub metrics_token: Option<SecretString>,
    /// The institution's logo in every page's header: a PNG or SVG file (256 KiB at most);
    /// unset: a neutral mark.
    #[arg(long, env = "PSE_LOGO")]
    pub logo: Option<std::path::PathBuf>,
    /// Where self-assessment results go (R-SE-08); unset: recorded only.
    #[arg(long, env = "PSE_BSSN_EMAIL")]
    pub bssn_email: Option<String>,
    /// The helpdesk telephone shown on every page and in every email (R-LAY-02).
    #[arg(long, env = "PSE_HELPDESK_TELEPON", default_value = layanan::standar::TELEPON_BAWAAN)]
    pub helpdesk_telepon: String,
    /// The helpdesk email; unset: only the telephone is shown.
    #[arg(long, env = "PSE_HELPDESK_EMAIL")]
    pub helpdesk_email: Option<String>,
    /// The helpdesk's hours.
    #[arg(long, env = "PSE_JAM_LAYANAN", default_value = layanan::standar::JAM_BAWAAN)]
    pub jam_layanan: String,
    /// Secure cookies (set true behind https).
    #[arg(long, env = "PSE_COOKIE_SECURE", default_value_t = false)]
    pub cookie_secure: bool,
    /// Largest uploaded document in MiB (R-PEJ-05).
    #[arg(long, env = "PSE_BATAS_DOKUMEN_MIB", default_value_t = 10)]
    pub batas_dokumen_mib: u64,
    /// Highest self-assessment score that is Rendah (R-SE-05).
    #[arg(long, env = "PSE_SKOR_RENDAH_MAKS", default_value_t = 15)]
    pub skor_rendah_maks: u32,
    /// Highest self-assessment score that is Tinggi; above it is Strategis (R-SE-05).
    #[arg(long, env = "PSE_SKOR_TINGGI_MAKS", default_value_t = 34)]
    pub skor_tinggi_maks: u32,
    /// Login and registration attempts allowed per IP address per minute.
    #[arg(long, env = "PSE_BATAS_PERCOBAAN_PER_MENIT", default_value_t = 20)]
    pub batas_percobaan_per_menit: u32,
    /// Addresses of trusted reverse proxies, comma-separated: only for a request from one of them
    /// is the client's address taken from `X-Forwarded-For` (rate limits and login locks).
    #[arg(long, env = "PSE_PROXY_TEPERCAYA", value_delimiter = ',')]
    pub proxy_tepercaya: Vec<IpAddr>,
    /// Seconds a client has to send a request's headers before the connection is closed.
    #[arg(long, env = "PSE_BATAS_TAJUK_DETIK", default_value_t = 10)]
    pub batas_tajuk_detik: u64,
    /// Seconds a client has to send a request's body before it is answered 408.
    #[arg(long, env = "PSE_BATAS_ISI_DETIK", default_value_t = 60)]
    pub batas_isi_detik: u64,
    /// Seconds open connections get to finish when the portal stops.
    #[arg(long, env = "PSE_BATAS_TIRIS_DETIK", default_value_t = 30)]
    pub batas_tiris_detik: u64,
    /// How often the email dispatcher looks at the outbox, in milliseconds.
    #[arg(long, env = "PSE_SELANG_OUTBOX_MS", default_value_t = 2000)]
    pub selang_outbox_ms: u64,
    /// PostgreSQL connections in the pool; unset: four per core, at least eight.
    #[arg(long, env = "PSE_DB_POOL")]
    pub db_pool: Option<u32>,
    /// How long a request waits for a database connection before it is answered 503, in ms.
    #[arg(long, env = "PSE_DB_TUNGGU_MS", default_value_t = 3000)]
    pub db_tunggu_ms: u64,
    /// Password hashes computed at once (Argon2id takes 19 MiB each); unset: one per core.
    #[arg(long, env = "PSE_HASH_PARALEL")]
    pub hash_paralel: Option<usize>,
    /// Report files written at once (each reads the store and zips a sheet); unset: one per core.
    #[arg(long, env = "PSE_EKSPOR_PARALEL")]
    pub ekspor_paralel: Option<usize>,
    /// How long a report download waits for a free slot before it is answered 503, in ms.
    #[arg(long, env = "PSE_EKSPOR_TUNGGU_MS", default_value_t = 20_000)]
    pub ekspor_tunggu_ms: u64,
    /// Where documents are kept: `s3://bucket` (or `s3://bucket/prefix`) on an S3-compatible store,
    /// shared by every instance; unset: the `dokumen` folder in the data folder.
    #[arg(long, env = "PSE_DOKUMEN_URL")]
    pub dokumen_url: Option<String>,
    /// The S3-compatible store's address (`http://127.0.0.1:9000`); unset: AWS.
    #[arg(long, env = "PSE_S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,
    /// The S3 region.
    #[arg(long, env = "PSE_S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,
    /// The S3 access key id.
    #[arg(long, env = "PSE_S3_KEY_ID")]
    pub s3_key_id: Option<String>,
    /// The S3 secret access key.
    #[arg(long, env = "PSE_S3_SECRET", hide_env_values = true)]
    pub s3_secret: Option<SecretString>,
}

impl Konfigurasi {
    /// The document store these settings name: the S3 bucket of `dokumen_url`, or the data
    /// folder's `dokumen`.
    pub fn penyimpanan_dokumen(
        &self,
    ) -> Result<dokumen_store::PenyimpananDokumen, pse_kernel::InfraError> {
        match self.dokumen_url.as_deref().filter(|u| !u.trim().is_empty()) {
            Some(url) => dokumen_store::PenyimpananDokumen::s3(
                url.trim(),
                &dokumen_store::PengaturanS3 {
                    endpoint: self.s3_endpoint.clone(),
                    region: self.s3_region.clone(),
                    key_id: self.s3_key_id.clone(),
                    secret: self.s3_secret.clone(),
                },
            ),
            None => dokumen_store::PenyimpananDokumen::lokal(&self.data_dir.join("dokumen")),
        }
    }

    /// Where people get help.
    pub fn kontak(&self) -> layanan::standar::KontakLayanan {
        layanan::standar::KontakLayanan {
            telepon: self.helpdesk_telepon.trim().to_string(),
            email: self
                .helpdesk_email
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(String::from),
            jam: self.jam_layanan.trim().to_string(),
        }
    }

    /// The base URL of links.
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
            .trim_end_matches('/')
            .to_string()
    }

    /// The pool the settings ask for.
    pub fn pool(&self) -> store_sea_orm::PengaturanPool {
        let bawaan = store_sea_orm::PengaturanPool::default();
        store_sea_orm::PengaturanPool {
            ukuran: self.db_pool.unwrap_or(bawaan.ukuran),
            tunggu: std::time::Duration::from_millis(self.db_tunggu_ms),
        }
    }

    /// The database URL: the configured one, or the SQLite file in the data folder.
    pub fn url_basis_data(&self) -> String {
        match &self.database_url {
            Some(u) => secrecy::ExposeSecret::expose_secret(u).to_string(),
            None => store_sea_orm::Store::url_sqlite(&self.data_dir),
        }
    }
}

/// The path after `--config` (or `--config=`), if given.
fn berkas_konfigurasi(args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let mut iter = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = iter.next() {
        if a == "--config" {
            return iter.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--config=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

/// Makes the values of the `--config` TOML file the defaults of `cmd`'s settings, so a flag or an
/// environment variable still wins. An unknown key or an unreadable file is an error.
pub fn dengan_berkas(
    mut cmd: clap::Command,
    args: &[std::ffi::OsString],
) -> Result<clap::Command, String> {
    let Some(path) = berkas_konfigurasi(args) else {
        return Ok(cmd);
    };
    let teks = std::fs::read_to_string(&path)
        .map_err(|e| format!("berkas konfigurasi {} tidak terbaca: {e}", path.display()))?;
    let tabel: toml::Table = teks.parse().map_err(|e| {
        format!(
            "berkas konfigurasi {} bukan TOML yang sah: {e}",
            path.display()
        )
    })?;
    for (kunci, nilai) in tabel {
        let nilai = match nilai {
            toml::Value::String(s) => s,
            toml::Value::Integer(n) => n.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            lain => return Err(format!("{kunci}: nilai {lain} tidak didukung")),
        };
        if kunci == "config" || !cmd.get_arguments().any(|a| a.get_id() == kunci.as_str()) {
            return Err(format!(
                "berkas konfigurasi {}: kunci tidak dikenal \"{kunci}\"",
                path.display()
            ));
        }
        cmd = cmd.mut_arg(kunci, |a| a.default_value(nilai));
    }
    Ok(cmd)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use clap::{Args, FromArgMatches};

    fn perintah() -> clap::Command {
        Konfigurasi::augment_args(clap::Command::new("uji"))
            .arg(clap::Arg::new("config").long("config"))
    }

    #[test]
    fn a_toml_file_sets_defaults_and_a_flag_still_wins() {
        let berkas = std::env::temp_dir().join(format!("pse-config-{}.toml", std::process::id()));
        std::fs::write(
            &berkas,
            "bind = \"0.0.0.0:9090\"\nbatas_dokumen_mib = 20\ncookie_secure = true\n",
        )
        .unwrap();
        let args: Vec<std::ffi::OsString> = [
            "uji",
            "--config",
            berkas.to_str().unwrap(),
            "--batas-dokumen-mib",
            "5",
        ]
        .into_iter()
        .map(Into::into)
        .collect();
        let m = dengan_berkas(perintah(), &args)
            .unwrap()
            .get_matches_from(&args);
        let k = Konfigurasi::from_arg_matches(&m).unwrap();
        assert_eq!(k.bind.to_string(), "0.0.0.0:9090");
        assert!(k.cookie_secure);
        assert_eq!(k.batas_dokumen_mib, 5, "the flag wins");

        std::fs::write(&berkas, "warna = \"biru\"\n").unwrap();
        let salah = dengan_berkas(perintah(), &args).unwrap_err();
        assert!(salah.contains("kunci tidak dikenal \"warna\""), "{salah}");
        std::fs::remove_file(&berkas).unwrap();
    }
}
