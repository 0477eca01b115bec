// Runs the engine comparison page (tests/bench/compare/) in the project's
// headless Chromium and prints the tables. scripts/bench-compare.sh builds
// what it needs first; by hand:
//
//   node tests/bench/compare/run.mjs [--serve] BUILD_DIR DATA...
//
//   BUILD_DIR  target/bench-compare (pkg/ from wasm-bindgen, data/<name>/ from
//              `cargo run -p csto-bench-engine --example dump`)
//   DATA       data folder names, e.g. seed synthetic-1000 (one page load each)
//   --serve    only serve the page (prints the URL) for a look in a browser
//
// The page is served with COOP/COEP headers so it is cross-origin isolated
// and performance.now() has 5 µs resolution instead of 100 µs.
import http from 'node:http';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../e2e/helpers.mjs';
import { MIME_TYPES } from '../../e2e/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const serveOnly = args.includes('--serve');
const [buildDir = 'target/bench-compare', ...datasets] = args.filter((a) => a !== '--serve');
const BUDGET = process.env.BENCH_BUDGET_MS || '20000';
const ROUTES = [
  ['/compare/', HERE],
  ['/node_modules/', path.join(HERE, '..', 'node_modules')],
  ['/pkg/', path.join(path.resolve(buildDir), 'pkg')],
  ['/pkg-alt/', path.join(path.resolve(buildDir), 'pkg-alt')],
  ['/data/', path.join(path.resolve(buildDir), 'data')],
];

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const route = ROUTES.find(([prefix]) => url.pathname.startsWith(prefix));
  let file = route && path.join(route[1], decodeURIComponent(url.pathname.slice(route[0].length)));
  if (file && (file === route[1] || file.endsWith(path.sep))) file = path.join(file, 'index.html');
  const body = route && file.startsWith(route[1]) ? await fsp.readFile(file).catch(() => null) : null;
  if (!body) { res.writeHead(404); res.end('404\n'); return; }
  res.writeHead(200, {
    'content-type': MIME_TYPES[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
if (serveOnly) {
  console.log(`serving ${origin}/compare/?data=${datasets[0] || 'seed'}  (Ctrl-C to stop)`);
} else {
  const browser = await launchBrowser();
  try {
    for (const data of datasets.length ? datasets : ['seed']) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${origin}/compare/?data=${encodeURIComponent(data)}&budget=${BUDGET}`);
      const r = await page.waitForFunction(() => window.__bench, null, { timeout: 600_000, polling: 500 }).then((h) => h.jsonValue())
        .catch((e) => { throw new Error(`${data}: ${e.message}\n${errors.join('\n')}`); });
      await page.close();
      print(r);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function print(r) {
  const pad = (s, n) => String(s).padEnd(n);
  const num = (x, d = 3) => x.toFixed(d).padStart(9);
  console.log(`\n== ${r.data}: ${r.passages} passages (${r.statements} statements), ${r.queries.length} queries × ${r.reps} rounds, ${r.timerResolutionHint}`);
  console.log('index build: ' + Object.entries(r.build).filter(([, v]) => Number.isFinite(v)).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', '));
  console.log(`${pad('engine (time for the whole query set)', 40)}${'median ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'×ours med'.padStart(9)} ${'×ours p95'.padStart(9)}  does`);
  for (const e of r.engines) {
    console.log(`${pad(e.name, 40)}${num(e.median)} ${num(e.p95)} ${num(e.medianRatio, 2)} ${num(e.p95Ratio, 2)}  ${e.note}`);
  }
  console.log('per query, median ms: ' + r.engines.map((e) => e.name).join(' | '));
  r.queries.forEach((q, i) => console.log(`  ${pad(JSON.stringify(q), 44)}${r.engines.map((e) => num(e.perQueryMedian[i])).join(' ')}`));
  console.log('hits (passages) per query: ' + r.hits[0].counts.map(([n]) => n).join(' | '));
  for (const h of r.hits) console.log(`  ${pad(JSON.stringify(h.q), 44)}${h.counts.map(([, c]) => String(c).padStart(7)).join(' ')}`);
}
