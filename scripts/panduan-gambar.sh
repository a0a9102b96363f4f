#!/usr/bin/env bash
# Takes the guide's screenshots again (/panduan, R-LAY-05): the browser test walks the real
# portal as each role in headless Chromium and writes the pictures into apps/portal/aset/panduan/,
# where the portal embeds them. Needs chromium and chromedriver. Review the pictures, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."
PSE_PANDUAN_SIMPAN=1 PSE_REQUIRE_BROWSER=1 cargo test -p pse-tests --test e2e --locked -- \
  --exact browser_panduan::r_lay_05_the_guide_shows_screenshots_this_script_takes_of_the_real_portal
# The portal embeds the pictures: build it again so the next test run serves the new ones.
cargo build -p pse-portal --locked
ls -l apps/portal/aset/panduan/
