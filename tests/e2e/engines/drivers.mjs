// One small driver interface over three automation libraries, so that the
// flows of flows.mjs are written once and run in every engine:
//
//   Chromium  playwright-core (CDP)                 chromiumDriver()
//   Firefox   puppeteer-core (WebDriver BiDi)        firefoxDriver()
//   WebKit    selenium-webdriver (WebDriver classic, WebKitGTK's
//             WebKitWebDriver + MiniBrowser under Xvfb)   webkitDriver()
//
// A driver is a browser; driver.open() gives a tab in a fresh profile (no
// history, cache or storage shared with other tabs):
//
//   tab.goto(url)              navigate and wait for the load event
//   tab.evaluate(fn, arg)      run fn(arg) in the page, await and return its (JSON) result
//   tab.click(selector)        a user's click on the element
//   tab.fill(selector, text)   replace the field's text by typing it
//   tab.back()                 the browser's Back
//   tab.url()                  the address (a Promise)
//   tab.resize({width, height}) the page's viewport, in CSS pixels
//   tab.download(selector)     click, and return the file the browser saved: { name, text }
//   tab.close()
//   tab.pageErrors             uncaught errors seen so far (Chromium, Firefox; WebDriver
//                              classic has no event for them)
//
// evaluate's page functions are the ones app-helpers.mjs already uses with
// Playwright (readResults, readReader, ...): tab has the same evaluate(fn, arg).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { CHROMIUM_PATH, launchBrowser } from '../helpers.mjs';
import { freePort } from '../hosting/servers.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Wait until `dir` holds a complete file named `name` (no .part beside it); returns its text. */
async function savedFile(dir, name, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    if (files.includes(name) && !files.some((f) => f.startsWith(name) && f !== name)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      if (text.length) return text;
    }
    if (Date.now() > deadline) throw new Error(`no download ${name} in ${dir}: ${files.join(', ') || '(empty)'}`);
    await sleep(50);
  }
}

/** The file name the app gives the download the element starts (read from the a[download] it clicks). */
async function expectedName(tab, selector) {
  return tab.evaluate((sel) => {
    return new Promise((resolve) => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        HTMLAnchorElement.prototype.click = click;
        resolve(this.download);
        return click.call(this);
      };
      document.querySelector(sel).click();
    });
  }, selector);
}

// --- Chromium: playwright-core ------------------------------------------------

export async function chromiumDriver() {
  const browser = await launchBrowser();
  return {
    engine: 'chromium',
    version: browser.version(),
    async open() {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(String(e?.stack || e)));
      return {
        page,
        pageErrors,
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (sel) => page.click(sel),
        fill: (sel, text) => page.fill(sel, text),
        back: () => page.goBack(),
        url: async () => page.url(),
        resize: (size) => page.setViewportSize(size),
        async download(sel) {
          const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
          return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

// --- Firefox: puppeteer-core over WebDriver BiDi ------------------------------

export async function firefoxDriver() {
  const { default: puppeteer } = await import('puppeteer-core');
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Save downloads into `downloads` without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/csv,application/json',
      'browser.download.panel.shown': true,
      // More prefs as JSON, e.g. '{"javascript.options.wasm": false}' to see the suite fail.
      ...JSON.parse(process.env.E2E_FIREFOX_PREFS || '{}'),
    },
  });
  return {
    engine: 'firefox',
    version: await browser.version(),
    async open() {
      // A fresh BiDi user context: a profile of its own.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(String(e?.stack || e)));
      return {
        page,
        pageErrors,
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (sel) => page.click(sel),
        async fill(sel, text) {
          await page.focus(sel);
          await page.evaluate((s) => document.querySelector(s).select(), sel);
          await page.keyboard.type(text);
        },
        back: () => page.goBack(),
        url: async () => page.url(),
        resize: (size) => page.setViewport(size),
        async download(sel) {
          const name = await expectedName(this, sel);
          return { name, text: await savedFile(downloads, name) };
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

// --- WebKit: selenium-webdriver + WebKitWebDriver + MiniBrowser ----------------


/**
 * WebKitWebDriver under `xvfb-run -a` (MiniBrowser needs an X display and has
 * no headless mode), in a process group of its own so that stopping it stops
 * Xvfb, the driver and the MiniBrowser it started. WebKitWebDriver runs one
 * session at a time: each tab gets a driver of its own.
 */
async function startWebKitWebDriver() {
  const port = await freePort();
  const proc = spawn('xvfb-run', ['-a', WEBKIT_DRIVER_PATH, `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const stop = () => {
    process.removeListener('exit', stop);
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {}
  };
  process.once('exit', stop);
  const server = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited (${proc.exitCode}): ${stderr}`);
    const up = await fetch(`${server}/status`).then((r) => r.ok, () => false);
    if (up) return { server, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`WebKitWebDriver did not answer on ${server}: ${stderr}`);
    }
    await sleep(100);
  }
}

export async function webkitDriver() {
  const { Builder, By } = await import('selenium-webdriver');
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: MINIBROWSER_PATH,
      // More MiniBrowser options, e.g. '--enable-javascript=false' to see the suite fail.
      args: ['--automation', ...(process.env.E2E_MINIBROWSER_ARGS || '').split(' ').filter(Boolean)],
    },
  };
  const tabs = new Set();
  const driver = {
    engine: 'webkit',
    version: null,
    async open() {
      // A session is a new MiniBrowser with an ephemeral profile of its own.
      const wd = await startWebKitWebDriver();
      let d;
      try {
        d = await new Builder().usingServer(wd.server).withCapabilities(capabilities).build();
        await d.manage().setTimeouts({ script: 15000, pageLoad: 20000 });
      } catch (err) {
        wd.stop();
        throw err;
      }
      const tab = {
        driver: d,
        goto: (url) => d.get(url),
        evaluate: (fn, arg) => d.executeScript(`return (${fn}).apply(null, arguments)`, arg),
        click: async (sel) => (await d.findElement(By.css(sel))).click(),
        async fill(sel, text) {
          // WebKitWebDriver was seen once, in CI on a loaded machine, to
          // leave the box without the text it typed. The box is read back
          // and typed once more if it differs, and that is said; the flows'
          // checks of the results still stand.
          const el = await d.findElement(By.css(sel));
          for (let attempt = 1; ; attempt++) {
            await el.clear();
            await el.sendKeys(text);
            const value = await d.executeScript('return arguments[0].value', el);
            if (value === text || attempt === 2) break;
            console.log(`# webkit: the box held ${JSON.stringify(value)} after typing ${JSON.stringify(text)}; typing again`);
          }
        },
        back: () => d.navigate().back(),
        url: () => d.getCurrentUrl(),
        async resize({ width, height }) {
          // WebDriver sizes the window: its frame and toolbar are measured
          // and added, so that the viewport gets the size.
          const win = d.manage().window();
          await win.setRect({ width, height });
          const [w, h] = await d.executeScript('return [innerWidth, innerHeight]');
          if (w !== width || h !== height) await win.setRect({ width: 2 * width - w, height: 2 * height - h });
        },
        async download(sel) {
          // MiniBrowser has no download directory to automate: take the file
          // the page hands to the browser (the Blob behind a[download]),
          // without starting the browser's download.
          return tab.evaluate((s) => {
            return new Promise((resolve, reject) => {
              const blobs = new Map();
              const create = URL.createObjectURL;
              const click = HTMLAnchorElement.prototype.click;
              URL.createObjectURL = (blob) => {
                const url = create.call(URL, blob);
                blobs.set(url, blob);
                return url;
              };
              HTMLAnchorElement.prototype.click = function () {
                URL.createObjectURL = create;
                HTMLAnchorElement.prototype.click = click;
                const blob = blobs.get(this.href);
                if (!blob) return reject(new Error(`no Blob behind ${this.href}`));
                blob.text().then((text) => resolve({ name: this.download, text }), reject);
              };
              document.querySelector(s).click();
            });
          }, sel);
        },
        async close() {
          tabs.delete(tab);
          await d.quit().catch(() => {});
          wd.stop();
        },
      };
      tabs.add(tab);
      if (!driver.version) {
        const caps = await d.getCapabilities();
        driver.version = `${caps.get('browserName')} ${caps.get('browserVersion')}`;
      }
      return tab;
    },
    async close() {
      for (const tab of [...tabs]) await tab.close();
    },
  };
  return driver;
}

export const DRIVERS = { chromium: chromiumDriver, firefox: firefoxDriver, webkit: webkitDriver };
export { CHROMIUM_PATH };
