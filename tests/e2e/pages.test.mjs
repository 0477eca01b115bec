// Content before code (issue 22): the start page and every statement are
// real HTML pages, prerendered at build time by the app's own components
// (src/prerender/), readable without JavaScript, taken over (hydrated) by
// the app without replacing anything, and carrying the metadata citation
// managers and link previews read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useApp, DIST_DIR, READY_SELECTOR } from './helpers.mjs';
import { STATEMENTS, byId, eventually, inViewport } from './app-helpers.mjs';
import { CORPUS_DIR } from './research-helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const app = useApp();

/** A statement's title, as its metadata file gives it. */
function titleOf(id) {
  const toml = fs.readFileSync(path.join(CORPUS_DIR, `${id}.toml`), 'utf8');
  return JSON.parse(toml.match(/^title = (".*")$/m)[1]);
}

/** The statements whose text is the UN verbatim record itself (CORPUS_FACTS.md): its symbol. */
const UN_RECORD = { '2016-bordyuzha': 'S/PV.7796', '2019-semerikov': 'S/PV.8626' };

/** "Bordyuzha, Nikolai" from "Nikolai Bordyuzha". */
const familyFirst = (name) => name.replace(/^(.*) (\S+)$/, '$2, $1');

/**
 * Before the page's scripts: count the elements added to or removed from
 * #app once it has been parsed (hydration adds and removes none), and note
 * every frame in which a result list is visible.
 */
async function watchApp(page) {
  await page.addInitScript(() => {
    const w = (window.__app = { removed: 0, added: 0, listFrames: 0, parsed: false });
    const inApp = (node) => node && (node.id === 'app' || node.closest?.('#app'));
    new MutationObserver((records) => {
      if (!w.parsed) return;
      for (const r of records) {
        if (!inApp(r.target)) continue;
        w.removed += [...r.removedNodes].filter((n) => n.nodeType === 1).length;
        w.added += [...r.addedNodes].filter((n) => n.nodeType === 1).length;
      }
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => (w.parsed = true));
    const frame = () => {
      const list = document.querySelector('#app .result-list');
      if (list && list.getClientRects().length > 0) w.listFrames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // Warnings too: a hydration mismatch would be one.
  page.consoleWarnings = [];
  page.on('console', (m) => {
    // Not the app's: Chromium's note on trunk's <link rel=preload integrity>
    // (crbug 981419), and the harness blocking the service worker.
    const known = /integrity. attribute is currently ignored|Service Worker registration blocked by Playwright/;
    if (m.type() === 'warning' && !known.test(m.text())) {
      page.consoleWarnings.push(m.text());
    }
  });
}

test('without JavaScript the start page lists every statement (speaker, role, date, venue, title), each linking to its page', async () => {
  const page = await app.newPage({ javaScriptEnabled: false });
  await page.goto(app.url);
  const items = await page.$$eval('#app li.result', (lis) =>
    lis.map((li) => ({
      id: li.dataset.statement,
      title: li.querySelector('h2 a').textContent,
      href: li.querySelector('h2 a').getAttribute('href'),
      speaker: li.querySelector('.speaker').textContent,
      role: li.querySelector('.role').textContent,
      date: li.querySelector('time').getAttribute('datetime'),
      venue: li.querySelector('.venue').textContent,
    })),
  );
  assert.deepEqual(items.map((i) => i.id), STATEMENTS.map((s) => s.id));
  for (const item of items) {
    const s = byId(item.id);
    assert.equal(item.title, titleOf(item.id));
    assert.equal(item.href, `statements/${item.id}/`);
    assert.equal(item.speaker, s.speaker);
    assert.match(item.role, s.role);
    assert.equal(item.date, s.iso);
    assert.match(item.venue, s.venue);
  }
  // The note on what needs JavaScript, and the heading, as always.
  assert.match(await page.textContent('.noscript-note'), /search, the filters and the analyses need JavaScript/);
  assert.equal(await page.textContent('h1'), 'CSTO Statements Explorer');
  // A title link leads to the statement's page, which is there without any code.
  await page.click('li[data-statement="2019-semerikov"] h2 a');
  await page.waitForURL(/\/statements\/2019-semerikov\/$/);
  assert.equal(await page.textContent('#reader-title'), titleOf('2019-semerikov'));
});

test('without JavaScript a statement page shows its numbered paragraphs with anchors, its provenance and its citation; #p7 scrolls there', async () => {
  const page = await app.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const s = byId('2016-bordyuzha');
  await page.goto(`${app.url}statements/${s.id}/#p7`);
  const read = await page.evaluate(() => ({
    title: document.title,
    paragraphs: [...document.querySelectorAll('.statement-text .para')].map((d) => ({
      id: d.id,
      number: d.querySelector('.pnum').textContent,
      href: d.querySelector('.pnum').getAttribute('href'),
    })),
    speaker: document.querySelector('dl.provenance .speaker').textContent,
    role: document.querySelector('dl.provenance .role').textContent,
    date: document.querySelector('dl.provenance time').getAttribute('datetime'),
    record: document.querySelector('dl.provenance .record').textContent,
    citation: document.querySelector('.cite-as .citation').textContent,
  }));
  assert.equal(read.paragraphs.length, s.paragraphs);
  read.paragraphs.forEach((p, i) => {
    assert.equal(p.id, `p${i + 1}`);
    assert.equal(p.number, String(i + 1));
    assert.equal(p.href, `statements/${s.id}/#p${i + 1}`);
  });
  assert.equal(read.speaker, s.speaker);
  assert.match(read.role, s.role);
  assert.equal(read.date, s.iso);
  assert.match(read.record, s.record);
  assert.match(read.title, /^Nikolai Bordyuzha, 28 October 2016: /);
  // Who, what, where, when, which record, where to find it, which data.
  assert.match(
    read.citation,
    /^Bordyuzha, Nikolai \(Secretary-General of the CSTO\)\. “Statement to the Security Council .*\.” UN Security Council debate .*, 28 October 2016\. S\/PV\.7796\. statements\/2016-bordyuzha\/\. Corpus version [0-9a-f]{12}\.$/,
  );
  assert.ok(await inViewport(page, '#p7'), 'the browser scrolled to #p7');
  assert.ok(!(await inViewport(page, '#p1')), '#p1 is above the screen');
});

test('a statement page hydrates (no element replaced, no warning or error), then search, filters, the hit buttons and Cite work on it', async () => {
  const page = await app.newPage();
  await watchApp(page);
  const s = byId('2019-semerikov');
  await page.goto(`${app.url}statements/${s.id}/`);
  await page.waitForSelector(READY_SELECTOR);
  const w = await page.evaluate(() => window.__app);
  assert.deepEqual({ removed: w.removed, added: w.added }, { removed: 0, added: 0 }, 'hydration replaced markup');
  assert.equal(await page.getAttribute('#app', 'data-view'), `doc=${s.id}`);
  // The citation now carries the absolute address.
  assert.match(await page.textContent('.cite-as .citation'), new RegExp(`${app.url.replace(/[/.]/g, '\\$&')}statements/${s.id}/\\. `));

  // Cite: the text citation, then each record format.
  await page.click('article.reader header .cite-toggle');
  const box = 'article.reader header .cite-box';
  assert.match(await page.inputValue(`${box} textarea`), /Semerikov, Valery .*\(accessed \d+ \w+ \d{4}\)\. Corpus version/);
  await page.selectOption(`${box} select`, 'bib');
  assert.match(await page.inputValue(`${box} textarea`), /^@misc\{semerikov2019,\n {2}author {7}= \{Semerikov, Valery\},/);
  await page.selectOption(`${box} select`, 'ris');
  // (A textarea's value has its CRLFs as LF; the download keeps them.)
  assert.match(await page.inputValue(`${box} textarea`), /^TY {2}- SLIDE\r?\nAU {2}- Semerikov, Valery\r?\n/);
  await page.selectOption(`${box} select`, 'json');
  const csl = JSON.parse(await page.inputValue(`${box} textarea`));
  assert.equal(csl[0].id, 'semerikov2019');
  assert.equal(csl[0].URL, `${app.url}statements/${s.id}/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${box} button:has-text("Download")`)]);
  assert.equal(download.suggestedFilename(), 'semerikov2019.json');

  // Typing a query on the statement page highlights its hits; the buttons step through them.
  await page.fill('#q', 'terrorism');
  await eventually(async () => assert.ok((await page.$$('article.reader mark.hit')).length > 0));
  await page.click('button:has-text("Next hit")');
  await eventually(async () => assert.equal(await page.$$eval('mark.hit.current', (m) => m.length), 1));
  assert.match(await page.textContent('.hit-count'), /^Hit 1 of \d+/);

  // Back to the list, filtered: the facets work too.
  await page.click('.reader-nav a.back');
  await page.waitForSelector('.result-list');
  await page.check('#f-speaker-bordyuzha');
  await eventually(async () => {
    const ids = await page.$$eval('li.result', (lis) => lis.map((li) => li.dataset.statement));
    assert.deepEqual(ids, ['2016-bordyuzha']);
  });
  assert.deepEqual(page.consoleWarnings, []);
});

test('the start page hydrates without replacing its list', async () => {
  const page = await app.newPage();
  await watchApp(page);
  await page.goto(app.url);
  await page.waitForSelector(READY_SELECTOR);
  const w = await page.evaluate(() => window.__app);
  assert.deepEqual({ removed: w.removed, added: w.added }, { removed: 0, added: 0 });
  assert.deepEqual(page.consoleWarnings, []);
  // A click on a title moves to the statement's page; Back returns.
  await page.click('li[data-statement="2007-nazarbayev"] h2 a');
  await page.waitForURL(/\/statements\/2007-nazarbayev\/$/);
  await page.waitForSelector('article.reader[data-statement="2007-nazarbayev"]');
  await page.goBack();
  await page.waitForURL(app.url);
  await page.waitForSelector('li[data-statement="2007-nazarbayev"]');
});

test('a shared analysis link never shows the prerendered start page: hidden until the app has drawn the view', async () => {
  const page = await app.newPage();
  await watchApp(page);
  await page.goto(`${app.url}?q=terrorism&view=concordance`);
  await page.waitForSelector(READY_SELECTOR);
  await page.waitForSelector('table.kwic tbody tr, .kwic tr, .concordance tr', { timeout: 15000 });
  const w = await page.evaluate(() => window.__app);
  assert.equal(w.listFrames, 0, 'the start page list was painted');
  assert.ok(w.removed > 0, 'the prerendered markup was replaced');
  // Shown now (no app-pending), and marked as a view (the phone folds the introduction).
  assert.equal(await page.getAttribute('html', 'class'), 'viewing');
  assert.equal(await page.getAttribute('#app', 'data-view'), null);
});

test('an old ?doc=…&p=… link opens the statement at that paragraph, and the address becomes its page', async () => {
  const page = await app.newPage();
  await page.goto(`${app.url}?doc=2024-tasmagambetov&p=12`);
  await page.waitForSelector(READY_SELECTOR);
  await page.waitForURL(`${app.url}statements/2024-tasmagambetov/#p12`);
  assert.ok(await page.$('#p12.target'));
  await eventually(async () => assert.ok(await inViewport(page, '#p12')));
});

// --- the built HTML ----------------------------------------------------------

/** The <meta>/<link>/JSON-LD of a built page, read from its HTML. */
function headOf(html) {
  const attr = (tag, name) => {
    const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
    return m && m[1].replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  };
  const meta = {};
  for (const tag of html.match(/<meta\s[^>]*>/g) || []) {
    const key = attr(tag, 'name') || attr(tag, 'property');
    if (key) (meta[key] ||= []).push(attr(tag, 'content'));
  }
  const canonical = [...html.matchAll(/<link rel="canonical" href="([^"]*)">/g)].map((m) => m[1]);
  const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
  const title = html.match(/<title>(.*?)<\/title>/s)[1];
  return { meta, canonical, ld, title };
}

function checkStatementPage(dir, site) {
  for (const s of STATEMENTS) {
    const html = fs.readFileSync(path.join(dir, 'statements', s.id, 'index.html'), 'utf8');
    const { meta, canonical, ld } = headOf(html);
    const one = (k) => {
      assert.equal(meta[k]?.length, 1, `${s.id}: one ${k}`);
      return meta[k][0];
    };
    const url = site ? `${site}statements/${s.id}/` : null;
    const slash = s.iso.replace(/-/g, '/');
    assert.equal(one('citation_title'), titleOf(s.id), s.id);
    assert.equal(one('citation_author'), familyFirst(s.speaker), s.id);
    assert.equal(one('citation_date'), slash, s.id);
    assert.equal(one('citation_publication_date'), slash, s.id);
    assert.equal(one('citation_language'), 'en');
    const symbol = UN_RECORD[s.id] ?? null;
    if (symbol) {
      assert.equal(one('citation_technical_report_number'), symbol, s.id);
      assert.equal(one('citation_publisher'), 'United Nations', s.id);
    } else {
      assert.equal(meta.citation_technical_report_number, undefined, s.id);
      assert.match(one('citation_publisher'), s.record, s.id);
    }
    assert.equal(one('og:type'), 'article');
    // Speaker, role and date in the preview's title; the statement's title below it.
    const [, who, role, when] = one('og:title').match(/^(.*?) \((.*)\), (.*)$/);
    assert.deepEqual([who, when], [s.speaker, s.date], s.id);
    assert.match(role, s.role);
    assert.equal(one('og:description'), titleOf(s.id));
    assert.equal(one('article:published_time'), s.iso);
    assert.equal(one('twitter:card'), 'summary');
    assert.equal(meta['og:url']?.[0], url ?? undefined, s.id);
    assert.equal(meta.citation_public_url?.[0], url ?? undefined, s.id);
    assert.deepEqual(canonical, [url ?? `statements/${s.id}/`], s.id);
    assert.equal(ld.length, 1, s.id);
    const [d] = ld;
    assert.equal(d['@context'], 'https://schema.org');
    assert.equal(d['@type'], 'CreativeWork');
    assert.equal(d.name, titleOf(s.id));
    assert.deepEqual({ type: d.author['@type'], name: d.author.name }, { type: 'Person', name: s.speaker });
    assert.match(d.author.jobTitle, s.role);
    // An inferred date is given as its year only, with the day as coverage.
    assert.equal(d.dateCreated, s.inferred ? String(s.year) : s.iso, s.id);
    assert.match(d.recordedAt.name, s.venue);
    assert.equal(d.recordedAt['@type'], 'Event');
    assert.equal(d.isPartOf['@type'], 'Dataset');
    assert.match(d.isPartOf.version, /^[0-9a-f]{12}$/);
    assert.equal(d.url, url ?? undefined);
    if (symbol) assert.equal(d.identifier, symbol);
  }
}

test('every statement page carries citation_*, Open Graph, canonical and JSON-LD from the corpus metadata', () => {
  checkStatementPage(DIST_DIR, null);
  // Without a site URL: no sitemap, nothing that must be absolute.
  assert.ok(!fs.existsSync(path.join(DIST_DIR, 'sitemap.xml')));
  const start = headOf(fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8'));
  assert.equal(start.ld[0]['@type'], 'Dataset');
  assert.deepEqual(start.ld[0].hasPart.map((p) => p['@id']), STATEMENTS.map((s) => `statements/${s.id}/`));
});

test('with a site URL the pages link absolutely and sitemap.xml lists exactly the pages', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-site-'));
  try {
    fs.cpSync(DIST_DIR, dir, { recursive: true });
    const site = 'https://example.org/tools/csto/';
    execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', dir, '--site-url', site.slice(0, -1)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    checkStatementPage(dir, site);
    const sitemap = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    const pages = [''].concat(
      fs.readdirSync(path.join(dir, 'statements')).filter((d) => fs.existsSync(path.join(dir, 'statements', d, 'index.html'))).map((d) => `statements/${d}/`),
    );
    assert.deepEqual(locs.sort(), pages.map((p) => site + p).sort());
    assert.equal(pages.length, STATEMENTS.length + 1);
    assert.match(sitemap, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const start = headOf(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
    assert.deepEqual(start.canonical, [site]);
    assert.equal(start.meta['og:url'][0], site);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
