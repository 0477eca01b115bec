// Browser benchmark of the release bundle (not a test: it prints numbers).
//
//   node tests/bench/browser.mjs [dist-dir]        (default: dist/)
//
// - start-up: navigation → first results in the DOM (the app's
//   `app-rendered` performance mark), median of 10 fresh loads, and the same
//   measured from the moment the wasm finished downloading, split into its
//   phases by the app's marks: wasm downloaded → `app-start` (main() entered:
//   the rest of compiling, instantiating), → `bundle-decoded` (the embedded
//   corpus decoded; the index is built on first use, which for the start
//   page is after `app-rendered`), → `app-rendered` (search, first render);
// - keystroke → results rendered: each scripted query typed a character at a
//   time; per keystroke, from the input event to the DOM mutation it causes
//   (a MutationObserver), median and p95 over all keystrokes; and to the
//   last mutation before 150 ms of quiet ("page complete": the result list
//   renders its first statements with the keystroke, the rest a task later);
// - memory: JS heap in use after load (Chromium's performance.memory), and
//   the wasm linear memory (not part of the JS heap), read from the
//   instance trunk's loader announces with `TrunkApplicationStarted`.
import { launchBrowser, CHROMIUM_PATH, READY_SELECTOR } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';
import path from 'node:path';
import { median, p95, fmt } from './stats.mjs';
import { gotoAndAwait, whenSelector } from './navigate.mjs';

const root = path.resolve(process.argv[2] || 'dist');
const QUERIES = [
  'kanal', 'terrorist', '"illegal migration"', 'terrorism -afghanistan', 'nayomnik OR proxy',
  'migra*', 'antonio guterres', 'peacekeeping united nations', 'terorism',
  'collective security treaty organization', 'drug trafficking afghanistan',
];

const server = await startServer({ root, base: '/tools/csto/', csp: true });
const browser = await launchBrowser();
try {
  // Start-up, 10 fresh contexts (no cache).
  const total = [], afterWasm = [], heap = [], wasmMem = [];
  const phases = { instantiate: [], decode: [], render: [] };
  for (let i = 0; i < 10; i++) {
    const ctx = await browser.newContext();
    await ctx.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__benchWasmMemory = e.detail?.wasm?.memory; }));
    const page = await ctx.newPage();
    await gotoAndAwait(page, server.url, whenSelector(READY_SELECTOR));
    const t = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return { rendered: at('app-rendered'), started: at('app-start'), decoded: at('bundle-decoded'), wasmEnd: wasm ? wasm.responseEnd : NaN, heap: performance.memory ? performance.memory.usedJSHeapSize : NaN, wasmMem: window.__benchWasmMemory ? window.__benchWasmMemory.buffer.byteLength : NaN };
    });
    total.push(t.rendered); afterWasm.push(t.rendered - t.wasmEnd); heap.push(t.heap); wasmMem.push(t.wasmMem);
    phases.instantiate.push(t.started - t.wasmEnd); phases.decode.push(t.decoded - t.started); phases.render.push(t.rendered - t.decoded);
    await ctx.close();
  }
  console.log(`start-up: navigation → first results  median ${fmt(median(total))} ms  (after wasm downloaded: median ${fmt(median(afterWasm))} ms)`);
  console.log(`  phases (medians): wasm downloaded → main() ${fmt(median(phases.instantiate))} ms, decode corpus ${fmt(median(phases.decode))} ms, search + first render ${fmt(median(phases.render))} ms`);
  console.log(`JS heap after load: median ${(median(heap) / 1048576).toFixed(1)} MiB`);
  console.log(`wasm memory after load: median ${(median(wasmMem) / 1048576).toFixed(1)} MiB`);

  // Keystrokes.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForSelector('main[data-ready="true"]');
  const samples = [];
  const searchOnly = []; // the app's own timing of decode + search (main[data-search-ms])
  const complete = []; // input event → the last DOM mutation it causes (the whole page of results)
  for (const q of QUERIES) {
    for (let n = 1; n <= q.length; n++) {
      const ms = await page.evaluate((value) => new Promise((resolve) => {
        const input = document.querySelector('#q');
        const main = document.querySelector('main');
        // First mutation = the keystroke's own render; the last one before
        // 150 ms of quiet = the page complete (the result list renders its
        // first statements with the keystroke and the rest a task later).
        let first = null, last = null, quiet = null;
        const done = () => { obs.disconnect(); resolve(first === null ? null : [first, Number(main.dataset.searchMs), last]); };
        const obs = new MutationObserver(() => {
          last = performance.now() - t0;
          if (first === null) first = last;
          clearTimeout(quiet); quiet = setTimeout(done, 150);
        });
        obs.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = value;
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        // A keystroke that changes nothing on screen (e.g. a trailing space) is not a sample.
        quiet = setTimeout(done, 500);
      }), q.slice(0, n));
      if (ms !== null) { samples.push(ms[0]); searchOnly.push(ms[1]); complete.push(ms[2]); }
    }
    await page.evaluate(() => { const i = document.querySelector('#q'); i.value = ''; i.dispatchEvent(new InputEvent('input', { bubbles: true })); });
    await page.waitForTimeout(50);
  }
  console.log(`keystroke → results rendered: ${samples.length} keystrokes  median ${fmt(median(samples))} ms  p95 ${fmt(p95(samples))} ms  max ${fmt(Math.max(...samples))} ms`);
  console.log(`  of which search (decode + search + facets, in wasm): median ${fmt(median(searchOnly))} ms  p95 ${fmt(p95(searchOnly))} ms`);
  console.log(`  page complete (input event → last mutation, the whole page of results): median ${fmt(median(complete))} ms  p95 ${fmt(p95(complete))} ms  max ${fmt(Math.max(...complete))} ms`);
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
