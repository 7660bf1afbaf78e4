import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EgovError } from '../errors.js';
import { nextRegisterNumber, type RegisterState } from './register.js';

describe('nextRegisterNumber', () => {
  it('counts from 1 and goes on', () => {
    let state: RegisterState = {};
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = nextRegisterNumber(state, { issuer: 'UBND', series: 'ordinary', date: '2026-03-02' });
      numbers.push(r.number);
      state = r.state;
    }
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('starts again at 1 on 1 January', () => {
    let state: RegisterState = {};
    state = nextRegisterNumber(state, { issuer: 'UBND', series: 'ordinary', date: '2025-12-31' }).state;
    state = nextRegisterNumber(state, { issuer: 'UBND', series: 'ordinary', date: '2025-12-31' }).state;
    expect(nextRegisterNumber(state, { issuer: 'UBND', series: 'ordinary', date: '2026-01-01' })).toMatchObject({ number: 1, year: 2026 });
  });

  it('keeps secret, copy, incoming and each legal type in their own series', () => {
    let state: RegisterState = {};
    for (const series of ['ordinary', 'ordinary', 'secret', 'copy', 'incoming'] as const) {
      state = nextRegisterNumber(state, { issuer: 'UBND', series, date: '2026-05-05' }).state;
    }
    state = nextRegisterNumber(state, { issuer: 'UBND', series: 'legal', typeAbbreviation: 'QĐ', date: '2026-05-05' }).state;
    expect(nextRegisterNumber(state, { issuer: 'UBND', series: 'secret', date: '2026-05-06' }).number).toBe(2);
    expect(nextRegisterNumber(state, { issuer: 'UBND', series: 'ordinary', date: '2026-05-06' }).number).toBe(3);
    expect(nextRegisterNumber(state, { issuer: 'UBND', series: 'legal', typeAbbreviation: 'QĐ', date: '2026-05-06' }).number).toBe(2);
    expect(nextRegisterNumber(state, { issuer: 'UBND', series: 'legal', typeAbbreviation: 'NQ', date: '2026-05-06' }).number).toBe(1);
    expect(nextRegisterNumber(state, { issuer: 'HĐND', series: 'ordinary', date: '2026-05-06' }).number).toBe(1);
  });

  it('is pure: the state passed in is never changed', () => {
    const state = Object.freeze({});
    const r = nextRegisterNumber(state, { issuer: 'UBND', series: 'ordinary', date: '2026-05-05' });
    expect(state).toEqual({});
    expect(r.state).not.toBe(state);
  });

  it('gives n numbers 1..n for n registrations in a year, whatever the order of series', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ordinary', 'secret', 'copy', 'incoming' as const), { maxLength: 60 }), (series) => {
        let state: RegisterState = {};
        const seen = new Map<string, number[]>();
        for (const s of series) {
          const r = nextRegisterNumber(state, { issuer: 'UBND', series: s, date: '2026-07-01' });
          state = r.state;
          seen.set(s, [...(seen.get(s) ?? []), r.number]);
        }
        for (const numbers of seen.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }),
    );
  });

  it('refuses a bad date with a located error', () => {
    expect(() => nextRegisterNumber({}, { issuer: 'UBND', series: 'ordinary', date: '2026-02-30' })).toThrow(EgovError);
  });
});
