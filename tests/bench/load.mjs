// Load benchmark of a release build served the way a good static host serves
// it: the precompressed .br beside each file (tests/e2e/server.mjs with
// `precompressed: true`, and the strict CSP). Not a test: it prints numbers,
// as Markdown tables (docs/benchmarks.md, "Load"). scripts/bench-load.sh
// builds and runs it.
//
//   node tests/bench/load.mjs [DIST] [--runs N] [--label TEXT] [--network NAME]   (default dist/, 10 runs)
//
// --network throttles every page through Chromium's network emulation (CDP
// Network.emulateNetworkConditions), so byte savings show as time:
// `4g` = 9 Mbit/s down, 1.5 up, 60 ms round trip (DevTools' "Fast 4G");
// `slow-4g` = 1.6 Mbit/s, 0.75 up, 150 ms (Lighthouse's mobile throttling).
// Without it the page loads over loopback, where bytes cost almost nothing.
//
// 1. Every dist file (not its .br/.gz copies): raw and brotli bytes (the .br
//    the host sends; the raw size if the build wrote none), and whether a cold
//    load of the start page fetched it before the first results were in the
//    DOM (the app's `app-rendered` performance mark), later, or not at all.
//    "Bytes before first results" = the document plus every resource whose
//    responseEnd ≤ the mark, from Resource Timing (encodedBodySize: the body
//    as sent; transferSize: with headers), checked against the bytes the
//    server logged for the same requests.
// 2. Time to first results: navigation → `app-rendered`, and wasm responseEnd
//    → `app-rendered`; median, min, max of N cold loads (a fresh browser
//    context each: empty cache, no service worker installed yet). Also
//    navigation → the first result in the DOM, seen by a MutationObserver:
//    the mark is set by an effect, which yew runs after its render; and to
//    the frame that shows it painted (a task queued from the next
//    requestAnimationFrame callback), also counted from the wasm's arrival.
// 3. Shared links to other views: navigation → the view complete (a DOM
//    condition per view, seen by a MutationObserver installed before the
//    page's own scripts); N cold loads each.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { launchBrowser, READY_SELECTOR } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';
import { median, fmt } from './stats.mjs';
import { gotoAndAwait } from './navigate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const runs = Number(option('--runs', 10));
const label = option('--label', '');
/** Download/upload bytes per second and round-trip latency of each --network choice. */
const NETWORKS = {
  '4g': { latency: 60, downloadThroughput: (9 * 1e6) / 8, uploadThroughput: (1.5 * 1e6) / 8 },
  'slow-4g': { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (0.75 * 1e6) / 8 },
};
const networkName = option('--network', null);
if (networkName && !NETWORKS[networkName]) {
  console.error(`--network: one of ${Object.keys(NETWORKS).join(', ')}, got ${networkName}`);
  process.exit(2);
}
const root = path.resolve(args[0] || 'dist');

// The start page's first result, seen in the DOM by the same MutationObserver
// as the views below (the app's `app-rendered` mark comes from an effect, after yew's render).
const START_SELECTOR = 'section.results ol.result-list li.result';
// Shared links: query (DOC = the first statement of the start page, so that
// any corpus has one) and the DOM condition that means "this view is complete".
const VIEWS = [
  // (A build with statement pages opens the statement's page, statements/DOC/#p3.)
  ['reader, paragraph link', 'doc=DOC&p=3', 'article.reader #p3.para.target'],
  ['collocates', 'q=terrorism&view=collocates', 'section.collocates-view table.collocates-table tbody tr'],
  ['trends, two terms', 'view=trends&t=terrorism&t=migration', 'section.trends svg.trend-chart g.series circle.point'],
  ['dispersion', 'q=Afghanistan&view=dispersion', 'section.dispersion-view li.disp-row svg a'],
  ['n-grams', 'q=afghanistan&view=ngrams&n=3&with=1', 'section.ngrams-view table.ngram-list tbody tr'],
  ['summary', 'view=summary', 'section.summary-view table.summary-distinctive tbody tr'],
];

const n = (b) => b.toLocaleString('en');
const kib = (b) => `${(b / 1024).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KiB`;
const load = () => os.loadavg()[0].toFixed(1);
// trunk's content hashes make the names long; they identify a build, not a file's role.
const short = (f) => f.replace(/-[0-9a-f]{16}(?=[._])/, '');

// The dist files: name → { raw, br } (br: the bytes a precompressing host sends).
const files = new Map();
for (const f of fs.readdirSync(root).sort()) {
  if (/\.(br|gz)$/.test(f) || !fs.statSync(path.join(root, f)).isFile()) continue;
  const raw = fs.statSync(path.join(root, f)).size;
  const hasBr = fs.existsSync(path.join(root, f + '.br'));
  files.set(f, { raw, br: hasBr ? fs.statSync(path.join(root, f + '.br')).size : raw, hasBr });
}

const server = await startServer({ root, base: '/tools/csto/', csp: true, precompressed: true });
const browser = await launchBrowser();
/** The dist file a URL of this server names ('' and a directory → index.html). */
const fileOf = (url) => {
  const p = decodeURIComponent(new URL(url, server.origin).pathname);
  if (!p.startsWith(server.base)) return null;
  return p.slice(server.base.length) || 'index.html';
};

/**
 * One cold load in a fresh context: the Resource Timing of the document and every resource, and the marks.
 * An init script watches the DOM from the start (the view's first paint), and
 * the wait does not use Playwright's selector engine (see navigate.mjs).
 */
async function coldLoad(query = '', selector = null) {
  const context = await browser.newContext();
  await context.addInitScript(({ ready, sel }) => {
    let resolve;
    window.__done = new Promise((r) => { resolve = r; });
    let isReady = false, viewDone = !sel;
    const finish = () => { observer.disconnect(); resolve(); };
    const check = () => {
      if (!isReady && document.querySelector(ready)) isReady = true;
      if (sel && window.__viewComplete === undefined && document.querySelector(sel)) {
        window.__viewComplete = performance.now();
        // The frame that shows it: a task queued from the next animation
        // frame callback runs once that frame has been rendered.
        requestAnimationFrame(() => setTimeout(() => {
          window.__viewPainted = performance.now();
          viewDone = true;
          if (isReady) finish();
        }));
      }
      if (isReady && viewDone) finish();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, { ready: READY_SELECTOR, sel: selector });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (networkName) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORKS[networkName] });
  }
  const from = server.requests.length;
  // The init script makes window.__done when the document is created.
  const done = 'new Promise((resolve) => { const wait = () => window.__done ? window.__done.then(resolve) : setTimeout(wait, 20); wait(); })';
  // A query, or an address under the root (a statement's page).
  const address = !query ? server.url : query.startsWith('statements/') ? server.url + query : `${server.url}?${query}`;
  await gotoAndAwait(page, address, done, { cdp });
  const timing = await page.evaluate(() => {
    const pick = (e) => ({ name: e.name, responseEnd: e.responseEnd, encoded: e.encodedBodySize, transfer: e.transferSize });
    return {
      document: pick(performance.getEntriesByType('navigation')[0]),
      resources: performance.getEntriesByType('resource').map(pick),
      rendered: performance.getEntriesByName('app-rendered')[0]?.startTime ?? NaN,
      viewComplete: window.__viewComplete ?? NaN,
      viewPainted: window.__viewPainted ?? NaN,
      firstDoc: (() => {
        const href = document.querySelector('main li.result h2 a')?.getAttribute('href') ?? '';
        return (href.match(/statements\/([^/]+)\//) ?? href.match(/doc=([^&]+)/))?.[1] ?? null;
      })(),
      statementPages: !!document.querySelector('main li.result h2 a[href^="statements/"]'),
    };
  });
  return { context, page, from, timing };
}

/** Wait until the server has seen no request for `quiet` ms (the service worker's precache runs after load). */
async function serverQuiet(quiet = 1500, max = 30000) {
  const t0 = Date.now();
  let count = -1, since = Date.now();
  while (Date.now() - t0 < max) {
    if (server.requests.length !== count) { count = server.requests.length; since = Date.now(); }
    if (Date.now() - since >= quiet) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let firstDoc, statementPages;
try {
  // 1. What a cold load of the start page fetches, and when.
  const fetchedBefore = new Map(); // file → { encoded, transfer }
  const fetchedLater = new Set();
  let serverBefore = 0, serverLater = 0, laterByWorker = 0;
  {
    const { context, from, timing } = await coldLoad();
    firstDoc = timing.firstDoc;
    statementPages = timing.statementPages;
    await serverQuiet();
    const log = server.requests.slice(from);
    const entries = [timing.document, ...timing.resources];
    const byPageAfter = new Set();
    for (const e of entries) {
      const f = fileOf(e.name);
      if (!f) continue;
      if (e === timing.document || e.responseEnd <= timing.rendered) {
        if (!fetchedBefore.has(f)) fetchedBefore.set(f, { encoded: e.encoded, transfer: e.transfer });
      } else byPageAfter.add(f);
    }
    const seen = new Set();
    for (const r of log) {
      const f = r.path.startsWith(server.base) ? r.path.slice(server.base.length) || 'index.html' : null;
      if (!f || r.status !== 200) continue;
      // The server's bytes for the requests Resource Timing put before the mark (first request of each file).
      if (fetchedBefore.has(f) && !seen.has(f)) { serverBefore += r.bytes; seen.add(f); continue; }
      // Fetched again (the service worker's precache asks for every file; this
      // server says no-store): a host with cache headers would not send it twice.
      if (fetchedBefore.has(f) || fetchedLater.has(f)) continue;
      fetchedLater.add(f);
      serverLater += r.bytes;
      if (!byPageAfter.has(f)) laterByWorker++;
    }
    await context.close();
  }

  const when = (f) => (fetchedBefore.has(f) ? (f === 'index.html' ? 'before (the document)' : 'before') : fetchedLater.has(f) ? 'later' : 'not fetched');
  console.log(`Load of ${path.relative(process.cwd(), root) || '.'}${label ? ` (${label})` : ''}: served precompressed (.br) by tests/e2e/server.mjs, strict CSP, no-store, ${networkName ? `loopback throttled to ${networkName} (${NETWORKS[networkName].downloadThroughput * 8 / 1e6} Mbit/s, ${NETWORKS[networkName].latency} ms)` : 'loopback'}; Chromium ${browser.version()}; ${runs} cold loads per figure; load average ${load()} at the start`);
  console.log('\n| file (trunk hash left out) | raw B | brotli B | cold load of the start page: fetched before first results? |');
  console.log('| --- | ---: | ---: | --- |');
  let totalRaw = 0, totalBr = 0;
  for (const [f, s] of files) {
    totalRaw += s.raw; totalBr += s.br;
    console.log(`| ${short(f)} | ${n(s.raw)} | ${s.hasBr ? n(s.br) : `${n(s.br)} (no .br)`} | ${when(f)} |`);
  }
  console.log(`| **total dist** (${files.size} files) | ${n(totalRaw)} (${kib(totalRaw)}) | **${n(totalBr)} (${kib(totalBr)})** | |`);
  const sum = (k) => [...fetchedBefore.values()].reduce((a, e) => a + e[k], 0);
  const before = sum('encoded');
  console.log(`\n**bytes before first results: ${n(before)} B (${kib(before)})**, ${fetchedBefore.size} responses (Resource Timing encodedBodySize; ${n(sum('transfer'))} B with headers, transferSize); ` +
    `the server logged ${n(serverBefore)} B of bodies for the same requests${serverBefore === before ? ' (equal)' : ' (DIFFERENT)'}`);
  console.log(`fetched later: ${fetchedLater.size} files, ${n(serverLater)} B (${kib(serverLater)}; ${laterByWorker} of them only by the service worker: its script and precache); ` +
    `total dist (brotli): ${n(totalBr)} B (${kib(totalBr)})`);

  // 2. Time to first results.
  const nav = [], wasmEnd = [], afterWasm = [], inDom = [], painted = [], paintedAfterWasm = [];
  for (let i = 0; i < runs; i++) {
    const { context, timing } = await coldLoad('', START_SELECTOR);
    const wasm = timing.resources.find((r) => r.name.endsWith('.wasm'));
    nav.push(timing.rendered); wasmEnd.push(wasm.responseEnd); afterWasm.push(timing.rendered - wasm.responseEnd);
    inDom.push(timing.viewComplete);
    painted.push(timing.viewPainted); paintedAfterWasm.push(timing.viewPainted - wasm.responseEnd);
    await context.close();
  }
  const row = (what, xs, b = '') => console.log(`| ${what} | ${b}${fmt(median(xs))}${b} | ${fmt(Math.min(...xs))} | ${fmt(Math.max(...xs))} |`);
  console.log(`\n| start page, ${runs} cold loads (ms) | median | min | max |`);
  console.log('| --- | ---: | ---: | ---: |');
  row('navigation → wasm downloaded (responseEnd)', wasmEnd);
  row('**navigation → first results** (`app-rendered`)', nav, '**');
  row('wasm downloaded → first results', afterWasm);
  row(`navigation → first result in the DOM (\`${START_SELECTOR}\`)`, inDom);
  row('navigation → the frame showing it painted (requestAnimationFrame, then a task)', painted);
  row('**wasm downloaded → first results painted**', paintedAfterWasm, '**');

  // 3. Shared links.
  // The last column: the view's median time to complete minus the start
  // page's median time to its first result in the DOM: how much longer a
  // shared link takes than the start page's first results (issue 10 wants
  // ≤ 300 ms for an analysis view, whose worker is fetched, started, builds
  // its index and computes after the page has started).
  console.log(`\n| shared link, ${runs} cold loads (ms) | complete when | navigation → view complete: median | min | max | → \`app-rendered\`, median | complete − start page's first result (medians) |`);
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [what, query0, selector] of VIEWS) {
    const query = (statementPages && query0.startsWith('doc=') ? 'statements/DOC/#p3' : query0).replace('DOC', firstDoc ?? 'none');
    const complete = [], rendered = [];
    for (let i = 0; i < runs; i++) {
      const { context, timing } = await coldLoad(query, selector);
      complete.push(timing.viewComplete); rendered.push(timing.rendered);
      await context.close();
    }
    console.log(`| ${what}: \`${query.startsWith('statements/') ? '' : '?'}${query}\` | \`${selector}\` | **${fmt(median(complete))}** | ${fmt(Math.min(...complete))} | ${fmt(Math.max(...complete))} | ${fmt(median(rendered))} | ${fmt(median(complete) - median(inDom))} |`);
  }
  console.log(`\nload average ${load()} at the end (${os.cpus().length} cores)`);
} finally {
  await browser.close();
  await server.close();
}
