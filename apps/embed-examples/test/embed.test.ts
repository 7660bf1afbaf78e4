// The embedding guide's examples, as a portal team would ship them: `vite build` of the plain HTML page and the React
// 19 page (bare imports resolved to the packages' dist), served by `vite preview`, driven in the system Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import axe from 'axe-core';
import { chromium } from 'playwright';
import type { Browser, ConsoleMessage, Page } from 'playwright';
import { preview } from 'vite';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'egov-embed-'));
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let baseUrl: string;
let moduleIds: string[] = [];

beforeAll(async () => {
  // Built in a child Node process, as a portal builds: Vitest's workers resolve the workspace's `@egov-vn/source`
  // condition (TypeScript sources), which a portal never has. NODE_ENV=production: Lit's and React's production builds.
  const script = `import { build } from 'vite';
const output = await build({ root: ${JSON.stringify(root)}, logLevel: 'warn', build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true } });
process.stdout.write(JSON.stringify(output.output.flatMap((c) => (c.type === 'chunk' ? c.moduleIds : []))));`;
  const built = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
  });
  if (built.status !== 0) throw new Error(`vite build failed (${String(built.status)}): ${built.stderr}`);
  moduleIds = JSON.parse(built.stdout.slice(built.stdout.lastIndexOf('["'))) as string[];
  // The server-rendered page: its body rendered here in Node with @lit-labs/ssr, as a portal's server would.
  // Its policy allows the shadow roots' <style> blocks by their hashes (no 'unsafe-inline').
  const { renderReadOnly, styleHashes } = await import('../src/ssr/render.js');
  const ssrPage = join(outDir, 'ssr', 'index.html');
  const ssrBody = await renderReadOnly();
  const ssrHtml = readFileSync(ssrPage, 'utf8').replace('<!--ssr-outlet-->', ssrBody);
  writeFileSync(ssrPage, ssrHtml.replace("'ssr-style-hashes'", styleHashes(ssrBody).join(' ')));
  // The same page in English (<html lang="en">), rendered in English.
  const enBody = await renderReadOnly('en');
  writeFileSync(
    join(outDir, 'ssr', 'en.html'),
    ssrHtml.replace('<html lang="vi">', '<html lang="en">').replace(ssrBody, enBody).replace("'ssr-style-hashes'", styleHashes(enBody).join(' ')),
  );
  server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  baseUrl = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Open a page, collecting console errors and uncaught exceptions (a CSP violation is a console error). */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage({ acceptDownloads: true });
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${baseUrl}${path}`);
  return { page, problems };
}

/** axe-core over the whole page (shadow roots included); run through the DevTools protocol, which CSP does not block. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const inPage = (window as unknown as { axe: typeof axe }).axe;
    const result = await inPage.run(document);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

const tags = ['egov-month-calendar', 'egov-deadline', 'egov-signature-panel', 'egov-edoc-stats'];

const upgraded = (page: Page) =>
  page.evaluate((names) => names.filter((t) => customElements.get(t) && document.querySelector(t)?.shadowRoot), tags);

const logText = (page: Page) => page.locator('#log li').allTextContents();

describe('the build', () => {
  it('takes the elements from the packages’ dist, never their sources', () => {
    const ours = moduleIds.filter((id) => /[\\/](calendar-elements|signature-elements|report-elements|elements-core)[\\/]/.test(id));
    expect(ours.some((id) => id.includes('/report-elements/dist/edoc-stats/'))).toBe(true);
    expect(ours.some((id) => id.includes('/calendar-elements/dist/month-calendar/'))).toBe(true);
    expect(ours.filter((id) => /[\\/]src[\\/]/.test(id))).toEqual([]);
  });

  it('leaves no inline script in the plain page (the strict CSP allows only same-origin scripts)', () => {
    const html = readFileSync(join(outDir, 'plain/index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('plain HTML page', () => {
  it('upgrades and renders every element under a strict CSP, and their events reach the page', async () => {
    const { page, problems } = await open('/plain/');
    await expect.poll(() => upgraded(page)).toEqual(tags);
    // Rendered: Playwright's CSS locators pierce open shadow roots.
    await expect.poll(() => page.locator('egov-month-calendar td[data-date="2026-04-06"] [part=event]').textContent()).toBe('08:00 Giao ban');
    expect(await page.locator('egov-deadline [part=label]').textContent()).toBe('Còn 4 ngày làm việc');
    expect(await page.locator('egov-edoc-stats [part=chart]').count()).toBe(3);
    await expect.poll(() => logText(page)).toEqual(expect.arrayContaining(['egov-deadline-change: on-track', 'egov-signature-panel-verify: 1/1 chữ ký hợp lệ']));
    // The signed demo PDF, verified in the page against the trust anchor it was given.
    expect(await page.locator('egov-signature-panel [part=verdict]').textContent()).toBe('Hợp lệ');
    await page.locator('egov-month-calendar td[data-date="2026-04-07"]').click();
    await expect.poll(() => logText(page)).toContain('egov-month-calendar-select: 2026-04-07');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads the report as a UTF-8 CSV with BOM', async () => {
    const { page } = await open('/plain/');
    await expect.poll(() => page.locator('egov-edoc-stats [part=chart]').count()).toBe(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('egov-edoc-stats [part=export-button]').click()]);
    expect(download.suggestedFilename()).toBe('thong-ke-quy-1-2026.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Văn phòng UBND tỉnh');
    expect(await logText(page)).toContain('egov-edoc-stats-export: thong-ke-quy-1-2026.csv');
    await page.close();
  });

  it('is themed by the page: custom properties and ::part rules reach inside the shadow roots', async () => {
    const { page } = await open('/plain/');
    await expect.poll(() => page.locator('egov-edoc-stats [part=chart]').count()).toBe(3);
    const pressed = page.locator('egov-edoc-stats [part=view-button][aria-pressed=true]');
    expect(await pressed.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(139, 28, 28)');
    expect(await page.locator('egov-edoc-stats [part=title]').evaluate((t) => getComputedStyle(t).fontSize)).toBe('24px');
    await page.close();
  });

  it('has no accessibility violation (axe, whole page)', async () => {
    const { page } = await open('/plain/');
    await expect.poll(() => logText(page)).toEqual(expect.arrayContaining(['egov-signature-panel-verify: 1/1 chữ ký hợp lệ']));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('switches language with the lang attribute', async () => {
    const { page } = await open('/plain/');
    await expect.poll(() => page.locator('egov-edoc-stats [part=export-button]').textContent()).toBe('Tải CSV');
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('egov-edoc-stats [part=export-button]').textContent()).toBe('Download CSV');
    expect(await page.locator('egov-deadline [part=label]').textContent()).toBe('4 working days left');
    await page.close();
  });
});

describe('React 19 page', () => {
  it('passes properties, gets typed events in React state, and renders every element under the same CSP', async () => {
    const { page, problems } = await open('/react/');
    await expect.poll(() => upgraded(page)).toEqual(tags);
    // Array and object properties set by React 19 (not stringified into attributes).
    expect(await page.locator('egov-edoc-stats').evaluate((el) => (el as HTMLElement & { data: unknown[] }).data.length)).toBe(6);
    expect(await page.locator('egov-edoc-stats').getAttribute('data')).toBeNull();
    await expect.poll(() => page.locator('egov-month-calendar td[data-date="2026-04-06"] [part=event]').textContent()).toBe('08:00 Giao ban');
    // The portal's own targets reached the element: 95% signed is met by 95/100, missed by 36/40 (all six would meet
    // the default 90%).
    expect(await page.locator('egov-edoc-stats [part=chart-summary]').nth(1).textContent()).toMatch(/^3 trên 6 lượt/);
    await page.locator('egov-month-calendar td[data-date="2026-04-07"]').click();
    await expect.poll(() => page.locator('#day').textContent()).toBe('Ngày đã chọn: 2026-04-07');
    await page.locator('egov-edoc-stats [part=export-button]').click();
    await expect.poll(() => logText(page)).toEqual(
      expect.arrayContaining(['egov-deadline-change: on-track', 'egov-signature-panel-verify: 1/1', expect.stringMatching(/^egov-edoc-stats-export: 6 rows, \d+ bytes$/)]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('egov-edoc-stats [part=export-button]').textContent()).toBe('Download CSV');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Vue 3 page', () => {
  it('renders the elements as custom elements (isCustomElement), sets an array with .prop, handles an egov- event, under the CSP', async () => {
    const { page, problems } = await open('/vue/');
    await expect.poll(() => page.evaluate(() => ['egov-month-calendar', 'egov-deadline'].filter((t) => document.querySelector(t)?.shadowRoot))).toEqual([
      'egov-month-calendar',
      'egov-deadline',
    ]);
    // The array arrived as a property (Vue's .prop), not as an attribute string.
    expect(await page.locator('egov-month-calendar').evaluate((el) => Array.isArray((el as HTMLElement & { events: unknown }).events))).toBe(true);
    expect(await page.locator('egov-month-calendar').getAttribute('events')).toBeNull();
    await expect.poll(() => page.locator('egov-month-calendar td[data-date="2026-04-06"] [part=event]').textContent()).toBe('08:00 Giao ban');
    await page.locator('egov-month-calendar td[data-date="2026-04-07"]').click();
    await expect.poll(() => page.locator('#day').textContent()).toBe('Ngày đã chọn: 2026-04-07');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Angular 19 page', () => {
  it('renders the elements in a standalone component (CUSTOM_ELEMENTS_SCHEMA), binds an array with [events], handles (egov-…)', async () => {
    const { page, problems } = await open('/angular/');
    await expect.poll(() => page.evaluate(() => ['egov-month-calendar', 'egov-deadline'].filter((t) => document.querySelector(t)?.shadowRoot))).toEqual([
      'egov-month-calendar',
      'egov-deadline',
    ]);
    // Angular set the array as a property, not as an attribute string.
    expect(await page.locator('egov-month-calendar').evaluate((el) => Array.isArray((el as HTMLElement & { events: unknown }).events))).toBe(true);
    expect(await page.locator('egov-month-calendar').getAttribute('events')).toBeNull();
    await expect.poll(() => page.locator('egov-month-calendar td[data-date="2026-04-06"] [part=event]').textContent()).toBe('08:00 Giao ban');
    await page.locator('egov-month-calendar td[data-date="2026-04-07"]').click();
    await expect.poll(() => page.locator('#day').textContent()).toBe('Ngày đã chọn: 2026-04-07');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('server-rendered page (@lit-labs/ssr, declarative shadow DOM)', () => {
  const readOnly = ['egov-deadline', 'egov-signature-panel', 'egov-edoc-stats'];

  it('shows the read-only elements before any script runs (every script blocked)', async () => {
    const page = await browser!.newPage();
    const blocked: string[] = [];
    await page.route('**/*.js', (route) => {
      blocked.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    await page.goto(`${baseUrl}/ssr/`);
    expect(blocked.length).toBeGreaterThan(0);
    // No element is defined, yet each shows its shadow root, parsed from the HTML.
    expect(await page.evaluate((tags) => tags.filter((t) => customElements.get(t)), readOnly)).toEqual([]);
    expect(await page.evaluate((tags) => tags.filter((t) => document.querySelector(t)?.shadowRoot), readOnly)).toEqual(readOnly);
    expect(await page.locator('egov-deadline [part=label]').textContent()).toBe('Còn 4 ngày làm việc');
    expect(await page.locator('egov-signature-panel [part=summary]').textContent()).toBe('Chưa có văn bản để kiểm tra.');
    expect(await page.locator('egov-edoc-stats [part=title]').textContent()).toBe('Tình hình sử dụng văn bản điện tử quý I/2026');
    expect(await page.locator('egov-edoc-stats [part=chart-summary]').first().isVisible()).toBe(true);
    await page.close();
  });

  it('hydrates: the elements take over their server-rendered shadow roots and respond', async () => {
    const { page, problems } = await open('/ssr/');
    await expect.poll(() => page.evaluate(() => document.body.dataset['hydrated'] ?? '')).toBe('true');
    expect(await page.evaluate((tags) => tags.filter((t) => customElements.get(t)), readOnly)).toEqual(readOnly);
    // Hydrated in place: one rendering in each shadow root, the same text as the server's.
    expect(await page.evaluate(() => document.querySelector('egov-edoc-stats')!.shadowRoot!.querySelectorAll('[part=base]').length)).toBe(1);
    expect(await page.locator('egov-deadline [part=label]').textContent()).toBe('Còn 4 ngày làm việc');
    // The report is live: the table view button switches the view.
    await page.locator('egov-edoc-stats [part=view-button]').nth(1).click();
    await expect.poll(() => page.locator('egov-edoc-stats [part=view-button]').nth(1).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('egov-edoc-stats table').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('with JavaScript disabled, the server-rendered text is in the shadow roots, fits 360 px, and is accessible', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ssr/`);
    // Playwright's locators pierce the declarative shadow roots (innerText: what is rendered, CSS applied).
    expect(await page.locator('egov-deadline [part=label]').innerText()).toBe('Còn 4 ngày làm việc');
    expect(await page.locator('egov-deadline [part=base]').getAttribute('aria-label')).toBe('Hạn xử lý 26/02/2026: Còn 4 ngày làm việc');
    expect(await page.locator('egov-signature-panel [part=summary]').innerText()).toBe('Chưa có văn bản để kiểm tra.');
    expect(await page.locator('egov-edoc-stats [part=title]').innerText()).toBe('Tình hình sử dụng văn bản điện tử quý I/2026');
    expect(await page.locator('egov-edoc-stats [part=summary]').innerText()).toMatch(/2 cơ quan/);
    expect(await page.locator('egov-edoc-stats [part=chart-summary]').first().innerText()).toMatch(/\d+(,\d+)?\s?%/);
    // The shadow roots' styles apply under the page's policy (their hashes, no 'unsafe-inline'); no sideways scroll.
    expect(await page.locator('egov-deadline [part=base]').evaluate((el) => getComputedStyle(el).display)).toBe('inline-flex');
    expect(await page.locator('egov-edoc-stats [part=base]').evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
    // axe needs the page's timers, which a page without JavaScript does not run: the same page with its scripts blocked.
    const blocked = await browser!.newPage({ viewport: { width: 360, height: 800 } });
    await blocked.route('**/*.js', (route) => route.abort());
    await blocked.goto(`${baseUrl}/ssr/`);
    expect(await blocked.evaluate(() => customElements.get('egov-edoc-stats'))).toBeUndefined();
    expect(await axeViolations(blocked)).toEqual([]);
    await blocked.close();
  });

  it('hydration adopts the server-rendered nodes (no second rendering), and property changes update them', async () => {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // Hold the page's scripts until the server's nodes are in hand.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/ssr/`, { waitUntil: 'commit' });
    const label = await page.locator('egov-deadline [part=label]').elementHandle();
    const title = await page.locator('egov-edoc-stats [part=title]').elementHandle();
    const summary = await page.locator('egov-signature-panel [part=summary]').elementHandle();
    expect(await page.evaluate((tags) => tags.filter((t) => customElements.get(t)), readOnly)).toEqual([]);
    release();
    await expect.poll(() => page.evaluate(() => document.body.dataset['hydrated'] ?? '')).toBe('true');
    // The very nodes the server sent are still the ones in each shadow root: hydrated, not rendered again.
    const inPlace = (node: Node, { tag, part }: { tag: string; part: string }) =>
      document.querySelector(tag)!.shadowRoot!.querySelector(`[part=${part}]`) === node;
    expect(await label.evaluate(inPlace, { tag: 'egov-deadline', part: 'label' })).toBe(true);
    expect(await title.evaluate(inPlace, { tag: 'egov-edoc-stats', part: 'title' })).toBe(true);
    expect(await summary.evaluate(inPlace, { tag: 'egov-signature-panel', part: 'summary' })).toBe(true);
    // A property change updates those nodes.
    await page.evaluate(() => {
      Object.assign(document.querySelector('egov-deadline')!, { due: '2026-02-13' });
      Object.assign(document.querySelector('egov-edoc-stats')!, { heading: 'Quý II/2026' });
    });
    await expect.poll(() => label.textContent()).toBe('Đến hạn hôm nay');
    await expect.poll(() => title.textContent()).toBe('Quý II/2026');
    expect(await page.locator('egov-deadline').getAttribute('status')).toBe('due-today');
    // The hydrated panel verifies a document given after hydration (pdf.js and WebCrypto, in the browser only).
    await page.evaluate(async () => {
      const panel = document.querySelector('egov-signature-panel')!;
      Object.assign(panel, { trustAnchors: [await (await fetch('/demo-root-ca.pem')).text()], src: '/van-ban-ky-so.pdf' });
    });
    await expect.poll(() => page.locator('egov-signature-panel [part=verdict]').first().textContent()).toBe('Hợp lệ');
    expect(await summary.evaluate(inPlace, { tag: 'egov-signature-panel', part: 'summary' })).toBe(true);
    expect(await summary.textContent()).toMatch(/chữ ký/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders English on the server when told the page language, readable without JavaScript, kept through hydration', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${baseUrl}/ssr/en.html`);
    expect(await noScript.locator('egov-deadline [part=label]').innerText()).toBe('4 working days left');
    expect(await noScript.locator('egov-signature-panel [part=summary]').innerText()).toBe('No document to check yet.');
    expect(await noScript.locator('egov-edoc-stats [part=summary]').innerText()).toMatch(/^2 agencies/);
    await context.close();
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${baseUrl}/ssr/en.html`);
    await expect.poll(() => page.evaluate(() => document.body.dataset['hydrated'] ?? '')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.querySelector('egov-deadline')!.shadowRoot!.querySelector('[part=label]')!.textContent)).toBe('4 working days left');
    expect(await page.locator('egov-edoc-stats [part=view-button]').first().textContent()).toContain('Chart');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('untold, the server renders Vietnamese (it sees no <html lang>); on an English page the elements hydrate into English', async () => {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/ssr/`, { waitUntil: 'commit' });
    const label = await page.locator('egov-deadline [part=label]').elementHandle();
    expect(await label.textContent()).toBe('Còn 4 ngày làm việc');
    await page.evaluate(() => (document.documentElement.lang = 'en'));
    release();
    await expect.poll(() => page.evaluate(() => document.body.dataset['hydrated'] ?? '')).toBe('true');
    await expect.poll(() => label.textContent()).toBe('4 working days left');
    expect(await page.locator('egov-signature-panel [part=summary]').textContent()).toBe('No document to check yet.');
    expect(problems).toEqual([]);
    await page.close();
  });
});
