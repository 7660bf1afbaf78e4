// Shared, presentation-only helpers: what a day cell shows (lunar date, day off, make-up day). Every rule comes from
// @egov-vn/calendar; nothing here decides what a holiday or a working day is.
import { formatIsoDate, formatVnDate, safeToCivilDate, todayInVietnam, toLunar, WorkCalendar } from '@egov-vn/calendar';
import type { CivilDate, LunarDate } from '@egov-vn/calendar';
import type { Lang } from '@egov-vn/elements-core';

let shared: WorkCalendar | undefined;

/** The calendar used when an element is given none: Saturday and Sunday off, built-in holidays and announcements. */
export function defaultWorkCalendar(): WorkCalendar {
  return (shared ??= new WorkCalendar());
}

/** Today in Vietnam (UTC+7), yyyy-mm-dd. */
export function todayIso(): string {
  return formatIsoDate(todayInVietnam());
}

/**
 * `yyyy-mm-dd` to a civil date (the kit's one reading, `safeToCivilDate`), or undefined when it is not a real date
 * or lies outside the years the lunar calendar covers here (1800–2199).
 */
export function parseIso(value: string | null | undefined): CivilDate | undefined {
  if (value === null || value === undefined || value !== value.trim()) return undefined;
  const r = safeToCivilDate(value);
  if (!r.ok || r.value.year < 1800 || r.value.year > 2199) return undefined;
  return r.value;
}

/** "dd/mm/yyyy". */
export function vnDate(d: CivilDate): string {
  return formatVnDate(d);
}

/** Short lunar label: the day, or "d/m" on the first day of a lunar month (with "n" for a leap month). */
export function lunarShort(l: LunarDate): string {
  return l.day === 1 ? `${l.day}/${l.month}${l.leap ? 'n' : ''}` : String(l.day);
}

/** "10/3", or "10/3 nhuận" in a leap month (`leap`: the element's word for it, from its catalogue). */
export function lunarDayMonth(l: LunarDate, leap: string): string {
  return `${l.day}/${l.month}${l.leap ? ` ${leap}` : ''}`;
}

export interface DayInfo {
  readonly iso: string;
  readonly lunar: LunarDate;
  /** Name of the holiday / substitute / swapped day off, in the locale; undefined on other days. */
  readonly dayOff?: string;
  /** A weekly rest day (Saturday, Sunday by default) with no other reason. */
  readonly rest: boolean;
  /** ISO date of the day off this make-up working day replaces. */
  readonly makeUpFor?: string;
  readonly working: boolean;
}

/** Everything a cell shows about one day, from the work calendar. */
export function dayInfo(cal: WorkCalendar, d: CivilDate, locale: Lang): DayInfo {
  const reason = cal.dayOffReason(d);
  const makeUp = cal.makeUpDay(d);
  return {
    iso: formatIsoDate(d),
    lunar: toLunar(d),
    dayOff: reason && reason.kind !== 'rest' ? (locale === 'vi' ? reason.name : reason.nameEn) : undefined,
    rest: reason?.kind === 'rest',
    makeUpFor: makeUp?.replaces,
    working: reason === undefined,
  };
}

export const WEEKDAYS = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;
export const WEEKDAYS_SHORT = {
  vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
} as const;
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

