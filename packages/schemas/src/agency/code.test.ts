import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAgencyCodeTable, LEVEL1_CODES } from './level1-codes.js';
import { AGENCY_CODE_RE, classifyAgencyCode, formatAgencyCode, isAgencyCode, parseAgencyCode, safeParseAgencyCode } from './code.js';

describe('parseAgencyCode', () => {
  it('reads a provincial People’s Committee code as level 1', () => {
    expect(parseAgencyCode('000.00.00.H49')).toEqual({
      code: '000.00.00.H49',
      level: 1,
      level1: 'H49',
      level2: '00',
      level3: '00',
      level4: '000',
      kind: 'H',
      completed: false,
    });
  });

  it('finds the level and the parent (codes from the .NET axis sample)', () => {
    expect(parseAgencyCode('000.46.24.H44')).toMatchObject({ level: 3, parentCode: '000.00.24.H44' });
    expect(parseAgencyCode('000.00.24.H44')).toMatchObject({ level: 2, parentCode: '000.00.00.H44' });
    expect(parseAgencyCode('002.00.99.H44')).toMatchObject({ level: 4, parentCode: '000.00.99.H44' });
  });

  it('tolerates spaces and lower case, and writes the normalised code', () => {
    expect(parseAgencyCode(' 000.00.00.h49 ').code).toBe('000.00.00.H49');
    expect(parseAgencyCode('000.00.00.\u00a0H49').code).toBe('000.00.00.H49');
  });

  it('refuses a short form by default, naming the full form; completes it only on request', () => {
    expect(safeParseAgencyCode('00.00.H41')).toMatchObject({
      ok: false,
      issues: [{ code: 'agencyCode.short', params: { completed: '000.00.00.H41' }, message: expect.stringContaining('000.00.00.H41') }],
    });
    expect(() => parseAgencyCode('00.53.W00', { lang: 'en' })).toThrow(/short form.*000\.00\.53\.W00.*complete: true/);
    expect(parseAgencyCode('00.00.H41', { complete: true })).toMatchObject({ code: '000.00.00.H41', completed: true, level: 1 });
    expect(parseAgencyCode('00.53.W00', { complete: true })).toMatchObject({ code: '000.00.53.W00', completed: true, kind: 'W' });
    expect(parseAgencyCode('22.H17', { complete: true })).toMatchObject({ code: '000.00.22.H17', level: 2 });
  });

  it('accepts upper-case letters in groups 2–4 (one rule with the hub and the edXML checker), not in level 1 digits', () => {
    expect(parseAgencyCode('A00.00.00.H49')).toMatchObject({ level: 4, parentCode: '000.00.00.H49' });
    expect(parseAgencyCode('000.0B.00.H49')).toMatchObject({ level: 3, level3: '0B' });
    expect(isAgencyCode('A00.00.00.H49')).toBe(true);
    expect(AGENCY_CODE_RE.test('A00.00.00.H49')).toBe(true);
    expect(safeParseAgencyCode('000.00.00.HA9').ok).toBe(false);
    expect(safeParseAgencyCode('000.00.00.149').ok).toBe(false);
  });

  it('agrees with AGENCY_CODE_RE on every string isAgencyCode accepts or refuses', () => {
    const chars = fc.constantFrom(...'0123456789ABHGWZ.a '.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }).map((a) => a.join('')), (s) => {
        expect(isAgencyCode(s)).toBe(AGENCY_CODE_RE.test(s));
        expect(isAgencyCode(s) ? parseAgencyCode(s).code : s).toBe(s);
      }),
    );
  });

  it('refuses what is not a code, naming the rule', () => {
    for (const bad of ['', 'H49', '000.00.00.49H', '0000.00.00.H49', '000-00-00-H49', '000.00.00.HH9']) {
      expect(safeParseAgencyCode(bad)).toMatchObject({ ok: false, errors: [{ code: 'agencyCode.format' }] });
    }
    expect(() => parseAgencyCode('x', { lang: 'en' })).toThrow(/Agency code "x" is not of the form 000.00.00.H49/);
  });

  it('round-trips format ∘ parse over every well-formed code', () => {
    const code = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('A', 'G', 'H', 'W'), fc.integer({ min: 0, max: 99 }))
      .map(([l4, l3, l2, letter, n]) => formatAgencyCode({ level1: `${letter}${String(n).padStart(2, '0')}`, level2: l2, level3: l3, level4: l4 }));
    fc.assert(
      fc.property(code, (c) => {
        expect(c).toHaveLength(13);
        expect(isAgencyCode(c)).toBe(true);
        const parsed = parseAgencyCode(c);
        expect(formatAgencyCode(parsed)).toBe(c);
        const parentLevel = parsed.parentCode ? parseAgencyCode(parsed.parentCode).level : 0;
        expect(parentLevel).toBeLessThan(parsed.level);
      }),
    );
  });
});

describe('classifyAgencyCode', () => {
  it('says what a field holds instead of throwing', () => {
    expect(classifyAgencyCode('000.00.00.G22')).toMatchObject({ kind: 'code', code: { code: '000.00.00.G22', level: 1 } });
    expect(classifyAgencyCode('00.53.W00')).toMatchObject({ kind: 'short', completed: { code: '000.00.53.W00' } });
    expect(classifyAgencyCode('vxp.saas.03')).toEqual({ kind: 'systemId', text: 'vxp.saas.03', systemId: 'vxp.saas.03' });
    expect(classifyAgencyCode('qninh.sandbox')).toMatchObject({ kind: 'systemId' });
    for (const empty of ['', '  ', 'null', 'NULL', 'undefined', '-', null, undefined]) {
      expect(classifyAgencyCode(empty)).toMatchObject({ kind: 'empty' });
    }
    expect(classifyAgencyCode('UBND tỉnh', { lang: 'en' })).toMatchObject({
      kind: 'invalid',
      issue: { code: 'agencyCode.format', message: expect.stringContaining('is not of the form') },
    });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
        const c = classifyAgencyCode(x);
        expect(['code', 'short', 'systemId', 'empty', 'invalid']).toContain(c.kind);
        expect(c.kind !== 'code' || isAgencyCode(c.code.code)).toBe(true);
      }),
    );
  });
});

describe('level-1 code table', () => {
  it('lists only sourced codes and looks codes up by their level-1 group', () => {
    const table = createAgencyCodeTable();
    for (const entry of LEVEL1_CODES) expect(entry.source.length).toBeGreaterThan(10);
    expect(table.lookup('000.00.00.G22')?.name).toBe('Văn phòng Chính phủ');
    expect(table.lookup('h49')?.name).toBe('Ủy ban nhân dân tỉnh Quảng Ninh');
    expect(table.lookup('Z99')).toBeUndefined();
  });

  it('can be replaced (e.g. after the 2025 reorganisation of provinces)', () => {
    const table = createAgencyCodeTable([{ code: 'H99', name: 'Tỉnh mới', source: 'Quyết định giả định trong test' }]);
    expect(table.lookup('000.00.00.H99')?.name).toBe('Tỉnh mới');
    expect(table.lookup('G22')).toBeUndefined();
  });
});
