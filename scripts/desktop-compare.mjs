// Compares two builds on a desktop (1280 px, light and dark): a full-page
// screenshot of each view in each build, and whether their pixels are the
// same (issue 23: the phone's layout must leave the desktop as it was).
// Prints one line per view: the same pixels, or how many differ and by how
// much at most (0–255 in a colour channel: 1–3 is text antialiasing, which
// can vary between two screenshots of one build); writes both screenshots
// where they differ.
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
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
// Each build in turn on the same port: the pages write their own address
// (a citation's URL), which must not differ.
const shots = {};
let port = 0;
try {
  for (const [i, root] of [before, after].entries()) {
    const server = await startServer({ root, base: '/tools/csto/', port });
    port = new URL(server.url).port;
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1, colorScheme: scheme, serviceWorkers: 'block' });
      const page = await context.newPage();
      for (const v of PHONE_VIEWS) {
        await page.goto(addressUnder(server.url, v.query), { waitUntil: 'load' });
        await page.waitForSelector(READY_SELECTOR);
        await page.waitForSelector(v.first, { timeout: 10000 }).catch(() => {});
        await page.waitForTimeout(150);
        (shots[`${scheme} ${v.name}`] ??= [])[i] = await page.screenshot({ fullPage: true });
      }
      await context.close();
    }
    await server.close();
  }
} finally {
  await browser.close();
}
/** How many pixels of PNGs `a` and `b` differ, and by how much at most, counted in a page's canvas. */
async function pixelDiff(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const data = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return { w: img.width, h: img.height, px: g.getImageData(0, 0, img.width, img.height).data };
    };
    const [x, y] = [await data(a), await data(b)];
    if (x.w !== y.w || x.h !== y.h) return { size: `${x.w}×${x.h} vs ${y.w}×${y.h}` };
    let pixels = 0;
    let most = 0;
    for (let i = 0; i < x.px.length; i += 4) {
      const d = Math.max(...[0, 1, 2].map((k) => Math.abs(x.px[i + k] - y.px[i + k])));
      if (d) pixels++;
      most = Math.max(most, d);
    }
    return { pixels, most };
  }, [a.toString('base64'), b.toString('base64')]);
}

let differ = 0;
const judge = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const canvas = await judge.newPage();
for (const [name, [a, b]] of Object.entries(shots)) {
  let verdict = 'same pixels';
  if (!a.equals(b)) {
    const d = await pixelDiff(canvas, a, b);
    verdict = d.size ? `DIFFERENT size (${d.size})` : `${d.pixels} pixels differ, by at most ${d.most}`;
    if (d.size || d.most > 3) differ++;
    const file = name.replace(' ', '-');
    fs.writeFileSync(path.join(out, `${file}-before.png`), a);
    fs.writeFileSync(path.join(out, `${file}-after.png`), b);
  }
  console.log(`${name.padEnd(18)} ${verdict}`);
}
await judge.close();
console.log(differ ? `${differ} views differ by more than antialiasing (screenshots in ${out})` : 'no view differs by more than antialiasing');
process.exitCode = differ ? 1 : 0;
