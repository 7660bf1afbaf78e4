// `pnpm --filter @egov-vn/office-elements bench`: first complete render of <egov-incoming> over an agency with 2 000
// incoming documents (server paging: the first page of 50, the default, and of 200, the contract's maximum), against a
// plain innerHTML table of the same rows, in one run of the system Chromium. Built by Vite for production; medians over
// ROUNDS runs after a warm-up, runs interleaved. Target: ≤ 100 ms for <egov-incoming>. Also <egov-office> opening on its
// incoming view (`office 50`), as a ratio to the same plain table and to <egov-incoming> alone.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '@egov-vn/vitest-config/bench';
import { openBenchPage } from '@egov-vn/vitest-config/bench-page';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const here = fileURLToPath(new URL('.', import.meta.url));

const { page, browserVersion, close } = await openBenchPage(join(here, 'page.ts'));
try {
  const names = ['egov 50', 'office 50', 'plain 50', 'data 50', 'egov 200', 'plain 200', 'data 200'] as const;
  const results = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let round = -2; round < ROUNDS; round++) {
    for (const name of names) {
      const t = await page.evaluate((n) => window.benchRun(n), name);
      if (round >= 0) results.get(name)!.push(t);
    }
  }
  const fmt = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`Chromium ${browserVersion}, 2 000 incoming documents in the agency, ${ROUNDS} rounds (medians); target ≤ 100 ms\n`);
  for (const size of [50, 200]) {
    const a = median(results.get(`egov ${size}`)!);
    const b = median(results.get(`plain ${size}`)!);
    console.log(
      `first page of ${String(size).padStart(3)}  <egov-incoming> ${fmt(a).padStart(9)}  plain innerHTML table ${fmt(b).padStart(9)}  ratio ${(a / b).toFixed(2)}×  ${a <= 100 ? '✓ ≤ 100 ms' : '✗ (target ≤ 100 ms)'}  (of which the in-memory data access ${fmt(median(results.get(`data ${size}`)!))})`,
    );
  }
  const o = median(results.get('office 50')!);
  console.log(
    `<egov-office> on the incoming view ${fmt(o)}: ratio ${(o / median(results.get('plain 50')!)).toFixed(2)}× the plain table of 50 rows, ${(o / median(results.get('egov 50')!)).toFixed(2)}× <egov-incoming> alone`,
  );
} finally {
  await close();
}
