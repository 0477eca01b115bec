# Shared helpers for scripts/*.sh. Source it; do not run it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="$ROOT/tests/e2e"

# Versions the project pins. wasm-bindgen-cli is NOT pinned here: it must equal
# the `wasm-bindgen` crate version in Cargo.lock, which setup.sh reads.
TRUNK_VERSION="0.21.14"

# cargo-installed tools, then the npm-provided wasm-opt (binaryen) ahead of any
# system one; trunk runs --offline and takes the wasm-opt it finds on PATH.
export PATH="$HOME/.cargo/bin:$E2E_DIR/node_modules/.bin:$PATH"
# Never let trunk or anything else try to download tools.
export TRUNK_OFFLINE=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

if [ -t 1 ] && [ "${CI:-}" != "true" ]; then
  _B=$'\e[1m'; _R=$'\e[0m'
else
  _B=""; _R=""
fi

say() { printf '%s==> %s%s\n' "$_B" "$*" "$_R"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# now_s: seconds since epoch with decimals (bash 5 EPOCHREALTIME).
now_s() { printf '%s' "${EPOCHREALTIME:-$(date +%s)}"; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

# The wasm-bindgen version recorded in Cargo.lock (creating the lockfile if absent).
lock_wasm_bindgen_version() {
  if [ ! -f "$ROOT/Cargo.lock" ]; then
    (cd "$ROOT" && cargo generate-lockfile -q)
  fi
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = / { gsub(/"/, "", $3); name = $3 }
    /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}
