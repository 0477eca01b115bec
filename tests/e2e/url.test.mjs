// "The URL is the view": typing follows into the address after a pause (one
// replaced entry, not one per keystroke), deliberate steps are history entries
// that Back and Forward walk, reload and a shared link reproduce the view
// exactly, a mangled link still renders with notices, and Copy link copies
// the current absolute address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './helpers.mjs';
import {
  IDS_BY_DATE,
  STATEMENTS,
  eventually,
  urlParams,
  waitForParams,
  readResults,
  waitForCount,
  waitForIds,
  readFacets,
  checkedValues,
  readReader,
  waitForReader,
  snapshot,
  search,
  tick,
  recordHistory,
  historyLog,
  inViewport,
  viewOfUrl,
} from './app-helpers.mjs';

const app = useApp();
const DEBOUNCE_MS = 400;
const historyLength = (page) => page.evaluate(() => history.length);

test('typing: results follow each keystroke, the URL follows once after the pause, replacing the entry', async () => {
  const page = await app.newPage();
  await recordHistory(page);
  await openApp(page, '');
  const len0 = await historyLength(page);

  await page.locator('#q').pressSequentially('Antonio', { delay: 30 });
  await waitForCount(page, '2 statements, 2 passages');
  await waitForParams(page, { q: 'Antonio' });

  const log = await historyLog(page);
  assert.deepEqual(log.calls.map((c) => c.kind), ['replaceState'], 'one replaceState for the whole word, no pushState');
  assert.match(log.calls[0].url, /\?q=Antonio$/);
  const lastKey = log.keys.at(-1);
  const written = log.calls[0].t;
  assert.ok(written - lastKey >= DEBOUNCE_MS - 20, `URL written ${Math.round(written - lastKey)} ms after the last key`);
  assert.ok(written - lastKey < DEBOUNCE_MS + 1000, `URL written only ${Math.round(written - lastKey)} ms after the last key`);
  const shown = log.counts.find((c) => c.text === '2 statements, 2 passages');
  assert.ok(shown && shown.t < written, 'the results changed before the address did');
  assert.ok(new Set(log.counts.map((c) => c.text)).size >= 3, `results changed while typing: ${log.counts.map((c) => c.text)}`);
  assert.equal(await historyLength(page), len0, 'typing adds no history entry');

  // Typing more later is again one replaced entry.
  await page.locator('#q').pressSequentially(' OR Nayomnik', { delay: 30 });
  await waitForParams(page, { q: 'Antonio OR Nayomnik' });
  await waitForCount(page, '3 statements, 4 passages');
  assert.deepEqual((await historyLog(page)).calls.map((c) => c.kind), ['replaceState', 'replaceState']);
  assert.equal(await historyLength(page), len0);
});

test('facet clicks are history entries: Back restores the previous view, Forward re-applies it', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=terrorism');
  const before = await snapshot(page);
  const len0 = await historyLength(page);

  await tick(page, 'speaker', 'bordyuzha');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha' });
  await waitForIds(page, ['2016-bordyuzha']);
  assert.equal(await historyLength(page), len0 + 1);
  const ticked = await snapshot(page);

  await page.selectOption('#sort', 'date');
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha', sort: 'date' });
  assert.equal(await historyLength(page), len0 + 2);

  await page.goBack();
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha' });
  await eventually(async () => assert.deepEqual(await snapshot(page), ticked));
  await page.goBack();
  await waitForParams(page, { q: 'terrorism' });
  await eventually(async () => assert.deepEqual(await snapshot(page), before));
  assert.deepEqual(await checkedValues(page, 'speaker'), []);
  await page.goForward();
  await waitForParams(page, { q: 'terrorism', speaker: 'bordyuzha' });
  await eventually(async () => assert.deepEqual(await snapshot(page), ticked));
  assert.deepEqual(await checkedValues(page, 'speaker'), ['bordyuzha']);

  // Typing replaces the current entry, so Back goes to the view before it,
  // and the search box follows.
  await search(page, 'Kanal');
  await waitForParams(page, { q: 'Kanal', speaker: 'bordyuzha' });
  await page.goBack();
  await waitForParams(page, { q: 'terrorism' });
  await eventually(async () => assert.deepEqual(await snapshot(page), before));
  assert.equal((await readFacets(page)).q, 'terrorism', 'the search box shows the restored query');
});

test('a facet ticked right after typing: Back shows the typed search, not the one before it', async () => {
  const page = await app.newPage();
  await page.clock.install();
  await openApp(page, 'q=terrorism');
  // Stop the page's timers, so the tick below surely falls within the typing pause.
  await page.clock.pauseAt(Date.now() + 60_000);
  await search(page, 'Antonio');
  await waitForCount(page, '2 statements, 2 passages');
  assert.deepEqual(urlParams(page), { q: 'terrorism' }, 'the address has not followed the typing yet');
  // Within the typing pause, the user ticks a speaker of the results on screen.
  await tick(page, 'speaker', 'semerikov');
  await waitForParams(page, { q: 'Antonio', speaker: 'semerikov' });
  await waitForIds(page, ['2019-semerikov']);
  await page.clock.resume();
  await page.goBack();
  await eventually(() => assert.ok(urlParams(page).speaker === undefined, 'Back did not leave the facet view'));
  assert.deepEqual(urlParams(page), { q: 'Antonio' }, 'Back skipped the typed search that was on screen when the facet was ticked');
});

test('reload reproduces the view: results, snippets, checkboxes, range, sort, reader', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  await search(page, 'terrorism');
  await waitForParams(page, { q: 'terrorism' });
  await tick(page, 'speaker', 'semerikov');
  await tick(page, 'speaker', 'bordyuzha');
  await tick(page, 'theme', 'un-cooperation');
  await page.fill('#facet-year input[name=from]', '2010');
  await page.press('#facet-year input[name=from]', 'Tab');
  await page.selectOption('#sort', 'date-desc');
  const params = { q: 'terrorism', speaker: 'semerikov,bordyuzha', theme: 'un-cooperation', from: '2010', sort: 'date-desc' };
  await waitForParams(page, params);
  const view = await eventually(async () => {
    const s = await snapshot(page);
    assert.deepEqual(s.results.ids, ['2019-semerikov', '2016-bordyuzha']);
    return s;
  });
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.deepEqual(urlParams(page), params);
  assert.deepEqual(await snapshot(page), view);

  await page.click('li.result[data-statement="2016-bordyuzha"] li.snippet a.pnum');
  await waitForReader(page, '2016-bordyuzha');
  const reading = await snapshot(page);
  assert.ok(reading.reader.paragraphs.some((p) => p.target));
  const url = page.url();
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.equal(page.url(), url);
  assert.deepEqual(await snapshot(page), reading);
});

test('a shared URL opened in a new browser context shows exactly the same view', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  await search(page, 'Kanal OR "illegal migration"');
  await waitForParams(page, { q: 'Kanal OR "illegal migration"' });
  await tick(page, 'year', '2016');
  await tick(page, 'year', '2024');
  await tick(page, 'theme', 'drug-trafficking');
  await waitForParams(page, { q: 'Kanal OR "illegal migration"', year: '2016,2024', theme: 'drug-trafficking' });
  const view = await snapshot(page);
  assert.deepEqual([...view.results.ids].sort(), ['2016-bordyuzha', '2024-tasmagambetov']);
  assert.ok(view.results.snippets.length > 0);

  const other = await app.newPage(); // a fresh context: no shared history or storage
  assert.notEqual(other.context(), page.context());
  await other.goto(page.url());
  await other.waitForSelector('main[data-ready="true"]');
  assert.deepEqual(await snapshot(other), view);
  assert.deepEqual(await checkedValues(other, 'year'), ['2016', '2024']);
  assert.deepEqual(await checkedValues(other, 'theme'), ['drug-trafficking']);

  // The same for a paragraph in the reader.
  await page.click('li.result[data-statement="2024-tasmagambetov"] li.snippet a.pnum');
  const reading = await waitForReader(page, '2024-tasmagambetov');
  await other.goto(page.url());
  await other.waitForSelector('main[data-ready="true"]');
  assert.deepEqual(await snapshot(other), await snapshot(page));
  assert.deepEqual((await readReader(other)).paragraphs.filter((p) => p.target).map((p) => p.id),
    reading.paragraphs.filter((p) => p.target).map((p) => p.id));
});

test('a garbage URL renders the full list with notices, and the next step cleans the address', async () => {
  const page = await app.newPage();
  await openApp(page, 'speaker=nobody&year=abc&foo=1&doc=nope&sort=x');
  const r = await readResults(page);
  assert.deepEqual(r.ids, IDS_BY_DATE);
  assert.equal(r.count, `5 statements, ${STATEMENTS.reduce((n, s) => n + s.paragraphs, 0)} passages`);
  assert.equal(await readReader(page), null, 'no reader for an unknown statement');
  for (const bad of ['nobody', 'abc', 'foo', 'nope', '“x”']) {
    assert.ok(r.notices.some((n) => n.includes(bad)), `no notice about ${bad}: ${JSON.stringify(r.notices)}`);
  }
  assert.equal(r.notices.length, 5);
  const f = await readFacets(page);
  for (const name of ['speaker', 'year', 'theme']) assert.deepEqual(await checkedValues(page, name), [], name);
  assert.equal(f.sort, 'date', 'the default sort is used');

  await tick(page, 'speaker', 'bordyuzha');
  await waitForParams(page, { speaker: 'bordyuzha' });
  await waitForIds(page, ['2016-bordyuzha']);
  assert.deepEqual((await readResults(page)).notices, [], 'notices go with the bad address');
});

test('half-valid URLs: an out-of-range paragraph, a reversed year range, a repeated parameter', async () => {
  const page = await app.newPage();
  await openApp(page, 'statements/2016-bordyuzha/#p999');
  let reader = await waitForReader(page, '2016-bordyuzha');
  assert.deepEqual(reader.paragraphs.filter((p) => p.target), []);
  assert.ok((await readResults(page)).notices.some((n) => /999/.test(n) && /17 paragraphs/.test(n)));

  await openApp(page, 'from=2020&to=2010');
  const r = await waitForIds(page, ['2016-bordyuzha', '2019-semerikov']);
  assert.ok(r.notices.some((n) => /reversed/.test(n)), JSON.stringify(r.notices));
  const f = await readFacets(page);
  assert.deepEqual([f.from, f.to], ['2010', '2020']);

  await openApp(page, 'speaker=bordyuzha&speaker=semerikov');
  await waitForIds(page, ['2016-bordyuzha', '2019-semerikov']);
  assert.deepEqual(await checkedValues(page, 'speaker'), ['bordyuzha', 'semerikov']);
});

test('Copy link copies the current absolute URL', async () => {
  const page = await app.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await openApp(page, 'q=Kanal&speaker=bordyuzha,semerikov&sort=date');
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const copy = async () => {
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await page.click('.copy-link button');
    await eventually(async () => assert.match((await page.textContent('.copy-status')) ?? '', /copied/i));
    return eventually(async () => {
      const text = await readClipboard();
      assert.notEqual(text, '(empty)');
      return text;
    });
  };
  let copied = await copy();
  assert.equal(copied, page.url());
  assert.ok(copied.startsWith(`${app.url}?`), `${copied} is not an absolute URL under ${app.url}`);
  assert.deepEqual(Object.fromEntries(new URL(copied).searchParams), { q: 'Kanal', speaker: 'bordyuzha,semerikov', sort: 'date' });

  // After moving on (a paragraph of a statement), the link follows the view.
  await page.click('li.result[data-statement="2019-semerikov"] li.snippet a.pnum');
  await waitForReader(page, '2019-semerikov');
  copied = await copy();
  assert.equal(copied, page.url());
  assert.ok(copied.startsWith(`${app.url}statements/2019-semerikov/?`), `${copied} is not the absolute address of the statement's page under ${app.url}`);
  const para = viewOfUrl(copied, app.url).p;
  assert.ok(para, `${copied} names no paragraph (#pN)`);
  assert.deepEqual(viewOfUrl(copied, app.url), { q: 'Kanal', speaker: 'bordyuzha,semerikov', sort: 'date', doc: '2019-semerikov', p: para });

  // The copied link reproduces the view in a fresh context.
  const other = await app.newPage();
  await other.goto(copied);
  await other.waitForSelector('main[data-ready="true"]');
  assert.deepEqual(await snapshot(other), await snapshot(page));

  // Copying right after typing copies the typed view, which the address then shows.
  await search(page, 'Nayomnik');
  copied = await copy();
  await waitForParams(page, { q: 'Nayomnik', speaker: 'bordyuzha,semerikov', sort: 'date', doc: '2019-semerikov' });
  assert.equal(copied, page.url());

  // On a statement's page opened at a paragraph (the prerendered page, taken over by the app).
  await openApp(page, 'statements/2019-semerikov/#p4');
  copied = await copy();
  assert.equal(copied, `${app.url}statements/2019-semerikov/#p4`);
  assert.equal(copied, page.url());
});

test('an older link (?doc=…&p=…) opens the same view, and the address is replaced by the statement page’s', async () => {
  // The statement's own address, opened in a fresh context: the view to compare with.
  const own = await app.newPage();
  await openApp(own, 'statements/2016-bordyuzha/?q=Kanal#p12');
  const expected = await eventually(async () => {
    const s = await snapshot(own);
    assert.deepEqual(s.reader?.paragraphs.filter((p) => p.target).map((p) => p.id), ['p12']);
    return s;
  });
  const ownLength = await historyLength(own);

  const page = await app.newPage();
  await recordHistory(page);
  await openApp(page, 'q=Kanal&doc=2016-bordyuzha&p=12');
  await waitForParams(page, { q: 'Kanal', doc: '2016-bordyuzha', p: '12' });
  assert.equal(page.url(), `${app.url}statements/2016-bordyuzha/?q=Kanal#p12`);
  assert.deepEqual((await historyLog(page)).calls.map((c) => c.kind), ['replaceState'], 'the address is replaced, not pushed');
  assert.equal(await historyLength(page), ownLength, 'the move added a history entry');
  await eventually(async () => assert.deepEqual(await snapshot(page), expected));
  assert.deepEqual(expected.results.notices, [], 'an older link is not a mangled one: no notice');
  await eventually(async () => assert.ok(await inViewport(page, '#p12'), '#p12 is not in the viewport'));
  assert.ok(!(await inViewport(page, '#p1')), 'the page did not scroll down to ¶12');

  // Without a paragraph, and with nothing else: the statement's page itself.
  await openApp(page, 'doc=2019-semerikov');
  await waitForParams(page, { doc: '2019-semerikov' });
  assert.equal(page.url(), `${app.url}statements/2019-semerikov/`);
  await waitForReader(page, '2019-semerikov');
});
