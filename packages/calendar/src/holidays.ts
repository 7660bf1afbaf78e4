// Public holidays of the Labour Code 2019 (Bộ luật Lao động 45/2019/QH14), Điều 112, with the substitute-day rule
// of Điều 111 khoản 3 and the yearly announcements of ./announcements.ts.

import { ANNOUNCEMENTS } from './announcements.js';
import type { HolidaySource, YearAnnouncement } from './announcements.js';
import { civilOfJdn, formatIsoDate, jdnOf, toJdn, weekdayOfJdn } from './civil.js';
import type { CivilDate, IsoWeekday } from './civil.js';
import { CalendarError } from './errors.js';
import { toSolar } from './lunar.js';

/** The holidays of Điều 112 khoản 1. */
export type HolidayId = 'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour-day' | 'national-day';

/**
 * Why a day is off: the holiday itself, a substitute day (nghỉ bù, holiday on a weekly rest day), a working day
 * given off in a swap (hoán đổi), or an extra day off decided for that year or by the agency.
 */
export type DayOffKind = 'holiday' | 'substitute' | 'swap' | 'extra';

/**
 * `rule`: derived from the Labour Code and this package's defaults (no announcement for that part of that year);
 * `announcement`: fixed by a government announcement; `agency`: an override added by the agency.
 */
export type DayOffSource = 'rule' | 'announcement' | 'agency';

/** One day off. */
export interface DayOff {
  readonly date: CivilDate;
  /** yyyy-mm-dd. */
  readonly iso: string;
  readonly kind: DayOffKind;
  readonly holiday?: HolidayId;
  /** Vietnamese label, e.g. "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương". */
  readonly name: string;
  readonly nameEn: string;
  readonly source: DayOffSource;
  /** Number/symbol of the announcement, when `source` is `announcement`. */
  readonly reference?: string;
}

/** A rest day worked instead of a swapped day off (ngày làm bù). */
export interface MakeUpDay {
  readonly date: CivilDate;
  readonly iso: string;
  /** yyyy-mm-dd of the day given off in exchange. */
  readonly replaces: string;
  readonly source: DayOffSource;
  readonly reference?: string;
}

/** The holidays, days off and make-up days of one year. */
export interface YearHolidays {
  readonly year: number;
  /** Whether a government announcement exists in the data for that year. */
  readonly announced: boolean;
  /** Days off in date order. */
  readonly daysOff: readonly DayOff[];
  readonly makeUpDays: readonly MakeUpDay[];
  readonly sources: readonly HolidaySource[];
}

/** Options for {@link publicHolidays}. */
export interface HolidayOptions {
  /** ISO weekdays of the weekly rest (default Saturday and Sunday: [6, 7]). */
  readonly restDays?: readonly IsoWeekday[];
  /** Announcements to use instead of (per year) the built-in ones. */
  readonly announcements?: readonly YearAnnouncement[];
  /** Apply the swapped working days of the announcements (default true; they bind the public sector). */
  readonly applySwaps?: boolean;
}

const NAMES: Record<HolidayId, readonly [string, string]> = {
  'new-year': ['Tết Dương lịch', "New Year's Day"],
  tet: ['Tết Nguyên đán', 'Lunar New Year (Tết)'],
  'hung-kings': ['Giỗ Tổ Hùng Vương', 'Hùng Kings Commemoration Day'],
  reunification: ['Ngày Chiến thắng', 'Reunification Day'],
  'labour-day': ['Ngày Quốc tế Lao động', 'International Labour Day'],
  'national-day': ['Quốc khánh', 'National Day'],
};

/**
 * The day chosen next to 2/9 when no announcement says: the weekday that joins the holiday to a weekend where
 * possible (Mon→3/9, Thu→3/9, Sun→3/9, otherwise 1/9). Matches the choices of 2021–2026.
 */
function defaultNationalDayAdjacent(year: number): number {
  const sep2 = jdnOf(year, 9, 2);
  const wd = weekdayOfJdn(sep2);
  return wd === 1 || wd === 4 || wd === 7 ? sep2 + 1 : sep2 - 1;
}

/**
 * The five Tết days when no announcement says: the last two days of the old lunar year and mùng 1–3 (the
 * arrangement of 2024 and 2025; the Prime Minister decides each year).
 */
function defaultTetDays(year: number): number[] {
  const tet = toSolar({ year, month: 1, day: 1, leap: false });
  const first = jdnOf(tet.year, tet.month, tet.day);
  return [first - 2, first - 1, first, first + 1, first + 2];
}

function announcementFor(year: number, list: readonly YearAnnouncement[] | undefined): YearAnnouncement | undefined {
  return list?.find((a) => a.year === year) ?? ANNOUNCEMENTS.find((a) => a.year === year);
}

function isoJdn(iso: string, where: string): number {
  return toJdn(iso, { where });
}

/**
 * Public holidays of a Gregorian year under Điều 112 of the Labour Code 2019, with substitute days (Điều 111
 * khoản 3: a holiday on the weekly rest day is taken on the next working day) and the announced swaps.
 */
export function publicHolidays(year: number, options: HolidayOptions = {}): YearHolidays {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new CalendarError('OUT_OF_RANGE', `Năm ${year} nằm ngoài khoảng hỗ trợ (1800–2199).`, `Year ${year} is outside the supported range (1800–2199).`, {
      where: 'year',
    });
  }
  const restDays = new Set<number>(options.restDays ?? [6, 7]);
  const ann = announcementFor(year, options.announcements);
  const official: { jdn: number; id: HolidayId; source: DayOffSource; reference?: string }[] = [];
  const add = (jdn: number, id: HolidayId, source: DayOffSource = 'rule', reference?: string): void => {
    official.push(reference === undefined ? { jdn, id, source } : { jdn, id, source, reference });
  };

  add(jdnOf(year, 1, 1), 'new-year');
  if (ann?.tetDays) {
    for (const d of ann.tetDays) add(isoJdn(d, 'tetDays'), 'tet', 'announcement', ann.tetSource);
  } else {
    for (const j of defaultTetDays(year)) add(j, 'tet');
  }
  const hung = toSolar({ year, month: 3, day: 10, leap: false });
  add(jdnOf(hung.year, hung.month, hung.day), 'hung-kings');
  add(jdnOf(year, 4, 30), 'reunification');
  add(jdnOf(year, 5, 1), 'labour-day');
  add(jdnOf(year, 9, 2), 'national-day');
  if (ann?.nationalDayAdjacent) add(isoJdn(ann.nationalDayAdjacent, 'nationalDayAdjacent'), 'national-day', 'announcement', ann.nationalDaySource);
  else add(defaultNationalDayAdjacent(year), 'national-day');
  // On a tie the fixed-date holiday keeps the day and the lunar one (Giỗ Tổ) moves to a substitute day.
  official.sort((a, b) => a.jdn - b.jdn || Number(a.id === 'hung-kings') - Number(b.id === 'hung-kings'));

  const taken = new Map<number, DayOff>();
  const put = (jdn: number, day: Omit<DayOff, 'date' | 'iso'>): void => {
    const date = civilOfJdn(jdn);
    taken.set(jdn, { date, iso: formatIsoDate(date), ...day });
  };
  // A holiday on a day already taken by another holiday (Giỗ Tổ can fall on 30/4 or 1/5) keeps its day off as a
  // substitute, like one falling on the weekly rest day, so that the 11 days of Điều 112 are always granted.
  const coinciding = new Set<(typeof official)[number]>();
  for (const h of official) {
    if (taken.has(h.jdn)) {
      coinciding.add(h);
      continue;
    }
    const [vi, en] = NAMES[h.id];
    put(h.jdn, { kind: 'holiday', holiday: h.id, name: vi, nameEn: en, source: h.source, ...(h.reference ? { reference: h.reference } : {}) });
  }
  const swaps = options.applySwaps === false ? [] : (ann?.swaps ?? []);
  const swapOffJdns = new Set(swaps.map((s) => isoJdn(s.dayOff, 'swaps.dayOff')));
  for (const h of official) {
    if (!restDays.has(weekdayOfJdn(h.jdn)) && !coinciding.has(h)) continue;
    let s = h.jdn + 1;
    while (restDays.has(weekdayOfJdn(s)) || taken.has(s) || swapOffJdns.has(s)) s++;
    const [vi, en] = NAMES[h.id];
    put(s, { kind: 'substitute', holiday: h.id, name: `Nghỉ bù ${vi}`, nameEn: `${en} (substitute day)`, source: h.source, ...(h.reference ? { reference: h.reference } : {}) });
  }
  for (const s of swaps) {
    const j = isoJdn(s.dayOff, 'swaps.dayOff');
    if (!taken.has(j)) {
      put(j, { kind: 'swap', name: 'Nghỉ hoán đổi (làm bù ngày ' + s.workday.split('-').reverse().join('/') + ')', nameEn: `Swapped day off (worked on ${s.workday})`, source: 'announcement', reference: s.source });
    }
  }
  for (const e of ann?.extraDaysOff ?? []) {
    const j = isoJdn(e.date, 'extraDaysOff');
    if (!taken.has(j)) put(j, { kind: 'extra', name: e.name, nameEn: e.name, source: 'announcement', reference: e.source });
  }
  const daysOff = [...taken.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  const makeUpDays: MakeUpDay[] = swaps.map((s) => {
    const date = civilOfJdn(isoJdn(s.workday, 'swaps.workday'));
    return { date, iso: formatIsoDate(date), replaces: s.dayOff, source: 'announcement', reference: s.source };
  });
  return { year, announced: ann !== undefined, daysOff, makeUpDays, sources: ann?.sources ?? [] };
}
