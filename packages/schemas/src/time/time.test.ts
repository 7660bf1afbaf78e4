import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EgovError } from '../errors.js';
import {
  civilDateOf,
  compareCivilDates,
  formatIsoDate,
  formatVnDate,
  isCivilDate,
  safeToCivilDate,
  toCivilDate,
  todayInVietnam,
} from './civil-date.js';
import {
  formatEdxmlDate,
  formatEdxmlTimestamp,
  formatPdfDate,
  formatVietnamDateTime,
  formatVietnamIso,
  isEdxmlTimestamp,
  isVietnamIso,
  parseEdxmlDate,
  parseEdxmlTimestamp,
  startOfVietnamDay,
  vietnamDateTimeOf,
  vietnamDayRange,
  VIETNAM_ISO_RE,
} from './vietnam-time.js';

const civil = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(isCivilDate);
/** Instants in years 1000–9999, where every form has four-digit years. */
const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 30) }).map((ms) => new Date(ms));

describe('toCivilDate', () => {
  it('reads ISO strings and { year, month, day }, and round-trips formatIsoDate', () => {
    expect(toCivilDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(toCivilDate({ year: 2025, month: 12, day: 31 })).toEqual({ year: 2025, month: 12, day: 31 });
    fc.assert(
      fc.property(civil, (d) => {
        expect(toCivilDate(formatIsoDate(d))).toEqual({ year: d.year, month: d.month, day: d.day });
      }),
    );
  });

  it('refuses days that do not exist, with a located, bilingual issue', () => {
    for (const bad of ['2021-02-29', '2020-13-01', '2020-00-10', '20-01-01', '2020-1-1', '']) {
      const r = safeToCivilDate(bad, { path: ['issued'] });
      expect(r).toMatchObject({ ok: false, issues: [{ code: 'date.invalid', path: ['issued'], params: { value: bad } }] });
      expect(r.ok ? '' : r.issues[0]!.localized?.en).toContain('is not valid');
    }
    expect(() => toCivilDate({ year: 2020, month: 2, day: 30 })).toThrow(EgovError);
  });

  it('refuses a JS Date with a message naming civilDateOf (one rule for schemas and calendar)', () => {
    // @ts-expect-error a Date is not a DateInput
    const r = safeToCivilDate(new Date('2020-02-04T17:30:00Z'), { lang: 'en' });
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'date.instant', message: expect.stringContaining('civilDateOf') }] });
  });

  it('never throws from safeToCivilDate, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
        const r = safeToCivilDate(x as string);
        expect(!r.ok || isCivilDate(r.value)).toBe(true);
      }),
    );
  });

  it('orders and prints civil dates', () => {
    expect(compareCivilDates(toCivilDate('2020-01-31'), toCivilDate('2020-02-01'))).toBeLessThan(0);
    expect(formatVnDate(toCivilDate('2020-02-05'))).toBe('05/02/2020');
    fc.assert(
      fc.property(civil, civil, (a, b) => {
        expect(Math.sign(compareCivilDates(a, b))).toBe(Math.sign(formatIsoDate(a).localeCompare(formatIsoDate(b))));
      }),
    );
  });
});

describe('Việt Nam time', () => {
  it('reads the day of an instant at UTC+07:00, not in the machine zone', () => {
    expect(civilDateOf(new Date('2020-02-04T17:00:00Z'))).toEqual({ year: 2020, month: 2, day: 5 });
    expect(civilDateOf(new Date('2020-02-04T16:59:59.999Z'))).toEqual({ year: 2020, month: 2, day: 4 });
    expect(civilDateOf(new Date('2020-02-04T16:00:00Z'), 8)).toEqual({ year: 2020, month: 2, day: 5 });
    expect(todayInVietnam(Date.UTC(2026, 11, 31, 18))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(() => civilDateOf(new Date('nope'))).toThrow(EgovError);
  });

  it('writes ISO 8601 with +07:00 that parses back to the same instant', () => {
    expect(formatVietnamIso(new Date('2026-12-02T04:35:08.250Z'))).toBe('2026-12-02T11:35:08+07:00');
    expect(formatVietnamIso(new Date('2026-12-02T04:35:08.250Z'), { milliseconds: true })).toBe('2026-12-02T11:35:08.250+07:00');
    fc.assert(
      fc.property(instant, (t) => {
        expect(new Date(formatVietnamIso(t, { milliseconds: true })).getTime()).toBe(t.getTime());
        expect(formatVietnamIso(t).slice(0, 10)).toBe(formatIsoDate(civilDateOf(t)));
      }),
    );
  });

  it('writes a date and time for people: dd/mm/yyyy and 24-hour time in Việt Nam time, vi and en', () => {
    // 03:03:16 UTC is 10:03:16 in Việt Nam on 2 December 2026 (what the signature panel showed as "10:03:16 2/12/26").
    const signed = new Date('2026-12-02T03:03:16Z');
    expect(formatVietnamDateTime(signed, 'vi')).toBe('02/12/2026 10:03:16');
    expect(formatVietnamDateTime(signed, 'en')).toBe('02/12/2026, 10:03:16');
    expect(formatVietnamDateTime(signed)).toBe('02/12/2026 10:03:16');
    // Past midnight in Việt Nam, still the day before in UTC.
    expect(formatVietnamDateTime(new Date('2020-02-04T17:30:05Z'), 'vi')).toBe('05/02/2020 00:30:05');
    expect(() => formatVietnamDateTime(new Date('nope'))).toThrow(RangeError);
    fc.assert(
      fc.property(instant, (t) => {
        const text = formatVietnamDateTime(t, 'vi');
        expect(text).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
        expect(text.slice(0, 10)).toBe(formatVnDate(civilDateOf(t)));
        expect(formatVietnamDateTime(t, 'en')).toBe(text.replace(' ', ', '));
        // The same wall-clock time as the edXML timestamp, reordered.
        const [d, m, y] = text.slice(0, 10).split('/');
        expect(formatEdxmlTimestamp(t)).toBe(`${y}/${m}/${d}${text.slice(10)}`);
      }),
    );
  });

  it('writes and reads the edXML timestamp (yyyy/MM/dd HH:mm:ss, Việt Nam time), and Bkav’s dd/MM/yyyy form', () => {
    expect(formatEdxmlTimestamp(new Date('2020-02-04T17:30:05Z'))).toBe('2020/02/05 00:30:05');
    expect(parseEdxmlTimestamp('2020/02/05 00:30:05')).toEqual({ ok: true, value: new Date('2020-02-04T17:30:05Z') });
    expect(parseEdxmlTimestamp('05/02/2020 00:30:05')).toEqual({ ok: true, value: new Date('2020-02-04T17:30:05Z') });
    for (const bad of ['2020/02/30 00:00:00', '2020/02/05 24:00:00', '2020-02-05 00:00:00', '2020/02/05T00:00:00']) {
      expect(parseEdxmlTimestamp(bad)).toMatchObject({ ok: false, issues: [{ code: 'timestamp.format' }] });
      expect(isEdxmlTimestamp(bad)).toBe(false);
    }
    fc.assert(
      fc.property(instant, (t) => {
        const text = formatEdxmlTimestamp(t);
        const back = parseEdxmlTimestamp(text);
        expect(back.ok && back.value.getTime()).toBe(Math.floor(t.getTime() / 1000) * 1000);
      }),
    );
  });

  it('writes and reads edXML dates', () => {
    expect(formatEdxmlDate('2020-02-05')).toBe('2020/02/05');
    fc.assert(
      fc.property(civil, (d) => {
        expect(parseEdxmlDate(formatEdxmlDate(d))).toEqual({ ok: true, value: { ...d } });
      }),
    );
    expect(parseEdxmlDate('2021/02/29').ok).toBe(false);
  });

  it('gives the instants that bound civil days in Việt Nam', () => {
    expect(startOfVietnamDay('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    const { start, end } = vietnamDayRange('2026-01-01', '2026-01-31');
    expect(start.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-01-31T17:00:00.000Z');
    fc.assert(
      fc.property(instant, (t) => {
        const day = civilDateOf(t);
        const { start: s, end: e } = vietnamDayRange(day, day);
        expect(s.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(e.getTime());
        expect(vietnamDateTimeOf(s)).toMatchObject({ ...day, hour: 0, minute: 0, second: 0 });
      }),
    );
  });
});

describe('ISO 8601 +07:00 and PDF dates', () => {
  const instant = Date.UTC(2026, 10, 23, 3, 4, 5, 120); // 10:04:05.120 in Việt Nam

  it('writes the PDF date of an instant at the Việt Nam offset, or another one', () => {
    expect(formatPdfDate(instant)).toBe("D:20261123100405+07'00'");
    expect(formatPdfDate(instant, 0)).toBe("D:20261123030405+00'00'");
    expect(formatPdfDate(instant, -330)).toBe("D:20261122213405-05'30'");
  });

  it('recognises what formatVietnamIso writes, and only real times', () => {
    expect(VIETNAM_ISO_RE.test('2026-11-23T10:04:05+07:00')).toBe(true);
    expect(isVietnamIso(formatVietnamIso(instant))).toBe(true);
    expect(isVietnamIso(formatVietnamIso(instant, { milliseconds: true }))).toBe(true);
    for (const bad of ['2026-11-23T10:04:05Z', '2026-11-23 10:04:05+07:00', '2026-02-30T10:04:05+07:00', '2026-11-23T24:00:00+07:00', '2026-11-23T10:04+07:00']) {
      expect({ bad, ok: isVietnamIso(bad) }).toEqual({ bad, ok: false });
    }
  });

  it('round-trips every instant through formatVietnamIso and isVietnamIso', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 0, 1) }), (ms) => {
        expect(isVietnamIso(formatVietnamIso(ms))).toBe(true);
        expect(Date.parse(formatVietnamIso(ms, { milliseconds: true }))).toBe(ms);
      }),
    );
  });
});
