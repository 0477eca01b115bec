#!/usr/bin/env bash
# Sizes of the release build: every file of dist/ (not the .br/.gz copies
# the build writes beside them) with raw, gzip -9 and
# brotli -q 11 sizes, the totals, and what the embedded corpus spends its
# bytes on (each part of the bundle compressed on its own).
#   bash scripts/size.sh                 # trunk build --release first
#   bash scripts/size.sh --no-build      # measure the dist/ that is there
#   bash scripts/size.sh --no-build --budget 240   # also fail if the brotli total > 240 KiB
#   bash scripts/size.sh --no-build --first-load-budget 236   # ... or the first load > 236 KiB
# "First load" is what the start page needs before it can show results:
# index.html and every file it references to load (stylesheets, scripts, the
# modulepreloaded loader and the preloaded wasm), not the manifest or icon,
# nor what is fetched later (the service worker; the analysis worker, when an
# analysis view is opened: its files are marked +). tests/bench/load.mjs
# measures the same in a browser. The budgets are ratchets against
# regressions (scripts/test.sh sets them a little above the last measured
# sizes), not the 120 KiB goal.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

BUILD=1 BUDGET_KIB= FIRST_BUDGET_KIB=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --budget) BUDGET_KIB=${2:?--budget needs KiB}; shift ;;
    --first-load-budget) FIRST_BUDGET_KIB=${2:?--first-load-budget needs KiB}; shift ;;
    *) die "unknown argument $1" ;;
  esac
  shift
done
if [ $BUILD = 1 ]; then
  trunk build --release --offline >&2
fi
[ -f dist/index.html ] || die "dist/ is empty: run without --no-build"
command -v brotli >/dev/null || die "brotli not found (bash scripts/setup.sh installs it)"

fmt() { awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.2f MiB", b/1048576; else if (b >= 1024) printf "%.1f KiB", b/1024; else printf "%d B", b }'; }
row() { printf '%-44s %12s %12s %12s\n' "$@"; }

# The files index.html loads before the app can start: stylesheets, scripts,
# modulepreload and preload links (not rel=icon or rel=manifest), and the
# wasm trunk's loader fetches (on a prerendered page after the first paint,
# without a preload link: src/prerender/template.rs).
first_load_files() {
  echo index.html
  grep -o '<\(link\|script\)[^>]*>' dist/index.html |
    grep -v 'rel=\("\?\)\(icon\|manifest\)' |
    sed -n 's/.*\(href\|src\)=\("\?\)\(\.\/\)\?\([^" >]*\).*/\4/p'
  grep -o "module_or_path: '\./[^']*_bg\.wasm'" dist/index.html | sed "s/.*'\.\/\([^']*\)'/\1/"
}
FIRST=$(first_load_files | sort -u)

row file raw "gzip -9" "brotli -q11"
row "----" "---" "-------" "-----------"
tr=0 tg=0 tb=0 fb=0 wb=0
while IFS= read -r -d '' f; do
  r=$(wc -c <"$f")
  g=$(gzip -9 -c "$f" | wc -c)
  b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + r)) tg=$((tg + g)) tb=$((tb + b))
  name=${f#dist/}
  if grep -qxF "$name" <<<"$FIRST"; then fb=$((fb + b)); name="$name *"; fi
  # The analysis worker (analyses/): fetched when an analysis view is opened.
  case "$name" in analyses-loader.js | csto-analyses*) wb=$((wb + b)); name="$name +" ;; esac
  row "$name" "$(fmt "$r")" "$(fmt "$g")" "$(fmt "$b")"
done < <(find dist -type f ! -name "*.br" ! -name "*.gz" -print0 | sort -z)
row "----" "---" "-------" "-----------"
row "total" "$(fmt "$tr")" "$(fmt "$tg")" "$(fmt "$tb")"
row "first load (files marked *)" "" "" "$(fmt "$fb")"
row "on demand: analysis worker (marked +)" "" "" "$(fmt "$wb")"
printf '(bytes: raw %d, gzip %d, brotli %d; first load brotli %d; analysis worker brotli %d)\n' "$tr" "$tg" "$tb" "$fb" "$wb"

# What the embedded bundle (corpus + index) is made of.
PARTS=target/bundle-parts
rm -rf "$PARTS"
if cargo run -q -p csto-core --features compile --example bundle_parts -- "$PARTS" "${CSTO_CORPUS_DIR:-corpus}" >&2; then
  echo
  row "bundle part (postcard)" raw "gzip -9" "brotli -q11"
  while IFS= read -r -d '' f; do
    row "$(basename "$f" .bin)" "$(fmt "$(wc -c <"$f")")" "$(fmt "$(gzip -9 -c "$f" | wc -c)")" "$(fmt "$(brotli -q 11 -c "$f" | wc -c)")"
  done < <(find "$PARTS" -type f -print0 | sort -z)
fi

check_budget() { # what bytes budget-KiB
  [ -n "$3" ] || return 0
  local limit=$(($3 * 1024))
  if [ "$2" -gt "$limit" ]; then
    die "size budget exceeded: $1 (brotli) $2 bytes > $3 KiB ($limit bytes)"
  fi
  echo "size budget ok: $1 (brotli) $(fmt "$2") <= $3 KiB"
}
check_budget "total" "$tb" "$BUDGET_KIB"
check_budget "first load" "$fb" "$FIRST_BUDGET_KIB"
