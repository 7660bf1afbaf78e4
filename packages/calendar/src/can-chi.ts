// Sexagenary names (Can Chi): 10 heavenly stems (Can) × 12 earthly branches (Chi).

import { toJdn } from './civil.js';
import type { DateInput } from './civil.js';
import { CalendarError } from './errors.js';
import { toLunar } from './lunar.js';
import type { LunarDate, LunarOptions } from './lunar.js';

/** The 10 stems, Giáp … Quý. */
export const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
/** The 12 branches, Tý … Hợi. */
export const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** A sexagenary name: the stem and branch indexes and the Vietnamese name, e.g. "Ất Tỵ". */
export interface CanChi {
  readonly can: number;
  readonly chi: number;
  readonly name: string;
}

function canChi(can: number, chi: number): CanChi {
  const c = ((can % 10) + 10) % 10;
  const h = ((chi % 12) + 12) % 12;
  return { can: c, chi: h, name: `${CAN[c]} ${CHI[h]}` };
}

/** Can Chi of a lunar year, e.g. 2025 → "Ất Tỵ", 2026 → "Bính Ngọ". */
export function canChiOfYear(lunarYear: number): CanChi {
  return canChi(lunarYear + 6, lunarYear + 8);
}

/**
 * Can Chi of a lunar month: month 1 is always a Dần month; its stem follows the year stem (Giáp/Kỷ years start
 * with Bính Dần). A leap month carries the name of the month it repeats.
 */
export function canChiOfMonth(lunar: Pick<LunarDate, 'year' | 'month'>): CanChi {
  return canChi(lunar.year * 12 + lunar.month + 3, lunar.month + 1);
}

/** Can Chi of a civil day (continuous 60-day cycle). */
export function canChiOfDay(date: DateInput): CanChi {
  const jdn = toJdn(date);
  return canChi(jdn + 9, jdn + 1);
}

/**
 * Can Chi of a two-hour period (giờ). `hour` is 0–23 local time; giờ Tý is 23:00–00:59. Hours from 23:00 take
 * the stem sequence of the next day, as almanacs do. With no `hour`, gives the first hour of the day (giờ Tý đầu
 * ngày), the "giờ đầu" printed on Vietnamese calendars.
 */
export function canChiOfHour(date: DateInput, hour = 0): CanChi {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new CalendarError('INVALID_ARGUMENT', `Giờ không hợp lệ: ${hour} (cần 0–23).`, `Invalid hour: ${hour} (expected 0–23).`, {
      where: 'hour',
    });
  }
  const jdn = toJdn(date) + (hour === 23 ? 1 : 0);
  const branch = Math.floor((hour + 1) / 2) % 12;
  const dayCan = (jdn + 9) % 10;
  return canChi(((dayCan % 5) * 2) + branch, branch);
}

/** All Can Chi names of a date at once, plus its lunar date. */
export function canChiOf(
  date: DateInput,
  options: LunarOptions = {},
): { lunar: LunarDate; year: CanChi; month: CanChi; day: CanChi; hour: CanChi } {
  const lunar = toLunar(date, options);
  return {
    lunar,
    year: canChiOfYear(lunar.year),
    month: canChiOfMonth(lunar),
    day: canChiOfDay(date),
    hour: canChiOfHour(date),
  };
}
