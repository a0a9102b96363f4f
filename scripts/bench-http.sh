#!/usr/bin/env bash
# `just bench-http`: the paths people take, measured from outside on PostgreSQL with N seeded systems
# (default 100,000). Starts the release portal, loads each endpoint with wrk at 32 connections,
# runs pgbench with the SQL that endpoint issues, times the full report download next to openpyxl
# writing the same cells, and measures memory around 200 parallel logins. Prints a Markdown table.
#
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth), wrk, pgbench, curl, python3 (openpyxl optional).
# Settings: PSE_BENCH_SISTEM (100000), PSE_BENCH_DETIK (10), PSE_BENCH_KONEKSI (32; 8 on SQLite),
# PSE_BENCH_SEGAR=1 reseeds the database, PSE_BENCH_BASIS=sqlite measures the embedded default
# instead (no pgbench column then), PSE_BENCH_HANYA=laporan times only the report download
# (`just bench-laporan`).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${PSE_BENCH_SISTEM:-100000}"
DETIK="${PSE_BENCH_DETIK:-10}"
BASIS="${PSE_BENCH_BASIS:-postgres}"
HANYA="${PSE_BENCH_HANYA:-}"
if [ "$BASIS" = sqlite ]; then KONEKSI="${PSE_BENCH_KONEKSI:-8}"; else KONEKSI="${PSE_BENCH_KONEKSI:-32}"; fi
PORT=18080
DB="pse_bench_${N}"
PG="postgres://postgres@127.0.0.1:5432"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
BIN="$CARGO_TARGET_DIR/release/pse-portal"
KERJA="$(mktemp -d)"
PID=""
selesai() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$KERJA"
}
trap selesai EXIT

for alat in $([ "$HANYA" = laporan ] || echo wrk) curl python3 $([ "$BASIS" = postgres ] && echo pgbench psql); do
  command -v "$alat" >/dev/null || { echo "butuh $alat" >&2; exit 1; }
done
cargo build --release -q -p pse-portal

export PSE_BIND="127.0.0.1:$PORT"
export PSE_BATAS_PERCOBAAN_PER_MENIT=100000
export RUST_LOG=warn

if [ "$BASIS" = sqlite ]; then
  # The embedded default: one SQLite file, kept between runs under the target directory.
  export PSE_DATA_DIR="$CARGO_TARGET_DIR/bench-sqlite-$N"
  unset DATABASE_URL
  FILE="$PSE_DATA_DIR/pse.sqlite"
  sql() {
    python3 -c 'import sqlite3,sys
c = sqlite3.connect(sys.argv[1], timeout=30)
r = c.execute(sys.argv[2]).fetchone()
c.commit()
print("" if r is None or r[0] is None else r[0])' "$FILE" "$1"
  }
  if [ "${PSE_BENCH_SEGAR:-0}" = 1 ] || [ ! -f "$FILE" ]; then
    rm -rf "$PSE_DATA_DIR"
    echo "menyemai $N sistem (SQLite) …" >&2
    /usr/bin/time -f "semai: %e s, %M KiB" "$BIN" seed --sistem "$N" >&2
  fi
else
  export DATABASE_URL="$PG/$DB"
  export PSE_DATA_DIR="$KERJA/data"
  sql() { psql "$DATABASE_URL" -Atc "$1"; }
  ada=$(psql "$PG/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
  if [ "${PSE_BENCH_SEGAR:-0}" = 1 ] || [ "$ada" != 1 ]; then
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
    echo "menyemai $N sistem …" >&2
    /usr/bin/time -f "semai: %e s, %M KiB" "$BIN" seed --sistem "$N" >&2
    psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
  fi
fi

"$BIN" serve >"$KERJA/portal.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -sf "http://$PSE_BIND/readyz" >/dev/null && break; sleep 0.1; done
rss() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }
hwm() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }
sleep 3 # start-up's dummy Argon2 hash is returned to the system after a moment
RSS_DIAM=$(rss)

# An admin session for the back-office endpoints.
sql "DELETE FROM sesi" >/dev/null
email="bench-$(date +%s)@komdigi.go.id"
token=$("$BIN" admin create --email "$email" --nama "Admin Bench" 2>/dev/null | tail -n1 | sed 's#.*/aktivasi/##')
curl -sf -o /dev/null -H 'content-type: application/json' \
  -d "{\"token\":\"$token\",\"kata_sandi\":\"Bench-Rahasia-2026\"}" "http://$PSE_BIND/api/v1/aktivasi"
curl -sf -o /dev/null -c "$KERJA/jar" -H 'content-type: application/json' \
  -d "{\"email\":\"$email\",\"kata_sandi\":\"Bench-Rahasia-2026\"}" "http://$PSE_BIND/api/v1/sesi"
KUKI="pse_sesi=$(awk '$6 == "pse_sesi" {print $7}' "$KERJA/jar")"

if [ "$HANYA" != laporan ]; then
# A Pejabat Pendaftar of the Pemerintah Kota Tarakan (its seeded systems, about N / 600), through
# the real flow: application with a PDF, approval, activation link from the emailed .eml.
tarakan=$(curl -sf "http://$PSE_BIND/api/v1/instansi?q=kota%20tarakan" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
python3 - "$KERJA/surat.pdf" <<'PY'
import sys
objek = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
pdf, posisi = b"%PDF-1.4\n", []
for i, o in enumerate(objek, 1):
    posisi.append(len(pdf))
    pdf += f"{i} 0 obj\n{o}\nendobj\n".encode()
xref = len(pdf)
pdf += f"xref\n0 {len(objek) + 1}\n0000000000 65535 f \n".encode()
pdf += b"".join(f"{p:010} 00000 n \n".encode() for p in posisi)
pdf += f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
open(sys.argv[1], "wb").write(pdf)
PY
pejabat="pejabat-$(date +%s)@tarakankota.go.id"
# A later run replaces the pejabat of the run before (R-PEJ-02: one active pejabat per instansi).
jenis=$(sql "SELECT CASE WHEN EXISTS (SELECT 1 FROM akun WHERE instansi_id = '$tarakan' \
  AND peran = 'pejabat_pendaftar' AND status <> 'nonaktif') THEN 'pengganti' ELSE 'baru' END")
permohonan=$(curl -sf --form-string email="$pejabat" --form-string status_pendaftar="$jenis" \
  --form-string nama_lengkap="Budi Santoso" --form-string jenis_kepegawaian=pns \
  --form-string nip=198501012010011001 --form-string jabatan="Kepala Dinas Kominfo" \
  --form-string tingkat_jabatan=administrator \
  --form-string telepon_kantor="(0551) 21820" --form-string nomor_hp=0812-3456-7890 \
  --form-string provinsi=65 --form-string kota=65.71 --form-string instansi_id="$tarakan" \
  -F "dokumen=@$KERJA/surat.pdf;type=application/pdf" \
  "http://$PSE_BIND/api/v1/pendaftaran-pejabat" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' || true)
KUKI_PEJABAT=""
if [ -n "$permohonan" ]; then
  curl -sf -o /dev/null -b "$KERJA/jar" -H 'content-type: application/json' -d '{}' \
    "http://$PSE_BIND/api/v1/admin/pendaftaran-pejabat/$permohonan/setujui"
  for _ in $(seq 1 50); do
    tp=$(python3 - "$PSE_DATA_DIR/surel" "$pejabat" <<'PY'
import email, glob, re, sys
for f in glob.glob(sys.argv[1] + "/*.eml"):
    m = email.message_from_binary_file(open(f, "rb"))
    if sys.argv[2] not in str(m.get("To", "")):
        continue
    for part in m.walk():
        if part.get_content_type() == "text/plain":
            t = part.get_payload(decode=True).decode("utf-8", "replace")
            hit = re.search(r"/aktivasi/([0-9a-f]{64})", t)
            if hit:
                print(hit.group(1))
                sys.exit()
PY
)
    [ -n "$tp" ] && break
    sleep 0.2
  done
  curl -sf -o /dev/null -H 'content-type: application/json' \
    -d "{\"token\":\"$tp\",\"kata_sandi\":\"Bench-Rahasia-2026\"}" "http://$PSE_BIND/api/v1/aktivasi"
  curl -sf -o /dev/null -c "$KERJA/jar-pejabat" -H 'content-type: application/json' \
    -d "{\"email\":\"$pejabat\",\"kata_sandi\":\"Bench-Rahasia-2026\"}" "http://$PSE_BIND/api/v1/sesi"
  KUKI_PEJABAT="pse_sesi=$(awk '$6 == "pse_sesi" {print $7}' "$KERJA/jar-pejabat")"
fi

# A cursor 25,000 systems deep (where `page=500` used to be), reached by cursor.
api="http://$PSE_BIND/api/v1/publik/sistem-elektronik"
c=""
for _ in $(seq 1 250); do
  c=$(curl -sf "$api?batas=100${c:+&setelah=$c}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["berikutnya"] or "")')
  [ -n "$c" ] || break
done
nomor=$(sql "SELECT max(nomor_tanda_daftar) / 2 FROM sistem_elektronik")
kursor_nama=$(python3 -c "import sys; b=bytes.fromhex(sys.argv[1]).decode(); print(b.split(chr(31))[0])" "$c")
kursor_id=$(python3 -c "import sys; b=bytes.fromhex(sys.argv[1]).decode(); print(b.split(chr(31))[1])" "$c")

# The SQL each endpoint issues per request (the public totals are kept 30 s, so a request
# counts only when its filter was not counted since the last change: the count is left out).
PUBLIK="publikasi AND status IN ('terdaftar', 'dalam_perubahan')"
KOLOM="s.id, s.nama_eksternal, s.kategori, s.data_awal, s.tanda_daftar, i.nama AS nama_instansi, i.provinsi AS provinsi_instansi"
halaman() { # extra condition
  cat <<SQL
SELECT $KOLOM FROM sistem_elektronik s LEFT JOIN instansi i ON i.id = s.instansi_id WHERE s.id IN (SELECT id FROM sistem_elektronik WHERE $PUBLIK $1 ORDER BY nama_eksternal, id LIMIT 51) ORDER BY s.nama_eksternal, s.id;
SQL
}
halaman "" >"$KERJA/halaman1.sql"
halaman "AND kunci_nama LIKE '%geospasial%'" >"$KERJA/cari.sql"
halaman "AND (nama_eksternal, id) > ('$kursor_nama', '$kursor_id')" >"$KERJA/dalam.sql"
cat >"$KERJA/tanda.sql" <<SQL
SELECT * FROM sistem_elektronik WHERE nomor_tanda_daftar = $nomor;
SELECT * FROM instansi WHERE id = (SELECT instansi_id FROM sistem_elektronik WHERE nomor_tanda_daftar = $nomor);
SQL
# What every logged-in request reads first: its session with its account, in one statement.
sesi_sql() { # cookie
  echo "SELECT s.*, a.* FROM sesi s LEFT JOIN akun a ON a.id = s.akun_id WHERE s.id = '${1#pse_sesi=}' AND s.kedaluwarsa > now() LIMIT 1;"
}
# The desk's windows, one statement per kind that holds something (the queue's lengths are
# counted once between commits that change a queue, so they are left out, and an empty queue's
# window is not asked).
ANTRIAN="status IN ('data_awal_diajukan', 'diajukan')"
jendela() { # table predicate order columns [join]
  [ "$(sql "SELECT EXISTS (SELECT 1 FROM $1 s WHERE $2)")" = t ] || return 0
  echo "SELECT $4 FROM $1 s ${5:-} WHERE $2 ORDER BY $3, s.id LIMIT 51;"
}
SE_KOLOM="s.id, s.status, s.nama_eksternal, s.data_awal, s.masuk_antrian_pada, i.nama AS nama_instansi"
SE_GABUNG="LEFT JOIN instansi i ON i.id = s.instansi_id"
{
  sesi_sql "$KUKI"
  jendela permohonan_pejabat "s.status = 'diajukan'" s.masuk_antrian_pada "s.*"
  jendela sistem_elektronik "(s.$ANTRIAN) AND s.status = 'data_awal_diajukan'" s.masuk_antrian_pada "$SE_KOLOM" "$SE_GABUNG"
  jendela sistem_elektronik "(s.$ANTRIAN) AND s.status = 'diajukan'" s.masuk_antrian_pada "$SE_KOLOM" "$SE_GABUNG"
  jendela sub_pejabat "s.status = 'tidak_aktif'" s.masuk_antrian_pada "s.*"
  jendela permohonan_sep "s.status IN ('diajukan', 'lengkap')" s.diajukan_pada "s.*"
  jendela perubahan_data "s.status = 'terkirim'" s.diajukan_pada "s.*"
} >"$KERJA/antrian.sql"

ukur() { # nama url sql [kuki]
  local nama="$1" url="$2" sql="$3" kuki="${4:-}"
  local h=()
  [ -n "$kuki" ] && h=(-H "Cookie: $kuki")
  # One request first, so the run measures the steady state: its totals counted once (a cold
  # start holds the first burst of requests behind that count).
  curl -s -o /dev/null "${h[@]}" "$url" || true
  wrk -t2 -c"$KONEKSI" -d"${DETIK}s" --latency "${h[@]}" "$url" >"$KERJA/wrk.txt" 2>&1 || true
  local tps="-"
  if [ -n "$sql" ] && [ "$BASIS" = postgres ]; then
    tps=$(pgbench -n -c "$KONEKSI" -j 2 -T "$DETIK" -f "$sql" "$DATABASE_URL" 2>/dev/null |
      awk '/^tps/ {printf "%.0f", $3}')
  fi
  python3 - "$nama" "$tps" "$(rss)" "$KERJA/wrk.txt" <<'PY'
import re, sys
nama, tps, rss, path = sys.argv[1:5]
t = open(path).read()
def lat(p):
    m = re.search(rf"^\s*{p}%\s+([\d.]+)(us|ms|s)", t, re.M)
    if not m: return "-"
    v = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    return f"{v:.1f} ms"
rps = re.search(r"Requests/sec:\s+([\d.]+)", t)
rps = float(rps.group(1)) if rps else 0.0
non2 = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
err = re.search(r"Socket errors:.*", t)
ratio = f"{rps / float(tps) * 100:.0f}%" if tps not in ("-", "") and float(tps) > 0 else "-"
salah = (non2.group(1) if non2 else "0") + (" (" + err.group(0) + ")" if err else "")
print(f"| {nama} | {rps:.0f} | {lat(50)} | {lat(99)} | {tps or '-'} | {ratio} | {salah} | {rss} MiB |")
PY
}

echo
echo "Basis data: $BASIS; sistem: $N; koneksi: $KONEKSI; $DETIK s per titik; $(nproc) inti; RSS diam: $RSS_DIAM MiB"
echo
echo "| endpoint | req/s | p50 | p99 | pgbench tps | app/pgbench | non-2xx | RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
ukur "GET /api/v1/publik/sistem-elektronik" "$api" "$KERJA/halaman1.sql"
ukur "… ?q=geospasial" "$api?q=geospasial" "$KERJA/cari.sql"
ukur "… ?setelah= (25.000 dalam)" "$api?setelah=$c" "$KERJA/dalam.sql"
ukur "GET /registri" "http://$PSE_BIND/registri" "$KERJA/halaman1.sql"
ukur "GET /tanda-daftar/{nomor}" "http://$PSE_BIND/tanda-daftar/$nomor" "$KERJA/tanda.sql"
{ [ -n "$KUKI_PEJABAT" ] && sesi_sql "$KUKI_PEJABAT"; cat <<SQL
SELECT COUNT(*) FROM (SELECT id FROM sistem_elektronik WHERE instansi_id = '$tarakan') s;
SELECT id, unit_id, nama_eksternal, status, progres, kategori, nomor_tanda_daftar, dibuat_pada FROM sistem_elektronik WHERE instansi_id = '$tarakan' ORDER BY dibuat_pada DESC, id DESC LIMIT 51;
SQL
} >"$KERJA/pejabat.sql"
[ -n "$KUKI_PEJABAT" ] && ukur "pejabat GET /api/v1/sistem-elektronik" "http://$PSE_BIND/api/v1/sistem-elektronik" "$KERJA/pejabat.sql" "$KUKI_PEJABAT"
ukur "admin GET /api/v1/admin/antrian" "http://$PSE_BIND/api/v1/admin/antrian" "$KERJA/antrian.sql" "$KUKI"

else
  echo
  echo "Basis data: $BASIS; sistem: $N; $(nproc) inti; RSS diam: $RSS_DIAM MiB"
fi

# The full report of every system × 15 columns, over HTTP, next to openpyxl writing the same cells.
kolom='["nama_internal","nama_eksternal","instansi","unit","kategori","kategori_akses","url","status","progres","nomor_tanda_daftar","tanggal_terdaftar","sasaran_pelayanan","lokasi_hosting","penanggung_jawab","provinsi"]'
lap=$(curl -sf -b "$KERJA/jar" -H 'content-type: application/json' \
  -d "{\"nama\":\"Bench semua\",\"kolom\":$kolom}" "http://$PSE_BIND/api/v1/laporan" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null || true)
if [ -n "$lap" ]; then
  sebelum=$(rss)
  # RSS sampled every 20 ms while the report is written and sent.
  (puncak=0; while :; do r=$(rss); [ "$r" -gt "$puncak" ] && puncak=$r && echo "$puncak" >"$KERJA/puncak"; sleep 0.02; done) &
  sampel=$!
  waktu=$(curl -sf -b "$KERJA/jar" -o "$KERJA/lap.xlsx" -w '%{time_total}' "http://$PSE_BIND/api/v1/laporan/$lap/unduh")
  kill "$sampel" 2>/dev/null; wait "$sampel" 2>/dev/null || true
  puncak=$(cat "$KERJA/puncak" 2>/dev/null || echo "$sebelum")
  baris=$(python3 -c "import zipfile,sys,re; z=zipfile.ZipFile(sys.argv[1]); print(len(re.findall(rb'<row ', z.read('xl/worksheets/sheet1.xml'))))" "$KERJA/lap.xlsx")
  echo
  echo "Laporan $baris baris × 15 kolom lewat HTTP: ${waktu} s; RSS $sebelum MiB sebelum, $puncak MiB puncak selama unduhan (+$((puncak - sebelum)) MiB), $(du -k "$KERJA/lap.xlsx" | cut -f1) KiB"
  if python3 -c "import openpyxl" 2>/dev/null; then
    python3 - "$KERJA/lap.xlsx" <<'PY'
import sys, time, openpyxl
baris = list(openpyxl.load_workbook(sys.argv[1], read_only=True).active.iter_rows(values_only=True))
t = time.time()
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet()
for r in baris:
    ws.append(r)
wb.save(sys.argv[1] + ".openpyxl.xlsx")
print(f"openpyxl (write_only) menulis sel yang sama: {time.time() - t:.1f} s")
t = time.time()
wb = openpyxl.Workbook()
ws = wb.active
for r in baris:
    ws.append(r)
wb.save(sys.argv[1] + ".openpyxl-biasa.xlsx")
print(f"openpyxl (biasa) menulis sel yang sama: {time.time() - t:.1f} s")
PY
  fi
else
  echo "laporan tidak dapat dibuat" >&2
fi

if [ "$HANYA" != laporan ]; then
# 200 parallel logins (unknown accounts: each still runs one Argon2id hash).
sebelum=$(rss)
seq 1 200 | xargs -P 200 -I{} curl -s -o /dev/null -H 'content-type: application/json' \
  -d '{"email":"tidak-ada-{}@contoh.go.id","kata_sandi":"Salah-Sekali-2026"}' "http://$PSE_BIND/api/v1/sesi"
sesudah=$(rss)
sleep "${PSE_BENCH_JEDA_LOGIN:-60}"
echo
echo "200 login paralel: RSS $sebelum → $sesudah MiB, $(rss) MiB ${PSE_BENCH_JEDA_LOGIN:-60} s kemudian; puncak proses $(hwm) MiB"
fi
