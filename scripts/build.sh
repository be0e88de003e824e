#!/usr/bin/env bash
# Builds the release into dist/ (what a static host serves) and reports its size.
# Installs the build tools first (not the test browser); the deploy workflow runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build-only
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
started=$(date +%s)
trunk build --release
echo "trunk build --release took $(( $(date +%s) - started )) s"
node scripts/size-report.mjs dist
