// The Compare view as a researcher uses it: two sides chosen by link, both
// sides' over-represented terms checked against G² computed here, the
// exports (terms and themes) parsed and matched row by row to the tables,
// and the sides kept in the URL through reload and Back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useApp, openApp } from './helpers.mjs';
import { eventually, urlParams, waitForParams } from './app-helpers.mjs';
import { csvObjects, logLikelihood } from './research-helpers.mjs';

const app = useApp();

/** Both term tables and the caption's token counts. */
function readCompare(page) {
  return page.evaluate(() => {
    const sec = document.querySelector('section.compare-view');
    if (!sec) return null;
    const sq = (s) => s.replace(/\s+/g, ' ').trim();
    const num = (td) => Number(td.textContent.replace(/,/g, ''));
    const rows = (sel) =>
      [...sec.querySelectorAll(`${sel} tbody tr`)].map((tr) => {
        const nums = tr.querySelectorAll('td.num');
        return { term: sq(tr.querySelector('th.term').textContent), here: num(nums[0]), there: num(nums[1]), g2: Number(tr.querySelector('td.g2').textContent) };
      });
    const caption = sq(sec.querySelector('table.keywords:not(.keywords-b) caption')?.textContent ?? '');
    const m = /\(([\d,]+) words against ([\d,]+)\)/.exec(caption);
    return {
      caption,
      tokensA: m && Number(m[1].replace(/,/g, '')),
      tokensB: m && Number(m[2].replace(/,/g, '')),
      a: rows('table.keywords:not(.keywords-b)'),
      b: rows('table.keywords-b'),
      themes: [...sec.querySelectorAll('table.compare-themes tbody tr')].length,
    };
  });
}

async function save(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(selector)]);
  const file = await dl.path();
  assert.ok(file, `download ${dl.suggestedFilename()} failed`);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('compare: 2004 against 2024 chosen by links, G² as computed here, exports row for row, the URL kept', async () => {
  const page = await app.newPage();
  await openApp(page, 'view=compare');
  await page.waitForSelector('section.compare-view');
  await page.click('.kw-targets a:text-is("2004")');
  await waitForParams(page, { view: 'compare', a: 'year:2004' });
  await page.click('.kw-sides-b a:text-is("2024")');
  await waitForParams(page, { view: 'compare', a: 'year:2004', b: 'year:2024' });
  const c = await eventually(async () => {
    const c = await readCompare(page);
    assert.match(c.caption, /^Terms the 2004 statements use more than the 2024 statements/);
    assert.ok(c.a.length > 0 && c.b.length > 0, 'terms on both sides');
    return c;
  });
  // G² from the frequencies and the sides' token counts (Rayson & Garside).
  for (const r of c.a) assert.ok(Math.abs(logLikelihood(r.here, r.there, c.tokensA, c.tokensB) - r.g2) <= 0.051, `A ${r.term}`);
  for (const r of c.b) assert.ok(Math.abs(logLikelihood(r.there, r.here, c.tokensA, c.tokensB) - r.g2) <= 0.051, `B ${r.term}`);
  for (const side of [c.a, c.b]) for (let i = 1; i < side.length; i++) assert.ok(side[i - 1].g2 >= side[i].g2, 'most distinctive first');
  // Rates: a term used more on its side has the higher rate there.
  for (const r of c.a) assert.ok(r.here / c.tokensA >= r.there / c.tokensB, r.term);

  // The terms export: side A's rows, then side B's, as the tables show them.
  const csv = await save(page, '.compare-terms-export button.export-csv');
  assert.match(csv.name, /^csto-compare-terms-[0-9a-f]{12}\.csv$/);
  const { header, records } = csvObjects(csv.text);
  assert.deepEqual(header.slice(0, 4), ['side', 'term', 'freq_a', 'freq_b']);
  assert.equal(records.length, c.a.length + c.b.length, 'one row per table row');
  assert.deepEqual(records.filter((r) => r.side === 'A').map((r) => [r.term, Number(r.freq_a), Number(r.freq_b)]), c.a.map((r) => [r.term, r.here, r.there]));
  assert.deepEqual(records.filter((r) => r.side === 'B').map((r) => [r.term, Number(r.freq_a), Number(r.freq_b)]), c.b.map((r) => [r.term, r.there, r.here]));
  const json = JSON.parse((await save(page, '.compare-terms-export button.export-json')).text);
  assert.equal(json.rows.length, records.length);
  assert.match(json.corpus_version, /^[0-9a-f]{12}$/);
  assert.equal(new URL(json.view).searchParams.get('b'), 'year:2024');
  const themes = csvObjects((await save(page, '.compare-themes-export button.export-csv')).text);
  assert.equal(themes.records.length, c.themes);

  // Reload keeps both sides; Back returns to "the rest".
  await page.reload();
  await page.waitForSelector('section.compare-view table.keywords-b');
  assert.deepEqual((await readCompare(page)).a, c.a);
  await page.goBack();
  await eventually(async () => assert.equal(urlParams(page).b, undefined));
  await eventually(async () => assert.match((await readCompare(page)).caption, /more than the rest of the corpus/));
});
