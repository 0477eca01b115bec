// The word list, n-gram and summary views (issue 11, items 1, 2 and 6), used
// as a researcher does: opened through their tabs, changed through their
// controls (the address follows; a reload reproduces the view), their links
// followed to the search they name, their tables exported and read back, and
// their figures checked against counts made here from the statements' own
// text (the reader's paragraphs). axe-core finds no violation in any of them
// at desktop and phone width, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { useApp, openApp, sleep } from './helpers.mjs';
import { IDS_BY_DATE, eventually, urlParams, waitForParams, parseCount, waitForCount, tick } from './app-helpers.mjs';
import { sum, words, fold, readerParagraphs, waitForQuery, readTabs, csvObjects, viewSnapshot } from './research-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const app = useApp(); // strict CSP

const SECTION = { words: 'section.word-list-view', ngrams: 'section.ngrams-view', summary: 'section.summary-view' };
const TAB = { words: 'Word list', ngrams: 'N-grams', summary: 'Summary' };

/** Word forms of a text as the app counts them (folded; an apostrophe inside a word dropped). */
const forms = (text) => words(text).map(fold);

/** Every statement's word forms, paragraph by paragraph: { id: [[form, ...], ...] }. */
async function corpusForms() {
  const paras = await readerParagraphs(app);
  return Object.fromEntries(IDS_BY_DATE.map((id) => [id, paras[id].map((p) => forms(p.text))]));
}

/** The `nth` data table of the shown view: caption, row count, headers, current sort, rows as text. */
function readTable(page, nth = 0) {
  return page.evaluate((nth) => {
    const box = document.querySelectorAll('main .data-table')[nth];
    if (!box) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    const table = box.querySelector('table');
    return {
      caption: sq(table.querySelector('caption').textContent),
      count: sq(box.querySelector('.row-count').textContent),
      head: [...table.querySelectorAll('thead th')].map((th) => sq(th.textContent)),
      sorted: [...table.querySelectorAll('thead a.sort[aria-current="true"]')].map((a) => sq(a.textContent)),
      more: box.querySelector('button.show-more') ? sq(box.querySelector('button.show-more').textContent) : null,
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => sq(c.textContent))),
      links: [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('a')?.getAttribute('href') ?? null),
    };
  }, nth);
}

/** "1,234 rows" → 1234. */
const rowCount = (t) => Number(/^([\d,]+) rows?$/.exec(t.count)[1].replace(/,/g, ''));
const num = (s) => Number(String(s).replace(/[,%]/g, ''));

/** Wait until the view `name` shows its tab active and a table (or its empty note); returns readTable(). */
function waitForTable(page, name, nth = 0) {
  return eventually(async () => {
    assert.deepEqual((await readTabs(page)).active, [TAB[name]]);
    assert.ok(await page.$(SECTION[name]), `${name} not shown`);
    const t = await readTable(page, nth);
    assert.ok(t, 'no table');
    return t;
  });
}

/** Click the tab of `name` and wait for its table. */
async function clickTab(page, name) {
  await page.click(`nav.tabs a.tab:text-is("${TAB[name]}")`);
  return waitForTable(page, name);
}

/** Download the `nth` table's CSV or JSON; returns { name, text }. */
async function exportTable(page, kind, nth = 0) {
  const button = page.locator(`main .data-table >> nth=${nth}`).locator(`button.export-${kind}`);
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), button.click()]);
  const file = await dl.path();
  assert.ok(file, `download ${dl.suggestedFilename()} failed: ${await dl.failure()}`);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** The CSV and JSON exports of the `nth` table: both parse, with `rows` rows and the same values. */
async function checkExports(page, prefix, rows, nth = 0) {
  const csv = await exportTable(page, 'csv', nth);
  assert.match(csv.name, new RegExp(`^${prefix}-[0-9a-f]+\\.csv$`));
  const { header, records } = csvObjects(csv.text);
  assert.equal(records.length, rows, `${csv.name}: one row per table row`);
  const json = await exportTable(page, 'json', nth);
  assert.match(json.name, new RegExp(`^${prefix}-[0-9a-f]+\\.json$`));
  const data = JSON.parse(json.text);
  assert.match(data.corpus_version, /^[0-9a-f]+$/);
  assert.ok(data.app_version);
  assert.equal(new URL(data.view).search, new URL(page.url()).search, 'the export names the view');
  assert.equal(data.rows.length, rows, `${json.name}: one row per table row`);
  assert.deepEqual(Object.keys(data.rows[0] ?? {}), rows ? header : []);
  return { records, json: data.rows };
}

/** The page as shown, settled (two reads 50 ms apart agree). */
function settled(page) {
  return eventually(async () => {
    const a = await viewSnapshot(page);
    await sleep(50);
    assert.deepEqual(await viewSnapshot(page), a, 'settled');
    return a;
  });
}

/** Reload; the same URL shows the same view. */
async function reloadReproduces(page) {
  const url = page.url();
  const before = await settled(page);
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.equal(page.url(), url);
  await eventually(async () => assert.deepEqual(await viewSnapshot(page), before, `after reload of ${url}`));
}

/** Follow a link of the table to the results, wait for them; returns the result count. */
async function followToResults(page, href, q) {
  await page.click(`main .data-table a[href="${href}"]`);
  await eventually(() => assert.equal(urlParams(page).q, q));
  assert.equal(urlParams(page).view, undefined, 'the link opens the results');
  return parseCount((await waitForCount(page, /^\d+ statements?, \d+ passages?$/)).count);
}

/** Lines of the concordance of `q` (the search's own count of its hits). */
async function concordanceCount(page, q) {
  await openApp(page, `q=${encodeURIComponent(q)}&view=concordance`);
  const text = await eventually(async () => {
    const t = await page.$eval('.kwic-count', (e) => e.textContent.trim());
    assert.match(t, /^[\d,]+ lines?$/);
    return t;
  });
  return num(text.split(' ')[0]);
}

test('word list: every word form with its frequency and range as counted in the text; stop words, stems, order and min in the URL', async () => {
  const page = await app.newPage();
  const text = await corpusForms();
  const all = IDS_BY_DATE.flatMap((id) => text[id].flat());
  const freq = new Map();
  const range = new Map();
  for (const id of IDS_BY_DATE) {
    for (const w of text[id].flat()) freq.set(w, (freq.get(w) ?? 0) + 1);
    for (const w of new Set(text[id].flat())) range.set(w, (range.get(w) ?? 0) + 1);
  }

  await openApp(page, '');
  let t = await clickTab(page, 'words');
  await waitForQuery(page, { view: 'words' });
  assert.equal(rowCount(t), freq.size, 'one row per folded word form');
  assert.match(t.caption, new RegExp(`^Word forms of 5 statements \\(${all.length.toLocaleString('en-US')} tokens, ${freq.size.toLocaleString('en-US')} types\\), most frequent first$`));
  assert.deepEqual(t.sorted, ['Frequency']);
  assert.equal(t.rows.length, 100, 'one page of rows rendered');
  assert.match(t.more, /^Show 100 more of [\d,]+$/);
  const top = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  assert.deepEqual(t.rows.slice(0, 10).map((r) => [r[0], num(r[1]), num(r[3])]), top.slice(0, 10).map(([w, f]) => [w, f, range.get(w)]));

  // The export: every row (not only the page shown), the text's own counts, adding up to N.
  const { records, json } = await checkExports(page, 'csto-words', freq.size);
  assert.equal(sum(records.map((r) => Number(r.freq))), all.length, 'the frequencies add up to the tokens');
  const mismatched = records.filter((r) => freq.get(r.word) !== Number(r.freq) || range.get(r.word) !== Number(r.range));
  assert.deepEqual(mismatched.slice(0, 5), [], 'each word’s frequency and range as counted in the text');
  assert.ok(Math.abs(json[0].per_10k - (top[0][1] * 10000) / all.length) < 1e-9);
  assert.ok(Math.abs(json[0].share - top[0][1] / all.length) < 1e-12);

  // The most frequent word is found by its search exactly as often.
  const url = page.url();
  assert.equal(await concordanceCount(page, top[0][0]), top[0][1], `the concordance of “${top[0][0]}”`);
  await openApp(page, new URL(url).search.slice(1));

  // Stop words hidden: the address follows, the top rows are content words.
  await page.click('ul.words-stop a:text-is("Hidden")');
  await waitForQuery(page, { view: 'words', stop: 'hide' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.match(t.caption, /stop words hidden/);
    return t;
  });
  const hidden = t.rows.slice(0, 10).map((r) => `${r[0]} ${r[1]}`);
  assert.ok(!['the', 'of', 'and', 'to', 'in'].some((w) => t.rows.slice(0, 10).some((r) => r[0] === w)), hidden.join(', '));
  await reloadReproduces(page);

  // A word searches itself: the results contain it.
  const [word] = t.rows[0];
  const found = await followToResults(page, t.links[0], word);
  assert.ok(found.statements >= 1);
  const marks = await page.$$eval('li.result mark.hit', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.includes(word), `results mark “${word}”: ${marks.slice(0, 5)}`);
  await page.goBack();
  await waitForQuery(page, { view: 'words', stop: 'hide' });

  // Grouped by stem: fewer rows, terrorism and terrorists together.
  await page.click('ul.words-unit a:text-is("Grouped by stem")');
  await waitForQuery(page, { view: 'words', stop: 'hide', stem: '1' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.match(t.caption, /^Stems of 5 statements/);
    return t;
  });
  const terror = t.rows.find((r) => r[1].split(', ').includes('terrorists'));
  assert.ok(terror, 'a row holds terrorists');
  assert.ok(terror[1].split(', ').includes('terrorism'), terror.join(' | '));
  const terrorForms = terror[1].split(', ');
  assert.equal(num(terror[2]), sum(terrorForms.map((w) => freq.get(w))), 'a stem counts all its forms');
  assert.ok(rowCount(t) < freq.size);

  // Sorted by range (a header link), then A–Z; a minimum frequency.
  await page.locator('main .data-table thead a.sort', { hasText: /^Range$/ }).click();
  await waitForQuery(page, { view: 'words', stop: 'hide', stem: '1', tsort: 'range' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.deepEqual(t.sorted, ['Range']);
    return t;
  });
  const ranges = t.rows.map((r) => num(r[4]));
  assert.deepEqual(ranges, [...ranges].sort((a, b) => b - a));
  assert.equal(ranges[0], 5);
  await page.locator('main .data-table thead a.sort', { hasText: /^Stem \(its most frequent form\)$/ }).click();
  await waitForQuery(page, { view: 'words', stop: 'hide', stem: '1', tsort: 'alpha' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.deepEqual(t.sorted, ['Stem (its most frequent form)']);
    return t;
  });
  const names = t.rows.map((r) => r[0]);
  assert.deepEqual(names, [...names].sort());
  await page.click('ul.words-min a:text-is("5")');
  await waitForQuery(page, { view: 'words', stop: 'hide', stem: '1', tsort: 'alpha', min: '5' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.match(t.caption, /at least 5 times/);
    return t;
  });
  assert.ok(t.rows.every((r) => num(r[2]) >= 5));
  const min5 = await checkExports(page, 'csto-words', rowCount(t));
  assert.ok(min5.records.every((r) => Number(r.freq) >= 5));
  await reloadReproduces(page);

  // The filters apply: one speaker's statement only.
  await tick(page, 'speaker', 'bordyuzha');
  await waitForParams(page, { view: 'words', stop: 'hide', stem: '1', tsort: 'alpha', min: '5', speaker: 'bordyuzha' });
  await eventually(async () => assert.match((await readTable(page)).caption, /^Stems of 1 statement \(/));
  await openApp(page, 'view=words&speaker=bordyuzha');
  t = await waitForTable(page, 'words');
  const own = new Set(text['2016-bordyuzha'].flat());
  assert.equal(rowCount(t), own.size);
  assert.match(t.caption, new RegExp(`\\(${text['2016-bordyuzha'].flat().length.toLocaleString('en-US')} tokens`));
});

test('n-grams: n, min, stop words and “with the query’s words” in the URL; each count is what the phrase search finds', async () => {
  const page = await app.newPage();
  const text = await corpusForms();
  const tokens = sum(IDS_BY_DATE.map((id) => text[id].flat().length));

  await openApp(page, '');
  let t = await clickTab(page, 'ngrams');
  await waitForQuery(page, { view: 'ngrams' });
  assert.match(t.caption, new RegExp(`^2-word sequences occurring at least 2 times in 5 statements \\(${tokens.toLocaleString('en-US')} tokens\\), most frequent first$`));
  assert.ok(t.rows.every((r) => r[0].split(' ').length === 2 && num(r[1]) >= 2));

  // n = 3: the address follows; the table is every 3-gram occurring twice or more.
  await page.click('ul.ngrams-n a:text-is("3")');
  await waitForQuery(page, { view: 'ngrams', n: '3' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.match(t.caption, /^3-word sequences/);
    return t;
  });
  assert.ok(t.rows.every((r) => r[0].split(' ').length === 3 && num(r[1]) >= 2));
  const freqs = t.rows.map((r) => num(r[1]));
  assert.deepEqual(freqs, [...freqs].sort((a, b) => b - a), 'most frequent first');
  // Word-form 3-grams within paragraphs, counted here: the top one agrees.
  const counts = new Map();
  for (const id of IDS_BY_DATE) {
    for (const p of text[id]) for (let i = 0; i + 3 <= p.length; i++) counts.set(p.slice(i, i + 3).join(' '), (counts.get(p.slice(i, i + 3).join(' ')) ?? 0) + 1);
  }
  const [topGram, topFreq, , topRange] = t.rows[0];
  assert.ok(counts.get(topGram) <= num(topFreq), `${topGram}: ${counts.get(topGram)} as written, ${topFreq} by stem`);
  assert.equal(Math.max(...counts.values()), num(topFreq), 'the most frequent 3-gram');
  const { records } = await checkExports(page, 'csto-ngrams', rowCount(t));
  assert.deepEqual(records.slice(0, 3).map((r) => r.ngram), t.rows.slice(0, 3).map((r) => r[0]));
  await reloadReproduces(page);

  // The top 3-gram searches its phrase: the statements found are its range, the concordance its count.
  const found = await followToResults(page, t.links[0], `"${topGram}"`);
  assert.equal(found.statements, num(topRange));
  assert.equal(await concordanceCount(page, `"${topGram}"`), num(topFreq));

  // Only those with the query's word, stop-word n-grams hidden, a higher minimum.
  await openApp(page, 'q=terrorism&view=ngrams&n=3');
  await page.click('ul.ngrams-with a:text-is("With the query\'s words")');
  await waitForQuery(page, { q: 'terrorism', view: 'ngrams', n: '3', with: '1' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.match(t.caption, /^3-word sequences containing terrorism /);
    return t;
  });
  assert.ok(t.rows.length > 0);
  assert.ok(t.rows.every((r) => /\bterror/.test(r[0])), t.rows.map((r) => r[0]).join(', '));
  await page.click('ul.ngrams-min a:text-is("1")');
  await waitForQuery(page, { q: 'terrorism', view: 'ngrams', n: '3', with: '1', min: '1' });
  const t1 = await eventually(async () => {
    const t1 = await readTable(page);
    assert.match(t1.caption, /at least 1 times/);
    return t1;
  });
  assert.ok(rowCount(t1) > rowCount(t));
  await checkExports(page, 'csto-ngrams', rowCount(t1));
  await reloadReproduces(page);

  await openApp(page, 'view=ngrams');
  const before = rowCount(await waitForTable(page, 'ngrams'));
  await page.click('ul.ngrams-stop a:text-is("Hidden")');
  await waitForQuery(page, { view: 'ngrams', stop: 'hide' });
  t = await eventually(async () => {
    const t = await readTable(page);
    assert.match(t.caption, /stop-word sequences hidden/);
    return t;
  });
  assert.ok(rowCount(t) < before);
  assert.ok(!t.rows.some((r) => ['of the', 'in the', 'to the'].includes(r[0])));
});

test('summary: each statement’s and the total figures as counted in the text; word lists search themselves; exports', async () => {
  const page = await app.newPage();
  const text = await corpusForms();
  const stats = (ws) => {
    const f = new Map();
    for (const w of ws) f.set(w, (f.get(w) ?? 0) + 1);
    return { tokens: ws.length, types: f.size, hapaxes: [...f.values()].filter((c) => c === 1).length };
  };

  await openApp(page, 'q=terrorism');
  let t = await clickTab(page, 'summary');
  await waitForQuery(page, { q: 'terrorism', view: 'summary' });
  assert.equal(t.rows.length, 6, 'the total and five statements');
  assert.equal(t.rows[0][0], 'All 5 statements');
  const expected = [stats(IDS_BY_DATE.flatMap((id) => text[id].flat())), ...IDS_BY_DATE.map((id) => stats(text[id].flat()))];
  assert.deepEqual(
    t.rows.map((r) => ({ tokens: num(r[1]), types: num(r[2]), hapaxes: num(r[5]) })),
    expected,
    'tokens, types and hapaxes',
  );
  for (const [i, r] of t.rows.entries()) assert.equal(r[3], (expected[i].types / expected[i].tokens).toFixed(3), `TTR of ${r[0]}`);
  const { records } = await checkExports(page, 'csto-summary', 6, 0);
  assert.equal(Number(records[0].tokens), expected[0].tokens);

  // The word lists: content words, most frequent first, each a search.
  const freq = await readTable(page, 1);
  assert.equal(freq.rows[0][0], 'All 5 statements');
  const [, , word, f] = freq.rows[0];
  assert.ok(!['the', 'of', 'and'].includes(word));
  assert.equal(num(f), IDS_BY_DATE.flatMap((id) => text[id].flat()).filter((w) => w === word).length, `frequency of ${word}`);
  await checkExports(page, 'csto-summary-frequent', rowCount(freq), 1);
  const dist = await readTable(page, 2);
  assert.ok(dist.rows.length > 0);
  assert.ok(dist.rows.every((r) => r[0] !== 'All 5 statements'), 'the whole corpus has no rest to differ from');
  await checkExports(page, 'csto-summary-distinctive', rowCount(dist), 2);
  await reloadReproduces(page);
  const found = await followToResults(page, freq.links[0], word);
  assert.ok(found.statements >= 1);

  // Filters: one year range.
  await openApp(page, 'view=summary&from=2016&to=2024');
  t = await waitForTable(page, 'summary');
  const ids = IDS_BY_DATE.filter((id) => Number(id.slice(0, 4)) >= 2016);
  assert.equal(t.rows.length, ids.length + 1);
  assert.equal(num(t.rows[0][1]), stats(ids.flatMap((id) => text[id].flat())).tokens);
  const d2 = await readTable(page, 2);
  assert.ok(d2.rows.some((r) => r[0] === `All ${ids.length} statements`), 'the selection against the rest');
});

/** Run axe on the page; returns its violations as text. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `[${v.impact}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('; ')}`);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe: no violation in the word list, n-grams and summary, desktop and 390 px (${scheme})`, async () => {
    const failures = [];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const page = await app.newPage({ colorScheme: scheme, viewport });
      for (const query of ['view=words&stop=hide&stem=1', 'q=terrorism&view=ngrams&n=3&with=1', 'view=summary']) {
        await openApp(page, query);
        const name = query.match(/view=(\w+)/)[1];
        await waitForTable(page, name);
        await page.click(`${SECTION[name]} details.method summary`);
        const v = await axe(page);
        if (v.length) failures.push(`${query} at ${viewport.width} px (${scheme}):\n  ${v.join('\n  ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
