#!/usr/bin/env bash
# The project's whole check, as CI runs it (.ci/run):
#   setup → cargo fmt --check → clippy -D warnings → cargo test →
#   trunk build --release → size budget (scripts/size.sh --budget) →
#   trunk build --features debug-panic (into
#   target/dist-debug-panic, for the panic test) → browser tests: the Chromium
#   suite (tests/e2e/*.test.mjs), the nginx and Caddy runs (tests/e2e/hosting/),
#   the shared flows in Chromium, Firefox and WebKit (tests/e2e/engines/)
# Exits non-zero if any step fails; later steps still run when they can, so one
# run reports every failure. The output ends with node's test summary.
#
# Env: SKIP_SETUP=1 skips scripts/setup.sh (tools already installed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

T_ALL=$(now_s)
FAILED=()
SUMMARY=()

# step NAME CMD...: run, time, record; never exits the script.
step() {
  local name=$1 t0 rc
  shift
  say "$name: $*"
  t0=$(now_s)
  set +e
  "$@"
  rc=$?
  set -e
  SUMMARY+=("$(printf '%-8s %6ss  %s' "$([ $rc -eq 0 ] && echo ok || echo "FAIL($rc)")" "$(elapsed "$t0")" "$name")")
  [ $rc -eq 0 ] || FAILED+=("$name")
  return $rc
}

if [ "${SKIP_SETUP:-}" != 1 ]; then
  step setup bash scripts/setup.sh || { echo "setup failed; cannot continue" >&2; exit 1; }
fi

FMT_COLOR=never
[ -t 1 ] && [ "${CI:-}" != true ] && FMT_COLOR=auto
step fmt cargo fmt --all -- --check --color "$FMT_COLOR" || true
step clippy cargo clippy --workspace --all-targets --all-features --locked -- -D warnings || true
step test cargo test --workspace --all-features --locked || true
# The cargo-fuzz targets (fuzz/, run by scripts/fuzz.sh on nightly) must keep
# compiling against the core: checked here on the stable toolchain.
step fuzz-check cargo check --manifest-path fuzz/Cargo.toml --locked || true
BUILD_OK=1
step build trunk build --release --offline || BUILD_OK=0
# Ratchets against size regressions: the brotli total of dist/ and the first
# load (index.html and what it loads before the app starts; scripts/size.sh)
# may not grow past the last measured sizes plus a little: 367.1 KiB total
# and 207.3 KiB first load, measured with the prerendered pages (issue 22),
# the phone's layout (issue 23: the tabs' scrolling, 1.2 KiB of page wasm and
# JS, 0.5 KiB of CSS; the phone's dispersion plot, 1.0 KiB of worker), issue
# 21's split functions and names, and wasm-opt run to a fixed point
# (docs/benchmarks.md, "Issue 23").
SIZE_BUDGET_KIB=${SIZE_BUDGET_KIB:-368}
FIRST_LOAD_BUDGET_KIB=${FIRST_LOAD_BUDGET_KIB:-208}
if [ $BUILD_OK = 1 ]; then
  step size bash scripts/size.sh --no-build --budget "$SIZE_BUDGET_KIB" --first-load-budget "$FIRST_LOAD_BUDGET_KIB" || true
fi
# The panic screen's test (tests/e2e/panic.test.mjs) needs a build where
# `?debug-panic` panics; it goes to its own dir, never to dist/. Removed first,
# so a failed build fails that test instead of testing a stale one.
PANIC_DIST="$ROOT/target/dist-debug-panic"
rm -rf "$PANIC_DIST"
step build-panic trunk build --release --offline --features debug-panic --dist "$PANIC_DIST" || true
export E2E_PANIC_DIST="$PANIC_DIST"

say "step summary (before browser tests)"
printf '  %s\n' "${SUMMARY[@]}"

if [ $BUILD_OK = 1 ]; then
  # The full suite in Chromium (with the offline test), behind the plain node server.
  step e2e node --test --test-reporter=spec tests/e2e/*.test.mjs || true
  # The documented nginx and Caddy configurations, each started on a loopback port.
  step e2e-hosting node --test --test-reporter=spec tests/e2e/hosting/ || true
  # The shared flows (tests/e2e/engines/flows.mjs) in each engine.
  for engine in chromium firefox webkit; do
    step "e2e-$engine" node --test --test-reporter=spec "tests/e2e/engines/$engine.test.mjs" || true
  done
  say "step summary"
  printf '  %s\n' "${SUMMARY[@]}"
else
  echo "dist/ was not built; skipping the browser tests" >&2
  FAILED+=("e2e (not run)")
fi

if [ ${#FAILED[@]} -ne 0 ]; then
  echo "FAILED: ${FAILED[*]} (total $(elapsed "$T_ALL") s)" >&2
  exit 1
fi
