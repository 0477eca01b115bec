// The panic screen: if the app ever panics, the page shows a visible error with
// a way out, not a blank page. Runs against a build with the cargo feature
// `debug-panic` (scripts/test.sh builds it into target/dist-debug-panic and
// passes it as E2E_PANIC_DIST), where an address containing `debug-panic`
// panics at start. By hand:
//
//   trunk build --release --offline --features debug-panic --dist target/dist-debug-panic
//   E2E_PANIC_DIST=target/dist-debug-panic node --test tests/e2e/panic.test.mjs
//
// Without E2E_PANIC_DIST the file fails (it does not skip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, openApp, READY_SELECTOR } from './helpers.mjs';
import { eventually, waitForCount } from './app-helpers.mjs';

const PANIC_DIST = process.env.E2E_PANIC_DIST ? path.resolve(process.env.E2E_PANIC_DIST) : null;
if (!PANIC_DIST) {
  throw new Error('E2E_PANIC_DIST is not set: build the debug-panic app (see the top of panic.test.mjs) and point it there');
}
if (!fs.existsSync(path.join(PANIC_DIST, 'index.html'))) {
  throw new Error(`E2E_PANIC_DIST=${PANIC_DIST} has no index.html: build it with --features debug-panic`);
}

const app = useApp({ root: PANIC_DIST });

/**
 * Take the errors the panic is expected to cause off the page's records (so
 * the harness still fails the test on any other error), returning them.
 */
function takeExpectedErrors(page) {
  const isPanic = (e) => /debug-panic requested in the address/.test(e);
  // panic = "abort": the panic ends in a wasm trap, thrown out of init().
  const isTrap = (e) => /RuntimeError: unreachable/.test(e);
  const consoleErrors = page.consoleErrors.filter(isPanic);
  const pageErrors = page.pageErrors.filter(isTrap);
  page.consoleErrors = page.consoleErrors.filter((e) => !isPanic(e));
  page.pageErrors = page.pageErrors.filter((e) => !isTrap(e));
  return { consoleErrors, pageErrors };
}

test('a panic at start shows a visible error with a link to start again, which renders the app', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=kanal&debug-panic', { selector: '[role=alert]' });

  const alert = page.locator('[role=alert]');
  await assert.doesNotReject(alert.waitFor({ state: 'visible', timeout: 5000 }), 'the error is not visible');
  assert.match(await alert.innerText(), /Something went wrong/);
  assert.match(await alert.innerText(), /debug-panic requested in the address/, 'the error says what happened');
  assert.equal(await page.locator(READY_SELECTOR).count(), 0, 'the app did not render (it panicked)');
  const box = await alert.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'the error has no size');

  const expected = await eventually(() => {
    const e = takeExpectedErrors(page);
    assert.ok(e.consoleErrors.length >= 1, 'the panic message was not logged to the console');
    return e;
  });
  assert.ok(expected.consoleErrors.length >= 1);

  const link = alert.getByRole('link', { name: /start again/i });
  assert.equal(await link.count(), 1, 'no "start again" link');
  assert.ok(await link.isVisible(), 'the "start again" link is not visible');
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(page.url(), app.url, 'the link leads to the clean view');
  await page.waitForSelector(READY_SELECTOR, { timeout: 15000 });
  assert.equal(await page.locator('[role=alert]').count(), 0, 'the error is still shown after starting again');
  await waitForCount(page, /^5 statements/);

  // The page answers after starting again.
  await page.fill('#q', 'Kanal');
  await waitForCount(page, /^\d+ statements?, \d+ passages?$/);
  takeExpectedErrors(page);
});

test('the debug-panic build renders normally without debug-panic in the address', async () => {
  const page = await app.newPage();
  await openApp(page, 'q=terrorism');
  assert.equal(await page.locator('[role=alert]').count(), 0);
  await waitForCount(page, /^\d+ statements?, \d+ passages?$/);
});
