import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { clear, host, mount, shadow, text } from '../internal/test-host.js';
import { sampleWeek } from './fixtures.js';
import { EgovWeekSchedule } from './week-schedule.js';
import type { EgovWeekScheduleChangeEvent, EgovWeekScheduleExportEvent, EgovWeekScheduleNavigateEvent } from './week-schedule.js';

beforeEach(clear);

const rows = (el: EgovWeekSchedule) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tr[part=entry]')];
const ids = (el: EgovWeekSchedule) => rows(el).map((r) => r.dataset.id);
const button = (el: EgovWeekSchedule, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b).includes(label))!;

describe('<egov-week-schedule>', () => {
  it('renders a real table: caption, repeating thead, one tbody per day with solar, lunar and holiday names', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    expect(customElements.get('egov-week-schedule')).toBe(EgovWeekSchedule);
    const table = shadow(el, 'table') as HTMLTableElement;
    expect(text(table.caption)).toContain('Lịch công tác tuần từ ngày 27/04/2026 đến ngày 03/05/2026');
    expect(text(table.caption)).toContain('(Điều chỉnh lần 1)');
    expect([...table.tHead!.rows[0]!.cells].map((c) => text(c))).toEqual([
      'Ngày', 'Buổi', 'Thời gian', 'Nội dung', 'Chủ trì', 'Thành phần', 'Địa điểm', 'Đơn vị chuẩn bị',
    ]);
    expect(table.tBodies).toHaveLength(7);
    const days = [...el.shadowRoot!.querySelectorAll('[part=day]')].map((d) => text(d));
    expect(days[0]).toBe('Thứ Hai 27/04/2026 Âm lịch 11/3 Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(days[3]).toContain('Ngày Chiến thắng');
    expect(days[6]).toContain('Chủ nhật 03/05/2026');
    // Sáng and Chiều rows in every day block.
    expect([...table.tBodies[0]!.querySelectorAll('th[scope=rowgroup]')].map((c) => text(c))).toEqual([
      expect.stringContaining('Thứ Hai'), 'Sáng', 'Chiều',
    ]);
    // Entries of the week only, by time.
    expect(ids(el)).toEqual(['a1', 'a2', 'a3', 'a4']);
    const a1 = rows(el)[0]!;
    expect([...a1.cells].slice(-6).map((c) => text(c))).toEqual([
      '08:00', 'Giao ban lãnh đạo UBND tỉnh', 'Chủ tịch Trần Văn A', 'Các Phó Chủ tịch, Chánh Văn phòng', 'Phòng họp số 1', 'Văn phòng UBND tỉnh',
    ]);
  });

  it('marks changed, postponed and cancelled entries with words', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    const status = (id: string) => text(rows(el).find((r) => r.dataset.id === id)!.querySelector('[part=status]'));
    expect(status('a1')).toBe('');
    expect(status('a2')).toBe('(Thay đổi)');
    expect(status('a3')).toBe('(Hủy)');
    expect(status('a4')).toBe('(Hoãn)');
    expect(rows(el).find((r) => r.dataset.id === 'a3')!.classList.contains('cancelled')).toBe(true);
  });

  it('marks entries added to a published schedule ("Bổ sung")', async () => {
    const week = sampleWeek();
    week.entries[0] = { ...week.entries[0]!, status: 'added' };
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${week}></egov-week-schedule>`);
    const status = (id: string) => text(rows(el).find((r) => r.dataset.id === id)!.querySelector('[part=status]'));
    expect(status('a1')).toBe('(Bổ sung)');
    el.lang = 'en';
    await el.updateComplete;
    expect(status('a1')).toBe('(Added)');
  });

  it('filters by leader and by unit', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    expect(el.leaders).toEqual(['Chủ tịch Trần Văn A', 'Phó Chủ tịch Lê Thị B']);
    const [leader, unit] = el.shadowRoot!.querySelectorAll('select');
    await userEvent.selectOptions(leader!, 'Phó Chủ tịch Lê Thị B');
    await el.updateComplete;
    expect(ids(el)).toEqual(['a2', 'a3']);
    await userEvent.selectOptions(leader!, '');
    await userEvent.selectOptions(unit!, 'Sở Tài chính');
    await el.updateComplete;
    expect(ids(el)).toEqual(['a2']);
  });

  it('navigates weeks and says so', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    const weeks: string[] = [];
    el.addEventListener('egov-week-schedule-navigate', (e: EgovWeekScheduleNavigateEvent) => weeks.push(`${e.detail.isoYear}-${e.detail.isoWeek}`));
    await userEvent.click(button(el, 'Tuần sau'));
    expect(el.week).toBe('2026-W19');
    expect(ids(el)).toEqual(['x']);
    expect(text(shadow(el, '[role=status]'))).toBe('Đang xem Tuần 19/2026');
    el.week = '2026-W01';
    await el.updateComplete;
    await userEvent.click(button(el, 'Tuần trước'));
    expect(el.week).toBe('2025-W52');
    expect(weeks).toEqual(['2026-19', '2025-52']);
  });

  it('exports the visible entries to iCalendar (lazily loaded module)', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    let got: EgovWeekScheduleExportEvent['detail'] | undefined;
    el.addEventListener('egov-week-schedule-export', (e: EgovWeekScheduleExportEvent) => {
      got = e.detail;
      e.preventDefault();
    });
    const ics = await el.exportICalendar();
    expect(got?.filename).toBe('lich-cong-tac-2026-W18.ics');
    expect(got?.ics).toBe(ics);
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics).toContain('Giao ban lãnh đạo UBND tỉnh');
    expect(ics).toContain('TZID=Asia/Ho_Chi_Minh');
  });

  it('prints as A4 landscape: a named page installed in the document', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText));
    expect(rules.some((r) => r.includes('@page egov-week-schedule') && /a4 landscape/i.test(r))).toBe(true);
    expect(getComputedStyle(el).getPropertyValue('page')).toBe('egov-week-schedule');
  });

  it('in print media hides the toolbar and edit controls and repeats the table head (Chromium print emulation)', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule editable .schedule=${sampleWeek()}></egov-week-schedule>`);
    const toolbar = shadow(el, '[part=toolbar]');
    const thead = shadow(el, 'thead');
    const session = cdp();
    expect(getComputedStyle(toolbar).display).not.toBe('none');
    await session.send('Emulation.setEmulatedMedia', { media: 'print' });
    try {
      expect(getComputedStyle(toolbar).display).toBe('none');
      expect(getComputedStyle(thead).display).toBe('table-header-group');
      const editCells = [...el.shadowRoot!.querySelectorAll('.edit')];
      expect(editCells.length).toBeGreaterThan(0);
      expect(editCells.every((c) => getComputedStyle(c).display === 'none')).toBe(true);
      expect(getComputedStyle(shadow(el, 'table')).fontSize).toBe('13.3333px'); // 10pt
    } finally {
      await session.send('Emulation.setEmulatedMedia', { media: '' });
    }
    expect(getComputedStyle(toolbar).display).not.toBe('none');
  });

  it('validates the edit form with the zod models (Vietnamese messages) and emits typed change events', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule editable .schedule=${sampleWeek()}></egov-week-schedule>`);
    const changes: EgovWeekScheduleChangeEvent['detail'][] = [];
    el.addEventListener('egov-week-schedule-change', (e: EgovWeekScheduleChangeEvent) => changes.push(e.detail));
    await userEvent.click(button(el, 'Thêm lịch'));
    await el.updateComplete;
    const dialog = shadow(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    const form = shadow(el, 'form') as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    field('time').value = '15:00';
    field('endTime').value = '14:00';
    form.requestSubmit();
    await expect.poll(() => text(el.shadowRoot!.querySelector('.errors'))).toContain('Nội dung: không được để trống');
    expect(field('content').getAttribute('aria-invalid')).toBe('true');
    expect(text(el.shadowRoot!.querySelector('.errors'))).toContain('Thời gian kết thúc: phải sau thời gian bắt đầu');
    expect(changes).toHaveLength(0);

    field('content').value = 'Họp Ban chỉ đạo chuyển đổi số';
    field('endTime').value = '16:30';
    field('participants').value = 'Sở Khoa học và Công nghệ\nSở Nội vụ';
    (form.elements.namedItem('date') as HTMLSelectElement).value = '2026-04-29';
    (form.elements.namedItem('session') as HTMLSelectElement).value = 'chieu';
    form.requestSubmit();
    await expect.poll(() => changes.length).toBe(1);
    expect(changes[0]!.action).toBe('add');
    expect(changes[0]!.entry).toMatchObject({ date: '2026-04-29', session: 'chieu', time: '15:00', endTime: '16:30', participants: ['Sở Khoa học và Công nghệ', 'Sở Nội vụ'] });
    await el.updateComplete;
    expect(dialog.open).toBe(false);
    expect(rows(el)).toHaveLength(5);

    // Edit an entry: the revision is recorded by reviseEntry and the row says "Thay đổi".
    await userEvent.click(el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-id=a1] .edit button')!);
    await el.updateComplete;
    const form2 = shadow(el, 'form') as HTMLFormElement;
    (form2.elements.namedItem('place') as HTMLInputElement).value = 'Hội trường tỉnh';
    form2.requestSubmit();
    await expect.poll(() => changes.length).toBe(2);
    expect(changes[1]!.action).toBe('update');
    expect(changes[1]!.previous?.place).toBe('Phòng họp số 1');
    expect(changes[1]!.entry.status).toBe('changed');
    expect(changes[1]!.entry.revisions.at(-1)?.changes).toContainEqual({ field: 'place', from: 'Phòng họp số 1', to: 'Hội trường tỉnh' });
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('tr[data-id=a1] [part=status]'))).toBe('(Thay đổi)');
  });

  it('has no accessibility violation: read-only, editable, filtered, with the form open', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule>`);
    await expectAxeClean(el);
    el.editable = true;
    el.leader = 'Chủ tịch Trần Văn A';
    await el.updateComplete;
    await expectAxeClean(el);
    el.openForm();
    await el.updateComplete;
    await el.updateComplete;
    (shadow(el, 'form') as HTMLFormElement).requestSubmit();
    await expect.poll(() => el.shadowRoot!.querySelector('.errors')).not.toBeNull();
    await expectAxeClean(el);
  });

  it('speaks English under lang="en", with English validation messages', async () => {
    const el = await mount('egov-week-schedule', html`<egov-week-schedule editable .schedule=${sampleWeek()}></egov-week-schedule>`);
    host.setAttribute('lang', 'en');
    await expect.poll(() => text(shadow(el, 'caption'))).toContain('Work schedule from 27/04/2026 to 03/05/2026');
    expect(text(el.shadowRoot!.querySelector('[part=day]'))).toContain('Monday 27/04/2026 Lunar 11/3');
    expect(text(el.shadowRoot!.querySelector('[part=day]'))).toContain('Hùng Kings');
    expect(text(el.shadowRoot!.querySelector('tr[data-id=a2] [part=status]'))).toBe('(Changed)');
    el.openForm();
    await el.updateComplete;
    await el.updateComplete;
    (shadow(el, 'form') as HTMLFormElement).requestSubmit();
    await expect.poll(() => text(el.shadowRoot!.querySelector('.errors'))).toContain('Content: must not be empty');
  });
});
