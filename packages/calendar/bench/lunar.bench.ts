/// <reference types="node" />
// Converts every day of 1900–2100 to the lunar calendar with @egov-vn/calendar and with the independent `amlich`
// package (the oracle of the tests), in the same run, and prints the speed ratio and heap growth.
// Run: pnpm --filter @egov-vn/calendar bench   (set BENCH_FROM / BENCH_TO for a longer nightly range)
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { median } from '@egov-vn/vitest-config/bench';
import { clearLunarCache, toLunar } from '../src/index.js';

const require = createRequire(import.meta.url);
const amlich = require('amlich') as { convertSolar2Lunar: (d: number, m: number, y: number, tz: number) => number[] };

const from = Number(process.env.BENCH_FROM ?? 1900);
const to = Number(process.env.BENCH_TO ?? 2100);
const days: { year: number; month: number; day: number }[] = [];
for (let t = Date.UTC(from, 0, 1); t <= Date.UTC(to, 11, 31); t += 86_400_000) {
  const d = new Date(t);
  days.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function run(label: string, fn: () => number): number {
  const heapBefore = heapMb();
  const t0 = performance.now();
  const checksum = fn();
  const ms = performance.now() - t0;
  const heapAfter = heapMb();
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  heap Δ ${(heapAfter - heapBefore).toFixed(2).padStart(6)} MB  (checksum ${checksum})`);
  return ms;
}

// Warm up the JIT of both implementations on another century, then start from an empty cache.
for (let y = 1800; y < 1900; y++) {
  for (let m = 1; m <= 12; m++) {
    toLunar({ year: y, month: m, day: 15 });
    amlich.convertSolar2Lunar(15, m, y, 7);
  }
}
clearLunarCache();

const oursLoop = (): number => {
  let s = 0;
  for (const d of days) s += toLunar(d).day;
  return s;
};
const theirsLoop = (): number => {
  let s = 0;
  for (const d of days) s += amlich.convertSolar2Lunar(d.day, d.month, d.year, 7)[0]!;
  return s;
};

console.log(`Converting ${days.length} days (${from}–${to}) to lunar dates, UTC+7; 5 rounds, medians reported`);
const cold: number[] = [];
const warm: number[] = [];
const base: number[] = [];
for (let round = 1; round <= 5; round++) {
  clearLunarCache();
  cold.push(run(`round ${round} @egov-vn/calendar (empty cache)`, oursLoop));
  warm.push(run(`round ${round} @egov-vn/calendar (cached)`, oursLoop));
  base.push(run(`round ${round} amlich`, theirsLoop));
}
const [c, w, b] = [median(cold), median(warm), median(base)];
console.log(`\nmedian: ours ${c.toFixed(1)} ms from an empty cache (${w.toFixed(1)} ms cached), amlich ${b.toFixed(1)} ms`);
console.log(`RATIO vs amlich (empty cache: includes computing every new moon and major term): ${(b / c).toFixed(1)}× faster (target ≥ 5×)`);
console.log(`RATIO vs amlich (cached lunar years): ${(b / w).toFixed(1)}× faster`);
