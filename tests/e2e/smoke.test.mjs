// Smoke test of the built dist/ (scripts/test.sh builds it with
// `trunk build --release` first): served under a sub-path by a plain static
// server with a strict CSP, the app loads all its assets from that sub-path,
// renders, and makes no request after it has loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, appRequests, requestsSince, sleep, READY_SELECTOR } from './helpers.mjs';

// The app marks <main data-ready="true"> once rendered; the first skeleton only
// rendered <main><h1>. Either means the wasm app ran.
const RENDERED = `${READY_SELECTOR}, main h1`;

const app = useApp({ csp: true });

test('renders under the sub-path, assets from the sub-path, strict CSP, no request after load', async () => {
  const page = await app.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  const from = app.server.requests.length;

  const doc = await openApp(page, '', { selector: RENDERED });
  assert.match(doc.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match((await page.textContent('main')) ?? '', /\S/, '<main> is empty');

  await page.waitForLoadState('networkidle');
  const served = appRequests(app.server, from);
  const bad = served.filter((r) => r.status !== 200 || !r.path.startsWith(app.server.base));
  assert.deepEqual(bad.map((r) => `${r.status} ${r.url}`), [], 'requests that failed or left the sub-path');
  const paths = served.map((r) => r.path);
  assert.ok(paths.some((p) => p.endsWith('.wasm')), `no .wasm was fetched: ${paths}`);
  assert.ok(paths.some((p) => p.endsWith('.js')), `no .js was fetched: ${paths}`);
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  assert.equal(wasm?.headers()['content-type'], 'application/wasm');

  // Everything the app needs is in the bundle: nothing is fetched after load.
  const settled = app.server.requests.length;
  await sleep(500);
  assert.deepEqual(requestsSince(app.server, settled), [], 'requests made after load');
});

test('the server is a plain static host: no index.html fallback, nothing outside the sub-path', async () => {
  const { origin, base } = app.server;
  const get = (p) => fetch(origin + p, { redirect: 'manual' }).then((r) => r.status);
  assert.equal(await get(base), 200);
  assert.equal(await get(base + 'index.html'), 200);
  assert.equal(await get(base + 'no/such/page'), 404);
  assert.equal(await get(base + '..%2f..%2fetc/passwd'), 404);
  assert.equal(await get('/'), 404);
  assert.equal(await get('/index.html'), 404);
  assert.equal(await get(base.replace(/\/$/, '')), 301);
});
