# Recipes for working on the portal. README's two commands stay plain cargo.

target := env_var_or_default("CARGO_TARGET_DIR", "target")

# Serve the portal on the embedded SQLite default.
run:
    cargo run --release -p pse-portal

# The whole test suite (SQLite; set PSE_TEST_POSTGRES_URL for PostgreSQL too).
test:
    cargo test --workspace

# Tests on PostgreSQL as well, against the local server.
test-postgres:
    PSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres PSE_REQUIRE_POSTGRES=1 cargo test --workspace

# Review pending insta snapshots (needs cargo-insta).
snapshots:
    cargo insta test --review

# Lints as CI runs them.
lint:
    cargo clippy --workspace --all-targets -- -D warnings
    cargo fmt --all -- --check

# Benchmarks (never timed assertions in tests).
bench: bench-laporan bench-http

# The public registry, the admin queue, the report and logins over HTTP on PostgreSQL with 100,000
# seeded systems (wrk at 32 connections), next to pgbench on the same SQL; prints a table.
bench-http:
    bash scripts/bench-http.sh

# 100,000 systems × 15 columns through the report writer next to a bare rust_xlsxwriter loop,
# then the same report downloaded over HTTP from PostgreSQL next to openpyxl writing its cells.
bench-laporan:
    cargo bench -p pse-xlsx --bench laporan
    PSE_BENCH_HANYA=laporan bash scripts/bench-http.sh

# Domain crates must not depend on I/O crates.
purity:
    for c in pse-kernel registrasi-pejabat sistem-elektronik perubahan-data laporan layanan permohonan-daerah aplikasi-perkantoran store-memori; do cargo tree -p $c -e normal --prefix none | awk '{print $1}' | grep -E '^(tokio|axum|tower|sea-orm|sqlx|mail-send|rust_xlsxwriter|object_store|argon2)$' && exit 1 || true; done

# Take the guide's screenshots again from the real portal in headless Chromium (/panduan).
panduan-gambar:
    bash scripts/panduan-gambar.sh

# Create the first admin; prints the activation link.
admin email nama="Admin Direktorat LAIP":
    cargo run --release -p pse-portal -- admin create --email {{email}} --nama "{{nama}}"

# Everything CI does.
ci:
    bash .ci/run
