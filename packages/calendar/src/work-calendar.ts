// Working days, working hours and document-processing deadlines of an agency.

import type { YearAnnouncement } from './announcements.js';
import { civilOfJdn, formatIsoDate, toCivilDate, toJdn, weekdayOfJdn } from './civil.js';
import type { CivilDate, DateInput, IsoWeekday } from './civil.js';
import { CalendarError } from './errors.js';
import type { Lang } from './errors.js';
import { publicHolidays } from './holidays.js';
import type { DayOff, MakeUpDay, YearHolidays } from './holidays.js';

/** A working session of the day. */
export interface WorkSession {
  /** "sang" (morning) or "chieu" (afternoon), or your own id. */
  readonly id: string;
  /** Vietnamese label, e.g. "Sáng". */
  readonly label: string;
  /** "HH:mm", inclusive. */
  readonly start: string;
  /** "HH:mm", exclusive. */
  readonly end: string;
}

/** Default office hours: sáng 08:00–12:00, chiều 13:00–17:00 (configure per agency). */
export const DEFAULT_SESSIONS: readonly WorkSession[] = [
  { id: 'sang', label: 'Sáng', start: '08:00', end: '12:00' },
  { id: 'chieu', label: 'Chiều', start: '13:00', end: '17:00' },
];

/** Agency-specific changes on top of the national holidays. */
export interface WorkCalendarOverrides {
  /** Extra days off (e.g. the agency's own anniversary). */
  readonly daysOff?: readonly { readonly date: DateInput; readonly name: string }[];
  /** Days worked although they would be off (e.g. a make-up Saturday decided locally). */
  readonly workingDays?: readonly { readonly date: DateInput; readonly name?: string }[];
}

/** Options of {@link WorkCalendar}. */
export interface WorkCalendarOptions {
  /** ISO weekdays of the weekly rest (default [6, 7], Saturday and Sunday). */
  readonly restDays?: readonly IsoWeekday[];
  /** Working sessions of a day (default {@link DEFAULT_SESSIONS}). */
  readonly sessions?: readonly WorkSession[];
  /** Announcements replacing the built-in ones for their years (e.g. a newer year). */
  readonly announcements?: readonly YearAnnouncement[];
  /** Apply announced swaps (default true). */
  readonly applySwaps?: boolean;
  readonly overrides?: WorkCalendarOverrides;
  /** Working days left at or under which a deadline is "due soon" (default 2). */
  readonly dueSoonDays?: number;
  readonly lang?: Lang;
}

/** Status of a deadline on a given day. */
export type DeadlineStatus = 'overdue' | 'due-today' | 'due-soon' | 'on-track';

/** What {@link WorkCalendar.deadlineStatus} returns. */
export interface DeadlineInfo {
  readonly status: DeadlineStatus;
  /** Working days from today to the due date (negative: working days overdue). */
  readonly workingDaysLeft: number;
  /** Vietnamese label, e.g. "Còn 2 ngày làm việc", "Quá hạn 3 ngày làm việc". */
  readonly label: string;
  readonly labelEn: string;
}

interface YearState {
  readonly off: Map<number, DayOff>;
  readonly work: Set<number>;
  readonly holidays: YearHolidays;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string, lang: Lang | undefined, where: string): number {
  const m = HHMM.exec(time);
  if (!m) {
    throw new CalendarError('INVALID_ARGUMENT', `Giờ không hợp lệ: "${time}" (cần dạng HH:mm).`, `Invalid time: "${time}" (expected HH:mm).`, {
      where,
      lang,
    });
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * An agency's working calendar: weekly rest days, public holidays with substitute days, announced swaps and the
 * agency's own overrides. Dates are civil dates ({@link DateInput}).
 */
export class WorkCalendar {
  readonly restDays: readonly IsoWeekday[];
  readonly sessions: readonly WorkSession[];
  readonly dueSoonDays: number;
  readonly #options: WorkCalendarOptions;
  readonly #rest: Set<number>;
  readonly #years = new Map<number, YearState>();
  readonly #agencyOff = new Map<number, string>();
  readonly #agencyWork = new Map<number, string>();

  constructor(options: WorkCalendarOptions = {}) {
    this.#options = options;
    this.restDays = options.restDays ?? [6, 7];
    if (this.restDays.length >= 7) {
      throw new CalendarError('INVALID_ARGUMENT', 'Không thể nghỉ cả 7 ngày trong tuần.', 'All seven weekdays cannot be rest days.', {
        where: 'restDays',
        lang: options.lang,
      });
    }
    this.#rest = new Set(this.restDays);
    this.sessions = options.sessions ?? DEFAULT_SESSIONS;
    for (const s of this.sessions) {
      if (minutesOf(s.start, options.lang, `sessions.${s.id}.start`) >= minutesOf(s.end, options.lang, `sessions.${s.id}.end`)) {
        throw new CalendarError('INVALID_ARGUMENT', `Buổi "${s.label}": giờ bắt đầu phải trước giờ kết thúc.`, `Session "${s.id}": start must be before end.`, {
          where: `sessions.${s.id}`,
          lang: options.lang,
        });
      }
    }
    this.dueSoonDays = options.dueSoonDays ?? 2;
    for (const d of options.overrides?.daysOff ?? []) this.#agencyOff.set(toJdn(d.date, { where: 'overrides.daysOff' }), d.name);
    for (const d of options.overrides?.workingDays ?? []) this.#agencyWork.set(toJdn(d.date, { where: 'overrides.workingDays' }), d.name ?? '');
  }

  #year(year: number): YearState {
    let state = this.#years.get(year);
    if (!state) {
      const holidays = publicHolidays(year, {
        restDays: this.restDays,
        ...(this.#options.announcements ? { announcements: this.#options.announcements } : {}),
        ...(this.#options.applySwaps === undefined ? {} : { applySwaps: this.#options.applySwaps }),
      });
      const off = new Map<number, DayOff>();
      for (const d of holidays.daysOff) off.set(toJdn(d.date), d);
      const work = new Set<number>(holidays.makeUpDays.map((m) => toJdn(m.date)));
      state = { off, work, holidays };
      this.#years.set(year, state);
    }
    return state;
  }

  #isWorkingJdn(jdn: number): boolean {
    if (this.#agencyWork.has(jdn)) return true;
    if (this.#agencyOff.has(jdn)) return false;
    const { year } = civilOfJdn(jdn);
    const state = this.#year(year);
    if (state.work.has(jdn)) return true;
    if (state.off.has(jdn)) return false;
    return !this.#rest.has(weekdayOfJdn(jdn));
  }

  /** Holidays, substitute and swapped days, make-up days and sources of a year, for this calendar's rest days. */
  holidays(year: number): YearHolidays {
    return this.#year(year).holidays;
  }

  /** True on a working day: not a weekly rest day, holiday, substitute or swapped day off (make-up days count). */
  isWorkingDay(date: DateInput): boolean {
    return this.#isWorkingJdn(toJdn(date));
  }

  /** Why a date is off, or undefined on a working day. Weekly rest days give `{ kind: 'rest' }`. */
  dayOffReason(date: DateInput): DayOff | { readonly kind: 'rest'; readonly name: string; readonly nameEn: string } | undefined {
    const jdn = toJdn(date);
    if (this.#isWorkingJdn(jdn)) return undefined;
    const agency = this.#agencyOff.get(jdn);
    if (agency !== undefined) {
      const d = civilOfJdn(jdn);
      return { date: d, iso: formatIsoDate(d), kind: 'extra', name: agency, nameEn: agency, source: 'agency' };
    }
    return this.#year(civilOfJdn(jdn).year).off.get(jdn) ?? { kind: 'rest', name: 'Nghỉ hằng tuần', nameEn: 'Weekly rest day' };
  }

  /** The make-up working day record if `date` is one. */
  makeUpDay(date: DateInput): MakeUpDay | undefined {
    const jdn = toJdn(date);
    return this.#year(civilOfJdn(jdn).year).holidays.makeUpDays.find((m) => toJdn(m.date) === jdn);
  }

  /**
   * The `n`-th working day after `date` (before it when `n` is negative); `date` itself is never counted.
   * `n = 0` returns `date` unchanged.
   */
  addWorkingDays(date: DateInput, n: number): CivilDate {
    if (!Number.isInteger(n)) {
      throw new CalendarError('INVALID_ARGUMENT', `Số ngày làm việc phải là số nguyên: ${n}.`, `The number of working days must be an integer: ${n}.`, {
        where: 'n',
        lang: this.#options.lang,
      });
    }
    let jdn = toJdn(date);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    while (left > 0) {
      jdn += step;
      if (this.#isWorkingJdn(jdn)) left--;
    }
    return civilOfJdn(jdn);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateInput): CivilDate {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: DateInput): CivilDate {
    return this.addWorkingDays(date, -1);
  }

  /**
   * Working days from `a` to `b`: those in (a, b] when `b` is later, minus those in [b, a) when earlier. So
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(a: DateInput, b: DateInput): number {
    const ja = toJdn(a, { where: 'a' });
    const jb = toJdn(b, { where: 'b' });
    let count = 0;
    if (jb >= ja) {
      for (let j = ja + 1; j <= jb; j++) if (this.#isWorkingJdn(j)) count++;
      return count;
    }
    for (let j = jb; j < ja; j++) if (this.#isWorkingJdn(j)) count++;
    return -count;
  }

  /** The session ("Sáng", "Chiều"…) a local time "HH:mm" falls in, or undefined outside working hours. */
  sessionAt(time: string): WorkSession | undefined {
    const m = minutesOf(time, this.#options.lang, 'time');
    return this.sessions.find((s) => m >= minutesOf(s.start, undefined, 'start') && m < minutesOf(s.end, undefined, 'end'));
  }

  /** True during a working session of a working day. */
  isWorkingTime(date: DateInput, time: string): boolean {
    return this.isWorkingDay(date) && this.sessionAt(time) !== undefined;
  }

  /** Working minutes in one working day (sum of the sessions). */
  get minutesPerDay(): number {
    return this.sessions.reduce((sum, s) => sum + minutesOf(s.end, undefined, 'end') - minutesOf(s.start, undefined, 'start'), 0);
  }

  /**
   * Due date of a document received on `received` with a time limit of `workingDays` working days. Counting
   * starts on the working day after receipt; a document received on a day off, or (with `receivedTime`) after the
   * last session ends, is treated as received on the next working day.
   */
  dueDate(received: DateInput, workingDays: number, options: { receivedTime?: string } = {}): CivilDate {
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new CalendarError('INVALID_ARGUMENT', `Thời hạn phải là số ngày làm việc không âm: ${workingDays}.`, `The time limit must be a non-negative number of working days: ${workingDays}.`, {
        where: 'workingDays',
        lang: this.#options.lang,
      });
    }
    let start = toCivilDate(received, { where: 'received' });
    const lastEnd = Math.max(...this.sessions.map((s) => minutesOf(s.end, undefined, 'end')));
    const late = options.receivedTime !== undefined && minutesOf(options.receivedTime, this.#options.lang, 'receivedTime') >= lastEnd;
    if (!this.isWorkingDay(start) || late) start = this.nextWorkingDay(start);
    return this.addWorkingDays(start, workingDays);
  }

  /** Deadline status of a due date seen on `today`. */
  deadlineStatus(due: DateInput, today: DateInput): DeadlineInfo {
    const jd = toJdn(due, { where: 'due' });
    const jt = toJdn(today, { where: 'today' });
    const left = this.workingDaysBetween(today, due);
    if (jt > jd) {
      const late = Math.max(1, -left);
      return { status: 'overdue', workingDaysLeft: -late, label: `Quá hạn ${late} ngày làm việc`, labelEn: `Overdue by ${late} working day${late === 1 ? '' : 's'}` };
    }
    if (jt === jd) return { status: 'due-today', workingDaysLeft: 0, label: 'Đến hạn hôm nay', labelEn: 'Due today' };
    const status = left <= this.dueSoonDays ? 'due-soon' : 'on-track';
    return {
      status,
      workingDaysLeft: left,
      label: status === 'due-soon' ? `Sắp đến hạn: còn ${left} ngày làm việc` : `Còn ${left} ngày làm việc`,
      labelEn: `${left} working day${left === 1 ? '' : 's'} left`,
    };
  }
}
