// Địa danh và thời gian ban hành (Phụ lục I): "Gia Lai, ngày 05 tháng 02 năm 2020". Days below 10 and the months
// 1 and 2 take a leading zero; other months do not ("ngày 22 tháng 5 năm 2012"). A comma follows the place name.
import { type Result, unwrap } from '../errors.js';
import { fail } from '../rules.js';
import type { Lang } from '../i18n.js';
import { type CivilDate, type DateInput, formatIsoDate, safeToCivilDate } from '../time/civil-date.js';

export interface IssuedPlaceDate {
  /** Địa danh: the place name (e.g. "Gia Lai", "Hà Nội", "Tuy Hòa"). */
  place: string;
  date: DateInput;
}

/** Day and month as the clerical rules write them. */
export function formatDayMonth(d: CivilDate): { day: string; month: string } {
  return {
    day: d.day < 10 ? `0${d.day}` : String(d.day),
    month: d.month <= 2 ? `0${d.month}` : String(d.month),
  };
}

export function safeFormatIssuedPlaceDate(input: IssuedPlaceDate, options: { lang?: Lang } = {}): Result<string> {
  const place = typeof input.place === 'string' ? input.place.normalize('NFC').trim() : '';
  if (place === '') return fail('placeDate.place', {}, ['place'], options.lang);
  const date = safeToCivilDate(input.date, { lang: options.lang, path: ['date'] });
  if (!date.ok) return date;
  const { day, month } = formatDayMonth(date.value);
  return { ok: true, value: `${place}, ngày ${day} tháng ${month} năm ${date.value.year}` };
}

/** `formatIssuedPlaceDate({ place: 'Gia Lai', date: '2020-02-05' })` → `"Gia Lai, ngày 05 tháng 02 năm 2020"`. */
export function formatIssuedPlaceDate(input: IssuedPlaceDate, options: { lang?: Lang } = {}): string {
  return unwrap(safeFormatIssuedPlaceDate(input, options));
}

const PLACE_DATE = /^\s*(.+?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$/iu;

/** Reads "Tuy Hòa, ngày 03 tháng 03 năm 2009" back into `{ place, date: 'yyyy-mm-dd' }`. Lenient on padding. */
export function parseIssuedPlaceDate(text: string, options: { lang?: Lang } = {}): Result<{ place: string; date: string }> {
  const m = PLACE_DATE.exec(text.normalize('NFC'));
  if (!m) return fail('placeDate.format', { text }, [], options.lang);
  const date = safeToCivilDate({ year: Number(m[4]), month: Number(m[3]), day: Number(m[2]) }, options);
  if (!date.ok) return date;
  return { ok: true, value: { place: m[1]!, date: formatIsoDate(date.value) } };
}
