// The CDN recipes of docs/cdn.md, with no build step at all: the pages in cdn/ are served as files next to the built CDN
// folder (packages/cdn/dist/egov-vn/<version>/), the folder's snippet.html pasted where the page says, as a CMS
// includes it. Served by egov-vn-cdn's own server (serveCdn) under a strict CSP, driven in the system Chromium.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHash, serveCdn } from '@egov-vn/cdn';
import type { CdnServer } from '@egov-vn/cdn';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import axe from 'axe-core';
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../src/demo-documents.js';

const recipes = fileURLToPath(new URL('../cdn', import.meta.url));
const plainTheme = fileURLToPath(new URL('../plain/theme.css', import.meta.url));
const cdnPackage = dirname(createRequire(import.meta.url).resolve('@egov-vn/cdn/package.json'));
const version = (JSON.parse(readFileSync(join(cdnPackage, 'package.json'), 'utf8')) as { version: string }).version;
const folder = join(cdnPackage, 'dist', 'egov-vn', version);

let root: string;
let server: CdnServer;
let browser: Browser;
const policies = new Map<string, string>();

/** The page's CSP: same-origin scripts plus the hash of each inline import map it carries, Trusted Types enforced. */
function policyFor(html: string): string {
  const hashes = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map((m) => cspHash(m[1]!));
  return (
    `default-src 'self'; script-src 'self' ${hashes.join(' ')}; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; ` +
    `worker-src 'self' blob:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'`
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'egov-embed-cdn-'));
  const snippet = readFileSync(join(folder, 'snippet.html'), 'utf8');
  cpSync(recipes, join(root, 'cdn'), { recursive: true });
  cpSync(join(recipes, 'o'), join(root, 'o'), { recursive: true });
  mkdirSync(join(root, 'plain'));
  cpSync(plainTheme, join(root, 'plain', 'theme.css'));
  for (const page of ['index.html', 'liferay.html']) {
    const html = readFileSync(join(recipes, page), 'utf8').replace('<!-- egov-vn:cdn-snippet -->', snippet);
    writeFileSync(join(root, 'cdn', page), html);
    policies.set(`/cdn/${page}`, policyFor(html));
  }
  policies.set('/cdn/', policies.get('/cdn/index.html')!);
  for (const [name, bytes] of Object.entries(await demoDocuments())) writeFileSync(join(root, name), bytes);
  mkdirSync(join(root, 'egov-vn'));
  symlinkSync(folder, join(root, 'egov-vn', version), 'dir');
  server = await serveCdn({ root, headers: (path) => (policies.has(path) ? { 'content-security-policy': policies.get(path)! } : undefined) });
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

const rendered = (page: Page, tags: string[]) =>
  page.evaluate((names) => names.filter((t) => customElements.get(t) && (document.querySelector(t)?.shadowRoot?.childNodes.length ?? 0) > 0), tags);

const logText = (page: Page) => page.locator('#log li').allTextContents();

describe('plain HTML page, no build step (cdn/index.html)', () => {
  it('loads the elements by tag, verifies the signed PDF and reaches the page’s listeners under a strict CSP', async () => {
    const { page, problems } = await open('/cdn/');
    const tags = ['egov-deadline', 'egov-month-calendar', 'egov-signature-panel'];
    await expect.poll(() => rendered(page, tags), { timeout: 20_000 }).toEqual(tags);
    await expect.poll(() => page.locator('egov-signature-panel [part=verdict]').textContent(), { timeout: 20_000 }).toBe('Hợp lệ');
    await expect.poll(() => logText(page)).toEqual(expect.arrayContaining(['egov-deadline-change: on-track', 'egov-signature-panel-verify: 1/1']));
    expect(await page.locator('egov-month-calendar td[data-date="2026-04-06"] [part=event]').textContent()).toBe('08:00 Giao ban');
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('egov-deadline [part=label]').textContent()).toBe('4 working days left');
    // The page's theme reaches the elements as with the npm packages.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('egov-deadline')!).getPropertyValue('--egov-color-primary').trim())).toBe('#8b1c1c');
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => (await (window as unknown as { axe: typeof axe }).axe.run(document)).violations.map((v) => v.id));
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('weighs, with the panel verifying a signed PDF, what the budget allows (gzip, bytes transferred)', async () => {
    const { page } = await open('/cdn/');
    await expect.poll(() => page.locator('egov-signature-panel [part=verdict]').textContent(), { timeout: 20_000 }).toBe('Hợp lệ');
    const { scripts, all } = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const sum = (list: PerformanceResourceTiming[]) => list.reduce((n, e) => n + e.transferSize, 0);
      return { scripts: sum(entries.filter((e) => new URL(e.name).pathname.startsWith('/egov-vn/'))), all: sum(entries) };
    });
    console.log(`CDN page (deadline, month calendar, signature panel verifying a PDF): ${scripts} bytes of egov-vn modules, ${all} bytes in all (gzip)`);
    expect(scripts).toBeGreaterThan(50_000);
    expect(scripts).toBeLessThan(180_000);
    await page.close();
  });
});

describe('a fragment inside a CMS page that has its own Lit (cdn/liferay.html)', () => {
  it('runs the fragment’s elements on the kit’s lit while the page keeps its own', async () => {
    const { page, problems } = await open('/cdn/liferay.html');
    await expect.poll(() => rendered(page, ['egov-deadline', 'egov-signature-panel']), { timeout: 20_000 }).toEqual(['egov-deadline', 'egov-signature-panel']);
    expect(await page.locator('egov-deadline [part=label]').textContent()).toBe('Còn 4 ngày làm việc');
    expect(await page.locator('#portal-widget').textContent()).toBe('Cổng thông tin: lit of the portal');
    expect(problems).toEqual([]);
    await page.close();
  });
});
