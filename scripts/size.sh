#!/usr/bin/env bash
# Sizes of the release build: every file of dist/ with raw, gzip -9 and
# brotli -q 11 sizes, and the totals.
#   bash scripts/size.sh            # trunk build --release first
#   bash scripts/size.sh --no-build # measure the dist/ that is there
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

if [ "${1:-}" != "--no-build" ]; then
  trunk build --release --offline >&2
fi
[ -f dist/index.html ] || die "dist/ is empty: run without --no-build"
command -v brotli >/dev/null || die "brotli not found (bash scripts/setup.sh installs it)"

fmt() { awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.2f MiB", b/1048576; else if (b >= 1024) printf "%.1f KiB", b/1024; else printf "%d B", b }'; }
row() { printf '%-44s %12s %12s %12s\n' "$@"; }

row file raw "gzip -9" "brotli -q11"
row "----" "---" "-------" "-----------"
tr=0 tg=0 tb=0
while IFS= read -r -d '' f; do
  r=$(wc -c <"$f")
  g=$(gzip -9 -c "$f" | wc -c)
  b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + r)) tg=$((tg + g)) tb=$((tb + b))
  row "${f#dist/}" "$(fmt "$r")" "$(fmt "$g")" "$(fmt "$b")"
done < <(find dist -type f -print0 | sort -z)
row "----" "---" "-------" "-----------"
row "total" "$(fmt "$tr")" "$(fmt "$tg")" "$(fmt "$tb")"
printf '(bytes: raw %d, gzip %d, brotli %d)\n' "$tr" "$tg" "$tb"
