// The end-to-end journey of the kit in the system Chromium (Playwright library): a real hub (PGlite in memory, demo
// seed, demo CA) and the portal's Vite server, both started here and stopped at the end. Screenshots of each step go
// to .test-results/screenshots/; axe runs on every page; one run uses the keyboard only.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@egov-vn/vitest-config/chromium';
import { chromium, type Browser, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '@egov-vn/exchange-hub/src/config.js';
import { startHub, type RunningHub } from '@egov-vn/exchange-hub/src/server.js';
import { createDemoKit } from '@egov-vn/exchange-hub/src/trust.js';
import { renderDocumentPdf } from '@egov-vn/document-pdf/node';
import { documentFromForm } from '../src/compose-model.js';
import { modifyAfterSigning } from './tamper.js';

const VP = '000.00.01.H49';
const SNV = '000.00.02.H49';
const STC = '000.00.03.H49';
const shots = join(import.meta.dirname, '..', '.test-results', 'screenshots');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let hub: RunningHub | undefined;
let vite: ViteDevServer | undefined;
let browser: Browser;
let page: Page;
let base = '';
let shot = 0;

async function screenshot(name: string, p: Page = page): Promise<void> {
  shot += 1;
  await p.screenshot({ path: join(shots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** axe-core on the whole page (shadow roots included): no violation of WCAG 2.x A/AA or best practices. */
async function expectAxeClean(p: Page = page): Promise<void> {
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations).toEqual([]);
}

async function playAgency(code: string, p: Page = page): Promise<void> {
  await p.selectOption('#agency', code);
  await expect.poll(() => p.locator('.context').textContent()).toContain(code);
}

async function go(hash: string, p: Page = page): Promise<void> {
  await p.goto(`${base}${hash}`);
  await p.locator('#page-title').waitFor();
}

/** Signs in one of the compose page's dialogs (the official's signature, or the agency's seal) and closes it. */
async function signInDialog(id: 'sign-dialog' | 'seal-dialog', shot?: string): Promise<void> {
  await page.getByRole('button', { name: id === 'sign-dialog' ? 'Ký số' : 'Đóng dấu số', exact: true }).click();
  const dialog = page.locator(`#${id}`);
  await dialog.locator('dialog[open]').waitFor();
  if (shot) await screenshot(shot);
  await dialog.locator('[part=sign-button]').click();
  await expect.poll(() => dialog.locator('[part=status]').textContent(), { timeout: 60_000 }).toContain('chữ ký hợp lệ');
  await dialog.locator('[part=close-button]').click();
}

/** Compose, render the PDF, sign it, apply the agency's seal, and send; returns the success notice. */
async function composeAndSend(subject: string, recipient: string): Promise<string> {
  await go('#/compose');
  await page.fill('#f-subject', subject);
  await page.fill('#f-content', 'Đề nghị các cơ quan triển khai việc gửi, nhận văn bản điện tử qua Trục liên thông.\n\nThời hạn báo cáo: trước ngày 30 tháng 11.');
  await page.check(`input[name=recipient][value="${recipient}"]`);
  await page.selectOption('#f-urgency', 'khan');
  await page.getByRole('button', { name: 'Tạo bản PDF theo mẫu Nghị định 30' }).click();
  await expect.poll(() => page.locator('.pdf-state').textContent(), { timeout: 60_000 }).toContain('chưa ký');
  // Sending waits for both: the official's signature, then the clerk's digital seal of the agency.
  expect(await page.getByRole('button', { name: 'Gửi văn bản' }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Đóng dấu số', exact: true }).isDisabled()).toBe(true);
  await signInDialog('sign-dialog', 'sign-dialog');
  await expect.poll(() => page.locator('.pdf-state').textContent()).toContain('văn thư đóng dấu');
  expect(await page.getByRole('button', { name: 'Gửi văn bản' }).isDisabled()).toBe(true);
  await signInDialog('seal-dialog', 'seal-dialog');
  await expect.poll(() => page.locator('.pdf-state').textContent()).toContain('đóng dấu số của cơ quan, sẵn sàng gửi');
  await page.getByRole('button', { name: 'Gửi văn bản' }).click();
  const notice = page.locator('.notice.ok');
  await notice.waitFor({ timeout: 30_000 });
  return (await notice.textContent()) ?? '';
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const kit = await createDemoKit(demoSeed);
  hub = await startHub({ port: 0, dataDir: 'memory://', seed: demoSeed, trust: { trustAnchors: kit.trustAnchors, demoKit: kit } });
  process.env['HUB_URL'] = hub.url;
  vite = await createServer({
    configFile: join(import.meta.dirname, '..', 'vite.config.ts'),
    root: join(import.meta.dirname, '..'),
    logLevel: 'error',
    server: { port: 0, strictPort: false },
  });
  await vite.listen();
  base = vite.resolvedUrls?.local[0] ?? '';
  browser = await chromium.launch(chromiumLaunchOptions);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page.setDefaultTimeout(60_000);
  // Vite optimises dependencies on the first visit and may reload once: wait for the page to settle.
  await page.goto(base);
  await page.locator('#agency').waitFor({ timeout: 120_000 });
});

// Everything started is stopped, even when starting failed half-way.
afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await vite?.close();
  await hub?.close();
});

describe('the document journey', () => {
  let sentNotice = '';

  it('shows live validation messages in Vietnamese from the document model', async () => {
    await go('#/compose');
    await playAgency(VP);
    await page.fill('#f-subject', 'x');
    await page.fill('#f-subject', '');
    await page.fill('#f-signer', '');
    const subjectError = page.locator('#err-subject');
    await expect.poll(() => subjectError.textContent()).toMatch(/trích yếu/i);
    await expect.poll(() => page.locator('#f-subject').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('#err-signerFullName').textContent()).toMatch(/\S/);
    await screenshot('compose-validation');
    await page.fill('#f-signer', 'Nguyễn Văn Hùng');
    await page.fill('#f-subject', 'Triển khai văn bản điện tử');
    await expect.poll(() => page.locator('#err-subject').count()).toBe(0);
  });

  it('composes, signs in the browser and sends as the provincial office', async () => {
    sentNotice = await composeAndSend('Triển khai gửi, nhận văn bản điện tử', SNV);
    expect(sentNotice).toMatch(/Đã gửi văn bản 01\/VPUBND-TH đến 1 cơ quan/);
    await screenshot('sent');
  });

  it('receives it as the Department of Home Affairs: deadline, valid signature, acknowledgement', async () => {
    await playAgency(SNV);
    await go('#/inbox');
    const row = page.locator('tr', { hasText: 'Triển khai gửi, nhận văn bản điện tử' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Khẩn');
    await expect.poll(() => row.locator('egov-deadline').count(), { timeout: 30_000 }).toBe(1);
    const deadline = row.locator('egov-deadline');
    await expect.poll(() => deadline.evaluate((el) => el.shadowRoot?.textContent ?? '')).toMatch(/ngày làm việc|hạn/i);
    expect(await deadline.getAttribute('status')).toBeTruthy();
    await screenshot('inbox');
    await row.getByRole('link').click();
    const signature = page.locator('egov-signature-panel [part=signature]');
    await signature.first().waitFor({ timeout: 60_000 });
    // Two valid signatures, both timestamped by the hub's demo TSA: the official's, then the agency's seal.
    await expect.poll(() => signature.count()).toBe(2);
    expect(await signature.evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')))).toEqual(['valid', 'valid']);
    expect(await signature.first().textContent()).toContain('Nguyễn Văn Hùng');
    expect(await signature.nth(1).textContent()).toContain('Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh');
    const report = await page.locator('egov-signature-panel').evaluate((el) => (el as HTMLElement & { report?: { signatures: Array<{ format?: string }> } }).report);
    expect(report?.signatures.map((x) => x.format)).toEqual(['PAdES-BASELINE-T', 'PAdES-BASELINE-T']);
    await screenshot('received-valid');
    // The PDF itself, with the signature image drawn above the signer's printed name (standard position).
    await page.locator('details', { hasText: 'Xem nội dung văn bản' }).locator('summary').click();
    const viewer = page.locator('egov-pdf-viewer');
    await expect.poll(() => viewer.evaluate((el) => (el as HTMLElement & { pageCount: number }).pageCount), { timeout: 60_000 }).toBeGreaterThan(0);
    await screenshot('received-pdf');
    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await expect.poll(() => page.locator('#status-now').textContent()).toContain('Đã đến');
    await page.getByRole('button', { name: 'Tiếp nhận, vào sổ văn bản đến' }).click();
    await expect.poll(() => page.locator('#status-now').textContent()).toContain('Tiếp nhận');
    await page.fill('#assignee', 'Phạm Văn Nam');
    await page.getByRole('button', { name: 'Giao xử lý' }).click();
    await expect.poll(() => page.locator('#status-now').textContent()).toContain('Phân công');
    await screenshot('acknowledged');
    await page.getByRole('button', { name: 'Hoàn thành xử lý' }).click();
    await expect.poll(() => page.locator('#status-now').textContent()).toContain('Hoàn thành');
  });

  it('shows the sender each recipient’s status: đã nhận, and the trace', async () => {
    await playAgency(VP);
    await go('#/sent');
    await page.locator('tr', { hasText: 'Triển khai gửi, nhận văn bản điện tử' }).getByRole('link').click();
    const row = page.locator(`tr[data-agency="${SNV}"]`);
    await row.waitFor();
    expect(await row.locator('.status-cell').textContent()).toContain('đã nhận');
    const steps = await row.locator('.trace-steps li').allTextContents();
    expect(steps.map((s) => s.slice(0, 2))).toEqual(['01', '03', '04', '06']);
    expect(steps[2]).toContain('Phạm Văn Nam');
    await screenshot('sender-trace');
  });

  it('shows "modified after signing" when the PDF was changed in transit', async () => {
    const notice = await composeAndSend('Báo cáo tình hình sử dụng kinh phí', STC);
    expect(notice).toContain('02/VPUBND-TH');
    await playAgency(STC);
    // The attachment is altered on its way to the receiver: an incremental update after the signature.
    await page.route('**/v1/documents/*/attachments/0', async (route) => {
      const response = await route.fetch();
      const body = modifyAfterSigning(new Uint8Array(await response.body()));
      await route.fulfill({ response, body: Buffer.from(body), headers: { ...response.headers(), 'content-length': String(body.length) } });
    });
    try {
      await go('#/inbox');
      await page.locator('tr', { hasText: 'kinh phí' }).getByRole('link').click();
      const signature = page.locator('egov-signature-panel [part=signature]');
      await signature.first().waitFor({ timeout: 60_000 });
      expect(await signature.first().getAttribute('data-verdict')).toBe('modified');
      expect(await page.locator('egov-signature-panel [part=verdict]').first().textContent()).toMatch(/(sửa|thay đổi) sau khi ký/);
      await screenshot('tampered-modified');
      // The clerk returns it, saying why; the sender sees the refusal.
      await page.fill('#reason', 'Tệp văn bản bị sửa sau khi ký, đề nghị gửi lại');
      await page.getByRole('button', { name: 'Trả lại văn bản' }).click();
      await expect.poll(() => page.locator('#status-now').textContent()).toContain('Từ chối');
    } finally {
      await page.unroute('**/v1/documents/*/attachments/0');
    }
    await playAgency(VP);
    await go('#/sent');
    await page.locator('tr', { hasText: 'kinh phí' }).getByRole('link').click();
    const row = page.locator(`tr[data-agency="${STC}"]`);
    await row.waitFor();
    expect(await row.locator('.status-cell').textContent()).toContain('Từ chối');
    expect(await row.locator('.trace-steps').textContent()).toContain('đề nghị gửi lại');
  });

  it('refuses to send a secret document and says why', async () => {
    await playAgency(VP);
    await go('#/compose');
    await page.fill('#f-subject', 'Bảo vệ bí mật nhà nước');
    await page.fill('#f-content', 'Nội dung mật.');
    await page.check(`input[name=recipient][value="${SNV}"]`);
    await page.selectOption('#f-secrecy', 'mat');
    const alert = page.locator('#secret-note');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('Văn bản mật không được gửi qua mạng');
    expect(await page.getByRole('button', { name: 'Gửi văn bản' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ký số', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tạo bản PDF theo mẫu Nghị định 30' }).isDisabled()).toBe(true);
    await screenshot('secret-refused');
  });
});

describe('usage statistics', () => {
  it('reports each agency’s month with <egov-edoc-stats>, from the hub’s statistics', async () => {
    await go('#/stats');
    const report = page.locator('egov-edoc-stats');
    await report.waitFor({ timeout: 30_000 });
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const rows = await report.evaluate((el) => (el as HTMLElement & { rows: Array<{ agency: string; month: string; outgoing: { total: number; electronicOnly: number; signed: number }; incoming: { received: number; acknowledgedSameDay: number } }> }).rows);
    const vp = rows.find((r) => r.agency === VP && r.month === month);
    // Two documents sent (the secret one never left), both electronic only and both packages signed (XMLDSig).
    expect(vp?.outgoing).toEqual({ total: 2, electronicOnly: 2, signed: 2 });
    const snv = rows.find((r) => r.agency === SNV && r.month === month);
    expect(snv?.incoming).toEqual({ received: 1, acknowledgedSameDay: 1 });
    expect(rows.map((r) => r.agency)).toContain(STC);
    await screenshot('stats');
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element (through shadow roots) matches, as a keyboard user would. */
  async function tabTo(p: Page, test: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      const hit = await p.evaluate((t) => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el) return false;
        const [kind, value] = t.split('=', 2) as [string, string];
        if (kind === 'css') return el.matches(value);
        return el.textContent.trim() === value || el.getAttribute('aria-label') === value;
      }, test);
      if (hit) return;
      await p.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${test}`);
  }

  it('composes, signs and sends with the keyboard alone', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    p.setDefaultTimeout(60_000);
    try {
      await p.goto(`${base}#/compose`);
      await p.locator('#f-subject').waitFor();
      await playAgency(SNV, p);
      await p.goto(`${base}#/compose`);
      await p.locator('#f-subject').waitFor();
      await p.keyboard.press('Tab');
      await tabTo(p, 'css=#f-subject');
      await p.keyboard.type('Tổng hợp lịch công tác tháng 12');
      await tabTo(p, 'css=#f-content');
      await p.keyboard.type('Đề nghị các cơ quan gửi lịch công tác trước ngày 28.');
      await tabTo(p, `css=input[value="${VP}"]`);
      await p.keyboard.press('Space');
      await tabTo(p, 'text=Tạo bản PDF theo mẫu Nghị định 30');
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('.pdf-state').textContent(), { timeout: 60_000 }).toContain('chưa ký');
      for (const [button, id] of [['Ký số', 'sign-dialog'], ['Đóng dấu số', 'seal-dialog']] as const) {
        await tabTo(p, `text=${button}`);
        await p.keyboard.press('Enter');
        await p.locator(`#${id} dialog[open]`).waitFor();
        await tabTo(p, 'text=Ký');
        await screenshot(`keyboard-${id}`, p);
        await p.keyboard.press('Enter');
        await expect.poll(() => p.locator(`#${id} [part=status]`).textContent(), { timeout: 60_000 }).toContain('chữ ký hợp lệ');
        await p.keyboard.press('Escape');
        await expect.poll(() => p.locator('egov-sign-dialog dialog[open]').count()).toBe(0);
      }
      await tabTo(p, 'text=Gửi văn bản');
      await p.keyboard.press('Enter');
      await p.locator('.notice.ok').waitFor({ timeout: 30_000 });
      expect(await p.locator('.notice.ok').textContent()).toMatch(/Đã gửi văn bản 01\/SNV-VP đến 1 cơ quan/);
      await screenshot('keyboard-sent', p);
    } finally {
      await p.close();
    }
  });
});

describe('an existing PDF', () => {
  it('attaches a PDF made elsewhere, signs and sends it', async () => {
    const agency = { code: STC, name: 'Sở Tài chính tỉnh Quảng Ninh', abbreviation: 'STC', place: 'Quảng Ninh' };
    const doc = documentFromForm(
      { type: 'congVan', subject: 'Dự toán ngân sách năm sau', content: 'Gửi kèm dự toán.', recipients: [VP], signerFullName: 'Lê Minh Tuấn', signerPosition: 'Giám đốc', secrecy: '', urgency: '', dueDate: '' },
      { agency, directory: [], number: 1, date: '2026-11-23' },
    );
    const { pdf } = await renderDocumentPdf(doc);
    await playAgency(STC);
    await go('#/compose');
    await page.fill('#f-subject', 'Dự toán ngân sách năm sau');
    await page.fill('#f-content', 'Gửi kèm dự toán.');
    await page.check(`input[name=recipient][value="${VP}"]`);
    await page.setInputFiles('input[type=file]', { name: 'du-toan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await expect.poll(() => page.locator('.pdf-state').textContent()).toContain('01-STC-VP.pdf');
    await signInDialog('sign-dialog');
    await signInDialog('seal-dialog');
    await page.getByRole('button', { name: 'Gửi văn bản' }).click();
    await page.locator('.notice.ok').waitFor();
    expect(await page.locator('.notice.ok').textContent()).toMatch(/Đã gửi văn bản 01\/STC-VP đến 1 cơ quan/);
    await screenshot('attached-pdf-sent');
  });
});

describe('accessibility and language', () => {
  it('has no axe violations on any page of the portal', async () => {
    await playAgency(SNV);
    for (const hash of ['#/compose', '#/inbox', '#/sent', '#/schedule', '#/calendar', '#/stats']) {
      await go(hash);
      await page.waitForLoadState('networkidle');
      await expectAxeClean();
    }
    await go('#/inbox');
    await page.locator('table.list a').first().click();
    await page.locator('egov-signature-panel [part=signature]').first().waitFor({ timeout: 60_000 });
    await expectAxeClean();
    await playAgency(VP);
    await go('#/sent');
    await page.locator('table.list a').first().click();
    await page.locator('table.trace').waitFor();
    await expectAxeClean();
    await screenshot('axe-checked-trace');
  });

  it('switches to English and back', async () => {
    await go('#/compose');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('nav').textContent()).toContain('Compose');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAxeClean();
    await screenshot('english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.locator('nav').textContent()).toContain('Soạn văn bản đi');
  });

  it('edits the weekly schedule, keeps the change, prints without the portal chrome, and shows the month', async () => {
    await go('#/schedule');
    const schedule = page.locator('egov-week-schedule');
    await expect.poll(() => schedule.locator('caption').textContent()).toContain('Lịch công tác tuần');
    expect(await schedule.locator('tbody').count()).toBe(7);
    await schedule.getByRole('button', { name: 'Thêm lịch' }).click();
    const form = schedule.locator('dialog[open] form');
    await form.waitFor();
    await form.locator('[name=content]').fill('Họp Ban chỉ đạo chuyển đổi số của tỉnh');
    await form.locator('[name=time]').fill('09:00');
    await form.locator('[name=session]').selectOption('sang');
    // Today (Vietnam time): in this week and in the month the calendar opens on.
    await form.locator('[name=date]').selectOption(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('.notice.ok', { hasText: 'Đã lưu thay đổi lịch công tác' }).waitFor();
    await screenshot('schedule-edited');
    await page.reload();
    await expect.poll(() => schedule.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('Họp Ban chỉ đạo chuyển đổi số của tỉnh');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await schedule.isVisible()).toBe(true);
    await screenshot('schedule-print');
    await page.emulateMedia({ media: 'screen' });
    await go('#/calendar');
    const calendar = page.locator('egov-month-calendar');
    await expect.poll(() => calendar.locator('[role=grid]').count()).toBe(1);
    await expect.poll(() => calendar.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('Họp Ban chỉ đạo chuyển đổi số của tỉnh');
    await screenshot('calendar');
  });
});
