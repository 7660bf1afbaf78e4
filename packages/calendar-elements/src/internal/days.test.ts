import { describe, expect, it } from 'vitest';
import { parseIso, todayIso, vnDate } from './days.js';

describe('day helpers on the shared civil dates', () => {
  it('reads exactly the real dates of 1800–2199 written yyyy-mm-dd', () => {
    // Every day from 1799-12-25 to 2200-01-05.
    const wrong: string[] = [];
    for (let t = Date.UTC(1799, 11, 25); t <= Date.UTC(2200, 0, 5); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const year = d.getUTCFullYear();
      const got = parseIso(iso);
      const inRange = year >= 1800 && year <= 2199;
      if (inRange ? got?.year !== year || got.month !== d.getUTCMonth() + 1 || got.day !== d.getUTCDate() : got !== undefined) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    for (const bad of ['2025-02-29', ' 2025-01-01', '2025-1-1', '', null, undefined]) expect(parseIso(bad)).toBeUndefined();
  });

  it('prints dd/mm/yyyy and today in Việt Nam as yyyy-mm-dd', () => {
    expect(vnDate({ year: 2025, month: 9, day: 2 })).toBe('02/09/2025');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
