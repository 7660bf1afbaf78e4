import { WorkCalendar } from '@egov-vn/calendar';
import { clearTranslations, registerTranslation } from '@egov-vn/elements-core';
import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { clear, host, mount, shadow, text } from '../internal/test-host.js';
import { EgovDeadline } from './deadline.js';
import type { EgovDeadlineChangeEvent } from './deadline.js';

beforeEach(clear);

describe('<egov-deadline>', () => {
  it('is registered and counts working days across Tết 2026', async () => {
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-02-26" today="2026-02-13"></egov-deadline>`);
    expect(customElements.get('egov-deadline')).toBe(EgovDeadline);
    // 14–22/02 are Tết days off: Fri 13/02 → 23, 24, 25, 26 = 4 working days.
    expect(text(shadow(el, '[part=label]'))).toBe('Còn 4 ngày làm việc');
    expect(el.getAttribute('status')).toBe('on-track');
    expect(shadow(el, '[part=base]').getAttribute('aria-label')).toBe('Hạn xử lý 26/02/2026: Còn 4 ngày làm việc');
  });

  it('shows overdue, due today and due soon in words', async () => {
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-03-02" today="2026-03-05"></egov-deadline>`);
    expect(text(shadow(el, '[part=label]'))).toBe('Quá hạn 3 ngày làm việc');
    expect(el.status).toBe('overdue');
    el.today = '2026-03-02';
    await el.updateComplete;
    expect(text(shadow(el, '[part=label]'))).toBe('Đến hạn hôm nay');
    el.today = '2026-02-27';
    await el.updateComplete;
    expect(el.status).toBe('due-soon');
    expect(text(shadow(el, '[part=label]'))).toBe('Sắp đến hạn: còn 1 ngày làm việc');
  });

  it('emits a typed egov-deadline-change when the status changes', async () => {
    const seen: string[] = [];
    host.addEventListener('egov-deadline-change', (e: EgovDeadlineChangeEvent) => seen.push(`${e.detail.status}:${e.detail.workingDaysLeft}`));
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-03-02" today="2026-03-02"></egov-deadline>`);
    el.today = '2026-03-03';
    await el.updateComplete;
    expect(seen).toEqual(['due-today:0', 'overdue:-1']);
  });

  it('uses the given work calendar (an agency day off)', async () => {
    const cal = new WorkCalendar({ overrides: { daysOff: [{ date: '2026-03-03', name: 'Ngày thành lập' }] } });
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-03-04" today="2026-03-02" .calendar=${cal}></egov-deadline>`);
    expect(el.info?.workingDaysLeft).toBe(1);
  });

  it('says when the due date is invalid', async () => {
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-02-30"></egov-deadline>`);
    expect(text(shadow(el, '[part=label]'))).toBe('Chưa có hạn xử lý hợp lệ');
    expect(el.status).toBe('');
  });

  it('has no accessibility violation in every state', async () => {
    for (const today of ['2026-03-05', '2026-03-02', '2026-02-27', '2026-02-10']) {
      const el = await mount('egov-deadline', html`<egov-deadline due="2026-03-02" today=${today}></egov-deadline>`);
      await expectAxeClean(el);
    }
  });

  it('speaks English under lang="en"', async () => {
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-03-02" today="2026-03-05"></egov-deadline>`);
    host.setAttribute('lang', 'en');
    await expect.poll(() => text(shadow(el, '[part=label]'))).toBe('Overdue by 3 working days');
    expect(shadow(el, '[part=base]').getAttribute('aria-label')).toBe('Due 02/03/2026: Overdue by 3 working days');
  });

  it('takes an integrator’s wording from registerTranslation (the status texts are in its catalogue)', async () => {
    const el = await mount('egov-deadline', html`<egov-deadline due="2026-02-26" today="2026-02-13"></egov-deadline>`);
    try {
      registerTranslation('vi', { 'egov-deadline': { onTrack: (days: number) => `Còn ${days} ngày` } });
      await expect.poll(() => text(shadow(el, '[part=label]'))).toBe('Còn 4 ngày');
    } finally {
      clearTranslations();
    }
    await expect.poll(() => text(shadow(el, '[part=label]'))).toBe('Còn 4 ngày làm việc');
  });
});
