// The static part of index.html: the heading and introduction, and the
// prerendered page (the start page's list of statements, a statement's text),
// are painted before the wasm has arrived; a shared search shows a loading
// note instead of a prerendered page that is not its view. The app hydrates
// the page without replacing or moving them, and on a phone they are the
// largest thing on the first screen, so the page's Largest Contentful Paint
// does not wait for the wasm (docs/benchmarks.md, Lighthouse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, READY_SELECTOR } from './helpers.mjs';
import { IDS_BY_DATE, eventually } from './app-helpers.mjs';

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

/** The note a pending address shows in place of the prerendered markup (CSS `#app::before`), or null. */
function loadingNote(page) {
  return page.evaluate(() => {
    const content = getComputedStyle(document.querySelector('#app'), '::before').content;
    return content && content !== 'none' && content !== 'normal' ? JSON.parse(content) : null;
  });
}

/** The statements of #app's result list that are painted (have a box). */
function visibleResults(page) {
  return page.$$eval('#app li.result', (lis) => lis.filter((li) => li.getClientRects().length > 0).map((li) => li.dataset.statement));
}

/** Whether any of #app's own elements is painted. */
function appContentVisible(page) {
  return page.$$eval('#app > *', (els) => els.some((el) => el.getClientRects().length > 0));
}

test('before the wasm runs: the heading, the introduction and the prerendered list on the start page; the loading note on a shared search', async () => {
  const page = await app.newPage();
  const release = await holdWasm(page);
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.$(READY_SELECTOR), null, 'the app ran although its wasm was held back');
  for (const selector of ['header.masthead h1', 'header.masthead .lede']) {
    assert.ok(await page.isVisible(selector), `${selector} is not visible before the wasm runs`);
  }
  assert.equal(await page.textContent('h1'), 'CSTO Statements Explorer');
  // The start page as prerendered: every statement, oldest first, each title a link to its page.
  assert.equal(await page.getAttribute('#app', 'data-view'), '', 'index.html is not the prerendered start page');
  assert.deepEqual(await visibleResults(page), IDS_BY_DATE, 'the prerendered list is not visible before the wasm runs');
  assert.deepEqual(
    await page.$$eval('#app li.result h2.title a', (as) => as.map((a) => a.getAttribute('href'))),
    IDS_BY_DATE.map((id) => `statements/${id}/`),
  );
  assert.equal(await loadingNote(page), null, 'the start page says it is loading');
  assert.equal(await page.getAttribute('html', 'class'), null);
  release();
  await page.waitForSelector(READY_SELECTOR);

  // A statement's page: its text is there before the wasm too.
  const reading = await app.newPage();
  const releaseReading = await holdWasm(reading);
  await reading.goto(`${app.url}statements/2016-bordyuzha/`, { waitUntil: 'domcontentloaded' });
  assert.equal(await reading.$(READY_SELECTOR), null, 'the app ran although its wasm was held back');
  assert.equal(await reading.getAttribute('#app', 'data-view'), 'doc=2016-bordyuzha');
  assert.ok(await reading.isVisible('#app article.reader #reader-title'), 'the statement is not visible before the wasm runs');
  assert.equal(await reading.$$eval('#app article.reader div.para', (ps) => ps.filter((p) => p.getClientRects().length > 0).length), 17);
  assert.equal(await loadingNote(reading), null);
  releaseReading();
  await reading.waitForSelector(READY_SELECTOR);

  // A shared search (any query but a paragraph) is not the prerendered view:
  // the loading note shows instead of it, never the start page's list.
  for (const address of ['?q=terrorism', '?q=terrorism&view=concordance', 'statements/2016-bordyuzha/?q=Kanal']) {
    const shared = await app.newPage();
    const releaseShared = await holdWasm(shared);
    await shared.goto(new URL(address, app.url).href, { waitUntil: 'domcontentloaded' });
    assert.equal(await shared.$(READY_SELECTOR), null, `${address}: the app ran although its wasm was held back`);
    assert.ok(await shared.isVisible('header.masthead h1'), `${address}: the heading is not visible`);
    assert.ok(await shared.isVisible('header.masthead .lede'), `${address}: the introduction is not visible`);
    assert.equal(await loadingNote(shared), 'Loading the view…', `${address}: no loading note`);
    assert.deepEqual(await visibleResults(shared), [], `${address}: the prerendered list shows`);
    assert.equal(await appContentVisible(shared), false, `${address}: prerendered markup shows`);
    releaseShared();
    await shared.waitForSelector(READY_SELECTOR);
    await eventually(async () => assert.equal(await loadingNote(shared), null, `${address}: the loading note stays`));
    assert.equal(await appContentVisible(shared), true, `${address}: the view is not shown`);
  }
});

test('the app keeps the static header and the prerendered page (same nodes); on a shared search it replaces the loading note', async () => {
  const page = await app.newPage();
  const release = await holdWasm(page);
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  // Tag the static and prerendered nodes; if the app re-created them, the tag would be gone.
  await page.evaluate(() => {
    document.querySelector('header.masthead').setAttribute('data-probe', 'static');
    document.querySelector('#app li.result[data-statement="2016-bordyuzha"]').setAttribute('data-probe', 'prerendered');
  });
  release();
  await page.waitForSelector(READY_SELECTOR);
  assert.equal(await page.getAttribute('header.masthead', 'data-probe'), 'static');
  assert.equal(await page.getAttribute('#app li.result[data-statement="2016-bordyuzha"]', 'data-probe'), 'prerendered', 'the app replaced the prerendered list');
  assert.equal(await page.locator('h1').count(), 1, 'one page heading');
  assert.equal(await page.locator('.shell-loading').count(), 0, 'a loading note is left');
  assert.ok(await page.isVisible('#app .searchbar #q'), 'the app rendered its search box into #app');

  const shared = await app.newPage();
  const releaseShared = await holdWasm(shared);
  await shared.goto(`${app.url}?q=terrorism`, { waitUntil: 'domcontentloaded' });
  await shared.evaluate(() => document.querySelector('header.masthead').setAttribute('data-probe', 'static'));
  assert.equal(await loadingNote(shared), 'Loading the view…');
  releaseShared();
  await shared.waitForSelector(READY_SELECTOR);
  assert.equal(await shared.getAttribute('header.masthead', 'data-probe'), 'static');
  await eventually(async () => assert.equal(await loadingNote(shared), null, 'the loading note stays'));
  assert.doesNotMatch((await shared.getAttribute('html', 'class')) ?? '', /app-pending/);
  assert.equal(await shared.locator('.shell-loading').count(), 0);
  assert.ok(await shared.isVisible('#app .searchbar #q'));
  assert.ok((await visibleResults(shared)).length > 0, 'the search’s results are not shown');
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

test('the release build: its scripts are minified, and every integrity= of every page (index.html, statements/<id>/) matches its file', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const crypto = await import('node:crypto');
  const { DIST_DIR } = await import('./helpers.mjs');
  const pages = fs
    .readdirSync(DIST_DIR, { recursive: true })
    .filter((f) => path.basename(f) === 'index.html')
    .sort();
  assert.deepEqual(pages, ['index.html', ...IDS_BY_DATE.map((id) => path.join('statements', id, 'index.html'))]);
  for (const page of pages) {
    const html = fs.readFileSync(path.join(DIST_DIR, page), 'utf8');
    // Every page's <base> is the root, so './x' is dist/x.
    const named = [...html.matchAll(/<(?:link|script)\b[^>]*>/g)]
      .map((m) => ({ file: /(?:href|src)="?\.\/([^"\s>]+)/.exec(m[0])?.[1], integrity: /integrity="?([^"\s>]+)/.exec(m[0])?.[1] }))
      .filter((x) => x.file && x.integrity);
    assert.ok(named.some((x) => /^csto-explorer-.*\.js$/.test(x.file)), `${page}: no glue script with integrity in ${JSON.stringify(named)}`);
    for (const { file, integrity } of named) {
      const sum = crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST_DIR, file))).digest('base64');
      assert.equal(integrity, `sha384-${sum}`, `${page}: ${file}: integrity`);
    }
  }
  for (const file of fs.readdirSync(DIST_DIR).filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
    const lines = fs.readFileSync(path.join(DIST_DIR, file), 'utf8').split('\n');
    assert.ok(lines.length <= 3, `${file} is not minified (${lines.length} lines)`);
  }
});
