// The flows that matter to a reader, written once and run in every engine
// (chromium.test.mjs, firefox.test.mjs, webkit.test.mjs) through the driver
// interface of drivers.mjs: the list, a search with an alias, a phrase, a
// facet and Back, a shared link in a fresh browser (to the results and to an
// analysis view), a paragraph link (a statement's page at #p7, and an older
// ?doc=…&p=… link moving there), every research view, an export, a hostile
// address, the service worker, and no CSP violation in any of them (reported
// by the browser to the test server with report-uri, so load-time violations
// count too).
//
//   import { runFlows } from './flows.mjs';
//   runFlows(firefoxDriver);   // registers the node:test tests

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../server.mjs';
import { DIST_DIR, BASE_PATH, READY_SELECTOR, addressUnder } from '../helpers.mjs';
import { IDS_BY_DATE, STATEMENTS, eventually, readResults, readReader, readFacets, parseCount, viewOfUrl } from '../app-helpers.mjs';
import { csvObjects } from '../research-helpers.mjs';

const TOTAL_PARAGRAPHS = STATEMENTS.reduce((n, s) => n + s.paragraphs, 0);
const WAIT = { timeout: 15000, interval: 50 };

/** Open the app at `query` (without '?'; or an address relative to the root, 'statements/<id>/…') in `tab` and wait until it has rendered. */
async function open(tab, url, query = '') {
  await tab.goto(addressUnder(url, query));
  await eventually(async () => {
    const ready = await tab.evaluate((s) => !!document.querySelector(s), READY_SELECTOR);
    assert.ok(ready, `the app did not render${tab.pageErrors?.length ? `; page errors: ${tab.pageErrors.join(' | ')}` : ''}`);
  }, WAIT);
}

/** The view of the tab's address: { doc (from the path), p (from #pN), ...query } (viewOfUrl of app-helpers.mjs). */
async function params(tab, root) {
  return viewOfUrl(await tab.url(), root);
}

function waitForParams(tab, expected, root) {
  return eventually(async () => assert.deepEqual(await params(tab, root), expected), WAIT);
}

function waitForResults(tab, check) {
  return eventually(async () => {
    const r = await readResults(tab);
    check(r);
    return r;
  }, WAIT).catch(async (err) => {
    // Say what the page was showing: the text in the box and the address
    // tell a dropped keystroke from a wrong search.
    const field = await tab.evaluate(() => document.querySelector('#q')?.value ?? null).catch(() => '?');
    err.message += `\n  search box: ${JSON.stringify(field)}; address: ${await tab.url().catch(() => '?')}`;
    throw err;
  });
}

const marksOf = (r) => {
  const out = {};
  for (const s of r.snippets) (out[s.statement] ??= []).push(...s.marks);
  return out;
};

/** The whole view, for "a shared link shows the same". */
async function snapshot(tab) {
  return { results: await readResults(tab), facets: await readFacets(tab), reader: await readReader(tab) };
}

/** Click the tab of the view labelled `label`. */
async function clickTab(tab, label) {
  const i = await tab.evaluate((l) => [...document.querySelectorAll('nav.tabs a.tab')].findIndex((a) => a.textContent.trim() === l), label);
  assert.ok(i >= 0, `no tab ${label}`);
  await tab.click(`nav.tabs li:nth-child(${i + 1}) a.tab`);
}

const count = (tab, selector) => tab.evaluate((s) => document.querySelectorAll(s).length, selector);

export const FLOWS = [
  {
    name: 'the list: five statements, oldest first',
    async run({ tab, url }) {
      await open(tab, url);
      const r = await readResults(tab);
      assert.equal(r.count, `5 statements, ${TOTAL_PARAGRAPHS} passages`);
      assert.deepEqual(r.ids, IDS_BY_DATE);
      assert.deepEqual(r.notices, []);
      assert.deepEqual(await params(tab, url), {});
    },
  },
  {
    name: 'a search with an alias: Kanal also finds Canal and Channel',
    async run({ tab, url }) {
      await open(tab, url);
      await tab.fill('#q', 'Kanal');
      const r = await waitForResults(tab, (r) => assert.match(r.count ?? '', /^4 statements, \d+ passages$/));
      assert.deepEqual([...r.ids].sort(), ['2007-nazarbayev', '2016-bordyuzha', '2019-semerikov', '2024-tasmagambetov']);
      const marks = marksOf(r);
      assert.ok(marks['2007-nazarbayev'].includes('Channel'), `2007: ${marks['2007-nazarbayev']}`);
      assert.ok(marks['2016-bordyuzha'].includes('Kanal'), `2016: ${marks['2016-bordyuzha']}`);
      assert.ok(marks['2019-semerikov'].includes('Canal'), `2019: ${marks['2019-semerikov']}`);
      await waitForParams(tab, { q: 'Kanal' }, url);
    },
  },
  {
    name: 'a phrase: "illegal migration" only as words in a row',
    async run({ tab, url }) {
      await open(tab, url);
      await tab.fill('#q', '"illegal migration"');
      const r = await waitForResults(tab, (r) => assert.equal(r.count, '4 statements, 7 passages'));
      const marks = r.snippets.flatMap((s) => s.marks);
      assert.ok(marks.length > 0);
      for (const m of marks) assert.match(m, /^illegal migration$/i);
      await waitForParams(tab, { q: '"illegal migration"' }, url);
    },
  },
  {
    name: 'a facet and Back: ticking a speaker is a history entry',
    async run({ tab, url }) {
      await open(tab, url, 'q=terrorism');
      const all = await waitForResults(tab, (r) => assert.match(r.count ?? '', /^5 statements/));
      const box = '#facet-speaker input[name=speaker][value="bordyuzha"]';
      await tab.click(box);
      await waitForParams(tab, { q: 'terrorism', speaker: 'bordyuzha' }, url);
      await waitForResults(tab, (r) => assert.deepEqual(r.ids, ['2016-bordyuzha']));
      assert.equal((await readFacets(tab)).speaker.bordyuzha.checked, true);
      await tab.back();
      await waitForParams(tab, { q: 'terrorism' }, url);
      await waitForResults(tab, (r) => assert.deepEqual(r.ids, all.ids));
      assert.equal((await readFacets(tab)).speaker.bordyuzha.checked, false);
    },
  },
  {
    name: 'a shared link opened in a fresh browser shows the same view',
    async run({ tab, url, driver }) {
      await open(tab, url);
      await tab.fill('#q', 'Kanal OR "illegal migration"');
      await waitForParams(tab, { q: 'Kanal OR "illegal migration"' }, url);
      await tab.click('#facet-year input[name=year][value="2016"]');
      await waitForParams(tab, { q: 'Kanal OR "illegal migration"', year: '2016' }, url);
      await tab.click('#facet-year input[name=year][value="2024"]');
      await waitForParams(tab, { q: 'Kanal OR "illegal migration"', year: '2016,2024' }, url);
      const view = await waitForResults(tab, (r) => assert.deepEqual([...r.ids].sort(), ['2016-bordyuzha', '2024-tasmagambetov']));
      assert.ok(view.snippets.length > 0);
      const shared = await tab.url();
      const expected = await snapshot(tab);
      const fresh = await driver.open();
      try {
        await fresh.goto(shared);
        await eventually(async () => assert.deepEqual(await snapshot(fresh), expected), WAIT);
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: 'a shared link to an analysis view opened in a fresh browser: the worker index.html started is taken over and the view is complete',
    async run({ url, driver }) {
      const fresh = await driver.open();
      try {
        await open(fresh, url, 'q=terrorism&view=collocates');
        await eventually(async () => assert.ok((await count(fresh, 'section.collocates-view table.collocates-table tbody tr')) > 0, 'no collocate'), WAIT);
        const caption = await fresh.evaluate(() => document.querySelector('table.collocates-table caption')?.textContent ?? '');
        assert.match(caption, /^Collocates of “terrorism”/);
        assert.equal(await fresh.evaluate(() => 'cstoAnalyses' in window), false, 'the page did not take over the early worker');
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: 'a paragraph link opens the statement at that paragraph',
    async run({ tab, url }) {
      await open(tab, url, 'statements/2016-bordyuzha/#p7');
      assert.deepEqual(await params(tab, url), { doc: '2016-bordyuzha', p: '7' });
      const r = await eventually(async () => {
        const r = await readReader(tab);
        assert.equal(r?.id, '2016-bordyuzha');
        return r;
      }, WAIT);
      assert.deepEqual(r.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7']);
      assert.match(r.paragraphs[6].text, /^As a result of the migration crisis in Europe/);
      const inView = (sel) =>
        tab.evaluate((s) => {
          const b = document.querySelector(s).getBoundingClientRect();
          return b.bottom > 0 && b.top < innerHeight;
        }, sel);
      await eventually(async () => assert.ok(await inView('#p7'), '¶7 is not in view'), WAIT);
      await tab.click('#p12 a.pnum');
      await waitForParams(tab, { doc: '2016-bordyuzha', p: '12' }, url);
      await eventually(async () => {
        const now = await readReader(tab);
        assert.deepEqual(now.paragraphs.filter((p) => p.target).map((p) => p.id), ['p12']);
      }, WAIT);
      // An older link (?doc=…&p=…) opens the same, and its address becomes the statement's page.
      await open(tab, url, 'q=Kanal&doc=2016-bordyuzha&p=5');
      await waitForParams(tab, { q: 'Kanal', doc: '2016-bordyuzha', p: '5' }, url);
      assert.equal(await tab.url(), `${url}statements/2016-bordyuzha/?q=Kanal#p5`);
      await eventually(async () => {
        const now = await readReader(tab);
        assert.deepEqual(now?.paragraphs.filter((p) => p.target).map((p) => p.id), ['p5']);
        assert.ok(now.paragraphs[4].marks.includes('Kanal'), `¶5 marks: ${now.paragraphs[4].marks}`);
      }, WAIT);
    },
  },
  {
    name: 'a statement page: its prerendered markup hydrated, then a search with the hit buttons, and back to the list',
    async run({ tab, url }) {
      await open(tab, url, 'statements/2019-semerikov/');
      // Taken over, not drawn again: the app keeps #app's data-view only
      // when it hydrates the markup (src/lib.rs).
      assert.equal(await tab.evaluate(() => document.getElementById('app').getAttribute('data-view')), 'doc=2019-semerikov');
      const r = await readReader(tab);
      assert.equal(r.paragraphs.length, STATEMENTS.find((s) => s.id === '2019-semerikov').paragraphs);
      assert.match(await tab.evaluate(() => document.querySelector('.cite-as .citation').textContent), /statements\/2019-semerikov\/\. Corpus version/);
      await tab.fill('#q', 'terrorism');
      await eventually(async () => assert.ok((await count(tab, 'article.reader mark.hit')) > 0, 'no hit highlighted'), WAIT);
      await tab.click('.hit-nav button:last-of-type');
      await eventually(async () => assert.equal(await count(tab, 'mark.hit.current'), 1), WAIT);
      await waitForParams(tab, { doc: '2019-semerikov', q: 'terrorism' }, url);
      // The step scrolled to the hit; the way back is at the top. Clicking
      // it scrolls it into view below the sticky search bar (the controls'
      // scroll margin), not under it, where the bar would take the click.
      await tab.click('.reader-nav a.back');
      await waitForParams(tab, { q: 'terrorism' }, url);
      await waitForResults(tab, (r) => assert.ok(r.ids.includes('2019-semerikov'), `results: ${r.ids}`));
    },
  },
  {
    name: 'each research view renders: concordance, trends, theme overview, distinctive terms',
    async run({ tab, url }) {
      await open(tab, url, 'q=peacekeeping');
      await clickTab(tab, 'Concordance');
      await waitForParams(tab, { q: 'peacekeeping', view: 'concordance' }, url);
      await eventually(async () => assert.ok((await count(tab, 'table.kwic tr.kwic-line')) > 0, 'no concordance line'), WAIT);
      const hits = await tab.evaluate(() => [...document.querySelectorAll('table.kwic tr.kwic-line td.hit')].map((td) => td.textContent));
      for (const h of hits) assert.match(h, /^peacekeep/i);

      await clickTab(tab, 'Trends');
      await eventually(async () => assert.ok((await count(tab, 'section.trends svg.trend-chart g.series circle.point')) > 0, 'no trend point'), WAIT);
      assert.ok((await count(tab, 'section.trends table.trend-table tbody tr')) > 0, 'no trend table');

      await open(tab, url, 'view=themes');
      await eventually(async () => assert.ok((await count(tab, 'table.theme-grid tbody tr[data-theme]')) > 0, 'no theme row'), WAIT);
      await open(tab, url, 'view=compare');
      await eventually(async () => assert.ok((await count(tab, 'section.keywords-view table.keywords tbody tr')) > 0, 'no compared term'), WAIT);
    },
  },
  {
    name: 'an export downloads and parses: CSV and JSON, one row per result',
    async run({ tab, url }) {
      await open(tab, url, 'q=terrorism');
      const r = await waitForResults(tab, (r) => assert.match(r.count ?? '', /^5 statements/));
      const { statements, passages } = parseCount(r.count);
      const openMenu = async () => {
        if (!(await tab.evaluate(() => document.querySelector('details.export-menu').open))) await tab.click('details.export-menu > summary');
      };
      await openMenu();
      const csv = await tab.download('button.export-statements-csv');
      assert.equal(csv.name, 'csto-statements.csv');
      const rows = csvObjects(csv.text).records;
      assert.equal(rows.length, statements);
      assert.deepEqual(rows.map((row) => row.id), r.ids);
      await openMenu();
      const json = await tab.download('button.export-passages-json');
      assert.equal(json.name, 'csto-passages.json');
      const list = JSON.parse(json.text);
      assert.equal(list.length, passages);
      for (const p of list) assert.match(p.text, /terror/i);
    },
  },
  {
    name: 'a hostile address is shown as text and runs nothing',
    async run({ tab, url }) {
      const payload = '<img src=x onerror=window.__pwned=1>"><script>window.__pwned=1</script>';
      await open(tab, url, new URLSearchParams({ q: payload, speaker: payload, doc: payload }).toString());
      const seen = await tab.evaluate(() => ({
        q: document.querySelector('#q').value,
        pwned: window.__pwned ?? null,
        injected: document.querySelectorAll('img[src="x"], body script, [onerror]').length,
        notices: [...document.querySelectorAll('section.notices li')].map((li) => li.textContent),
      }));
      assert.equal(seen.q, payload, 'the query is the literal text');
      assert.equal(seen.pwned, null, 'an injected script ran');
      assert.equal(seen.injected, 0, 'markup from the address became elements');
      assert.ok(seen.notices.length >= 2, `notices: ${seen.notices.join(' | ')}`);
    },
  },
  {
    name: 'on a phone (390–480 px): the tabs one row with the current tab in it, the introduction folded, dispersion marks a finger can hit',
    async run({ tab, url }) {
      const [width, height] = await tab.evaluate(() => [innerWidth, innerHeight]);
      await tab.resize({ width: 390, height: 844 });
      try {
        // WebKit's MiniBrowser keeps its window at least 447 px wide: a
        // phone's layout all the same (below 760 px; the plot's below 640).
        const inner = await tab.evaluate(() => innerWidth);
        assert.ok(inner >= 390 && inner <= 480, `a window ${inner} px wide`);
        await open(tab, url, 'q=security&view=dispersion');
        await eventually(async () => assert.ok((await count(tab, '.disp-figure.narrow a.tick-link')) > 0, 'no phone plot'), WAIT);
        const seen = await tab.evaluate(() => {
          const ul = document.querySelector('nav.tabs ul');
          const u = ul.getBoundingClientRect();
          const a = ul.querySelector('a[aria-current="true"]').getBoundingClientRect();
          const marks = [...document.querySelectorAll('a.tick-link')].map((m) => m.getBoundingClientRect());
          return {
            rows: new Set([...ul.querySelectorAll('li')].map((li) => Math.round(li.getBoundingClientRect().top))).size,
            currentInside: a.left >= u.left && a.right <= u.right,
            lede: document.querySelector('.lede').getBoundingClientRect().height,
            sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
            smallest: Math.min(...marks.map((r) => Math.min(r.width, r.height))),
          };
        });
        assert.deepEqual({ ...seen, smallest: seen.smallest >= 23.9 }, { rows: 1, currentInside: true, lede: 0, sideways: false, smallest: true }, JSON.stringify(seen));
        // A mark opens its paragraph.
        const paragraph = await tab.evaluate(() => /paragraphs? (\d+)/.exec(document.querySelector('.disp-row a.tick-link').getAttribute('aria-label'))[1]);
        // The mark's area (WebKitWebDriver finds an SVG link itself not interactable).
        await tab.click('.disp-row a.tick-link rect.hit-area');
        await eventually(async () => assert.equal((await params(tab, url)).p, paragraph), WAIT);
      } finally {
        await tab.resize({ width, height });
      }
    },
  },
  {
    name: 'the service worker registers and keeps the build',
    async run({ tab, url }) {
      await open(tab, url);
      const sw = await tab.evaluate(async () => {
        const reg = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 10000))]);
        if (!reg) return null;
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith(`csto-explorer ${reg.scope} `)));
        return {
          scope: reg.scope,
          state: reg.active?.state ?? null,
          caches: keys.filter((k) => k.startsWith('csto-explorer ')).length,
          cached: (await cache.keys()).map((r) => new URL(r.url).pathname).sort(),
        };
      });
      assert.ok(sw, 'no service worker became ready within 10 s');
      assert.equal(sw.scope, url);
      assert.equal(sw.state, 'activated');
      assert.equal(sw.caches, 1);
      assert.ok(sw.cached.includes(new URL(url).pathname), `index.html is not cached: ${sw.cached}`);
      for (const id of IDS_BY_DATE) {
        assert.ok(sw.cached.includes(`${new URL(url).pathname}statements/${id}/`), `the page of ${id} is not cached: ${sw.cached}`);
      }
      assert.ok(sw.cached.some((p) => p.endsWith('.wasm')), `the wasm is not cached: ${sw.cached}`);
    },
  },
];

/**
 * Register one node:test test per flow, run in the browser `makeDriver()`
 * starts, against the release dist/ served under BASE_PATH with the strict
 * CSP (and report-uri). A first test checks that the engine reports a CSP
 * violation (so "no report" means none happened); the last, that no flow
 * caused one. `skip`: { flowName: 'reason' } for flows an engine cannot run.
 */
export function runFlows(makeDriver, { skip = {} } = {}) {
  const ctx = { server: null, driver: null, tab: null, url: null };

  before(async () => {
    ctx.server = await startServer({ root: DIST_DIR, base: BASE_PATH, csp: true, cspReports: true });
    ctx.url = ctx.server.url;
    ctx.driver = await makeDriver();
    ctx.tab = await ctx.driver.open();
    console.log(`# ${ctx.driver.engine}: ${ctx.driver.version}`);
  });

  after(async () => {
    await ctx.tab?.close().catch(() => {});
    await ctx.driver?.close();
    await ctx.server?.close();
  });

  afterEach(async () => {
    const errors = ctx.tab?.pageErrors?.splice(0) ?? [];
    assert.deepEqual(errors, [], 'uncaught errors in the page');
  });

  test('the engine reports a CSP violation to the server (so that the last test means something)', async () => {
    await open(ctx.tab, ctx.url);
    const ran = await ctx.tab.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__cspProbe = 1';
      document.head.append(s);
      return window.__cspProbe ?? null;
    });
    assert.equal(ran, null, 'an inline script without the hash ran');
    await eventually(() => assert.ok(ctx.server.cspReports.length > 0, 'no CSP report arrived'), WAIT);
    assert.match(JSON.stringify(ctx.server.cspReports[0]), /script-src/);
    ctx.server.cspReports.splice(0);
    // Firefox also reports it as a page error, asynchronously: wait for it,
    // so it cannot land in the next test's check. Expected here, and only here.
    if (ctx.driver.engine === 'firefox') {
      await eventually(
        () => assert.ok(ctx.tab.pageErrors.some((e) => /Content-Security-Policy/.test(e)), 'Firefox reported no page error'),
        WAIT,
      );
    }
    if (ctx.tab.pageErrors) {
      const others = ctx.tab.pageErrors.splice(0).filter((e) => !/Content-Security-Policy/.test(e));
      ctx.tab.pageErrors.push(...others);
    }
  });

  for (const flow of FLOWS) {
    test(flow.name, { skip: skip[flow.name] ?? false }, () => flow.run(ctx));
  }

  test('no CSP violation in any flow', async () => {
    await new Promise((r) => setTimeout(r, 500)); // reports are sent asynchronously
    assert.deepEqual(ctx.server.cspReports, []);
  });
}
