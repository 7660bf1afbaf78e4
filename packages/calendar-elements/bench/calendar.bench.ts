// `pnpm --filter @egov-vn/calendar-elements bench`: month and week views with 2 000 events, egov-vn elements against
// FullCalendar 6 (daygrid + timegrid, same events, same "+N" limit of 3, Vietnamese locale), in one run of the system
// Chromium. Both are built by Vite for production; medians over ROUNDS runs after a warm-up, runs interleaved.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '@egov-vn/vitest-config/bench';
import { openBenchPage } from '@egov-vn/vitest-config/bench-page';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const here = fileURLToPath(new URL('.', import.meta.url));

const { page, browserVersion, close } = await openBenchPage(join(here, 'page.ts'));
try {
  const names = ['month egov', 'month fullcalendar', 'week egov', 'week fullcalendar'] as const;
  const results = new Map<string, { first: number[]; switch: number[] }>(names.map((n) => [n, { first: [], switch: [] }]));
  for (let round = -2; round < ROUNDS; round++) {
    for (const name of names) {
      const t = await page.evaluate((n) => window.benchRun(n), name);
      if (round < 0) continue; // warm-up
      results.get(name)!.first.push(t.first);
      results.get(name)!.switch.push(t.switch);
    }
  }
  const fmt = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`Chromium ${browserVersion}, 2 000 events, ${ROUNDS} rounds (medians); target ≤ 0.5× FullCalendar\n`);
  for (const view of ['month', 'week'] as const) {
    const ours = results.get(`${view} egov`)!;
    const fc = results.get(`${view} fullcalendar`)!;
    for (const metric of ['first', 'switch'] as const) {
      const a = median(ours[metric]);
      const b = median(fc[metric]);
      const label = metric === 'first' ? 'first complete render' : `switch ${view} (next + back)`;
      const ratio = a / b;
      console.log(`${view.padEnd(5)} ${label.padEnd(28)} egov ${fmt(a).padStart(10)}  FullCalendar ${fmt(b).padStart(10)}  ratio ${ratio.toFixed(2)}× ${ratio <= 0.5 ? '✓' : '✗ (target 0.5×)'}`);
    }
  }
} finally {
  await close();
}
