// Shared harness for the browser tests (node --test + playwright-core driving
// Debian's Chromium). One static server and one browser per test file:
//
//   import { useApp, openApp } from './helpers.mjs';
//   const app = useApp();                         // registers before/after hooks
//   test('renders', async () => {
//     const page = await app.newPage();
//     await openApp(page, 'q=peace');             // waits for main[data-ready="true"]
//     ...
//   });
//
// Every page made by app.newPage() records uncaught page errors and console
// errors; after each test the harness fails the test if any page had a page
// error or (unless allowConsoleErrors) a console error, then closes the pages.

import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// page → URL of the app served by the useApp() harness that made it.
const appUrls = new WeakMap();

/** The built app (trunk build --release writes it; scripts/test.sh builds it first). */
export const DIST_DIR = process.env.E2E_DIST_DIR || path.resolve(HERE, '..', '..', 'dist');
/** The sub-path the app is served under, as on the real static host. */
export const BASE_PATH = process.env.E2E_BASE_PATH || '/tools/csto/';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The selector that means "the app has rendered and is ready". */
export const READY_SELECTOR = 'main[data-ready="true"]';

/**
 * Requests the browser makes by itself, not the app: with no <link rel="icon">
 * in index.html, Chromium asks for /favicon.ico at the host root (a 404 outside
 * the sub-path). Tests leave these out of request and console-error checks.
 */
export const isBrowserOwnRequest = (pathOrUrl) =>
  /^(https?:\/\/[^/]+)?\/favicon\.ico$/.test(pathOrUrl) ||
  // The page's icon: Chromium fetches it again after history changes when the
  // server says no-store. It is part of the bundle, not data.
  /\/favicon-[0-9a-f]+\.svg$/.test(pathOrUrl);

/** Server log entries that the app made (see isBrowserOwnRequest). */
export const appRequests = (server, from = 0) => server.requests.slice(from).filter((r) => !isBrowserOwnRequest(r.path));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Start the server and the browser for this test file; returns an object that
 * is filled in by the before() hook: { server, browser, url, newPage(opts) }.
 * @param {{root?: string, base?: string, csp?: boolean|string, allowConsoleErrors?: boolean}} opts
 */
export function useApp({ root = DIST_DIR, base = BASE_PATH, csp = true, allowConsoleErrors = false } = {}) {
  const app = { server: null, browser: null, url: null, pages: [] };

  // Service workers are blocked unless a test asks for them ({ serviceWorkers:
  // 'allow' }): these tests are about the app, and the worker's precaching
  // (offline.test.mjs) would add its own requests to every request log.
  app.newPage = async (contextOptions = {}) => {
    const context = await app.browser.newContext({ serviceWorkers: 'block', ...contextOptions });
    const page = await context.newPage();
    watchPage(page);
    appUrls.set(page, app.url);
    app.pages.push(page);
    return page;
  };

  before(async () => {
    app.server = await startServer({ root, base, csp });
    app.url = app.server.url;
    app.browser = await launchBrowser();
  });

  afterEach(async () => {
    const pages = app.pages.splice(0);
    const problems = [];
    for (const page of pages) {
      problems.push(...page.pageErrors.map((e) => `pageerror: ${e}`));
      if (!allowConsoleErrors) problems.push(...page.consoleErrors.map((e) => `console.error: ${e}`));
      await page.context().close().catch(() => {});
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  });

  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });

  return app;
}

/** Record page errors and console errors on page.pageErrors / page.consoleErrors. */
export function watchPage(page) {
  page.pageErrors = [];
  page.consoleErrors = [];
  page.on('pageerror', (err) => page.pageErrors.push(String(err?.stack || err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      if (loc?.url && isBrowserOwnRequest(loc.url)) return;
      page.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  return page;
}

/**
 * The address of `query` under the app's root `base`: a query string (with or
 * without '?', may be '') is the start page's, and an address relative to the
 * root (a statement's page, `statements/2016-bordyuzha/?q=kanal#p7`) is that
 * page's (core/src/view/address.rs).
 */
export function addressUnder(base, query = '') {
  if (!query) return base;
  if (/^(statements\/|#)/.test(query)) return new URL(query, base).href;
  return `${base}?${query.replace(/^\?/, '')}`;
}

/**
 * Open the app at `query` (a query string without '?', may be '', or an
 * address relative to the root such as 'statements/2016-bordyuzha/#p7'; see
 * addressUnder) and wait until it has rendered: by default until
 * main[data-ready="true"] exists.
 * @param {import('playwright-core').Page} page
 * @param {string} [query]
 * @param {{url?: string, selector?: string, timeout?: number}} [opts]
 */
export async function openApp(page, query = '', { url, selector = READY_SELECTOR, timeout = 15000 } = {}) {
  const base = url ?? appUrlOf(page);
  const target = addressUnder(base, query);
  const response = await page.goto(target, { waitUntil: 'load', timeout });
  assert.ok(response, `no response for ${target}`);
  assert.equal(response.status(), 200, `GET ${target} → ${response.status()}`);
  await page.waitForSelector(selector, { timeout });
  return response;
}

function appUrlOf(page) {
  const u = appUrls.get(page);
  if (!u) throw new Error('openApp: page was not made by useApp().newPage(); pass {url}');
  return u;
}

/** The app's root URL for a page made by useApp().newPage() (undefined for other pages). */
export function appRootOf(page) {
  return appUrls.get(page);
}

/** App requests the server saw after index `from`, as 'STATUS METHOD URL' (for "no request after load" checks). */
export function requestsSince(server, from) {
  return appRequests(server, from).map((r) => `${r.status} ${r.method} ${r.url}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
