// Engine comparison page: the same passages and the same query set in
// (a) csto-core compiled to wasm (tests/bench/engine: Query::parse +
//     Searcher::search — BM25 ranking, statement grouping, facet counts,
//     "did you mean" on zero hits),
// (b) MiniSearch 7 and (c) FlexSearch 0.8, each alone (ranking only) and with
//     the grouping + facet counting done in JS on top, so the like-for-like
//     pipeline is visible too.
// Results go to window.__bench for tests/bench/compare/run.mjs, and to a
// table on the page.
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';
import FlexSearch from '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';
import initOurs, * as ours from '/pkg/csto_bench_engine.js';

// The query set of core/examples/bench.rs and tests/bench/browser.mjs (the
// empty browse query left out: the JS engines have no "everything" query).
export const QUERIES = [
  'kanal', 'terrorist', '"illegal migration"', 'terrorism -Afghanistan', 'Nayomnik OR Proxy',
  'migra*', 'Antonio Guterres', 'peacekeeping united nations', 'terorism',
  'collective security treaty organization', 'drug trafficking afghanistan',
];

const params = new URLSearchParams(location.search);
const DATA = params.get('data') || 'seed';
const BUDGET_MS = Number(params.get('budget') || 15000);
const FIXED_REPS = params.get('reps') ? Number(params.get('reps')) : null;

// ---------------------------------------------------------------- tokenizing
// As close to csto-core's text.rs as JS allows without a stemmer: a word is a
// run of letters/digits (an apostrophe inside a word kept, then dropped, a
// possessive 's dropped), lowercased, diacritics stripped, hyphens split.
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const words = (s) => s.match(WORD) || [];
const fold = (w) => w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/['’ʼ]s$/, '').replace(/['’ʼ]/g, '');
const terms = (s) => words(s).map(fold).filter(Boolean);

// ------------------------------------------------------------ query language
// The subset of ours that the query set uses: words (AND), "phrases",
// -exclusion, a OR b, prefix*. Neither JS engine has phrase search, so a
// phrase becomes an AND of its words.
function parseQuery(q) {
  const raw = q.match(/"[^"]*"|\S+/g) || [];
  const clauses = [];
  let joinNext = false;
  for (const r of raw) {
    if (r === 'OR') { joinNext = clauses.length > 0; continue; }
    let s = r, neg = false, prefix = false;
    if (s.startsWith('-') && s.length > 1) { neg = true; s = s.slice(1); }
    if (s.endsWith('*')) { prefix = true; s = s.slice(0, -1); }
    const alt = { words: terms(s.replace(/"/g, '')), prefix };
    if (!alt.words.length) continue;
    if (joinNext) clauses[clauses.length - 1].alts.push(alt);
    else clauses.push({ neg, alts: [alt] });
    joinNext = false;
  }
  return clauses;
}

// -------------------------------------------------------------------- data
const [meta, corpusBytes] = await Promise.all([
  fetch(`/data/${DATA}/passages.json`).then((r) => r.json()),
  fetch(`/data/${DATA}/corpus.bin`).then((r) => r.arrayBuffer()),
]);
const P = meta.passages;
const N = P.length;
const pStatement = Int32Array.from(P, (p) => p.statement);
const pSpeaker = Int32Array.from(P, (p) => p.speaker);
const sSpeaker = new Int32Array(meta.statements);
const sYear = new Int32Array(meta.statements);
for (const p of P) { sSpeaker[p.statement] = p.speaker; sYear[p.statement] = p.year; }
const years = [...new Set(P.map((p) => p.year))].sort((a, b) => a - b);
const yearIdx = new Map(years.map((y, i) => [y, i]));
const sYearIdx = Int32Array.from(sYear, (y) => yearIdx.get(y) ?? 0);
const pThemes = P.map((p) => Int32Array.from(p.themes));

// What ours does after matching, done in JS for the JS engines: group the
// passage hits by statement (best passage + 0.25 × the rest), sort the
// statements, count statements and passages per speaker, year and theme.
const stampS = new Int32Array(meta.statements);
const stampST = new Int32Array(meta.statements * Math.max(1, meta.themes));
let stamp = 0;
function groupAndFacets(ids, scores) {
  stamp++;
  const sp = new Uint32Array(meta.speakers * 2), yr = new Uint32Array(years.length * 2), th = new Uint32Array(meta.themes * 2);
  const groups = new Map();
  for (let i = 0; i < ids.length; i++) {
    const p = ids[i], s = pStatement[p], sc = scores[i];
    let g = groups.get(s);
    if (!g) { g = { s, best: sc, rest: 0, passages: [] }; groups.set(s, g); } else if (sc > g.best) { g.rest += g.best; g.best = sc; } else g.rest += sc;
    g.passages.push(p);
    const spk = pSpeaker[p] * 2, y = sYearIdx[s] * 2;
    sp[spk]++; yr[y]++;
    if (stampS[s] !== stamp) { stampS[s] = stamp; sp[spk + 1]++; yr[y + 1]++; }
    for (const t of pThemes[p]) {
      th[t * 2]++;
      const k = t * meta.statements + s;
      if (stampST[k] !== stamp) { stampST[k] = stamp; th[t * 2 + 1]++; }
    }
  }
  const statements = [...groups.values()].sort((a, b) => (b.best + 0.25 * b.rest) - (a.best + 0.25 * a.rest) || sYear[a.s] - sYear[b.s]);
  return { statements, facets: [sp, yr, th], count: ids.length };
}

// ------------------------------------------------------------------ engines
const timeIt = (f) => { const t = performance.now(); const r = f(); return [performance.now() - t, r]; };

const [oursInitMs] = await (async () => { const t = performance.now(); await initOurs(); return [performance.now() - t]; })();
const [oursBuildMs] = timeIt(() => ours.load(new Uint8Array(corpusBytes)));
// The same crate with csto-core alone built at another opt-level than the
// app's "z", when bench-compare.sh made one (BENCH_COMPARE_CORE_OPT=3, 2, s).
const oursAlt = await import('/pkg-alt/csto_bench_engine.js').then(async (m) => { await m.default(); return m; }, () => null);
const altLevel = oursAlt ? await fetch('/pkg-alt/opt-level.txt').then((r) => r.text()) : '';
const [oursAltBuildMs] = oursAlt ? timeIt(() => oursAlt.load(new Uint8Array(corpusBytes))) : [NaN];

const miniOptions = {
  fields: ['text'],
  tokenize: words,
  processTerm: (w) => fold(w) || null,
  searchOptions: { prefix: false, fuzzy: false, combineWith: 'AND' },
};
const mini = new MiniSearch(miniOptions);
const [miniBuildMs] = timeIt(() => mini.addAll(P.map((p) => ({ id: p.id, text: p.text }))));

// FlexSearch: whole words ("strict"), the same tokenizer, no cache, no
// suggestions. A prefix query needs tokenize "forward", which indexes every
// word prefix: a second index, used only for prefix* words.
const flexOpts = { encode: terms, cache: false };
const flex = new FlexSearch.Index({ ...flexOpts, tokenize: 'strict' });
const flexFwd = new FlexSearch.Index({ ...flexOpts, tokenize: 'forward' });
const [flexBuildMs] = timeIt(() => { for (const p of P) flex.add(p.id, p.text); });
const [flexFwdBuildMs] = timeIt(() => { for (const p of P) flexFwd.add(p.id, p.text); });

function miniQuery(q) {
  const clauses = parseQuery(q);
  const alt = (a) => ({ combineWith: 'AND', prefix: a.prefix, queries: [a.words.join(' ')] });
  const clause = (c) => (c.alts.length === 1 ? alt(c.alts[0]) : { combineWith: 'OR', queries: c.alts.map(alt) });
  const pos = clauses.filter((c) => !c.neg).map(clause);
  const neg = clauses.filter((c) => c.neg).map(clause);
  const positive = pos.length === 1 ? pos[0] : { combineWith: 'AND', queries: pos };
  return neg.length ? { combineWith: 'AND_NOT', queries: [positive, ...neg] } : positive;
}
const miniSearch = (q) => mini.search(miniQuery(q));

const ALL = { limit: N };
function flexSearch(q) {
  const clauses = parseQuery(q);
  const simple = clauses.every((c) => !c.neg && c.alts.length === 1 && !c.alts[0].prefix);
  if (simple) return flex.search(clauses.flatMap((c) => c.alts[0].words).join(' '), ALL);
  // OR / NOT / prefix: per clause a native search, then set operations.
  const altIds = (a) => (a.prefix ? flexFwd : flex).search(a.words.join(' '), ALL);
  const clauseIds = (c) => {
    if (c.alts.length === 1) return altIds(c.alts[0]);
    const seen = new Set(), out = [];
    for (const a of c.alts) for (const id of altIds(a)) if (!seen.has(id)) { seen.add(id); out.push(id); }
    return out;
  };
  let result = null;
  for (const c of clauses.filter((c) => !c.neg)) {
    const ids = clauseIds(c);
    if (result === null) result = ids;
    else { const keep = new Set(ids); result = result.filter((id) => keep.has(id)); }
  }
  result ??= [];
  for (const c of clauses.filter((c) => c.neg)) {
    const drop = new Set(clauseIds(c));
    result = result.filter((id) => !drop.has(id));
  }
  return result;
}

const ENGINES = [
  { name: 'csto-core (wasm)', note: 'parse + match + BM25 + grouping + facets', run: (q) => ours.search(q), ids: (q) => [...ours.search_ids(q)] },
  { name: 'csto-core, Searcher reused', note: 'same, one Searcher kept (as the app)', run: (q) => ours.search_reusing_searcher(q) },
  ...(oursAlt ? [{ name: `csto-core at opt-level ${altLevel}, reused`, note: 'row 2 with the core built for speed', run: (q) => oursAlt.search_reusing_searcher(q) }] : []),
  { name: 'MiniSearch', note: 'match + BM25 ranking', run: (q) => miniSearch(q).length, ids: (q) => miniSearch(q).map((r) => r.id) },
  { name: 'MiniSearch + JS facets', note: '+ grouping + facets in JS', run: (q) => { const r = miniSearch(q); return groupAndFacets(r.map((x) => x.id), r.map((x) => x.score)).count; } },
  { name: 'FlexSearch', note: 'match + rank (no BM25)', run: (q) => flexSearch(q).length, ids: (q) => flexSearch(q) },
  { name: 'FlexSearch + JS facets', note: '+ grouping + facets in JS', run: (q) => { const r = flexSearch(q); return groupAndFacets(r, r.map((_, i) => r.length - i)).count; } },
];

// --------------------------------------------------------------- measuring
const runSet = (e) => { let n = 0; for (const q of QUERIES) n += e.run(q); return n; };
const quantile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round((s.length - 1) * p)]; };
const tick = () => new Promise((r) => setTimeout(r, 0));

const status = document.getElementById('status');
// Warm up (JIT, wasm tier-up), then size the run to the time budget.
let perRound = 0;
for (let i = 0; i < 20; i++) for (const e of ENGINES) { const [ms] = timeIt(() => runSet(e)); if (i === 19) perRound += ms; }
const reps = FIXED_REPS ?? Math.max(30, Math.min(1000, Math.floor(BUDGET_MS / Math.max(perRound, 0.01))));
const samples = ENGINES.map(() => []);
const perQuery = ENGINES.map(() => QUERIES.map(() => []));
const checks = ENGINES.map(() => 0);
for (let r = 0; r < reps; r++) {
  // Rotate the order each round so no engine always runs after the same one.
  for (let k = 0; k < ENGINES.length; k++) {
    const i = (r + k) % ENGINES.length, e = ENGINES[i];
    let total = 0;
    for (let j = 0; j < QUERIES.length; j++) {
      const t = performance.now();
      checks[i] += e.run(QUERIES[j]);
      const ms = performance.now() - t;
      perQuery[i][j].push(ms); total += ms;
    }
    samples[i].push(total);
  }
  if (r % 20 === 19) { status.textContent = `round ${r + 1}/${reps}`; await tick(); }
}

const oursMedian = quantile(samples[0], 0.5), oursP95 = quantile(samples[0], 0.95);
const results = {
  data: DATA,
  statements: meta.statements,
  passages: N,
  queries: QUERIES,
  reps,
  timerResolutionHint: crossOriginIsolated ? 'cross-origin isolated (5 µs timer)' : 'not isolated (100 µs timer)',
  build: { 'csto-core (wasm)': oursBuildMs, [`csto-core at opt-level ${altLevel || '-'}`]: oursAltBuildMs, 'csto-core wasm init': oursInitMs, MiniSearch: miniBuildMs, FlexSearch: flexBuildMs, 'FlexSearch forward (prefix) index': flexFwdBuildMs },
  engines: ENGINES.map((e, i) => ({
    name: e.name,
    note: e.note,
    median: quantile(samples[i], 0.5),
    p95: quantile(samples[i], 0.95),
    medianRatio: quantile(samples[i], 0.5) / oursMedian,
    p95Ratio: quantile(samples[i], 0.95) / oursP95,
    perQueryMedian: perQuery[i].map((xs) => quantile(xs, 0.5)),
    checksum: checks[i],
  })),
  hits: QUERIES.map((q) => ({ q, counts: ENGINES.filter((e) => e.ids).map((e) => [e.name, e.ids(q).length]) })),
};
window.__bench = results;

const f = (x) => x.toFixed(3);
document.getElementById('out').innerHTML = `
  <p>${N} passages (${meta.statements} statements), ${QUERIES.length} queries, ${reps} rounds; ${results.timerResolutionHint}.</p>
  <table><tr><th>engine (whole query set)</th><th>median ms</th><th>p95 ms</th><th>× ours (median)</th><th>× ours (p95)</th><th>does</th></tr>
  ${results.engines.map((e) => `<tr><td>${e.name}</td><td>${f(e.median)}</td><td>${f(e.p95)}</td><td>${e.medianRatio.toFixed(2)}</td><td>${e.p95Ratio.toFixed(2)}</td><td>${e.note}</td></tr>`).join('')}
  </table>
  <table><tr><th>query</th>${results.hits[0].counts.map(([n]) => `<th>${n} hits</th>`).join('')}</tr>
  ${results.hits.map((h) => `<tr><td>${h.q.replace(/</g, '&lt;')}</td>${h.counts.map(([, c]) => `<td>${c}</td>`).join('')}</tr>`).join('')}
  </table>`;
status.textContent = 'done';
