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
# Everything the run leaves in a temp folder (Chromium's profiles, the tests' scratch folders)
# goes into one that is removed at the end, pass or fail: leftovers once filled a CI machine's disk.
TMPDIR="$(mktemp -d -t papersift-test-XXXXXX)"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

step() { printf '\n==> %s\n' "$*"; }

step "deploy workflow (actionlint)"
actionlint .github/workflows/*.yml
echo "actionlint: no problems in $(ls .github/workflows/*.yml | wc -l) workflow file(s)"

step "format"
cargo fmt --check

step "clippy (native and wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

step "domain tests (native)"
# Tests over the shared corpus are #[ignore]d by default and run here when it is present.
data="${PAPERSIFT_DATA:-../shared/data}"
needs_data=$(cargo test --locked --quiet -- --ignored --list 2>/dev/null | grep -c ': test$' || true)
if [ -d "$data" ]; then
  PAPERSIFT_DATA="$(cd "$data" && pwd)" cargo test --locked -- --include-ignored
  shared_line="shared-corpus tests: $needs_data ran, 0 skipped (data: $data)"
else
  cargo test --locked
  shared_line="shared-corpus tests: 0 ran, $needs_data skipped ($data not found; set PAPERSIFT_DATA to run them)"
fi
echo "$shared_line"

step "docs of the core (a broken link fails)"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p papersift-domain

step "browser adapter tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build"
bash scripts/build.sh

step "end-to-end (release build on loopback, headless Chromium)"
node --test tests/e2e/
