// The end-to-end journey of the demo portal as a HOST of the office microfrontends, in the system Chromium
// (Playwright library): the sandbox hub, the demo office server (its real main: PGlite in memory, DEMO identity
// provider, DEMO server-side signer) and the portal's Vite server, started once for the file (test/servers.ts).
// The document is drafted, submitted, signed remotely (approved on the DEMO phone page in a second tab), numbered,
// sealed and sent in the page, through the hosted <egov-compose>; its recipients' statuses are read in <egov-outgoing>
// and the outgoing register is exported as PDF from <egov-register> and read back with pdftotext.
// Every request and response the pages make (the phone tab's too) is recorded and searched for the demo secrets and
// private keys at the end; axe runs on every page. Screenshots of each step go to .test-results/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { WorkCalendar } from '@egov-vn/calendar';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeApi, sendDocument, startServers, type Servers } from './servers.js';

const shots = join(import.meta.dirname, '..', '.test-results', 'screenshots');
const work = mkdtempSync(join(tmpdir(), 'egov-portal-journey-'));
const journeyStart = Date.now();
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

/** A file from the office server as a demo user (the test's own view, not the page's). */
async function officeBytes(user: string, path: string): Promise<Uint8Array> {
  const url = servers!.officeUrl;
  const tok = (await (await fetch(`${url}/demo/idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) })).json()) as { access_token: string };
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${tok.access_token}` } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** pdftotext -raw of a PDF file, whitespace folded (table cells wrap over lines). */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

/** The draft as <egov-compose> shows it past drafting: its state (null while not shown; does not wait). */
const draftState = () => page.locator('egov-compose dd[data-state]').evaluateAll((els) => els[0]?.getAttribute('data-state') ?? null);

/**
 * Signs in <egov-compose>'s sign dialog with the portal's remote provider ("Ký số từ xa (thử nghiệm)"), confirming on the
 * DEMO phone page: the page's own DEMO link opens it in a second tab (before the modal dialog opens), and once the
 * dialog waits for the phone the request is approved there, as the signer would on their phone.
 */
async function signRemotely(action: 'sign' | 'seal', expectedState: 'signed' | 'sealed'): Promise<void> {
  const [phone] = await Promise.all([context.waitForEvent('page'), page.locator('[data-demo-phone] a').click()]);
  await phone.waitForLoadState();
  expect(await phone.locator('h1').textContent()).toContain('DEMO');
  await page.locator(`egov-compose [data-action=${action}]`).click();
  const dialog = page.locator('egov-compose egov-sign-dialog');
  await expect.poll(() => dialog.evaluate((d) => (d as HTMLElement & { open: boolean }).open)).toBe(true);
  await dialog.getByText('Ký số từ xa (thử nghiệm)').first().waitFor();
  await dialog.locator('input[name=credential]').first().waitFor();
  await dialog.locator('[part=sign-button]').click();
  await dialog.locator('[part=cancel-remote-button]').waitFor(); // waiting for the phone, with its countdown
  expect(await dialog.locator('[part=countdown]').textContent()).toMatch(/\d/u);
  await screenshot(`${action}-waiting-for-phone`);
  const approve = phone.getByRole('button', { name: 'Đồng ý ký (approve)' });
  await expect
    .poll(async () => {
      await phone.reload();
      return approve.count();
    })
    .toBeGreaterThan(0);
  await approve.first().click();
  await phone.waitForLoadState();
  await expect.poll(draftState, { timeout: 60_000 }).toBe(expectedState);
  await phone.close();
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
  // The portal's production build (test/servers.ts): loads once, no dependency optimisation reloading it.
  await page.goto(servers.portalUrl, { timeout: 120_000 });
  await page.locator('#page-title').waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
  rmSync(work, { recursive: true, force: true });
  console.log(`portal journey: ${Math.round((Date.now() - journeyStart) / 1000)} s`);
});

describe('the portal as a host of the office features', () => {
  let sent: { id: string; notation: string; subject: string };
  let draftId = '';
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

  it('VP’s chuyên viên drafts in <egov-compose> (the directory searched without diacritics) and submits it to the leader (trình ký)', async () => {
    const subject = 'báo cáo triển khai văn bản điện tử năm 2026';
    await signInAs('vp.chuyenvien');
    await go('#/compose');
    // the feature asks for a new draft; the portal routes
    await page.locator('egov-compose').getByRole('button', { name: 'Soạn văn bản mới' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/compose/new');
    await expect.poll(() => page.locator('egov-compose #f-signer').inputValue()).toBe('vp.lanhdao');
    await page.locator('egov-compose #f-subject').fill(subject);
    await page.locator('egov-compose #f-content').fill('Đề nghị Sở Nội vụ phối hợp báo cáo việc gửi, nhận văn bản điện tử qua Trục liên thông.');
    await page.locator('egov-compose #f-agency').fill('so noi vu');
    await page.locator('egov-compose button[data-code="000.00.02.H49"]').click();
    await expect.poll(() => page.locator('egov-compose [data-chosen]').textContent()).toContain('Sở Nội vụ');
    await expectAxeClean();
    await screenshot('compose');
    await page.locator('egov-compose [data-action=submit]').click();
    await expect
      .poll(async () => (await draftState()) ?? (await page.locator('egov-compose [part=summary]').evaluateAll((els) => els[0]?.textContent.trim() ?? '')))
      .toBe('submitted');
    // the new draft got its address: a deep link
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/compose\/(?!new).+/u);
    draftId = decodeURIComponent((await page.evaluate(() => window.location.hash)).split('/')[2]!);
    expect(await page.locator('egov-compose [part=detail]').textContent()).toContain('Đang chờ');
    sent = { id: '', notation: '', subject };
  });

  it('the leader signs with "Ký số từ xa (thử nghiệm)", approving on the DEMO phone page in a second tab', async () => {
    await signInAs('vp.lanhdao');
    await go(`#/compose/${encodeURIComponent(draftId)}`);
    await page.locator('egov-compose [data-action=sign]').waitFor();
    await signRemotely('sign', 'signed');
    expect(await page.locator('egov-compose [part=detail]').textContent()).toContain('Lãnh Đạo');
  });

  it('the văn thư gives the number (cấp số), seals remotely (đóng dấu, approved on the phone) and sends (gửi); the leader’s and the seal’s signatures are valid', async () => {
    await signInAs('vp.vanthu');
    await go(`#/compose/${encodeURIComponent(draftId)}`);
    await page.locator('egov-compose [data-action=number]').click();
    await expect.poll(draftState).toBe('numbered');
    const notation = ((await page.locator('egov-compose [data-field=notation]').textContent()) ?? '').trim();
    expect(notation).toMatch(/^\d{2,}\/VP-/u);
    await signRemotely('seal', 'sealed');
    // the sealed PDF: the leader's signature, then the agency's (an incremental update), both valid for poppler
    const sealed = await officeBytes('vp.vanthu', `/v1/drafts/${encodeURIComponent(draftId)}/pdf`);
    const sealedPath = join(work, 'sealed.pdf');
    writeFileSync(sealedPath, sealed);
    const sig = execFileSync('pdfsig', ['-nocert', sealedPath], { encoding: 'utf8' });
    expect(sig.match(/Signature Validation: Signature is Valid/gu)?.length).toBe(2);
    const sealedText = pdfText(sealedPath);
    expect(sealedText).toContain(sent.subject);
    // The number given at "cấp số" is not written into the PDF yet (the leader signs the PDF rendered before it is
    // numbered, and the seal adds a signature only): the register and the edXML carry it. See the README.
    await page.locator('egov-compose [data-action=send]').click();
    await expect.poll(() => page.locator('egov-compose [part=base]').textContent(), { timeout: 60_000 }).toContain(`Đã gửi văn bản ${notation}`);
    await screenshot('sent');
    // "Xem tình trạng gửi": the feature asks, the portal routes to the outgoing document
    await page.locator('egov-compose').getByRole('button', { name: 'Xem tình trạng gửi' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/outgoing\/.+/u);
    sent = { ...sent, id: decodeURIComponent((await page.evaluate(() => window.location.hash)).split('/')[2]!), notation };
    await page.locator('egov-outgoing [part=detail]').waitFor();
    expect(await page.locator('egov-outgoing [part=detail]').textContent()).toContain(notation);
  });

  it('the document arrives at SNV: its văn thư receives, registers and assigns it in <egov-incoming>, with a working-day deadline', async () => {
    await signInAs('snv.vanthu');
    await go('#/incoming');
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
    const late = await sendDocument(servers!, 'vp', 'snv', 'đôn đốc báo cáo quá hạn'); // through VP's office API (setup)
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

  it('the sender sees in <egov-outgoing> each status its recipient reported (01, 03, 04, 05, 06), and exports the outgoing register (sổ đi) as PDF from <egov-register>', async () => {
    await signInAs('vp.vanthu');
    await go(`#/outgoing/${encodeURIComponent(sent.id)}`);
    const codes = page.locator('egov-outgoing [part=trace] li[data-code]');
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator('egov-outgoing [part=trace]').waitFor();
          return codes.evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
        },
        { timeout: 60_000 },
      )
      .toEqual(['01', '03', '04', '05', '06']);
    expect(await page.locator('egov-outgoing tr[data-agency="000.00.02.H49"] [part=stage]').getAttribute('data-stage')).toBe('done');
    await expectAxeClean();
    await screenshot('outgoing-trace');

    await go('#/register');
    // the feature asks for the outgoing register; the portal routes (#/register/outgoing) and shows it
    await page.locator('egov-register [part=tab][data-kind=outgoing]').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/register/outgoing');
    await expect.poll(() => page.locator('egov-register [part=table]').textContent()).toContain(sent.notation);
    await expectAxeClean();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('egov-register button[data-export=pdf]').click()]);
    expect(download.suggestedFilename()).toMatch(/^so-van-ban-di-\d{4}\.pdf$/u);
    const path = join(work, 'so-di.pdf');
    await download.saveAs(path);
    const text = pdfText(path);
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text).toContain(sent.notation);
    expect(text).toContain(sent.subject);
    await screenshot('register');
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
    // the demo signing relay's client secret at its CSC mock (the remote signatures above went through the relay)
    secrets.push(servers!.signingSecret);
    await new Promise((r) => setTimeout(r, 500)); // response bodies still being read
    const all = [...traffic, storage].join('\n');
    expect(traffic.length).toBeGreaterThan(50);
    expect(all).toContain('/v1/incoming'); // the search covers the office traffic
    expect(all).toContain('/demo/signing/relay/transactions'); // … the remote signing traffic
    expect(all).toContain('/demo/signing/phone'); // … and the phone tab's
    for (const secret of secrets) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(secret.slice(10, 70)); // nor a piece of a key
    }
    expect(all).not.toContain('PRIVATE KEY');
    expect(all).not.toContain('/demo/kit.json');
  });
});
