import { type CivilDate, type DateInput, formatVnDate as formatCivilVnDate, safeToCivilDate } from '@egov-vn/schemas/time';
import { CalendarError } from './errors.js';
import type { Lang } from './errors.js';

// Civil dates are the kit's one definition (`@egov-vn/schemas`): re-exported here, with the same rule about JS
// `Date` (refused: a `Date` is an instant; convert it with `civilDateOf`, which reads it in Việt Nam time).
export { civilDateOf, daysInMonth, formatIsoDate, safeToCivilDate, todayInVietnam } from '@egov-vn/schemas/time';
export type { CivilDate, DateInput } from '@egov-vn/schemas/time';

/** ISO weekday: 1 = Monday (Thứ Hai) … 6 = Saturday (Thứ Bảy), 7 = Sunday (Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Checks and normalises a date input by the kit's rule (`safeToCivilDate` of `@egov-vn/schemas`). Throws
 * {@link CalendarError} `INVALID_DATE` for anything that is not an existing Gregorian date (e.g. `2025-02-29`) and for
 * a JS `Date` (the message names `civilDateOf`).
 */
export function toCivilDate(input: DateInput, options: { lang?: Lang; where?: string } = {}): CivilDate {
  const where = options.where ?? 'date';
  const r = safeToCivilDate(input, { path: [where] });
  if (r.ok) return r.value;
  const issue = r.issues[0]!;
  if (issue.code === 'date.instant' && issue.localized) {
    throw new CalendarError('INVALID_DATE', issue.localized.vi, issue.localized.en, { where, lang: options.lang, params: issue.params });
  }
  const shown = typeof input === 'string' ? `"${input}"` : ((JSON.stringify(input) as string | undefined) ?? Object.prototype.toString.call(input));
  throw new CalendarError(
    'INVALID_DATE',
    `Ngày không hợp lệ: ${shown} (cần ngày dương lịch dạng yyyy-mm-dd hoặc { year, month, day }).`,
    `Invalid date: ${shown} (expected a yyyy-mm-dd string or { year, month, day }).`,
    { where, lang: options.lang, params: issue.params },
  );
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

/** `dd/mm/yyyy`, the way Vietnamese documents print a date. */
export function formatVnDate(date: DateInput): string {
  return formatCivilVnDate(toCivilDate(date));
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
