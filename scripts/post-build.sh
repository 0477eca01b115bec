#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml [[hooks]]): runs in trunk's staging
# directory after trunk has written every file of the build and before it
# replaces dist/ with them. Writes:
#   manifest.webmanifest  from web/manifest.webmanifest, its icon = trunk's hashed favicon
#   statements/<id>/index.html, index.html   the prerendered pages (src/prerender/)
#   sw.js                 from web/sw.js, with the list of exactly this build's
#                         files and their SHA-256 (the service worker's precache)
#   X.br, X.gz            release builds only: brotli -q 11 and gzip -9 beside
#                         every file that compresses (when smaller), for hosts
#                         that send precompressed files (docs/hosting.md)
# Idempotent; by hand: TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release bash scripts/post-build.sh
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

SRC="${TRUNK_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
OUT="${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set (trunk sets it for hooks)}"
PROFILE="${TRUNK_PROFILE:-release}"
die() { printf 'post-build: %s\n' "$*" >&2; exit 1; }
cd "$OUT"
[ -f index.html ] || die "no index.html in $OUT"

# A rerun starts from trunk's files only.
find . -type f \( -name '*.br' -o -name '*.gz' -o -name sw.js -o -name manifest.webmanifest \) -delete

# --- manifest --------------------------------------------------------------
icons=(favicon-*.svg)
[ ${#icons[@]} -eq 1 ] && [ -f "${icons[0]}" ] || die "expected one favicon-HASH.svg, found: ${icons[*]}"
manifest=$(<"$SRC/web/manifest.webmanifest")
printf '%s\n' "${manifest//@ICON@/${icons[0]}}" >manifest.webmanifest

# --- minified JavaScript (release) -------------------------------------------
# trunk's minifier fails on wasm-bindgen's glue and ships it as written
# (45 KB raw, 6.8 KiB brotli for the page); terser (tests/e2e/node_modules,
# installed by scripts/setup.sh) minifies every script trunk wrote. A script
# index.html names with integrity= gets its new sha384 there: the old hash is
# replaced by the new one.
if [ "$PROFILE" = release ]; then
  terser="$SRC/tests/e2e/node_modules/.bin/terser"
  [ -x "$terser" ] || die "terser not found at $terser: bash scripts/setup.sh installs it"
  sha384() { node -e 'process.stdout.write(require("crypto").createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1"; }
  html=$(<index.html)
  for f in *.js; do
    module=()
    # The page's glue is an ES module (import/export); the worker's glue,
    # its loader and sw-register are classic scripts whose globals stay.
    grep -q '^export ' "$f" && module=(--module)
    old=$(sha384 "$f")
    "$terser" "$f" "${module[@]}" --compress --mangle --output "$f.min" || die "terser failed on $f"
    mv -- "$f.min" "$f"
    new=$(sha384 "$f")
    html=${html//"sha384-$old"/"sha384-$new"}
  done
  printf '%s' "$html" >index.html
fi

# --- prerendered pages -------------------------------------------------------
# The start page and every statement's page (statements/<id>/index.html),
# rendered by the app's own components natively (src/prerender/), into
# copies of the index.html above (its scripts' hashes final). CSTO_SITE_URL,
# if set, is the address dist/ will be served at: absolute canonical links,
# og:url, citation_public_url and a sitemap.xml (docs/hosting.md).
rm -rf statements sitemap.xml
cargo run --quiet --manifest-path "$SRC/Cargo.toml" --features ssr --bin prerender -- "$OUT" ||
  die "prerendering the pages failed"

# --- service worker: the precache list ---------------------------------------
# [path, sha256] for every file of the build; a page is its directory URL
# (index.html is '', statements/x/index.html is 'statements/x/'), which is
# what a visitor opens. Names are trunk's: plain ASCII, checked
# so that they need no escaping in JSON.
entries=()
while IFS= read -r -d '' f; do
  f=${f#./}
  [[ $f =~ ^[A-Za-z0-9._/-]+$ ]] || die "unexpected file name: $f"
  sum=$(sha256sum "$f")
  path=$f
  [[ $f == index.html || $f == */index.html ]] && path=${f%index.html}
  entries+=("[\"$path\",\"${sum%% *}\"]")
done < <(find . -type f ! -name sw.js -print0 | LC_ALL=C sort -z)
list=$(IFS=,; printf '[%s]' "${entries[*]}")
build=$(printf '%s' "$list" | sha256sum | cut -c1-16)
sw=$(<"$SRC/web/sw.js")
sw=${sw//"'@BUILD@'"/"'$build'"}
sw=${sw//"'@PRECACHE@'"/$list}
[[ $sw != *@BUILD@* && $sw != *@PRECACHE@* ]] || die "web/sw.js lacks the '@BUILD@' or '@PRECACHE@' placeholder"
printf '%s\n' "$sw" >sw.js
echo "post-build: sw.js precaches ${#entries[@]} files (build $build)"

# --- precompressed copies (release) -----------------------------------------
[ "$PROFILE" = release ] || exit 0
command -v brotli >/dev/null || die "brotli not found: bash scripts/setup.sh --build installs it"
command -v gzip >/dev/null || die "gzip not found"
n=0
while IFS= read -r -d '' f; do
  size=$(stat -c %s "$f")
  brotli -q 11 -f -o "$f.br" -- "$f"
  gzip -9 -n -c -- "$f" >"$f.gz"
  for z in "$f.br" "$f.gz"; do
    if [ "$(stat -c %s "$z")" -ge "$size" ]; then rm -f -- "$z"; else touch -r "$f" -- "$z"; n=$((n + 1)); fi
  done
done < <(find . -type f -regextype posix-extended -regex '.*\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt|xml|map)' -print0)
echo "post-build: $n precompressed files (.br, .gz)"
