// Self-tests of the browser-test harness: each check that the other tests rely
// on (request log, page errors, console errors, CSP) is shown to catch the
// failure it exists for, so a green run means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, requestsSince, sleep, READY_SELECTOR } from './helpers.mjs';
import { inlineScriptHashes } from './server.mjs';

const RENDERED = `${READY_SELECTOR}, main h1`;
const app = useApp({ csp: true });

test('a request made after load shows up in the request log', async () => {
  const page = await app.newPage();
  await openApp(page, '', { selector: RENDERED });
  await page.waitForLoadState('networkidle');
  const settled = app.server.requests.length;
  await page.evaluate(() => setTimeout(() => fetch('late.json').catch(() => {}), 50));
  await sleep(500);
  assert.match(requestsSince(app.server, settled).join('\n'), /^404 GET \/tools\/csto\/late\.json$/m);
  assert.equal(page.consoleErrors.length, 1, 'the 404 is a console error');
  page.consoleErrors.length = 0;
});

test('an uncaught exception is recorded as a page error', async () => {
  const page = await app.newPage();
  await openApp(page, '', { selector: RENDERED });
  await page.evaluate(() => setTimeout(() => { throw new Error('boom from the harness self-test'); }, 0));
  await sleep(200);
  assert.match(page.pageErrors.join('\n'), /boom from the harness self-test/);
  page.pageErrors.length = 0;
});

test('the CSP is enforced: an unhashed inline script does not run and is reported', async () => {
  const page = await app.newPage();
  await openApp(page, '', { selector: RENDERED });
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, 'inline script ran despite the CSP');
  assert.match(page.consoleErrors.join('\n'), /Content Security Policy/);
  page.consoleErrors.length = 0;
});

test('inlineScriptHashes hashes inline scripts only', () => {
  const html = '<script type="module">a()</script><script src="x.js"></script><SCRIPT></SCRIPT>';
  assert.deepEqual(inlineScriptHashes(html), [
    "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='",
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", // sha256 of the empty string
  ]);
});
