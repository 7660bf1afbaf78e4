import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { canChiOf, canChiOfDay, canChiOfHour, canChiOfMonth, canChiOfYear } from './can-chi.js';
import { civilOfJdn, jdnOf } from './civil.js';
import { toLunar } from './lunar.js';

// vietnamese-lunar-calendar (ISC) as an independent oracle for the sexagenary names.
const require = createRequire(import.meta.url);
const { LunarDate } = require('vietnamese-lunar-calendar') as {
  LunarDate: new (y: number, m: number, d: number) => {
    year: number;
    month: number;
    date: number;
    isLeap: boolean;
    lunarYear: { toString(): string };
    lunarMonth: { toString(): string };
    lunarDate: { toString(): string };
    lunarHour: { toString(): string };
  };
};
/** The oracle spells the branch Mão as the older "Mẹo". */
const norm = (s: string): string => s.replace('Mẹo', 'Mão');

describe('Can Chi', () => {
  it('names well-known years', () => {
    expect(canChiOfYear(1968).name).toBe('Mậu Thân');
    expect(canChiOfYear(2025).name).toBe('Ất Tỵ');
    expect(canChiOfYear(2026).name).toBe('Bính Ngọ');
    expect(canChiOfYear(1984).name).toBe('Giáp Tý');
  });
  it('starts every year with a Dần month whose stem follows the year stem', () => {
    expect(canChiOfMonth({ year: 2024, month: 1 }).name).toBe('Bính Dần'); // Giáp year
    expect(canChiOfMonth({ year: 2025, month: 1 }).name).toBe('Mậu Dần'); // Ất year
    expect(canChiOfMonth({ year: 2025, month: 12 }).name).toBe('Kỷ Sửu');
  });
  it('gives Tết Ất Tỵ (29/01/2025) the day Mậu Tuất and first hour Nhâm Tý', () => {
    const all = canChiOf('2025-01-29');
    expect(all.day.name).toBe('Mậu Tuất');
    expect(all.hour.name).toBe('Nhâm Tý');
    expect(canChiOfHour('2025-01-29', 12).name).toBe('Mậu Ngọ');
    expect(canChiOfHour('2025-01-29', 23).chi).toBe(0);
  });
  it('rejects an hour outside 0–23', () => {
    expect(() => canChiOfHour('2025-01-29', 24)).toThrow(/Giờ không hợp lệ/);
  });
  it('agrees with vietnamese-lunar-calendar on day and first-hour names 1950–2100, and on year and month names where both agree on the lunar date', () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (let j = jdnOf(1950, 1, 1); j <= jdnOf(2100, 12, 31); j += 3) {
      const d = civilOfJdn(j);
      const o = new LunarDate(d.year, d.month, d.day);
      const mine = [canChiOfDay(d).name, canChiOfHour(d).name];
      const theirs = [norm(o.lunarDate.toString()), norm(o.lunarHour.toString())];
      const l = toLunar(d);
      if (o.year === l.year && o.month === l.month && o.date === l.day && o.isLeap === l.leap) {
        compared++;
        mine.push(canChiOfYear(l.year).name, canChiOfMonth(l).name);
        theirs.push(norm(o.lunarYear.toString()), norm(o.lunarMonth.toString()));
      }
      if (mine.join() !== theirs.join()) mismatches.push(`${d.year}-${d.month}-${d.day}: ${mine.join()} ≠ ${theirs.join()}`);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});
