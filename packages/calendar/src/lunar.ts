// The Vietnamese lunisolar calendar (âm lịch), computed astronomically from the published rules:
//  1. a month starts on the civil day (in the calendar's time zone) that contains the new moon (ngày Sóc);
//  2. the month containing the winter solstice (Đông chí) is month 11;
//  3. when 13 new moons start between two consecutive months 11, the first month after the first of them
//     that contains no major solar term (Trung khí, solar longitude a multiple of 30°) is the leap month,
//     and it takes the number of the month before it.
// Astronomy: ./astro.ts (Meeus). Results are cached per lunar year and time zone.

import { newMoonJd, SYNODIC_MONTH, sunLongitudeUt, sunReachesLongitude } from './astro.js';
import { civilOfJdn, jdnOf, toCivilDate } from './civil.js';
import type { CivilDate, DateInput } from './civil.js';
import { CalendarError } from './errors.js';
import type { Lang } from './errors.js';

/** A date of the Vietnamese lunar calendar. `leap` is true in a leap month (tháng nhuận). */
export interface LunarDate {
  /** The lunar year, numbered as the Gregorian year in which its month 1 starts. */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–30. */
  readonly day: number;
  readonly leap: boolean;
}

/** Options of the lunar functions. */
export interface LunarOptions {
  /**
   * UTC offset in hours of the meridian the calendar is computed for. Default 7 (105°E, Vietnam's official
   * calendar since 1968). Use 8 for dates before 1968 in the North (and before 1975 in the South), which
   * followed the UTC+8 (Chinese) calendar; this is also how to get the Chinese calendar.
   */
  readonly timeZone?: number;
  /** Language of error messages (default Vietnamese). */
  readonly lang?: Lang;
}

/** One month of a lunar year. */
export interface LunarMonthInfo {
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
  /** Civil date of day 1 (mùng 1). */
  readonly start: CivilDate;
  /** 29 (tháng thiếu) or 30 (tháng đủ). */
  readonly length: 29 | 30;
}

/** First and last civil years supported (both inclusive). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

/**
 * The months from month 11 of lunar year Y−1 up to (not including) month 11 of Y: starts[i] is the Julian Day
 * Number of day 1 of the i-th month, with one extra entry for the end.
 */
interface YearWindow {
  readonly starts: Float64Array;
  readonly months: Uint8Array;
  /** Index of the leap month in `months`, or -1. */
  readonly leapIndex: number;
  /** Index of month 1 (Tết) in `months`. */
  readonly firstMonthIndex: number;
}

/** Per time zone: lunar-year windows, new-moon days by k, and the k of month 11 by Gregorian year. */
interface ZoneCache {
  readonly windows: Map<number, YearWindow>;
  readonly newMoonDays: Map<number, number>;
  readonly month11K: Map<number, number>;
}

const cache = new Map<number, ZoneCache>();

function zone(tz: number): ZoneCache {
  let z = cache.get(tz);
  if (!z) {
    z = { windows: new Map(), newMoonDays: new Map(), month11K: new Map() };
    cache.set(tz, z);
  }
  return z;
}

function newMoonDay(k: number, tz: number, z: ZoneCache): number {
  let day = z.newMoonDays.get(k);
  if (day === undefined) {
    day = Math.floor(newMoonJd(k) + 0.5 + tz / 24);
    z.newMoonDays.set(k, day);
  }
  return day;
}

/** Index k of the new moon that starts the lunar month containing civil day `jdn`. */
function monthStartK(jdn: number, tz: number, z: ZoneCache): number {
  let k = Math.floor((jdn - 2451550.1) / SYNODIC_MONTH);
  while (newMoonDay(k, tz, z) > jdn) k--;
  while (newMoonDay(k + 1, tz, z) <= jdn) k++;
  return k;
}

/** k of the new moon starting month 11 (the month containing the winter solstice) of Gregorian year `y`. */
function month11K(y: number, tz: number, z: ZoneCache): number {
  let k = z.month11K.get(y);
  if (k === undefined) {
    const solstice = Math.floor(sunReachesLongitude(270, jdnOf(y, 12, 21)) + 0.5 + tz / 24);
    k = monthStartK(solstice, tz, z);
    z.month11K.set(y, k);
  }
  return k;
}

/** Which 30° sector the Sun is in at the start (local midnight) of civil day `jdn`. */
function majorTermSector(jdn: number, tz: number): number {
  return Math.floor(sunLongitudeUt(jdn - 0.5 - tz / 24) / 30);
}

function buildWindow(year: number, tz: number, z: ZoneCache): YearWindow {
  const k0 = month11K(year - 1, tz, z);
  const k1 = month11K(year, tz, z);
  const count = k1 - k0;
  const starts = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) starts[i] = newMoonDay(k0 + i, tz, z);
  let leapIndex = -1;
  if (count === 13) {
    let sector = majorTermSector(starts[1]!, tz);
    for (let i = 1; i < count; i++) {
      const next = majorTermSector(starts[i + 1]!, tz);
      if (next === sector) {
        leapIndex = i;
        break;
      }
      sector = next;
    }
  }
  const months = new Uint8Array(count);
  let m = 11;
  let firstMonthIndex = -1;
  for (let i = 0; i < count; i++) {
    if (i > 0 && i !== leapIndex) m = m === 12 ? 1 : m + 1;
    months[i] = m;
    if (m === 1 && firstMonthIndex < 0) firstMonthIndex = i;
  }
  return { starts, months, leapIndex, firstMonthIndex };
}

function windowOf(year: number, tz: number): YearWindow {
  const z = zone(tz);
  let w = z.windows.get(year);
  if (!w) {
    w = buildWindow(year, tz, z);
    z.windows.set(year, w);
  }
  return w;
}

/** Drops the cached lunar years and new moons (a few hundred bytes per year). */
export function clearLunarCache(): void {
  cache.clear();
}

function timeZoneOf(options: LunarOptions): number {
  const tz = options.timeZone ?? 7;
  if (!Number.isFinite(tz) || tz < -12 || tz > 14) {
    throw new CalendarError(
      'INVALID_ARGUMENT',
      `Múi giờ không hợp lệ: ${tz} (cần số giờ lệch so với UTC, ví dụ 7).`,
      `Invalid time zone: ${tz} (expected a UTC offset in hours, e.g. 7).`,
      { where: 'timeZone', lang: options.lang },
    );
  }
  return tz;
}

function outOfRange(what: string, lang: Lang | undefined, where: string): never {
  const en = what.replace('Năm âm lịch', 'Lunar year').replace('Ngày', 'Date');
  throw new CalendarError(
    'OUT_OF_RANGE',
    `${what} nằm ngoài khoảng hỗ trợ (năm ${MIN_YEAR}–${MAX_YEAR}).`,
    `${en} is outside the supported range (years ${MIN_YEAR}–${MAX_YEAR}).`,
    { where, lang },
  );
}

function lunarOfJdn(jdn: number, civilYear: number, tz: number): LunarDate {
  let year = civilYear + 1;
  let w = windowOf(year, tz);
  if (jdn < w.starts[0]!) {
    year = civilYear;
    w = windowOf(year, tz);
  }
  let i = w.months.length - 1;
  while (w.starts[i]! > jdn) i--;
  return {
    year: i < w.firstMonthIndex ? year - 1 : year,
    month: w.months[i]!,
    day: jdn - w.starts[i]! + 1,
    leap: i === w.leapIndex,
  };
}

/**
 * Converts a civil (Gregorian) date to the Vietnamese lunar calendar.
 *
 * @example toLunar('2025-01-29') // { year: 2025, month: 1, day: 1, leap: false } — Tết Ất Tỵ
 */
export function toLunar(date: DateInput, options: LunarOptions = {}): LunarDate {
  const d = toCivilDate(date, { lang: options.lang });
  const tz = timeZoneOf(options);
  if (d.year < MIN_YEAR || d.year > MAX_YEAR) outOfRange(`Ngày ${d.year}-${d.month}-${d.day}`, options.lang, 'date');
  return lunarOfJdn(jdnOf(d.year, d.month, d.day), d.year, tz);
}

/** The window (and index in it) of a lunar month, or undefined when that month does not exist. */
function locateMonth(lunar: Pick<LunarDate, 'year' | 'month' | 'leap'>, tz: number): [YearWindow, number] | undefined {
  const w = windowOf(lunar.month >= 11 ? lunar.year + 1 : lunar.year, tz);
  for (let i = 0; i < w.months.length; i++) {
    if (w.months[i] !== lunar.month || (i === w.leapIndex) !== lunar.leap) continue;
    // In the window of Y+1, months 11 and 12 (and a leap 11/12) lie before month 1 and belong to Y.
    const before = i < w.firstMonthIndex;
    if (lunar.month >= 11 ? before : !before) return [w, i];
  }
  return undefined;
}

function invalidLunar(lunar: unknown, lang: Lang | undefined, vi: string, en: string): never {
  const shown = JSON.stringify(lunar);
  throw new CalendarError('INVALID_LUNAR_DATE', `Ngày âm lịch không hợp lệ ${shown}: ${vi}`, `Invalid lunar date ${shown}: ${en}`, {
    where: 'lunar',
    lang,
  });
}

/**
 * Converts a lunar date to the civil (Gregorian) date. Throws {@link CalendarError} `INVALID_LUNAR_DATE` when the
 * month is not a leap month of that year (`leap: true`) or the day does not exist (30 in a 29-day month).
 *
 * @example toSolar({ year: 2026, month: 3, day: 10, leap: false }) // { year: 2026, month: 4, day: 26 } — Giỗ Tổ
 */
export function toSolar(lunar: LunarDate | Omit<LunarDate, 'leap'>, options: LunarOptions = {}): CivilDate {
  const tz = timeZoneOf(options);
  const { year, month, day } = lunar;
  const leap = 'leap' in lunar ? lunar.leap : false;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    invalidLunar(lunar, options.lang, 'cần năm, tháng 1–12, ngày 1–30 là số nguyên.', 'year, month 1–12 and day 1–30 must be integers.');
  }
  if (year < MIN_YEAR - 1 || year > MAX_YEAR) outOfRange(`Năm âm lịch ${year}`, options.lang, 'lunar.year');
  const found = locateMonth({ year, month, leap }, tz);
  if (!found) {
    invalidLunar(lunar, options.lang, `năm ${year} không có tháng ${month} nhuận.`, `year ${year} has no leap month ${month}.`);
  }
  const [w, i] = found;
  const length = w.starts[i + 1]! - w.starts[i]!;
  if (day > length) {
    invalidLunar(lunar, options.lang, `tháng này chỉ có ${length} ngày.`, `this month has only ${length} days.`);
  }
  const result = civilOfJdn(w.starts[i]! + day - 1);
  if (result.year < MIN_YEAR || result.year > MAX_YEAR) outOfRange(`Năm âm lịch ${year}`, options.lang, 'lunar.year');
  return result;
}

/** Civil date of Tết Nguyên đán (day 1 of month 1) of lunar year `year`. */
export function tetDate(year: number, options: LunarOptions = {}): CivilDate {
  return toSolar({ year, month: 1, day: 1, leap: false }, options);
}

/** The leap month (1–12) of lunar year `year`, or 0 when the year has none. */
export function leapMonthOf(year: number, options: LunarOptions = {}): number {
  return lunarYearMonths(year, options).find((m) => m.leap)?.month ?? 0;
}

/** The 12 or 13 months of lunar year `year`, from month 1 (Tết) to month 12 (tháng Chạp). */
export function lunarYearMonths(year: number, options: LunarOptions = {}): LunarMonthInfo[] {
  const tz = timeZoneOf(options);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) outOfRange(`Năm âm lịch ${year}`, options.lang, 'year');
  const result: LunarMonthInfo[] = [];
  const push = (w: YearWindow, i: number): void => {
    result.push({
      year,
      month: w.months[i]!,
      leap: i === w.leapIndex,
      start: civilOfJdn(w.starts[i]!),
      length: (w.starts[i + 1]! - w.starts[i]!) as 29 | 30,
    });
  };
  const w = windowOf(year, tz);
  for (let i = w.firstMonthIndex; i < w.months.length; i++) push(w, i);
  const next = windowOf(year + 1, tz);
  for (let i = 0; i < next.firstMonthIndex; i++) push(next, i);
  return result;
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(lunar: Pick<LunarDate, 'year' | 'month' | 'leap'>, options: LunarOptions = {}): 29 | 30 {
  const found = locateMonth(lunar, timeZoneOf(options));
  if (!found) invalidLunar(lunar, options.lang, `năm ${lunar.year} không có tháng ${lunar.month} nhuận.`, `year ${lunar.year} has no leap month ${lunar.month}.`);
  const [w, i] = found;
  return (w.starts[i + 1]! - w.starts[i]!) as 29 | 30;
}

/** Traditional month names: tháng Giêng (1) … tháng Chạp (12). */
export const LUNAR_MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười một', 'Chạp'] as const;

/**
 * Writes a lunar date the Vietnamese way. `short` (default): "10/3 âm lịch", "1/6 nhuận âm lịch"; `long`:
 * "mùng 10 tháng Ba năm Ất Tỵ", "ngày 15 tháng Sáu nhuận năm Ất Tỵ" (days 1–10 are "mùng").
 */
export function formatLunar(lunar: LunarDate, options: { style?: 'short' | 'long' } = {}): string {
  if (options.style !== 'long') return `${lunar.day}/${lunar.month}${lunar.leap ? ' nhuận' : ''} âm lịch`;
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : `ngày ${lunar.day}`;
  const can = ['Canh', 'Tân', 'Nhâm', 'Quý', 'Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ'][lunar.year % 10]!;
  const chi = ['Thân', 'Dậu', 'Tuất', 'Hợi', 'Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi'][lunar.year % 12]!;
  return `${day} tháng ${LUNAR_MONTH_NAMES[lunar.month - 1]!}${lunar.leap ? ' nhuận' : ''} năm ${can} ${chi}`;
}

/**
 * The time zone the lunar calendar of a region actually used on a date: the North switched from the UTC+8
 * calendar to UTC+7 with lunar year 1968 (decree of 8/8/1967), the South kept UTC+8 until 1975 (UTC+7 from lunar
 * year 1976). Pass the result as `timeZone` to get the calendar printed at the time.
 */
export function historicalTimeZone(date: DateInput, region: 'north' | 'south' = 'north'): 7 | 8 {
  const lunar = toLunar(date, { timeZone: 7 });
  return lunar.year >= (region === 'north' ? 1968 : 1976) ? 7 : 8;
}
