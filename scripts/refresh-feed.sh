#!/usr/bin/env bash
# Brings the embedded default feed up to date from Hugging Face's daily papers (the last 90
# days), writing its search index and the published trending feeds beside it. A refresh that
# fails or looks wrong exits non-zero saying why, and every file stays as it was.
#
#   PAPERSIFT_BASE_URL  the site's public URL, for the links inside the published feeds
#   PAPERSIFT_FEEDS     the feeds folder (default: public/feeds)
#   PAPERSIFT_FEED_BIN  a built papersift-feed to use (default: built here, release)
# Further options go to papersift-feed (e.g. --window 30, --source URL-with-{date}).
set -euo pipefail
cd "$(dirname "$0")/.."
feeds="${PAPERSIFT_FEEDS:-public/feeds}"
if [ -n "${PAPERSIFT_FEED_BIN:-}" ]; then
  convert=("$PAPERSIFT_FEED_BIN")
else
  convert=(cargo run --quiet --release --locked --bin papersift-feed --)
fi
base=()
if [ -n "${PAPERSIFT_BASE_URL:-}" ]; then
  base=(--base "${PAPERSIFT_BASE_URL%/}/feeds/published/")
fi
"${convert[@]}" --refresh "$feeds/default.json" --title "Hugging Face Daily Papers" --index \
  --publish "$feeds/published" "${base[@]}" "$@"
