import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekday } from './civil.js';
import { publicHolidays } from './holidays.js';

const offIsos = (year: number): string[] => publicHolidays(year).daysOff.map((d) => d.iso);

describe('public holidays (Bộ luật Lao động 2019, Điều 112)', () => {
  it('2024: Tết 08–14/02 with 2 substitute days, 29/4 swapped with Sat 04/5, National Day 02–03/9 (5015/TB-LĐTBXH, 2450/VPCP-KGVX)', () => {
    const y = publicHolidays(2024);
    expect(y.announced).toBe(true);
    expect(offIsos(2024)).toEqual([
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    expect(y.daysOff.filter((d) => d.kind === 'substitute').map((d) => d.iso)).toEqual(['2024-02-13', '2024-02-14']);
    expect(y.makeUpDays.map((d) => [d.iso, d.replaces, d.reference])).toEqual([['2024-05-04', '2024-04-29', '2450/VPCP-KGVX']]);
    expect(y.daysOff.find((d) => d.iso === '2024-02-08')).toMatchObject({ source: 'announcement', reference: '5015/TB-LĐTBXH', holiday: 'tet' });
  });
  it('2025: Tết 27–31/01, Giỗ Tổ 07/4, 02/5 off for Sat 26/4, National Day 01–02/9', () => {
    const off = offIsos(2025);
    expect(off).toEqual(expect.arrayContaining(['2025-01-27', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']));
    expect(off).toHaveLength(12); // 11 holidays + the swapped Friday 02/5
    expect(publicHolidays(2025).makeUpDays.map((d) => d.iso)).toEqual(['2025-04-26']);
  });
  it('2026: Tết 16–20/02 (9441/TB-BNV), Giỗ Tổ on Sunday 26/4 gives Monday 27/4, swaps 02/01↔10/01 and 31/8↔22/8', () => {
    const y = publicHolidays(2026);
    const sub = y.daysOff.find((d) => d.iso === '2026-04-27');
    expect(sub).toMatchObject({ kind: 'substitute', holiday: 'hung-kings', source: 'rule' });
    expect(y.daysOff.filter((d) => d.holiday === 'tet').map((d) => d.iso)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(y.makeUpDays.map((d) => d.iso)).toEqual(['2026-01-10', '2026-08-22']);
    expect(y.daysOff.filter((d) => d.kind === 'swap').map((d) => d.iso)).toEqual(['2026-01-02', '2026-08-31']);
    expect(y.sources.map((s) => s.id)).toContain('9441/TB-BNV');
  });
  it('2023 by the rules alone: Giỗ Tổ on Sat 29/4 and 30/4 on Sunday give Tue 02/5 and Wed 03/5', () => {
    const y = publicHolidays(2023);
    expect(y.announced).toBe(false);
    expect(y.daysOff.filter((d) => d.kind === 'substitute' && d.date.month === 5).map((d) => d.iso)).toEqual(['2023-05-02', '2023-05-03']);
    expect(y.daysOff.every((d) => d.source === 'rule')).toBe(true);
  });
  it('a year without announcement: 11 holidays, Tết = 2 days before mùng 1 + mùng 1–3, flagged as rule', () => {
    const y = publicHolidays(2030);
    const holidays = y.daysOff.filter((d) => d.kind === 'holiday');
    expect(holidays).toHaveLength(11);
    expect(holidays.filter((d) => d.holiday === 'tet').map((d) => d.iso)).toEqual(['2030-01-31', '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04']);
    expect(y.sources).toEqual([]);
  });
  it('with Sunday as the only rest day, a Saturday holiday has no substitute', () => {
    const y = publicHolidays(2023, { restDays: [7] });
    const subs = y.daysOff.filter((d) => d.kind === 'substitute' && d.date.month === 5);
    expect(subs.map((d) => [d.iso, d.holiday])).toEqual([['2023-05-02', 'reunification']]); // only Sunday 30/4 moves
  });
  it('lets an agency supply the announcement of a future year', () => {
    const y = publicHolidays(2027, {
      announcements: [
        {
          year: 2027,
          tetDays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
          tetSource: 'X/TB-BNV',
          sources: [{ id: 'X/TB-BNV', issued: '2026-10-01', issuer: 'Bộ Nội vụ', summary: 'test' }],
        },
      ],
    });
    expect(y.announced).toBe(true);
    expect(y.daysOff.find((d) => d.iso === '2027-02-05')).toMatchObject({ source: 'announcement', reference: 'X/TB-BNV' });
  });
  it('rejects a year out of range', () => {
    expect(() => publicHolidays(1700)).toThrow(/ngoài khoảng/);
  });
  it('property: any year has the 11 holidays of Điều 112, each substitute on a working weekday after its holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2199 }), fc.constantFrom<(6 | 7)[]>([6, 7], [7]), (year, restDays) => {
        const y = publicHolidays(year, { restDays });
        const holidays = y.daysOff.filter((d) => d.kind === 'holiday');
        const subs = y.daysOff.filter((d) => d.kind === 'substitute');
        // 11 holidays of Điều 112: each on its own day, or kept as a substitute when two coincide
        const coinciding = 11 - holidays.length;
        expect(coinciding).toBeGreaterThanOrEqual(0);
        expect(coinciding).toBeLessThanOrEqual(1);
        expect(new Set(y.daysOff.map((d) => d.iso)).size).toBe(y.daysOff.length);
        expect([...y.daysOff.map((d) => d.iso)].sort()).toEqual(y.daysOff.map((d) => d.iso));
        const onRest = holidays.filter((d) => (restDays as number[]).includes(isoWeekday(d.date)));
        expect(subs).toHaveLength(onRest.length + coinciding);
        expect(subs.every((d) => !(restDays as number[]).includes(isoWeekday(d.date)))).toBe(true);
      }),
      { numRuns: Math.min(400, Number(process.env.EGOV_FUZZ_RUNS ?? 100)) },
    );
  });
});
