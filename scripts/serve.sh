#!/usr/bin/env bash
# Builds PaperSift (release) and serves it on http://127.0.0.1:8080/ with the embedded default feed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# No auto-reload script: it would be an inline script and a websocket outside the CSP.
exec trunk serve --release --no-autoreload "$@"
