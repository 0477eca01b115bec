// Offline and installable: the service worker (web/sw.js, written into dist/
// with the build's file list by scripts/post-build.sh) in Chromium, against
// the plain static server (no-store, so nothing comes from the HTTP cache)
// under another sub-path than the other tests. "Offline" is the server
// stopped and the browser context offline. A deploy is the server's
// directory emptied and refilled, as a host's upload does; the next build is
// this one with a renamed stylesheet, its sw.js written by the same hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { DIST_DIR, READY_SELECTOR, launchBrowser, watchPage } from './helpers.mjs';
import { startServer } from './server.mjs';
import { IDS_BY_DATE, eventually, readResults, waitForReader, viewOfUrl } from './app-helpers.mjs';
import { ROOT } from '../../scripts/hosting-config.mjs';

const BASE = '/reading-room/csto/';
const WAIT = { timeout: 15000, interval: 50 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-offline-'));
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every file under `dir`, as paths relative to it with '/' (the walk goes into statements/<id>/). */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}

/**
 * The build's files as the service worker should list them: [[path, sha256]],
 * in byte order of the file paths; a page by its directory URL (index.html as
 * '', statements/<id>/index.html as 'statements/<id>/').
 */
function buildFiles(dir) {
  return filesUnder(dir)
    .filter((f) => path.posix.basename(f) !== 'sw.js' && !/\.(br|gz)$/.test(f))
    .sort()
    .map((f) => [f.replace(/(^|\/)index\.html$/, '$1'), crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]);
}

/** PRECACHE and BUILD as written into dir/sw.js. */
function swList(dir) {
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const list = /^const PRECACHE = (\[.*\]);$/m.exec(sw);
  const build = /^const BUILD = '([0-9a-f]{16})';$/m.exec(sw);
  assert.ok(list && build, 'sw.js has no filled-in PRECACHE or BUILD');
  return { files: JSON.parse(list[1]), build: build[1] };
}

/** Copy the files under `from` that `filter` keeps (given their path relative to `from`) to `to`, with their directories. */
function copyDir(from, to, filter = () => true) {
  fs.mkdirSync(to, { recursive: true });
  for (const f of filesUnder(from)) {
    if (!filter(f)) continue;
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(path.join(from, f), path.join(to, f));
  }
}

/** A deploy: the host's directory emptied and filled with `build` (only the files `filter` keeps). */
function deploy(root, build, filter) {
  if (!filter) for (const f of fs.readdirSync(root)) fs.rmSync(path.join(root, f), { recursive: true });
  copyDir(build, root, filter);
}

/** The next build: this one with its stylesheet renamed (a new hash), sw.js and manifest rewritten by the hook. */
function nextBuild(from, to) {
  copyDir(from, to, (f) => !/\.(br|gz)$/.test(f));
  const css = fs.readdirSync(to).find((f) => /-[0-9a-f]{8,16}\.css$/.test(f));
  const renamed = css.replace(/([0-9a-f]{8,16})\.css$/, (_, h) => `${[...h].reverse().join('')}.css`);
  fs.renameSync(path.join(to, css), path.join(to, renamed));
  // Every page names it (the hook prerenders the statement pages again from index.html, too).
  for (const page of filesUnder(to).filter((f) => f.endsWith('.html'))) {
    const file = path.join(to, page);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(css, renamed));
  }
  execFileSync('bash', [path.join(ROOT, 'scripts', 'post-build.sh')], {
    env: { ...process.env, TRUNK_STAGING_DIR: to, TRUNK_SOURCE_DIR: ROOT, TRUNK_PROFILE: 'debug' },
    stdio: 'ignore',
  });
  return { css, renamed };
}

async function openControlled(context, url) {
  const page = watchPage(await context.newPage());
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(READY_SELECTOR);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  return page;
}

/** What the page's origin keeps for this scope: { cacheName: [paths relative to the scope] }, and the active build. */
function offlineState(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const out = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      out[key] = (await cache.keys()).map((r) => r.url.slice(reg.scope.length)).sort();
    }
    const build = await new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = (e) => resolve(e.data);
      reg.active.postMessage('build?', [ch.port2]);
    });
    return { scope: reg.scope, caches: out, build };
  });
}

const note = (page) => page.textContent('#update-note');

test('sw.js lists exactly the files of the build, with their SHA-256; the manifest names its icon', () => {
  const { files } = swList(DIST_DIR);
  assert.deepEqual(files, buildFiles(DIST_DIR));
  const paths = files.map(([p]) => p);
  for (const re of [/^$/, /\.wasm$/, /\.js$/, /\.css$/, /^manifest\.webmanifest$/, /^favicon-[0-9a-f]+\.svg$/]) {
    assert.ok(paths.some((p) => re.test(p)), `nothing matching ${re} in ${paths}`);
  }
  // Every statement's page, by its directory URL; no page by its file name.
  for (const id of IDS_BY_DATE) assert.ok(paths.includes(`statements/${id}/`), `statements/${id}/ is not listed: ${paths}`);
  assert.deepEqual(paths.filter((p) => /(^|\/)index\.html$/.test(p)), []);
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST_DIR, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.ok(fs.existsSync(path.join(DIST_DIR, manifest.icons[0].src)), manifest.icons[0].src);
  assert.match(fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8'), /<link href="?manifest\.webmanifest"? rel="?manifest"?>/);
});

test('offline after one visit: load, go offline, reload, search, open a statement, open a statement’s page, follow an older link, open an analysis', async () => {
  const root = path.join(tmp, 'offline');
  copyDir(DIST_DIR, root);
  const server = await startServer({ root, base: BASE, csp: true });
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, server.url);
    const state = await offlineState(page);
    const { files, build } = swList(DIST_DIR);
    assert.equal(state.scope, server.url);
    assert.deepEqual(state.caches, { [`csto-explorer ${server.url} ${build}`]: files.map(([p]) => p).sort() });

    await server.close();
    await context.setOffline(true);
    const reloaded = await page.reload({ waitUntil: 'load' });
    assert.ok(reloaded.fromServiceWorker(), 'the page did not come from the service worker');
    assert.match(reloaded.headers()['content-security-policy'] ?? '', /^default-src 'self'; script-src/, 'the kept index.html lost its CSP');
    await page.waitForSelector(READY_SELECTOR);
    await page.fill('#q', 'Kanal');
    await eventually(async () => assert.match((await readResults(page)).count ?? '', /^4 statements/), WAIT);
    await page.click('li.result[data-statement="2019-semerikov"] h2.title a');
    await waitForReader(page, '2019-semerikov');
    // A statement's page opened while offline (a new navigation): its own
    // prerendered page, from the cache, with a query and a paragraph.
    const opened = await page.goto(`${server.url}statements/2016-bordyuzha/?q=Kanal#p5`, { waitUntil: 'load' });
    assert.ok(opened.fromServiceWorker(), 'the statement page did not come from the service worker');
    assert.match(await opened.text(), /<div id="?app"? [^>]*data-view="?doc=2016-bordyuzha"?>/, 'not the statement’s prerendered page');
    await page.waitForSelector(READY_SELECTOR);
    let reader = await waitForReader(page, '2016-bordyuzha');
    assert.deepEqual(reader.paragraphs.filter((p) => p.target).map((p) => p.id), ['p5']);
    assert.ok(reader.paragraphs[4].marks.includes('Kanal'), `¶5 marks: ${reader.paragraphs[4].marks}`);
    // Another statement's page, plain, and its reload.
    await page.goto(`${server.url}statements/2024-tasmagambetov/`, { waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR);
    await waitForReader(page, '2024-tasmagambetov');
    assert.ok((await page.reload({ waitUntil: 'load' })).fromServiceWorker());
    await page.waitForSelector(READY_SELECTOR);
    await waitForReader(page, '2024-tasmagambetov');
    // An older link opened while offline: the start page from the cache, which moves to the statement's address.
    await page.goto(`${server.url}?doc=2016-bordyuzha&p=7`, { waitUntil: 'load' });
    reader = await waitForReader(page, '2016-bordyuzha');
    assert.deepEqual(reader.paragraphs.filter((p) => p.target).map((p) => p.id), ['p7']);
    await eventually(() => assert.deepEqual(viewOfUrl(page.url(), server.url), { doc: '2016-bordyuzha', p: '7' }), WAIT);
    // An analysis view, never opened online: its worker comes from the same cache.
    await page.goto(`${server.url}?view=ngrams&n=3`, { waitUntil: 'load' });
    await page.waitForSelector(`${READY_SELECTOR} table.ngram-list tbody tr`, WAIT);
    assert.equal(await page.$eval('table.ngram-list tbody tr th', (th) => th.textContent.trim()), 'the united nations');
    assert.deepEqual([...page.pageErrors], []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new deploy replaces the offline copy, and the page says "updated" once', async () => {
  const root = path.join(tmp, 'deploy');
  const next = path.join(tmp, 'next');
  copyDir(DIST_DIR, root);
  const { renamed } = nextBuild(DIST_DIR, next);
  const server = await startServer({ root, base: BASE, csp: true });
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, server.url);
    const a = swList(DIST_DIR);
    assert.equal((await offlineState(page)).build, a.build);
    assert.equal(await note(page), '', 'a first visit says nothing');

    deploy(root, next);
    const b = swList(next);
    assert.notEqual(b.build, a.build);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR);
    await page.waitForFunction(() => /^Updated/.test(document.querySelector('#update-note').textContent), null, { timeout: 15000 });
    assert.match(await note(page), /^Updated: this is the newest version of the explorer, and it works offline\.$/);
    // (The note can come while the new worker is still activating: deleting the old copy.)
    await eventually(async () => {
      const state = await offlineState(page);
      assert.equal(state.build, b.build);
      assert.deepEqual(state.caches, { [`csto-explorer ${server.url} ${b.build}`]: b.files.map(([p]) => p).sort() }, 'the old build is gone');
    }, WAIT);

    // Once: a reload, and another tab, say nothing.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR);
    const other = await openControlled(context, server.url);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await note(page), '');
    assert.equal(await note(other), '');
    await other.close();

    // Offline now is the new build, whole.
    await server.close();
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR);
    const sheets = await page.$$eval('link[rel=stylesheet]', (ls) => ls.map((l) => l.getAttribute('href')));
    assert.ok(sheets.some((h) => h.endsWith(renamed)), `offline page uses ${sheets}, not the new ${renamed}`);
    // A statement's page too.
    await page.goto(`${server.url}statements/2019-semerikov/`, { waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR);
    await waitForReader(page, '2019-semerikov');
    const pageSheets = await page.$$eval('link[rel=stylesheet]', (ls) => ls.map((l) => l.getAttribute('href')));
    assert.ok(pageSheets.some((h) => h.endsWith(renamed)), `offline statement page uses ${pageSheets}, not the new ${renamed}`);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a half-done deploy (the new sw.js before its files) is not installed: the kept build stays whole', async () => {
  const root = path.join(tmp, 'half');
  const next = path.join(tmp, 'next-half');
  copyDir(DIST_DIR, root);
  nextBuild(DIST_DIR, next);
  const server = await startServer({ root, base: BASE, csp: true });
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, server.url);
    const a = swList(DIST_DIR);
    const updateTo = () =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        const found = new Promise((r) => reg.addEventListener('updatefound', () => r(reg.installing), { once: true }));
        await reg.update().catch(() => {});
        const worker = await Promise.race([found, new Promise((r) => setTimeout(r, 10000, null))]);
        if (!worker) return 'no update found';
        if (worker.state === 'redundant' || worker.state === 'activated') return worker.state;
        return new Promise((r) => worker.addEventListener('statechange', () => ['redundant', 'activated'].includes(worker.state) && r(worker.state)));
      });

    deploy(root, next, (f) => f === 'sw.js');
    assert.equal(await updateTo(), 'redundant', 'the half-deployed build was installed');
    const state = await offlineState(page);
    assert.equal(state.build, a.build);
    assert.deepEqual(Object.keys(state.caches), [`csto-explorer ${server.url} ${a.build}`], 'a partial cache was left');

    // The deploy completes: the next visit installs it.
    deploy(root, next);
    assert.equal(await updateTo(), 'activated');
    assert.equal((await offlineState(page)).build, swList(next).build);
  } finally {
    await context.close();
    await server.close();
  }
});
