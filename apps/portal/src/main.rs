//! `pse-portal`: serve the portal (the default), run migrations, create the first admin, load demo
//! data, import reference lists.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use pse_kernel::Actor;
use pse_kernel::clock::SystemClock;
use pse_portal::{Konfigurasi, app, referensi};
use secrecy::ExposeSecret;
use std::process::ExitCode;
use std::sync::Arc;

/// Portal Pendaftaran Sistem Elektronik Lingkup Publik.
#[derive(Parser)]
#[command(name = "pse-portal", version, about)]
struct Cli {
    /// A TOML file of settings (keys are the option names: `bind`, `data_dir`, …).
    #[arg(long, global = true)]
    config: Option<std::path::PathBuf>,
    #[command(flatten)]
    konfigurasi: Konfigurasi,
    #[command(subcommand)]
    perintah: Option<Perintah>,
}

#[derive(Subcommand)]
enum Perintah {
    /// Migrate, load missing reference data, serve (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Admin accounts.
    Admin {
        #[command(subcommand)]
        perintah: PerintahAdmin,
    },
    /// Demo data for trying the portal out.
    Seed {
        /// Load demo instansi and accounts.
        #[arg(long)]
        demo: bool,
        /// Also write this many realistic systems (national-scale trials and benchmarks).
        #[arg(long, default_value_t = 0)]
        sistem: usize,
        /// Seed of the generator: the same seed gives the same systems.
        #[arg(long, default_value_t = 2026)]
        benih: u64,
    },
    /// Wilayah reference list.
    Wilayah {
        #[command(subcommand)]
        perintah: Impor,
    },
    /// Holiday table of the working-day calendar.
    Libur {
        #[command(subcommand)]
        perintah: Impor,
    },
    /// Scheduled jobs (the server also runs them every minute).
    Jadwal {
        #[command(subcommand)]
        perintah: PerintahJadwal,
    },
    /// Backups of the database and the documents.
    Cadangan {
        #[command(subcommand)]
        perintah: PerintahCadangan,
    },
}

#[derive(Subcommand)]
enum PerintahCadangan {
    /// Backs up the database and the documents into a new or empty folder.
    Buat {
        /// The folder.
        folder: std::path::PathBuf,
    },
    /// Restores a backup folder (stop the portal first).
    Pulihkan {
        /// The folder.
        folder: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum PerintahJadwal {
    /// Runs the jobs that are due as of now, or as of `--pada`.
    Jalankan {
        /// The moment to run them as of (RFC 3339), e.g. 2026-12-28T11:00:00+07:00.
        #[arg(long)]
        pada: Option<String>,
    },
}

#[derive(Subcommand)]
enum PerintahAdmin {
    /// Create an admin; prints the activation URL as the last line.
    Create {
        /// Email of the admin.
        #[arg(long)]
        email: String,
        /// Name of the admin.
        #[arg(long, default_value = "Admin Direktorat LAIP")]
        nama: String,
    },
}

#[derive(Subcommand)]
enum Impor {
    /// Import a CSV file (`kode,nama` for wilayah; `tanggal,keterangan,jenis` for holidays).
    Impor {
        /// The CSV file.
        berkas: std::path::PathBuf,
    },
}

/// Logs to stderr: text by default, one JSON object a line with `PSE_LOG_FORMAT=json` (for a log
/// collector); each request's span carries its `x-request-id`.
fn log() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let dasar = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("PSE_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json")) {
        dasar.json().with_current_span(true).init();
    } else {
        dasar.init();
    }
}

/// mimalloc returns freed memory to the system (glibc's per-thread arenas kept Argon2's 19 MiB
/// blocks for good); built without transparent huge pages, which kept whole 2 MiB pages of an
/// idle server resident.
#[global_allocator]
static ALOKATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    log();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match pse_portal::config::dengan_berkas(Cli::command(), &args)
        .map(|cmd| cmd.get_matches_from(&args))
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.to_string()))
    {
        Ok(cli) => cli,
        Err(e) => {
            eprintln!("galat: {e}");
            return ExitCode::FAILURE;
        }
    };
    match jalankan(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("galat: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn jalankan(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let k = cli.konfigurasi;
    match cli.perintah.unwrap_or(Perintah::Serve) {
        Perintah::Serve => {
            let portal = app::mulai(k).await?;
            println!(
                "Portal PSE Lingkup Publik berjalan di http://{}",
                portal.alamat
            );
            portal.tunggu_sinyal().await;
        }
        Perintah::Jadwal {
            perintah: PerintahJadwal::Jalankan { pada },
        } => {
            let layanan =
                app::siapkan(&k, std::sync::Arc::new(pse_kernel::clock::SystemClock)).await?;
            let pada = match pada {
                Some(t) => chrono::DateTime::parse_from_rfc3339(&t)
                    .map_err(|_| {
                        format!(
                            "--pada {t}: tulis waktu RFC 3339, misalnya 2026-12-28T11:00:00+07:00"
                        )
                    })?
                    .with_timezone(&chrono::Utc),
                None => layanan.store.sekarang(),
            };
            let h = layanan.sep.jalankan_jadwal_pada(pada).await?;
            println!(
                "Jadwal dijalankan per {pada}: {} pengguna dinonaktifkan, {} pengingat jawaban dan {} pengingat keputusan dikirim.",
                h.dinonaktifkan, h.diingatkan, h.keputusan_diingatkan
            );
        }
        Perintah::Cadangan {
            perintah: PerintahCadangan::Buat { folder },
        } => {
            let r = pse_portal::cadangan::buat(&k, &folder).await?;
            println!(
                "Cadangan dibuat di {}: {} dan {}.",
                folder.display(),
                r.basis_data.display(),
                teks_dokumen(r.dokumen)
            );
        }
        Perintah::Cadangan {
            perintah: PerintahCadangan::Pulihkan { folder },
        } => {
            let r = pse_portal::cadangan::pulihkan(&k, &folder).await?;
            println!(
                "Dipulihkan dari {}: basis data dan {}.",
                r.basis_data.display(),
                teks_dokumen(r.dokumen)
            );
        }
        Perintah::Migrate => {
            let layanan = app::siapkan(&k, Arc::new(SystemClock)).await?;
            layanan.store.migrate().await?;
            println!("Migrasi selesai.");
        }
        Perintah::Admin {
            perintah: PerintahAdmin::Create { email, nama },
        } => {
            let layanan = app::siapkan(&k, Arc::new(SystemClock)).await?;
            let token = layanan
                .registrasi
                .buat_admin(&Actor::Sistem, &email, &nama)
                .await?;
            println!(
                "Admin {email} dibuat. Buka tautan berikut untuk membuat kata sandi (berlaku 72 jam):"
            );
            println!("{}/aktivasi/{}", k.base_url(), token.expose_secret());
        }
        Perintah::Seed {
            demo,
            sistem,
            benih,
        } => {
            let layanan = app::siapkan(&k, Arc::new(SystemClock)).await?;
            if sistem > 0 {
                let n = pse_portal::semai::sistem(&layanan.store, sistem, benih).await?;
                println!("{n} sistem elektronik contoh ditulis.");
            }
            if demo {
                let token = layanan
                    .registrasi
                    .buat_admin(&Actor::Sistem, "admin@komdigi.go.id", "Admin Demo")
                    .await?;
                println!("Data referensi siap. Admin demo: admin@komdigi.go.id");
                println!("{}/aktivasi/{}", k.base_url(), token.expose_secret());
            } else if sistem == 0 {
                println!("Data referensi siap. Tambahkan --demo untuk akun admin demo.");
            }
        }
        Perintah::Wilayah {
            perintah: Impor::Impor { berkas },
        } => {
            let layanan = app::siapkan(&k, Arc::new(SystemClock)).await?;
            let teks = std::fs::read_to_string(&berkas)?;
            let (n, baru) = referensi::impor_wilayah(layanan.referensi.as_ref(), &teks).await?;
            println!("{n} wilayah diimpor; {baru} instansi pemerintah daerah baru.");
        }
        Perintah::Libur {
            perintah: Impor::Impor { berkas },
        } => {
            let layanan = app::siapkan(&k, Arc::new(SystemClock)).await?;
            let teks = std::fs::read_to_string(&berkas)?;
            let libur = referensi::baca_libur(&teks)?;
            layanan.referensi.simpan_libur(&libur).await?;
            println!(
                "{} hari libur diimpor; berlaku setelah portal dimulai ulang.",
                libur.len()
            );
        }
    }
    Ok(())
}

/// The documents part of a backup's summary.
fn teks_dokumen(n: Option<usize>) -> String {
    match n {
        Some(n) => format!("{n} dokumen"),
        None => {
            "tanpa dokumen (dokumen ada di bucket S3; cadangkan dengan alat penyimpanan objeknya)"
                .into()
        }
    }
}
