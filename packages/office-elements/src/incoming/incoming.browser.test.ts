import { expectAxeClean, wcagTags } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { httpOfficeBackend } from '../backend/http.js';
import { demoSeed, memoryOfficeBackend, type MemoryOfficeBackend } from '../backend/memory.js';
import type { OfficeBackend } from '../backend/types.js';
import type { OfficeHost } from '../context/context.js';
import '../context/office-context.js';
import { EgovOfficeContext } from '../context/office-context.component.js';
import type { EgovErrorEvent, EgovNavigateEvent } from '../events.js';
import { EgovIncoming } from './incoming.js';
import type { EgovIncomingChangeEvent } from './incoming.js';
import { button, clerk, mountIn, pageHost, q, rows } from '../../test/feature-dom.js';

const TODAY = '2026-12-02';
const host = pageHost();
const defaultLoader = EgovIncoming.loadViewers;

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => {
  render(html``, host);
  EgovIncoming.loadViewers = defaultLoader;
});

function office(backend: OfficeBackend, user: OfficeHost['user'] = clerk): OfficeHost {
  return { backend, user, today: TODAY };
}

const mount = (template: TemplateResult) => mountIn(host, template, 'egov-incoming');
const waitRows = (el: EgovIncoming, n: number) => expect.poll(() => rows(el).length, { timeout: 3000 }).toBe(n);

describe('<egov-incoming> with the in-memory backend', () => {
  it('lists the first page with unread marks, urgency, deadline badges and the total, and pages on the server', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 120, today: TODAY }));
    const el = await mount(html`<egov-incoming page-size="50" .office=${office(backend)}></egov-incoming>`);
    await waitRows(el, 50);
    expect(q(el, '[part=pager]')!.textContent).toContain('120 văn bản');
    expect(el.shadowRoot!.querySelectorAll('tr.unread').length).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelectorAll('.dot[aria-label="Chưa đọc"]').length).toBe(el.shadowRoot!.querySelectorAll('tr.unread').length);
    // The deadline badges follow the first rows (drawn when the browser is idle after painting the list).
    await expect.poll(() => el.shadowRoot!.querySelectorAll('egov-deadline').length).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelectorAll('tr[part=row] time[datetime]').length).toBe(0);
    const firstId = rows(el)[0]!.dataset.id;
    await userEvent.click(button(el, 'Trang sau'));
    await expect.poll(() => rows(el)[0]!.dataset.id).not.toBe(firstId);
    expect(q(el, '[part=pager]')!.textContent).toContain('Trang 2');
    await userEvent.click(button(el, 'Trang sau'));
    await waitRows(el, 20);
    expect(button(el, 'Trang sau').disabled).toBe(true);
    await userEvent.click(button(el, 'Trang trước'));
    await waitRows(el, 50);
    const listCalls = backend.calls.filter((c) => c.op === 'listIncoming');
    expect(listCalls.every((c) => (c.input as { query: { limit: number } }).query.limit === 50)).toBe(true);
  });

  it('refreshes the list quietly every refresh-seconds while it is shown: a new arrival appears without a reload', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const backend = memoryOfficeBackend(demoSeed({ count: 3, today: TODAY }));
      const el = await mount(html`<egov-incoming refresh-seconds="30" .office=${office(backend)}></egov-incoming>`);
      await waitRows(el, 3);
      const lists = () => backend.calls.filter((c) => c.op === 'listIncoming').length;
      const before = lists();
      backend.arrive({ exchangeId: 'f1e2d3c4-0000-4000-8000-000000000001', from: { code: '000.00.01.H49', name: 'Sở Tài chính' }, subject: 'mới đến trong lúc mở trang', notation: '12/STC-VP' });
      vi.advanceTimersByTime(29_000);
      expect(lists()).toBe(before); // not yet due
      vi.advanceTimersByTime(1_000);
      await waitRows(el, 4);
      expect(rows(el).some((r) => r.textContent.includes('mới đến trong lúc mở trang'))).toBe(true);
      // an open document is not refreshed under the reader
      el.documentId = rows(el)[0]!.dataset.id;
      await el.updateComplete;
      const opened = lists();
      vi.advanceTimersByTime(60_000);
      expect(lists()).toBe(opened);
      // refresh-seconds="0": never
      el.documentId = undefined;
      el.refreshSeconds = 0;
      await el.updateComplete;
      const off = lists();
      vi.advanceTimersByTime(600_000);
      expect(lists()).toBe(off);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps one refresh timer: none once removed from the page, one again when put back (and it refreshes)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const backend = memoryOfficeBackend(demoSeed({ count: 3, today: TODAY }));
      const el = await mount(html`<egov-incoming refresh-seconds="30" .office=${office(backend)}></egov-incoming>`);
      await waitRows(el, 3);
      expect(vi.getTimerCount()).toBe(1);
      const parent = el.parentElement!;
      el.remove();
      expect(vi.getTimerCount()).toBe(0);
      parent.append(el);
      expect(vi.getTimerCount()).toBe(1);
      const lists = () => backend.calls.filter((c) => c.op === 'listIncoming').length;
      const before = lists();
      vi.advanceTimersByTime(30_000);
      await expect.poll(lists).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('filters by state and by overdue on the server', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 120, today: TODAY }));
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await waitRows(el, 50);
    const select = q<HTMLSelectElement>(el, 'select[name=state]')!;
    await userEvent.selectOptions(select, 'arrived');
    const arrivedTotal = backend.incoming().filter((d) => d.state === 'arrived').length;
    await expect.poll(() => q(el, '[part=pager]')!.textContent).toContain(`${arrivedTotal} văn bản`);
    expect(rows(el).every((r) => r.textContent.includes('Mới đến'))).toBe(true);
    await userEvent.selectOptions(select, '');
    await userEvent.click(q(el, 'input[name=overdue]')!);
    const overdue = backend.incoming().filter((d) => d.dueDate && d.dueDate < TODAY && d.state !== 'done').length;
    await expect.poll(() => q(el, '[part=pager]')!.textContent).toContain(`${overdue} văn bản`);
    await expect.poll(() => el.shadowRoot!.querySelectorAll('egov-deadline[status=overdue]').length).toBe(Math.min(overdue, 50));
    const last = backend.calls.filter((c) => c.op === 'listIncoming').at(-1)!.input as { query: Record<string, unknown> };
    expect(last.query.overdue).toBe('true');
  });

  it('opens a document: emits a cancelable egov-navigate, shows its details and edXML metadata, marks it read', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 10, today: TODAY }));
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await waitRows(el, 10);
    const target = rows(el).find((r) => r.classList.contains('unread'))!;
    const id = target.dataset.id!;
    const navigations: Array<EgovNavigateEvent['detail']> = [];
    el.addEventListener('egov-navigate', (e) => navigations.push(e.detail));
    await userEvent.click(target.querySelector('button')!);
    expect(navigations).toEqual([{ view: 'incoming', id }]);
    expect(el.documentId).toBe(id);
    expect(el.getAttribute('document-id')).toBe(id);
    await expect.poll(() => q(el, '[part=detail]')?.textContent ?? '').toContain('Thông tin edXML');
    expect(q(el, '[part=detail]')!.textContent).toContain('Nguyễn Văn An, Chánh Văn phòng');
    await userEvent.click(button(el, 'Quay lại danh sách'));
    expect(navigations.at(-1)).toEqual({ view: 'incoming' });
    await expect.poll(() => rows(el).find((r) => r.dataset.id === id)?.classList.contains('unread')).toBe(false);
  });

  it('lets the host route: a prevented egov-navigate does not open, and a document-id opens it (deep link)', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 10, today: TODAY }));
    const id = backend.incoming()[3]!.id;
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await waitRows(el, 10);
    el.addEventListener('egov-navigate', (e) => e.preventDefault());
    await userEvent.click(rows(el)[0]!.querySelector('button')!);
    expect(el.documentId).toBeUndefined();
    const deep = await mount(html`<egov-incoming document-id=${id} .office=${office(backend)}></egov-incoming>`);
    await expect.poll(() => q(deep, '#subject')?.textContent ?? '').toBe(backend.incoming()[3]!.subject);
  });

  it('a văn thư receives (arrival number) then assigns with a due date in working days; the event says so', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 10, today: TODAY }));
    const doc = backend.incoming().find((d) => d.state === 'arrived')!;
    const el = await mount(html`<egov-incoming document-id=${doc.id} .office=${office(backend)}></egov-incoming>`);
    const changes: Array<EgovIncomingChangeEvent['detail']> = [];
    el.addEventListener('egov-incoming-change', (e) => changes.push(e.detail));
    await expect.poll(() => q(el, '[data-action=receive]')).toBeTruthy();
    expect(q(el, '[data-action=done]')).toBeNull();
    await userEvent.click(q(el, '[data-action=receive]')!);
    await expect.poll(() => q(el, '[data-field=arrivalNumber]')!.textContent.trim()).toMatch(/^\d+$/);
    expect(changes[0]).toMatchObject({ action: 'receive', id: doc.id, document: { state: 'registered' } });
    await userEvent.click(q(el, '[data-action=assign]')!);
    await expect.poll(() => q(el, '[part=assign-form]')).toBeTruthy();
    const days = q<HTMLInputElement>(el, 'input[name=days]')!;
    await userEvent.fill(days, '5');
    await expect.poll(() => q(el, 'output[name=due]')!.textContent).toBe('Hạn xử lý: 2026-12-09');
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name=lead]')!, 'chuyenvien');
    await userEvent.fill(q<HTMLTextAreaElement>(el, 'textarea[name=note]')!, 'Chủ trì tham mưu');
    await userEvent.click(button(el, /^Phân công$/));
    await expect.poll(() => changes.length).toBe(2);
    expect(changes[1]).toMatchObject({ action: 'assign', document: { state: 'assigned', dueDate: '2026-12-09', leadHandler: { id: 'chuyenvien' } } });
    expect(q(el, '[data-field=dueDate]')!.textContent).toContain('2026-12-09');
    const assignCall = backend.calls.find((c) => c.op === 'assignIncoming')!.input as { body: Record<string, unknown> };
    expect(assignCall.body).toMatchObject({ lead: 'chuyenvien', workingDays: 5, note: 'Chủ trì tham mưu' });
  });

  it('a chuyên viên sees only what the lead handler may do, and marks done', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 10, today: TODAY }));
    backend.signIn('chuyenvien');
    const doc = backend.incoming().find((d) => d.state === 'assigned')!;
    const officer = { id: 'chuyenvien', name: 'Lê Thu Hà', role: 'chuyenVien' } as const;
    const el = await mount(html`<egov-incoming document-id=${doc.id} .office=${office(backend, officer)}></egov-incoming>`);
    await expect.poll(() => q(el, '[data-action=done]')).toBeTruthy();
    expect(q(el, '[data-action=receive]')).toBeNull();
    expect(q(el, '[data-action=assign]')).toBeNull();
    expect(q(el, '[data-action=return]')).toBeNull();
    await userEvent.click(q(el, '[data-action=done]')!);
    await expect.poll(() => q(el, '[data-state]')?.dataset.state).toBe('done');
  });

  it('returns a document with a reason', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 10, today: TODAY }));
    const doc = backend.incoming().find((d) => d.state === 'arrived')!;
    const el = await mount(html`<egov-incoming document-id=${doc.id} .office=${office(backend)}></egov-incoming>`);
    await expect.poll(() => q(el, '[data-action=return]')).toBeTruthy();
    await userEvent.click(q(el, '[data-action=return]')!);
    await userEvent.fill(q<HTMLTextAreaElement>(el, 'textarea[name=reason]')!, 'Không thuộc thẩm quyền');
    await userEvent.click(button(el, 'Trả lại văn bản'));
    await expect.poll(() => q(el, '[data-state]')?.dataset.state).toBe('returned');
    expect(q(el, '[part=detail]')!.textContent).toContain('Không thuộc thẩm quyền');
  });

  it('is keyboard complete: Tab reaches the filters and the documents, Enter opens one', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 5, today: TODAY }));
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await waitRows(el, 5);
    const id = rows(el)[0]!.dataset.id;
    q<HTMLInputElement>(el, 'input[name=q]')!.focus();
    await userEvent.tab(); // the search button
    await userEvent.tab(); // the scrollable list region
    await userEvent.tab(); // the first document
    expect(el.shadowRoot!.activeElement).toBe(rows(el)[0]!.querySelector('button'));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => el.documentId).toBe(id);
    await expect.poll(() => q(el, '[part=detail]')).toBeTruthy();
  });

  it('has no accessibility violation (WCAG 2.2 AA) in the list, the detail and the assignment form', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 20, today: TODAY }));
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await waitRows(el, 20);
    const tags = { runOnly: { type: 'tag' as const, values: [...wcagTags] } };
    await expectAxeClean(el, tags);
    el.documentId = backend.incoming().find((d) => d.state === 'registered')!.id;
    await expect.poll(() => q(el, '[data-action=assign]')).toBeTruthy();
    await userEvent.click(q(el, '[data-action=assign]')!);
    await expect.poll(() => q(el, '[part=assign-form]')).toBeTruthy();
    await expectAxeClean(el, tags);
  });

  it('gets the context from a provider defined after it (a host that imports the feature before <egov-office-context>)', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 4, today: TODAY }));
    // The provider's tag is not defined yet when the feature connects and asks for the context.
    render(html`<egov-office-context-late><egov-incoming></egov-incoming></egov-office-context-late>`, host);
    const el = host.querySelector('egov-incoming')!;
    await el.updateComplete;
    expect(el.host).toBeUndefined();
    const late = host.querySelector('egov-office-context-late') as EgovOfficeContext;
    Object.assign(late, { backend, user: clerk, today: TODAY });
    customElements.define('egov-office-context-late', class extends EgovOfficeContext {});
    await waitRows(el, 4);
    expect(el.host?.user).toEqual(clerk);
  });

  it('follows the context of <egov-office-context>: language and user change without a reload', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 5, today: TODAY }));
    render(
      html`<egov-office-context .backend=${backend} .user=${clerk} today=${TODAY} locale="vi" theme="dark"
        ><egov-incoming></egov-incoming
      ></egov-office-context>`,
      host,
    );
    const ctx = host.querySelector('egov-office-context')!;
    const el = host.querySelector('egov-incoming')!;
    await waitRows(el, 5);
    expect(ctx.getAttribute('data-theme')).toBe('dark');
    expect(q(el, 'h2')!.textContent).toBe('Văn bản đến');
    ctx.officeLocale = 'en';
    await expect.poll(() => q(el, 'h2')!.textContent).toBe('Incoming documents');
    const other = memoryOfficeBackend(demoSeed({ count: 3, today: TODAY }));
    ctx.backend = other;
    await waitRows(el, 3);
  });

  it('is usable at 360 px: secondary columns give way, subject, status and deadline stay, nothing overflows the page', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 10, today: TODAY }));
    host.style.width = '360px';
    try {
      const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
      await waitRows(el, 10);
      const cells = rows(el)[0]!.cells;
      expect(getComputedStyle(cells[1]!).display).toBe('none'); // arrival number
      expect(getComputedStyle(cells[3]!).display).not.toBe('none'); // subject
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
      expect(q(el, '.scroller')!.scrollWidth).toBeLessThanOrEqual(q(el, '.scroller')!.clientWidth + 1);
    } finally {
      host.style.width = '';
    }
  });

  it('<egov-office-context base-url> makes an HTTP backend that asks the host for a token before the request', async () => {
    const tokens: string[] = [];
    const getToken = () => {
      tokens.push('t');
      return 'host-token';
    };
    // The test server answers this path with something that is not the contract: the feature shows the error state.
    render(
      html`<egov-office-context base-url=${`${location.origin}/no-office-here/`} .getToken=${getToken} .user=${clerk}
        ><egov-incoming></egov-incoming
      ></egov-office-context>`,
      host,
    );
    const el = host.querySelector('egov-incoming')!;
    await expect.poll(() => q(el, '[part=error]'), { timeout: 5000 }).toBeTruthy();
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('takes integrator texts over the built-in ones', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 1, today: TODAY }));
    const el = await mount(html`<egov-incoming .office=${office(backend)} .texts=${{ vi: { title: 'Văn bản đến của Sở' } }}></egov-incoming>`);
    expect(q(el, 'h2')!.textContent).toBe('Văn bản đến của Sở');
  });
});

describe('<egov-incoming> failure isolation', () => {
  const errors: Array<EgovErrorEvent['detail']> = [];
  const onError = (e: EgovErrorEvent) => errors.push(e.detail);
  beforeEach(() => {
    errors.length = 0;
    host.addEventListener('egov-error', onError);
  });
  afterEach(() => host.removeEventListener('egov-error', onError));

  function flaky(inner: MemoryOfficeBackend) {
    const state = { down: true };
    const backend: OfficeBackend = {
      call: (op, input, options) =>
        state.down ? Promise.reject(new TypeError('Failed to fetch')) : inner.call(op, input, options),
    };
    return { state, backend };
  }

  it('with the back end down: an alert with a retry, egov-error, and recovery on retry', async () => {
    const { state, backend } = flaky(memoryOfficeBackend(demoSeed({ count: 5, today: TODAY })));
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await expect.poll(() => q(el, '[part=error][role=alert]')).toBeTruthy();
    expect(errors[0]).toMatchObject({ operation: 'listIncoming' });
    await expectAxeClean(el);
    state.down = false;
    await userEvent.click(q(el, '[part=retry]')!);
    await waitRows(el, 5);
    expect(q(el, '[part=error]')).toBeNull();
  });

  it('with a slow back end: TIMEOUT after the client timeout, not a hang', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))));
    const backend = httpOfficeBackend({ baseUrl: 'https://office.invalid/', fetch: hanging, timeout: 200, retries: 0 });
    const el = await mount(html`<egov-incoming .office=${office(backend)}></egov-incoming>`);
    await expect.poll(() => q(el, '[part=error]')?.textContent ?? '', { timeout: 3000 }).toContain('TIMEOUT');
    expect(errors.some((e) => e.code === 'TIMEOUT')).toBe(true);
  });

  it('with a 500 or garbage answer: the error state, never an exception in the host', async () => {
    const thrown: unknown[] = [];
    const onWindowError = (e: ErrorEvent) => thrown.push(e.error);
    const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
    window.addEventListener('error', onWindowError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const server500: typeof fetch = () => Promise.resolve(new Response('<h1>Internal error</h1>', { status: 500 }));
      const garbage: typeof fetch = () =>
        Promise.resolve(new Response('{"items":[{"id":1}]}', { status: 200, headers: { 'content-type': 'application/json' } }));
      // A custom backend that skips the contract check and answers nonsense.
      const nonsense: OfficeBackend = { call: () => Promise.resolve({ items: [{ nope: true }], total: 'x' } as never) };
      render(
        html`<egov-incoming id="a" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: server500, retries: 0 }))}></egov-incoming>
          <egov-incoming id="b" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: garbage, retries: 0 }))}></egov-incoming>
          <egov-incoming id="c" .office=${office(nonsense)}></egov-incoming>
          <egov-incoming id="d" .office=${office(memoryOfficeBackend(demoSeed({ count: 4, today: TODAY })))}></egov-incoming>`,
        host,
      );
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => host.querySelector<EgovIncoming>(`#${id}`)!);
      await expect.poll(() => q(a!, '[part=error]')?.textContent ?? '').toContain('UNAVAILABLE');
      await expect.poll(() => q(b!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      await expect.poll(() => q(c!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      // The sibling feature keeps working.
      await waitRows(d!, 4);
      await new Promise((r) => setTimeout(r, 50));
      expect(thrown).toEqual([]);
    } finally {
      window.removeEventListener('error', onWindowError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('when the lazy viewer chunk fails to load: an alert in the document pane with a retry that loads it', async () => {
    const seed = demoSeed({ count: 3, today: TODAY });
    seed.attachment = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const backend = memoryOfficeBackend(seed);
    let fail = true;
    let loads = 0;
    EgovIncoming.loadViewers = () => {
      loads += 1;
      return fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve();
    };
    const el = await mount(html`<egov-incoming document-id=${backend.incoming()[0]!.id} .office=${office(backend)}></egov-incoming>`);
    await expect.poll(() => q(el, '.viewer, [part=detail] [part=error]') ? 1 : 0).toBe(1);
    await expect.poll(() => q(el, '[part=detail] [part=error]')?.textContent ?? '').toContain('Không tải được trình xem PDF');
    expect(errors.some((e) => e.operation === 'load-viewer')).toBe(true);
    // The rest of the document is still there.
    expect(q(el, '[part=detail]')!.textContent).toContain('Thông tin edXML');
    fail = false;
    await userEvent.click(q(el, '[part=detail] [part=retry]')!);
    await expect.poll(() => q(el, '.viewer egov-pdf-viewer')).toBeTruthy();
    expect(loads).toBe(2);
  });
});
