// The corpus as a reader meets it: the five statements in browse mode with the
// facts checked in CORPUS_FACTS.md, each statement's full text as clean
// paragraphs with its provenance, paragraph links, reload and Back, and no
// network traffic once the app has loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './helpers.mjs';
import {
  STATEMENTS,
  IDS_BY_DATE,
  byId,
  eventually,
  urlParams,
  waitForParams,
  hrefOf,
  readResults,
  waitForCount,
  waitForIds,
  readFacets,
  readReader,
  waitForReader,
  inViewport,
  search,
  tick,
  requestsSinceExceptIcon,
} from './app-helpers.mjs';

const app = useApp();
const TOTAL_PARAGRAPHS = STATEMENTS.reduce((n, s) => n + s.paragraphs, 0);

test('browse mode lists the five statements oldest first with speaker, role, date, venue and record', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  const r = await readResults(page);
  assert.equal(r.count, `5 statements, ${TOTAL_PARAGRAPHS} passages`);
  assert.deepEqual(r.ids, IDS_BY_DATE, 'default browse order is by date, oldest first');
  assert.deepEqual(r.snippets, [], 'browse mode shows no snippets');
  assert.deepEqual(r.notices, []);
  assert.equal((await readFacets(page)).sort, 'date');
  assert.deepEqual(urlParams(page), {});

  const rows = await page.$$eval('li.result', (lis) =>
    lis.map((li) => {
      const t = (sel) => li.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
      return {
        id: li.dataset.statement,
        title: t('h2.title a'),
        titleHref: li.querySelector('h2.title a')?.getAttribute('href'),
        speaker: t('.meta .speaker'),
        role: t('.meta .role'),
        datetime: li.querySelector('.date time')?.getAttribute('datetime'),
        date: t('.date time'),
        inferred: t('.inferred'),
        inferredNote: li.querySelector('.inferred')?.getAttribute('title') ?? null,
        venue: t('.venue'),
        record: t('.record'),
        recordHref: li.querySelector('.record a')?.getAttribute('href') ?? null,
        hits: t('.hits'),
      };
    }),
  );
  for (const row of rows) {
    const s = byId(row.id);
    assert.ok(row.title, `${row.id}: no title`);
    assert.equal(row.titleHref, `statements/${row.id}/`, `${row.id}: title link (the statement's page)`);
    assert.equal(row.speaker, s.speaker, `${row.id}: speaker`);
    assert.match(row.role, s.role, `${row.id}: role`);
    assert.equal(row.datetime, s.iso, `${row.id}: datetime`);
    assert.equal(row.date, s.date, `${row.id}: date`);
    assert.match(row.venue, s.venue, `${row.id}: venue`);
    assert.match(row.record, s.record, `${row.id}: record`);
    assert.equal(row.hits, null, `${row.id}: browse mode has no "matching passages" line`);
    if (s.inferred) {
      assert.match(row.inferred ?? '', /inferred/i, `${row.id}: the inferred date is marked`);
      assert.match(row.inferredNote ?? '', /SC\/8152/, `${row.id}: the marker explains the inference`);
    } else {
      assert.equal(row.inferred, null, `${row.id}: an exact date is not marked inferred`);
    }
  }
  // UN records link to the official document.
  assert.equal(rows.find((r) => r.id === '2016-bordyuzha').recordHref, 'https://undocs.org/S/PV.7796');
  assert.equal(rows.find((r) => r.id === '2019-semerikov').recordHref, 'https://undocs.org/S/PV.8626');
  assert.equal(rows.find((r) => r.id === '2004-kazykhanov').recordHref, null, 'no link for an unconfirmed symbol');
});

// Layout artefacts of the seed texts that must not reach the reading view.
const BOILERPLATE = [/Must read/i, /All events/i, /Other events/i, /More articles/i, /Latest article/i, /spoke in Russian/i];
// A word split across lines by the UN records ("seventy-\nthird") and joined with a space.
const HYPHEN_SPLIT = /\b[A-Za-z]+- +[a-z]+/g;

test('each statement opens from its title: full text as clean paragraphs with provenance', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  for (const s of STATEMENTS) {
    await page.click(`li.result[data-statement="${s.id}"] h2.title a`);
    const r = await waitForReader(page, s.id);
    assert.deepEqual(urlParams(page), { doc: s.id });

    assert.ok(r.title && r.title.length > 10, `${s.id}: reader title`);
    assert.equal(r.provenance.Speaker, s.speaker, `${s.id}: provenance speaker`);
    assert.match(r.provenance.Role, s.role, `${s.id}: provenance role`);
    assert.match(r.provenance.Date, new RegExp(`^${s.date}`), `${s.id}: provenance date`);
    assert.equal(r.datetime, s.iso);
    assert.equal(r.inferred, s.inferred, `${s.id}: inferred marker in the provenance`);
    assert.match(r.provenance.Venue, s.venue, `${s.id}: provenance venue`);
    assert.match(r.provenance.Record, s.record, `${s.id}: provenance record`);

    assert.equal(r.paragraphs.length, s.paragraphs, `${s.id}: paragraph count`);
    assert.deepEqual(r.paragraphs.map((p) => p.id), r.paragraphs.map((_, i) => `p${i + 1}`), `${s.id}: anchors p1..pN`);
    const raw = await page.$$eval('article.reader div.para > p', (ps) => ps.map((p) => p.textContent));
    for (const [i, text] of raw.entries()) {
      assert.ok(text.trim().length > 0, `${s.id} ¶${i + 1} is empty`);
      assert.doesNotMatch(text, /\n/, `${s.id} ¶${i + 1} keeps a hard line break`);
      assert.doesNotMatch(text, /^\s|\s$|\s{2}/, `${s.id} ¶${i + 1} has stray whitespace`);
    }
    const body = raw.join('\n');
    for (const re of BOILERPLATE) assert.doesNotMatch(body, re, `${s.id}: web-page boilerplate in the body`);
    assert.deepEqual(body.match(HYPHEN_SPLIT) ?? [], [], `${s.id}: words split at a line-end hyphen`);

    await page.click('article.reader a.back');
    await waitForIds(page, IDS_BY_DATE);
    assert.deepEqual(urlParams(page), {});
  }
});

test('the texts keep their wording: joined hyphenations, the source’s own typos', async () => {
  const page = await app.newPage();
  await openApp(page, hrefOf({ doc: '2019-semerikov' }));
  let body = (await readReader(page)).paragraphs.map((p) => p.text).join('\n');
  assert.match(body, /seventy-third/, '2019: "seventy-\\nthird" is rejoined as seventy-third');
  assert.doesNotMatch(body, /seventy- third|seventythird/);
  assert.match(body, /Counter-Terrorism/, '2019: "Counter-\\nTerrorism" is rejoined');

  await openApp(page, hrefOf({ doc: '2016-bordyuzha' }));
  body = (await readReader(page)).paragraphs.map((p) => p.text).join('\n');
  assert.match(body, /senior officials ofthe two organizations/, '2016: the source typo "ofthe" stays');
  assert.match((await readReader(page)).provenance['As recorded'] ?? '', /spoke in Russian/, 'the speaker line is kept as provenance');
});

test('a paragraph link opens the statement at that paragraph; reload keeps it; Back returns to the list', async () => {
  const page = await app.newPage();
  await openApp(page, 'statements/2016-bordyuzha/#p7');
  let r = await readReader(page);
  assert.equal(r.id, '2016-bordyuzha');
  assert.deepEqual(r.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7'], 'only ¶7 is targeted');
  await eventually(async () => assert.ok(await inViewport(page, '#p7'), '#p7 is not in the viewport'));
  assert.ok(!(await inViewport(page, '#p1')), 'the page did not scroll down to ¶7');
  assert.match(r.paragraphs[6].text, /^As a result of the migration crisis in Europe/);

  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  r = await waitForReader(page, '2016-bordyuzha');
  assert.deepEqual(urlParams(page), { doc: '2016-bordyuzha', p: '7' });
  assert.deepEqual(r.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7'], 'reload keeps ¶7 targeted');
  await eventually(async () => assert.ok(await inViewport(page, '#p7'), 'after reload #p7 is not in view'));

  // Clicking another paragraph's number targets it (a new history entry).
  await page.click('#p12 a.pnum');
  await waitForParams(page, { doc: '2016-bordyuzha', p: '12' });
  await eventually(async () => {
    r = await readReader(page);
    assert.deepEqual(r.paragraphs.filter((p) => p.target).map((p) => p.id), ['p12']);
  });
  await page.goBack();
  await waitForParams(page, { doc: '2016-bordyuzha', p: '7' });
  await eventually(async () => {
    r = await readReader(page);
    assert.deepEqual(r.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7']);
  });

  // From the list: open a statement, Back returns to the list, Forward re-opens it.
  await openApp(page, '');
  await page.click('li.result[data-statement="2019-semerikov"] h2.title a');
  await waitForReader(page, '2019-semerikov');
  await waitForParams(page, { doc: '2019-semerikov' });
  await page.goBack();
  await waitForIds(page, IDS_BY_DATE);
  assert.deepEqual(urlParams(page), {});
  assert.equal(await readReader(page), null, 'the reader is gone after Back');
  await page.goForward();
  await waitForReader(page, '2019-semerikov');
  assert.deepEqual(urlParams(page), { doc: '2019-semerikov' });
});

test('no request is made after load while searching, filtering and opening statements', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  await page.waitForLoadState('networkidle');
  const from = app.server.requests.length;

  await search(page, 'Kanal');
  await waitForCount(page, /^4 statements, \d+ passages$/);
  await page.click('li.result[data-statement="2016-bordyuzha"] li.snippet a.pnum');
  await waitForReader(page, '2016-bordyuzha');
  await page.click('article.reader a.back');
  await waitForCount(page, /^4 statements/);
  await tick(page, 'theme', 'drug-trafficking');
  await waitForParams(page, { q: 'Kanal', theme: 'drug-trafficking' });
  await search(page, 'terrorism -Afghanistan');
  await waitForCount(page, /^5 statements/);
  await waitForParams(page, { q: 'terrorism -Afghanistan', theme: 'drug-trafficking' });
  await page.click('li.result[data-statement="2024-tasmagambetov"] h2.title a');
  await waitForReader(page, '2024-tasmagambetov');
  await page.goBack();
  await waitForCount(page, /statements/);
  await page.selectOption('#sort', 'date-desc');
  await waitForParams(page, { q: 'terrorism -Afghanistan', theme: 'drug-trafficking', sort: 'date-desc' });

  assert.deepEqual(await requestsSinceExceptIcon(page, app.server, from), [], 'requests made after load');
});
