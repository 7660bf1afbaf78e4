// The 24 solar terms (tiết khí): the moments the apparent solar longitude reaches a multiple of 15°.

import { sunReachesLongitude } from './astro.js';
import { civilOfJdn, jdnOf, toCivilDate } from './civil.js';
import type { CivilDate, DateInput } from './civil.js';
import { CalendarError } from './errors.js';
import type { LunarOptions } from './lunar.js';
import { MAX_YEAR, MIN_YEAR } from './lunar.js';

/** Names of the terms by solar longitude / 15 (index 0 = Xuân phân at 0°). */
export const SOLAR_TERM_NAMES = [
  'Xuân phân',
  'Thanh minh',
  'Cốc vũ',
  'Lập hạ',
  'Tiểu mãn',
  'Mang chủng',
  'Hạ chí',
  'Tiểu thử',
  'Đại thử',
  'Lập thu',
  'Xử thử',
  'Bạch lộ',
  'Thu phân',
  'Hàn lộ',
  'Sương giáng',
  'Lập đông',
  'Tiểu tuyết',
  'Đại tuyết',
  'Đông chí',
  'Tiểu hàn',
  'Đại hàn',
  'Lập xuân',
  'Vũ thủy',
  'Kinh trập',
] as const;

/** English names, same order. */
export const SOLAR_TERM_NAMES_EN = [
  'Spring Equinox',
  'Pure Brightness',
  'Grain Rain',
  'Start of Summer',
  'Grain Buds',
  'Grain in Ear',
  'Summer Solstice',
  'Minor Heat',
  'Major Heat',
  'Start of Autumn',
  'End of Heat',
  'White Dew',
  'Autumn Equinox',
  'Cold Dew',
  'Frost Descent',
  'Start of Winter',
  'Minor Snow',
  'Major Snow',
  'Winter Solstice',
  'Minor Cold',
  'Major Cold',
  'Start of Spring',
  'Rain Water',
  'Awakening of Insects',
] as const;

/** One solar term of a year. */
export interface SolarTerm {
  /** Solar longitude / 15: 0 = Xuân phân … 23 = Kinh trập. */
  readonly index: number;
  /** Apparent solar longitude in degrees (0, 15, …, 345). */
  readonly longitude: number;
  readonly name: string;
  readonly nameEn: string;
  /** True for the 12 major terms (trung khí, longitude a multiple of 30°) that fix the lunar months. */
  readonly major: boolean;
  /** Civil date on which the term starts, in the calendar's time zone. */
  readonly date: CivilDate;
  /** Local time "HH:mm" of the moment (accuracy about ±15 minutes). */
  readonly time: string;
  /** The moment as a UTC instant in milliseconds since 1970 (for `new Date(ms)`). */
  readonly utcMs: number;
}

function termAt(index: number, jdUt: number, tz: number): SolarTerm {
  const local = jdUt + 0.5 + tz / 24;
  const day = Math.floor(local);
  const minutes = Math.floor((local - day) * 1440 + 0.5);
  const hh = Math.min(23, Math.floor(minutes / 60));
  const mm = minutes >= 1440 ? 59 : minutes % 60;
  return {
    index,
    longitude: index * 15,
    name: SOLAR_TERM_NAMES[index]!,
    nameEn: SOLAR_TERM_NAMES_EN[index]!,
    major: index % 2 === 0,
    date: civilOfJdn(day),
    time: `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`,
    utcMs: Math.round((jdUt - 2440587.5) * 86_400_000),
  };
}

/** The 24 solar terms starting in Gregorian year `year`, in date order (Tiểu hàn in early January first). */
export function solarTerms(year: number, options: LunarOptions = {}): SolarTerm[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `Năm ${year} nằm ngoài khoảng hỗ trợ (${MIN_YEAR}–${MAX_YEAR}).`,
      `Year ${year} is outside the supported range (${MIN_YEAR}–${MAX_YEAR}).`,
      { where: 'year', lang: options.lang },
    );
  }
  return computeTerms(year, options.timeZone ?? 7);
}

const termCache = new Map<string, readonly SolarTerm[]>();

function computeTerms(year: number, tz: number): SolarTerm[] {
  const key = `${tz}:${year}`;
  const cached = termCache.get(key);
  if (cached) return [...cached];
  const terms: SolarTerm[] = [];
  // Tiểu hàn (285°) falls around 5–6 January; each later term about 15.2 days after the previous one.
  const start = jdnOf(year, 1, 5);
  for (let i = 0; i < 24; i++) {
    const index = (19 + i) % 24;
    const guess = start + i * 15.218;
    terms.push(termAt(index, sunReachesLongitude(index * 15, guess), tz));
  }
  if (termCache.size > 500) termCache.clear();
  termCache.set(key, terms);
  return [...terms];
}

/**
 * The solar term period a date falls in: the latest term that started on or before that date, and whether the
 * date is the term's first day.
 */
export function solarTermOf(date: DateInput, options: LunarOptions = {}): SolarTerm & { readonly isStart: boolean } {
  const d = toCivilDate(date, { lang: options.lang });
  const jdn = jdnOf(d.year, d.month, d.day);
  const tz = options.timeZone ?? 7;
  const candidates = [...computeTerms(d.year - 1, tz).slice(-1), ...solarTerms(d.year, options)];
  let found = candidates[0]!;
  for (const t of candidates) {
    if (jdnOf(t.date.year, t.date.month, t.date.day) <= jdn) found = t;
  }
  return { ...found, isStart: jdnOf(found.date.year, found.date.month, found.date.day) === jdn };
}
