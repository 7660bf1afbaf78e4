import { CalendarError } from './errors.js';
import type { Lang } from './errors.js';

/**
 * A civil (Gregorian) calendar date with no time and no time zone: what is printed on a document or a wall calendar.
 * `month` is 1–12 (not 0–11 as in JS `Date`), `day` is 1–31.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Every function that takes a date accepts either a {@link CivilDate} object or an ISO 8601 calendar date string
 * `yyyy-mm-dd`. JS `Date` objects are deliberately not accepted: they are instants, and their calendar date depends
 * on the time zone of the machine. Convert one explicitly with {@link civilDateOf}.
 */
export type DateInput = CivilDate | string;

/** ISO weekday: 1 = Monday (Thứ Hai) … 6 = Saturday (Thứ Bảy), 7 = Sunday (Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function invalid(input: unknown, lang: Lang | undefined, where: string): never {
  const shown = typeof input === 'string' ? `"${input}"` : ((JSON.stringify(input) as string | undefined) ?? String(input));
  throw new CalendarError(
    'INVALID_DATE',
    `Ngày không hợp lệ: ${shown} (cần ngày dương lịch dạng yyyy-mm-dd hoặc { year, month, day }).`,
    `Invalid date: ${shown} (expected a yyyy-mm-dd string or { year, month, day }).`,
    { where, lang },
  );
}

/**
 * Checks and normalises a date input. Throws {@link CalendarError} `INVALID_DATE` for anything that is not an
 * existing Gregorian date (e.g. `2025-02-29`).
 */
export function toCivilDate(input: DateInput, options: { lang?: Lang; where?: string } = {}): CivilDate {
  const where = options.where ?? 'date';
  let year: number;
  let month: number;
  let day: number;
  if (typeof input === 'string') {
    const m = ISO_DATE.exec(input.trim());
    if (!m) invalid(input, options.lang, where);
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else if (typeof input === 'object' && (input as unknown) !== null) {
    ({ year, month, day } = input);
  } else {
    invalid(input, options.lang, where);
  }
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    invalid(input, options.lang, where);
  }
  return { year, month, day };
}

/** Julian Day Number (the integer day count of the Julian period) of a Gregorian civil date. */
export function jdnOf(year: number, month: number, day: number): number {
  // Standard integer arithmetic for the proleptic Gregorian calendar (March-based year).
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** The Gregorian civil date of a Julian Day Number. */
export function civilOfJdn(jdn: number): CivilDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    year: 100 * b + d - 4800 + Math.floor(m / 10),
    month: m + 3 - 12 * Math.floor(m / 10),
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

/** Julian Day Number of a date input (validated). */
export function toJdn(input: DateInput, options: { lang?: Lang; where?: string } = {}): number {
  const d = toCivilDate(input, options);
  return jdnOf(d.year, d.month, d.day);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a Julian Day Number. */
export function weekdayOfJdn(jdn: number): IsoWeekday {
  return ((jdn % 7) + 1) as IsoWeekday;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(date: DateInput): IsoWeekday {
  return weekdayOfJdn(toJdn(date));
}

/** `yyyy-mm-dd` of a civil date. */
export function formatIsoDate(date: CivilDate): string {
  const y = String(date.year).padStart(4, '0');
  return `${y}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** `dd/mm/yyyy`, the way Vietnamese documents print a date. */
export function formatVnDate(date: DateInput): string {
  const d = toCivilDate(date);
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

/** Adds (or with a negative `days`, subtracts) calendar days. */
export function addDays(date: DateInput, days: number): CivilDate {
  return civilOfJdn(toJdn(date) + days);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: DateInput, b: DateInput): number {
  return toJdn(b, { where: 'b' }) - toJdn(a, { where: 'a' });
}

/** Compares two dates: negative, 0 or positive like a sort comparator. */
export function compareDates(a: DateInput, b: DateInput): number {
  return toJdn(a, { where: 'a' }) - toJdn(b, { where: 'b' });
}

/**
 * The civil date of an instant in a fixed UTC offset (hours; Vietnam is +7). Use this instead of
 * `date.getDate()`, which silently uses the time zone of the machine running the code.
 */
export function civilDateOf(instant: Date, utcOffsetHours = 7): CivilDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) invalid('Invalid Date', undefined, 'instant');
  const shifted = new Date(ms + utcOffsetHours * 3_600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Vietnamese weekday names, index = ISO weekday. */
export const WEEKDAY_NAMES_VI = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

/** ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: DateInput): { readonly year: number; readonly week: number } {
  const jdn = toJdn(date);
  const thursday = jdn - weekdayOfJdn(jdn) + 4;
  const year = civilOfJdn(thursday).year;
  return { year, week: Math.floor((thursday - jdnOf(year, 1, 1)) / 7) + 1 };
}

/** The seven days (Monday first) of ISO week `week` of ISO year `year`. */
export function isoWeekDays(year: number, week: number): CivilDate[] {
  const jan4 = jdnOf(year, 1, 4);
  const monday = jan4 - weekdayOfJdn(jan4) + 1 + (week - 1) * 7;
  return Array.from({ length: 7 }, (_, i) => civilOfJdn(monday + i));
}

/** Number of ISO weeks (52 or 53) in ISO year `year`. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}
