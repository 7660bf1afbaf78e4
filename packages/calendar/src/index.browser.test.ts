import { describe, expect, it } from 'vitest';
import { fromICalendar, toICalendar } from './ical.js';
import { canChiOfYear, tetDate, toLunar, toSolar, WorkCalendar } from './index.js';
import { parseWeekSchedule } from './schedule.js';

// The cores must run in a browser as they do in Node (no node: imports, no machine time zone).
describe('in Chromium', () => {
  it('converts lunar dates and finds Tết', () => {
    expect(tetDate(2026)).toEqual({ year: 2026, month: 2, day: 17 });
    expect(toLunar('2025-04-07')).toEqual({ year: 2025, month: 3, day: 10, leap: false });
    expect(toSolar({ year: 2025, month: 6, day: 1, leap: true })).toEqual({ year: 2025, month: 7, day: 25 });
    expect(canChiOfYear(2026).name).toBe('Bính Ngọ');
  });
  it('computes a deadline across Tết', () => {
    const cal = new WorkCalendar();
    expect(cal.dueDate('2026-02-12', 5)).toEqual({ year: 2026, month: 2, day: 26 });
  });
  it('validates schedules and round-trips iCalendar', () => {
    const r = parseWeekSchedule({ isoYear: 2026, isoWeek: 1 });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toContain('Cơ quan: bắt buộc phải có');
    const ev = { uid: 'a@b', summary: 'Giao ban', start: '2026-01-05T08:00:00', end: '2026-01-05T09:00:00', allDay: false, attendees: [] };
    expect(fromICalendar(toICalendar([ev], { dtstamp: '2026-01-01T00:00:00Z' })).events).toEqual([ev]);
  });
});
