import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { civilOfJdn, jdnOf } from './civil.js';
import { solarTermOf, solarTerms } from './solar-terms.js';

const require = createRequire(import.meta.url);
const { LunarDate } = require('vietnamese-lunar-calendar') as {
  LunarDate: new (y: number, m: number, d: number) => { solarTerm: string | null };
};

const jdn = (d: { year: number; month: number; day: number }): number => jdnOf(d.year, d.month, d.day);

describe('solar terms (tiết khí)', () => {
  it('gives the 2024 equinoxes and solstices within 20 minutes of the published instants (UTC)', () => {
    const terms = solarTerms(2024);
    const published: [string, string][] = [
      ['Xuân phân', '2024-03-20T03:06Z'],
      ['Hạ chí', '2024-06-20T20:51Z'],
      ['Thu phân', '2024-09-22T12:44Z'],
      ['Đông chí', '2024-12-21T09:20Z'],
    ];
    for (const [name, iso] of published) {
      const t = terms.find((x) => x.name === name)!;
      expect(Math.abs(t.utcMs - Date.parse(iso))).toBeLessThan(20 * 60_000);
    }
    expect(terms.find((t) => t.name === 'Hạ chí')!.date).toEqual({ year: 2024, month: 6, day: 21 });
  });
  it('lists 24 terms per year in order, 14–16 days apart, Tiểu hàn first', () => {
    for (const year of [1800, 1900, 2025, 2199]) {
      const terms = solarTerms(year);
      expect(terms).toHaveLength(24);
      expect(terms[0]!.name).toBe('Tiểu hàn');
      expect(terms[0]!.date.year).toBe(year);
      expect(terms[23]!.date.year).toBe(year);
      for (let i = 1; i < 24; i++) {
        const gap = jdn(terms[i]!.date) - jdn(terms[i - 1]!.date);
        expect(gap).toBeGreaterThanOrEqual(14);
        expect(gap).toBeLessThanOrEqual(16);
        expect(terms[i]!.major).toBe(terms[i]!.longitude % 30 === 0);
      }
    }
  });
  it('agrees with vietnamese-lunar-calendar on the term of each day 2000–2050, except on days next to a term change', () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (let j = jdnOf(2000, 1, 10); j <= jdnOf(2050, 12, 31); j++) {
      const d = civilOfJdn(j);
      const mine = solarTermOf(d);
      const start = jdn(mine.date);
      const next = solarTermOf(civilOfJdn(j + 2));
      if (j - start <= 1 || jdn(next.date) !== start) continue; // within a day of a boundary
      compared++;
      const theirs = new LunarDate(d.year, d.month, d.day).solarTerm;
      if (mine.name !== theirs) mismatches.push(`${d.year}-${d.month}-${d.day}: ${mine.name} ≠ ${String(theirs)}`);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(12_000);
  });
  it('flags the first day of a term', () => {
    const t = solarTermOf('2024-06-21');
    expect(t.name).toBe('Hạ chí');
    expect(t.isStart).toBe(true);
    expect(solarTermOf('2024-06-22').isStart).toBe(false);
  });
  it('rejects years outside the range', () => {
    expect(() => solarTerms(1700)).toThrow(/ngoài khoảng hỗ trợ/);
  });
});
