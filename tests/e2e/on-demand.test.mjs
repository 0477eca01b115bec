// The analyses load on demand (issue 10): the first load has no analysis
// code; the first analysis view opened starts the worker, which is fetched
// once and never fetches the corpus; a shared analysis link works from a
// cold start; and a worker that cannot load gives a message, not a blank
// or a page stuck "Computing…".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, requestsSince } from './helpers.mjs';
import { eventually, search, waitForParams } from './app-helpers.mjs';

const app = useApp();

const WORKER_FILES = /\/(analyses-loader\.js|csto-analyses\.js|csto-analyses_bg\.wasm)$/;
const workerRequests = (from) => requestsSince(app.server, from).filter((r) => WORKER_FILES.test(r.split('?')[0]));

/** The word list's first row, once shown. */
const firstWord = (page) => page.$eval('table.word-list tbody tr th', (th) => th.textContent.trim());

test('the results load without the analyses; the first analysis view fetches the worker once, and the others reuse it', async () => {
  const page = await app.newPage();
  const from = app.server.requests.length;
  await openApp(page, 'q=terrorism');
  assert.deepEqual(workerRequests(from), [], 'no analysis file before an analysis is opened');
  await search(page, 'peacekeeping');
  assert.deepEqual(workerRequests(from), []);

  await page.click('nav.tabs a.tab:has-text("Collocates")');
  await waitForParams(page, { q: 'peacekeeping', view: 'collocates' });
  await page.waitForSelector('main[data-ready="true"] table.collocates-table tbody tr');
  const loaded = workerRequests(from).map((r) => r.replace(/^\d+ GET .*\//, ''));
  assert.deepEqual(loaded.sort(), ['analyses-loader.js', 'csto-analyses.js', 'csto-analyses_bg.wasm']);

  const before = app.server.requests.length;
  await page.click('nav.tabs a.tab:has-text("Word list")');
  await page.waitForSelector('main[data-ready="true"] section.word-list-view table.word-list');
  await page.click('nav.tabs a.tab:has-text("Dispersion")');
  await page.waitForSelector('main[data-ready="true"] section.dispersion-view li.disp-row');
  assert.deepEqual(requestsSince(app.server, before), [], 'the worker is reused and the corpus is never fetched');
});

test('a shared analysis link opens complete on a cold start, and Back returns to the previous analysis', async () => {
  const page = await app.newPage();
  await openApp(page, 'view=words&stop=hide&min=5');
  // openApp waited for main[data-ready="true"], which waits for the worker's answer
  assert.equal(await firstWord(page), 'csto');
  assert.equal(await page.$eval('.analysis', (d) => d.getAttribute('aria-busy')), 'false');
  await page.click('ul.words-unit a:has-text("Grouped by stem")');
  await waitForParams(page, { view: 'words', stop: 'hide', min: '5', stem: '1' });
  await eventually(async () => assert.match(await page.$eval('table.word-list caption', (c) => c.textContent), /^Stems/));
  await page.goBack();
  await waitForParams(page, { view: 'words', stop: 'hide', min: '5' });
  await eventually(async () => assert.match(await page.$eval('table.word-list caption', (c) => c.textContent), /^Word forms/));
});

test('a shared analysis link starts the worker while the page wasm is still on its way, and the page takes it over', async () => {
  const page = await app.newPage();
  let releasePage;
  const held = new Promise((resolve) => (releasePage = resolve));
  await page.route(/csto-explorer-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const from = app.server.requests.length;
  await page.goto(`${app.url}?q=terrorism&view=collocates`, { waitUntil: 'domcontentloaded' });
  // The page's wasm is held back: the worker's files come anyway.
  await eventually(async () => {
    const loaded = workerRequests(from).map((r) => r.replace(/^\d+ GET .*\//, ''));
    assert.deepEqual(loaded.sort(), ['analyses-loader.js', 'csto-analyses.js', 'csto-analyses_bg.wasm']);
  });
  releasePage();
  await page.waitForSelector('main[data-ready="true"] table.collocates-table tbody tr');
  assert.equal(workerRequests(from).length, 3, 'the page took over that worker: its files were fetched once');
  assert.equal(await page.evaluate(() => 'cstoAnalyses' in window), false);
});

test('an address that only looks like an analysis view: the early worker is stopped, the results show', async () => {
  const page = await app.newPage();
  await openApp(page, 'view=nonsense');
  assert.equal(await page.evaluate(() => 'cstoAnalyses' in window), false, 'the page stopped the worker index.html started');
  await page.waitForSelector('ol.result-list li.result');
  assert.match(await page.textContent('section.notices'), /nonsense/);
});

test('if the analyses cannot load, the view says so and the rest of the page works', async () => {
  const page = await app.newPage();
  await page.context().route('**/csto-analyses_bg.wasm', (route) => route.abort());
  await openApp(page, 'view=summary');
  const alert = await page.waitForSelector('.analysis-failed[role="alert"]');
  assert.match(await alert.textContent(), /could not be computed/);
  assert.equal(await page.$eval('.analysis', (d) => d.getAttribute('aria-busy')), 'false');
  // the explorer itself is unaffected
  await page.click('nav.tabs a.tab:has-text("Results")');
  await search(page, 'Afghanistan');
  await page.waitForSelector('ol.result-list li');
  // the failure reached the page as the worker's error, which the page handled
  page.consoleErrors = page.consoleErrors.filter((e) => !/analyses could not be started|csto-analyses_bg\.wasm/.test(e));
});

test('typing fast in an analysis view ends on the last query typed, never on an older answer', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=security&view=collocates');
  await page.fill('#q', '');
  // one keystroke at a time, faster than the worker answers
  await page.type('#q', 'afghanistan', { delay: 5 });
  await eventually(async () => {
    assert.equal(await page.$eval('.analysis', (d) => d.getAttribute('aria-busy')), 'false');
    assert.match(await page.$eval('table.collocates-table caption', (c) => c.textContent), /^Collocates of “afghanistan”/);
  }, { timeout: 10000 });
  // and it stays there: no late answer replaces it
  await new Promise((r) => setTimeout(r, 300));
  assert.match(await page.$eval('table.collocates-table caption', (c) => c.textContent), /^Collocates of “afghanistan”/);
});
