#!/usr/bin/env bash
# Regenerates the embedded default feed from the shared Hugging Face data (the recent days),
# and the feeds published for feed readers (trending per period) beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${PAPERSIFT_DATA:-../shared/data}"
cargo run --quiet --bin papersift-feed -- \
  --title "Hugging Face Daily Papers" \
  --out public/feeds/default.json \
  --publish public/feeds/published \
  "$data"/hf_daily_papers/raw/2026-*.json
