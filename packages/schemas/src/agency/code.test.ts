import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAgencyCodeTable, LEVEL1_CODES } from './level1-codes.js';
import { formatAgencyCode, isAgencyCode, parseAgencyCode, safeParseAgencyCode } from './code.js';

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

  it('is lenient on input and strict on output', () => {
    expect(parseAgencyCode(' 000.00.00.h49 ').code).toBe('000.00.00.H49');
    expect(parseAgencyCode('00.53.W00')).toMatchObject({ code: '000.00.53.W00', completed: true, kind: 'W' });
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
