// Instants written in Việt Nam time (UTC+07:00, no daylight saving): the ISO 8601 form with the offset
// (`2026-12-02T11:35:08+07:00`, what Nghị định 30 signing times and the kit's APIs show) and the edXML forms of
// QCVN 102:2016 (`yyyy/MM/dd HH:mm:ss` timestamps, `yyyy/MM/dd` dates; Bkav writes `dd/MM/yyyy HH:mm:ss`).
// Every function reads and writes the fixed offset, never the time zone of the machine.
import { failure, ok, type Result } from '../errors.js';
import { timeIssue } from './messages.js';
import type { Lang } from '../i18n.js';
import { type CivilDate, type DateInput, isCivilDate, toCivilDate, VIETNAM_UTC_OFFSET_MINUTES } from './civil-date.js';

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A wall-clock time in Việt Nam: the civil date and the time of day. */
export interface VietnamDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** The codes of timestamp problems. */
export type TimestampIssueCode = 'timestamp.format';

function msOf(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

/** The wall-clock time in Việt Nam of an instant. Throws a `RangeError` for an invalid `Date`. */
export function vietnamDateTimeOf(instant: Date | number): VietnamDateTime {
  const t = new Date(msOf(instant) + OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    millisecond: t.getUTCMilliseconds(),
  };
}

/** The instant of a wall-clock time in Việt Nam (fields default to 0). */
export function fromVietnamDateTime(t: CivilDate & Partial<Pick<VietnamDateTime, 'hour' | 'minute' | 'second' | 'millisecond'>>): Date {
  const utc = new Date(0);
  utc.setUTCFullYear(t.year, t.month - 1, t.day);
  utc.setUTCHours(t.hour ?? 0, t.minute ?? 0, t.second ?? 0, t.millisecond ?? 0);
  return new Date(utc.getTime() - OFFSET_MS);
}

/**
 * A date and time in Việt Nam time as a person reads it, the date always `dd/mm/yyyy`, the time 24-hour
 * `HH:mm:ss`: Vietnamese `02/12/2026 10:03:16`, English `02/12/2026, 10:03:16` (never the two-digit year of
 * `Intl`'s short date style, never the machine's time zone). Throws a `RangeError` for an invalid `Date`.
 */
export function formatVietnamDateTime(instant: Date | number, lang: Lang = 'vi'): string {
  const t = vietnamDateTimeOf(instant);
  const date = `${pad(t.day)}/${pad(t.month)}/${pad(t.year, 4)}`;
  const time = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  return lang === 'en' ? `${date}, ${time}` : `${date} ${time}`;
}

/**
 * ISO 8601 with the Việt Nam offset: `2026-12-02T11:35:08+07:00` (`…08.123+07:00` with `milliseconds: true`).
 * Parsed back by `new Date(text)` in every engine.
 */
export function formatVietnamIso(instant: Date | number, options: { milliseconds?: boolean } = {}): string {
  const t = vietnamDateTimeOf(instant);
  const ms = options.milliseconds ? `.${pad(t.millisecond, 3)}` : '';
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${ms}+07:00`;
}

/**
 * The ISO 8601 form with the Việt Nam offset that `formatVietnamIso` writes (seconds, optional milliseconds,
 * `+07:00`): what Nghị định 30 asks signature stamps to show, e.g. `2026-11-23T10:04:05+07:00`.
 */
export const VIETNAM_ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?\+07:00$/u;

/** True when `text` is a real instant written in the form of {@link VIETNAM_ISO_RE}. */
export function isVietnamIso(text: string): boolean {
  if (!VIETNAM_ISO_RE.test(text)) return false;
  const ms = Date.parse(text);
  // A real wall-clock time: "2026-02-30T…" or "…T24:00:00…" does not read back as written.
  return !Number.isNaN(ms) && formatVietnamIso(ms).slice(0, 19) === text.slice(0, 19);
}

/**
 * A PDF date (ISO 32000-1, 7.9.4) at a fixed UTC offset in minutes (default 420, Việt Nam):
 * `D:20201123100405+07'00'`, as signature dictionaries (/M) and document information dictionaries write it.
 */
export function formatPdfDate(instant: Date | number, offsetMinutes: number = VIETNAM_UTC_OFFSET_MINUTES): string {
  const t = new Date(msOf(instant) + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(offsetMinutes);
  const date = `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
  return `D:${date}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}${sign}${pad(Math.floor(off / 60))}'${pad(off % 60)}'`;
}

/** The edXML timestamp (QCVN 102:2016) of an instant: `yyyy/MM/dd HH:mm:ss` in Việt Nam time. */
export function formatEdxmlTimestamp(instant: Date | number): string {
  const t = vietnamDateTimeOf(instant);
  return `${pad(t.year, 4)}/${pad(t.month)}/${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** The edXML date (`PromulgationDate`, `DueDate`, DocumentId): `yyyy/MM/dd`. */
export function formatEdxmlDate(date: DateInput): string {
  const d = toCivilDate(date);
  return `${pad(d.year, 4)}/${pad(d.month)}/${pad(d.day)}`;
}

const EDXML_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const EDXML_TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const BKAV_TIMESTAMP = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** Reads an edXML date `yyyy/MM/dd` (an existing day). Never throws. */
export function parseEdxmlDate(text: string, options: { lang?: Lang; path?: (string | number)[] } = {}): Result<CivilDate, TimestampIssueCode> {
  const m = typeof text === 'string' ? EDXML_DATE.exec(text) : null;
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (!isCivilDate(d)) {
    return failure([timeIssue('timestamp.format', { value: text, format: 'yyyy/MM/dd' }, options.path ?? [], options.lang)]);
  }
  return ok(d);
}

/**
 * Reads an edXML timestamp as an instant: `yyyy/MM/dd HH:mm:ss` (QCVN 102:2016, VPCP) or `dd/MM/yyyy HH:mm:ss`
 * (as Bkav writes it), both in Việt Nam time. Never throws.
 */
export function parseEdxmlTimestamp(text: string, options: { lang?: Lang; path?: (string | number)[] } = {}): Result<Date, TimestampIssueCode> {
  let parts: number[] | undefined;
  let m = typeof text === 'string' ? EDXML_TIMESTAMP.exec(text) : null;
  if (m) parts = m.slice(1).map(Number);
  else if ((m = typeof text === 'string' ? BKAV_TIMESTAMP.exec(text) : null)) {
    const [d, mo, y, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    parts = [y, mo, d, h, mi, s];
  }
  if (parts) {
    const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
    if (isCivilDate({ year, month, day }) && hour < 24 && minute < 60 && second < 60) {
      return ok(fromVietnamDateTime({ year, month, day, hour, minute, second }));
    }
  }
  return failure([
    timeIssue('timestamp.format', { value: text, format: 'yyyy/MM/dd HH:mm:ss' }, options.path ?? [], options.lang)
  ]);
}

/** True for an edXML timestamp that names a real time (`yyyy/MM/dd HH:mm:ss`, or Bkav's `dd/MM/yyyy HH:mm:ss`). */
export function isEdxmlTimestamp(text: string): boolean {
  return parseEdxmlTimestamp(text).ok;
}

/** True for an edXML date `yyyy/MM/dd` that names an existing day. */
export function isEdxmlDate(text: string): boolean {
  return parseEdxmlDate(text).ok;
}

/** The first instant (00:00 Việt Nam time) of a civil day. */
export function startOfVietnamDay(date: DateInput): Date {
  return fromVietnamDateTime(toCivilDate(date));
}

/**
 * The instants covering the civil days `from`…`to` (both inclusive) in Việt Nam: `start` is 00:00 of `from`,
 * `end` is 00:00 of the day after `to` (exclusive). For statistics and listings "by day".
 */
export function vietnamDayRange(from: DateInput, to: DateInput): { start: Date; end: Date } {
  const start = startOfVietnamDay(from);
  const end = new Date(startOfVietnamDay(to).getTime() + 86_400_000);
  return { start, end };
}
