import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilOfJdn, formatIsoDate, jdnOf } from './civil.js';
import { WorkCalendar } from './work-calendar.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 200);
const cal = new WorkCalendar();
const iso = formatIsoDate;

describe('WorkCalendar', () => {
  it('knows weekends, holidays, substitute, swapped and make-up days', () => {
    expect(cal.isWorkingDay('2025-04-25')).toBe(true); // Friday
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // make-up Saturday
    expect(cal.isWorkingDay('2025-04-27')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2025-05-02')).toBe(false); // swapped Friday
    expect(cal.isWorkingDay('2026-04-27')).toBe(false); // substitute for Giỗ Tổ
    expect(cal.dayOffReason('2026-04-27')).toMatchObject({ kind: 'substitute', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(cal.dayOffReason('2025-04-27')).toMatchObject({ kind: 'rest' });
    expect(cal.dayOffReason('2025-04-25')).toBeUndefined();
    expect(cal.makeUpDay('2026-01-10')).toMatchObject({ replaces: '2026-01-02' });
  });
  it('adds working days across Tết 2026', () => {
    expect(iso(cal.addWorkingDays('2026-02-13', 1))).toBe('2026-02-23');
    expect(iso(cal.nextWorkingDay('2026-02-13'))).toBe('2026-02-23');
    expect(iso(cal.previousWorkingDay('2026-02-23'))).toBe('2026-02-13');
    expect(iso(cal.addWorkingDays('2026-02-13', 0))).toBe('2026-02-13');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
  });
  it('computes a document deadline and its status', () => {
    // received Thursday 12/02/2026, 5 working days: 13/02, 23, 24, 25, 26/02
    const due = cal.dueDate('2026-02-12', 5);
    expect(iso(due)).toBe('2026-02-26');
    expect(iso(cal.dueDate('2026-02-12', 5, { receivedTime: '17:30' }))).toBe('2026-02-27');
    expect(iso(cal.dueDate('2026-02-14', 1))).toBe('2026-02-24'); // received on a day off
    expect(cal.deadlineStatus(due, '2026-02-13')).toMatchObject({ status: 'on-track', workingDaysLeft: 4, label: 'Còn 4 ngày làm việc' });
    expect(cal.deadlineStatus(due, '2026-02-24')).toMatchObject({ status: 'due-soon', workingDaysLeft: 2 });
    expect(cal.deadlineStatus(due, '2026-02-26')).toMatchObject({ status: 'due-today', workingDaysLeft: 0, label: 'Đến hạn hôm nay' });
    expect(cal.deadlineStatus(due, '2026-03-02')).toMatchObject({ status: 'overdue', workingDaysLeft: -2, label: 'Quá hạn 2 ngày làm việc' });
  });
  it('has configurable sessions and rest days, and agency overrides', () => {
    const c = new WorkCalendar({
      restDays: [7],
      sessions: [
        { id: 'sang', label: 'Sáng', start: '07:30', end: '11:30' },
        { id: 'chieu', label: 'Chiều', start: '13:30', end: '17:00' },
      ],
      overrides: { daysOff: [{ date: '2025-06-10', name: 'Kỷ niệm ngày thành lập' }], workingDays: [{ date: '2025-06-15' }] },
    });
    expect(c.isWorkingDay('2025-06-14')).toBe(true); // Saturday works
    expect(c.isWorkingDay('2025-06-15')).toBe(true); // Sunday worked by override
    expect(c.dayOffReason('2025-06-10')).toMatchObject({ source: 'agency', name: 'Kỷ niệm ngày thành lập' });
    expect(c.sessionAt('07:45')?.label).toBe('Sáng');
    expect(c.sessionAt('12:00')).toBeUndefined();
    expect(c.isWorkingTime('2025-06-11', '14:00')).toBe(true);
    expect(c.minutesPerDay).toBe(450);
    expect(cal.minutesPerDay).toBe(480);
  });
  it('rejects bad arguments with Vietnamese messages', () => {
    expect(() => cal.addWorkingDays('2025-01-01', 1.5)).toThrow(/số nguyên/);
    expect(() => cal.sessionAt('25:00')).toThrow(/Giờ không hợp lệ/);
    expect(() => new WorkCalendar({ restDays: [1, 2, 3, 4, 5, 6, 7] })).toThrow(/7 ngày/);
    expect(() => new WorkCalendar({ sessions: [{ id: 'x', label: 'X', start: '12:00', end: '08:00' }] })).toThrow(/trước giờ kết thúc/);
    expect(() => cal.dueDate('2025-01-01', -1)).toThrow(/không âm/);
  });
  it('property: addWorkingDays lands on a working day, is monotonic in n and inverts workingDaysBetween', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: jdnOf(2000, 1, 1), max: jdnOf(2100, 12, 31) }),
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: -60, max: 60 }),
        (j, n, m) => {
          const any = civilOfJdn(j);
          const a0 = cal.addWorkingDays(any, n);
          expect(n === 0 || cal.isWorkingDay(a0)).toBe(true);
          expect(cal.workingDaysBetween(any, a0)).toBe(n);
          // from a working day, results are indexes on the working-day line: order and differences are kept
          const d = cal.nextWorkingDay(any);
          const a = cal.addWorkingDays(d, n);
          const b = cal.addWorkingDays(d, m);
          const ja = jdnOf(a.year, a.month, a.day);
          const jb = jdnOf(b.year, b.month, b.day);
          expect(Math.sign(jb - ja)).toBe(Math.sign(m - n));
          expect(cal.workingDaysBetween(a, b)).toBe(m - n);
        },
      ),
      { numRuns: runs },
    );
  });
});
