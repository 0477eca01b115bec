#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, tests/bench/package.json) against the release
# build served from the sub-path /tools/csto/ by tests/e2e/server.mjs (with the
# strict CSP), in Debian's Chromium. Prints the category scores and every
# audit that does not pass, per form factor. See docs/benchmarks.md.
#
#   bash scripts/bench-lighthouse.sh [DIST]   # default dist/ (built with trunk build --release if absent)
#   LIGHTHOUSE_PRESETS="mobile" bash scripts/bench-lighthouse.sh   # default: "mobile desktop"
#   LIGHTHOUSE_COMPRESS=1 bash scripts/bench-lighthouse.sh   # server sends brotli/gzip, like
#                                                           # Netlify or Cloudflare (default: none)
#   LIGHTHOUSE_SERVER=nginx bash scripts/bench-lighthouse.sh # Debian's nginx (or caddy) with the
#                         # documented configuration (docs/hosting.md): precompressed files, cache headers
#
# Reports: target/lighthouse/<preset>.report.json and .html (<preset>-compressed.* with
# LIGHTHOUSE_COMPRESS=1, <preset>-nginx.* with LIGHTHOUSE_SERVER=nginx).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DIST="${1:-dist}"
OUT=target/lighthouse
PRESETS="${LIGHTHOUSE_PRESETS:-mobile desktop}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"

[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (set CHROME_PATH)"
if [ ! -f "$DIST/index.html" ]; then
  [ "$DIST" = dist ] || die "$DIST/index.html not found"
  say "trunk build --release"
  trunk build --release --offline >&2
fi
if [ ! -x tests/bench/node_modules/.bin/lighthouse ]; then
  say "npm ci (tests/bench)"
  (cd tests/bench && npm ci --no-audit --no-fund)
fi
mkdir -p "$OUT"
server_flags=(--csp)
suffix=""
if [ "${LIGHTHOUSE_COMPRESS:-}" = 1 ]; then
  server_flags+=(--compress)
  suffix="-compressed"
fi

# Serve the dist under the sub-path, like the real static host.
log="$OUT/server.log"
if [ -n "${LIGHTHOUSE_SERVER:-}" ]; then
  suffix="-$LIGHTHOUSE_SERVER"
  node tests/e2e/hosting/serve.mjs "$LIGHTHOUSE_SERVER" "$DIST" /tools/csto/ >"$log" 2>&1 &
else
  node tests/e2e/server.mjs "$DIST" /tools/csto/ "${server_flags[@]}" >"$log" 2>&1 &
fi
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 50); do
  url=$(sed -n 's/^serving .* at \(http[^ ]*\)$/\1/p' "$log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$log"; die "server did not start"; }
say "serving $DIST at $url${suffix:+ (brotli/gzip)}"
if [ "$suffix" = -compressed ]; then
  # Compress every file once before measuring: a host serves precompressed or
  # cached responses, not a first on-the-fly brotli-11 pass (~1 s for the wasm),
  # which would delay the wasm past the first paint and flatter the LCP.
  for f in "$DIST"/*; do
    curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' "$url$(basename "$f")"
  done
fi

for preset in $PRESETS; do
  extra=()
  [ "$preset" = desktop ] && extra=(--preset=desktop)
  say "lighthouse ($preset)"
  tests/bench/node_modules/.bin/lighthouse "$url" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$CHROME_FLAGS" "${extra[@]}" \
    --output=json --output=html --output-path="$OUT/$preset$suffix" --quiet
  node - "$OUT/$preset$suffix.report.json" "$preset$suffix" <<'JS'
const fs = require('node:fs');
const [file, preset] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const cats = Object.values(r.categories);
console.log(`\nLighthouse ${r.lighthouseVersion}, ${preset}: ` +
  cats.map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(', '));
const m = (id) => r.audits[id]?.displayValue ?? '-';
console.log(`  FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, SI ${m('speed-index')}`);
const failing = [];
for (const c of cats) {
  for (const ref of c.auditRefs) {
    const a = r.audits[ref.id];
    if (!a || a.score === null || ['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode)) continue;
    const limit = a.scoreDisplayMode === 'binary' ? 1 : 0.9;
    if (a.score < limit) failing.push(`  [${c.id}] ${a.id} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}): ${a.title}`);
  }
}
console.log(failing.length ? `not passing:\n${failing.join('\n')}` : 'every scored audit passes');
JS
done
