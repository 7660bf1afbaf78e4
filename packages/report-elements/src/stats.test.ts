import { ExchangeClient } from '@egov-vn/exchange-client';
import { MemoryExchange } from '@egov-vn/exchange-client/mock';
import type { Stats, StatsQuery } from '@egov-vn/exchange-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRows,
  directiveTargets,
  EdocStatsError,
  measureShare,
  meetsTarget,
  monthRange,
  monthsBetween,
  statsRowsFrom,
  targetFor,
} from './stats.js';
import type { EdocStatsRow, StatsSource } from './stats.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 200);

const row = (over: Partial<EdocStatsRow> = {}): EdocStatsRow => ({
  agency: '000.00.12.H56',
  agencyName: 'Sở Nội vụ',
  month: '2026-03',
  outgoing: { total: 40, electronicOnly: 36, signed: 30 },
  incoming: { received: 20, acknowledgedSameDay: 0 },
  ...over,
});

describe('shares and targets', () => {
  it('computes the three shares, and none when nothing was counted', () => {
    const r = row();
    expect(measureShare(r, 'electronicOnly')).toBe(0.9);
    expect(measureShare(r, 'signed')).toBe(0.75);
    expect(measureShare(r, 'sameDay')).toBe(0);
    expect(measureShare(row({ outgoing: { total: 0, electronicOnly: 0, signed: 0 } }), 'signed')).toBeUndefined();
  });

  it('follows the directives: 80% in 2014, 90% from 2015 on', () => {
    expect(targetFor(directiveTargets, 'electronicOnly', '2013-12')).toBeUndefined();
    expect(targetFor(directiveTargets, 'electronicOnly', '2014-01')).toBe(0.8);
    expect(targetFor(directiveTargets, 'electronicOnly', '2014-12')).toBe(0.8);
    expect(targetFor(directiveTargets, 'electronicOnly', '2015-01')).toBe(0.9);
    expect(targetFor(directiveTargets, 'sameDay', '2026-04')).toBe(0.9);
    expect(directiveTargets.electronicOnly[0]!.source).toContain('Bắc Giang');
  });

  it('takes a single share, month steps in any order, and no target', () => {
    expect(targetFor({ signed: 0.7 }, 'signed', '2020-05')).toBe(0.7);
    const steps = [
      { since: '2026-07', share: 0.95 },
      { since: '2026', share: 0.85 },
    ];
    expect(targetFor({ signed: steps }, 'signed', '2026-06')).toBe(0.85);
    expect(targetFor({ signed: steps }, 'signed', '2026-07')).toBe(0.95);
    expect(targetFor({ signed: null }, 'signed', '2026-07')).toBeUndefined();
    expect(targetFor({}, 'sameDay', '2026-07')).toBeUndefined();
  });

  it('counts 9 of 10 as meeting 90% (no floating-point miss)', () => {
    expect(meetsTarget(9 / 10, 0.9)).toBe(true);
    expect(meetsTarget(27 / 30, 0.9)).toBe(true);
    expect(meetsTarget(0.899, 0.9)).toBe(false);
    expect(meetsTarget(undefined, 0.9)).toBeUndefined();
  });
});

describe('months', () => {
  it('gives the first and last day of a month, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(() => monthRange('2026-13')).toThrow(/Tháng "2026-13" không hợp lệ/);
  });

  it('lists the months between two months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('lists consecutive months, as many as the distance says (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), (y, m, n) => {
        const first = `${y}-${String(m).padStart(2, '0')}`;
        const end = new Date(Date.UTC(y, m - 1 + n, 1));
        const last = `${end.getUTCFullYear()}-${String(end.getUTCMonth() + 1).padStart(2, '0')}`;
        const list = monthsBetween(first, last);
        expect(list).toHaveLength(n + 1);
        expect(list[0]).toBe(first);
        expect(list.at(-1)).toBe(last);
        for (let i = 1; i < list.length; i++) expect(list[i]! > list[i - 1]!).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});

describe('checkRows', () => {
  it('keeps good rows and locates the problems of the others', () => {
    const bad = { ...row(), outgoing: { total: 3, electronicOnly: 5, signed: -1 } };
    const { rows, problems } = checkRows([row(), bad, row({ month: '2026-3' }), row()]);
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => `${p.index}:${p.field}`)).toEqual(['1:outgoing.signed', '2:month', '3:month']);
    expect(problems[2]!.text.vi).toBe('trùng cơ quan 000.00.12.H56 tháng 2026-03');
    const parts = checkRows([{ ...row(), outgoing: { total: 3, electronicOnly: 5, signed: 1 } }]).problems;
    expect(parts[0]!.text).toEqual({ vi: 'lớn hơn tổng (5 > 3)', en: 'greater than the total (5 > 3)' });
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const { rows, problems } = checkRows(data);
        expect(Array.isArray(rows) && Array.isArray(problems)).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});

function fakeSource(agency: string, calls: StatsQuery[]): StatsSource {
  return {
    getStats: (query) => {
      calls.push(query);
      const month = Number(query.from.slice(5, 7));
      const stats: Stats = {
        agency,
        from: query.from,
        to: query.to,
        outgoing: { total: 10 * month, electronicOnly: 9 * month, withPaper: month, signed: 8 * month, signedShare: 0.8 },
        incoming: { received: 5, acknowledged: 4, acknowledgedSameDay: 3, sameDayShare: 0.6 },
      };
      return Promise.resolve(stats);
    },
  };
}

describe('statsRowsFrom', () => {
  it('asks each agency’s client for each month and maps the answers to rows in order', async () => {
    const calls: Record<string, StatsQuery[]> = { A: [], B: [] };
    const rows = await statsRowsFrom((code) => fakeSource(code, calls[code]!), {
      agencies: [{ code: 'A', name: 'Văn phòng UBND tỉnh' }, 'B'],
      months: ['2026-01', '2026-02'],
      concurrency: 3,
    });
    expect(calls['A']).toEqual([
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
    ]);
    expect(rows.map((r) => `${r.agency}/${r.agencyName}/${r.month}/${r.outgoing.total}`)).toEqual([
      'A/Văn phòng UBND tỉnh/2026-01/10',
      'A/Văn phòng UBND tỉnh/2026-02/20',
      'B/B/2026-01/10',
      'B/B/2026-02/20',
    ]);
    expect(rows[1]).toEqual({
      agency: 'A',
      agencyName: 'Văn phòng UBND tỉnh',
      month: '2026-02',
      outgoing: { total: 20, electronicOnly: 18, signed: 16 },
      incoming: { received: 5, acknowledgedSameDay: 3 },
    });
  });

  it('refuses a client that answers for another agency, saying where', async () => {
    const error = await statsRowsFrom(fakeSource('A', []), { agencies: ['A', 'B'], months: ['2026-01'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdocStatsError);
    expect((error as EdocStatsError).where).toBe('B 2026-01');
    expect((error as EdocStatsError).message).toContain('trả về cho cơ quan A, không phải B');
    const en = await statsRowsFrom(fakeSource('A', []), { agencies: ['B'], months: ['2026-01'], lang: 'en' }).catch((e: unknown) => e);
    expect((en as Error).message).toContain('came back for agency A, not B');
  });

  it('rejects a bad month before calling anything, and stops when aborted', async () => {
    const calls: StatsQuery[] = [];
    await expect(statsRowsFrom(fakeSource('A', calls), { agencies: ['A'], months: ['03/2026'] })).rejects.toThrow(/yyyy-mm/);
    const controller = new AbortController();
    controller.abort();
    await expect(
      statsRowsFrom(fakeSource('A', calls), { agencies: ['A'], months: ['2026-03'], signal: controller.signal }),
    ).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('works with the real ExchangeClient against the in-memory hub', async () => {
    const exchange = new MemoryExchange({
      systems: [{ systemId: 'sys-h56', secret: 's3cret-s3cret-s3cret', agencies: [{ code: '000.00.12.H56', name: 'Sở Nội vụ' }] }],
    });
    const client = new ExchangeClient({
      baseUrl: 'http://hub.test',
      systemId: 'sys-h56',
      secret: 's3cret-s3cret-s3cret',
      agency: '000.00.12.H56',
      retries: 0,
      fetch: (input, init) => exchange.handle(new Request(input, init)),
    });
    const rows = await statsRowsFrom(client, { agencies: [{ code: '000.00.12.H56', name: 'Sở Nội vụ' }], months: ['2026-02', '2026-03'] });
    expect(rows).toEqual(
      ['2026-02', '2026-03'].map((month) => ({
        agency: '000.00.12.H56',
        agencyName: 'Sở Nội vụ',
        month,
        outgoing: { total: 0, electronicOnly: 0, signed: 0 },
        incoming: { received: 0, acknowledgedSameDay: 0 },
      })),
    );
  });
});
