// Compares two builds on a desktop (1280 px, light and dark): a full-page
// screenshot of each view in each build, and whether their pixels are the
// same (issue 23: the phone's layout must leave the desktop as it was).
// Prints one line per view; writes both screenshots where they differ.
//
//   node scripts/desktop-compare.mjs BEFORE_DIST AFTER_DIST [OUT]   # OUT: target/desktop-compare/
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(path.join(ROOT, 'tests/e2e/server.mjs'));
const { CHROMIUM_PATH, CHROMIUM_ARGS, addressUnder, READY_SELECTOR } = await import(path.join(ROOT, 'tests/e2e/helpers.mjs'));
const { DESKTOP, PHONE_VIEWS } = await import(path.join(ROOT, 'tests/e2e/phone-views.mjs'));

const [before, after] = process.argv.slice(2, 4).map((d) => d && path.resolve(d));
if (!before || !after) {
  console.error('usage: node scripts/desktop-compare.mjs BEFORE_DIST AFTER_DIST [OUT]');
  process.exit(2);
}
const out = path.resolve(process.argv[4] || path.join(ROOT, 'target/desktop-compare'));
fs.mkdirSync(out, { recursive: true });
const servers = [await startServer({ root: before, base: '/tools/csto/' }), await startServer({ root: after, base: '/tools/csto/' })];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
let differ = 0;
try {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1, colorScheme: scheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const v of PHONE_VIEWS) {
      const shots = [];
      for (const server of servers) {
        await page.goto(addressUnder(server.url, v.query), { waitUntil: 'load' });
        await page.waitForSelector(READY_SELECTOR);
        await page.waitForSelector(v.first, { timeout: 10000 }).catch(() => {});
        await page.waitForTimeout(150);
        shots.push(await page.screenshot({ fullPage: true }));
      }
      const same = shots[0].equals(shots[1]);
      if (!same) {
        differ++;
        shots.forEach((s, i) => fs.writeFileSync(path.join(out, `${v.name}-${scheme}-${i ? 'after' : 'before'}.png`), s));
      }
      console.log(`${scheme.padEnd(5)} ${v.name.padEnd(12)} ${same ? 'same pixels' : 'DIFFERENT'}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
console.log(differ ? `${differ} views differ (screenshots in ${out})` : 'every view has the same pixels');
process.exitCode = differ ? 1 : 0;
