// The office host pages (office/: plain HTML, office-react/: React 19) against a real office server: the sandbox hub
// and the demo office server (its real main, PGlite in a directory so a restart finds its documents), started with the
// portal's test servers (apps/portal/test/servers.ts). The pages are built as a portal builds them — `vite build` in a
// child Node process (Vitest's workers resolve the workspace's `@egov-vn/source` condition, which a portal's build never
// has), only the two office pages, bare imports resolved to the packages' dist — and served by `vite preview` without
// loading the config, with its proxy of /v1 and /demo to the office server. The host's getToken asks for 60-s tokens.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeApi, sendDocument, startServers, type Servers } from '../../portal/test/servers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'egov-office-host-'));
let servers: Servers | undefined;
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let base = '';

// Each page takes its own document through the journey (the two pages share one office server).
const PAGES = [
  { name: 'plain HTML', path: 'office/', subject: 'kế hoạch chuyển đổi số' },
  { name: 'React 19', path: 'office-react/', subject: 'báo cáo biên chế' },
] as const;

/** `vite build` of the two office pages in a child Node process (no config file: the office pages need none of its plugins). */
function buildPages(): void {
  const script = `import { build } from 'vite';
await build({
  root: ${JSON.stringify(root)},
  configFile: false,
  logLevel: 'warn',
  build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, rollupOptions: { input: { office: ${JSON.stringify(join(root, 'office/index.html'))}, officeReact: ${JSON.stringify(join(root, 'office-react/index.html'))} } } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});`;
  const built = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
  });
  if (built.status !== 0) throw new Error(`vite build failed (${String(built.status)}): ${built.stderr}`);
}

beforeAll(async () => {
  const t0 = Date.now();
  buildPages();
  console.log(`office pages built in ${Date.now() - t0} ms`);
  servers = await startServers({ portal: false, persistent: true });
  const proxy = { '/v1': { target: servers.officeUrl }, '/demo': { target: servers.officeUrl } };
  // silent: the proxy's connection errors while the office server is down are expected
  server = await preview({ root, configFile: false, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, proxy } });
  base = `${server.resolvedUrls!.local[0]!.replace(/\/$/, '')}/`;
  browser = await chromium.launch(chromiumLaunchOptions);
  const sent = await Promise.all([
    sendDocument(servers, 'snv', 'stc', 'kế hoạch chuyển đổi số năm 2027'),
    sendDocument(servers, 'snv', 'stc', 'báo cáo biên chế quý IV'),
  ]);
  // The pages open once the receiving office server has fetched both from the hub (its background loop): a list
  // loaded between the two arrivals would show one row until its next refresh.
  const office = servers;
  const arrived = async () => {
    const { items } = await officeApi<{ items: Array<{ exchangeId: string }> }>(office.officeUrl, 'stc.vanthu', 'GET', '/v1/incoming');
    return sent.every((d) => items.some((i) => i.exchangeId === d.exchangeId));
  };
  for (const until = Date.now() + 90_000; !(await arrived()); ) {
    if (Date.now() > until) throw new Error('the office server did not fetch both documents from the hub within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await servers?.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; problems: string[]; tokens: Set<string> }> {
  const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  const tokens = new Set<string>();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (auth && new URL(r.url()).pathname.startsWith('/v1/')) tokens.add(auth);
  });
  // The page's clock can be moved forward to make the host's token expire (the features keep running).
  await page.clock.install();
  await page.goto(`${base}${path}?user=stc.vanthu`, { timeout: 180_000 });
  return { page, problems, tokens };
}

const rows = (page: Page) => page.locator('egov-incoming [part=row]');

/** axe-core over the whole page, run through the DevTools protocol (the page's strict CSP blocks an injected script). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe.each(PAGES)('the $name office host page', ({ path, subject }) => {
  it('embeds the features side by side; the văn thư receives and assigns across a token expiry (60-s tokens)', async () => {
    const { page, problems, tokens } = await open(path);
    await expect.poll(() => rows(page).count(), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    // <egov-compose> beside it, defined and showing the user's drafts (an empty list): it got the host context even
    // though the page defines it before <egov-office-context> (not "Chưa cấu hình máy chủ văn phòng")
    expect(await page.evaluate(() => Boolean(customElements.get('egov-compose')))).toBe(true);
    await expect.poll(() => page.locator('egov-compose').evaluate((el) => el.shadowRoot?.textContent ?? '')).toMatch(/\S/u);
    await expect.poll(() => page.locator('egov-compose').evaluate((el) => el.shadowRoot?.querySelector('[part=base]')?.textContent ?? '')).not.toContain('Chưa cấu hình');
    expect(await axeViolations(page)).toEqual([]);
    // the host routes the feature's intent: the document opens
    await rows(page).filter({ hasText: subject }).getByRole('button').first().click();
    await page.locator('egov-incoming [part=detail]').waitFor();
    expect(await page.locator('#log').textContent()).toContain('egov-navigate incoming');
    const before = Number(await page.locator('html').getAttribute('data-tokens-issued'));
    // a minute later the host's token has expired: the next action asks the host again and works
    await page.clock.fastForward(65_000);
    await page.locator('egov-incoming [data-action=receive]').click();
    await expect.poll(() => page.locator('egov-incoming [data-state]').getAttribute('data-state')).toBe('registered');
    expect(Number(await page.locator('html').getAttribute('data-tokens-issued'))).toBeGreaterThan(before);
    await page.locator('egov-incoming [data-action=assign]').click();
    const form = page.locator('egov-incoming [part=assign-form]');
    await form.locator('select[name=lead]').selectOption('stc.chuyenvien');
    await form.locator('input[name=days]').fill('5');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('egov-incoming [data-state]').getAttribute('data-state')).toBe('assigned');
    expect(tokens.size).toBeGreaterThanOrEqual(2); // the requests carried the first token, then the renewed one
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('the office server killed mid-journey', () => {
  it('both pages: both features show their error state with a retry, the page stays usable; a restarted server recovers on retry', async () => {
    const opened = await Promise.all(PAGES.map((p) => open(p.path)));
    for (const { page } of opened) await expect.poll(() => rows(page).count(), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    await servers!.killOffice();
    for (const { page } of opened) {
      // the host switches the user: both features reload through the context, and both fail on their own
      await page.selectOption('#user', 'stc.chuyenvien');
      const incomingError = page.locator('egov-incoming [part=error]');
      await incomingError.waitFor({ timeout: 60_000 });
      expect(await incomingError.getAttribute('role')).toBe('alert');
      await expect.poll(() => page.locator('#log').textContent()).toMatch(/egov-error \w+: (NETWORK|UNAVAILABLE|TIMEOUT|BAD_RESPONSE)/u);
      expect(await page.locator('egov-incoming [part=retry]').isVisible()).toBe(true);
      // <egov-compose> beside it fails on its own too: its drafts list answers with an alert and a retry
      const composeError = page.locator('egov-compose [part=error]').first();
      await composeError.waitFor({ timeout: 60_000 });
      expect(await composeError.getAttribute('role')).toBe('alert');
      expect(await page.locator('egov-compose [part=retry]').first().isVisible()).toBe(true);
      // the host page stays usable: its own controls work
      await page.selectOption('#user', 'stc.vanthu');
      expect(await page.locator('#user').inputValue()).toBe('stc.vanthu');
      expect(await page.locator('h1').isVisible()).toBe(true);
    }
    await servers!.restartOffice();
    for (const { page, problems } of opened) {
      await expect
        .poll(
          async () => {
            for (const retry of await page.locator('egov-incoming [part=retry], egov-compose [part=retry]').all()) await retry.click().catch(() => undefined);
            return rows(page).count();
          },
          { timeout: 120_000, interval: 2_000 },
        )
        .toBeGreaterThanOrEqual(2);
      await expect.poll(() => page.locator('egov-compose [part=error]').count(), { timeout: 60_000 }).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 600_000);
});
