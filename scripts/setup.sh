#!/usr/bin/env bash
# Installs everything the project needs to build, serve and test; idempotent and
# fast when everything is already present at the right version.
#
#   bash scripts/setup.sh           # everything (build + lint + browser tests)
#   bash scripts/setup.sh --build   # only what `trunk build/serve` needs
#
# Installs (only when missing or at the wrong version):
#   rustup target wasm32-unknown-unknown, rustup components rustfmt + clippy,
#   trunk (cargo install, pinned), wasm-bindgen-cli (cargo install, = the
#   wasm-bindgen version in Cargo.lock), npm packages of tests/e2e (binaryen's
#   wasm-opt, playwright-core, puppeteer-core, selenium-webdriver, axe-core),
#   Debian packages brotli and gzip (both modes), and for the tests chromium,
#   firefox-esr, webkit2gtk-driver, xvfb, nginx + libnginx-mod-http-brotli-static
#   and caddy.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=all
case "${1:-}" in
  "") ;;
  --build) MODE=build ;;
  *) die "usage: setup.sh [--build]" ;;
esac

INSTALLED=()
REUSED=()
installed() { INSTALLED+=("$1"); }
reused() { REUSED+=("$1"); }
T0=$(now_s)

command -v cargo >/dev/null && command -v rustup >/dev/null ||
  die "cargo/rustup not found: this project needs a rustup-managed Rust toolchain"
command -v node >/dev/null && command -v npm >/dev/null ||
  die "node/npm not found (needed for wasm-opt and the browser tests)"

# --- Debian packages --------------------------------------------------------
# Build: brotli and gzip (the post-build hook writes dist/*.br and *.gz).
# Tests: Chromium (the main suite), Firefox ESR (puppeteer-core) and WebKitGTK's
# WebKitWebDriver + MiniBrowser under Xvfb (selenium-webdriver) for the
# cross-engine suite, nginx with its brotli_static module and Caddy for the
# hosting suite. Each is checked by the file the tests use.
missing=()
need() { # need PACKAGE CHECK...: install PACKAGE unless the check passes
  local pkg=$1
  shift
  "$@" >/dev/null 2>&1 || missing+=("$pkg")
}
need brotli command -v brotli
need gzip command -v gzip
if [ "$MODE" = all ]; then
  need chromium test -x /usr/bin/chromium
  need fonts-liberation test -d /usr/share/fonts/truetype/liberation
  need firefox-esr test -x /usr/bin/firefox-esr
  need webkit2gtk-driver test -x /usr/bin/WebKitWebDriver
  need xvfb command -v xvfb-run
  need xauth command -v xauth
  need nginx test -x /usr/sbin/nginx
  need libnginx-mod-http-brotli-static test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
  need caddy command -v caddy
fi
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # The lock timeout: another apt run (a concurrent setup) finishes first.
  $sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" </dev/null
}
APT_PID=""
APT_LOG=""
if [ ${#missing[@]} -eq 0 ]; then
  reused "apt: every package present"
elif [ "$(id -u)" -eq 0 ]; then
  # Downloads and unpacks while cargo compiles below (on a fresh machine that
  # saves the minutes of the browsers' download); waited for at the end.
  APT_LOG=$(mktemp)
  say "apt-get install ${missing[*]} (in the background, log $APT_LOG)"
  apt_install >"$APT_LOG" 2>&1 &
  APT_PID=$!
else
  say "apt-get install ${missing[*]}"
  apt_install
  installed "apt: ${missing[*]}"
fi

# --- rustup target and components -------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  reused "rust target wasm32-unknown-unknown"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
  installed "rust target wasm32-unknown-unknown"
fi

if [ "$MODE" = all ]; then
  for comp in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$comp"; then
      reused "rustup component $comp"
    else
      say "rustup component add $comp"
      rustup component add "$comp"
      installed "rustup component $comp"
    fi
  done
fi

# --- cargo-installed binaries -------------------------------------------------
# Usage: cargo_tool CRATE BIN VERSION   (checks `BIN --version` output)
cargo_tool() {
  local crate=$1 bin=$2 version=$3 have=""
  if command -v "$bin" >/dev/null; then
    have=$("$bin" --version 2>/dev/null | awk '{print $2}' || true)
  fi
  if [ "$have" = "$version" ]; then
    reused "$crate $version"
    return
  fi
  if pgrep -f "cargo install $crate" >/dev/null 2>&1; then
    say "another 'cargo install $crate' is running; waiting for it"
    while pgrep -f "cargo install $crate" >/dev/null 2>&1; do sleep 5; done
    have=$("$bin" --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" = "$version" ]; then
      reused "$crate $version (installed by a concurrent run)"
      return
    fi
  fi
  say "cargo install $crate --version $version (found: ${have:-none})"
  # --locked for reproducibility; fall back to a fresh resolution if a locked
  # dependency version is no longer available on crates.io.
  if ! cargo install "$crate" --version "$version" --locked --force; then
    say "retrying $crate without --locked"
    cargo install "$crate" --version "$version" --force
  fi
  installed "$crate $version"
}

cargo_tool trunk trunk "$TRUNK_VERSION"
WBG_VERSION=$(lock_wasm_bindgen_version)
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
cargo_tool wasm-bindgen-cli wasm-bindgen "$WBG_VERSION"

# --- npm packages (wasm-opt via binaryen, terser for the release JS, playwright-core)
# Re-install when node_modules is missing or older than package(-lock).json.
npm_stamp="$E2E_DIR/node_modules/.package-lock.json"
if [ -f "$npm_stamp" ] && [ "$npm_stamp" -nt "$E2E_DIR/package.json" ] &&
  { [ ! -f "$E2E_DIR/package-lock.json" ] || [ "$npm_stamp" -nt "$E2E_DIR/package-lock.json" ]; }; then
  reused "npm packages (tests/e2e/node_modules)"
else
  if [ -f "$E2E_DIR/package-lock.json" ]; then
    say "npm ci (tests/e2e)"
    (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  else
    say "npm install (tests/e2e)"
    (cd "$E2E_DIR" && npm install --no-audit --no-fund --loglevel=error)
  fi
  touch "$npm_stamp"
  installed "npm packages (tests/e2e/node_modules)"
fi
WASM_OPT_WANT=$(awk -F'"' '/^wasm_opt *=/ {print $2}' "$ROOT/Trunk.toml")
WASM_OPT_HAVE="version_$(wasm-opt --version | awk '{print $3}')"
if [ -n "$WASM_OPT_WANT" ] && [ "$WASM_OPT_WANT" != "$WASM_OPT_HAVE" ]; then
  die "wasm-opt on PATH is $WASM_OPT_HAVE ($(command -v wasm-opt)) but Trunk.toml wants $WASM_OPT_WANT"
fi

if [ -n "$APT_PID" ]; then
  if ! wait "$APT_PID"; then
    cat "$APT_LOG" >&2
    die "apt-get install ${missing[*]} failed"
  fi
  rm -f "$APT_LOG"
  installed "apt: ${missing[*]}"
fi

say "setup ($MODE) done in $(elapsed "$T0") s"
for x in "${REUSED[@]}"; do echo "  reused:    $x"; done
for x in "${INSTALLED[@]}"; do echo "  installed: $x"; done
echo "  trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $WASM_OPT_HAVE, node $(node --version)"
