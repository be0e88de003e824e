#!/usr/bin/env bash
# Search benchmarks: native (cargo bench) and in headless Chromium against MiniSearch and a
# typed-array BM25 index. Needs the ~75k-paper corpus: ../shared/data/arxiv_corpus/dedup, or
# pass --data DIR (both runs take it). Usage: scripts/bench-search.sh [--data DIR] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "== native (cargo bench --bench search)"
cargo bench --bench search -- "$@"
echo "== in headless Chromium"
cargo build --release --target wasm32-unknown-unknown --example engine_wasm
wasm-bindgen --target web --no-typescript --out-dir target/bench-web --out-name engine \
  target/wasm32-unknown-unknown/release/examples/engine_wasm.wasm
node tests/bench/search-browser.mjs "$@"
