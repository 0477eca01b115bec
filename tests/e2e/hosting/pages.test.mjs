// The prerendered statement pages (docs/hosting.md, "The pages") on the
// documented nginx and Caddy configurations under a sub-path: each page is
// served as a directory, precompressed, with the strict CSP; a directory
// without its slash is redirected to it; in Chromium the page shows its
// text and then works as the app (hydrated, assets resolved against the
// site's root, no CSP violation), and an older ?doc= link moves to it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST_DIR, BASE_PATH, READY_SELECTOR, launchBrowser, watchPage } from '../helpers.mjs';
import { STATEMENTS, eventually } from '../app-helpers.mjs';
import { SERVERS, httpGet } from './servers.mjs';

const get = httpGet;

for (const [name, start] of Object.entries(SERVERS)) {
  describe(`${name}: the statement pages`, () => {
    let srv;
    let browser;
    before(async () => {
      srv = await start({ dist: DIST_DIR, base: BASE_PATH });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await srv?.stop();
    });

    test('every statement page is served from its directory, brotli-encoded, with the CSP; without the slash it redirects', async () => {
      for (const s of STATEMENTS) {
        const url = `${srv.url}statements/${s.id}/`;
        const res = await get(url, { 'accept-encoding': 'br' });
        assert.equal(res.status, 200, url);
        assert.match(res.headers['content-type'], /^text\/html/, url);
        assert.equal(res.headers['content-encoding'], 'br', url);
        assert.match(res.headers['content-security-policy'] ?? '', /script-src 'self'/, url);
        const html = zlib.brotliDecompressSync(res.body).toString('utf8');
        assert.equal(html, fs.readFileSync(path.join(DIST_DIR, 'statements', s.id, 'index.html'), 'utf8'), url);
        const bare = await get(url.slice(0, -1));
        assert.ok([301, 308].includes(bare.status), `${url.slice(0, -1)}: ${bare.status}`);
        assert.match(bare.headers.location, new RegExp(`statements/${s.id}/$`));
      }
    });

    test('in Chromium a statement page shows its text, becomes the app, and leads back to the list; an old link moves to it', async () => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = watchPage(await context.newPage());
      const violations = [];
      page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
      try {
        await page.goto(`${srv.url}statements/2019-semerikov/#p4`);
        assert.equal(await page.$$eval('.statement-text .para', (d) => d.length), STATEMENTS.find((s) => s.id === '2019-semerikov').paragraphs);
        await page.waitForSelector(READY_SELECTOR);
        assert.equal(await page.getAttribute('#app', 'data-view'), 'doc=2019-semerikov', 'hydrated, not rendered again');
        await page.fill('#q', 'terrorism');
        await eventually(async () => assert.ok((await page.$$('mark.hit')).length > 0, 'no hit highlighted'));
        await page.click('.reader-nav a.back');
        await page.waitForURL(`${srv.url}?q=terrorism`);
        await page.waitForSelector('li.result');
        await page.goto(`${srv.url}?doc=2016-bordyuzha&p=7`);
        await page.waitForURL(`${srv.url}statements/2016-bordyuzha/#p7`);
        await page.waitForSelector('#p7.target');
        assert.deepEqual(violations, []);
        assert.deepEqual([...page.pageErrors, ...page.consoleErrors], []);
      } finally {
        await context.close();
      }
    });
  });
}
