// The research views (concordance, trends, theme overview, distinctive
// terms, entity facets, exports, citations), used as a researcher does:
// through the tabs and controls, checking what they show against figures
// computed here from the statements' own text (the corpus files, or the
// reader's paragraphs), and checking the address after every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useApp, openApp, sleep } from './helpers.mjs';
import {
  STATEMENTS,
  IDS_BY_DATE,
  byId,
  eventually,
  urlParams,
  waitForParams,
  parseCount,
  waitForCount,
  waitForIds,
  readReader,
  waitForReader,
  inViewport,
  search,
  tick,
  viewOfUrl,
} from './app-helpers.mjs';
import {
  countInCorpus,
  sum,
  words,
  fold,
  squash,
  aliasTerms,
  readerParagraphs,
  allParams,
  waitForQuery,
  readTabs,
  shownView,
  waitForView,
  readKwic,
  readTrends,
  parsePointTitle,
  parseTrendCell,
  readThemeGrid,
  readKeywords,
  logLikelihood,
  readEntityFacet,
  download,
  csvObjects,
  viewSnapshot,
} from './research-helpers.mjs';

const app = useApp();

const YEARS = STATEMENTS.map((s) => String(s.year));
const TAB = { results: 'Results', concordance: 'Concordance', trends: 'Trends', themes: 'Theme overview', compare: 'Compare' };
// Tabs added since (their views are tested in their own files): listed in the tab bar after these.
const LATER_TABS = { words: 'Word list', ngrams: 'N-grams', summary: 'Summary', collocates: 'Collocates', dispersion: 'Dispersion' };

/** Click the tab of `view` (a key of TAB) and wait until that view shows. */
async function clickTab(page, view) {
  await page.click(`nav.tabs a.tab:text-is("${TAB[view]}")`);
  await waitForView(page, view, TAB[view]);
}

/** Wait until the concordance shows `n` lines; returns readKwic(). */
function waitForKwic(page, n, order = 'corpus') {
  return eventually(async () => {
    const k = await readKwic(page);
    assert.ok(k, 'no concordance');
    assert.equal(k.count, n === 1 ? '1 line' : `${n} lines`);
    assert.equal(k.lines.length, n);
    assert.deepEqual(k.order, [order]);
    return k;
  });
}

const stripCut = (s) => s.replace(/^…/, '').replace(/…$/, '');
/** The words right (or left, nearest first) of a line's hit, folded, three deep: the sort key. */
const rightKey = (l) => words(stripCut(l.right)).slice(0, 3).map(fold);
const leftKey = (l) => words(stripCut(l.left)).reverse().slice(0, 3).map(fold);
function cmpKeys(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}
const lineId = (l) => `${l.statement}¶${l.para}|${squash(l.left)}|${l.hit}|${squash(l.right)}`;

const PEACEKEEP = /peacekeep\w*/gi;
const TERROR = /\bterror(?:ism|ists?)?\b/gi;
const MIGRATION = /\bmigrations?\b/gi;

test('concordance: one line per peacekeeping-stem word, and sorting by the right context reorders them', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  const inFiles = countInCorpus(PEACEKEEP);
  const inReader = Object.fromEntries(IDS_BY_DATE.map((id) => [id, sum(paras[id].map((p) => (p.text.match(PEACEKEEP) ?? []).length))]));
  assert.deepEqual(inReader, inFiles, 'the reader keeps every peacekeeping word of the source');
  const expected = sum(Object.values(inFiles));
  assert.ok(expected > 1);

  await openApp(page, '');
  await search(page, 'peacekeeping');
  await waitForCount(page, /^\d+ statements?, \d+ passages?$/);
  await waitForParams(page, { q: 'peacekeeping' });
  await clickTab(page, 'concordance');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance' });
  const corpus = await waitForKwic(page, expected);
  assert.match(corpus.caption, new RegExp(`^Every occurrence of “peacekeeping”: ${expected} lines, corpus order$`));

  // Every line is a peacekeep* word, per statement as often as in its text,
  // and its context is the text around it in its paragraph.
  const perStatement = Object.fromEntries(IDS_BY_DATE.map((id) => [id, 0]));
  for (const l of corpus.lines) {
    perStatement[l.statement]++;
    assert.match(l.hit, /^peacekeep\w*$/i);
    const text = paras[l.statement][l.para - 1]?.text;
    assert.ok(text, `${l.statement} has no paragraph ${l.para}`);
    assert.ok(squash(text).includes(squash(stripCut(l.left) + l.hit + stripCut(l.right))), `line not in ${l.statement} ¶${l.para}: ${lineId(l)}`);
    const s = byId(l.statement);
    assert.equal(l.source, `${s.speaker.split(' ').at(-1)} ${s.year} ¶${l.para}`);
  }
  assert.deepEqual(perStatement, inFiles);
  // Corpus order: by date, then paragraph.
  const order = corpus.lines.map((l) => [IDS_BY_DATE.indexOf(l.statement), l.para]);
  assert.deepEqual(order, [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));

  // Word to the right.
  await page.click('ul.kwic-sort a.sort-right');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance', ksort: 'right' });
  const right = await waitForKwic(page, expected, 'right');
  assert.match(right.caption, /word to the right$/);
  assert.deepEqual(right.lines.map(lineId).sort(), corpus.lines.map(lineId).sort(), 'the same lines, reordered');
  assert.notDeepEqual(right.lines.map(lineId), corpus.lines.map(lineId), 'the order changed');
  const byRight = [...corpus.lines].sort((a, b) => cmpKeys(rightKey(a), rightKey(b))); // stable: ties keep corpus order
  assert.deepEqual(right.lines.map(lineId), byRight.map(lineId));
  const first = rightKey(right.lines[0]);
  for (const l of right.lines) assert.ok(cmpKeys(first, rightKey(l)) <= 0, `first line's right context ${first} sorts after ${rightKey(l)}`);

  // A speaker filter keeps that speaker's lines only, in the same order.
  await tick(page, 'speaker', 'tasmagambetov');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance', ksort: 'right', speaker: 'tasmagambetov' });
  const one = await waitForKwic(page, inFiles['2024-tasmagambetov'], 'right');
  assert.deepEqual(one.lines.map(lineId), right.lines.filter((l) => l.statement === '2024-tasmagambetov').map(lineId));
  await tick(page, 'speaker', 'tasmagambetov');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance', ksort: 'right' });
  await waitForKwic(page, expected, 'right');

  // Word to the left.
  await page.click('ul.kwic-sort a.sort-left');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance', ksort: 'left' });
  const left = await waitForKwic(page, expected, 'left');
  const byLeft = [...corpus.lines].sort((a, b) => cmpKeys(leftKey(a), leftKey(b)));
  assert.deepEqual(left.lines.map(lineId), byLeft.map(lineId));

  // Newest first, then back to corpus order (its URL has no ksort).
  await page.click('ul.kwic-sort a.sort-newest');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance', ksort: 'newest' });
  const newest = await waitForKwic(page, expected, 'newest');
  const years = newest.lines.map((l) => byId(l.statement).year);
  assert.deepEqual(years, [...years].sort((a, b) => b - a));
  await page.click('ul.kwic-sort a.sort-corpus');
  await waitForParams(page, { q: 'peacekeeping', view: 'concordance' });
  assert.deepEqual((await waitForKwic(page, expected)).lines.map(lineId), corpus.lines.map(lineId));
});

test('concordance: each line opens the reader at its paragraph, with the hit highlighted', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  const n = sum(Object.values(countInCorpus(PEACEKEEP)));
  await openApp(page, 'q=peacekeeping&view=concordance&ksort=right');
  const lines = (await waitForKwic(page, n, 'right')).lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    assert.equal(
      await page.$eval(`tr.kwic-line:nth-child(${i + 1}) td.source a.pnum`, (a) => a.getAttribute('href')),
      l.href,
      'the ¶ link and the hit go to the same place',
    );
    await page.click(`tr.kwic-line:nth-child(${i + 1}) td.hit a`);
    const r = await waitForReader(page, l.statement);
    await waitForParams(page, { q: 'peacekeeping', ksort: 'right', doc: l.statement, p: String(l.para) });
    assert.equal(new URL(l.href, app.url).href, page.url(), 'the link’s href (relative to the root) is where it went');
    const targets = r.paragraphs.filter((p) => p.target).map((p) => p.id);
    assert.deepEqual(targets, [`p${l.para}`], `line ${i + 1}: the target paragraph`);
    const target = r.paragraphs[l.para - 1];
    assert.equal(target.text, paras[l.statement][l.para - 1].text);
    assert.ok(target.marks.includes(l.hit), `line ${i + 1}: ${l.hit} is highlighted in ¶${l.para} (marks: ${target.marks})`);
    await eventually(async () => assert.ok(await inViewport(page, `#p${l.para}`), `¶${l.para} scrolled into view`));
    await page.goBack();
    await waitForParams(page, { q: 'peacekeeping', view: 'concordance', ksort: 'right' });
    await waitForKwic(page, n, 'right');
  }
});

test('theme overview: the counter-terrorism × 2019 cell shows its share and filters to the 2019 statement', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  await openApp(page, '');
  await clickTab(page, 'themes');
  await waitForParams(page, { view: 'themes' });
  const grid = await eventually(async () => {
    const g = await readThemeGrid(page);
    assert.ok(g);
    return g;
  });
  assert.deepEqual(grid.cols, YEARS);

  // Every counter-terrorism cell: tagged paragraphs / paragraphs, from the reader's chips.
  const row = grid.rows['counter-terrorism'];
  assert.equal(row.length, STATEMENTS.length);
  for (const [i, s] of STATEMENTS.entries()) {
    const all = paras[s.id].length;
    const tagged = paras[s.id].filter((p) => p.themes.includes('counter-terrorism')).length;
    const pct = Math.round((100 * tagged) / all);
    assert.equal(row[i].col, String(s.year));
    assert.equal(row[i].pct, `${pct}%`, `${s.year}`);
    assert.match(row[i].title, new RegExp(`, ${s.year}: ${pct}% \\(${tagged} of ${all} paragraphs\\)$`));
  }
  const tagged2019 = paras['2019-semerikov'].filter((p) => p.themes.includes('counter-terrorism')).length;
  assert.ok(tagged2019 > 0);

  await page.click('a[data-theme="counter-terrorism"][data-col="2019"]');
  await waitForParams(page, { year: '2019', theme: 'counter-terrorism' }); // view=results is the default, so not in the URL
  await waitForView(page, 'results', 'Results');
  const r = await waitForIds(page, ['2019-semerikov']);
  assert.equal(r.count, `1 statement, ${tagged2019} passages`);
  assert.equal(await page.isChecked('#facet-year input[name=year][value="2019"]'), true);
  assert.equal(await page.isChecked('#facet-theme input[name=theme][value="counter-terrorism"]'), true);

  // The speaker and year filters choose the columns.
  await page.goBack();
  await waitForParams(page, { view: 'themes' });
  await tick(page, 'speaker', 'nazarbayev');
  await tick(page, 'speaker', 'tasmagambetov');
  await waitForParams(page, { view: 'themes', speaker: 'nazarbayev,tasmagambetov' });
  await eventually(async () => {
    const g = await readThemeGrid(page);
    assert.deepEqual(g.cols, ['2007', '2024']);
    assert.deepEqual(g.rows['counter-terrorism'].map((c) => c.pct), [row[1].pct, row[4].pct]);
  });
  await page.goBack();
  await page.goBack();
  await waitForParams(page, { view: 'themes' });
  await page.click('a[data-theme="counter-terrorism"][data-col="2019"]');
  await waitForParams(page, { year: '2019', theme: 'counter-terrorism' });

  // By statement, a cell also picks the speaker.
  await page.goBack();
  await waitForParams(page, { view: 'themes' });
  await page.click('ul.grid-axis a.axis-statement');
  await waitForParams(page, { view: 'themes', by: 'statement' });
  const byStatement = await eventually(async () => {
    const g = await readThemeGrid(page);
    assert.deepEqual(g.cols, IDS_BY_DATE);
    return g;
  });
  assert.deepEqual(byStatement.rows['counter-terrorism'].map((c) => c.pct), row.map((c) => c.pct), 'one statement a year: the same shares');
  await page.click('a[data-theme="counter-terrorism"][data-col="2019-semerikov"]');
  await waitForParams(page, { speaker: 'semerikov', year: '2019', theme: 'counter-terrorism', by: 'statement' });
  await waitForIds(page, ['2019-semerikov']);
});

test('trends: terrorism has a point per year of the filtered statements, and the table has the same numbers', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  const counts = countInCorpus(TERROR);
  const wordCounts = Object.fromEntries(IDS_BY_DATE.map((id) => [id, sum(paras[id].map((p) => words(p.text).length))]));
  const rate = (id) => ((counts[id] * 10000) / wordCounts[id]).toFixed(1);

  /** Chart and table agree with each other and with the text, for these statements. */
  async function check(ids) {
    const t = await eventually(async () => {
      const t = await readTrends(page);
      assert.ok(t?.table, 'no trends table');
      assert.deepEqual(t.series.map((s) => s.points.map((p) => p.x)), [ids.map((id) => String(byId(id).year))]);
      return t;
    });
    assert.deepEqual(t.legend, ['terrorism']);
    assert.equal(t.series[0].label, 'terrorism');
    assert.deepEqual(t.xLabels, ids.map((id) => String(byId(id).year)));
    assert.deepEqual(t.table.head, ids.map((id) => String(byId(id).year)));
    assert.deepEqual(t.table.rows.map((r) => r.label), ['terrorism']);
    const fromChart = t.series[0].points.map((p) => parsePointTitle(p.title));
    const fromTable = t.table.rows[0].cells.map(parseTrendCell);
    assert.deepEqual(fromTable, fromChart, 'the table has the chart’s numbers');
    assert.deepEqual(fromChart, ids.map((id) => ({ count: counts[id], rate: rate(id) })), 'terror* words per year and per 10,000 words');
    assert.deepEqual(t.table.words, ids.map((id) => wordCounts[id]), 'words per year');
    return t;
  }

  await openApp(page, '');
  await search(page, 'terrorism');
  await waitForCount(page, /^5 statements/);
  await waitForParams(page, { q: 'terrorism' });
  await clickTab(page, 'trends');
  await waitForParams(page, { q: 'terrorism', view: 'trends' });
  const all = await check(IDS_BY_DATE);
  assert.deepEqual(all.axis, ['By year']);
  assert.match(all.what, /^Occurrences of “terrorism”/);

  await tick(page, 'speaker', 'bordyuzha');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha', view: 'trends' });
  await check(['2016-bordyuzha']);
  await tick(page, 'speaker', 'semerikov');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha,semerikov', view: 'trends' });
  await check(['2016-bordyuzha', '2019-semerikov']);

  // A year range filters the same way.
  await openApp(page, 'q=terrorism&from=2007&to=2019&view=trends');
  await check(['2007-nazarbayev', '2016-bordyuzha', '2019-semerikov']);

  // With no search, every theme is charted, one point per year.
  await openApp(page, 'view=trends');
  const themes = await eventually(async () => {
    const t = await readTrends(page);
    assert.ok(t.series.length > 1);
    return t;
  });
  for (const s of themes.series) assert.deepEqual(s.points.map((p) => p.x), YEARS, s.label);
  assert.equal(themes.table.rows.length, themes.series.length);
  assert.deepEqual(themes.legend, themes.series.map((s) => s.label));
});

test('trends: comparing a second term adds a second series and a second t= parameter', async () => {
  const page = await app.newPage();
  const terror = countInCorpus(TERROR);
  const migration = countInCorpus(MIGRATION);
  await openApp(page, 'q=terrorism&view=trends');
  await eventually(async () => assert.deepEqual((await readTrends(page)).legend, ['terrorism']));

  await page.fill('#compare-term', 'migration');
  await page.click('form.compare-form button[type=submit]');
  await waitForQuery(page, { q: 'terrorism', view: 'trends', t: ['terrorism', 'migration'] });
  const t = await eventually(async () => {
    const t = await readTrends(page);
    assert.deepEqual(t.legend, ['terrorism', 'migration']);
    return t;
  });
  assert.equal(await page.inputValue('#compare-term'), '', 'the box is emptied for the next term');
  assert.match(t.what, /^Comparing 2 terms\./);
  assert.deepEqual(t.series.map((s) => s.label), ['terrorism', 'migration']);
  assert.deepEqual(t.table.rows.map((r) => r.label), ['terrorism', 'migration']);
  for (const [i, expected] of [terror, migration].entries()) {
    assert.deepEqual(t.series[i].points.map((p) => p.x), YEARS);
    const fromChart = t.series[i].points.map((p) => parsePointTitle(p.title).count);
    assert.deepEqual(fromChart, IDS_BY_DATE.map((id) => expected[id]), t.series[i].label);
    assert.deepEqual(t.table.rows[i].cells.map((c) => parseTrendCell(c)), t.series[i].points.map((p) => parsePointTitle(p.title)));
  }

  // By statement: the same figures, one column per statement.
  await page.click('ul.trend-axis a.axis-statement');
  await waitForQuery(page, { q: 'terrorism', view: 'trends', t: ['terrorism', 'migration'], by: 'statement' });
  const byStatement = await eventually(async () => {
    const b = await readTrends(page);
    assert.deepEqual(b.series[0].points.map((p) => p.x), IDS_BY_DATE);
    return b;
  });
  assert.deepEqual(byStatement.table.rows.map((r) => r.cells), t.table.rows.map((r) => r.cells));

  // Removing a term from the legend takes it out of the URL.
  await page.click('ul.legend li.legend-1 button.remove');
  await waitForQuery(page, { q: 'terrorism', view: 'trends', t: ['terrorism'], by: 'statement' });
  await eventually(async () => assert.deepEqual((await readTrends(page)).legend, ['terrorism']));
});

test('resolutions: 1373 lists the statements citing it, filters to them, and links to its UN record', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  const citing = IDS_BY_DATE.filter((id) => paras[id].some((p) => /\b1373\b/.test(p.text)));
  const passages = sum(IDS_BY_DATE.map((id) => paras[id].filter((p) => /\b1373\b/.test(p.text)).length));
  assert.deepEqual(citing, ['2004-kazykhanov', '2019-semerikov']);

  await openApp(page, '');
  await page.click('details.entity-facets > summary');
  await page.waitForSelector('#facet-sc input[value="sc-1373"]'); // the lists are drawn when opened
  const sc = await readEntityFacet(page, 'sc');
  assert.deepEqual(sc['sc-1373'], {
    label: 'S/RES/1373 (2001)',
    count: `${citing.length} · ${passages}`,
    checked: false,
    href: 'https://undocs.org/S/RES/1373(2001)',
  });
  for (const [key, e] of Object.entries(sc)) {
    const m = /^sc-(\d+)$/.exec(key);
    assert.ok(m, key);
    if (e.href) assert.match(e.href, new RegExp(`^https://undocs\\.org/S/RES/${m[1]}\\(\\d{4}\\)$`), key);
  }
  for (const href of await page.$$eval('details.entity-facets a.record-link', (as) => as.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^https:\/\/undocs\.org\//);
  }

  await page.click('#facet-sc input[value="sc-1373"]');
  await waitForParams(page, { entity: 'sc-1373' });
  const r = await waitForIds(page, citing);
  assert.equal(r.count, `${citing.length} statements, ${passages} passages`);
  for (const s of r.snippets) assert.match(s.text, /1373/);
  assert.equal((await readEntityFacet(page, 'sc'))['sc-1373'].checked, true);
  assert.equal(await page.$eval('details.entity-facets', (d) => d.open), true, 'the facets stay open while one is ticked');

  // The reader lists the citation with its UN record, and it filters back.
  await page.click('li.result[data-statement="2019-semerikov"] h2.title a');
  await waitForReader(page, '2019-semerikov');
  await page.click('details.statement-entities > summary');
  const item = page.locator('details.statement-entities li[data-entity="sc-1373"]');
  assert.equal(await item.locator('a', { hasText: 'UN record' }).getAttribute('href'), 'https://undocs.org/S/RES/1373(2001)');
  await page.goto(`${app.url}statements/2019-semerikov/`);
  await waitForReader(page, '2019-semerikov');
  await page.click('details.statement-entities > summary');
  await item.locator('a', { hasText: 'S/RES/1373 (2001)' }).click();
  await waitForParams(page, { entity: 'sc-1373' });
  await waitForIds(page, citing);
});

test('distinctive terms: counts and G² agree with the text, and a term searches it', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  const wordsOf = (ids) => sum(ids.map((id) => sum(paras[id].map((p) => words(p.text).length))));
  const all = wordsOf(IDS_BY_DATE);

  /** The table is sorted by G², each G² follows from the counts, and the stars from G². */
  function checkTable(kw, target) {
    const c = wordsOf(target);
    const d = all - c;
    assert.match(kw.caption, new RegExp(`\\(${c.toLocaleString('en-US')} words against ${d.toLocaleString('en-US')}\\)`));
    assert.ok(kw.rows.length > 5);
    assert.deepEqual(kw.rows.map((r) => r.rank), kw.rows.map((_, i) => i + 1));
    for (const [i, r] of kw.rows.entries()) {
      assert.ok(r.target > 0 && r.target / c > r.rest / d, `${r.term} is over-represented`);
      assert.ok(Math.abs(logLikelihood(r.target, r.rest, c, d) - r.g2) <= 0.051, `${r.term}: G² ${r.g2}`);
      if (i > 0) assert.ok(kw.rows[i - 1].g2 >= r.g2, 'most distinctive first');
      const stars = r.g2 > 10.83 ? '***' : r.g2 > 6.63 ? '**' : r.g2 > 3.84 ? '*' : '';
      assert.equal(r.stars, stars, r.term);
    }
  }

  await openApp(page, '');
  await clickTab(page, 'compare');
  await waitForParams(page, { view: 'compare' });
  const first = await eventually(async () => {
    const k = await readKeywords(page);
    assert.ok(k?.rows.length);
    return k;
  });
  assert.deepEqual(first.current, [STATEMENTS[0].speaker], 'the first speaker by default');

  await page.click(`.kw-targets a:text-is("Nikolai Bordyuzha")`);
  await waitForParams(page, { view: 'compare', a: 'speaker:bordyuzha' });
  const kw = await eventually(async () => {
    const k = await readKeywords(page);
    assert.deepEqual(k.current, ['Nikolai Bordyuzha']);
    return k;
  });
  assert.match(kw.caption, /^Terms Nikolai Bordyuzha uses more than the rest of the corpus/);
  checkTable(kw, ['2016-bordyuzha']);

  // The top term's counts are its concordance lines in and outside the statement
  // (a term with aliases is left out: its search finds its other spellings too).
  const aliases = aliasTerms();
  const plain = kw.rows.filter((r) => !aliases.has(fold(r.term)));
  const top = plain[0];
  for (const r of plain.slice(0, 3)) {
    await openApp(page, `q=${encodeURIComponent(r.term)}&view=concordance`);
    const lines = (await waitForKwic(page, r.target + r.rest)).lines;
    assert.equal(lines.filter((l) => l.statement === '2016-bordyuzha').length, r.target, `${r.term} in Bordyuzha`);
  }
  await openApp(page, 'view=compare&a=speaker:bordyuzha');

  // A term is a search for it.
  await eventually(async () => assert.equal((await readKeywords(page))?.rows[top.rank - 1]?.term, top.term));
  await page.click(`table.keywords tbody tr:nth-child(${top.rank}) th.term a`);
  await waitForParams(page, { q: top.term, a: 'speaker:bordyuzha' });
  await waitForView(page, 'results', 'Results');
  assert.equal(await page.inputValue('#q'), top.term);
  const r = await waitForCount(page, /^\d+ statements?, \d+ passages?$/);
  assert.ok(r.ids.includes('2016-bordyuzha'));
  assert.ok(r.snippets.some((s) => s.marks.some((m) => fold(m) === fold(top.term))), `${top.term} highlighted`);

  // A year as the target.
  await page.goBack();
  await waitForParams(page, { view: 'compare', a: 'speaker:bordyuzha' });
  await waitForView(page, 'compare', TAB.compare);
  await page.click(`.kw-targets a:text-is("2019")`);
  await waitForParams(page, { view: 'compare', a: 'year:2019' });
  const y = await eventually(async () => {
    const k = await readKeywords(page);
    assert.deepEqual(k.current, ['2019']);
    return k;
  });
  assert.match(y.caption, /^Terms the 2019 statements use more than the rest of the corpus/);
  checkTable(y, ['2019-semerikov']);
});

test('the concordance, the trends (by statement), the results and the reader count the same hits', async () => {
  const page = await app.newPage();
  for (const q of ['terrorism', '"illegal migration"', 'Kanal', 'Nayomnik OR Proxy', 'terrorism -Afghanistan']) {
    const enc = new URLSearchParams({ q }).toString();
    await openApp(page, `${enc}&view=concordance`);
    const kwic = await eventually(async () => {
      const k = await readKwic(page);
      assert.match(k.count, /^\d+ lines?$/);
      assert.equal(k.count, `${k.lines.length} line${k.lines.length === 1 ? '' : 's'}`);
      return k;
    });
    const lines = Object.fromEntries(IDS_BY_DATE.map((id) => [id, kwic.lines.filter((l) => l.statement === id).length]));

    await openApp(page, `${enc}&view=trends&by=statement`);
    const t = await eventually(async () => {
      const t = await readTrends(page);
      assert.deepEqual(t.series.map((s) => s.points.map((p) => p.x)), [IDS_BY_DATE]);
      return t;
    });
    const trend = Object.fromEntries(t.series[0].points.map((p) => [p.x, parsePointTitle(p.title).count]));
    assert.deepEqual(trend, lines, `${q}: trends and concordance`);

    await openApp(page, enc);
    const r = await waitForCount(page, /^\d+ statements?, \d+ passages?$/);
    assert.deepEqual([...r.ids].sort(), IDS_BY_DATE.filter((id) => lines[id] > 0), `${q}: results and concordance`);
    const paras = new Set(kwic.lines.map((l) => `${l.statement}¶${l.para}`));
    assert.equal(parseCount(r.count).passages, paras.size, `${q}: passages with a line`);

    for (const id of r.ids) {
      await openApp(page, `statements/${id}/?${enc}`);
      const reader = await waitForReader(page, id);
      assert.equal(reader.marks, lines[id], `${q}: hits in the reader of ${id}`);
    }
  }
});

test('exports: the CSV and JSON downloads have one row per result, passage and concordance line', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  await search(page, 'terrorism');
  const results = await waitForCount(page, /^5 statements/);
  await waitForParams(page, { q: 'terrorism' });
  const { statements, passages } = parseCount(results.count);

  const st = await download(page, 'export-statements-csv');
  assert.equal(st.name, 'csto-statements.csv');
  const stCsv = csvObjects(st.text);
  assert.equal(stCsv.records.length, statements, 'one row per result statement');
  assert.deepEqual(stCsv.records.map((r) => r.id), results.ids, 'in the list’s order');
  for (const row of stCsv.records) {
    const s = byId(row.id);
    assert.equal(row.speaker, s.speaker);
    assert.equal(row.date, s.iso);
    assert.match(row.role, s.role);
    assert.match(row.venue, s.venue);
    assert.match(row.record, s.record);
    assert.equal(row.date_precision, s.inferred ? 'inferred' : 'exact');
    assert.equal(`${row.matching_passages} matching passage${row.matching_passages === '1' ? '' : 's'}`, results.hits[row.id]);
    assert.ok(row.permalink.startsWith(`${app.url}statements/${row.id}/`), row.permalink);
    assert.equal(viewOfUrl(row.permalink, app.url).doc, row.id);
    assert.equal(viewOfUrl(row.permalink, app.url).p, undefined);
    assert.match(row.corpus_version, /^[0-9a-f]{12}$/);
  }
  // A quoted field with quotes inside survives the round trip.
  assert.match(stCsv.records.find((r) => r.id === '2004-kazykhanov').venue, /\("Threats to international peace and security caused by terrorist acts"\)$/);
  assert.equal(sum(stCsv.records.map((r) => Number(r.matching_passages))), passages);

  const pa = await download(page, 'export-passages-csv');
  assert.equal(pa.name, 'csto-passages.csv');
  const paCsv = csvObjects(pa.text);
  assert.equal(paCsv.records.length, passages, 'one row per matching passage');
  for (const row of paCsv.records) {
    assert.match(row.text, /terror/i);
    assert.ok(row.permalink.startsWith(`${app.url}statements/${row.statement}/`), row.permalink);
    assert.equal(viewOfUrl(row.permalink, app.url).doc, row.statement);
    assert.equal(viewOfUrl(row.permalink, app.url).p, row.paragraph);
    assert.ok(row.permalink.endsWith(`#p${row.paragraph}`), row.permalink);
  }

  const js = await download(page, 'export-statements-json');
  assert.equal(js.name, 'csto-statements.json');
  const json = JSON.parse(js.text);
  assert.equal(json.length, statements);
  assert.deepEqual(json.map((r) => r.id), results.ids);
  assert.deepEqual(json.map((r) => String(r.matching_passages)), stCsv.records.map((r) => r.matching_passages));
  const pj = JSON.parse((await download(page, 'export-passages-json')).text);
  assert.equal(pj.length, passages);
  assert.deepEqual(pj.map((r) => r.text), paCsv.records.map((r) => r.text), 'JSON and CSV have the same passages');

  // A narrower search exports fewer rows.
  await tick(page, 'speaker', 'semerikov');
  const narrow = await waitForCount(page, /^1 statement, \d+ passages$/);
  await waitForParams(page, { q: 'terrorism', speaker: 'semerikov' });
  assert.equal(csvObjects((await download(page, 'export-statements-csv')).text).records.length, 1);
  assert.equal(csvObjects((await download(page, 'export-passages-csv')).text).records.length, parseCount(narrow.count).passages);

  // The concordance export: one row per line, in the view's order.
  const n = sum(Object.values(countInCorpus(PEACEKEEP)));
  await openApp(page, 'q=peacekeeping&view=concordance&ksort=right');
  const kwic = await waitForKwic(page, n, 'right');
  const kc = await download(page, 'export-concordance-csv');
  assert.equal(kc.name, 'csto-concordance.csv');
  const kcCsv = csvObjects(kc.text);
  assert.equal(kcCsv.records.length, kwic.lines.length, 'one row per concordance line');
  assert.deepEqual(
    kcCsv.records.map((r) => `${r.statement}¶${r.paragraph}|${squash(r.left)}|${r.hit}|${squash(r.right)}`),
    kwic.lines.map((l) => `${l.statement}¶${l.para}|${squash(stripCut(l.left))}|${l.hit}|${squash(stripCut(l.right))}`),
  );
  const kj = JSON.parse((await download(page, 'export-concordance-json')).text);
  assert.equal(kj.length, n);
});

test('cite: the reader’s Cite button gives a full citation whose permalink reopens that paragraph', async () => {
  const page = await app.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await openApp(page, '');
  await page.click('li.result[data-statement="2016-bordyuzha"] h2.title a');
  await waitForReader(page, '2016-bordyuzha');
  await waitForParams(page, { doc: '2016-bordyuzha' });
  const s = byId('2016-bordyuzha');

  await page.click('#p7 button.cite-toggle');
  const text = await page.inputValue('#p7 .cite-box textarea');
  assert.equal(await page.getAttribute('#p7 button.cite-toggle', 'aria-expanded'), 'true');
  assert.ok(text.startsWith('Bordyuzha, Nikolai (Secretary-General of the CSTO). “'), text);
  assert.match(text, s.venue);
  assert.ok(text.includes(`, ${s.date}. S/PV.7796, para. 7. `), text);
  assert.doesNotMatch(text, /date inferred/);
  const permalink = /(\S+) \(accessed \d{1,2} [A-Z][a-z]+ \d{4}\)\. Corpus version [0-9a-f]{12}\.$/.exec(text)?.[1];
  // The version cited is the one the page's footer shows.
  const version = /corpus ([0-9a-f]{12})/.exec(await page.textContent('footer.provenance-footer'))?.[1];
  assert.ok(version && text.endsWith(`Corpus version ${version}.`), text);
  assert.equal(permalink, `${app.url}statements/2016-bordyuzha/#p7`);
  assert.deepEqual(urlParams(page), { doc: '2016-bordyuzha' }, 'citing does not navigate');

  // The permalink, opened by someone else, shows that paragraph targeted.
  const other = await app.newPage();
  await openApp(other, permalink.slice(app.url.length));
  const r = await waitForReader(other, '2016-bordyuzha');
  assert.deepEqual(r.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7']);
  await eventually(async () => assert.ok(await inViewport(other, '#p7'), '¶7 is scrolled into view'));
  assert.equal(r.paragraphs[6].text, (await readReader(page)).paragraphs[6].text);

  // The whole statement's citation; an inferred date says so.
  await openApp(page, 'statements/2004-kazykhanov/');
  await waitForReader(page, '2004-kazykhanov');
  await page.click('article.reader header button.cite-toggle');
  const whole = await page.inputValue('article.reader header .cite-box textarea');
  const k = byId('2004-kazykhanov');
  assert.ok(whole.startsWith(`Kazykhanov, Yerzhan (`), whole);
  assert.match(whole, k.venue);
  assert.ok(whole.includes(`${k.date} (date inferred).`), whole);
  assert.ok(whole.includes(` ${app.url}statements/2004-kazykhanov/ (accessed `), whole);
  assert.doesNotMatch(whole, /para\./);

  // The reader ends with "Cite this statement": the same citation in the page
  // itself (so in the prerendered page too), without an access date.
  const citeAs = await page.evaluate(() => {
    const sec = document.querySelector('article.reader section.cite-as');
    return sec && {
      title: sec.querySelector('h3')?.textContent.trim(),
      text: sec.querySelector('.citation')?.textContent.replace(/\s+/g, ' ').trim(),
      last: sec === sec.closest('article.reader').lastElementChild,
    };
  });
  assert.ok(citeAs, 'no section.cite-as in the reader');
  assert.equal(citeAs.title, 'Cite this statement');
  assert.ok(citeAs.last, 'the reader does not end with its citation');
  assert.equal(citeAs.text, whole.replace(/ \(accessed \d{1,2} [A-Z][a-z]+ \d{4}\)/, ''), 'Cite this statement differs from the Cite box’s citation');

  // The other formats, each with the same permalink; Download saves what the box shows.
  const box = 'article.reader header .cite-box';
  const options = await page.$$eval(`${box} select option`, (os) => os.map((o) => [o.value, o.textContent.trim()]));
  assert.deepEqual(options, [['txt', 'Text'], ['bib', 'BibTeX'], ['ris', 'RIS'], ['json', 'CSL-JSON']]);
  const shape = {
    txt: (t) => assert.equal(t, whole),
    bib: (t) => assert.match(t, /^@\w+\{[^,\s]+,\n[\s\S]*\}\s*$/),
    ris: (t) => {
      assert.match(t, /^TY {2}- /);
      assert.match(t, /^ER {2}- ?$/m);
    },
    json: (t) => assert.ok(JSON.parse(t), t),
  };
  for (const [ext] of [...options.slice(1), options[0]]) {
    await page.selectOption(`${box} select`, ext);
    const button = `${box} button:text-is("Download .${ext}")`;
    await page.waitForSelector(button, { timeout: 5000 });
    const shown = await page.inputValue(`${box} textarea`);
    shape[ext](shown);
    assert.ok(shown.includes(`${app.url}statements/2004-kazykhanov/`), `${ext}: no permalink in ${shown}`);
    assert.ok(!shown.includes('?doc='), `${ext}: an older link in ${shown}`);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(button)]);
    assert.ok(dl.suggestedFilename().endsWith(`.${ext}`), `${ext}: saved as ${dl.suggestedFilename()}`);
    // (A textarea shows CRLF line ends, which RIS asks for, as LF.)
    const saved = fs.readFileSync(await dl.path(), 'utf8');
    assert.equal(saved.replace(/\r\n/g, '\n').trimEnd(), shown.trimEnd(), `${ext}: the file is not what the box shows`);
  }

  /** Copy citation in the box `box`: the clipboard then holds `expected`, and the box says so. */
  const copyCitation = async (box, expected) => {
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await page.click(`${box} button:text-is("Copy citation")`);
    await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected));
    assert.equal((await page.textContent(`${box} .cite-status`))?.trim(), 'Copied');
  };
  await copyCitation(box, whole);

  // A paragraph's Cite box is on the screen (within the page's width), and copies too.
  await openApp(page, 'statements/2016-bordyuzha/#p7');
  await waitForReader(page, '2016-bordyuzha');
  await page.click('#p7 button.cite-toggle');
  assert.equal(await page.inputValue('#p7 .cite-box textarea'), text);
  const boxAt = await page.$eval('#p7 .cite-box', (el) => {
    const r = el.getBoundingClientRect();
    return { left: Math.round(r.left), right: Math.round(r.right), width: innerWidth };
  });
  assert.ok(boxAt.left >= 0 && boxAt.right <= boxAt.width, `the Cite box of ¶7 is off the screen: ${JSON.stringify(boxAt)}`);
  await copyCitation('#p7 .cite-box', text);
});

test('every research view is reproducible from its URL: reload and a new browser context show the same', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  // Each step is a click or two; `set` is what it changes in the address.
  const steps = [
    {
      name: 'search',
      set: { q: 'terrorism' },
      act: async () => {
        await search(page, 'terrorism');
        await waitForCount(page, /^5 statements/);
      },
    },
    { name: 'concordance tab', set: { view: 'concordance' }, act: () => clickTab(page, 'concordance') },
    { name: 'right sort', set: { ksort: 'right' }, act: () => page.click('ul.kwic-sort a.sort-right') },
    { name: 'speaker filter', set: { speaker: 'semerikov' }, act: () => tick(page, 'speaker', 'semerikov') },
    { name: 'trends tab', set: { view: 'trends' }, act: () => clickTab(page, 'trends') },
    {
      name: 'compare',
      set: { t: ['terrorism', 'extremism'] },
      act: async () => {
        await page.fill('#compare-term', 'extremism');
        await page.click('form.compare-form button[type=submit]');
      },
    },
    { name: 'by statement', set: { by: 'statement' }, act: () => page.click('ul.trend-axis a.axis-statement') },
    { name: 'themes tab', set: { view: 'themes' }, act: () => clickTab(page, 'themes') },
    { name: 'compare tab', set: { view: 'compare' }, act: () => clickTab(page, 'compare') },
    { name: 'compare year', set: { a: 'year:2024' }, act: () => page.click('.kw-targets a:text-is("2024")') },
  ];
  let params = {};
  for (const { name, set, act } of steps) {
    params = { ...params, ...set };
    await act();
    await waitForQuery(page, params);
    const view = params.view ?? 'results';
    await waitForView(page, view, TAB[view]);
    const shown = await eventually(async () => {
      const a = await viewSnapshot(page);
      await sleep(50);
      assert.deepEqual(await viewSnapshot(page), a, 'settled');
      return a;
    });
    const url = page.url();

    const fresh = await app.newPage();
    await openApp(fresh, new URL(url).search.slice(1));
    await waitForView(fresh, view, TAB[view]);
    await eventually(async () => assert.deepEqual(await viewSnapshot(fresh), shown, `${name}: a new context at ${url}`));
    await fresh.context().close();

    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    assert.equal(page.url(), url);
    await eventually(async () => assert.deepEqual(await viewSnapshot(page), shown, `${name}: after reload of ${url}`));
  }
});

test('Back and Forward step between the tabs, each with its URL and view', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=terrorism');
  await waitForView(page, 'results', 'Results');
  const visited = [['results', { q: 'terrorism' }]];
  for (const view of ['concordance', 'trends', 'themes', 'compare']) {
    const before = await page.evaluate(() => history.length);
    await clickTab(page, view);
    await waitForParams(page, { q: 'terrorism', view });
    assert.equal(await page.evaluate(() => history.length), before + 1, `${view}: a tab click is a history entry`);
    visited.push([view, { q: 'terrorism', view }]);
  }
  // The tabs keep the query and the filters, and the active one is marked.
  const { tabs } = await readTabs(page);
  const all = { ...TAB, ...LATER_TABS };
  assert.deepEqual(tabs.map((t) => t.label), Object.values(all));
  assert.deepEqual(tabs.map((t) => t.href), ['?q=terrorism', ...Object.keys(all).slice(1).map((v) => `?q=terrorism&view=${v}`)]);

  for (let i = visited.length - 2; i >= 0; i--) {
    await page.goBack();
    const [view, params] = visited[i];
    await waitForParams(page, params);
    await waitForView(page, view, TAB[view]);
  }
  for (let i = 1; i < visited.length; i++) {
    await page.goForward();
    const [view, params] = visited[i];
    await waitForParams(page, params);
    await waitForView(page, view, TAB[view]);
  }
  // Back out of a concordance line's reader returns to the concordance.
  await openApp(page, 'q=terrorism&view=concordance');
  await waitForView(page, 'concordance', 'Concordance');
  const line = (await readKwic(page)).lines[0];
  await page.click('tr.kwic-line:first-child td.hit a');
  await waitForReader(page, line.statement);
  assert.equal(await shownView(page), 'reader');
  assert.deepEqual(urlParams(page), { q: 'terrorism', doc: line.statement, p: String(line.para) });
  assert.deepEqual(allParams(page), { q: ['terrorism'] }, 'one q, nothing else in the query');
  await page.goBack();
  await waitForParams(page, { q: 'terrorism', view: 'concordance' });
  await waitForView(page, 'concordance', 'Concordance');
  await page.goForward();
  await waitForReader(page, line.statement);
});
