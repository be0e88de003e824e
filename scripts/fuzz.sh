#!/usr/bin/env bash
# Runs every feed-parser fuzz target for a bounded time (default 60 s each), seeded with the
# test fixtures; an input that takes over 5 s fails (a 64 KB input parses in milliseconds
# unless some step is worse than linear). First the scaling test at ten times the size the
# test command uses, optimised: every format's work stays linear in its input.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable compiler take them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
PAPERSIFT_SCALING_N=10000 cargo test --release --test parse_scaling -- --nocapture
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.1
export RUSTC_BOOTSTRAP=1
for target in any_feed hf_daily xml_feeds json_feed text_clean feed_stream; do
  corpus="target/fuzz-corpus/$target"
  mkdir -p "$corpus"
  cp tests/fixtures/hf/*.json tests/fixtures/arxiv_api/*.xml tests/fixtures/arxiv_rss/*.xml "$corpus"/ 2>/dev/null || true
  if [ "$target" = feed_stream ]; then
    # Its first byte sets the part size; then the start of the shipped PaperSift feed.
    { printf '@'; head -c 60000 public/feeds/default.json; } > "$corpus/papersift-head.json"
  fi
  echo "==> $target for ${seconds}s"
  cargo fuzz run --fuzz-dir tests/fuzz "$target" "$corpus" -- -max_total_time="$seconds" -max_len=65536 -timeout=5 2>&1 |
    grep -E "^#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs|ERROR|panicked" | tail -3
done
