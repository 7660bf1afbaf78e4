import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { parse } from 'csv-parse/browser/esm/sync';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { sampleRows } from './fixtures.js';
import { EgovEdocStats } from './edoc-stats.js';
import type { EgovEdocStatsExportEvent, EgovEdocStatsViewEvent } from './edoc-stats.js';

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

async function mount(template: TemplateResult = html`<egov-edoc-stats .data=${sampleRows()}></egov-edoc-stats>`): Promise<EgovEdocStats> {
  render(template, host);
  const el = host.querySelector('egov-edoc-stats')!;
  await el.updateComplete;
  return el;
}

const $ = (el: EgovEdocStats, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: EgovEdocStats, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const viewButton = (el: EgovEdocStats, index: number) => $$(el, '[part=view-button]')[index]!;

describe('<egov-edoc-stats>', () => {
  it('is registered and draws one bar chart per measure, one bar per agency and month', async () => {
    const el = await mount();
    expect(customElements.get('egov-edoc-stats')).toBe(EgovEdocStats);
    const charts = $$(el, '[part=chart]');
    expect(charts.map((c) => c.dataset['measure'])).toEqual(['electronicOnly', 'signed', 'sameDay']);
    expect(text(charts[0]!.querySelector('figcaption'))).toBe('Tỷ lệ văn bản đi gửi hoàn toàn điện tử');
    // 12 agency-months, but Sở Tài chính sent nothing in February: 11 outgoing bars, 12 incoming ones.
    expect(charts[0]!.querySelectorAll('rect.bar')).toHaveLength(11);
    expect(charts[2]!.querySelectorAll('rect.bar')).toHaveLength(12);
    expect(text($(el, '[part=summary]'))).toBe('3 cơ quan, từ tháng 01/2026 đến tháng 04/2026.');
    expect(text($(el, '[part=title]'))).toBe('Tình hình sử dụng văn bản điện tử');
    expect($(el, '[part=title]').getAttribute('aria-level')).toBe('2');
  });

  it('draws bar heights from the shares and the target line at the directives’ 90% for 2026', async () => {
    const el = await mount();
    const chart = $$(el, '[part=chart]')[0]!;
    const bar = (agency: string, month: string) => chart.querySelector<SVGRectElement>(`rect[data-agency="${agency}"][data-month="${month}"]`)!;
    const h = (r: SVGRectElement) => Number(r.getAttribute('height'));
    // 110/120 = 91.7% and 15/25 = 60% on a 150-unit plot.
    expect(h(bar('000.00.01.H56', '2026-01'))).toBeCloseTo(137.5, 1);
    expect(h(bar('000.00.15.H56', '2026-01'))).toBeCloseTo(90, 1);
    expect(bar('000.00.01.H56', '2026-01').classList.contains('missed')).toBe(false);
    expect(bar('000.00.15.H56', '2026-01').classList.contains('missed')).toBe(true);
    const target = chart.querySelector('line.target[data-month="2026-01"]')!;
    expect(Number(target.getAttribute('y1'))).toBeCloseTo(14 + 150 * 0.1, 5);
    expect(chart.querySelectorAll('line.target')).toHaveLength(4);
  });

  it('tells screen readers what the chart shows: name from caption and summary, targets met, lowest share', async () => {
    const el = await mount();
    const chart = $$(el, '[part=chart]')[0]!;
    const svg = chart.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('group');
    const ids = svg.getAttribute('aria-labelledby')!.split(' ');
    const name = ids.map((id) => text(el.shadowRoot!.getElementById(id))).join(' ');
    // electronicOnly ≥ 90%: VP 91.7, 92, 96.2, 97.8 (4) · SNV 75, 86.8, 91.1, 92 (2) · STC 60, –, 90, 90.9 (2) → 8 of 11.
    expect(name).toBe(
      'Tỷ lệ văn bản đi gửi hoàn toàn điện tử 8 trên 11 lượt cơ quan–tháng đạt chỉ tiêu. Thấp nhất: Sở Tài chính, tháng 01/2026: 60%.',
    );
  });

  it('follows configurable targets: a single share, steps, or none', async () => {
    const el = await mount();
    el.targets = { electronicOnly: 0.5, signed: [{ since: '2026-03', share: 1 }], sameDay: null };
    await el.updateComplete;
    const [eo, signed, same] = $$(el, '[part=chart]');
    expect(text(eo!.querySelector('[part=chart-summary]'))).toMatch(/^11 trên 11 lượt/);
    expect(signed!.querySelectorAll('line.target')).toHaveLength(2);
    // From March on only 100% meets the target: VP 129/130 misses in March, 90/90 meets in April.
    expect(signed!.querySelector('rect[data-agency="000.00.01.H56"][data-month="2026-03"]')!.classList.contains('missed')).toBe(true);
    expect(signed!.querySelector('rect[data-agency="000.00.01.H56"][data-month="2026-04"]')!.classList.contains('missed')).toBe(false);
    expect(same!.querySelectorAll('line.target')).toHaveLength(0);
    expect(text(same!.querySelector('[part=chart-summary]'))).toMatch(/^Không đặt chỉ tiêu\./);
  });

  it('shows the same figures as a table, with the verdict in words', async () => {
    const el = await mount();
    const views: string[] = [];
    el.addEventListener('egov-edoc-stats-view', (e: EgovEdocStatsViewEvent) => views.push(e.detail.view));
    await userEvent.click(viewButton(el, 1));
    expect(el.view).toBe('table');
    expect(el.getAttribute('view')).toBe('table');
    expect(views).toEqual(['table']);
    expect(viewButton(el, 1).getAttribute('aria-pressed')).toBe('true');
    const rows = $$(el, '[part=table] tbody tr');
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual([
      ...Array(4).fill('Văn phòng UBND tỉnh'),
      ...Array(4).fill('Sở Nội vụ'),
      ...Array(4).fill('Sở Tài chính'),
    ]);
    const cells = [...rows[0]!.querySelectorAll('td')].map((c) => text(c));
    expect(cells).toEqual(['01/2026', '120', '91,7% (đạt, chỉ tiêu 90%)', '98,3% (đạt, chỉ tiêu 90%)', '200', '85% (chưa đạt, chỉ tiêu 90%)']);
    expect(text(rows[9]!.querySelectorAll('td')[2])).toBe('không có văn bản');
    expect($$(el, '[part=chart]')).toHaveLength(0);
  });

  it('exports the CSV: typed, cancelable event with UTF-8 BOM text that parses back to the rows', async () => {
    const el = await mount();
    const seen: EgovEdocStatsExportEvent['detail'][] = [];
    host.addEventListener(
      'egov-edoc-stats-export',
      (e: EgovEdocStatsExportEvent) => {
        seen.push(e.detail);
        e.preventDefault();
      },
      { once: true },
    );
    const createUrl = vi.spyOn(URL, 'createObjectURL');
    await userEvent.click($(el, '[part=export-button]'));
    expect(createUrl).not.toHaveBeenCalled();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.filename).toBe('bao-cao-van-ban-dien-tu.csv');
    expect(seen[0]!.csv.charCodeAt(0)).toBe(0xfeff);
    const records: string[][] = parse(seen[0]!.csv, { bom: true });
    expect(records).toHaveLength(13);
    expect(records[1]!.slice(0, 3)).toEqual(['000.00.01.H56', 'Văn phòng UBND tỉnh', '2026-01']);
    await expect.poll(() => text($(el, '[part=status]'))).toBe('Đã tạo tệp CSV gồm 12 dòng số liệu.');
  });

  it('downloads the CSV as a UTF-8 file with BOM when the event is not cancelled', async () => {
    const el = await mount(html`<egov-edoc-stats filename="bao-cao.csv" .data=${sampleRows()}></egov-edoc-stats>`);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:egov-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });
    await userEvent.click($(el, '[part=export-button]'));
    expect(clicked).toEqual(['bao-cao.csv blob:egov-test']);
    expect(blob!.type).toBe('text/csv;charset=utf-8');
    expect([...new Uint8Array(await blob!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('is used with the keyboard alone: Tab to the buttons, Enter and Space press them', async () => {
    const el = await mount(html`<button>trước</button><egov-edoc-stats .data=${sampleRows()}></egov-edoc-stats>`);
    host.querySelector('button')!.focus();
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(viewButton(el, 0));
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(viewButton(el, 1));
    await userEvent.keyboard('{Enter}');
    expect(el.view).toBe('table');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe($(el, '[part=export-button]'));
    let exported = 0;
    el.addEventListener('egov-edoc-stats-export', (e) => {
      exported += 1;
      e.preventDefault();
    });
    await userEvent.keyboard(' ');
    expect(exported).toBe(1);
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    await userEvent.keyboard(' ');
    expect(el.view).toBe('chart');
  });

  it('lists rows it cannot draw, located, and draws the others', async () => {
    const rows = sampleRows();
    rows[2] = { ...rows[2]!, outgoing: { total: 5, electronicOnly: 6, signed: 1 } };
    const el = await mount(html`<egov-edoc-stats .data=${rows}></egov-edoc-stats>`);
    expect(el.problems).toHaveLength(1);
    expect($(el, '[part=problems]').getAttribute('role')).toBe('alert');
    expect(text($(el, '[part=problems] li'))).toBe('Dòng 3 (outgoing.electronicOnly): lớn hơn tổng (6 > 5)');
    expect(el.rows).toHaveLength(11);
  });

  it('says when there is no data and disables the export', async () => {
    const el = await mount(html`<egov-edoc-stats></egov-edoc-stats>`);
    expect(text($(el, '[part=empty]'))).toBe('Chưa có số liệu.');
    expect(($(el, '[part=export-button]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('has no accessibility violation in chart, table, problem and empty states, light and dark', async () => {
    const el = await mount();
    await expectAxeClean(el);
    el.view = 'table';
    await el.updateComplete;
    await expectAxeClean(el);
    host.setAttribute('data-theme', 'dark');
    await expectAxeClean(el);
    el.view = 'chart';
    await el.updateComplete;
    await expectAxeClean(el);
    host.removeAttribute('data-theme');
    el.data = [{ ...sampleRows()[0]!, month: 'x' }];
    await el.updateComplete;
    await expectAxeClean(el);
  });

  it('speaks Vietnamese under lang="vi" and English under lang="en", CSV included', async () => {
    const el = await mount(html`<egov-edoc-stats view="table" .data=${sampleRows()}></egov-edoc-stats>`);
    expect(text(viewButton(el, 0))).toBe('Biểu đồ');
    host.setAttribute('lang', 'en');
    await expect.poll(() => text(viewButton(el, 0))).toBe('Chart');
    expect(text($(el, '[part=title]'))).toBe('Use of electronic documents');
    expect(text($(el, '[part=export-button]'))).toBe('Download CSV');
    expect(text($$(el, '[part=table] tbody td')[2])).toBe('91.7% (met, target 90%)');
    expect(el.toCsv().slice(1, 12)).toBe('Agency code');
  });
});
