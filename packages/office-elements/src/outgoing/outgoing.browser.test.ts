import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { httpOfficeBackend } from '../backend/http.js';
import { demoSeed, memoryOfficeBackend } from '../backend/memory.js';
import type { OfficeBackend } from '../backend/types.js';
import type { OfficeHost } from '../context/context.js';
import type { EgovErrorEvent, EgovNavigateEvent } from '../events.js';
import { recipientStage } from './outgoing.js';
import type { EgovOutgoing, EgovOutgoingChangeEvent } from './outgoing.js';
import { axeTags as tags, button, clerk, leader, mountIn, pageHost, q, rows } from '../../test/feature-dom.js';

const TODAY = '2026-12-02';
const host = pageHost();
beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

const office = (backend: OfficeBackend, user: OfficeHost['user'] = clerk): OfficeHost => ({ backend, user, today: TODAY });
const seeded = (outgoing = 30) => memoryOfficeBackend(demoSeed({ count: 2, outgoing, today: TODAY }));

const mount = (template: TemplateResult) => mountIn(host, template, 'egov-outgoing');

describe('recipientStage', () => {
  it('reads the stage from the delivery and the latest status', () => {
    const s = (code: string | null, delivery: 'done' | 'fail' | null = 'done') =>
      recipientStage({ delivery, status: code ? { code: code as '01', label: { vi: '', en: '' }, description: null, staff: null, at: '2026-12-02T08:00:00+07:00' } : null });
    expect([s(null, null), s('01'), s('03'), s('04'), s('05'), s('06'), s('02'), s('13'), s('03', 'fail')]).toEqual([
      'waiting', 'arrived', 'received', 'assigned', 'processing', 'done', 'returned', 'other', 'failed',
    ]);
  });
});

describe('<egov-outgoing> with the in-memory backend', () => {
  it('lists sent documents with each recipient’s stage, filters by state and words, and pages on the server', async () => {
    const backend = seeded(60);
    const el = await mount(html`<egov-outgoing page-size="20" .office=${office(backend)}></egov-outgoing>`);
    await expect.poll(() => rows(el).length).toBe(20);
    const first = backend.outgoing()[0]!;
    expect(rows(el)[0]!.textContent).toContain(first.notation);
    const stages = [...el.shadowRoot!.querySelectorAll('[part=stage]')].map((s) => s.textContent.trim());
    expect(stages).toEqual(expect.arrayContaining(['Đã đến', 'Đã nhận', 'Đã phân công', 'Đang xử lý', 'Hoàn thành', 'Trả lại']));
    await userEvent.click(button(el, 'Trang sau'));
    await expect.poll(() => rows(el)[0]!.dataset.id).toBe(backend.outgoing()[20]!.id);
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name=state]')!, 'failed');
    const failed = backend.outgoing().filter((d) => d.state === 'failed');
    await expect.poll(() => rows(el).length).toBe(failed.length);
    expect(rows(el).every((r) => r.dataset.state === 'failed')).toBe(true);
    expect(q(el, '[part=stage][data-stage=failed]')).toBeTruthy();
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name=state]')!, '');
    await userEvent.fill(q<HTMLInputElement>(el, 'input[name=q]')!, 'so tai chinh');
    await userEvent.click(button(el, 'Tìm'));
    const toTaiChinh = backend.outgoing().filter((d) => d.recipients.some((r) => r.agency.name === 'Sở Tài chính tỉnh Hà Giang')).length;
    await expect.poll(() => rows(el).length).toBe(Math.min(20, toTaiChinh));
  });

  it('opens a document (cancelable egov-navigate): recipients, the trace of each and the history', async () => {
    const backend = seeded();
    const doc = backend.outgoing().find((d) => d.trace.some((t) => t.statuses.length >= 4))!;
    const el = await mount(html`<egov-outgoing .office=${office(backend)}></egov-outgoing>`);
    await expect.poll(() => rows(el).length).toBeGreaterThan(0);
    const navigations: Array<EgovNavigateEvent['detail']> = [];
    el.addEventListener('egov-navigate', (e) => navigations.push(e.detail));
    const opened: string[] = [];
    el.addEventListener('egov-outgoing-open', (e) => opened.push(e.detail.id));
    await userEvent.click(rows(el).find((r) => r.dataset.id === doc.id)!.querySelector('button')!);
    expect(navigations).toEqual([{ view: 'outgoing', id: doc.id }]);
    await expect.poll(() => q(el, '[part=trace]')).toBeTruthy();
    expect(opened).toEqual([doc.id]);
    const codes = [...el.shadowRoot!.querySelectorAll('[part=trace] li')].map((li) => (li as HTMLElement).dataset.code);
    expect(codes).toEqual(doc.trace.flatMap((t) => t.statuses.map((s) => s.code)));
    expect(q(el, '[part=recipients]')!.textContent).toContain(doc.recipients[0]!.agency.name);
    // The host takes over: nothing opens.
    await userEvent.click(button(el, 'Quay lại danh sách'));
    await expect.poll(() => rows(el).length).toBeGreaterThan(0);
    el.addEventListener('egov-navigate', (e) => e.preventDefault());
    await userEvent.click(rows(el)[0]!.querySelector('button')!);
    expect(el.documentId).toBeUndefined();
  });

  it('a văn thư sends again to the recipient that failed only; egov-outgoing-change says so', async () => {
    const backend = seeded();
    const doc = backend.outgoing().find((d) => d.state === 'failed' && d.recipients.length > 1)!;
    const failedAt = doc.recipients.find((r) => r.delivery === 'fail')!.agency.code;
    const el = await mount(html`<egov-outgoing document-id=${doc.id} .office=${office(backend)}></egov-outgoing>`);
    const changes: Array<EgovOutgoingChangeEvent['detail']> = [];
    el.addEventListener('egov-outgoing-change', (e) => changes.push(e.detail));
    await expect.poll(() => q(el, `[data-resend="${failedAt}"]`)).toBeTruthy();
    expect(el.shadowRoot!.querySelectorAll('[data-resend]').length).toBe(1);
    await userEvent.click(q(el, `[data-resend="${failedAt}"]`)!);
    await expect.poll(() => changes.length).toBe(1);
    expect(changes[0]).toMatchObject({ action: 'resend', id: doc.id, document: { state: 'sent' } });
    const call = backend.calls.find((c) => c.op === 'resendOutgoing')!.input as { body: { recipients: string[] } };
    expect(call.body.recipients).toEqual([failedAt]);
    expect(q(el, '[data-resend]')).toBeNull();
    expect(q(el, `tr[data-agency="${failedAt}"] [part=stage]`)!.dataset.stage).toBe('waiting');
  });

  it('revokes only after a confirmation with a reason; the document is revoked and the revoke package is listed', async () => {
    const backend = seeded();
    const doc = backend.outgoing().find((d) => d.state === 'sent' && d.kind === 'new')!;
    const el = await mount(html`<egov-outgoing document-id=${doc.id} .office=${office(backend)}></egov-outgoing>`);
    await expect.poll(() => q(el, '[data-action=revoke]')).toBeTruthy();
    await userEvent.click(q(el, '[data-action=revoke]')!);
    await expect.poll(() => q(el, '[part=confirm]')).toBeTruthy();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '[part=confirm] textarea'));
    // Escape cancels: nothing was sent.
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => q(el, '[part=confirm]')).toBeNull();
    await userEvent.click(q(el, '[data-action=revoke]')!);
    await userEvent.click(button(el, 'Xác nhận thu hồi'));
    expect(backend.calls.some((c) => c.op === 'revokeOutgoing')).toBe(false); // the reason is required
    await userEvent.fill(q<HTMLTextAreaElement>(el, 'textarea[name=reason]')!, 'Ban hành nhầm đối tượng');
    await userEvent.click(button(el, 'Xác nhận thu hồi'));
    await expect.poll(() => q(el, 'dd[data-state]')?.dataset.state).toBe('revoked');
    expect(q(el, '[data-action]')).toBeNull();
    expect(backend.outgoing()[0]).toMatchObject({ kind: 'revoke', notation: doc.notation });
  });

  it('replace asks for a confirmation, then emits egov-outgoing-replace and egov-navigate to compose', async () => {
    const backend = seeded();
    const doc = backend.outgoing().find((d) => d.state === 'sent' && d.kind === 'new')!;
    const el = await mount(html`<egov-outgoing document-id=${doc.id} .office=${office(backend)}></egov-outgoing>`);
    const seen: string[] = [];
    el.addEventListener('egov-outgoing-replace', (e) => seen.push(`replace:${e.detail.id}`));
    el.addEventListener('egov-navigate', (e) => seen.push(`navigate:${e.detail.view}:${e.detail.replaces ?? ''}`));
    await expect.poll(() => q(el, '[data-action=replace]')).toBeTruthy();
    await userEvent.click(q(el, '[data-action=replace]')!);
    expect(seen).toEqual([]);
    await userEvent.click(button(el, 'Soạn văn bản thay thế'));
    expect(seen).toEqual([`replace:${doc.id}`, `navigate:compose:${doc.id}`]);
  });

  it('a lãnh đạo sees the trace but no clerk action', async () => {
    const backend = seeded();
    backend.signIn('lanhdao');
    const doc = backend.outgoing().find((d) => d.state === 'failed')!;
    const el = await mount(html`<egov-outgoing document-id=${doc.id} .office=${office(backend, leader)}></egov-outgoing>`);
    await expect.poll(() => q(el, '[part=trace]')).toBeTruthy();
    expect(q(el, '[data-action]')).toBeNull();
    expect(q(el, '[data-resend]')).toBeNull();
  });

  it('is keyboard complete and has no accessibility violation (WCAG 2.2 AA) in the list, the detail and the confirmation', async () => {
    const backend = seeded(5);
    const el = await mount(html`<egov-outgoing .office=${office(backend)}></egov-outgoing>`);
    await expect.poll(() => rows(el).length).toBe(5);
    await expectAxeClean(el, tags);
    q<HTMLInputElement>(el, 'input[name=q]')!.focus();
    await userEvent.tab(); // search button
    await userEvent.tab(); // the list region
    await userEvent.tab(); // the first document
    expect(el.shadowRoot!.activeElement).toBe(rows(el)[0]!.querySelector('button'));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => q(el, '[part=detail]')).toBeTruthy();
    const sent = backend.outgoing().find((d) => d.state === 'sent' && d.kind === 'new')!;
    el.documentId = sent.id;
    await expect.poll(() => q(el, '[data-action=revoke]')).toBeTruthy();
    q(el, '[data-action=revoke]')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => q(el, '[part=confirm]')).toBeTruthy();
    await expectAxeClean(el, tags);
  });

  it('speaks English, takes integrator texts, and fits 360 px', async () => {
    host.setAttribute('lang', 'en');
    host.style.width = '360px';
    try {
      const backend = seeded(8);
      const el = await mount(html`<egov-outgoing .office=${office(backend)} .texts=${{ en: { title: 'Sent by the Department' } }}></egov-outgoing>`);
      await expect.poll(() => rows(el).length).toBe(backend.outgoing().length);
      expect(q(el, 'h2')!.textContent).toBe('Sent by the Department');
      expect(q(el, 'thead')!.textContent).toContain('Recipients and status');
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
      expect(getComputedStyle(rows(el)[0]!.cells[2]!).display).toBe('none');
    } finally {
      host.style.width = '';
    }
  });
});

describe('<egov-outgoing> failure isolation', () => {
  const errors: Array<EgovErrorEvent['detail']> = [];
  const onError = (e: EgovErrorEvent) => errors.push(e.detail);
  beforeEach(() => {
    errors.length = 0;
    host.addEventListener('egov-error', onError);
  });
  afterEach(() => host.removeEventListener('egov-error', onError));

  it('down, 500, garbage or a nonsense custom backend: an alert with a retry, egov-error, nothing thrown; a sibling works', async () => {
    const thrown: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
    const onWindowError = (e: ErrorEvent) => thrown.push(e.error);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onWindowError);
    try {
      // The back end down (the network refuses), then back: the real HTTP client against a fetch that fails, then answers.
      let down = true;
      const inner = seeded(3);
      const network: typeof fetch = async (input, init) => {
        if (down) throw new TypeError('Failed to fetch');
        const req = new Request(input, init);
        const page = await inner.call('listOutgoing', { query: Object.fromEntries(new URL(req.url).searchParams) });
        return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const flaky = httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: network, retries: 0 });
      const server500: typeof fetch = () => Promise.resolve(new Response('<h1>oops</h1>', { status: 500 }));
      const garbage: typeof fetch = () => Promise.resolve(new Response('{"items":[{"id":1}]}', { status: 200, headers: { 'content-type': 'application/json' } }));
      const nonsense: OfficeBackend = { call: () => Promise.resolve({ items: [{ nope: true }], nextCursor: 5 } as never) };
      render(
        html`<egov-outgoing id="a" .office=${office(flaky)}></egov-outgoing>
          <egov-outgoing id="b" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: server500, retries: 0 }))}></egov-outgoing>
          <egov-outgoing id="c" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: garbage, retries: 0 }))}></egov-outgoing>
          <egov-outgoing id="d" .office=${office(nonsense)}></egov-outgoing>
          <egov-outgoing id="e" .office=${office(seeded(4))}></egov-outgoing>`,
        host,
      );
      const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id) => host.querySelector<EgovOutgoing>(`#${id}`)!);
      await expect.poll(() => q(a!, '[part=error][role=alert]')?.textContent ?? '').toContain('NETWORK');
      await expect.poll(() => q(b!, '[part=error]')?.textContent ?? '').toContain('UNAVAILABLE');
      await expect.poll(() => q(c!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      await expect.poll(() => q(d!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      await expect.poll(() => rows(e!).length).toBe(4);
      expect(errors.filter((x) => x.operation === 'listOutgoing').length).toBeGreaterThanOrEqual(3);
      await expectAxeClean(a!, tags);
      down = false;
      await userEvent.click(q(a!, '[part=retry]')!);
      await expect.poll(() => rows(a!).length).toBe(3);
      expect(thrown).toEqual([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onWindowError);
    }
  });

  it('a slow back end ends in TIMEOUT, and a refused action keeps the document on screen with the error', async () => {
    const hanging: typeof fetch = (_i, init) =>
      new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const el = await mount(html`<egov-outgoing .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: hanging, timeout: 200, retries: 0 }))}></egov-outgoing>`);
    await expect.poll(() => q(el, '[part=error]')?.textContent ?? '', { timeout: 3000 }).toContain('TIMEOUT');
    const inner = seeded();
    const doc = inner.outgoing().find((x) => x.state === 'sent' && x.kind === 'new')!;
    const refusing: OfficeBackend = {
      call: (op, input, o) => (op === 'revokeOutgoing' ? Promise.reject(new TypeError('Failed to fetch')) : inner.call(op, input, o)),
    };
    const el2 = await mount(html`<egov-outgoing document-id=${doc.id} .office=${office(refusing)}></egov-outgoing>`);
    await expect.poll(() => q(el2, '[data-action=revoke]')).toBeTruthy();
    await userEvent.click(q(el2, '[data-action=revoke]')!);
    await userEvent.fill(q<HTMLTextAreaElement>(el2, 'textarea[name=reason]')!, 'Nhầm');
    await userEvent.click(button(el2, 'Xác nhận thu hồi'));
    // A custom backend's raw failure is shown as BAD_RESPONSE (the contract asks for OfficeBackendError).
    await expect.poll(() => q(el2, '[part=detail] [part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
    expect(q(el2, '[part=trace]')).toBeTruthy();
    expect(errors.some((x) => x.operation === 'revokeOutgoing')).toBe(true);
  });
});
