// App-specific helpers for the browser tests (corpus, search, url, reader):
// what the page shows, read back as plain data, and waits that poll until the
// page agrees instead of sleeping. The generic harness is helpers.mjs.

import assert from 'node:assert/strict';
import { appRootOf } from './helpers.mjs';

/** The five statements, oldest first, with the facts of `../shared/CORPUS_FACTS.md` (from the repository root). */
export const STATEMENTS = [
  {
    id: '2004-kazykhanov',
    speakerId: 'kazykhanov',
    speaker: 'Yerzhan Kazykhanov',
    role: /^Permanent Representative of Kazakhstan to the (UN|United Nations), speaking on behalf of the CSTO member States$/,
    iso: '2004-07-19',
    date: '19 July 2004',
    year: 2004,
    inferred: true,
    venue: /UN Security Council, briefing by the Chairman of the Counter-Terrorism Committee/,
    record: /UN verbatim record.*symbol not confirmed/,
    paragraphs: 9,
  },
  {
    id: '2007-nazarbayev',
    speakerId: 'nazarbayev',
    speaker: 'Nursultan Nazarbayev',
    role: /^President of Kazakhstan$/,
    iso: '2007-10-06',
    date: '6 October 2007',
    year: 2007,
    inferred: false,
    venue: /Session of the CSTO Collective Security Council, Dushanbe, Tajikistan/,
    record: /press release on the website of the President of Kazakhstan \(Akorda\)/i,
    paragraphs: 13,
  },
  {
    id: '2016-bordyuzha',
    speakerId: 'bordyuzha',
    speaker: 'Nikolai Bordyuzha',
    role: /^Secretary-General of the CSTO$/,
    iso: '2016-10-28',
    date: '28 October 2016',
    year: 2016,
    inferred: false,
    venue: /UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO/,
    record: /^S\/PV\.7796$/,
    // 16 in the source; ¶9 is two paragraphs (split_after in its metadata)
    paragraphs: 17,
  },
  {
    id: '2019-semerikov',
    speakerId: 'semerikov',
    speaker: 'Valery Semerikov',
    role: /^Acting Secretary-General of the CSTO$/,
    iso: '2019-09-25',
    date: '25 September 2019',
    year: 2019,
    inferred: false,
    venue: /UN Security Council ministerial debate .*countering terrorist threats/,
    record: /^S\/PV\.8626$/,
    paragraphs: 19,
  },
  {
    id: '2024-tasmagambetov',
    speakerId: 'tasmagambetov',
    speaker: 'Imangali Tasmagambetov',
    role: /^Secretary General of the CSTO$/,
    iso: '2024-07-19',
    date: '19 July 2024',
    year: 2024,
    inferred: false,
    venue: /UN Security Council debate on cooperation between the United Nations and regional organizations/,
    record: /CSTO website.*S\/PV\.9688/,
    paragraphs: 30,
  },
];
export const IDS_BY_DATE = STATEMENTS.map((s) => s.id);
export const byId = (id) => STATEMENTS.find((s) => s.id === id);

/**
 * Retry `fn` (which asserts) until it passes or `timeout` ms have gone by, then
 * rethrow its last error: expect.poll for node:test. Returns fn's result.
 */
export async function eventually(fn, { timeout = 5000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/**
 * The view an address shows, read as the app reads it
 * (core/src/view/address.rs): the statement from the path
 * (`statements/<id>/` under the app's root), the paragraph from the fragment
 * (`#p7`), everything else from the query (the last value of a repeated key
 * wins); as one plain object of strings, e.g.
 * `…/statements/2016-bordyuzha/?q=kanal#p7` → { q: 'kanal', doc: '2016-bordyuzha', p: '7' },
 * so tests compare views, not strings.
 *
 * Strict about the form, so that a test comparing views also checks that the
 * address is the app's own: what the app never writes is kept under a key of
 * its own that no expected view has: a `doc` or `p` in the query (the older
 * links, which the app replaces) as '?doc' / '?p', a path that is neither the
 * root nor a statement's page as 'path', another fragment as '#'.
 * `root`: the app's root URL (e.g. app.url); without it, the root is what the
 * path says (the directory above `statements/<id>/`, or the path itself).
 */
export function viewOfUrl(url, root) {
  const u = new URL(url);
  const out = {};
  for (const [k, v] of u.searchParams) out[k === 'doc' || k === 'p' ? `?${k}` : k] = v;
  const rootPath = root ? new URL(root).pathname : /^(.*\/)statements\/[^/]+\/$/.exec(u.pathname)?.[1] ?? u.pathname;
  const rel = u.pathname.startsWith(rootPath) ? u.pathname.slice(rootPath.length) : null;
  const m = rel === null ? null : /^statements\/([a-z0-9-]+)\/$/.exec(rel);
  if (m) out.doc = m[1];
  else if (rel !== '') out.path = u.pathname;
  const p = /^#p([1-9]\d*)$/.exec(u.hash);
  if (p) out.p = p[1];
  else if (u.hash) out['#'] = u.hash;
  return out;
}

/** The view of a link's href (relative to the app's root `root`, as the page's links are), as viewOfUrl reads it. */
export function viewOfHref(href, root) {
  return viewOfUrl(new URL(href, root).href, root);
}

/**
 * The address of a view, relative to the app's root, in the app's form:
 * { doc, p, ...query } → 'statements/<doc>/?query#p<p>', { ...query } → '?query'.
 * The query keeps the object's order.
 */
export function hrefOf({ doc, p, ...query } = {}) {
  const qs = new URLSearchParams(query).toString();
  if (!doc) return qs ? `?${qs}` : './';
  return `statements/${doc}/${qs ? `?${qs}` : ''}${p ? `#p${p}` : ''}`;
}

/** The view of the page's address (viewOfUrl, under the app's root when useApp() made the page). */
export function urlParams(page) {
  return viewOfUrl(page.url(), appRootOf(page));
}

/** Wait until the view of the address bar is exactly `expected` ({ doc, p, ...query }: see viewOfUrl). */
export function waitForParams(page, expected, opts) {
  return eventually(() => assert.deepEqual(urlParams(page), expected, `URL ${page.url()}`), opts);
}

/** What the result list shows: count line, statement ids in order, snippets. */
export function readResults(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    return {
      count: text(document.querySelector('#result-count')),
      ids: [...document.querySelectorAll('li.result')].map((r) => r.dataset.statement),
      snippets: [...document.querySelectorAll('li.result li.snippet')].map((s) => ({
        statement: s.closest('li.result').dataset.statement,
        pnum: text(s.querySelector('a.pnum')),
        href: s.querySelector('a.pnum')?.getAttribute('href'),
        text: text(s),
        marks: [...s.querySelectorAll('mark.hit')].map((m) => m.textContent),
      })),
      hits: Object.fromEntries(
        [...document.querySelectorAll('li.result')].map((r) => [r.dataset.statement, text(r.querySelector('.hits'))]),
      ),
      suggestions: [...document.querySelectorAll('ul.suggestions a')].map((a) => text(a)),
      notices: [...document.querySelectorAll('section.notices li')].map((li) => text(li)),
    };
  });
}

/** "4 statements, 5 passages" → { statements: 4, passages: 5 }. */
export function parseCount(text) {
  const m = /^(\d+) statements?, (\d+) passages?$/.exec(text ?? '');
  assert.ok(m, `unexpected result count text: ${JSON.stringify(text)}`);
  return { statements: Number(m[1]), passages: Number(m[2]) };
}

/** Wait until #result-count reads `expected` (string or RegExp); returns readResults(). */
export function waitForCount(page, expected, opts) {
  return eventually(async () => {
    const r = await readResults(page);
    if (expected instanceof RegExp) assert.match(r.count ?? '', expected);
    else assert.equal(r.count, expected);
    return r;
  }, opts);
}

/** Wait until the result list shows exactly these statements in this order; returns readResults(). */
export function waitForIds(page, ids, opts) {
  return eventually(async () => {
    const r = await readResults(page);
    assert.deepEqual(r.ids, ids);
    return r;
  }, opts);
}

/** Every facet: { speaker: {id: {checked, count}}, year: {...}, theme: {...}, from, to, sort, q }. */
export function readFacets(page) {
  return page.evaluate(() => {
    const out = { speaker: {}, year: {}, theme: {} };
    for (const name of ['speaker', 'year', 'theme']) {
      for (const input of document.querySelectorAll(`#facet-${name} input[name=${name}]`)) {
        const label = document.querySelector(`label[for="${input.id}"]`) ?? input.closest('li');
        out[name][input.value] = {
          checked: input.checked,
          count: label?.querySelector('.count')?.textContent.trim() ?? null,
        };
      }
    }
    out.from = document.querySelector('#facet-year input[name=from]')?.value ?? null;
    out.to = document.querySelector('#facet-year input[name=to]')?.value ?? null;
    out.sort = document.querySelector('#sort')?.value ?? null;
    out.q = document.querySelector('#q')?.value ?? null;
    return out;
  });
}

/** The counts only: { speaker: {id: 'S · P'}, ... } for one facet. */
export async function facetCounts(page, name) {
  const f = await readFacets(page);
  return Object.fromEntries(Object.entries(f[name]).map(([k, v]) => [k, v.count]));
}

/** The ticked values of one facet, in DOM order. */
export async function checkedValues(page, name) {
  const f = await readFacets(page);
  return Object.entries(f[name]).filter(([, v]) => v.checked).map(([k]) => k);
}

/** Type into the search box as a user does (replacing what is there). */
export async function search(page, q) {
  await page.fill('#q', q);
}

/** Click a facet checkbox (by facet and value) as a user does. */
export async function tick(page, name, value) {
  await page.click(`#facet-${name} input[name=${name}][value="${value}"]`);
}

/** What the reader shows. */
export function readReader(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    const art = document.querySelector('article.reader');
    if (!art) return null;
    const prov = {};
    for (const dt of art.querySelectorAll('dl.provenance dt')) prov[text(dt)] = text(dt.nextElementSibling);
    return {
      id: art.dataset.statement,
      title: text(document.querySelector('#reader-title')),
      provenance: prov,
      inferred: !!art.querySelector('dl.provenance .inferred'),
      datetime: art.querySelector('dl.provenance time')?.getAttribute('datetime') ?? null,
      paragraphs: [...art.querySelectorAll('div.para')].map((d) => ({
        id: d.id,
        target: d.classList.contains('target'),
        text: text(d.querySelector('p')),
        marks: [...d.querySelectorAll('mark.hit')].map((m) => m.textContent),
        chips: [...d.querySelectorAll('.para-themes li.chip')].map((c) => ({
          theme: c.dataset.theme,
          label: text(c.firstChild),
          evidence: text(c.querySelector('.evidence')),
        })),
      })),
      hitCount: text(art.querySelector('.hit-count')),
      marks: art.querySelectorAll('.statement-text mark.hit').length,
      current: [...art.querySelectorAll('mark.hit.current')].map((m) => Number(m.dataset.hit)),
    };
  });
}

/** Wait until the reader shows statement `id`; returns readReader(). */
export function waitForReader(page, id, opts) {
  return eventually(async () => {
    const r = await readReader(page);
    assert.equal(r?.id, id, 'reader not showing the statement');
    return r;
  }, opts);
}

/** Whether the element matching `selector` is (at least partly) inside the viewport. */
export function inViewport(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  }, selector);
}

/** Whole-page snapshot of a view (results or reader, facets, query) for "reproduces exactly". */
export async function snapshot(page) {
  return { results: await readResults(page), facets: await readFacets(page), reader: await readReader(page) };
}

/**
 * Record every history.pushState / replaceState call (with its URL and time),
 * every keydown time and every change of #result-count on window.__nav, from
 * before the app's scripts run.
 * Must be called before page.goto.
 */
export async function recordHistory(page) {
  await page.addInitScript(() => {
    const log = { calls: [], keys: [] };
    window.__nav = log;
    for (const kind of ['pushState', 'replaceState']) {
      const orig = History.prototype[kind];
      History.prototype[kind] = function (...args) {
        log.calls.push({ kind, url: String(args[2]), t: performance.now() });
        return orig.apply(this, args);
      };
    }
    addEventListener('keydown', () => log.keys.push(performance.now()), true);
    // Every change of the result count line, with its time.
    log.counts = [];
    new MutationObserver(() => {
      const text = document.querySelector('#result-count')?.textContent ?? null;
      if (text !== null && text !== log.counts.at(-1)?.text) log.counts.push({ text, t: performance.now() });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** The history calls and keystroke times recorded by recordHistory(). */
export function historyLog(page) {
  return page.evaluate(() => window.__nav);
}

/**
 * App requests since `from` (as requestsSince() formats them), leaving out the
 * page's own <link rel="icon">: Chromium re-fetches the icon after each
 * pushState/replaceState when it was served with no-store (as the test server
 * does), which is the browser's doing, not a request the app makes.
 */
export async function requestsSinceExceptIcon(page, server, from) {
  const icons = await page.$$eval('link[rel~="icon"]', (ls) => ls.map((l) => new URL(l.href).pathname));
  return server.requests
    .slice(from)
    .filter((r) => !/^\/favicon\.ico$/.test(r.path) && !icons.includes(r.path))
    .map((r) => `${r.status} ${r.method} ${r.url}`);
}
