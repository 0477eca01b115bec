// The reading view: the current query's hits highlighted in the full text,
// stepped with the buttons and with the n / p keys, snippet links that land on
// their paragraph, and each paragraph's themes with the words that earned them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './helpers.mjs';
import {
  eventually,
  urlParams,
  waitForParams,
  waitForCount,
  readReader,
  waitForReader,
  readResults,
  inViewport,
  search,
} from './app-helpers.mjs';

const app = useApp();

const THEME_LABELS = {
  'counter-terrorism': 'Counter-terrorism and extremism',
  'drug-trafficking': 'Drug trafficking',
  'illegal-migration': 'Illegal migration and trafficking in persons',
  peacekeeping: 'Peacekeeping',
  'un-cooperation': 'Cooperation with the United Nations',
  'regional-organizations': 'Regional and international organizations',
  'information-security': 'Information security and cybercrime',
  'afghanistan-central-asia': 'Afghanistan and Central Asia',
  'wmd-non-proliferation': 'Weapons of mass destruction and non-proliferation',
  'military-cooperation': 'Military cooperation and collective forces',
  'crisis-response': 'Crisis response and emergencies',
  'energy-ecology': 'Energy and ecology',
  'eurasian-security-architecture': 'Eurasian security architecture',
};

/** Wait until the hit counter reads `label` and exactly `current` is the current hit; returns readReader(). */
function waitForHit(page, label, current) {
  return eventually(async () => {
    const r = await readReader(page);
    assert.equal(r.hitCount, label);
    assert.deepEqual(r.current, current === null ? [] : [current]);
    return r;
  });
}

const clickButton = (page, name) => page.getByRole('button', { name }).click();

test('the reader highlights the query’s hits and the buttons step through them', async () => {
  const page = await app.newPage();
  await openApp(page, '');
  await search(page, 'terrorism');
  await waitForCount(page, /^5 statements/);
  await waitForParams(page, { q: 'terrorism' });
  await page.click('li.result[data-statement="2019-semerikov"] h2.title a');
  let r = await waitForReader(page, '2019-semerikov');
  await waitForParams(page, { q: 'terrorism', doc: '2019-semerikov' });

  const n = r.marks;
  assert.ok(n >= 3, `2019 should have several terrorism hits, got ${n}`);
  assert.equal(r.hitCount, `${n} hits`);
  assert.deepEqual(r.current, [], 'no hit is current before stepping');
  for (const m of r.paragraphs.flatMap((p) => p.marks)) assert.match(m, /^terror(ism|ist|ists)$/i);
  const numbers = await page.$$eval('article.reader mark.hit', (ms) => ms.map((m) => Number(m.dataset.hit)));
  assert.deepEqual(numbers, numbers.map((_, i) => i), 'hits are numbered in reading order');

  await clickButton(page, 'Next hit');
  await waitForHit(page, `Hit 1 of ${n}`, 0);
  await clickButton(page, 'Next hit');
  await waitForHit(page, `Hit 2 of ${n}`, 1);
  await clickButton(page, 'Previous hit');
  await waitForHit(page, `Hit 1 of ${n}`, 0);
  await clickButton(page, 'Previous hit');
  await waitForHit(page, `Hit ${n} of ${n}`, n - 1);
  await eventually(async () => assert.ok(await inViewport(page, 'mark.hit.current'), 'the current hit is scrolled into view'));
  await clickButton(page, 'Next hit');
  await waitForHit(page, `Hit 1 of ${n}`, 0);
  await eventually(async () => assert.ok(await inViewport(page, 'mark.hit.current')));
  assert.deepEqual(urlParams(page), { q: 'terrorism', doc: '2019-semerikov' }, 'stepping does not change the address');
});

test('keys: n and p step through the hits, but not while in a form field', async () => {
  const page = await app.newPage();
  await openApp(page, 'statements/2019-semerikov/?q=terrorism');
  const n = (await waitForReader(page, '2019-semerikov')).marks;
  await page.click('#reader-title'); // focus outside any input
  await page.keyboard.press('n');
  await waitForHit(page, `Hit 1 of ${n}`, 0);
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await waitForHit(page, `Hit 3 of ${n}`, 2);
  await eventually(async () => assert.ok(await inViewport(page, 'mark.hit.current')));
  await page.keyboard.press('p');
  await waitForHit(page, `Hit 2 of ${n}`, 1);

  // With focus in a form field the keys belong to the field, not to hit stepping.
  await page.focus('#sort');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  assert.equal(await page.inputValue('#sort'), 'relevance');
  // Back on the page, p steps back from hit 2, so the two n's above did nothing.
  await page.click('#reader-title');
  await page.keyboard.press('p');
  await waitForHit(page, `Hit 1 of ${n}`, 0);
});

test('/ moves focus to the search box without typing a slash into it', async () => {
  const page = await app.newPage();
  await openApp(page, 'statements/2019-semerikov/?q=terrorism');
  await waitForReader(page, '2019-semerikov');
  await page.click('#reader-title'); // focus outside any input
  await page.keyboard.press('/');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'q'));
  assert.equal(await page.inputValue('#q'), 'terrorism', 'pressing / typed a slash into the search box (the query changed)');
});

test('a snippet’s paragraph link opens the statement at that paragraph with the hit highlighted', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=Kanal');
  const results = await waitForCount(page, /^4 statements/);
  const snip = results.snippets.find((s) => s.statement === '2024-tasmagambetov');
  const p = /¶(\d+)/.exec(snip.pnum)[1];
  await page.click(`li.result[data-statement="2024-tasmagambetov"] li.snippet a.pnum`);
  const r = await waitForReader(page, '2024-tasmagambetov');
  await waitForParams(page, { q: 'Kanal', doc: '2024-tasmagambetov', p });
  const para = r.paragraphs[Number(p) - 1];
  assert.ok(para.target, `¶${p} is targeted`);
  assert.ok(para.marks.includes('Channel'), `¶${p} highlights the operation “Channel”: ${para.marks}`);
  await eventually(async () => assert.ok(await inViewport(page, `#p${p}`), `#p${p} in view`));
  assert.equal(r.hitCount, r.marks === 1 ? '1 hit' : `${r.marks} hits`);

  // Back leaves the reader for the same result list.
  await page.click('article.reader a.back');
  await waitForParams(page, { q: 'Kanal' });
  assert.deepEqual((await readResults(page)).ids, results.ids);
});

test('typing in the reader re-highlights; Enter returns to the result list', async () => {
  const page = await app.newPage();
  await openApp(page, 'statements/2016-bordyuzha/?q=Kanal');
  let r = await waitForReader(page, '2016-bordyuzha');
  assert.deepEqual(r.paragraphs.flatMap((p) => p.marks), ['Kanal']);
  await search(page, 'Proxy OR Nayomnik');
  r = await eventually(async () => {
    const x = await readReader(page);
    assert.deepEqual(x.paragraphs.flatMap((p) => p.marks), ['Proxy', 'Nayomnik']);
    return x;
  });
  assert.equal(r.hitCount, '2 hits');
  await waitForParams(page, { q: 'Proxy OR Nayomnik', doc: '2016-bordyuzha' });
  await page.press('#q', 'Enter');
  await waitForParams(page, { q: 'Proxy OR Nayomnik' });
  await waitForCount(page, '2 statements, 2 passages');
  assert.equal(await readReader(page), null);
});

test('each paragraph lists its themes with the words that earned them', async () => {
  const page = await app.newPage();
  for (const id of ['2016-bordyuzha', '2024-tasmagambetov']) {
    await openApp(page, `statements/${id}/`);
    const r = await waitForReader(page, id);
    const chips = r.paragraphs.flatMap((p) => p.chips);
    assert.ok(chips.length > r.paragraphs.length / 2, `${id}: most paragraphs carry theme chips`);
    for (const [i, p] of r.paragraphs.entries()) {
      for (const c of p.chips) {
        assert.equal(c.label, THEME_LABELS[c.theme], `${id} ¶${i + 1}: chip label of ${c.theme}`);
        const words = (c.evidence ?? '').replace(/^:\s*/, '').split(', ').filter(Boolean);
        assert.ok(words.length > 0, `${id} ¶${i + 1} ${c.theme}: no evidence`);
        const text = p.text.toLowerCase().replace(/[’']/g, "'");
        for (const w of words) {
          const variants = [w, w.replace(/-/g, ' '), w.replace(/ /g, '-')].map((v) => v.toLowerCase().replace(/[’']/g, "'"));
          assert.ok(variants.some((v) => text.includes(v)), `${id} ¶${i + 1} ${c.theme}: evidence “${w}” is not in the paragraph`);
        }
      }
    }
  }
  // Known tags: the 2016 operations paragraph.
  await openApp(page, 'statements/2016-bordyuzha/#p5');
  const p5 = (await waitForReader(page, '2016-bordyuzha')).paragraphs[4];
  const ev = Object.fromEntries(p5.chips.map((c) => [c.theme, c.evidence]));
  assert.match(ev['drug-trafficking'] ?? '', /Kanal/);
  assert.match(ev['illegal-migration'] ?? '', /Nyelegal/);
  assert.match(ev['information-security'] ?? '', /Proxy/);
  assert.match(ev['counter-terrorism'] ?? '', /Nayomnik/);
});

test('the reader does not highlight hits in passages the query excludes', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=terrorism%20-Afghanistan');
  const list = await waitForCount(page, /^5 statements/);
  const matching = Number(/^(\d+)/.exec(list.hits['2016-bordyuzha'])[1]);
  await page.click('li.result[data-statement="2016-bordyuzha"] h2.title a');
  const r = await waitForReader(page, '2016-bordyuzha');
  const highlighted = r.paragraphs.filter((p) => p.marks.length > 0);
  const excluded = highlighted.filter((p) => /\bAfghanistan\b/.test(p.text)).map((p) => p.id);
  assert.deepEqual(excluded, [], 'paragraphs with Afghanistan are highlighted although "-Afghanistan" excludes them');
  assert.equal(highlighted.length, matching, 'the reader highlights as many paragraphs as the list says match');
});
