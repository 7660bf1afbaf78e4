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
import type { EgovRegister, EgovRegisterExportEvent } from './register.js';
import './register.js';
import { axeTags as tags, clerk, mountIn, pageHost, q, rows } from '../../test/feature-dom.js';

const TODAY = '2026-12-02';
const host = pageHost();
beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

const office = (backend: OfficeBackend): OfficeHost => ({ backend, user: clerk, today: TODAY });
// 400 incoming documents over about 133 days: two years of registers (2026 and the end of 2025).
const seeded = () => memoryOfficeBackend(demoSeed({ count: 1200, outgoing: 30, today: TODAY }));

const mount = (template: TemplateResult) => mountIn(host, template, 'egov-register');

describe('<egov-register> with the in-memory backend', () => {
  it('shows the incoming register of this year with the Phụ lục VI columns, newest number first, paged', async () => {
    const backend = seeded();
    const rows2026 = backend.register('incoming', 2026);
    const el = await mount(html`<egov-register page-size="50" .office=${office(backend)}></egov-register>`);
    await expect.poll(() => rows(el).length).toBe(50);
    const heads = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    expect(heads).toEqual(['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Hạn giải quyết', 'Ghi chú']);
    expect(Number(rows(el)[0]!.dataset.number)).toBe(Math.max(...rows2026.map((r) => r.number)));
    const numbers = rows(el).map((r) => Number(r.dataset.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await userEvent.click([...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Trang sau')!);
    await expect.poll(() => Number(rows(el)[0]!.dataset.number)).toBe(numbers.at(-1)! - 1);
  });

  it('switches year (numbering restarts each year) and register (tabs with arrow keys), searching without diacritics', async () => {
    const backend = seeded();
    const el = await mount(html`<egov-register .office=${office(backend)}></egov-register>`);
    await expect.poll(() => rows(el).length).toBeGreaterThan(0);
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name=year]')!, '2025');
    const in2025 = backend.register('incoming', 2025);
    expect(in2025.length).toBeGreaterThan(0);
    await expect.poll(() => rows(el).length).toBe(Math.min(50, in2025.length));
    expect(el.year).toBe(2025);
    expect(Math.min(...rows(el).map((r) => Number(r.dataset.number)))).toBeGreaterThanOrEqual(1);
    const navigations: Array<EgovNavigateEvent['detail']> = [];
    el.addEventListener('egov-navigate', (e) => navigations.push(e.detail));
    q(el, '[part=tab][aria-selected=true]')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => el.kind).toBe('outgoing');
    expect(navigations).toEqual([{ view: 'register', kind: 'outgoing' }]);
    expect(el.shadowRoot!.activeElement).toBe(q(el, '[part=tab][data-kind=outgoing]'));
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name=year]')!, '2026');
    const out = backend.register('outgoing', 2026);
    await expect.poll(() => rows(el).length).toBe(out.length);
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent.trim())).toContain('Nơi nhận văn bản');
    await userEvent.fill(q<HTMLInputElement>(el, 'input[name=q]')!, 'an toan thong tin');
    await userEvent.keyboard('{Enter}');
    const matching = out.filter((r) => r.subject?.includes('an toàn thông tin')).length;
    expect(matching).toBeGreaterThan(0);
    await expect.poll(() => rows(el).length).toBe(matching);
  });

  it('opens a row’s document with a navigation intent', async () => {
    const backend = seeded();
    const el = await mount(html`<egov-register .office=${office(backend)}></egov-register>`);
    await expect.poll(() => rows(el).length).toBeGreaterThan(0);
    const navigations: Array<EgovNavigateEvent['detail']> = [];
    el.addEventListener('egov-navigate', (e) => navigations.push(e.detail));
    await userEvent.click(rows(el)[0]!.querySelector('button')!);
    const top = backend.register('incoming', 2026).at(-1)!;
    expect(navigations).toEqual([{ view: 'incoming', id: top.documentId }]);
  });

  it('exports the whole year as CSV (the server’s columns, BOM) through a cancelable egov-register-export', async () => {
    const backend = seeded();
    const el = await mount(html`<egov-register .office=${office(backend)}></egov-register>`);
    await expect.poll(() => rows(el).length).toBeGreaterThan(0);
    const exports: Array<EgovRegisterExportEvent['detail']> = [];
    el.addEventListener('egov-register-export', (e) => {
      e.preventDefault();
      exports.push(e.detail);
    });
    await userEvent.click(q(el, '[data-export=csv]')!);
    await expect.poll(() => exports.length).toBe(1);
    expect(exports[0]).toMatchObject({ kind: 'incoming', year: 2026, format: 'csv', fileName: 'so-van-ban-den-2026.csv' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exports[0]!.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Trích yếu nội dung');
    expect(lines.length - 1).toBe(backend.register('incoming', 2026).length);
    expect(q(el, '[role=status]')!.textContent).toContain('so-van-ban-den-2026.csv');
  });

  it('has no accessibility violation (WCAG 2.2 AA), speaks English and fits 360 px', async () => {
    host.style.width = '360px';
    host.setAttribute('lang', 'en');
    try {
      const el = await mount(html`<egov-register kind="outgoing" .office=${office(seeded())}></egov-register>`);
      await expect.poll(() => rows(el).length).toBeGreaterThan(0);
      expect(q(el, '[part=tab][aria-selected=true]')!.textContent.trim()).toBe('Outgoing register');
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
      expect(getComputedStyle(rows(el)[0]!.cells[1]!).display).toBe('none');
      await expectAxeClean(el, tags);
    } finally {
      host.style.width = '';
    }
  });
});

describe('<egov-register> failure isolation', () => {
  const errors: Array<EgovErrorEvent['detail']> = [];
  const onError = (e: EgovErrorEvent) => errors.push(e.detail);
  beforeEach(() => {
    errors.length = 0;
    host.addEventListener('egov-error', onError);
  });
  afterEach(() => host.removeEventListener('egov-error', onError));

  it('back end down, 500 or garbage: an alert with a retry and egov-error, nothing thrown; an export the back end cannot make is an error too', async () => {
    const thrown: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      let down = true;
      const inner = seeded();
      const flaky: OfficeBackend = { call: (op, i, o) => (down ? Promise.reject(new TypeError('Failed to fetch')) : inner.call(op, i, o)) };
      const server500: typeof fetch = () => Promise.resolve(new Response('oops', { status: 500 }));
      const nonsense: OfficeBackend = { call: () => Promise.resolve({ items: 'nonsense' } as never) };
      render(
        html`<egov-register id="a" .office=${office(flaky)}></egov-register>
          <egov-register id="b" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: server500, retries: 0 }))}></egov-register>
          <egov-register id="c" .office=${office(nonsense)}></egov-register>`,
        host,
      );
      const [a, b, c] = ['a', 'b', 'c'].map((id) => host.querySelector<EgovRegister>(`#${id}`)!);
      await expect.poll(() => q(a!, '[part=error][role=alert]')).toBeTruthy();
      await expect.poll(() => q(b!, '[part=error]')?.textContent ?? '').toContain('UNAVAILABLE');
      await expect.poll(() => q(c!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      expect(errors.filter((e) => e.operation === 'listRegister').length).toBeGreaterThanOrEqual(2);
      down = false;
      await userEvent.click(q(a!, '[part=retry]')!);
      await expect.poll(() => rows(a!).length).toBeGreaterThan(0);
      await userEvent.click(q(a!, '[data-export=pdf]')!);
      await expect.poll(() => q(a!, '[part=error]')?.textContent ?? '').toContain('UNAVAILABLE');
      expect(errors.at(-1)).toMatchObject({ operation: 'exportRegister' });
      expect(thrown).toEqual([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
