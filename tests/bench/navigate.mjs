// Navigating a benchmark page without timing the harness.
//
// Playwright injects its selector engine into a page the first time
// `waitForSelector`, `waitForFunction` or a locator is used there: a script
// whose parsing took the page's main thread about 15 ms. `page.goto` returns
// at the load event, which for this app is when the wasm has arrived, so a
// `waitForSelector` right after it put that parse inside the start-up the
// benchmarks measure (docs/benchmarks.md, "The load benchmark measured its
// own harness"). These helpers navigate to the commit and then wait with one
// small CDP `Runtime.evaluate` that awaits a promise made in the page.

/**
 * Navigates `page` to `url` and waits until `expression` (a JS expression
 * giving a promise, evaluated in the page once the document exists)
 * resolves. Returns the CDP session, for more of the same.
 */
export async function gotoAndAwait(page, url, expression, { cdp, timeout = 60000 } = {}) {
  const session = cdp ?? await page.context().newCDPSession(page);
  await page.goto(url, { waitUntil: 'commit' });
  const waited = await session.send('Runtime.evaluate', {
    expression: `Promise.race([(${expression}), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ${timeout}))])`,
    awaitPromise: true,
  });
  if (waited.exceptionDetails) {
    throw new Error(`${url}: waiting for ${expression.slice(0, 80)}: ${JSON.stringify(waited.exceptionDetails).slice(0, 300)}`);
  }
  return session;
}

/** A page expression: a promise that resolves once `selector` matches (a MutationObserver, no polling). */
export function whenSelector(selector) {
  const sel = JSON.stringify(selector);
  return `new Promise((resolve) => {
    if (document.querySelector(${sel})) return resolve(true);
    const observer = new MutationObserver(() => {
      if (document.querySelector(${sel})) { observer.disconnect(); resolve(true); }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })`;
}
