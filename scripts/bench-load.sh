#!/usr/bin/env bash
# Load benchmark: a release build served precompressed (the .br beside each
# file, as a good static host sends it), opened cold in Chromium
# (tests/bench/load.mjs): every dist file with raw and brotli bytes and whether
# it is fetched before the first results, the bytes before first results, the
# time to first results, and the time to a complete view from shared links.
# Prints Markdown tables (docs/benchmarks.md, "Load").
#
#   bash scripts/bench-load.sh                  # release build of the seed corpus into dist/, then measure
#   bash scripts/bench-load.sh --scale 1000     # 1,000 synthetic statements (as scripts/bench-scale.sh
#                                               # makes them) built into target/dist-load-1000/
#   bash scripts/bench-load.sh --no-build       # measure the dist that is there
#   bash scripts/bench-load.sh --dist DIR       # build into / measure DIR instead
#   bash scripts/bench-load.sh --runs 20        # cold loads per figure (default 10)
#   bash scripts/bench-load.sh --network 4g     # throttled: 4g (9 Mbit/s, 60 ms) or slow-4g (1.6 Mbit/s, 150 ms)
#
# The output is also written to target/bench-load/load-{seed,N}.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

BUILD=1 SCALE= DIST= RUNS=10 NETWORK=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --scale) SCALE=${2:?--scale needs a number of statements}; shift ;;
    --dist) DIST=${2:?--dist needs a directory}; shift ;;
    --runs) RUNS=${2:?--runs needs a number}; shift ;;
    --network) NETWORK=(--network "${2:?--network needs 4g or slow-4g}"); shift ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
  shift
done
[ -z "$SCALE" ] || [[ $SCALE =~ ^[0-9]+$ ]] || die "--scale takes a number of statements, got $SCALE"
[ -d tests/e2e/node_modules/playwright-core ] || die "tests/e2e/node_modules missing: bash scripts/setup.sh"
OUT=target/bench-load
mkdir -p "$OUT"

if [ -z "$SCALE" ]; then
  DIST=${DIST:-dist}
  LABEL="seed corpus, $(find corpus/statements -name '*.toml' | wc -l) statements"
  NAME=seed
  if [ $BUILD = 1 ]; then
    say "trunk build --release → $DIST"
    trunk build --release --offline --dist "$DIST" >"$OUT/build-$NAME.log" 2>&1 ||
      { tail -30 "$OUT/build-$NAME.log"; die "trunk build failed (log: $OUT/build-$NAME.log)"; }
  fi
else
  # The corpus as scripts/bench-scale.sh makes it (core/examples/gen_corpus.rs, fixed seed).
  DIST=${DIST:-target/dist-load-$SCALE}
  NAME=$SCALE
  CORPUS="$OUT/corpus-$SCALE"
  if [ $BUILD = 1 ]; then
    cargo build --release -q -p csto-core --features compile --example gen_corpus
    "${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/gen_corpus" "$SCALE" "$CORPUS" 2>"$OUT/gen-$SCALE.log"
    say "trunk build --release, $SCALE synthetic statements → $DIST"
    CSTO_CORPUS_DIR="$ROOT/$CORPUS" trunk build --release --offline --dist "$DIST" >"$OUT/build-$NAME.log" 2>&1 ||
      { tail -30 "$OUT/build-$NAME.log"; die "trunk build failed (log: $OUT/build-$NAME.log)"; }
  fi
  passages=$(sed -n 's/.*statements, \([0-9]*\) passages.*/\1/p' "$OUT/gen-$SCALE.log" 2>/dev/null || true)
  LABEL="$SCALE synthetic statements${passages:+, $passages passages}"
fi
[ -f "$DIST/index.html" ] || die "$DIST/index.html missing: run without --no-build"
ls "$DIST"/*.wasm.br >/dev/null 2>&1 || die "$DIST has no .br files (scripts/post-build.sh writes them in release builds)"

say "measure $DIST (tests/bench/load.mjs, $RUNS cold loads per figure)"
node tests/bench/load.mjs "$DIST" --runs "$RUNS" --label "$LABEL" "${NETWORK[@]}" | tee "$OUT/load-$NAME.txt"
