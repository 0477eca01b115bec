#!/usr/bin/env bash
# Scale benchmark: the real app built with synthetic corpora of N statements
# (seed paragraphs resampled, core/examples/gen_corpus.rs), and for each:
# build time, bundle size (brotli -q 11 of every file in the dist), start-up,
# keystroke → render p95 and memory (tests/bench/browser.mjs). See
# docs/benchmarks.md.
#
#   bash scripts/bench-scale.sh             # N = 10 100 1000 (+ the seed corpus as a baseline)
#   bash scripts/bench-scale.sh 10 100      # other sizes
#   BENCH_SCALE_SEED=0 bash scripts/bench-scale.sh   # without the seed baseline
#   bash scripts/bench-scale.sh --no-build  # re-measure the dists built before (build time "-")
#
# Writes target/bench-scale/corpus-N/ and target/dist-scale-N/ (never dist/).
# Each build recompiles the app crate (the corpus is embedded), so a build
# takes minutes; the next plain `trunk build` recompiles it once more.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

NO_BUILD=0
if [ "${1:-}" = "--no-build" ]; then NO_BUILD=1; shift; fi
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100 1000)
OUT=target/bench-scale
mkdir -p "$OUT"
command -v brotli >/dev/null || die "brotli not found (bash scripts/setup.sh installs it)"
[ -d tests/e2e/node_modules/playwright-core ] || die "tests/e2e/node_modules missing: bash scripts/setup.sh"

cargo build --release -q -p csto-core --features compile --example gen_corpus

brotli_total() { # dir → bytes
  local t=0 f
  while IFS= read -r -d '' f; do t=$((t + $(brotli -q 11 -c "$f" | wc -c))); done < <(find "$1" -type f -print0)
  echo "$t"
}
kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

rows=()
measure() { # label statements corpus-dir-or-empty dist
  local label="$1" n="$2" corpus="$3" dist="$4" t0 secs passages
  [ "$NO_BUILD" = 1 ] || say "build $label → $dist"
  t0=$(now_s)
  if [ "$NO_BUILD" = 1 ]; then
    [ -f "$dist/index.html" ] || die "$dist not built: run without --no-build"
  elif [ -n "$corpus" ]; then
    CSTO_CORPUS_DIR="$ROOT/$corpus" trunk build --release --offline --dist "$dist" >"$OUT/build-$label.log" 2>&1 ||
      { tail -30 "$OUT/build-$label.log"; die "trunk build failed for $label"; }
  else
    trunk build --release --offline --dist "$dist" >"$OUT/build-$label.log" 2>&1 ||
      { tail -30 "$OUT/build-$label.log"; die "trunk build failed for $label"; }
  fi
  secs=$(elapsed "$t0")
  [ "$NO_BUILD" = 1 ] && secs=-
  local wasm br wbr
  wasm=$(find "$dist" -name '*.wasm' -print0 | xargs -0 cat | wc -c)
  wbr=$(find "$dist" -name '*.wasm' -print0 | xargs -0 cat | brotli -q 11 -c | wc -c)
  br=$(brotli_total "$dist")
  say "measure $label (tests/bench/browser.mjs)"
  node tests/bench/browser.mjs "$dist" | tee "$OUT/browser-$label.txt"
  local f="$OUT/browser-$label.txt"
  local start heap wmem kmed kp95
  start=$(sed -n 's/^start-up: .*median \([0-9.]*\) ms  (after.*/\1/p' "$f")
  heap=$(sed -n 's/^JS heap after load: median \([0-9.]*\) MiB/\1/p' "$f")
  wmem=$(sed -n 's/^wasm memory after load: median \([0-9.]*\) MiB/\1/p' "$f")
  kmed=$(sed -n 's/^keystroke .* median \([0-9.]*\) ms  p95.*/\1/p' "$f")
  kp95=$(sed -n 's/^keystroke .* p95 \([0-9.]*\) ms  max.*/\1/p' "$f")
  rows+=("$(printf '%-10s %6s %7s %9s %9s %11s %11s %9s %9s %9s %9s' \
    "$label" "$n" "$passages_n" "$secs" "$(kib "$br")" "$(kib "$wasm")" "$(kib "$wbr")" \
    "$start" "$kmed" "$kp95" "${heap}/${wmem}")")
}

if [ "${BENCH_SCALE_SEED:-1}" = "1" ]; then
  passages_n=0
  for f in corpus/statements/*.txt; do passages_n=$((passages_n + $(awk 'BEGIN { RS = "" } END { print NR }' "$f"))); done
  measure seed "$(find corpus/statements -name '*.toml' | wc -l)" "" target/dist-scale-seed
fi
for n in "${SIZES[@]}"; do
  [ "$NO_BUILD" = 1 ] || ./target/release/examples/gen_corpus "$n" "$OUT/corpus-$n" 2>"$OUT/gen-$n.log"
  passages_n=$(sed -n 's/.*statements, \([0-9]*\) passages.*/\1/p' "$OUT/gen-$n.log")
  measure "$n" "$n" "$OUT/corpus-$n" "target/dist-scale-$n"
done

echo
echo "Scale (2-core shared machine; start-up = navigation → first results, median of 10 loads;"
echo "keystroke = input event → DOM mutation over the scripted queries; memory = JS heap / wasm linear memory)"
printf '%-10s %6s %7s %9s %9s %11s %11s %9s %9s %9s %9s\n' corpus stmts paras* "build s" "dist br" "wasm raw" "wasm br" "start ms" "key med" "key p95" "MiB js/wasm"
printf '%-10s %6s %7s %9s %9s %11s %11s %9s %9s %9s %9s\n' "" "" "" "" KiB KiB KiB "" ms ms ""
for r in "${rows[@]}"; do echo "$r"; done
echo "* paragraphs in the source text (the seed's count is before cleanup, which can merge or drop some)"
