// Helpers for the research-view tests (research.test.mjs): what the
// concordance, trends, theme overview, distinctive terms and entity facets
// show, read back as plain data; the statements' text read independently of
// those views (from the corpus files, or from the reader); downloads; CSV.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './helpers.mjs';
import { IDS_BY_DATE, eventually, waitForReader } from './app-helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = path.resolve(HERE, '..', '..', 'corpus', 'statements');

/** A statement's source text with its line breaks joined (before the app's cleanup). */
export function corpusText(id) {
  return fs.readFileSync(path.join(CORPUS_DIR, `${id}.txt`), 'utf8').replace(/\s*\n\s*/g, ' ');
}

/** Every spelling listed in corpus/aliases.toml, folded: words a search expands to other spellings. */
export function aliasTerms() {
  const toml = fs.readFileSync(path.resolve(CORPUS_DIR, '..', 'aliases.toml'), 'utf8');
  const out = new Set();
  for (const m of toml.matchAll(/^terms\s*=\s*\[(.*)\]/gm)) {
    for (const t of m[1].matchAll(/"([^"]*)"/g)) out.add(fold(t[1]));
  }
  return out;
}

/** Occurrences of `re` (global) in each statement's source text: { id: n }. */
export function countInCorpus(re) {
  return Object.fromEntries(IDS_BY_DATE.map((id) => [id, (corpusText(id).match(re) ?? []).length]));
}

export const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** The words of a text as the app's tokenizer cuts them: runs of letters and digits, inner apostrophes kept. */
export const words = (text) => text.match(/[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu) ?? [];

/** Lower case without diacritics or apostrophes (the app's fold, enough for sorting checks). */
export const fold = (w) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’ʼ]s$/i, '').replace(/['’ʼ]/g, '').toLowerCase();

/** Normalise whitespace. */
export const squash = (s) => s.replace(/\s+/g, ' ').trim();

let readerCache = null;
/**
 * Every statement's cleaned paragraphs as the reader shows them, read once
 * per test file: { id: [{ text, themes: ['counter-terrorism', ...] }, ...] }.
 */
export async function readerParagraphs(app) {
  if (readerCache) return readerCache;
  const page = await app.newPage();
  const out = {};
  for (const id of IDS_BY_DATE) {
    await openApp(page, `statements/${id}/`);
    const r = await waitForReader(page, id);
    out[id] = r.paragraphs.map((p) => ({ text: p.text, themes: p.chips.map((c) => c.theme) }));
  }
  readerCache = out;
  return out;
}

/** The repeated-parameter-aware query of the page: { key: [values] }. */
export function allParams(page) {
  const sp = new URL(page.url()).searchParams;
  const out = {};
  for (const [k, v] of sp) (out[k] ??= []).push(v);
  return out;
}

/** Wait until the URL's query (repeated keys as arrays) is exactly `expected` (values may be strings or arrays). */
export function waitForQuery(page, expected, opts) {
  const norm = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
  return eventually(() => assert.deepEqual(allParams(page), norm, `URL ${page.url()}`), opts);
}

/** The active tab's label and every tab's href. */
export function readTabs(page) {
  return page.evaluate(() => ({
    active: [...document.querySelectorAll('nav.tabs a.tab[aria-current="true"]')].map((a) => a.textContent.trim()),
    tabs: [...document.querySelectorAll('nav.tabs a.tab')].map((a) => ({ label: a.textContent.trim(), href: a.getAttribute('href') })),
  }));
}

/** Which view is showing: 'results' | 'concordance' | 'trends' | 'themes' | 'compare' | 'reader' | null. */
export function shownView(page) {
  return page.evaluate(() => {
    const m = document.querySelector('main');
    if (m.querySelector('article.reader')) return 'reader';
    if (m.querySelector('section.concordance')) return 'concordance';
    if (m.querySelector('section.trends')) return 'trends';
    if (m.querySelector('section.theme-overview')) return 'themes';
    if (m.querySelector('section.keywords-view')) return 'compare';
    if (m.querySelector('section.results')) return 'results';
    return null;
  });
}

/** Wait until `view` is shown with tab `label` active. */
export function waitForView(page, view, label, opts) {
  return eventually(async () => {
    assert.equal(await shownView(page), view);
    if (label !== undefined) assert.deepEqual((await readTabs(page)).active, [label]);
  }, opts);
}

/** The concordance: count line, active order, and every line. */
export function readKwic(page) {
  return page.evaluate(() => {
    const sec = document.querySelector('section.concordance');
    if (!sec) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    return {
      count: sq(sec.querySelector('.kwic-count')?.textContent ?? ''),
      caption: sq(sec.querySelector('table.kwic caption')?.textContent ?? ''),
      order: [...sec.querySelectorAll('ul.kwic-sort a[aria-current="true"]')].map((a) => a.className.match(/sort-(\w+)/)?.[1]),
      lines: [...sec.querySelectorAll('tr.kwic-line')].map((tr) => ({
        statement: tr.dataset.statement,
        para: Number(tr.dataset.para),
        left: tr.querySelector('td.left').textContent,
        hit: tr.querySelector('td.hit').textContent,
        right: tr.querySelector('td.right').textContent,
        source: sq(tr.querySelector('td.source').textContent),
        href: tr.querySelector('td.hit a').getAttribute('href'),
      })),
    };
  });
}

/** The trends chart (series and points), its legend and its data table. */
export function readTrends(page) {
  return page.evaluate(() => {
    const sec = document.querySelector('section.trends');
    if (!sec) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    const table = sec.querySelector('table.trend-table');
    return {
      what: sq(sec.querySelector('p.what')?.textContent ?? ''),
      axis: [...sec.querySelectorAll('ul.trend-axis a[aria-current="true"]')].map((a) => sq(a.textContent)),
      legend: [...sec.querySelectorAll('ul.legend li .legend-label')].map((s) => sq(s.textContent)),
      series: [...sec.querySelectorAll('svg.trend-chart g.series')].map((g) => ({
        label: g.dataset.label,
        points: [...g.querySelectorAll('circle.point')].map((c) => ({
          x: c.dataset.x,
          title: sq(c.querySelector('title')?.textContent ?? ''),
        })),
      })),
      xLabels: [...sec.querySelectorAll('svg.trend-chart g.tick.x text')].map((t) => sq(t.textContent)),
      table: table && {
        head: [...table.querySelectorAll('thead th')].slice(1).map((th) => sq(th.textContent)),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
          label: sq(tr.querySelector('th').textContent),
          cells: [...tr.querySelectorAll('td')].map((td) => sq(td.textContent)),
        })),
        words: [...table.querySelectorAll('tfoot tr.words td')].map((td) => Number(td.textContent.replace(/,/g, ''))),
      },
    };
  });
}

/** "terrorism, 2016: 12 occurrences, 83.3 per 10,000 words" → { count: 12, rate: '83.3' }. */
export function parsePointTitle(title) {
  const m = /: ([\d,]+) occurrences?, ([\d.]+) per 10,000 words$/.exec(title);
  assert.ok(m, `unexpected point title ${JSON.stringify(title)}`);
  return { count: Number(m[1].replace(/,/g, '')), rate: m[2] };
}

/** "83.3 (12)" → { count: 12, rate: '83.3' }. */
export function parseTrendCell(cell) {
  const m = /^([\d.]+) \(([\d,]+)\)$/.exec(cell);
  assert.ok(m, `unexpected table cell ${JSON.stringify(cell)}`);
  return { count: Number(m[2].replace(/,/g, '')), rate: m[1] };
}

/** The theme grid: column keys and, per theme row, each cell's link and figures. */
export function readThemeGrid(page) {
  return page.evaluate(() => {
    const table = document.querySelector('section.theme-overview table.theme-grid');
    if (!table) return null;
    const cols = [...table.querySelectorAll('thead th[data-col]')].map((th) => th.dataset.col);
    const rows = {};
    for (const tr of table.querySelectorAll('tbody tr[data-theme]')) {
      rows[tr.dataset.theme] = [...tr.querySelectorAll('td.cell a')].map((a) => ({
        col: a.dataset.col,
        href: a.getAttribute('href'),
        pct: a.textContent.trim(),
        title: a.getAttribute('title'),
      }));
    }
    return { cols, rows };
  });
}

/** Distinctive terms: caption, the chosen target and the rows. */
export function readKeywords(page) {
  return page.evaluate(() => {
    const sec = document.querySelector('section.keywords-view');
    if (!sec) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    const num = (td) => Number(td.textContent.replace(/,/g, ''));
    return {
      caption: sq(sec.querySelector('table.keywords caption')?.textContent ?? ''),
      current: [...sec.querySelectorAll('.kw-targets a[aria-current="true"]')].map((a) => sq(a.textContent)),
      rows: [...sec.querySelectorAll('table.keywords:not(.keywords-b) tbody tr')].map((tr) => ({
        rank: num(tr.querySelector('td.rank')),
        term: sq(tr.querySelector('th.term').textContent),
        href: tr.querySelector('th.term a').getAttribute('href'),
        target: num(tr.querySelectorAll('td.num')[0]),
        rest: num(tr.querySelectorAll('td.num')[1]),
        g2: Number(tr.querySelector('td.g2').textContent),
        stars: tr.querySelector('td.sig span[aria-hidden]').textContent,
      })),
    };
  });
}

/** Dunning's log-likelihood G² for a of c words against b of d words. */
export function logLikelihood(a, b, c, d) {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const part = (o, e) => (o > 0 ? o * Math.log(o / e) : 0);
  return 2 * (part(a, e1) + part(b, e2));
}

/** One entity facet group (#facet-sc, …): { value: {label, count, checked, href} }. */
export function readEntityFacet(page, kind) {
  return page.evaluate((kind) => {
    const out = {};
    for (const li of document.querySelectorAll(`#facet-${kind} li.facet-option`)) {
      const input = li.querySelector('input');
      out[input.value] = {
        label: li.querySelector('.facet-label').textContent.trim(),
        count: li.querySelector('.count').textContent.trim(),
        checked: input.checked,
        href: li.querySelector('a.record-link')?.getAttribute('href') ?? null,
      };
    }
    return out;
  }, kind);
}

/** Open the Export menu and click `button` (e.g. 'export-statements-csv'); returns { name, text }. */
export async function download(page, button) {
  const open = await page.$eval('details.export-menu', (d) => d.open);
  if (!open) await page.click('details.export-menu > summary');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(`button.${button}`)]);
  const file = await dl.path();
  assert.ok(file, `download ${dl.suggestedFilename()} failed: ${await dl.failure()}`);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/**
 * RFC 4180 CSV → array of records (arrays of fields): quoted fields may hold
 * commas, doubled quotes and line breaks; records end in CRLF or LF.
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let any = false; // anything read in this record
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      assert.equal(field, '', `stray quote inside an unquoted field at ${i}`);
      quoted = true;
      any = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      any = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      any = false;
    } else {
      field += c;
      any = true;
      i++;
    }
  }
  assert.ok(!quoted, 'CSV ends inside a quoted field');
  if (any) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text → { header, records: [{col: value}] }, every record as wide as the header. */
export function csvObjects(text) {
  const [header, ...rest] = parseCsv(text.replace(/^\uFEFF/, ''));
  assert.ok(header, 'the CSV is empty');
  const records = rest.map((r, n) => {
    assert.equal(r.length, header.length, `CSV record ${n + 1} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
  return { header, records };
}

/** What a view looks like, for "the same URL shows the same view": tabs, view, main's text. */
export function viewSnapshot(page) {
  return page.evaluate(() => ({
    tab: [...document.querySelectorAll('nav.tabs a.tab[aria-current="true"]')].map((a) => a.textContent.trim()),
    main: document.querySelector('main').innerText,
    checked: [...document.querySelectorAll('main input:checked')].map((i) => i.id),
    q: document.querySelector('#q')?.value ?? null,
  }));
}
