import { EgovError, safeToCivilDate } from '@egov-vn/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDateOf, formatVnDate, toCivilDate } from './civil.js';
import { CalendarError } from './errors.js';

describe('civil dates: the rule of @egov-vn/schemas', () => {
  it('refuses a JS Date with a CalendarError that names civilDateOf, and converts one in Việt Nam time', () => {
    const instant = new Date('2020-02-04T17:30:00Z');
    let caught: unknown;
    try {
      // @ts-expect-error a Date is not a DateInput
      toCivilDate(instant, { lang: 'en', where: 'received' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarError);
    expect(caught).toBeInstanceOf(EgovError);
    expect(caught).toMatchObject({ code: 'INVALID_DATE', where: 'received', issues: [{ path: ['received'] }], message: expect.stringContaining('civilDateOf') });
    expect(civilDateOf(instant)).toEqual({ year: 2020, month: 2, day: 5 });
  });

  it('accepts and refuses exactly what schemas accepts and refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (text) => {
        const shared = safeToCivilDate(text);
        let ours: unknown;
        try {
          ours = toCivilDate(text);
        } catch (e) {
          ours = e;
        }
        expect(ours instanceof CalendarError ? 'refused' : ours).toEqual(shared.ok ? shared.value : 'refused');
      }),
    );
  });

  it('prints dd/mm/yyyy', () => {
    expect(formatVnDate('2025-09-02')).toBe('02/09/2025');
  });
});
