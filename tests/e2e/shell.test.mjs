// The static part of index.html: the heading and introduction are painted
// before the wasm has arrived, the app mounts next to them without replacing
// or moving them, and on a phone they are the largest thing on the first
// screen, so the page's Largest Contentful Paint does not wait for the wasm
// (docs/benchmarks.md, Lighthouse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, READY_SELECTOR } from './helpers.mjs';

const app = useApp({ csp: true });
/** Lighthouse's mobile viewport (Moto G Power). */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/**
 * Hold the wasm back until the returned `release()` is called, so the test
 * can look at the page as it is before the app runs.
 */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('before the wasm runs: the heading, the introduction and a loading note are visible', async () => {
  const page = await app.newPage();
  const release = await holdWasm(page);
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  for (const selector of ['header.masthead h1', 'header.masthead .lede', '#app .shell-loading']) {
    assert.ok(await page.isVisible(selector), `${selector} is not visible before the wasm runs`);
  }
  assert.equal(await page.textContent('h1'), 'CSTO Statements Explorer');
  release();
  await page.waitForSelector(READY_SELECTOR);
});

test('the app keeps the static header (same nodes) and replaces only the loading note', async () => {
  const page = await app.newPage();
  const release = await holdWasm(page);
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  // Tag the static nodes; if the app re-created them, the tag would be gone.
  await page.evaluate(() => document.querySelector('header.masthead').setAttribute('data-probe', 'static'));
  release();
  await page.waitForSelector(READY_SELECTOR);
  assert.equal(await page.getAttribute('header.masthead', 'data-probe'), 'static');
  assert.equal(await page.locator('h1').count(), 1, 'one page heading');
  assert.equal(await page.locator('.shell-loading').count(), 0, 'the loading note is gone');
  assert.ok(await page.isVisible('#app .searchbar #q'), 'the app rendered its search box into #app');
});

test('on a phone, nothing moves when the app starts and the largest paint is the static introduction', async () => {
  const page = await app.newPage(PHONE);
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push(e.element?.className || e.element?.tagName || '(removed)');
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await openApp(page, '');
  // Two frames after the app's first render, so its paints have been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { shifts, lcp } = await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp }));
  assert.equal(shifts, 0, 'layout shift when the app started');
  // If this fails after a corpus or layout change, something the app renders
  // on the first screen (a result's title or provenance) has grown larger than
  // the introduction: the phone's LCP then waits for the wasm again.
  assert.equal(lcp.at(-1), 'lede', `largest contentful paints, in order: ${lcp.join(', ')}`);
});

test('the release build: its scripts are minified, and every integrity= of index.html matches its file', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const crypto = await import('node:crypto');
  const { DIST_DIR } = await import('./helpers.mjs');
  const html = fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:link|script)\b[^>]*>/g)]
    .map((m) => ({ file: /(?:href|src)="?\.\/([^"\s>]+)/.exec(m[0])?.[1], integrity: /integrity="?([^"\s>]+)/.exec(m[0])?.[1] }))
    .filter((x) => x.file && x.integrity);
  assert.ok(named.some((x) => /^csto-explorer-.*\.js$/.test(x.file)), `no glue script with integrity in ${JSON.stringify(named)}`);
  for (const { file, integrity } of named) {
    const sum = crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST_DIR, file))).digest('base64');
    assert.equal(integrity, `sha384-${sum}`, `${file}: integrity`);
  }
  for (const file of fs.readdirSync(DIST_DIR).filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
    const lines = fs.readFileSync(path.join(DIST_DIR, file), 'utf8').split('\n');
    assert.ok(lines.length <= 3, `${file} is not minified (${lines.length} lines)`);
  }
});
