// Calendar dates as agencies write them: a civil date, never a moment in time, so a date never shifts with the time
// zone of the machine that reads or prints it. The one definition of the kit (calendar, document-pdf, edxml,
// exchange-api and the elements import or re-export it).
//
// The rule about JS `Date`: a `Date` is an instant, not a day; its calendar date depends on a time zone. Functions
// taking a date refuse it (code `date.instant`, with a message naming the fix). Convert an instant explicitly with
// `civilDateOf(instant)` — the day in Việt Nam (UTC+07:00, no daylight saving) — or `civilDateOf(instant, offset)`.
import { EgovError, failure, type Issue, ok, type Result } from '../errors.js';
import { timeIssue } from './messages.js';
import type { Lang } from '../i18n.js';

/**
 * A civil (Gregorian) calendar date with no time and no time zone: what is printed on a document or a wall calendar.
 * `month` is 1–12 (not 0–11 as in JS `Date`), `day` is 1–31. Years 1–9999.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date given as ISO 8601 `yyyy-mm-dd` or as `{ year, month, day }`. A JS `Date` is refused (see `civilDateOf`). */
export type DateInput = CivilDate | string;

/** The codes of date problems. */
export type DateIssueCode = 'date.invalid' | 'date.instant';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a Gregorian month (0 for a month outside 1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True for an existing Gregorian date `{ year, month, day }` with integer fields, years 1–9999. */
export function isCivilDate(d: unknown): d is CivilDate {
  if (typeof d !== 'object' || d === null) return false;
  const { year, month, day } = d as Record<string, unknown>;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    (year as number) >= 1 &&
    (year as number) <= 9999 &&
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= daysInMonth(year as number, month as number)
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function shown(input: unknown): string {
  if (typeof input === 'string') return input;
  if (typeof input === 'object' && input !== null) {
    try {
      return JSON.stringify(input);
    } catch {
      return Object.prototype.toString.call(input);
    }
  }
  return typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' || typeof input === 'symbol' ? String(input) : typeof input;
}

/** Reads a date input into a civil date. Never throws: bad input gives a located issue. */
export function safeToCivilDate(
  input: DateInput,
  options: { lang?: Lang; path?: (string | number)[] } = {},
): Result<CivilDate, DateIssueCode> {
  const path = options.path ?? ['date'];
  if ((input as unknown) instanceof Date) {
    const t = (input as unknown as Date).getTime();
    return failure([dateIssue('date.instant', Number.isNaN(t) ? 'Invalid Date' : new Date(t).toISOString(), path, options.lang)]);
  }
  let d: unknown;
  if (typeof input === 'string') {
    const m = ISO_DATE.exec(input.trim());
    if (m) d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  } else if (typeof input === 'object' && (input as unknown) !== null) {
    const { year, month, day } = input;
    d = { year, month, day };
  }
  if (!isCivilDate(d)) return failure([dateIssue('date.invalid', input, path, options.lang)]);
  return ok(d);
}

/** Reads a date input into a civil date. Throws `EgovError` (`date.invalid`, `date.instant`) on bad input. */
export function toCivilDate(input: DateInput, options: { lang?: Lang; path?: (string | number)[] } = {}): CivilDate {
  const r = safeToCivilDate(input, options);
  if (r.ok) return r.value;
  throw new EgovError(r.issues);
}

/** ISO 8601 `yyyy-mm-dd` of a civil date. */
export function formatIsoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** `dd/mm/yyyy`, the way Vietnamese documents and forms print a date. */
export function formatVnDate(d: CivilDate): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${String(d.year).padStart(4, '0')}`;
}

/** Compares two civil dates like a sort comparator (negative when `a` is earlier). */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The UTC offset of Việt Nam in minutes: +07:00 all year (no daylight saving since 1975). */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

/** The IANA time zone of Việt Nam. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function instantMs(instant: Date | number, lang?: Lang): number {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    throw new EgovError([timeIssue('date.invalid', { value: shown(instant) }, ['instant'], lang)]);
  }
  return ms;
}

/**
 * The civil date of an instant at a fixed UTC offset in hours (default 7, Việt Nam). Use this instead of
 * `date.getDate()`, which silently uses the time zone of the machine running the code. Throws `EgovError`
 * (`date.invalid`) for an invalid `Date`.
 */
export function civilDateOf(instant: Date | number, utcOffsetHours = 7, options: { lang?: Lang } = {}): CivilDate {
  const shifted = new Date(instantMs(instant, options.lang) + utcOffsetHours * 3_600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Today in Việt Nam (UTC+07:00), whatever the time zone of the machine. */
export function todayInVietnam(now: Date | number = Date.now()): CivilDate {
  return civilDateOf(now, 7);
}

/** An issue of this module, for packages that report date problems in their own results. */
export function dateIssue(code: DateIssueCode, value: unknown, path: (string | number)[] = ['date'], lang?: Lang): Issue<DateIssueCode> {
  return timeIssue(code, { value: shown(value) }, path, lang);
}
