// Accessibility: axe-core (all its default rules: WCAG 2.x A/AA and best
// practices) finds no violation in any view, in light and dark color schemes;
// the keyboard reaches the search box and the facets, and focus is visible.
//
// The app is served with the strict CSP as in production. axe is injected with
// page.evaluate (the DevTools protocol is not subject to the page's CSP; an
// inline <script> would be blocked).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { useApp, openApp } from './helpers.mjs';
import { eventually, urlParams, waitForReader } from './app-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const app = useApp(); // strict CSP

/** Run axe on the page; returns its violations. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 160),
        summary: n.failureSummary?.replace(/\s+/g, ' ').trim(),
      })),
    }));
  });
}

/** The violations as readable text, one block per rule. */
function describe(violations) {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    - element: ${n.target}\n      html:    ${n.html}\n      fix:     ${n.summary}`).join('\n'),
    )
    .join('\n');
}

// Each state: the address, and what to do once it has rendered.
const STATES = [
  ['results, browsing', ''],
  ['results with a query', 'q=terrorism'],
  ['results with notices', 'q=kanal&speaker=nobody&year=-5'],
  ['concordance', 'view=concordance&q=peacekeeping', (p) => p.waitForSelector('table.kwic')],
  ['trends', 'view=trends&q=terrorism', (p) => p.waitForSelector('section.trends svg')],
  ['theme overview', 'view=themes', (p) => p.waitForSelector('table.theme-grid')],
  ['compare', 'view=compare', (p) => p.waitForSelector('section.keywords-view')],
  ['word list', 'view=words&stem=1', (p) => p.waitForSelector('section.word-list-view table')],
  ['n-grams', 'q=terrorism&view=ngrams&n=3&with=1', (p) => p.waitForSelector('section.ngrams-view table')],
  ['summary', 'view=summary', (p) => p.waitForSelector('section.summary-view table')],
  ['reader', 'statements/2016-bordyuzha/?q=kanal', (p) => waitForReader(p, '2016-bordyuzha')],
  ['statement page (prerendered, hydrated)', 'statements/2016-bordyuzha/#p7', (p) => waitForReader(p, '2016-bordyuzha')],
  ['collocates', 'view=collocates&q=terrorism', (p) => p.waitForSelector('table.collocates-table')],
  ['collocates, no query', 'view=collocates', (p) => p.waitForSelector('section.collocates-view .empty')],
  ['dispersion', 'view=dispersion&q=Afghanistan', (p) => p.waitForSelector('section.dispersion-view svg.disp-bar a')],
  ['reader, NEAR hit', 'statements/2016-bordyuzha/?q=international+NEAR%2F3+terrorism', (p) => waitForReader(p, '2016-bordyuzha')],
  [
    'help open',
    'q=terrorism',
    async (p) => {
      await p.click('details.help summary');
      await p.waitForSelector('details.help[open] .help-body table');
    },
  ],
  [
    'export menu open',
    'view=concordance&q=peacekeeping',
    async (p) => {
      await p.click('details.export-menu summary');
      await p.waitForSelector('details.export-menu[open] button.export');
    },
  ],
  [
    'citation open',
    'statements/2016-bordyuzha/?q=kanal',
    async (p) => {
      await waitForReader(p, '2016-bordyuzha');
      await p.click('button.cite-toggle >> nth=0');
      await p.waitForSelector('.cite-box textarea');
    },
  ],
];

// Desktop, and a phone's width (where wide tables and charts scroll and must
// be reachable by keyboard: axe `scrollable-region-focusable`).
const WIDTHS = [
  ['desktop', { width: 1280, height: 800 }],
  ['390 px', { width: 390, height: 844 }],
];

for (const [widthName, viewport] of WIDTHS) {
  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violation in any view (${widthName}, ${scheme} color scheme)`, async () => {
      const page = await app.newPage({ colorScheme: scheme, viewport });
      await page.emulateMedia({ colorScheme: scheme });
      const failures = [];
      for (const [name, query, prepare] of STATES) {
        await openApp(page, query);
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
        if (prepare) await prepare(page);
        const violations = await axe(page);
        if (violations.length) failures.push(`--- ${name} (${/^statements\//.test(query) ? query : `?${query}`}, ${widthName}, ${scheme}) ---\n${describe(violations)}`);
      }
      assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
    });
  }
}

/** Press Tab until `pred` holds for the focused element (at most `max` times); returns the presses used. */
async function tabUntil(page, pred, max = 60) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred)) return i;
  }
  return Infinity;
}

/** How the focused element is drawn: its outline and box-shadow, and whether it matches :focus-visible. */
const focusStyle = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: el.textContent.trim().slice(0, 40),
      focusVisible: el.matches(':focus-visible'),
      outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      outlineVisible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
      boxShadow: cs.boxShadow,
    };
  });

test('keyboard: Tab reaches the search box, Space toggles a facet, focus is visible on links', async () => {
  const page = await app.newPage();
  await openApp(page, '');

  // From the top of the page, the search box is among the first stops.
  const toSearch = await tabUntil(page, () => document.activeElement?.id === 'q', 5);
  assert.ok(toSearch <= 3, `Tab reached the search box only after ${toSearch} presses`);
  await page.keyboard.type('terrorism');
  await eventually(() => assert.equal(urlParams(page).q, 'terrorism'));

  // On to a facet checkbox; Space ticks it and ticks it off again.
  const toFacet = await tabUntil(
    page,
    () => document.activeElement?.matches('#facet-speaker input[type=checkbox]') ?? false,
  );
  assert.ok(Number.isFinite(toFacet), 'Tab never reached a speaker checkbox');
  const value = await page.evaluate(() => document.activeElement.value);
  await page.keyboard.press('Space');
  await eventually(() => assert.equal(urlParams(page).speaker, value, 'Space did not tick the facet'));
  await eventually(async () => assert.equal(await page.locator(`#facet-speaker input[value="${value}"]`).isChecked(), true));
  // The re-render keeps the focus on the checkbox, so Space unticks it.
  assert.equal(await page.evaluate(() => document.activeElement?.value), value, 'focus left the checkbox after ticking it');
  await page.keyboard.press('Space');
  await eventually(() => assert.equal(urlParams(page).speaker, undefined, 'Space did not untick the facet'));

  // Every link the keyboard reaches shows where the focus is.
  await openApp(page, 'q=terrorism');
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const s = await focusStyle(page);
    if (s.tag !== 'a') continue;
    seen.push(s);
  }
  assert.ok(seen.length >= 5, `only ${seen.length} links reached by Tab`);
  const invisible = seen.filter((s) => !s.focusVisible || !(s.outlineVisible || (s.boxShadow && s.boxShadow !== 'none')));
  assert.deepEqual(invisible, [], 'focused links without a visible focus indicator');
});
