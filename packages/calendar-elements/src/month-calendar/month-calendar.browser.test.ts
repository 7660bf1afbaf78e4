import { clearTranslations, registerTranslation } from '@egov-vn/elements-core';
import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clear, host, mount, shadow, text } from '../internal/test-host.js';
import { EgovMonthCalendar } from './month-calendar.js';
import type { EgovMonthCalendarNavigateEvent, EgovMonthCalendarSelectEvent, MonthCalendarEvent } from './month-calendar.js';

beforeEach(clear);

const cell = (el: EgovMonthCalendar, iso: string) => shadow(el, `td[data-date="${iso}"]`);
const focused = (el: EgovMonthCalendar) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.date;

describe('<egov-month-calendar>', () => {
  it('renders a Monday-first grid with lunar day numbers, d/m on the first of a lunar month', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-02" today="2026-02-10"></egov-month-calendar>`);
    expect(customElements.get('egov-month-calendar')).toBe(EgovMonthCalendar);
    expect(text(shadow(el, '[part=title]'))).toBe('Tháng 2 năm 2026');
    const heads = [...el.shadowRoot!.querySelectorAll('th')].map((th) => text(th));
    expect(heads).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    // 1 Feb 2026 is a Sunday: the grid starts on Monday 26 Jan.
    expect(el.shadowRoot!.querySelector('td')!.dataset.date).toBe('2026-01-26');
    // Tết Bính Ngọ: 17/02/2026 is 1/1 lunar.
    expect(text(cell(el, '2026-02-17').querySelector('.lunar'))).toBe('1/1');
    expect(text(cell(el, '2026-02-18').querySelector('.lunar'))).toBe('2');
    expect(text(cell(el, '2026-02-17'))).toContain('Tết Nguyên đán');
    expect(cell(el, '2026-02-10').getAttribute('aria-current')).toBe('date');
  });

  it('shows announced swaps: the day off and the make-up Saturday', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-01"></egov-month-calendar>`);
    expect(cell(el, '2026-01-02').classList.contains('off')).toBe(true);
    expect(text(cell(el, '2026-01-10'))).toContain('Làm bù cho ngày 02/01/2026');
    expect(cell(el, '2026-01-10').classList.contains('off')).toBe(false);
  });

  it('lists events up to max-events and counts the rest as +N', async () => {
    const events: MonthCalendarEvent[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ date: '2026-03-04', title: `Họp ${i}`, time: `${String(i + 7).padStart(2, '0')}:00` })),
      { date: '2026-03-10', end: '2026-03-12', title: 'Hội nghị' },
    ];
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-03" .events=${events} max-events="2"></egov-month-calendar>`);
    const c = cell(el, '2026-03-04');
    expect([...c.querySelectorAll('[part=event]')].map((x) => text(x))).toEqual(['07:00 Họp 0', '08:00 Họp 1']);
    expect(text(c.querySelector('[part=more] [aria-hidden]'))).toBe('+3');
    expect(text(c.querySelector('[part=more] .visually-hidden'))).toBe('và 3 sự kiện khác');
    for (const d of ['2026-03-10', '2026-03-11', '2026-03-12']) expect(text(cell(el, d))).toContain('Hội nghị');
    expect(text(cell(el, '2026-03-13'))).not.toContain('Hội nghị');
  });

  it('moves focus with arrows, Home/End and PageUp/PageDown, and selects with Enter', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar value="2026-03-11"></egov-month-calendar>`);
    const months: string[] = [];
    const chosen: string[] = [];
    el.addEventListener('egov-month-calendar-navigate', (e: EgovMonthCalendarNavigateEvent) => months.push(e.detail.month));
    el.addEventListener('egov-month-calendar-select', (e: EgovMonthCalendarSelectEvent) => chosen.push(e.detail.date));
    cell(el, '2026-03-11').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(focused(el)).toBe('2026-03-12');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(el)).toBe('2026-03-19');
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}');
    expect(focused(el)).toBe('2026-03-11');
    await userEvent.keyboard('{Home}');
    expect(focused(el)).toBe('2026-03-09');
    await userEvent.keyboard('{End}');
    expect(focused(el)).toBe('2026-03-15');
    await userEvent.keyboard('{PageDown}');
    await el.updateComplete;
    expect(focused(el)).toBe('2026-04-15');
    expect(el.month).toBe('2026-04');
    await userEvent.keyboard('{PageUp}{PageUp}');
    await el.updateComplete;
    expect(focused(el)).toBe('2026-02-15');
    await userEvent.keyboard('{Shift>}{PageDown}{/Shift}');
    await el.updateComplete;
    expect(focused(el)).toBe('2027-02-15');
    await userEvent.keyboard('{ArrowLeft}{Enter}');
    expect(chosen).toEqual(['2027-02-14']);
    expect(el.value).toBe('2027-02-14');
    expect(months).toEqual(['2026-04', '2026-03', '2026-02', '2027-02']);
    expect(el.shadowRoot!.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);
    expect(text(shadow(el, '[role=status]'))).toBe('Đang xem Tháng 2 năm 2027');
  });

  it('crosses months with the arrows and refuses disabled days', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-02" min="2026-02-03" disable-non-working></egov-month-calendar>`);
    const chosen: string[] = [];
    el.addEventListener('egov-month-calendar-select', (e: EgovMonthCalendarSelectEvent) => chosen.push(e.detail.date));
    expect(cell(el, '2026-02-02').getAttribute('aria-disabled')).toBe('true');
    expect(cell(el, '2026-02-17').getAttribute('aria-disabled')).toBe('true');
    // Playwright refuses to click aria-disabled cells; a script (or assistive technology) still can.
    cell(el, '2026-02-17').click();
    cell(el, '2026-02-02').click();
    await userEvent.click(cell(el, '2026-02-05'));
    expect(chosen).toEqual(['2026-02-05']);
    cell(el, '2026-02-28').focus();
    el.focusDate('2026-02-28');
    await el.updateComplete;
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.month).toBe('2026-03');
    expect(focused(el)).toBe('2026-03-01');
  });

  it('changes month with the header buttons', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-12"></egov-month-calendar>`);
    const [prev, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=nav-button]');
    await userEvent.click(next!);
    expect(el.month).toBe('2027-01');
    await userEvent.click(prev!);
    await userEvent.click(prev!);
    expect(el.month).toBe('2026-11');
  });

  it('has no accessibility violation, with events and selection', async () => {
    const events = Array.from({ length: 20 }, (_, i) => ({ date: `2026-04-${String((i % 28) + 1).padStart(2, '0')}`, title: `Sự kiện ${i}` }));
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-04" value="2026-04-27" .events=${events}></egov-month-calendar>`);
    await expectAxeClean(el);
    el.compact = true;
    el.disableNonWorking = true;
    await el.updateComplete;
    await expectAxeClean(el);
  });

  it('speaks English under lang="en"', async () => {
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2026-04"></egov-month-calendar>`);
    host.setAttribute('lang', 'en');
    await expect.poll(() => text(shadow(el, '[part=title]'))).toBe('April 2026');
    expect(text(cell(el, '2026-04-27'))).toContain('Hùng Kings');
    expect(shadow(el, '[part=nav-button]').getAttribute('aria-label')).toBe('Previous month');
  });

  it('writes its month title and the leap-month word from its catalogue (registerTranslation reaches them)', async () => {
    // August 2025 holds days of the leap sixth lunar month (6 nhuận, 2025-07-25 to 2025-08-22).
    const el = await mount('egov-month-calendar', html`<egov-month-calendar month="2025-08" today="2025-08-01"></egov-month-calendar>`);
    expect(cell(el, '2025-08-01').textContent).toContain('8/6 nhuận');
    try {
      registerTranslation('vi', { 'egov-month-calendar': { monthTitle: (month: number, year: number) => `Tháng ${month}/${year}`, leapMonth: '(nhuận)' } });
      await expect.poll(() => text(shadow(el, '[part=title]'))).toBe('Tháng 8/2025');
      expect(cell(el, '2025-08-01').textContent).toContain('8/6 (nhuận)');
    } finally {
      clearTranslations();
    }
  });
});
