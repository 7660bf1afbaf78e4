import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssuedPlaceDate, parseIssuedPlaceDate, safeFormatIssuedPlaceDate } from './place-date.js';
import { civilDateOf } from '../time/civil-date.js';

describe('formatIssuedPlaceDate', () => {
  it('pads days below 10 and the months 1 and 2', () => {
    expect(formatIssuedPlaceDate({ place: 'Gia Lai', date: '2020-02-05' })).toBe('Gia Lai, ngày 05 tháng 02 năm 2020');
    expect(formatIssuedPlaceDate({ place: 'Tuy Hòa', date: '2009-03-03' })).toBe('Tuy Hòa, ngày 03 tháng 3 năm 2009');
    expect(formatIssuedPlaceDate({ place: 'Hà Nội', date: { year: 2012, month: 9, day: 11 } })).toBe('Hà Nội, ngày 11 tháng 9 năm 2012');
    expect(formatIssuedPlaceDate({ place: 'Lào Cai', date: '2012-01-12' })).toBe('Lào Cai, ngày 12 tháng 01 năm 2012');
    expect(formatIssuedPlaceDate({ place: 'Hà Nội', date: '2012-12-31' })).toBe('Hà Nội, ngày 31 tháng 12 năm 2012');
  });

  it('refuses a JS Date (an instant), pointing to civilDateOf, which reads it in Vietnam time', () => {
    const instant = new Date('2020-02-04T17:30:00Z');
    // @ts-expect-error a Date is not a DateInput
    expect(safeFormatIssuedPlaceDate({ place: 'Gia Lai', date: instant })).toMatchObject({ ok: false, issues: [{ code: 'date.instant', path: ['date'] }] });
    // 17:30 UTC on 4 February is 00:30 on 5 February in Vietnam.
    expect(formatIssuedPlaceDate({ place: 'Gia Lai', date: civilDateOf(instant) })).toBe('Gia Lai, ngày 05 tháng 02 năm 2020');
  });

  it('refuses impossible dates and a missing place, naming the field', () => {
    expect(safeFormatIssuedPlaceDate({ place: 'Huế', date: '2021-02-29' })).toMatchObject({ ok: false, errors: [{ code: 'date.invalid', path: ['date'] }] });
    expect(safeFormatIssuedPlaceDate({ place: '  ', date: '2021-02-28' })).toMatchObject({ ok: false, errors: [{ code: 'placeDate.place', path: ['place'] }] });
    // @ts-expect-error a Date is not a DateInput
    expect(safeFormatIssuedPlaceDate({ place: 'Huế', date: new Date('nope') })).toMatchObject({ ok: false, errors: [{ code: 'date.instant' }] });
    expect(() => formatIssuedPlaceDate({ place: 'Huế', date: '2021-13-01' }, { lang: 'en' })).toThrow(/Date "2021-13-01" is not valid/);
  });

  it('round-trips through parseIssuedPlaceDate', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), fc.constantFrom('Gia Lai', 'Hà Nội', 'Tuy Hòa', 'Thành phố Hồ Chí Minh'), (date, place) => {
        const iso = date.toISOString().slice(0, 10);
        const text = formatIssuedPlaceDate({ place, date: iso });
        expect(parseIssuedPlaceDate(text)).toEqual({ ok: true, value: { place, date: iso } });
      }),
      { numRuns: 300 },
    );
  });
});
