import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EgovError } from '../errors.js';
import { thrown } from '../thrown.testutil.js';
import { formatDocumentNumber, parseDocumentNumber, safeParseDocumentNumber } from './number.js';
import { DOCUMENT_TYPES } from './types.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 1000);

describe('parseDocumentNumber: real numbers from the directives', () => {
  it.each([
    ['Số: 05/CT-UBND', { number: 5, symbol: 'CT-UBND', typeAbbreviation: 'CT', issuerAbbreviation: 'UBND' }],
    ['Số: 07/CT-UBND', { number: 7, symbol: 'CT-UBND', typeAbbreviation: 'CT', issuerAbbreviation: 'UBND' }],
    ['Số: 02 /CT-BNV', { number: 2, symbol: 'CT-BNV', typeAbbreviation: 'CT', issuerAbbreviation: 'BNV' }],
    ['15/CT-TTg', { number: 15, symbol: 'CT-TTg', typeAbbreviation: 'CT', issuerAbbreviation: 'TTg' }],
    ['123/UBND-VP', { number: 123, symbol: 'UBND-VP', issuerAbbreviation: 'UBND', unitAbbreviation: 'VP' }],
    ['3526/VPCP-KGVX', { number: 3526, symbol: 'VPCP-KGVX', issuerAbbreviation: 'VPCP', unitAbbreviation: 'KGVX' }],
    ['7816/VPCP-TTĐT', { number: 7816, symbol: 'VPCP-TTĐT', issuerAbbreviation: 'VPCP', unitAbbreviation: 'TTĐT' }],
    ['12/2020/NĐ-CP', { number: 12, year: 2020, symbol: 'NĐ-CP', typeAbbreviation: 'NĐ', issuerAbbreviation: 'CP' }],
    ['64/2007/NĐ-CP', { number: 64, year: 2007, symbol: 'NĐ-CP', typeAbbreviation: 'NĐ', issuerAbbreviation: 'CP' }],
    ['518/2011/QĐ-UBND', { number: 518, year: 2011, symbol: 'QĐ-UBND', typeAbbreviation: 'QĐ', issuerAbbreviation: 'UBND' }],
    ['05/SY-VP', { number: 5, symbol: 'SY-VP', typeAbbreviation: 'SY', issuerAbbreviation: 'VP' }],
    ['10/KH-UBND-VX', { number: 10, symbol: 'KH-UBND-VX', typeAbbreviation: 'KH', issuerAbbreviation: 'UBND', unitAbbreviation: 'VX' }],
  ])('%s', (text, expected) => {
    expect(parseDocumentNumber(text)).toEqual(expected);
  });

  it('reads decomposed Vietnamese letters in the symbol', () => {
    expect(parseDocumentNumber('12/2020/NĐ-CP'.normalize('NFD')).typeAbbreviation).toBe('NĐ');
  });
});

describe('parseDocumentNumber: bad input', () => {
  it.each(['', 'abc', '05CT-UBND', '05/CT UBND', '05/', '/CT-UBND', '05/CT--UBND'])('refuses %j with documentNumber.format', (text) => {
    expect(safeParseDocumentNumber(text)).toMatchObject({
      ok: false,
      errors: [{ code: 'documentNumber.format', message: expect.stringContaining('không đúng dạng') }],
    });
  });

  it('refuses number 0 and numbers longer than CodeNumber allows', () => {
    expect(safeParseDocumentNumber('0/CT-UBND')).toMatchObject({ ok: false, errors: [{ code: 'documentNumber.numberPositive', path: ['number'] }] });
    expect(safeParseDocumentNumber('123456789012/UBND-VP')).toMatchObject({ ok: false, errors: [{ code: 'documentNumber.numberLength' }] });
  });

  it('refuses a symbol longer than CodeNotation allows', () => {
    expect(safeParseDocumentNumber(`01/UBND-${'A'.repeat(30)}`)).toMatchObject({ ok: false, errors: [{ code: 'documentNumber.symbolLength', path: ['symbol'] }] });
  });

  it('throws a typed, localised error from the throwing variant', () => {
    expect(() => parseDocumentNumber('xyz')).toThrow(EgovError);
    expect(() => parseDocumentNumber('xyz', { lang: 'en' })).toThrow(/is not of the form "number\/symbol"/);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => safeParseDocumentNumber(text)).not.toThrow();
      }),
      { numRuns: runs },
    );
  });
});

describe('formatDocumentNumber', () => {
  it('zero-pads numbers below 10 and joins the groups with hyphens', () => {
    expect(formatDocumentNumber({ number: 5, typeAbbreviation: 'CT', issuerAbbreviation: 'UBND' })).toBe('05/CT-UBND');
    expect(formatDocumentNumber({ number: 123, issuerAbbreviation: 'UBND', unitAbbreviation: 'VP' }, { label: true })).toBe('Số: 123/UBND-VP');
    expect(formatDocumentNumber({ number: 12, year: 2020, typeAbbreviation: 'NĐ', issuerAbbreviation: 'CP' })).toBe('12/2020/NĐ-CP');
  });

  it('refuses parts that break the rules, naming each', () => {
    const error = thrown(() => formatDocumentNumber({ number: 0, issuerAbbreviation: 'UB ND', symbol: 'X' }));
    expect(error.issues.map((i) => i.code)).toEqual(['documentNumber.numberPositive', 'documentNumber.symbol', 'documentNumber.symbolMismatch']);
  });

  const group = fc.stringMatching(/^[A-ZĐ][A-ZĐa-z0-9]{0,5}$/);
  const canonical = fc
    .record({
      number: fc.integer({ min: 1, max: 99_999 }),
      year: fc.option(fc.integer({ min: 1945, max: 2100 }), { nil: undefined }),
      type: fc.option(fc.constantFrom(...DOCUMENT_TYPES.flatMap((t) => ('abbreviation' in t ? [t.abbreviation] : []))), { nil: undefined }),
      issuer: group,
      unit: fc.option(group, { nil: undefined }),
    })
    .filter((r) => r.type !== undefined || r.unit !== undefined)
    .map((r) => {
      const symbol = [r.type, r.issuer, r.unit].filter(Boolean).join('-');
      return `${r.number < 10 ? '0' : ''}${r.number}/${r.year !== undefined ? `${r.year}/` : ''}${symbol}`;
    })
    .filter((text) => text.split('/').at(-1)!.length <= 30);

  it('round-trips: format(parse(x)) = x for every canonical number', () => {
    fc.assert(
      fc.property(canonical, (text) => {
        const parsed = parseDocumentNumber(text);
        expect(formatDocumentNumber(parsed)).toBe(text);
        expect(parseDocumentNumber(formatDocumentNumber(parsed))).toEqual(parsed);
      }),
      { numRuns: runs },
    );
  });
});
