// A phone's first screen shows the view, not the chrome (issue 23): at
// 390 × 844, light and dark, every view's heading and its first row, bar or
// paragraph are on the first screen and the page never scrolls sideways;
// axe's target-size rule (WCAG 2.2, 2.5.8: 24 × 24 px) passes on every
// view; each dispersion mark is at least 24 px both ways and opens its
// paragraph when tapped; the tabs are one row that scrolls, with the
// current tab shown and the keyboard still walking them; the introduction
// is folded on every view but the start page.
//
// scripts/phone-screens.mjs writes the screenshots for a person to look at;
// scripts/desktop-compare.mjs compares two builds' pixels at 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { useApp, openApp } from './helpers.mjs';
import { eventually, viewOfUrl, waitForReader } from './app-helpers.mjs';
import { PHONE, DESKTOP, PHONE_VIEWS } from './phone-views.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const app = useApp();

/** Opens `v` on `page` and waits for its first row. */
async function openView(page, v) {
  await openApp(page, v.query);
  await page.waitForSelector(v.first, { state: 'attached', timeout: 10000 });
}

/** The viewport boxes of the first element matching each selector. */
function boxes(page, selectors) {
  return page.evaluate((sels) => sels.map((s) => {
    const e = document.querySelector(s);
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  }), selectors);
}

for (const scheme of ['light', 'dark']) {
  test(`on a phone (390 × 844, ${scheme}) every view's heading and first row are on the first screen`, async () => {
    const page = await app.newPage({ viewport: PHONE, colorScheme: scheme });
    const failures = [];
    for (const v of PHONE_VIEWS) {
      await openView(page, v);
      const [heading, first] = await boxes(page, [v.heading, v.first]);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const where = `${v.name} (${v.query || 'start page'})`;
      if (!heading || heading.top < 0 || heading.bottom > PHONE.height) failures.push(`${where}: heading at ${JSON.stringify(heading)}`);
      // At least a line of the first row shows.
      if (!first || first.height === 0 || first.top > PHONE.height - 20) failures.push(`${where}: first row at ${JSON.stringify(first)}`);
      if (pageWidth > PHONE.width) failures.push(`${where}: the page is ${pageWidth} px wide`);
    }
    assert.deepEqual(failures, []);
  });
}

test('on a phone axe\'s target-size rule (24 × 24 px, WCAG 2.2) passes on every view', async () => {
  const page = await app.newPage({ viewport: PHONE });
  const failures = [];
  for (const v of PHONE_VIEWS) {
    await openView(page, v);
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations', 'passes'] });
      return { failed: r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`)), passed: r.passes.flatMap((v) => v.nodes).length };
    });
    assert.ok(violations.passed > 0, `${v.name}: axe checked no target`);
    failures.push(...violations.failed.map((f) => `${v.name}: ${f}`));
  }
  assert.deepEqual(failures, []);
});

test('on a phone each dispersion mark is at least 24 px both ways, apart from the others, and a tap opens its paragraph', async () => {
  const page = await app.newPage({ viewport: PHONE, hasTouch: true });
  await openApp(page, 'q=security&view=dispersion');
  await page.waitForSelector('.disp-figure.narrow a.tick-link');
  const marks = await page.$$eval('.disp-row', (rows) => rows.map((row) => [...row.querySelectorAll('a.tick-link')].map((a) => {
    const r = a.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width, height: r.height, ticks: a.querySelectorAll('line.tick').length };
  })));
  const all = marks.flat();
  assert.ok(all.length >= 5, `marks: ${all.length}`);
  for (const m of all) assert.ok(m.width >= 23.9 && m.height >= 23.9, `a mark of ${m.width} × ${m.height} px`);
  for (const row of marks) {
    for (let i = 1; i < row.length; i++) assert.ok(row[i].left >= row[i - 1].right - 0.5, 'two marks overlap');
  }
  // Every hit is drawn once: the ticks add up to the table's hits.
  const hits = await page.$$eval('.dispersion-table tbody tr', (rows) => rows.reduce((n, r) => n + Number(r.cells[4].textContent), 0));
  assert.equal(all.reduce((n, m) => n + m.ticks, 0), hits);
  // A tap on a mark opens the reader at the mark's (first) paragraph.
  const mark = page.locator('.disp-row a.tick-link').first();
  const label = await mark.getAttribute('aria-label');
  const paragraph = Number(/paragraphs? (\d+)/.exec(label)[1]);
  await mark.tap();
  await eventually(() => assert.equal(viewOfUrl(page.url(), app.url).p, String(paragraph)));
  await waitForReader(page, viewOfUrl(page.url(), app.url).doc);
});

test('on a phone the tabs are one row that scrolls, the current tab in view, the keyboard walking them', async () => {
  const page = await app.newPage({ viewport: PHONE });
  // A shared link to the last tab: its tab is scrolled into the row.
  await openApp(page, 'q=Afghanistan&view=dispersion');
  const row = await page.evaluate(() => {
    const ul = document.querySelector('nav.tabs ul');
    const tops = new Set([...ul.querySelectorAll('li')].map((li) => Math.round(li.getBoundingClientRect().top)));
    const u = ul.getBoundingClientRect();
    const a = ul.querySelector('a[aria-current="true"]').getBoundingClientRect();
    return { rows: tops.size, scrolls: ul.scrollWidth > ul.clientWidth, scrolled: ul.scrollLeft, inside: a.left >= u.left && a.right <= u.right };
  });
  assert.deepEqual({ ...row, scrolled: row.scrolled > 0 }, { rows: 1, scrolls: true, scrolled: true, inside: true });
  // The keyboard goes from tab to tab, each focused tab scrolled into the row.
  await page.focus('nav.tabs a >> nth=0');
  const names = [];
  for (let i = 0; i < 10; i++) {
    // The browser scrolls a focused link into its box (in a frame or two).
    const focused = await eventually(async () => {
      const f = await page.evaluate(() => {
        const a = document.activeElement;
        const u = a.closest('ul').getBoundingClientRect();
        const r = a.getBoundingClientRect();
        return { name: a.textContent, inside: r.left >= u.left - 1 && r.right <= u.right + 1 };
      });
      assert.ok(f.inside, `${f.name} focused out of sight`);
      return f;
    });
    names.push(focused.name);
    if (i < 9) await page.keyboard.press('Tab');
  }
  assert.equal(names.length, 10);
  assert.equal(new Set(names).size, 10, names.join(', '));
  // Back one, and Enter: that view, its tab in view.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await eventually(() => assert.equal(viewOfUrl(page.url(), app.url).view, 'collocates'));
  await page.waitForSelector('main[data-ready="true"] .collocates-view');
  const shown = await page.evaluate(() => {
    const ul = document.querySelector('nav.tabs ul').getBoundingClientRect();
    const a = document.querySelector('nav.tabs a[aria-current="true"]');
    const r = a.getBoundingClientRect();
    return { name: a.textContent, inside: r.left >= ul.left && r.right <= ul.right };
  });
  assert.deepEqual(shown, { name: 'Collocates', inside: true });
});

test('on a phone the introduction shows on the start page only, from the first paint', async () => {
  const page = await app.newPage({ viewport: PHONE });
  const ledeShown = () => page.evaluate(() => document.querySelector('.lede').getBoundingClientRect().height > 0);
  await openApp(page, '');
  assert.equal(await ledeShown(), true);
  await page.click('nav.tabs a:has-text("Concordance")');
  await page.waitForSelector('main[data-ready="true"] .concordance');
  assert.equal(await ledeShown(), false);
  await page.goBack();
  await page.waitForSelector('main[data-ready="true"] .result');
  assert.equal(await ledeShown(), true);
  // A shared link: folded before any wasm runs (nothing moves when it does).
  await page.route('**/*.wasm', () => {});
  await page.goto(new URL('?q=Afghanistan&view=dispersion', app.url).href, { waitUntil: 'domcontentloaded' });
  assert.equal(await ledeShown(), false);
  await page.goto(new URL('statements/2016-bordyuzha/', app.url).href, { waitUntil: 'domcontentloaded' });
  assert.equal(await ledeShown(), false);
  // On a desktop it stays.
  await page.setViewportSize(DESKTOP);
  assert.equal(await ledeShown(), true);
});
