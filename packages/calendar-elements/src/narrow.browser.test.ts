// Usable on a 360 px phone: the week schedule becomes a day list, the month calendar keeps seven columns without
// horizontal overflow or clipped text, and both stay axe-clean (expectAxeClean runs the WCAG 2.2 A/AA tags).
import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html } from 'lit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { clear, host, mount, shadow, text } from './internal/test-host.js';
import './month-calendar/month-calendar.js';
import type { MonthCalendarEvent } from './month-calendar/month-calendar.js';
import { sampleWeek } from './week-schedule/fixtures.js';
import './week-schedule/week-schedule.js';

beforeAll(async () => {
  await page.viewport(360, 740);
});
afterAll(async () => {
  await page.viewport(1280, 720);
});
beforeEach(() => {
  clear();
  host.style.width = '';
});

/** Nothing wider than its box: the element, every descendant of its shadow root, and the page. */
function expectNoHorizontalOverflow(el: HTMLElement): void {
  expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
  const base = shadow(el, '[part=base]');
  expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const r = node.getBoundingClientRect();
    if (r.width === 0) continue;
    expect.soft(r.right, `${node.localName}.${node.className} right edge`).toBeLessThanOrEqual(360.5);
  }
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
}

/** Text is not cut: no element clips its content horizontally or vertically. */
function expectNothingClipped(root: ShadowRoot, selector: string): void {
  for (const node of root.querySelectorAll<HTMLElement>(selector)) {
    expect.soft(node.scrollWidth, `${node.localName}.${node.className} "${text(node)}" width`).toBeLessThanOrEqual(node.clientWidth + 1);
    expect.soft(node.scrollHeight, `${node.localName}.${node.className} "${text(node)}" height`).toBeLessThanOrEqual(node.clientHeight + 1);
  }
}

describe('<egov-week-schedule> at 360 px', () => {
  it('is a list of days: one card per day, the column headings as labels before each value, no overflow, axe-clean', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    expectNoHorizontalOverflow(el);
    const table = shadow(el, 'table');
    expect(getComputedStyle(table).display).toBe('block');
    // The heading row is kept for screen readers, out of sight.
    expect(shadow(el, 'thead').getBoundingClientRect().height).toBeLessThanOrEqual(1);
    // Days one under another, each as wide as the element.
    const days = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody')];
    expect(days).toHaveLength(7);
    for (let i = 1; i < days.length; i++) {
      expect(days[i]!.getBoundingClientRect().top).toBeGreaterThanOrEqual(days[i - 1]!.getBoundingClientRect().bottom);
      expect(days[i]!.getBoundingClientRect().width).toBeGreaterThan(300);
    }
    // An entry reads "08:00", the content, then "Chủ trì: …", "Địa điểm: …" one under another.
    const entry = shadow(el, 'tr[data-id=a1]');
    const chair = entry.querySelector<HTMLElement>('td[data-label="Chủ trì"]')!;
    expect(getComputedStyle(chair, '::before').content).toBe('"Chủ trì: "');
    const cells = [...entry.querySelectorAll<HTMLElement>('td')].filter((c) => c.getBoundingClientRect().height > 0);
    for (let i = 1; i < cells.length; i++) {
      expect(cells[i]!.getBoundingClientRect().top).toBeGreaterThanOrEqual(cells[i - 1]!.getBoundingClientRect().bottom - 0.5);
    }
    // Empty cells (no chair, no place) take no room.
    await expectAxeClean(el);
  });

  it('keeps the table at 480 px and wider, and follows its own width (a narrow column on a wide page)', async () => {
    await page.viewport(1024, 740);
    try {
      host.style.width = '1000px';
      const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
      expect(getComputedStyle(shadow(el, 'table')).display).toBe('table');
      host.style.width = '400px';
      await new Promise(requestAnimationFrame);
      expect(getComputedStyle(shadow(el, 'table')).display).toBe('block');
    } finally {
      await page.viewport(360, 740);
    }
  });

  it('edits in a one-column form that fits the phone, and the focus returns to the add button', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule editable .schedule=${sampleWeek()}></egov-week-schedule>`);
    expectNoHorizontalOverflow(el);
    const add = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Thêm lịch')!;
    add.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => el.shadowRoot!.querySelector('dialog')?.open).toBe(true);
    const dialog = shadow(el, 'dialog');
    expect(dialog.getBoundingClientRect().right).toBeLessThanOrEqual(360);
    const labels = [...dialog.querySelectorAll<HTMLElement>('form label')];
    expect(new Set(labels.map((l) => Math.round(l.getBoundingClientRect().left))).size).toBe(1);
    for (const control of dialog.querySelectorAll<HTMLElement>('input, select, textarea')) {
      expect(control.getBoundingClientRect().right).toBeLessThanOrEqual(dialog.getBoundingClientRect().right);
    }
    await expectAxeClean(el);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => el.shadowRoot!.querySelector('dialog')?.open ?? false).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(add);
  });
});

describe('<egov-month-calendar> at 360 px', () => {
  const events: MonthCalendarEvent[] = [
    { date: '2026-04-06', time: '08:00', title: 'Giao ban đầu tuần' },
    { date: '2026-04-06', time: '14:00', title: 'Họp Ban chỉ đạo chuyển đổi số' },
    { date: '2026-04-08', end: '2026-04-10', title: 'Hội nghị tổng kết' },
    ...Array.from({ length: 7 }, (_, i) => ({ date: '2026-04-15', time: `${String(8 + i).padStart(2, '0')}:00`, title: `Tiếp công dân ${i + 1}` })),
  ];

  it('keeps seven columns inside the screen, day cells at least 44 px, holiday names and events not cut, axe-clean', async () => {
    const el = await mount(
      'egov-month-calendar',
      html`<egov-month-calendar month="2026-04" today="2026-04-14" .events=${events}></egov-month-calendar>`,
    );
    expectNoHorizontalOverflow(el);
    const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('td[part=day]')];
    expect(cells.length).toBeGreaterThanOrEqual(28);
    for (const c of cells) {
      const r = c.getBoundingClientRect();
      expect.soft(r.width, `${c.dataset.date} width`).toBeGreaterThanOrEqual(44);
      expect.soft(r.height, `${c.dataset.date} height`).toBeGreaterThanOrEqual(44);
    }
    // "Giỗ Tổ Hùng Vương" (26/4) and the events wrap inside their cell.
    expect(text(shadow(el, 'td[data-date="2026-04-26"] .note'))).toContain('Giỗ Tổ');
    expectNothingClipped(el.shadowRoot!, 'td[part=day], .note, li, .solar, .lunar, .title');
    for (const li of el.shadowRoot!.querySelectorAll<HTMLElement>('li')) {
      const cell = li.closest('td')!.getBoundingClientRect();
      expect.soft(li.getBoundingClientRect().right, `${text(li)} right edge`).toBeLessThanOrEqual(cell.right + 0.5);
      expect.soft(parseFloat(getComputedStyle(li).fontSize), `${text(li)} font size`).toBeGreaterThanOrEqual(12);
    }
    await expectAxeClean(el);
  });

  it('every day is reachable from the keyboard at 360 px and the focused cell is in view', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-04" value="2026-04-01"></egov-month-calendar>`);
    shadow(el, 'td[data-date="2026-04-01"]').focus();
    for (let i = 0; i < 29; i++) await userEvent.keyboard('{ArrowRight}');
    const active = el.shadowRoot!.activeElement as HTMLElement;
    expect(active.dataset.date).toBe('2026-04-30');
    const r = active.getBoundingClientRect();
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(360);
  });
});
