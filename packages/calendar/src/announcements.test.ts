import { describe, expect, it } from 'vitest';
import { ANNOUNCEMENTS } from './announcements.js';
import { isoWeekday } from './civil.js';
import { toLunar } from './lunar.js';

// Checks the data so that a newly typed year cannot slip in with a wrong day.
describe.each(ANNOUNCEMENTS.map((a) => [a.year, a] as const))('announcement %i', (year, a) => {
  const ids = new Set(a.sources.map((s) => s.id));
  it('names only listed sources, each with an issue date before the year ends', () => {
    const used = [a.tetSource, a.nationalDaySource, ...(a.swaps ?? []).map((s) => s.source), ...(a.extraDaysOff ?? []).map((e) => e.source)].filter(
      (x): x is string => x !== undefined,
    );
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
    expect(a.sources.every((s) => s.issued < `${year + 1}-01-01` && /^\d{4}-\d{2}-\d{2}$/.test(s.issued))).toBe(true);
  });
  it('has five consecutive Tết days that include mùng 1 Tết and end in month 1', () => {
    const days = a.tetDays ?? [];
    expect(days).toHaveLength(5);
    const lunar = days.map((d) => toLunar(d));
    expect(lunar.some((l) => l.month === 1 && l.day === 1 && l.year === year)).toBe(true);
    expect(lunar.at(-1)).toMatchObject({ month: 1, year });
    expect(days.every((d) => d.startsWith(`${year}-`))).toBe(true);
  });
  it('chooses 1/9 or 3/9 next to National Day', () => {
    expect([`${year}-09-01`, `${year}-09-03`]).toContain(a.nationalDayAdjacent);
  });
  it('swaps a weekday off for a Saturday worked', () => {
    for (const s of a.swaps ?? []) {
      expect(isoWeekday(s.workday)).toBe(6);
      expect(isoWeekday(s.dayOff)).toBeLessThanOrEqual(5);
    }
  });
});
