// Small statistics for the benchmarks in tests/bench/ (not tests: they print numbers).
//
//   import { median, p95, fmt } from './stats.mjs';

/** The median (the lower middle value for an even count). */
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
/** The 95th percentile (nearest rank). */
export const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round((s.length - 1) * 0.95)]; };
/** Milliseconds with two decimals. */
export const fmt = (x) => x.toFixed(2);
