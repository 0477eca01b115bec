#!/usr/bin/env bash
# Coverage-guided fuzzing with cargo fuzz (libFuzzer) of everything a URL or a
# query reaches: fuzz/fuzz_targets/{view_codec,query_search,bundle_bytes}.rs.
# Needs the nightly toolchain (rustup toolchain list); installs cargo-fuzz
# from crates.io if missing. Not part of CI (unbounded by nature): CI runs
# the bounded property tests (core/tests/hostile_input.rs) instead.
#
#   bash scripts/fuzz.sh                    # every target, 10,000,000 runs each
#   bash scripts/fuzz.sh 100000             # fewer runs
#   bash scripts/fuzz.sh 1000000 view_codec # one target
#
# A crash leaves its input in fuzz/artifacts/<target>/ and fails the script;
# the inputs libFuzzer found interesting stay in fuzz/corpus/ (git-ignored).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT/fuzz"

RUNS="${1:-10000000}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(view_codec query_search bundle_bytes)

rustup toolchain list | grep -q '^nightly' || die "cargo fuzz needs the nightly toolchain (rustup toolchain list shows none)"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "cargo install cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

for t in "${TARGETS[@]}"; do
  say "fuzz $t: $RUNS runs"
  t0=$(now_s)
  log="$ROOT/target/fuzz-$t.log"
  mkdir -p "$ROOT/target"
  # one job: the machine has 2 cores
  set +e
  cargo +nightly fuzz run --release "$t" -- \
    -runs="$RUNS" -max_len=4096 -dict=dict/inputs.dict -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  grep -E '^(#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|SUMMARY|==[0-9]+== ERROR)|panicked' "$log" || true
  [ "$status" -eq 0 ] || die "fuzz target $t failed (exit $status): see $log and fuzz/artifacts/$t/"
  echo "$t: $RUNS runs, no crash, $(elapsed "$t0") s"
done
