// The end-to-end journey of the demo portal as a HOST of the office microfrontends, in the system Chromium
// (Playwright library): the sandbox hub, the demo office server (its real main: PGlite in memory, DEMO identity
// provider, DEMO server-side signer) and the portal's Vite server, started once for the file (test/servers.ts).
// Every request and response the page makes is recorded and searched for the demo secrets and private keys at the
// end; axe runs on every page. Screenshots of each step go to .test-results/screenshots/.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { WorkCalendar } from '@egov-vn/calendar';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeApi, sendDocument, startServers, type Servers } from './servers.js';

const shots = join(import.meta.dirname, '..', '.test-results', 'screenshots');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let servers: Servers | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let shot = 0;
/** Everything the page sent and received: URLs, headers, bodies. */
const traffic: string[] = [];

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: join(shots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** axe-core on the whole page (shadow roots included): no violation of WCAG 2.x A/AA or best practices. */
async function expectAxeClean(): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations).toEqual([]);
}

/** DEMO user switcher in the header: signs in as another demo user. */
async function signInAs(user: string): Promise<void> {
  await page.selectOption('#demo-user', user);
  await expect.poll(() => page.locator('#demo-user').inputValue()).toBe(user);
  await page.locator('.context').waitFor();
  await expect.poll(() => page.locator('.context').textContent()).toMatch(new RegExp(`\\(${user.split('.')[0]!.toUpperCase()}\\)`));
}

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.locator('#page-title').waitFor();
}

/** A call to the office server as a demo user, from the test (setup and the sender's view). */
function api<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
  return officeApi<T>(servers!.officeUrl, user, method, path, body);
}

/** VP sends a document to SNV through its office server (see sendDocument: the part not yet driven in the page). */
function sendFromVp(subject: string): Promise<{ id: string; exchangeId: string; notation: string }> {
  return sendDocument(servers!, 'vp', 'snv', subject);
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  servers = await startServers();
  browser = await chromium.launch(chromiumLaunchOptions);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.on('request', (req) => {
    traffic.push(`${req.method()} ${req.url()}\n${JSON.stringify(req.headers())}\n${req.postData() ?? ''}`);
  });
  context.on('response', (res) => {
    const type = res.headers()['content-type'] ?? '';
    const body = /json|text|javascript|xml|html|csv/.test(type) ? res.text().catch(() => '') : Promise.resolve('');
    void body.then((b) => traffic.push(`${res.status()} ${res.url()}\n${JSON.stringify(res.headers())}\n${b}`));
  });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  // Vite optimises dependencies on the first visit and may reload once: wait for the page to settle.
  await page.goto(servers.portalUrl, { timeout: 180_000 });
  await page.locator('#page-title').waitFor({ timeout: 180_000 });
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

describe('the portal as a host of the office features', () => {
  let sent: { id: string; exchangeId: string; notation: string };
  let incomingId = '';

  it('signs in through the DEMO identity provider: the sign-in page says DEMO and is axe-clean', async () => {
    expect(await page.locator('#page-title').textContent()).toContain('DEMO');
    expect(await page.locator('footer').textContent()).toContain('DEMO');
    await expectAxeClean();
    await screenshot('login');
    await page.selectOption('#login-user', 'vp.vanthu');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.locator('.context').textContent()).toContain('000.00.01.H49');
    expect(await page.locator('.context').textContent()).toContain('Văn thư');
    // the token is kept for the tab only, and is the user's own (no secret)
    const kept = await page.evaluate(() => sessionStorage.getItem('egov-portal:session'));
    expect(kept).toMatch(/"token":"ey/u);
    await page.locator('egov-incoming [part=table]').waitFor();
    await expectAxeClean();
  });

  it('a document sent by VP arrives at SNV: its văn thư receives, registers and assigns it in <egov-incoming>, with a working-day deadline', async () => {
    sent = await sendFromVp('báo cáo triển khai văn bản điện tử năm 2026');
    await signInAs('snv.vanthu');
    const row = page.locator('egov-incoming [part=row]', { hasText: 'báo cáo triển khai văn bản điện tử' });
    await expect
      .poll(
        async () => {
          if ((await row.count()) > 0) return true;
          await page.reload();
          await page.locator('egov-incoming [part=table]').waitFor();
          return (await row.count()) > 0;
        },
        { timeout: 90_000 },
      )
      .toBe(true);
    await screenshot('incoming-list');
    await expectAxeClean();
    // the feature asks to open it; the portal routes (a deep link) and the feature shows it
    await row.getByRole('button').first().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/incoming\/.+/u);
    incomingId = decodeURIComponent((await page.evaluate(() => window.location.hash)).split('/')[2]!);
    await page.locator('egov-incoming [part=detail]').waitFor();
    expect(await page.locator('egov-incoming [part=detail]').textContent()).toContain(sent.notation);
    await page.locator('egov-incoming [data-action=receive]').click();
    await expect.poll(() => page.locator('egov-incoming [data-field=arrivalNumber]').textContent()).toContain('1');
    expect(await page.locator('egov-incoming [data-state]').getAttribute('data-state')).toBe('registered');
    await page.locator('egov-incoming [data-action=assign]').click();
    const form = page.locator('egov-incoming [part=assign-form]');
    await form.waitFor();
    await form.locator('select[name=lead]').selectOption('snv.chuyenvien');
    await form.locator('input[name=days]').fill('5');
    const due = formatIsoDate(new WorkCalendar().dueDate(formatIsoDate(todayInVietnam()), 5));
    await expect.poll(() => form.locator('output[name=due]').textContent()).toContain(due);
    await expectAxeClean();
    await screenshot('assign');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('egov-incoming [part=detail]').textContent()).toContain('Lê Thị Chuyên Viên (SNV)');
    await expect.poll(() => page.locator('egov-incoming [data-field=dueDate]').textContent()).toContain(due);
  });

  it('deep links work both ways: #/incoming/<id> opens the document after a reload; "back" is routed by the portal', async () => {
    await page.reload();
    await page.locator('egov-incoming [part=detail]').waitFor();
    expect(await page.locator('egov-incoming [part=detail]').textContent()).toContain(sent.notation);
    await page.locator('egov-incoming').getByRole('button', { name: 'Quay lại danh sách' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/incoming');
    await page.locator('egov-incoming [part=table]').waitFor();
  });

  it('the chuyên viên handles and finishes it; the overdue filter shows only what is past its deadline', async () => {
    // a second document, assigned with a deadline already past
    const late = await sendFromVp('đôn đốc báo cáo quá hạn');
    await expect
      .poll(async () => (await api<{ items: Array<{ id: string; exchangeId: string }> }>('snv.vanthu', 'GET', '/v1/incoming')).items.some((i) => i.exchangeId === late.exchangeId), { timeout: 60_000 })
      .toBe(true);
    const lateId = (await api<{ items: Array<{ id: string; exchangeId: string }> }>('snv.vanthu', 'GET', '/v1/incoming')).items.find((i) => i.exchangeId === late.exchangeId)!.id;
    await api('snv.vanthu', 'POST', `/v1/incoming/${lateId}/receive`, {});
    await api('snv.vanthu', 'POST', `/v1/incoming/${lateId}/assign`, { lead: 'snv.chuyenvien', dueDate: '2026-01-05' });

    await signInAs('snv.chuyenvien');
    await go(`#/incoming/${encodeURIComponent(incomingId)}`);
    await page.locator('egov-incoming [part=detail]').waitFor();
    const start = page.locator('egov-incoming [data-action=start]');
    if ((await start.count()) > 0) await start.click();
    await page.locator('egov-incoming [data-action=done]').click();
    await expect.poll(() => page.locator('egov-incoming [data-state]').getAttribute('data-state')).toBe('done');
    await screenshot('done');

    await go('#/incoming');
    await page.locator('egov-incoming [part=table]').waitFor();
    await page.locator('egov-incoming input[name=overdue]').check();
    await page.locator('egov-incoming [part=filters]').getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect.poll(() => page.locator('egov-incoming [part=row]').count()).toBe(1);
    expect(await page.locator('egov-incoming [part=row]').textContent()).toContain('đôn đốc báo cáo quá hạn');
    await expectAxeClean();
    await screenshot('overdue');
  });

  it('the sender sees each status its recipient reported (01, 03, 04, 05, 06)', async () => {
    await expect
      .poll(async () => (await api<{ trace: Array<{ statuses: Array<{ code: string }> }> }>('vp.vanthu', 'GET', `/v1/outgoing/${sent.id}`)).trace[0]?.statuses.map((s) => s.code), { timeout: 60_000 })
      .toEqual(['01', '03', '04', '05', '06']);
  });

  it('keeps its own pages: schedule, calendar and the statistics of the signed-in agency, axe-clean', async () => {
    await signInAs('vp.vanthu');
    await go('#/schedule');
    await page.locator('egov-week-schedule').waitFor();
    await expectAxeClean();
    await go('#/calendar');
    await page.locator('egov-month-calendar').waitFor();
    await expectAxeClean();
    await go('#/stats');
    await page.locator('egov-edoc-stats').waitFor();
    const rows = await page.locator('egov-edoc-stats').evaluate((el) => (el as unknown as { data: Array<{ month: string; outgoing: { total: number } }> }).data);
    const month = formatIsoDate(todayInVietnam()).slice(0, 7);
    expect(rows.find((r) => r.month === month)?.outgoing.total).toBe(2);
    await expectAxeClean();
    await screenshot('stats');
  });

  it('no demo secret, no private key in any request, response or storage of the page', async () => {
    const storage = await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((st) => Array.from({ length: st.length }, (_, i) => `${st.key(i)}=${st.getItem(st.key(i) ?? '')}`)).join('\n'),
    );
    const kit = servers!.kit;
    const secrets = [
      ...kit.agencies.flatMap((a) => [a.secret, a.signer.privateKeyPkcs8, a.seal.privateKeyPkcs8]),
      kit.timestampAuthority!.privateKeyPkcs8,
    ];
    // the office server's exchange credentials of the demo agencies (apps/office-server/src/demo.ts)
    secrets.push('demo-secret-vpubnd-quangninh', 'demo-secret-snv-quangninh', 'demo-secret-stc-quangninh');
    await new Promise((r) => setTimeout(r, 500)); // response bodies still being read
    const all = [...traffic, storage].join('\n');
    expect(traffic.length).toBeGreaterThan(50);
    expect(all).toContain('/v1/incoming'); // the search covers the office traffic
    for (const secret of secrets) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(secret.slice(10, 70)); // nor a piece of a key
    }
    expect(all).not.toContain('PRIVATE KEY');
    expect(all).not.toContain('/demo/kit.json');
  });
});
