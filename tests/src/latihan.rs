//! What the fault drills stand on: a PostgreSQL cluster of their own (so they may stop and start
//! it) and the real `pse-portal` binary as a process (so they may send it SIGTERM or SIGKILL).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A port nobody listens on.
pub fn port_bebas() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

/// A drill's own PostgreSQL cluster (`initdb` in a temporary folder, on a free port), removed
/// when dropped.
pub struct KlasterPg {
    bin: PathBuf,
    dir: PathBuf,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

/// Runs a PostgreSQL program as the `postgres` user when the tests run as root (initdb refuses
/// root).
fn pg(bin: &Path, program: &str, args: &[&str]) -> std::process::Output {
    let path = bin.join(program);
    let mut c = if sebagai_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&path);
        c
    } else {
        Command::new(&path)
    };
    c.args(args).stdin(Stdio::null()).output().unwrap()
}

fn sebagai_root() -> bool {
    std::env::var("USER").as_deref() == Ok("root")
        || Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

impl KlasterPg {
    /// A new cluster, started; `None` when PostgreSQL's server programs are not installed and
    /// `PSE_REQUIRE_DRILL` is not `1`.
    pub fn mulai() -> Option<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|d| d.filter_map(Result::ok).map(|e| e.path().join("bin")).max())
            .filter(|b| b.join("initdb").exists());
        let Some(bin) = bin else {
            assert!(
                std::env::var("PSE_REQUIRE_DRILL").as_deref() != Ok("1"),
                "PSE_REQUIRE_DRILL=1 tetapi initdb tidak ditemukan di /usr/lib/postgresql/*/bin"
            );
            eprintln!("initdb tidak terpasang: latihan gangguan dilewati");
            return None;
        };
        let dir = std::env::temp_dir().join(format!("pse-latihan-pg-{}", port_bebas()));
        std::fs::create_dir_all(&dir).unwrap();
        if sebagai_root() {
            let ok = Command::new("chown")
                .args(["postgres:postgres", &dir.to_string_lossy()])
                .status()
                .unwrap();
            assert!(ok.success());
        }
        let data = dir.join("data");
        let o = pg(
            &bin,
            "initdb",
            &[
                "-D",
                &data.to_string_lossy(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
        );
        assert!(
            o.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let k = Self {
            bin,
            dir,
            port: port_bebas(),
        };
        k.nyalakan();
        Some(k)
    }

    /// `postgres://…` of its `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Runs `pg_ctl` on this cluster's data folder; asserts it succeeded unless `apa` is empty.
    fn pg_ctl(&self, apa: &str, args: &[&str]) {
        let data = self.dir.join("data");
        let mut semua = vec!["-D", data.to_str().unwrap()];
        semua.extend_from_slice(args);
        let o = pg(&self.bin, "pg_ctl", &semua);
        assert!(
            apa.is_empty() || o.status.success(),
            "pg_ctl {apa}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    /// Starts the server and waits until it accepts connections.
    pub fn nyalakan(&self) {
        let opsi = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.display()
        );
        let log = self.dir.join("log");
        self.pg_ctl(
            "start",
            &["-o", &opsi, "-l", log.to_str().unwrap(), "-w", "start"],
        );
    }

    /// Stops the server at once (connections cut, open transactions rolled back).
    pub fn matikan(&self) {
        self.pg_ctl("stop", &["-m", "fast", "-w", "stop"]);
    }
}

impl Drop for KlasterPg {
    fn drop(&mut self) {
        self.pg_ctl("", &["-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The `pse-portal` binary built beside the test binary (`cargo test --workspace` builds it).
pub fn biner_portal() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let b = exe.parent()?.parent()?.join("pse-portal");
    if b.exists() {
        return Some(b);
    }
    assert!(
        std::env::var("PSE_REQUIRE_DRILL").as_deref() != Ok("1"),
        "PSE_REQUIRE_DRILL=1 tetapi {} belum dibangun",
        b.display()
    );
    eprintln!("{} belum dibangun: latihan gangguan dilewati", b.display());
    None
}

/// The real portal as a process, stopped (SIGKILL) when dropped.
pub struct PortalProses {
    anak: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl PortalProses {
    /// Serves with `env` on a free port and waits for `/healthz`.
    pub async fn mulai(biner: &Path, env: &[(&str, String)]) -> Self {
        let port = port_bebas();
        let anak = portal(biner, env)
            .env("PSE_BIND", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let p = Self {
            anak,
            url: format!("http://127.0.0.1:{port}"),
        };
        let k = reqwest::Client::new();
        let siap = crate::tunggu(Duration::from_secs(60), || {
            let r = k.get(format!("{}/healthz", p.url)).send();
            async move { r.await.ok().filter(|r| r.status().is_success()) }
        })
        .await;
        assert!(siap.is_some(), "pse-portal did not start");
        p
    }

    /// Sends `sinyal` (`TERM`, `KILL`) to the process.
    pub fn sinyal(&self, sinyal: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{sinyal}"), &self.anak.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Waits for the process to end; its exit code (`None` when killed by a signal).
    pub async fn tunggu_selesai(&mut self, batas: Duration) -> Option<i32> {
        let mulai = std::time::Instant::now();
        loop {
            if let Some(s) = self.anak.try_wait().unwrap() {
                return s.code();
            }
            assert!(mulai.elapsed() < batas, "pse-portal did not stop");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for PortalProses {
    fn drop(&mut self) {
        let _ = self.anak.kill();
        let _ = self.anak.wait();
    }
}

/// `pse-portal` with `env` only (and `PATH`, for `pg_dump` and the like).
fn portal(biner: &Path, env: &[(&str, String)]) -> Command {
    let mut c = Command::new(biner);
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .envs(env.iter().map(|(k, v)| (k, v)));
    c
}

/// Runs a `pse-portal` command with `env` to its end; its standard output.
pub fn perintah(biner: &Path, env: &[(&str, String)], args: &[&str]) -> String {
    let o = portal(biner, env).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "pse-portal {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}
