// The documented hosting (docs/hosting.md) for real: Debian's nginx and
// Caddy, each started here on a loopback port with the configuration
// rendered from deploy/ (the files the document shows), serve the release
// dist/ under /tools/csto/ with the strict CSP, cache headers and the
// precompressed files written by `trunk build --release`. Each is stopped
// at the end, also when a test fails (after(), and on process exit).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST_DIR, BASE_PATH, READY_SELECTOR, launchBrowser, watchPage } from '../helpers.mjs';
import { IDS_BY_DATE, eventually, readResults, waitForReader, viewOfUrl } from '../app-helpers.mjs';
import { buildCsp, ROOT, TEMPLATES } from '../../../scripts/hosting-config.mjs';
import { SERVERS, httpGet } from './servers.mjs';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt|xml|map)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Every file of dist/, as paths relative to it with '/' (the statement pages are in statements/<id>/). */
const distFiles = () =>
  fs
    .readdirSync(DIST_DIR, { recursive: true })
    .filter((f) => fs.statSync(path.join(DIST_DIR, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
/** The prerendered pages: index.html and statements/<id>/index.html. */
const PAGES = ['index.html', ...IDS_BY_DATE.map((id) => `statements/${id}/index.html`)];
const file = (suffix) => {
  const f = distFiles().find((n) => n.endsWith(suffix) && !/\.(br|gz)$/.test(n));
  assert.ok(f, `no *${suffix} in dist/`);
  return f;
};

/** GET origin+path with these request headers; the body as sent (not decoded). */
const get = (origin, pathname, headers = {}) => httpGet(origin + pathname, headers);

test('docs/hosting.md shows deploy/nginx.conf and deploy/Caddyfile verbatim', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'hosting.md'), 'utf8');
  for (const template of Object.values(TEMPLATES)) {
    const rel = path.relative(ROOT, template);
    const m = new RegExp(`<!-- ${rel.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`).exec(doc);
    assert.ok(m, `docs/hosting.md has no block marked <!-- ${rel} -->`);
    assert.equal(m[1], fs.readFileSync(template, 'utf8'), `the block of ${rel} in docs/hosting.md differs from the file`);
  }
});

test('trunk build --release wrote a .br and a .gz beside every file that compresses, with the same content', () => {
  const files = distFiles().filter((f) => COMPRESSIBLE.test(f));
  assert.ok(files.length >= 6, `compressible files: ${files}`);
  for (const page of PAGES) assert.ok(files.includes(page), `dist/${page} is missing`);
  for (const f of files) {
    const raw = fs.readFileSync(path.join(DIST_DIR, f));
    for (const [ext, decode] of [['.br', zlib.brotliDecompressSync], ['.gz', zlib.gunzipSync]]) {
      const z = path.join(DIST_DIR, f + ext);
      assert.ok(fs.existsSync(z), `${f}${ext} is missing`);
      const packed = fs.readFileSync(z);
      assert.ok(packed.length < raw.length, `${f}${ext} is not smaller`);
      assert.ok(decode(packed).equals(raw), `${f}${ext} does not decode to ${f}`);
    }
  }
});

for (const [name, start] of Object.entries(SERVERS)) {
  describe(`${name} with the documented configuration`, () => {
    let srv;
    let browser;
    before(async () => {
      srv = await start({ dist: DIST_DIR, base: BASE_PATH });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await srv?.stop();
    });

    test('headers: precompressed files by Accept-Encoding, wasm MIME, cache lifetimes, the strict CSP', async () => {
      const csp = buildCsp(DIST_DIR);
      // The page's wasm (hashed name); the analysis worker's is checked below.
      const wasm = distFiles().find((n) => /^csto-explorer-[0-9a-f]+_bg\.wasm$/.test(n));
      assert.ok(wasm, 'no page wasm in dist/');
      const raw = fs.readFileSync(path.join(DIST_DIR, wasm));
      const br = await get(srv.origin, BASE_PATH + wasm, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers['content-type'], 'application/wasm');
      assert.equal(br.headers['cache-control'], IMMUTABLE);
      assert.match(br.headers.vary ?? '', /accept-encoding/i);
      assert.ok(br.body.equals(fs.readFileSync(path.join(DIST_DIR, wasm + '.br'))), 'the body is not the .br file');
      assert.ok(zlib.brotliDecompressSync(br.body).equals(raw));
      const gz = await get(srv.origin, BASE_PATH + wasm, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.ok(zlib.gunzipSync(gz.body).equals(raw));
      const plain = await get(srv.origin, BASE_PATH + wasm);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.equals(raw));

      const index = await get(srv.origin, BASE_PATH, { 'accept-encoding': 'br' });
      assert.equal(index.status, 200);
      assert.match(index.headers['content-type'], /^text\/html/);
      assert.equal(index.headers['content-encoding'], 'br');
      assert.equal(index.headers['cache-control'], 'no-cache');

      // The analysis worker's files keep their names: wasm MIME, precompressed, revalidated.
      const worker = await get(srv.origin, BASE_PATH + 'csto-analyses_bg.wasm', { 'accept-encoding': 'br' });
      assert.equal(worker.status, 200);
      assert.equal(worker.headers['content-type'], 'application/wasm');
      assert.equal(worker.headers['content-encoding'], 'br');
      assert.equal(worker.headers['cache-control'], 'no-cache');
      assert.equal(index.headers['content-security-policy'], csp);
      assert.equal(index.headers['x-content-type-options'], 'nosniff');
      assert.ok(zlib.brotliDecompressSync(index.body).equals(fs.readFileSync(path.join(DIST_DIR, 'index.html'))));

      // Every file of the build: its type, its cache lifetime (the names
      // trunk does not hash are revalidated, all others kept a year), br.
      const TYPES = { '.js': /^(text|application)\/javascript/, '.css': /^text\/css/, '.svg': /^image\/svg\+xml/, '.wasm': /^application\/wasm$/, '.html': /^text\/html/, '.webmanifest': /^application\/manifest\+json/ };
      const FIXED = ['index.html', 'sw.js', 'manifest.webmanifest', 'analyses-loader.js', 'csto-analyses.js', 'csto-analyses_bg.wasm'];
      const served = distFiles().filter((f) => !/\.(br|gz)$/.test(f));
      for (const f of [...FIXED, ...PAGES]) assert.ok(served.includes(f), `dist/ has no ${f}`);
      for (const f of served) {
        const r = await get(srv.origin, BASE_PATH + f, { 'accept-encoding': 'br' });
        assert.equal(r.status, 200, f);
        assert.match(r.headers['content-type'] ?? '', TYPES[path.extname(f)] ?? /^$/, `${f}: content-type`);
        // Every page keeps its name (a statement's too): revalidated.
        const revalidated = FIXED.includes(f) || PAGES.includes(f);
        assert.equal(r.headers['cache-control'], revalidated ? 'no-cache' : IMMUTABLE, `${f}: cache-control`);
        assert.equal(r.headers['content-encoding'], 'br', `${f}: content-encoding`);
        assert.equal(r.headers['content-security-policy'], csp, `${f}: CSP`);
        assert.ok(zlib.brotliDecompressSync(r.body).equals(fs.readFileSync(path.join(DIST_DIR, f))), `${f}: body`);
      }

      // (A statement's page at its directory URL, and without the slash: hosting/pages.test.mjs.)

      const bare = await get(srv.origin, BASE_PATH.replace(/\/$/, ''));
      assert.equal(bare.status, 301);
      assert.equal(new URL(bare.headers.location, srv.origin).pathname, BASE_PATH);
      assert.equal((await get(srv.origin, BASE_PATH + 'no/such/file')).status, 404);
      // Nothing outside dist/ (Caddy answers an empty 200 for paths no route takes, nginx 400/404).
      for (const p of ['..%2f..%2f..%2fetc/passwd', '..%2fCargo.toml', '%2e%2e/Cargo.toml', '..%5cCargo.toml']) {
        const r = await get(srv.origin, BASE_PATH + p);
        assert.doesNotMatch(r.body.toString('latin1'), /root:x:0:0|\[workspace\]/, `${p} served a file outside dist/`);
      }
    });

    test('the page works in Chromium: wasm brotli-encoded, strict CSP, search and reader, no error', async () => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = watchPage(await context.newPage());
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const responses = [];
      page.on('response', (r) => responses.push(r));
      const doc = await page.goto(srv.url, { waitUntil: 'load' });
      assert.equal(doc.headers()['content-security-policy'], buildCsp(DIST_DIR));
      await page.waitForSelector(READY_SELECTOR);
      const wasm = responses.find((r) => r.url().endsWith('.wasm'));
      assert.ok(wasm, 'no wasm response');
      assert.equal(wasm.headers()['content-encoding'], 'br', 'the wasm did not arrive brotli-encoded');
      assert.equal(wasm.headers()['content-type'], 'application/wasm');
      assert.deepEqual(responses.filter((r) => r.status() >= 400).map((r) => `${r.status()} ${r.url()}`), []);

      await page.fill('#q', 'Kanal');
      await eventually(async () => assert.match((await readResults(page)).count ?? '', /^4 statements/));
      await page.click('li.result[data-statement="2016-bordyuzha"] h2.title a');
      await waitForReader(page, '2016-bordyuzha');
      await eventually(() => assert.deepEqual(viewOfUrl(page.url(), srv.url), { q: 'Kanal', doc: '2016-bordyuzha' }));
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual([...page.pageErrors, ...page.consoleErrors], []);
      await context.close();
    });

    test('offline after one visit: with the server stopped, a reload opens, searches and reads; a statement page opens', async () => {
      const context = await browser.newContext();
      const page = watchPage(await context.newPage());
      await page.goto(srv.url, { waitUntil: 'load' });
      await page.waitForSelector(READY_SELECTOR);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });

      await srv.stop();
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(READY_SELECTOR);
      await page.fill('#q', 'terrorism');
      await eventually(async () => assert.match((await readResults(page)).count ?? '', /^5 statements/));
      await page.click('li.result[data-statement="2019-semerikov"] h2.title a');
      await waitForReader(page, '2019-semerikov');
      // A statement's page, never opened online, opens from the kept copy.
      const opened = await page.goto(`${srv.url}statements/2016-bordyuzha/#p7`, { waitUntil: 'load' });
      assert.ok(opened.fromServiceWorker(), 'the statement page did not come from the service worker');
      await page.waitForSelector(READY_SELECTOR);
      const reader = await waitForReader(page, '2016-bordyuzha');
      assert.deepEqual(reader.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7']);
      assert.deepEqual(page.pageErrors, []);
      await context.close();
    });
  });
}
