#!/usr/bin/env bash
# Engine comparison (dev-only): csto-core compiled to wasm vs MiniSearch and
# FlexSearch on the same passages and query set, in one headless Chromium.
# Prints median and p95 of the time for the whole query set per engine, and
# the ratios to ours. See docs/benchmarks.md.
#
#   bash scripts/bench-compare.sh              # seed corpus + synthetic 1,000 statements
#   BENCH_COMPARE_SYNTH=0 bash scripts/bench-compare.sh      # seed corpus only
#   BENCH_COMPARE_CORE_OPT=3 bash scripts/bench-compare.sh   # + ours with csto-core alone at opt-level 3 (or 2, s)
#   BENCH_COMPARE_O3=1                                        # the same as BENCH_COMPARE_CORE_OPT=3
#   BENCH_BUDGET_MS=15000                                     # time per corpus (default 20 s)
#
# Builds into target/bench-compare/ (nothing goes to dist/):
#   pkg/        tests/bench/engine for wasm32 + wasm-bindgen --target web (+ wasm-opt -Oz, as trunk does for the app)
#   data/NAME/  corpus.bin + passages.json (cargo run -p csto-bench-engine --example dump)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

OUT=target/bench-compare
SYNTH="${BENCH_COMPARE_SYNTH:-1000}"
mkdir -p "$OUT"

if [ ! -d tests/bench/node_modules/minisearch ] || [ ! -d tests/bench/node_modules/flexsearch ]; then
  say "npm ci (tests/bench)"
  (cd tests/bench && npm ci --no-audit --no-fund)
fi
[ -d tests/e2e/node_modules/playwright-core ] || die "tests/e2e/node_modules missing: bash scripts/setup.sh"

say "dump corpora"
cargo build --release -q -p csto-bench-engine --example dump
./target/release/examples/dump corpus "$OUT/data/seed"
datasets=(seed)
if [ "$SYNTH" != "0" ]; then
  cargo build --release -q -p csto-core --features compile --example gen_corpus
  ./target/release/examples/gen_corpus "$SYNTH" "$OUT/corpus-$SYNTH"
  ./target/release/examples/dump "$OUT/corpus-$SYNTH" "$OUT/data/synthetic-$SYNTH"
  datasets+=("synthetic-$SYNTH")
fi

# wasm32 build + bindings (+ wasm-opt with the app's settings, when on PATH).
build_pkg() { # target-dir out-dir
  local wasm="$1/wasm32-unknown-unknown/release/csto_bench_engine.wasm"
  wasm-bindgen --target web --out-dir "$2" "$wasm"
  if command -v wasm-opt >/dev/null; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
      --enable-multivalue --enable-sign-ext --enable-mutable-globals \
      -o "$2/csto_bench_engine_bg.wasm" "$2/csto_bench_engine_bg.wasm"
  fi
}
say "build csto-bench-engine for wasm32 (release profile: opt-level z, as the app)"
cargo build --release -q --target wasm32-unknown-unknown -p csto-bench-engine
build_pkg target "$OUT/pkg"
rm -rf "$OUT/pkg-o3" "$OUT/pkg-alt"
# csto-core alone at another opt-level (a profile override, as the app's
# Cargo.toml would set it); everything else stays "z".
CORE_OPT="${BENCH_COMPARE_CORE_OPT:-}"
[ "${BENCH_COMPARE_O3:-0}" = "1" ] && CORE_OPT=3
if [ -n "$CORE_OPT" ]; then
  case "$CORE_OPT" in 0|1|2|3|s|z) ;; *) die "BENCH_COMPARE_CORE_OPT: one of 0 1 2 3 s z, not $CORE_OPT" ;; esac
  [[ "$CORE_OPT" =~ ^[0-9]$ ]] && toml="$CORE_OPT" || toml="\"$CORE_OPT\""
  say "build csto-bench-engine for wasm32 with csto-core at opt-level $CORE_OPT (own target dir)"
  cargo build --release -q --target wasm32-unknown-unknown -p csto-bench-engine \
    --config "profile.release.package.csto-core.opt-level=$toml" --target-dir "$OUT/cargo-core-opt"
  build_pkg "$OUT/cargo-core-opt" "$OUT/pkg-alt"
  printf '%s' "$CORE_OPT" >"$OUT/pkg-alt/opt-level.txt"
fi
printf 'csto-bench-engine wasm: %s bytes (brotli %s)\n' "$(wc -c <"$OUT/pkg/csto_bench_engine_bg.wasm")" \
  "$(brotli -q 11 -c "$OUT/pkg/csto_bench_engine_bg.wasm" | wc -c)"

say "run (one Chromium, one page per corpus)"
node tests/bench/compare/run.mjs "$OUT" "${datasets[@]}"
