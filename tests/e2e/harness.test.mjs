// Self-tests of the browser-test harness: each check that the other tests rely
// on (request log, page errors, console errors, CSP) is shown to catch the
// failure it exists for, so a green run means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, requestsSince, sleep, READY_SELECTOR } from './helpers.mjs';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { inlineScriptHashes, startServer } from './server.mjs';

const RENDERED = `${READY_SELECTOR}, main h1`;
const app = useApp({ csp: true });

test('a request made after load shows up in the request log', async () => {
  const page = await app.newPage();
  await openApp(page, '', { selector: RENDERED });
  await page.waitForLoadState('networkidle');
  const settled = app.server.requests.length;
  await page.evaluate(() => setTimeout(() => fetch('late.json').catch(() => {}), 50));
  await sleep(500);
  assert.match(requestsSince(app.server, settled).join('\n'), /^404 GET \/tools\/csto\/late\.json$/m);
  assert.equal(page.consoleErrors.length, 1, 'the 404 is a console error');
  page.consoleErrors.length = 0;
});

test('an uncaught exception is recorded as a page error', async () => {
  const page = await app.newPage();
  await openApp(page, '', { selector: RENDERED });
  await page.evaluate(() => setTimeout(() => { throw new Error('boom from the harness self-test'); }, 0));
  await sleep(200);
  assert.match(page.pageErrors.join('\n'), /boom from the harness self-test/);
  page.pageErrors.length = 0;
});

test('the CSP is enforced: an unhashed inline script does not run and is reported', async () => {
  const page = await app.newPage();
  await openApp(page, '', { selector: RENDERED });
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, 'inline script ran despite the CSP');
  assert.match(page.consoleErrors.join('\n'), /Content Security Policy/);
  page.consoleErrors.length = 0;
});

test('inlineScriptHashes hashes inline scripts only', () => {
  const html = '<script type="module">a()</script><script src="x.js"></script><SCRIPT></SCRIPT>';
  assert.deepEqual(inlineScriptHashes(html), [
    "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='",
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", // sha256 of the empty string
  ]);
});

test('precompressed: X.br when br is accepted, X.gz when only gzip is, X otherwise; off by default', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-precompressed-'));
  try {
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(root, 'a.js'), 'raw');
    fs.writeFileSync(path.join(root, 'a.js.br'), 'brotli copy');
    fs.writeFileSync(path.join(root, 'a.js.gz'), 'gzip copy');
    const get = async (srv, acceptEncoding) => {
      // Node's fetch would decode (and fail on) the fake copies: read the raw body.
      return new Promise((resolve, reject) => {
        http.get(`${srv.url}a.js`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve([res.headers['content-encoding'] ?? null, res.headers['content-type'], body]));
        }).on('error', reject);
      });
    };
    const pre = await startServer({ root, base: '/x/', precompressed: true });
    const plain = await startServer({ root, base: '/x/' });
    try {
      const js = 'text/javascript; charset=utf-8';
      assert.deepEqual(await get(pre, 'gzip, deflate, br'), ['br', js, 'brotli copy']);
      assert.deepEqual(await get(pre, 'gzip'), ['gzip', js, 'gzip copy']);
      assert.deepEqual(await get(pre, 'br;q=0, gzip;q=0'), [null, js, 'raw']);
      assert.deepEqual(await get(pre, ''), [null, js, 'raw']);
      assert.deepEqual(await get(plain, 'gzip, deflate, br'), [null, js, 'raw']);
      assert.deepEqual(pre.requests.map((r) => [r.encoding, r.bytes]), [['br', 11], ['gzip', 9], [null, 3], [null, 3]]);
    } finally {
      await pre.close();
      await plain.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
