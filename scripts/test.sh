#!/usr/bin/env bash
# Runs every PaperSift test: lints, native domain tests, browser adapter tests in headless
# Chromium, the release build, and end-to-end tests against it. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# One build per run: incremental caches would only double the target folder on disk.
export CARGO_INCREMENTAL=0

step() { printf '\n==> %s\n' "$*"; }

step "format"
cargo fmt --check

step "clippy (native and wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

step "domain tests (native)"
cargo test --locked

step "docs of the core (a broken link fails)"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p papersift-domain

step "browser adapter tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build"
started=$(date +%s)
trunk build --release
echo "trunk build --release took $(( $(date +%s) - started )) s"
node scripts/size-report.mjs dist

step "end-to-end (release build on loopback, headless Chromium)"
node --test tests/e2e/
