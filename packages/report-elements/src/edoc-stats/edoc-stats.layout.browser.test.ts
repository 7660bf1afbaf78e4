// Layout of <egov-edoc-stats> charts measured in a real browser: label sizes in CSS pixels at phone and desktop
// widths, the one-agency-one-month case, "no data" drawn apart from 0 %, values on hover and keyboard focus.
import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { EdocStatsRow } from '../stats.js';
import { sampleRows } from './fixtures.js';
import './edoc-stats.js';
import type { EgovEdocStats } from './edoc-stats.js';
import styles from './edoc-stats.styles.js';

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => {
  render(html``, host);
  host.style.width = '';
});

async function mount(data: readonly EdocStatsRow[], width: number): Promise<EgovEdocStats> {
  host.style.width = `${width}px`;
  render(html`<egov-edoc-stats .data=${data}></egov-edoc-stats>`, host);
  const el = host.querySelector('egov-edoc-stats')!;
  await el.updateComplete;
  // The charts are laid out from the measured width (ResizeObserver): wait until the drawn width matches the figure.
  await expect
    .poll(() => [...el.shadowRoot!.querySelectorAll('figure')].every((f) => Math.abs(f.querySelector('svg')!.getBoundingClientRect().width - f.clientWidth) < 1))
    .toBe(true);
  await el.updateComplete;
  return el;
}

const charts = (el: EgovEdocStats) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=chart]')];
/** The font size of an SVG text as drawn on screen, in CSS pixels (its font-size times the SVG's scale). */
function renderedFontPx(t: SVGTextElement): number {
  return Number.parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a;
}
const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** `agencies` × `months` rows of 2025, shares varying. */
function manyRows(agencies: number, months: number): EdocStatsRow[] {
  const rows: EdocStatsRow[] = [];
  for (let a = 0; a < agencies; a++) {
    for (let m = 1; m <= months; m++) {
      const total = 50 + a * 7 + m;
      rows.push({
        agency: `000.00.${String(a + 1).padStart(2, '0')}.H56`,
        agencyName: `Cơ quan ${a + 1}`,
        month: `2025-${String(m).padStart(2, '0')}`,
        outgoing: { total, electronicOnly: total - ((a + m) % 9), signed: total - ((a * m) % 7) },
        incoming: { received: total, acknowledgedSameDay: total - ((a + 2 * m) % 11) },
      });
    }
  }
  return rows;
}

describe('<egov-edoc-stats> layout', () => {
  for (const width of [320, 1440]) {
    it(`draws axis labels at 12 px or more, not blown up, at ${width} px wide; month labels thinned, not overlapping, not clipped`, async () => {
      const labelCounts: number[] = [];
      for (const data of [sampleRows(), manyRows(6, 12)]) {
        const el = await mount(data, width);
        for (const chart of charts(el)) {
          const svg = chart.querySelector('svg')!;
          const texts = [...svg.querySelectorAll<SVGTextElement>('text.tick, text.label')];
          expect(texts.length).toBeGreaterThan(5);
          const sizes = texts.map(renderedFontPx);
          console.info(`[edoc-stats] ${width}px, ${data.length} rows: label px ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)}, chart ${svg.getBoundingClientRect().height.toFixed(0)} px tall`);
          for (const px of sizes) {
            expect(px).toBeGreaterThanOrEqual(12);
            expect(px).toBeLessThanOrEqual(16);
          }
          const labels = [...svg.querySelectorAll<SVGTextElement>('text.label')].map((t) => t.getBoundingClientRect());
          for (let i = 1; i < labels.length; i++) expect(labels[i]!.left).toBeGreaterThanOrEqual(labels[i - 1]!.right);
          for (const r of labels) expect(inside(r, svg.getBoundingClientRect())).toBe(true);
          expect(labels.length).toBeGreaterThan(0);
          labelCounts.push(labels.length);
        }
      }
      // 4 months are all labelled; 12 months get every 3rd label in a 320 px column, every 2nd in a ~470 px one.
      expect(labelCounts).toEqual(width === 320 ? [4, 4, 4, 4, 4, 4] : [4, 4, 4, 6, 6, 6]);
    });
  }

  it('keeps one agency in one month a normal chart: labels 12–16 px, height under 260 px, month label inside', async () => {
    const one = [sampleRows()[0]!];
    for (const width of [320, 1440]) {
      const el = await mount(one, width);
      for (const chart of charts(el)) {
        const svg = chart.querySelector('svg')!;
        const box = svg.getBoundingClientRect();
        console.info(`[edoc-stats] one agency, one month at ${width}px: chart ${box.height.toFixed(0)} px tall, labels ${[...svg.querySelectorAll<SVGTextElement>('text.tick, text.label')].map((t) => renderedFontPx(t).toFixed(1)).join('/')} px`);
        expect(box.height).toBeLessThan(260);
        for (const t of svg.querySelectorAll<SVGTextElement>('text.tick, text.label')) {
          expect(renderedFontPx(t)).toBeGreaterThanOrEqual(12);
          expect(renderedFontPx(t)).toBeLessThanOrEqual(16);
        }
        const label = svg.querySelector<SVGTextElement>('text.label')!;
        expect(label.textContent).toBe('01/2026');
        expect(inside(label.getBoundingClientRect(), box)).toBe(true);
        const bar = svg.querySelector('.bar')!.getBoundingClientRect();
        expect(bar.width).toBeLessThanOrEqual(48);
      }
    }
  });

  it('lines the plots of one row up even when a chart title wraps', async () => {
    // Find a width with three columns where the titles wrap onto different numbers of lines.
    let el!: EgovEdocStats;
    let heights: number[] = [];
    search: for (const lang of ['vi', 'en']) {
      host.setAttribute('lang', lang);
      for (let width = 900; width <= 1440; width += 30) {
        el = await mount(sampleRows(), width);
        // The caption's text, not its box (the subgrid stretches the boxes of one row to the same height).
        heights = charts(el).map((f) => {
          const range = document.createRange();
          range.selectNodeContents(f.querySelector('figcaption')!);
          return range.getBoundingClientRect().height;
        });
        if (Math.max(...heights) > Math.min(...heights) + 5) break search;
      }
    }
    expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights) + 5);
    const [a, b, c] = charts(el);
    expect(a!.getBoundingClientRect().top).toBeCloseTo(c!.getBoundingClientRect().top, 0);
    const svgTops = [a, b, c].map((f) => f!.querySelector('svg')!.getBoundingClientRect().top);
    expect(svgTops[1]).toBeCloseTo(svgTops[0]!, 0);
    expect(svgTops[2]).toBeCloseTo(svgTops[0]!, 0);
  });

  it('keeps the "!" of a bar below its target clear of the target line', async () => {
    // Just under target (88 %, target 90 %): the mark above the bar would cross the line.
    const rows = manyRows(3, 4).map((r, i) => (i % 2 ? r : { ...r, outgoing: { total: 100, electronicOnly: 88, signed: 89 } }));
    for (const width of [320, 1440]) {
      const el = await mount(rows, width);
      let marks = 0;
      for (const chart of charts(el)) {
        for (const mark of chart.querySelectorAll<SVGTextElement>('text.missed-mark')) {
          marks += 1;
          const line = chart.querySelector(`line.target[data-month="${mark.dataset['month']}"]`)!;
          const l = line.getBoundingClientRect();
          // The line's box is its stroke (2 px); grow it by its dash width so a touching glyph counts.
          const box = new DOMRect(l.left, l.top - 1, l.width, l.height + 2);
          expect(overlap(mark.getBoundingClientRect(), box)).toBe(false);
        }
      }
      expect(marks).toBeGreaterThan(4);
    }
  });

  it('draws a month without documents as "no data", apart from a 0 % bar, named for screen readers', async () => {
    const rows = sampleRows();
    // Sở Nội vụ sent 10 documents in January, none of them electronically only: 0 %, not "no data".
    rows[4] = { ...rows[4]!, outgoing: { total: 10, electronicOnly: 0, signed: 0 } };
    const el = await mount(rows, 1000);
    const chart = charts(el)[0]!;
    const none = chart.querySelector<SVGElement>('.no-data[data-agency="000.00.15.H56"][data-month="2026-02"]')!;
    expect(none).not.toBeNull();
    expect(none.getAttribute('aria-label')).toBe('Sở Tài chính, tháng 02/2026: không có văn bản');
    const zero = chart.querySelector<SVGElement>('.bar[data-agency="000.00.12.H56"][data-month="2026-01"]')!;
    expect(zero.getAttribute('aria-label')).toBe('Sở Nội vụ, tháng 01/2026: 0% (chưa đạt, chỉ tiêu 90%)');
    // Drawn differently: the 0 % bar is a filled sliver on the axis, "no data" a dashed outline with a label.
    expect(zero.getBoundingClientRect().height).toBeGreaterThanOrEqual(1.5);
    expect(getComputedStyle(zero).fill).not.toBe('none');
    const noneStyle = getComputedStyle(none.querySelector('rect')!);
    expect(noneStyle.fill).toBe('none');
    expect(noneStyle.strokeDasharray).not.toBe('none');
    expect(none.getBoundingClientRect().height).toBeGreaterThan(zero.getBoundingClientRect().height * 4);
    // The legend says what the outline means.
    expect(el.shadowRoot!.querySelector('[part=legend]')!.textContent).toContain('không có văn bản');
    await expectAxeClean(el);
  });

  it('shows a bar’s value on hover and on keyboard focus; arrows move between bars, one Tab stop per chart', async () => {
    const el = await mount(sampleRows(), 1000);
    const chart = charts(el)[0]!;
    const tip = () => el.shadowRoot!.querySelector<HTMLElement>('[part=tooltip]');
    const bar = chart.querySelector<SVGElement>('.bar[data-agency="000.00.15.H56"][data-month="2026-01"]')!;
    await userEvent.hover(bar);
    await expect.poll(() => tip()?.textContent.trim()).toBe('Sở Tài chính, tháng 01/2026: 60% (chưa đạt, chỉ tiêu 90%)');
    expect(chart.contains(tip())).toBe(true);
    await userEvent.unhover(bar);
    await expect.poll(() => tip()).toBeNull();

    const focusable = [...el.shadowRoot!.querySelectorAll<SVGElement>('[tabindex="0"]')].filter((n) => n instanceof SVGElement);
    expect(focusable).toHaveLength(3);
    (el.shadowRoot!.querySelector('[part=export-button]') as HTMLElement).focus();
    await userEvent.tab();
    const first = chart.querySelector<SVGElement>('[data-agency="000.00.01.H56"][data-month="2026-01"]')!;
    expect(el.shadowRoot!.activeElement).toBe(first);
    await expect.poll(() => tip()?.textContent.trim()).toBe('Văn phòng UBND tỉnh, tháng 01/2026: 91,7% (đạt, chỉ tiêu 90%)');
    await userEvent.keyboard('{ArrowRight}');
    const second = chart.querySelector<SVGElement>('[data-agency="000.00.12.H56"][data-month="2026-01"]')!;
    await expect.poll(() => el.shadowRoot!.activeElement).toBe(second);
    await expect.poll(() => tip()?.textContent.trim()).toBe('Sở Nội vụ, tháng 01/2026: 75% (chưa đạt, chỉ tiêu 90%)');
    expect(second.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('tabindex')).toBe('-1');
    await userEvent.keyboard('{End}');
    await expect.poll(() => el.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('Sở Tài chính, tháng 04/2026: 90,9% (đạt, chỉ tiêu 90%)');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => tip()).toBeNull();
    await userEvent.tab();
    expect(charts(el)[1]!.contains(el.shadowRoot!.activeElement)).toBe(true);
    await expectAxeClean(el);
  });

  it('has a print layout: no toolbar or tooltip, one chart per row, charts not split across pages', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(String(styles));
    const print = [...sheet.cssRules].find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print')!;
    expect(print).toBeDefined();
    const rule = (sel: string) => [...print.cssRules].find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.split(', ').includes(sel));
    expect(rule('.toolbar')!.style.display).toBe('none');
    expect(rule('.tooltip')!.style.display).toBe('none');
    expect(rule('.charts')!.style.gridTemplateColumns).toBe('1fr');
    expect(rule('figure')!.style.breakInside).toBe('avoid');
  });
});
