// Bytes that travel for a first visit, with and without the precompressed
// files: the release dist/ served by Debian's nginx with the documented
// configuration (tests/e2e/hosting/servers.mjs), opened in a fresh Chromium
// profile, counted from nginx's access log ($bytes_sent: headers + body).
//
//   node tests/bench/hosting.mjs [DIST]     (default dist/; build it first)
//
// Rows: the page alone (service worker blocked) and the page plus the
// service worker's precache; the same with a dist/ that has no .br/.gz (a
// host that compresses nothing); a repeat visit (reload in the same profile).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, READY_SELECTOR } from '../e2e/helpers.mjs';
import { startNginx } from '../e2e/hosting/servers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'dist'));
const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-plain-dist-'));
for (const f of fs.readdirSync(dist)) if (!/\.(br|gz)$/.test(f)) fs.copyFileSync(path.join(dist, f), path.join(plain, f));

const browser = await launchBrowser();
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

async function visit(root, { serviceWorkers, repeat = false }) {
  const srv = await startNginx({ dist: root });
  try {
    const context = await browser.newContext({ serviceWorkers });
    const page = await context.newPage();
    const settle = async () => {
      await page.waitForSelector(READY_SELECTOR);
      if (serviceWorkers === 'allow') await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
      await page.waitForLoadState('networkidle');
      await new Promise((r) => setTimeout(r, 500));
    };
    let from = srv.accessLog().length; // not the start-up probe
    await page.goto(srv.url);
    await settle();
    if (repeat) {
      from = srv.accessLog().length;
      await page.reload();
      await settle();
    }
    await context.close();
    const log = srv.accessLog().slice(from).filter((r) => r.uri?.startsWith(srv.base));
    return { total: log.reduce((n, r) => n + r.bytes, 0), log };
  } finally {
    await srv.stop();
  }
}

const rows = [];
for (const [label, root, opts] of [
  ['precompressed (.br), page only', dist, { serviceWorkers: 'block' }],
  ['precompressed (.br), page + service worker precache', dist, { serviceWorkers: 'allow' }],
  ['no precompressed files, page only', plain, { serviceWorkers: 'block' }],
  ['no precompressed files, page + service worker precache', plain, { serviceWorkers: 'allow' }],
  ['precompressed, repeat visit (reload, worker in charge)', dist, { serviceWorkers: 'allow', repeat: true }],
]) {
  const r = await visit(root, opts);
  rows.push([label, r]);
  console.log(`\n${label}: ${r.log.length} requests, ${r.total} bytes (${kib(r.total)})`);
  for (const e of r.log) console.log(`  ${e.status} ${e.uri.slice(e.uri.lastIndexOf('/') + 1) || '(index)'} ${e.bytes} ${e.encoding || 'identity'}`);
}
await browser.close();
fs.rmSync(plain, { recursive: true, force: true });

console.log('\n| first visit | requests | bytes sent |\n| --- | ---: | ---: |');
for (const [label, r] of rows) console.log(`| ${label} | ${r.log.length} | ${r.total.toLocaleString('en')} (${kib(r.total)}) |`);
