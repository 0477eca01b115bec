// Screenshots of every view and the reader on a phone (390 × 844) in light
// and dark, for a person to look at (issue 23); not committed, not a test
// (tests/e2e/phone.test.mjs checks what can be checked). Also prints where
// each view's heading and first row are.
//
//   node scripts/phone-screens.mjs [DIST] [OUT]   # default dist/, target/phone-screens/
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(path.join(ROOT, 'tests/e2e/server.mjs'));
const { CHROMIUM_PATH, CHROMIUM_ARGS, addressUnder, READY_SELECTOR } = await import(path.join(ROOT, 'tests/e2e/helpers.mjs'));
const { PHONE, PHONE_VIEWS } = await import(path.join(ROOT, 'tests/e2e/phone-views.mjs'));

const dist = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const out = path.resolve(process.argv[3] || path.join(ROOT, 'target/phone-screens'));
fs.mkdirSync(out, { recursive: true });
const server = await startServer({ root: dist, base: '/tools/csto/' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, colorScheme: scheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const v of PHONE_VIEWS) {
      await page.goto(addressUnder(server.url, v.query), { waitUntil: 'load' });
      await page.waitForSelector(READY_SELECTOR);
      await page.waitForSelector(v.first, { timeout: 10000 }).catch(() => {});
      const where = await page.evaluate(({ heading, first }) => {
        const box = (s) => {
          const e = document.querySelector(s);
          if (!e) return null;
          const r = e.getBoundingClientRect();
          return `${Math.round(r.top)}–${Math.round(r.bottom)}`;
        };
        return { heading: box(heading), first: box(first), scrollWidth: document.documentElement.scrollWidth };
      }, v);
      const file = path.join(out, `${v.name}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(`${scheme.padEnd(5)} ${v.name.padEnd(12)} heading ${where.heading ?? 'none'}, first ${where.first ?? 'none'}, page width ${where.scrollWidth}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
