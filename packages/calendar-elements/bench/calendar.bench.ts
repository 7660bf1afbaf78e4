// `pnpm --filter @egov-vn/calendar-elements bench`: month and week views with 2 000 events, egov-vn elements against
// FullCalendar 6 (daygrid + timegrid, same events, same "+N" limit of 3, Vietnamese locale), in one run of the system
// Chromium. Both are built by Vite for production; medians over ROUNDS runs after a warm-up, runs interleaved.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '@egov-vn/vitest-config/bench';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import { chromium } from 'playwright';
import { build } from 'vite';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const here = fileURLToPath(new URL('.', import.meta.url));

const out = await mkdtemp(join(tmpdir(), 'egov-calendar-bench-'));
await build({
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  resolve: { conditions: ['@egov-vn/source', 'browser', 'import', 'default'] },
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: true,
    lib: { entry: join(here, 'page.ts'), formats: ['es'], fileName: 'page' },
  },
});

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('http://bench.local/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="vi"><body><script type="module" src="/page.js"></script></body></html>' });
      return;
    }
    await route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(out, path)) });
  });
  page.on('pageerror', (e) => console.error(e));
  await page.goto('http://bench.local/');
  await page.waitForFunction(() => window.benchReady);

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
  console.log(`Chromium ${browser.version()}, 2 000 events, ${ROUNDS} rounds (medians); target ≤ 0.5× FullCalendar\n`);
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
  await browser.close();
  await rm(out, { recursive: true, force: true });
}
