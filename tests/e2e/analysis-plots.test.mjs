// The collocates and dispersion views, and the proximity and wildcard
// search syntax, used as a researcher does: through the tabs and controls,
// checking the address after every step, reload and Back/Forward, following
// the links they offer (a collocate to the concordance, a dispersion mark to
// its paragraph), and checking what they show against the concordance, the
// reader's text and figures computed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useApp, openApp } from './helpers.mjs';
import { IDS_BY_DATE, eventually, waitForParams, waitForReader, search, tick, readResults, viewOfHref } from './app-helpers.mjs';
import { readKwic, readerParagraphs, words, fold, sum, squash, csvObjects } from './research-helpers.mjs';

const app = useApp();

/** What the collocates view shows: the description, the order, the stop-word switch and every row. */
function readColloc(page) {
  return page.evaluate(() => {
    const sec = document.querySelector('section.collocates-view');
    if (!sec) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    const num = (td) => Number(td.textContent.replace(/,/g, ''));
    const table = sec.querySelector('table.collocates-table');
    return {
      what: sq(sec.querySelector('p.what')?.textContent ?? ''),
      empty: sq(sec.querySelector('.empty')?.textContent ?? ''),
      caption: sq(table?.querySelector('caption')?.textContent ?? ''),
      rowCount: sq(sec.querySelector('.row-count')?.textContent ?? ''),
      sortedBy: [...sec.querySelectorAll('thead th[aria-sort]')].map((th) => sq(th.textContent)),
      stop: [...sec.querySelectorAll('ul.stop-toggle a[aria-current="true"]')].map((a) => sq(a.textContent)),
      left: sec.querySelector('#colloc-left')?.value,
      right: sec.querySelector('#colloc-right')?.value,
      min: sec.querySelector('#colloc-min')?.value,
      rows: table
        ? [...table.querySelectorAll('tbody tr')].map((tr) => ({
            word: sq(tr.querySelector('th').textContent),
            href: tr.querySelector('th a').getAttribute('href'),
            observed: num(tr.querySelector('td.observed')),
            freq: num(tr.querySelector('td.collocate-freq')),
            expected: num(tr.querySelector('td.expected')),
            mi: num(tr.querySelector('td.mi')),
            logDice: num(tr.querySelector('td.log-dice')),
            g2: num(tr.querySelector('td.g2')),
          }))
        : [],
    };
  });
}

/** What the dispersion view shows: the figures, each plotted row with its marks, and the table. */
function readDisp(page) {
  return page.evaluate(() => {
    const sec = document.querySelector('section.dispersion-view');
    if (!sec) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    const dd = (cls) => sq(sec.querySelector(`.disp-stats .${cls} dd`)?.textContent ?? '');
    const table = sec.querySelector('table.dispersion-table');
    return {
      range: dd('stat-range'),
      dp: dd('stat-dp'),
      dpNorm: dd('stat-dpnorm'),
      freq: dd('stat-freq'),
      empty: sq(sec.querySelector('.empty')?.textContent ?? ''),
      plot: [...sec.querySelectorAll('li.disp-row')].map((li) => ({
        statement: li.dataset.statement,
        count: Number(li.querySelector('.disp-count').textContent.replace(/,/g, '')),
        rate: sq(li.querySelector('.disp-rate').textContent),
        barLabel: li.querySelector('svg').getAttribute('aria-label'),
        ticks: [...li.querySelectorAll('svg a')].map((a) => ({
          href: a.getAttribute('href'),
          label: a.getAttribute('aria-label'),
          x: Number(a.querySelector('line.tick').getAttribute('x1')),
        })),
        bar: Number(li.querySelector('rect.bar').getAttribute('width')),
      })),
      table: table
        ? [...table.querySelectorAll('tbody tr')].map((tr) => ({
            statement: sq(tr.querySelector('th').textContent),
            tokens: Number(tr.querySelector('td.tokens').textContent.replace(/,/g, '')),
            hits: Number(tr.querySelector('td.hits').textContent.replace(/,/g, '')),
            rate: sq(tr.querySelector('td.per-10k').textContent),
            paragraphs: sq(tr.querySelector('td.paragraphs').textContent),
          }))
        : [],
    };
  });
}

/** Wait until `read` gives something `check` accepts; returns it. */
function waitFor(page, read, check = () => {}) {
  return eventually(async () => {
    const v = await read(page);
    assert.ok(v, 'view not shown');
    await check(v);
    return v;
  });
}

/** Click a DataTable export button in `section` and return { name, text }. */
async function tableDownload(page, section, kind) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(`${section} button.export-${kind}`)]);
  const file = await dl.path();
  assert.ok(file, `download ${dl.suggestedFilename()} failed`);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** Lines of the concordance per statement: { id: n }. */
async function kwicPerStatement(page, q) {
  await openApp(page, `q=${encodeURIComponent(q)}&view=concordance`);
  const k = await waitFor(page, readKwic, (k) => assert.match(k.count, /^\d+ lines?$/));
  const out = Object.fromEntries(IDS_BY_DATE.map((id) => [id, 0]));
  for (const l of k.lines) out[l.statement]++;
  return out;
}

const isSortedDesc = (xs) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);
const TERROR_WORD = /^terror/i;

test('collocates: open via the tab, change window, minimum, stop words and order; the URL follows, reload and Back/Forward reproduce', async () => {
  const page = await app.newPage();
  await openApp(page, 'view=collocates');
  const none = await waitFor(page, readColloc);
  assert.match(none.empty, /Type a word above/);
  assert.equal(await page.getAttribute('section.collocates-view .empty a', 'href'), '?q=terrorism&view=collocates');

  await openApp(page, 'q=terrorism');
  await page.click('nav.tabs a.tab:text-is("Collocates")');
  await waitForParams(page, { q: 'terrorism', view: 'collocates' });
  const first = await waitFor(page, readColloc, (c) => assert.ok(c.rows.length > 5));
  assert.match(first.what, /^Words within 5 words to the left and 5 to the right of “terrorism” \(\d+ occurrences among [\d,]+ words in 5 statements\), co-occurring at least 2 times: \d+ collocates \(\d+ stop words hidden\)\.$/);
  assert.deepEqual([first.left, first.right, first.min], ['5', '5', '2']);
  assert.deepEqual(first.stop, ['Hidden']);
  assert.deepEqual(first.sortedBy, ['log-Dice']);
  assert.ok(isSortedDesc(first.rows.map((r) => r.logDice)), 'highest log-Dice first');
  for (const r of first.rows) {
    assert.ok(r.observed >= 2 && r.observed <= r.freq, `${r.word}: 2 ≤ O11 ≤ C1`);
    assert.ok(r.logDice <= 14);
    assert.ok(!['the', 'of', 'and', 'to', 'in'].includes(r.word), `stop word ${r.word} hidden`);
  }
  assert.equal(first.rowCount, `${first.rows.length} rows`);

  // A narrower window: fewer or equal co-occurrences for every collocate.
  await page.selectOption('#colloc-left', '2');
  await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2' });
  // The select shows the choice at once; the rows are the new ones once the
  // sentence above them (rendered with them) says so.
  const narrow = await waitFor(page, readColloc, (c) => {
    assert.equal(c.left, '2');
    assert.match(c.what, /^Words within 2 words to the left/);
  });
  assert.match(narrow.what, /^Words within 2 words to the left and 5 to the right/);
  const wide = Object.fromEntries(first.rows.map((r) => [r.word, r.observed]));
  for (const r of narrow.rows) if (r.word in wide) assert.ok(r.observed <= wide[r.word], `${r.word}: ${r.observed} > ${wide[r.word]}`);

  await page.selectOption('#colloc-min', '3');
  await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2', min: '3' });
  const min3 = await waitFor(page, readColloc, (c) => {
    assert.equal(c.min, '3');
    assert.match(c.what, /co-occurring at least 3 times/);
  });
  assert.ok(min3.rows.every((r) => r.observed >= 3));

  await page.click('ul.stop-toggle a.stop-show');
  await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2', min: '3', stop: 'show' });
  const stops = await waitFor(page, readColloc, (c) => assert.deepEqual(c.stop, ['Shown']));
  assert.ok(stops.rows.length > min3.rows.length, 'showing stop words adds rows');
  assert.ok(stops.rows.some((r) => ['the', 'of', 'and'].includes(r.word)), 'a stop word is listed');

  // Sort by each sortable column: the URL follows and the rows are in that order.
  const sorts = [
    ['MI', 'mi', (rs) => isSortedDesc(rs.map((r) => r.mi))],
    ['G²', 'g2', (rs) => isSortedDesc(rs.map((r) => r.g2))],
    ['Observed', 'freq', (rs) => isSortedDesc(rs.map((r) => r.observed))],
    ['Collocate', 'alpha', (rs) => rs.every((r, i) => i === 0 || rs[i - 1].word <= r.word)],
  ];
  for (const [label, key, sorted] of sorts) {
    await page.click(`section.collocates-view thead a.sort[href*="tsort=${key}"]`);
    await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2', min: '3', stop: 'show', tsort: key });
    const c = await waitFor(page, readColloc, (c) => assert.deepEqual(c.sortedBy, [label]));
    assert.ok(sorted(c.rows), `sorted by ${label}`);
    assert.deepEqual(c.rows.map((r) => r.word).sort(), stops.rows.map((r) => r.word).sort(), 'the same collocates');
  }
  const last = await readColloc(page);

  // Reload and a fresh browser context reproduce it.
  await page.reload();
  assert.deepEqual(await waitFor(page, readColloc, (c) => assert.ok(c.rows.length)), last);
  const other = await app.newPage();
  await openApp(other, new URL(page.url()).search.slice(1));
  assert.deepEqual(await waitFor(other, readColloc, (c) => assert.ok(c.rows.length)), last);

  // Back walks through the steps, Forward returns.
  const steps = [
    [{ tsort: 'g2' }, ['G²']],
    [{ tsort: 'mi' }, ['MI']],
    [{}, ['log-Dice']],
  ];
  for (const [extra, sortedBy] of [[{ tsort: 'freq' }, ['Observed']], ...steps]) {
    await page.goBack();
    await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2', min: '3', stop: 'show', ...extra });
    await waitFor(page, readColloc, (c) => assert.deepEqual(c.sortedBy, sortedBy));
  }
  await page.goBack();
  await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2', min: '3' });
  assert.deepEqual((await waitFor(page, readColloc, (c) => assert.deepEqual(c.stop, ['Hidden']))).rows, min3.rows);
  await page.goBack();
  await page.goBack();
  await waitForParams(page, { q: 'terrorism', view: 'collocates' });
  assert.deepEqual((await waitFor(page, readColloc, (c) => assert.equal(c.left, '5'))).rows, first.rows);
  await page.goForward();
  await waitForParams(page, { q: 'terrorism', view: 'collocates', l: '2' });
  assert.deepEqual((await waitFor(page, readColloc, (c) => assert.equal(c.left, '2'))).rows, narrow.rows);
});

test('collocates: each collocate opens the concordance of the node near it, every line holding both words', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=terrorism&view=collocates');
  const c = await waitFor(page, readColloc, (c) => assert.ok(c.rows.length > 3));
  const picked = c.rows.filter((r) => !TERROR_WORD.test(r.word)).slice(0, 4);
  assert.equal(picked.length, 4);
  for (const r of picked) {
    await page.click(`table.collocates-table tbody th a:text-is("${r.word}")`);
    await waitForParams(page, { q: `terrorism NEAR/5 ${r.word}`, view: 'concordance' });
    assert.equal(`?${new URL(page.url()).search.slice(1)}`, r.href);
    const k = await waitFor(page, readKwic, (k) => assert.ok(k.lines.length > 0));
    // Each co-occurring word is in at least one node–collocate pair.
    assert.ok(k.lines.length >= r.observed, `${r.word}: ${k.lines.length} lines < O11 ${r.observed}`);
    const stem = fold(r.word).slice(0, Math.min(5, r.word.length));
    for (const l of k.lines) {
      const ws = words(l.hit).map(fold);
      assert.ok(ws.length >= 2 && ws.length <= 6, `${r.word}: a NEAR/5 hit spans 2–6 words: ${l.hit}`);
      const ends = [ws[0], ws.at(-1)];
      assert.ok(ends.some((w) => TERROR_WORD.test(w)), `${r.word}: the hit starts or ends with the node: ${l.hit}`);
      assert.ok(ends.some((w) => w.startsWith(stem)), `${r.word}: the hit starts or ends with the collocate: ${l.hit}`);
    }
    await page.goBack();
    await waitForParams(page, { q: 'terrorism', view: 'collocates' });
    await waitFor(page, readColloc, (c) => assert.ok(c.rows.length));
  }
  // An asymmetric window links with the wider side.
  await openApp(page, 'q=terrorism&view=collocates&l=2&r=7');
  const asym = await waitFor(page, readColloc, (c) => assert.ok(c.rows.length));
  assert.match(new URLSearchParams(asym.rows[0].href.slice(1)).get('q'), /^terrorism NEAR\/7 /);
  // A phrase is not a node; a pattern is.
  await openApp(page, 'q=%22illegal+migration%22&view=collocates');
  assert.match((await waitFor(page, readColloc)).empty, /“illegal migration” cannot be one/);
  await openApp(page, 'q=terror*&view=collocates');
  assert.match((await waitFor(page, readColloc, (c) => assert.ok(c.rows.length))).what, /of “terror\*”/);
});

test('dispersion: a bar per statement, range and DP agree with the counts, each mark opens its paragraph with the hit', async () => {
  const page = await app.newPage();
  const perStatement = await kwicPerStatement(page, 'Afghanistan');
  const paras = await readerParagraphs(app);

  await openApp(page, 'view=dispersion');
  assert.match((await waitFor(page, readDisp)).empty, /Type a search term above/);

  await openApp(page, 'q=Afghanistan');
  await page.click('nav.tabs a.tab:text-is("Dispersion")');
  await waitForParams(page, { q: 'Afghanistan', view: 'dispersion' });
  const d = await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 5));
  assert.deepEqual(d.plot.map((r) => r.statement), IDS_BY_DATE, 'one row per statement, in date order');
  assert.deepEqual(Object.fromEntries(d.plot.map((r) => [r.statement, r.count])), perStatement, 'counts = concordance lines');
  assert.deepEqual(d.plot.map((r) => r.ticks.length), d.plot.map((r) => r.count), 'a mark per hit');
  assert.deepEqual(d.table.map((r) => r.hits), d.plot.map((r) => r.count), 'the table has the same counts');
  const k = d.plot.filter((r) => r.count > 0).length;
  assert.equal(d.range, `${k} of 5 statements`);
  const f = sum(d.table.map((r) => r.hits));
  const total = sum(d.table.map((r) => r.tokens));
  assert.match(d.freq, new RegExp(`^${f} in ${total.toLocaleString('en')} words$`));
  // DP = ½ Σ |hits share − words share| (Gries 2008); DPnorm divides by 1 − smallest share.
  const dp = sum(d.table.map((r) => Math.abs(r.hits / f - r.tokens / total))) / 2;
  assert.equal(d.dp, dp.toFixed(3));
  assert.equal(d.dpNorm, (dp / (1 - Math.min(...d.table.map((r) => r.tokens)) / total)).toFixed(3));
  for (const r of d.table) assert.equal(r.rate, ((r.hits * 10000) / r.tokens).toFixed(1));
  // Bars scale with length: the longest statement fills the width.
  const longest = Math.max(...d.table.map((r) => r.tokens));
  d.plot.forEach((p, i) => assert.ok(Math.abs(p.bar - (1000 * d.table[i].tokens) / longest) < 0.1));

  // Every mark is labelled and points at a paragraph that has the word; marks are in text order.
  const marks = d.plot.flatMap((r) => r.ticks.map((t, i) => ({ ...t, statement: r.statement, i, n: r.ticks.length })));
  for (const t of marks) {
    // A link to the statement's page at the paragraph (statements/<id>/?q=…#pN), relative to the root.
    assert.ok(t.href.startsWith(`statements/${t.statement}/`), t.href);
    const p = viewOfHref(t.href, app.url);
    assert.ok(p.p, `${t.href} names no paragraph`);
    assert.deepEqual(p, { q: 'Afghanistan', doc: t.statement, p: p.p }, t.href);
    assert.match(t.label, new RegExp(`: hit ${t.i + 1} of ${t.n}, word [\\d,]+ of [\\d,]+, paragraph ${p.p}$`));
    assert.match(paras[t.statement][Number(p.p) - 1].text, /afghan/i, `${t.statement} ¶${p.p}`);
  }
  for (const r of d.plot) assert.ok(r.ticks.every((t, i) => i === 0 || r.ticks[i - 1].x <= t.x));
  assert.deepEqual(
    d.table.map((r) => r.paragraphs),
    d.plot.map((r) => [...new Set(r.ticks.map((t) => viewOfHref(t.href, app.url).p))].join(' ')),
  );

  // A mark opens the reader at its paragraph with the hit highlighted; Back returns. By mouse, then keyboard.
  const firstMark = marks[0];
  await page.click(`li.disp-row[data-statement="${firstMark.statement}"] svg a >> nth=0`);
  const para = viewOfHref(firstMark.href, app.url).p;
  await waitForParams(page, { q: 'Afghanistan', doc: firstMark.statement, p: para });
  const r1 = await waitForReader(page, firstMark.statement);
  assert.deepEqual(r1.paragraphs.filter((p) => p.target).map((p) => p.id), [`p${para}`]);
  assert.ok(r1.paragraphs[para - 1].marks.some((m) => /afghan/i.test(m)), 'the hit is highlighted');
  await page.goBack();
  await waitForParams(page, { q: 'Afghanistan', view: 'dispersion' });
  await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 5));

  const lastMark = marks.at(-1);
  await page.focus(`li.disp-row[data-statement="${lastMark.statement}"] svg a >> nth=-1`);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), lastMark.label);
  // Tab from the mark before reaches it (the marks are in the tab order).
  if (marks.length > 1) {
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), marks.at(-2).label);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), lastMark.label);
  }
  await page.keyboard.press('Enter');
  const lastPara = viewOfHref(lastMark.href, app.url).p;
  await waitForParams(page, { q: 'Afghanistan', doc: lastMark.statement, p: lastPara });
  const r2 = await waitForReader(page, lastMark.statement);
  assert.ok(r2.paragraphs[lastPara - 1].marks.some((m) => /afghan/i.test(m)));
  await page.goBack();
  await waitForParams(page, { q: 'Afghanistan', view: 'dispersion' });

  // A filter narrows the rows; reload and Back/Forward reproduce each step.
  await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 5));
  await tick(page, 'speaker', 'tasmagambetov');
  await waitForParams(page, { q: 'Afghanistan', view: 'dispersion', speaker: 'tasmagambetov' });
  const one = await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 1));
  assert.equal(one.range, `${perStatement['2024-tasmagambetov'] > 0 ? 1 : 0} of 1 statements`);
  await page.reload();
  assert.deepEqual(await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 1)), one);
  await page.goBack();
  await waitForParams(page, { q: 'Afghanistan', view: 'dispersion' });
  assert.deepEqual(await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 5)), d);
  await page.goForward();
  await waitForParams(page, { q: 'Afghanistan', view: 'dispersion', speaker: 'tasmagambetov' });
  await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 1));

  // Another query: counts still equal the concordance's lines per statement.
  const terror = await kwicPerStatement(page, 'terrorism');
  await openApp(page, 'q=terrorism&view=dispersion');
  const dt = await waitFor(page, readDisp, (d) => assert.equal(d.plot.length, 5));
  assert.deepEqual(Object.fromEntries(dt.plot.map((r) => [r.statement, r.count])), terror);
});

test('exports: the collocates and dispersion tables download as CSV and JSON with one row per table row', async () => {
  const page = await app.newPage();
  for (const [query, section, name, key] of [
    ['q=terrorism&view=collocates&stop=show&min=1', 'section.collocates-view', 'csto-collocates', 'collocate'],
    ['q=Afghanistan&view=dispersion', 'section.dispersion-view', 'csto-dispersion', 'statement'],
  ]) {
    await openApp(page, query);
    await page.waitForSelector(`${section} table.research-table tbody tr`);
    const rowCount = Number((await page.textContent(`${section} .row-count`)).replace(/[^\d]/g, ''));
    const shown = await page.$$eval(`${section} table.research-table tbody tr`, (trs) => trs.map((tr) => tr.querySelector('th').textContent.trim()));
    assert.equal(shown.length, Math.min(rowCount, 100), 'a page of rows is rendered');
    const csv = await tableDownload(page, section, 'csv');
    assert.match(csv.name, new RegExp(`^${name}-[0-9a-f]+\\.csv$`));
    const { header, records } = csvObjects(csv.text);
    assert.equal(header[0], key);
    assert.equal(records.length, rowCount, `${name}: one CSV row per table row`);
    assert.deepEqual(records.slice(0, shown.length).map((r) => r[key]), shown, 'in the table’s order');
    const js = await tableDownload(page, section, 'json');
    const json = JSON.parse(js.text);
    assert.match(json.corpus_version, /^[0-9a-f]+$/);
    assert.equal(new URL(json.view).search, new URL(page.url()).search);
    assert.equal(json.rows.length, rowCount, `${name}: one JSON row per table row`);
    assert.deepEqual(json.rows.map((r) => String(r[key])), records.map((r) => r[key]));
    if (name === 'csto-collocates') {
      // Show more renders the next page.
      if (rowCount > 100) {
        await page.click(`${section} button.show-more`);
        await eventually(async () => assert.equal(await page.$$eval(`${section} tbody tr`, (t) => t.length), Math.min(rowCount, 200)));
      }
      for (const r of json.rows) assert.equal(typeof r.log_dice, 'number');
    } else {
      assert.deepEqual(json.rows.map((r) => r.statement), IDS_BY_DATE);
      for (const r of json.rows) assert.equal(r.positions.split(' ').filter(Boolean).length, r.hits);
    }
  }
});

test('NEAR and wildcard searches: one highlight per proximity hit in results, concordance and reader', async () => {
  const page = await app.newPage();
  const paras = await readerParagraphs(app);
  const allText = IDS_BY_DATE.flatMap((id) => paras[id].map((p, i) => ({ id, para: i + 1, text: p.text })));

  // The help lists the syntax.
  await openApp(page, '');
  await page.click('details.help summary');
  const help = await page.$$eval('details.help[open] tbody tr', (trs) => trs.map((tr) => tr.querySelector('code').textContent));
  for (const q of ['drug NEAR/3 terrorism', '*ism', '*terror*', 'migra*']) assert.ok(help.includes(q), `help lists ${q}`);
  await page.click('details.help summary');

  // Proximity, either order, as one span covering both words.
  const near = 'international NEAR/3 terrorism';
  await search(page, near);
  await waitForParams(page, { q: near });
  const res = await eventually(async () => {
    const r = await readResults(page);
    assert.ok(r.snippets.some((s) => s.marks.length), 'no highlighted snippet');
    return r;
  });
  for (const s of res.snippets) {
    for (const m of s.marks) {
      const ws = words(m).map(fold);
      assert.ok(ws.length >= 2 && ws.length <= 4, `a NEAR/3 mark spans both words: ${m}`);
      const ends = [ws[0], ws.at(-1)];
      assert.ok(ends.some((w) => w.startsWith('internation')) && ends.some((w) => TERROR_WORD.test(w)), `mark ${m}`);
    }
  }
  await page.click('nav.tabs a.tab:text-is("Concordance")');
  await waitForParams(page, { q: near, view: 'concordance' });
  const k = await waitFor(page, readKwic, (k) => assert.ok(k.lines.length > 0));
  // Count the pairs in the reader's text independently: tokens at most 3 apart.
  let pairs = 0;
  for (const { text } of allText) {
    const ws = words(text).map(fold);
    const a = ws.flatMap((w, i) => (w.startsWith('internation') ? [i] : []));
    const b = ws.flatMap((w, i) => (TERROR_WORD.test(w) ? [i] : []));
    for (const i of a) for (const j of b) if (i !== j && Math.abs(i - j) <= 3) pairs++;
  }
  assert.equal(k.lines.length, pairs, 'one line per pair within 3 words');
  let reversed = 0;
  for (const l of k.lines) {
    const ws = words(l.hit).map(fold);
    if (TERROR_WORD.test(ws[0])) reversed++;
    assert.ok([ws[0], ws.at(-1)].some((w) => w.startsWith('internation')), l.hit);
  }
  // Reader: the line's paragraph has the same span highlighted.
  const line = k.lines.at(-1);
  await page.click(`tr.kwic-line:nth-child(${k.lines.length}) td.hit a`);
  await waitForParams(page, { q: near, doc: line.statement, p: String(line.para) });
  const r = await waitForReader(page, line.statement);
  // Every pair of the statement is inside a mark of its paragraph (pairs
  // sharing a word, "international terrorist international", are one mark).
  for (const l of k.lines.filter((l) => l.statement === line.statement)) {
    const marks = r.paragraphs[l.para - 1].marks;
    assert.ok(marks.some((m) => squash(m).includes(squash(l.hit))), `reader marks ${marks} of ¶${l.para} cover ${l.hit}`);
  }
  for (const p of r.paragraphs) {
    for (const m of p.marks) {
      const ws = words(m).map(fold);
      assert.ok(ws.some((w) => w.startsWith('internation')) && ws.some((w) => TERROR_WORD.test(w)), `reader mark ${m}`);
    }
  }

  // Either order: swapping the words finds the same lines.
  const swapped = await kwicPerStatement(page, 'terrorism NEAR/3 international');
  const perStatement = Object.fromEntries(IDS_BY_DATE.map((id) => [id, k.lines.filter((l) => l.statement === id).length]));
  assert.deepEqual(swapped, perStatement);
  assert.ok(reversed >= 0);

  // Wildcards: suffix and infix, highlighted as whole words. A pattern
  // finds the words it matches and, as any word does, the other forms of
  // their stems (*ism finds terrorism, hence terrorist too): every matching
  // word is a line, and every other line is such a form.
  for (const [q, re] of [
    ['*ism', /^[\p{L}\p{N}]*ism$/iu],
    ['*terror*', /^[\p{L}\p{N}]*terror[\p{L}\p{N}]*$/iu],
  ]) {
    const matching = allText.flatMap(({ text }) => words(text).map(fold).filter((w) => re.test(w)));
    const sibling = (w) => re.test(w) || matching.some((m) => m.slice(0, 6) === w.slice(0, 6));
    await openApp(page, `q=${encodeURIComponent(q)}&view=concordance`);
    const kw = await waitFor(page, readKwic, (k) => assert.ok(k.lines.length > 0));
    assert.equal(kw.lines.filter((l) => re.test(fold(l.hit))).length, matching.length, `${q}: one line per matching word`);
    for (const l of kw.lines) {
      assert.equal(words(l.hit).length, 1, `${q}: a whole word: ${l.hit}`);
      assert.ok(sibling(fold(l.hit)), `${q}: ${l.hit} is a form of a matching word`);
    }
    await openApp(page, `q=${encodeURIComponent(q)}`);
    const rs = await eventually(async () => {
      const x = await readResults(page);
      assert.ok(x.snippets.some((s) => s.marks.length));
      return x;
    });
    for (const s of rs.snippets) for (const m of s.marks) assert.ok(sibling(fold(m)), `${q}: mark ${m}`);
    const l0 = kw.lines.find((l) => re.test(fold(l.hit)));
    await openApp(page, `statements/${l0.statement}/?q=${encodeURIComponent(q)}#p${l0.para}`);
    const rd = await waitForReader(page, l0.statement);
    assert.equal(rd.marks, kw.lines.filter((l) => l.statement === l0.statement).length, `${q}: a reader mark per line`);
    assert.ok(rd.paragraphs[l0.para - 1].marks.includes(l0.hit));
    for (const p of rd.paragraphs) for (const m of p.marks) assert.ok(sibling(fold(m)), `${q}: reader mark ${m}`);
  }
});
