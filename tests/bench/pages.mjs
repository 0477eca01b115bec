// Content before code, measured (issue 22): two builds side by side, each
// served by nginx with the documented configuration (precompressed files,
// tests/e2e/hosting/), runs alternated build by build so both see the same
// machine:
//
// 1. Lighthouse, mobile (simulated Moto G Power on slow 4G, its default),
//    performance only: score, FCP, LCP, CLS and the LCP element, for the
//    start page and one statement's page.
// 2. Chromium on loopback, no throttling: navigation → first contentful
//    paint, → the app ready (main[data-ready=true]: hydrated, or rendered),
//    → a typed query's results on screen ("search works").
//
//   node tests/bench/pages.mjs before=DIR after=DIR [--runs 5] [--statement 2016-bordyuzha]
//
// A build without statement pages (before issue 22) opens the statement as
// ?doc=ID, the same view. Prints Markdown tables of medians (and min–max).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { SERVERS } from '../e2e/hosting/servers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, '..', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const LIGHTHOUSE = path.join(HERE, 'node_modules', '.bin', 'lighthouse');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = '--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const args = process.argv.slice(2);
let runs = 5;
let statement = '2016-bordyuzha';
const builds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--statement') statement = args[++i];
  else if (/^[\w-]+=/.test(args[i])) {
    const [name, dir] = args[i].split(/=(.*)/);
    builds.push({ name, dir: path.resolve(dir) });
  } else throw new Error(`unknown argument ${args[i]}`);
}
if (builds.length === 0) throw new Error('usage: pages.mjs NAME=DIST [NAME=DIST…] [--runs N] [--statement ID]');
if (!fs.existsSync(LIGHTHOUSE)) throw new Error('lighthouse missing: (cd tests/bench && npm ci)');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs, digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/** The address of a page of a build: its statement page, or ?doc= where it has none. */
function pageUrl(build, page) {
  if (page === 'start') return build.url;
  return fs.existsSync(path.join(build.dir, 'statements', statement, 'index.html'))
    ? `${build.url}statements/${statement}/`
    : `${build.url}?doc=${statement}`;
}

function lighthouse(url) {
  const out = execFileSync(
    LIGHTHOUSE,
    [url, '--only-categories=performance', `--chrome-flags=${FLAGS}`, '--output=json', '--output-path=stdout', '--quiet'],
    { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 << 20 },
  );
  const r = JSON.parse(out);
  const a = r.audits;
  const lcpItem = a['largest-contentful-paint-element']?.details?.items?.[0];
  const node = lcpItem?.items?.[0]?.node ?? lcpItem?.node;
  return {
    score: r.categories.performance.score * 100,
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    lcpElement: node ? `${node.selector ?? ''} ${String(node.snippet ?? '').slice(0, 80)}` : '?',
  };
}

async function loopback(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('main[data-ready="true"]'), null, { polling: 'raf', timeout: 20000 });
  const ready = await page.evaluate(() => performance.now());
  await page.fill('#q', 'kanal');
  await page.waitForFunction(() => [...document.querySelectorAll('mark.hit')].length > 0, null, { polling: 'raf', timeout: 20000 });
  const searched = await page.evaluate(() => performance.now());
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await context.close();
  return { fcp, ready, searched };
}

for (const b of builds) {
  b.server = await SERVERS.nginx({ dist: b.dir, base: '/tools/csto/' });
  b.url = b.server.url;
}
const results = {};
const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: FLAGS.split(' ') });
try {
  for (let i = 0; i < runs; i++) {
    for (const b of builds) {
      for (const page of ['start', 'statement']) {
        const key = `${b.name} ${page}`;
        results[key] ||= { lh: [], lo: [] };
        results[key].lh.push(lighthouse(pageUrl(b, page)));
        results[key].lo.push(await loopback(browser, pageUrl(b, page)));
        process.stderr.write('.');
      }
    }
  }
} finally {
  await browser.close();
  for (const b of builds) await b.server.stop();
}
process.stderr.write('\n');

console.log(`Lighthouse ${'mobile'} (simulated slow 4G), nginx precompressed, medians of ${runs} (min–max), statement ${statement}:\n`);
console.log('| build, page | score | FCP ms | LCP ms | CLS | LCP element |');
console.log('|---|---:|---:|---:|---:|---|');
for (const [key, r] of Object.entries(results)) {
  const els = [...new Set(r.lh.map((x) => x.lcpElement))].join(' / ');
  console.log(`| ${key} | ${spread(r.lh.map((x) => x.score))} | ${spread(r.lh.map((x) => x.fcp))} | ${spread(r.lh.map((x) => x.lcp))} | ${spread(r.lh.map((x) => x.cls), 3)} | \`${els.replace(/\|/g, '\\|')}\` |`);
}
console.log(`\nChromium on loopback (no throttling), navigation → …, ms, medians of ${runs}:\n`);
console.log('| build, page | first contentful paint | app ready | typed query\'s hits shown |');
console.log('|---|---:|---:|---:|');
for (const [key, r] of Object.entries(results)) {
  console.log(`| ${key} | ${spread(r.lo.map((x) => x.fcp), 1)} | ${spread(r.lo.map((x) => x.ready), 1)} | ${spread(r.lo.map((x) => x.searched), 1)} |`);
}
