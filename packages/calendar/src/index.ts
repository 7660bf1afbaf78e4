// @egov-vn/calendar — Vietnamese lunar calendar, public holidays and working-day deadlines.
// Work-schedule models (zod) are in "@egov-vn/calendar/schedule", iCalendar in "@egov-vn/calendar/ical".

export { CalendarError } from './errors.js';
export type { CalendarErrorCode, Lang } from './errors.js';
export {
  addDays,
  civilDateOf,
  compareDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  formatVnDate,
  isoWeekDays,
  isoWeekday,
  isoWeekOf,
  isoWeeksInYear,
  safeToCivilDate,
  toCivilDate,
  todayInVietnam,
  WEEKDAY_NAMES_VI,
} from './civil.js';
export type { CivilDate, DateInput, IsoWeekday } from './civil.js';
export {
  clearLunarCache,
  formatLunar,
  historicalTimeZone,
  leapMonthOf,
  lunarMonthLength,
  LUNAR_MONTH_NAMES,
  lunarYearMonths,
  MAX_YEAR,
  MIN_YEAR,
  tetDate,
  toLunar,
  toSolar,
} from './lunar.js';
export type { LunarDate, LunarMonthInfo, LunarOptions } from './lunar.js';
export { CAN, canChiOf, canChiOfDay, canChiOfHour, canChiOfMonth, canChiOfYear, CHI } from './can-chi.js';
export type { CanChi } from './can-chi.js';
export { SOLAR_TERM_NAMES, SOLAR_TERM_NAMES_EN, solarTermOf, solarTerms } from './solar-terms.js';
export type { SolarTerm } from './solar-terms.js';
export { ANNOUNCEMENTS } from './announcements.js';
export type { HolidaySource, WorkdaySwap, YearAnnouncement } from './announcements.js';
export { publicHolidays } from './holidays.js';
export type { DayOff, DayOffKind, DayOffSource, HolidayId, HolidayOptions, MakeUpDay, YearHolidays } from './holidays.js';
export { DEFAULT_SESSIONS, WorkCalendar } from './work-calendar.js';
export type { DeadlineInfo, DeadlineStatus, WorkCalendarOptions, WorkCalendarOverrides, WorkSession } from './work-calendar.js';
