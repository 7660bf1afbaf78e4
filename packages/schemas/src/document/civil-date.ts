// Calendar dates as agencies write them: a civil date in Vietnam (UTC+07:00, no daylight saving), never a
// moment in time, so a date never shifts with the time zone of the machine that formats it.
import { fail, type Result } from '../errors.js';
import type { Language } from '../i18n.js';

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** A date given as ISO `yyyy-mm-dd`, as `{ year, month, day }`, or as a `Date` (read in Vietnam's time zone). */
export type DateInput = string | CivilDate | Date;

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function valid(d: CivilDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a date input into a civil date. Never throws. */
export function toCivilDate(input: DateInput, options: { lang?: Language; path?: (string | number)[] } = {}): Result<CivilDate> {
  const path = options.path ?? ['date'];
  let d: CivilDate | undefined;
  if (input instanceof Date) {
    if (!Number.isNaN(input.getTime())) {
      const shifted = new Date(input.getTime() + VIETNAM_OFFSET_MS);
      d = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
    }
  } else if (typeof input === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
    if (m) d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  } else if (isRecord(input)) {
    d = { year: input.year, month: input.month, day: input.day };
  }
  if (!d || !valid(d)) {
    const value = typeof input === 'object' && !(input instanceof Date) ? JSON.stringify(input) : String(input);
    return fail('date.invalid', { value }, path, options.lang);
  }
  return { ok: true, value: d };
}

/** ISO `yyyy-mm-dd` of a civil date. */
export function formatIsoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
