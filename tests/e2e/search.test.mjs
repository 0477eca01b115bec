// Searching as a user does: typing in #q, reading the result count,
// the statements and the highlighted snippets; ticking facets and reading
// their counts; sorting; did-you-mean; and hostile input shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './helpers.mjs';
import {
  IDS_BY_DATE,
  eventually,
  urlParams,
  waitForParams,
  readResults,
  parseCount,
  waitForCount,
  waitForIds,
  readFacets,
  facetCounts,
  checkedValues,
  readReader,
  waitForReader,
  search,
  tick,
} from './app-helpers.mjs';

const app = useApp();

/** Marks shown under each statement: { id: ['Kanal', ...] }. */
function marksByStatement(results) {
  const out = {};
  for (const s of results.snippets) (out[s.statement] ??= []).push(...s.marks);
  return out;
}

/** Type q and wait until the list and then the URL follow it. */
async function searchAndSettle(page, q, count, extraParams = {}) {
  await search(page, q);
  const r = await waitForCount(page, count);
  await waitForParams(page, { q, ...extraParams });
  assert.equal((await readFacets(page)).q, q);
  return r;
}

test('aliases: Kanal also finds Canal and Channel', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const r = await searchAndSettle(page, 'Kanal', /^4 statements, \d+ passages$/);
  assert.deepEqual([...r.ids].sort(), ['2007-nazarbayev', '2016-bordyuzha', '2019-semerikov', '2024-tasmagambetov']);
  const marks = marksByStatement(r);
  assert.ok(marks['2007-nazarbayev'].includes('Channel'), `2007: ${marks['2007-nazarbayev']}`);
  assert.ok(marks['2016-bordyuzha'].includes('Kanal'), `2016: ${marks['2016-bordyuzha']}`);
  assert.ok(marks['2019-semerikov'].includes('Canal'), `2019: ${marks['2019-semerikov']}`);
  assert.ok(marks['2024-tasmagambetov'].includes('Channel'), `2024: ${marks['2024-tasmagambetov']}`);
  for (const m of Object.values(marks).flat()) assert.match(m, /^(kanal|canal|channels?)$/i);

  // The alias works from any spelling.
  const canal = await searchAndSettle(page, 'Canal', r.count);
  assert.deepEqual(canal.ids, r.ids);
});

test('stemming: terrorist highlights terrorism', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const r = await searchAndSettle(page, 'terrorist', /^5 statements, \d+ passages$/);
  const marks = r.snippets.flatMap((s) => s.marks.map((m) => m.toLowerCase()));
  assert.ok(marks.includes('terrorism'), `no "terrorism" highlighted: ${marks}`);
  assert.ok(marks.includes('terrorist'), `no "terrorist" highlighted: ${marks}`);
  for (const m of marks) assert.match(m, /^terror(ism|ist|ists)$/);
  // terrorist and terrorism are one search.
  const t2 = await searchAndSettle(page, 'terrorism', r.count);
  assert.deepEqual(t2.ids, r.ids);
});

test('phrase: "illegal migration" matches the words in a row only', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const loose = await searchAndSettle(page, 'illegal migration', /statements/);
  const phrase = await searchAndSettle(page, '"illegal migration"', '4 statements, 7 passages');
  assert.ok(parseCount(phrase.count).passages < parseCount(loose.count).passages, 'the phrase is narrower than both words');
  const marks = phrase.snippets.flatMap((s) => s.marks);
  assert.ok(marks.length > 0);
  for (const m of marks) assert.match(m, /^illegal migration$/i, 'the whole phrase is one highlight');
  for (const s of phrase.snippets) assert.match(s.text, /illegal migration/i);
});

test('exclusion: terrorism -Afghanistan leaves out every passage with Afghanistan', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const all = await searchAndSettle(page, 'terrorism', /^5 statements/);

  // Count, statement by statement, the terrorism passages that mention Afghanistan.
  const withAfghanistan = {};
  for (const id of all.ids) {
    await page.click(`li.result[data-statement="${id}"] h2.title a`);
    const reader = await waitForReader(page, id);
    withAfghanistan[id] = reader.paragraphs.filter((p) => p.marks.length > 0 && /\bAfghanistan\b/i.test(p.text)).length;
    await page.click('article.reader a.back');
    await waitForIds(page, all.ids);
  }
  const excluded = Object.values(withAfghanistan).reduce((a, b) => a + b, 0);
  assert.ok(excluded > 0, 'the test needs terrorism passages that mention Afghanistan');

  const before = parseCount(all.count);
  const r = await searchAndSettle(page, 'terrorism -Afghanistan', `${before.statements} statements, ${before.passages - excluded} passages`);
  for (const s of r.snippets) {
    assert.doesNotMatch(s.text, /Afghanistan/i, `snippet ${s.statement} ${s.pnum} mentions Afghanistan`);
    assert.ok(s.marks.every((m) => !/afghanistan/i.test(m)), 'the excluded word is not highlighted');
  }
  for (const id of r.ids) {
    const n = Number(/^(\d+)/.exec(all.hits[id])[1]) - withAfghanistan[id];
    assert.match(r.hits[id], new RegExp(`^${n} matching passages?$`), `${id}: passages without Afghanistan`);
  }
});

test('OR: Nayomnik OR Proxy, and OR is a union while a space is an intersection', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const r = await searchAndSettle(page, 'Nayomnik OR Proxy', '2 statements, 2 passages');
  assert.deepEqual([...r.ids].sort(), ['2016-bordyuzha', '2024-tasmagambetov']);
  const marks = marksByStatement(r);
  assert.deepEqual([...marks['2016-bordyuzha']].sort(), ['Nayomnik', 'Proxy']);
  assert.deepEqual([...marks['2024-tasmagambetov']].sort(), ['Mercenary', 'PROXY'], 'aliases of both alternatives');

  const union = await searchAndSettle(page, 'Antonio OR Nayomnik', '3 statements, 4 passages');
  assert.deepEqual([...union.ids].sort(), ['2016-bordyuzha', '2019-semerikov', '2024-tasmagambetov']);
  await searchAndSettle(page, 'Antonio Nayomnik', '0 statements, 0 passages');
});

test('diacritics: Antonio finds António and António finds Antonio', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  for (const q of ['Antonio', 'António']) {
    const r = await searchAndSettle(page, q, '2 statements, 2 passages');
    assert.deepEqual(marksByStatement(r), { '2019-semerikov': ['Antonio'], '2024-tasmagambetov': ['António'] }, q);
  }
});

test('did you mean: terorism suggests terrorism, and the suggestion searches it', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const expected = (await searchAndSettle(page, 'terrorism', /^5 statements/)).count;
  const r = await searchAndSettle(page, 'terorism', '0 statements, 0 passages');
  assert.deepEqual(r.ids, []);
  assert.match(await page.textContent('section.results'), /Nothing matches/);
  assert.deepEqual(r.suggestions, ['terrorism']);
  const historyBefore = await page.evaluate(() => history.length);
  await page.click('ul.suggestions a');
  const after = await waitForCount(page, expected);
  assert.deepEqual(after.suggestions, []);
  assert.equal((await readFacets(page)).q, 'terrorism', 'the search box shows the suggestion');
  await waitForParams(page, { q: 'terrorism' });
  assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'the suggestion is a history step');
});

test('facet counts: speakers OR within the facet (counts kept), themes AND across facets (counts change)', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=terrorism');
  await waitForCount(page, /^5 statements/);
  const speakers0 = await facetCounts(page, 'speaker');
  const themes0 = await facetCounts(page, 'theme');
  assert.equal(Object.keys(speakers0).length, 5);

  await tick(page, 'speaker', 'bordyuzha');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha' });
  const [s, p] = speakers0.bordyuzha.split(' · ');
  const one = await waitForCount(page, `${s} statement${s === '1' ? '' : 's'}, ${p} passages`);
  assert.deepEqual(one.ids, ['2016-bordyuzha']);
  assert.deepEqual(await checkedValues(page, 'speaker'), ['bordyuzha']);
  assert.deepEqual(await facetCounts(page, 'speaker'), speakers0, 'speaker counts are unchanged (OR within the facet)');
  const themes1 = await facetCounts(page, 'theme');
  assert.notDeepEqual(themes1, themes0, 'theme counts follow the speaker filter (AND across facets)');
  assert.equal(themes1['counter-terrorism'], `1 · ${p}`);
  const years1 = await facetCounts(page, 'year');
  assert.equal(years1['2016'], speakers0.bordyuzha);
  assert.equal(years1['2019'], '0 · 0');

  await tick(page, 'speaker', 'semerikov');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha,semerikov' });
  const sum = Number(p) + Number(speakers0.semerikov.split(' · ')[1]);
  const two = await waitForCount(page, `2 statements, ${sum} passages`);
  assert.deepEqual([...two.ids].sort(), ['2016-bordyuzha', '2019-semerikov']);
  assert.deepEqual(await facetCounts(page, 'speaker'), speakers0);

  // A theme narrows further; its own facet keeps OR semantics.
  await tick(page, 'theme', 'afghanistan-central-asia');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha,semerikov', theme: 'afghanistan-central-asia' });
  const themed = await waitForCount(page, /statements?, \d+ passages?/);
  assert.ok(parseCount(themed.count).passages < sum);
  assert.notDeepEqual(await facetCounts(page, 'speaker'), speakers0, 'speaker counts follow the theme filter');
});

/** Ticks each option of facet `name` in turn and checks its count against what it gives. */
async function checkCountsMatchResults(page, name, params) {
  const counts = await facetCounts(page, name);
  const problems = [];
  for (const [value, count] of Object.entries(counts)) {
    const [s, p] = count.split(' · ').map(Number);
    await tick(page, name, value);
    await eventually(() => assert.equal(urlParams(page)[name], value));
    const got = parseCount((await readResults(page)).count);
    if (got.statements !== s || got.passages !== p) {
      problems.push(`${name}=${value}: label says ${count}, ticking gives ${got.statements} · ${got.passages}`);
    }
    await tick(page, name, value);
    await waitForParams(page, params);
  }
  return problems;
}

test('every facet count is what ticking that option gives (browse and search)', async () => {
  const page = await app.newPage();
  for (const qs of ['', 'q=Kanal']) {
    await openApp(page, qs);
    const params = Object.fromEntries(new URLSearchParams(qs));
    for (const name of ['speaker', 'year', 'theme']) {
      assert.deepEqual(await checkCountsMatchResults(page, name, params), [], `${qs || 'browse'}: ${name}`);
    }
  }
});

test('year range: from/to filter the list; year counts agree with the range', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  await page.fill('#facet-year input[name=from]', '2010');
  await page.press('#facet-year input[name=from]', 'Tab');
  await waitForParams(page, { from: '2010' });
  await waitForIds(page, ['2016-bordyuzha', '2019-semerikov', '2024-tasmagambetov']);
  await page.fill('#facet-year input[name=to]', '2020');
  await page.press('#facet-year input[name=to]', 'Tab');
  await waitForParams(page, { from: '2010', to: '2020' });
  const r = await waitForIds(page, ['2016-bordyuzha', '2019-semerikov']);
  assert.equal(r.count, '2 statements, 36 passages'); // 2016 (17, after the ¶9 split) + 2019 (19)
  const f = await readFacets(page);
  assert.deepEqual([f.from, f.to], ['2010', '2020']);
  assert.ok(await page.isVisible('button.clear'), 'a range is a filter that can be cleared');

  // Within the range, single years still narrow it.
  const years = await facetCounts(page, 'year');
  assert.equal(years['2016'], '1 · 17');
  assert.equal(years['2019'], '1 · 19');
  // A year outside the range gives nothing when ticked (the range still applies),
  // so its count must say so.
  await tick(page, 'year', '2004');
  await waitForParams(page, { from: '2010', to: '2020', year: '2004' });
  const ticked = await waitForCount(page, /statements?/);
  assert.equal(
    years['2004'],
    `${parseCount(ticked.count).statements} · ${parseCount(ticked.count).passages}`,
    'the 2004 count shown inside a 2010–2020 range is not what ticking 2004 gives',
  );
});

test('browse mode with filters only: themes and speakers without a query, then Clear', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const themeCount = (await facetCounts(page, 'theme'))['drug-trafficking'];
  await tick(page, 'theme', 'drug-trafficking');
  await waitForParams(page, { theme: 'drug-trafficking' });
  const [s, p] = themeCount.split(' · ');
  let r = await waitForCount(page, `${s} statements, ${p} passages`);
  assert.deepEqual(r.ids, IDS_BY_DATE, 'every statement has a drug-trafficking passage; date order');
  assert.deepEqual(r.snippets, [], 'browse mode shows no snippets');

  await tick(page, 'speaker', 'bordyuzha');
  await tick(page, 'year', '2016');
  await waitForParams(page, { theme: 'drug-trafficking', speaker: 'bordyuzha', year: '2016' });
  r = await waitForIds(page, ['2016-bordyuzha']);
  // ¶5, ¶9, ¶10 (the UNODC half of the old ¶9) and ¶17
  assert.equal(r.count, '1 statement, 4 passages');
  assert.equal((await facetCounts(page, 'speaker')).bordyuzha, '1 · 4');
  assert.equal((await facetCounts(page, 'speaker')).semerikov, '0 · 0', 'the year 2016 applies to the speaker counts');
  assert.equal((await facetCounts(page, 'year'))['2019'], '0 · 0', 'the speaker applies to the year counts');

  await page.click('button.clear');
  await waitForParams(page, {});
  r = await waitForIds(page, IDS_BY_DATE);
  const f = await readFacets(page);
  for (const name of ['speaker', 'year', 'theme']) assert.deepEqual(await checkedValues(page, name), [], name);
  assert.equal(await page.$('button.clear'), null, 'Clear disappears with the filters');
  assert.equal(f.q, '');
});

test('Clear keeps the query and the sort', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=Kanal&speaker=bordyuzha&theme=drug-trafficking&sort=date');
  await waitForIds(page, ['2016-bordyuzha']);
  await page.click('button.clear');
  await waitForParams(page, { q: 'Kanal', sort: 'date' });
  await waitForIds(page, ['2007-nazarbayev', '2016-bordyuzha', '2019-semerikov', '2024-tasmagambetov']);
});

test('Clear is offered for an entity filter alone, and clears it', async () => {
  const page = await app.newPage();
  await openApp(page, 'entity=sc-1373');
  await waitForIds(page, ['2004-kazykhanov', '2019-semerikov']);
  assert.ok(await page.isVisible('button.clear'), 'an entity is a filter that can be cleared');
  await page.click('button.clear');
  await waitForParams(page, {});
  await waitForIds(page, IDS_BY_DATE);
  assert.equal(await page.$('button.clear'), null, 'Clear disappears with the filter');
});

test('sort: relevance by default with a query, date both ways, back to relevance', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const rel = await searchAndSettle(page, 'terrorism', /^5 statements/);
  assert.equal((await readFacets(page)).sort, 'relevance', 'a query sorts by relevance');
  assert.equal(rel.ids[0], '2019-semerikov', 'the statement with most terrorism passages ranks first');
  assert.notDeepEqual(rel.ids, IDS_BY_DATE);

  await page.selectOption('#sort', 'date');
  await waitForParams(page, { q: 'terrorism', sort: 'date' });
  await waitForIds(page, IDS_BY_DATE);
  await page.selectOption('#sort', 'date-desc');
  await waitForParams(page, { q: 'terrorism', sort: 'date-desc' });
  await waitForIds(page, [...IDS_BY_DATE].reverse());
  await page.selectOption('#sort', 'relevance');
  await waitForParams(page, { q: 'terrorism', sort: 'relevance' });
  const back = await waitForIds(page, rel.ids);
  assert.equal(back.count, rel.count);

  // Without a query the default is date, and it can be reversed too.
  await openApp(page, '');
  assert.equal((await readFacets(page)).sort, 'date');
  await page.selectOption('#sort', 'date-desc');
  await waitForParams(page, { sort: 'date-desc' });
  await waitForIds(page, [...IDS_BY_DATE].reverse());
});

test('a query with HTML is shown as text: no element inserted, no script run', async () => {
  const page = await app.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const evil = '<img src=x onerror=alert(1)>';
  await openApp(page, '');
  await searchAndSettle(page, evil, '0 statements, 0 passages');
  const dom = async () =>
    page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      value: document.querySelector('#q').value,
      pwned: typeof window.__pwned,
    }));
  assert.deepEqual(await dom(), { imgs: 0, value: evil, pwned: 'undefined' });

  // The same through the address bar, in the reader, and quoted back in a notice.
  await openApp(page, `statements/2016-bordyuzha/?q=${encodeURIComponent(evil)}`);
  await waitForReader(page, '2016-bordyuzha');
  assert.deepEqual(await dom(), { imgs: 0, value: evil, pwned: 'undefined' });
  assert.match((await readReader(page)).hitCount ?? '', /No hits/);
  await openApp(page, `speaker=${encodeURIComponent(evil)}&theme=${encodeURIComponent('"><svg onload=alert(2)>')}`);
  const r = await readResults(page);
  assert.ok(r.notices.some((n) => n.includes(evil)), `the bad speaker is quoted as text: ${r.notices}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, svg').length), 0);
  assert.deepEqual(r.ids, IDS_BY_DATE);
  await new Promise((res) => setTimeout(res, 100)); // let a dialog, if any, surface
  assert.deepEqual(dialogs, [], 'a dialog was opened');
});
