import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, edocStatsCsv, edocStatsRecords, neutralizeFormula, toCsv } from './csv.js';
import { sampleRows } from './edoc-stats/fixtures.js';
import type { EdocStatsRow } from './stats.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 200);

/** Parse CSV text the way a spreadsheet would: BOM first, RFC 4180 quoting. */
const read = (text: string): string[][] => parse(text, { bom: true, relaxColumnCount: false });

describe('CSV fields (RFC 4180)', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(csvField('Sở "A", phòng B')).toBe('"Sở ""A"", phòng B"');
    expect(csvField('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
    expect(csvField(undefined)).toBe('');
    expect(toCsv([['a', 'b'], ['c', 'd']], false)).toBe('a,b\r\nc,d\r\n');
  });

  it('keeps text from being read as a formula by a spreadsheet', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralizeFormula('-1')).toBe("'-1");
    expect(neutralizeFormula('Sở Y tế')).toBe('Sở Y tế');
  });
});

describe('edocStatsCsv', () => {
  it('starts with the UTF-8 BOM (EF BB BF) and a Vietnamese header', () => {
    const text = edocStatsCsv(sampleRows());
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith(BOM)).toBe(true);
    const [head, first] = read(text);
    expect(head!.slice(0, 6)).toEqual(['Mã cơ quan', 'Tên cơ quan', 'Tháng', 'Văn bản đi', 'Văn bản đến', 'Gửi hoàn toàn điện tử']);
    // Văn phòng UBND tỉnh, 01/2026: 110 of 120 sent electronically only = 91.7% ≥ 90% target.
    expect(first).toEqual([
      '000.00.01.H56', 'Văn phòng UBND tỉnh', '2026-01', '120', '200',
      '110', '91.7', '90', 'có',
      '118', '98.3', '90', 'có',
      '170', '85', '90', 'không',
    ]);
  });

  it('writes no share and no verdict when nothing was sent, and English on request', () => {
    const records = read(edocStatsCsv(sampleRows(), { lang: 'en', targets: { signed: 0.5 } }));
    expect(records[0]![0]).toBe('Agency code');
    const feb = records.find((r) => r[1] === 'Sở Tài chính' && r[2] === '2026-02')!;
    expect(feb.slice(5)).toEqual(['0', '', '', '', '0', '', '50', '', '20', '71.4', '', '']);
  });

  it('has one record per row plus the header, each of the same width', () => {
    const records = edocStatsRecords(sampleRows());
    expect(records).toHaveLength(13);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([17]));
  });

  const text = fc.string({ unit: fc.constantFrom('a', 'Ư', 'ệ', 'đ', ',', '"', '\r', '\n', ' ', '=', '-', '\t', '😀'), maxLength: 20 });
  const count = fc.nat({ max: 500 });
  const rowArb: fc.Arbitrary<EdocStatsRow> = fc
    .record({
      agency: text.filter((s) => s.length > 0),
      agencyName: text,
      year: fc.integer({ min: 2010, max: 2040 }),
      mon: fc.integer({ min: 1, max: 12 }),
      total: count,
      received: count,
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
      c: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map((r) => ({
      agency: r.agency,
      agencyName: r.agencyName,
      month: `${r.year}-${String(r.mon).padStart(2, '0')}`,
      outgoing: { total: r.total, electronicOnly: Math.floor(r.total * r.a), signed: Math.floor(r.total * r.b) },
      incoming: { received: r.received, acknowledgedSameDay: Math.floor(r.received * r.c) },
    }));

  it('round-trips through csv-parse: the same fields come back (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 8 }), fc.constantFrom('vi' as const, 'en' as const), (rows, lang) => {
        const records = edocStatsRecords(rows, { lang });
        const parsed = read(edocStatsCsv(rows, { lang }));
        expect(parsed).toEqual(records);
        // Names come back as written, with an apostrophe only before a would-be formula.
        parsed.slice(1).forEach((record, i) => {
          expect(record[1]).toBe(neutralizeFormula(rows[i]!.agencyName));
          expect(Number(record[3])).toBe(rows[i]!.outgoing.total);
        });
      }),
      { numRuns: runs },
    );
  });
});
