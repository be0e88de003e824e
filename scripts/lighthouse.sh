#!/usr/bin/env bash
# Lighthouse scores of the release build on loopback (desktop and mobile profiles), with
# Debian's Chromium. Installs lighthouse@12 under target/lighthouse on first use.
#   scripts/lighthouse.sh [--runs N] [--dist DIR]   (N runs per profile, with the median)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ ! -x target/lighthouse/node_modules/.bin/lighthouse ]; then
  npm install --prefix target/lighthouse --no-save --no-audit --no-fund lighthouse@12 >/dev/null
fi
[ -f dist/index.html ] || trunk build --release
node tests/bench/lighthouse.mjs "$PWD/target/lighthouse/node_modules/lighthouse/cli/index.js" "$@"
