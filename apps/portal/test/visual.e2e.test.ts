// Visual regression of the portal's pages: the incoming list (the page after sign-in), the compose form with its
// validation messages after an empty submit, the weekly schedule, the month calendar and the statistics, at 1280 × 800
// and at 360 × 740, light theme, each compared with its committed picture in test/visual-baselines/.
// The same comparison as the story pictures (apps/storybook/vitest.config.ts), done here in Node with pixelmatch +
// pngjs because the story tests use Vitest browser mode's toMatchScreenshot: per-pixel colour threshold 0.1,
// anti-aliased pixels ignored, at most 0.1 % of the pixels may differ. Deterministic: fresh servers with the demo seed
// (no document yet), the browser's clock fixed (Playwright's page.clock) so "today" is always Wednesday 18 March 2026,
// animations disabled, the caret hidden. A control proves a 2 px shift of a page is reported.
// Update the pictures with `pnpm --filter @egov-vn/portal test:visual:update` (EGOV_VISUAL_UPDATE=1 writes them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import pixelmatch from 'pixelmatch';
import { chromium, type Browser, type Page } from 'playwright';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServers, type Servers } from './servers.js';

const baselines = join(import.meta.dirname, 'visual-baselines');
const results = join(import.meta.dirname, '..', '.test-results', 'visual');
const update = process.env['EGOV_VISUAL_UPDATE'] === '1';
const started = Date.now();

/** The tolerance of the story pictures (apps/storybook/vitest.config.ts). */
const THRESHOLD = 0.1;
const ALLOWED_MISMATCHED_PIXEL_RATIO = 0.001;
/** "Today" in the browser: a Wednesday, 09:00 Vietnam time. */
const TODAY = new Date('2026-03-18T09:00:00+07:00');

const VIEWPORTS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '360', width: 360, height: 740 },
] as const;

let servers: Servers | undefined;
let browser: Browser | undefined;
let page: Page;

interface Comparison {
  mismatched: number;
  ratio: number;
  sizeDiffers: boolean;
}

/** pixelmatch of two PNGs (the story pictures' options); a different size counts as every pixel differing. */
function compare(expected: Buffer, actual: Buffer, diffPath?: string): Comparison {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) return { mismatched: b.width * b.height, ratio: 1, sizeDiffers: true };
  const diff = new PNG({ width: a.width, height: a.height });
  const mismatched = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
  if (diffPath && mismatched > 0) writeFileSync(diffPath, PNG.sync.write(diff));
  return { mismatched, ratio: mismatched / (a.width * a.height), sizeDiffers: false };
}

/** A full-page picture once the page has settled: two consecutive captures are identical (at most 8 tries). */
async function settledShot(): Promise<Buffer> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const shoot = () => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
  let previous = await shoot();
  for (let i = 0; i < 8; i += 1) {
    await page.waitForTimeout(150);
    const next = await shoot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the page did not settle: successive screenshots differ');
}

/** Compares the page with test/visual-baselines/<name>.png (writes it in update mode). */
async function expectMatchesBaseline(name: string): Promise<void> {
  const actual = await settledShot();
  const file = join(baselines, `${name}.png`);
  if (update) {
    mkdirSync(baselines, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no baseline ${file}: run pnpm --filter @egov-vn/portal test:visual:update`);
  mkdirSync(results, { recursive: true });
  const result = compare(readFileSync(file), actual, join(results, `${name}-diff.png`));
  if (result.sizeDiffers || result.ratio > ALLOWED_MISMATCHED_PIXEL_RATIO) writeFileSync(join(results, `${name}-actual.png`), actual);
  expect(result.sizeDiffers, `${name}: the page's size differs from its picture (see .test-results/visual/)`).toBe(false);
  expect(result.ratio, `${name}: ${result.mismatched} pixels differ (see .test-results/visual/)`).toBeLessThanOrEqual(ALLOWED_MISMATCHED_PIXEL_RATIO);
}

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(hash);
  await page.locator('#page-title').waitFor();
}

/** The portal's pages: `open` routes to one and answers once its content is there. */
const PAGES: Array<{ name: string; open: () => Promise<void> }> = [
  {
    name: 'incoming',
    open: async () => {
      await go('#/incoming');
      await page.locator('egov-incoming [part=table]').waitFor();
    },
  },
  {
    name: 'compose-validation',
    open: async () => {
      await go('#/compose/new');
      await page.locator('egov-compose [data-action=submit]').waitFor();
      await expect.poll(() => page.locator('egov-compose #f-signer').inputValue()).toBe('vp.lanhdao');
      await page.locator('egov-compose [data-action=submit]').click();
      await page.locator('egov-compose [part=summary]').waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    },
  },
  {
    name: 'schedule',
    open: async () => {
      await go('#/schedule');
      await page.locator('egov-week-schedule').waitFor();
    },
  },
  {
    name: 'calendar',
    open: async () => {
      await go('#/calendar');
      await page.locator('egov-month-calendar').waitFor();
    },
  },
  {
    name: 'stats',
    open: async () => {
      await go('#/stats');
      await page.locator('egov-edoc-stats').waitFor();
      await expect.poll(() => page.locator('egov-edoc-stats').evaluate((el) => ((el as unknown as { data?: unknown[] }).data ?? []).length)).toBe(3);
    },
  },
];

beforeAll(async () => {
  servers = await startServers();
  browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    reducedMotion: 'reduce',
    colorScheme: 'light',
  });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.clock.setFixedTime(TODAY);
  await page.goto(servers.portalUrl, { timeout: 120_000 });
  await page.locator('#login-user').waitFor({ timeout: 120_000 });
  await page.selectOption('#login-user', 'vp.chuyenvien');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.locator('.context', { hasText: '000.00.01.H49' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
  console.log(`portal visual regression: ${Math.round((Date.now() - started) / 1000)} s`);
});

describe('visual regression of the portal’s pages (light theme, clock fixed at 18 March 2026)', () => {
  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width} × ${viewport.height}: ${PAGES.map((p) => p.name).join(', ')} match their pictures`, async () => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const p of PAGES) {
        await p.open();
        await expectMatchesBaseline(`${p.name}-${viewport.name}`);
      }
    });
  }

  it('control: the statistics page moved by 2 px is reported as a mismatch (and unmoved it matches)', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await go('#/stats');
    const reference = readFileSync(join(baselines, 'stats-1280.png'));
    expect(compare(reference, await settledShot()).ratio).toBeLessThanOrEqual(ALLOWED_MISMATCHED_PIXEL_RATIO);
    await page.addStyleTag({ content: 'main { translate: 2px 0; }' });
    const shifted = compare(reference, await settledShot());
    expect(shifted.sizeDiffers).toBe(false);
    expect(shifted.ratio, `${shifted.mismatched} pixels differ`).toBeGreaterThan(ALLOWED_MISMATCHED_PIXEL_RATIO);
  });
});
