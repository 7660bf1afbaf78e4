// iCalendar (RFC 5545) import and export with ical.js. Import from "@egov-vn/calendar/ical" — kept apart from the
// main entry so that lunar and working-day code stays small.

import ICAL from 'ical.js';
import { daysInMonth } from './civil.js';
import { CalendarError } from './errors.js';
import type { Lang } from './errors.js';
import type { ScheduleEntry } from './schedule.js';
import { VIETNAM_TIME_ZONE, VIETNAM_UTC_OFFSET_MINUTES } from '@egov-vn/schemas/time';

/** The IANA zone of Vietnam (UTC+7, no daylight saving since 1975): `VIETNAM_TIME_ZONE` of `@egov-vn/schemas`. */
export const VN_TZID = VIETNAM_TIME_ZONE;
const VN_ALIASES = new Set([VN_TZID, 'Asia/Saigon', 'Asia/Bangkok', 'Asia/Jakarta', 'Asia/Phnom_Penh', 'Asia/Vientiane', 'Etc/GMT-7']);
const VN_OFFSET_S = VIETNAM_UTC_OFFSET_MINUTES * 60;

/** An attendee (RFC 5545 ATTENDEE). */
export interface Attendee {
  readonly email: string;
  readonly name?: string;
  /** CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT. */
  readonly role?: string;
  /** NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED. */
  readonly partstat?: string;
  readonly rsvp?: boolean;
}

/**
 * A calendar event. Times are Vietnam wall-clock times: `yyyy-mm-dd` for all-day events, `yyyy-mm-ddTHH:mm:ss`
 * otherwise (events in other zones are converted to UTC+7 on import).
 */
export interface CalendarEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly start: string;
  /** Exclusive end, same form as `start`. */
  readonly end?: string;
  readonly allDay: boolean;
  /** CONFIRMED, TENTATIVE or CANCELLED. */
  readonly status?: string;
  readonly sequence?: number;
  /** RRULE value, e.g. "FREQ=WEEKLY;COUNT=10;BYDAY=MO" (read back in ical.js's canonical part order). */
  readonly rrule?: string;
  /** Excluded occurrence starts (same form as `start`). */
  readonly exdates?: readonly string[];
  /** Set on an overridden occurrence of a recurring event (same form as `start`). */
  readonly recurrenceId?: string;
  readonly organizer?: { readonly email: string; readonly name?: string };
  readonly attendees: readonly Attendee[];
  readonly url?: string;
  readonly categories?: readonly string[];
}

/** A parsed calendar. */
export interface ParsedCalendar {
  readonly name?: string;
  readonly prodId?: string;
  readonly events: CalendarEvent[];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function wallString(t: ICAL.Time): string {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  return t.isDate ? date : `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** Vietnam wall time of an ICAL.Time in whatever zone it was written. */
function toVn(t: ICAL.Time): string {
  if (t.isDate) return wallString(t);
  // ical.js keeps the TZID parameter in `timezone` and the resolved zone (if registered) in `zone`.
  const loose = t as unknown as { timezone?: string; zone?: { tzid?: string } | null };
  const tzid = loose.timezone || (loose.zone?.tzid ?? '');
  if (tzid === '' || tzid === 'floating' || VN_ALIASES.has(tzid)) return wallString(t);
  if (tzid !== 'UTC' && tzid !== 'Z' && !ICAL.TimezoneService.has(tzid)) return wallString(t);
  const vn = ICAL.Time.fromData({ year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, isDate: false });
  vn.fromUnixTime(t.toUnixTime() + VN_OFFSET_S);
  return wallString(vn);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function fromLocal(value: string, where: string, lang: Lang | undefined): ICAL.Time {
  const m = LOCAL.exec(value);
  const valid =
    m !== null &&
    Number(m[2]) >= 1 &&
    Number(m[2]) <= 12 &&
    Number(m[3]) >= 1 &&
    Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2])) &&
    (m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60));
  if (!m || !valid) {
    throw new CalendarError('INVALID_ARGUMENT', `${where}: thời gian không hợp lệ "${value}" (cần yyyy-mm-dd hoặc yyyy-mm-ddTHH:mm:ss).`, `${where}: invalid time "${value}" (expected yyyy-mm-dd or yyyy-mm-ddTHH:mm:ss).`, { where, lang });
  }
  const isDate = m[4] === undefined;
  return ICAL.Time.fromData({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: isDate ? 0 : Number(m[4]),
    minute: isDate ? 0 : Number(m[5]),
    second: isDate ? 0 : Number(m[6] ?? 0),
    isDate,
  });
}

function vnTimezoneComponent(): ICAL.Component {
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', VN_TZID);
  tz.addPropertyWithValue('x-lic-location', VN_TZID);
  const std = new ICAL.Component('standard');
  std.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(VN_OFFSET_S));
  std.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(VN_OFFSET_S));
  std.addPropertyWithValue('tzname', '+07');
  std.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('1970-01-01T00:00:00'));
  tz.addSubcomponent(std);
  return tz;
}

function setTime(comp: ICAL.Component, name: string, value: string, lang: Lang | undefined): void {
  const t = fromLocal(value, name.toUpperCase(), lang);
  const prop = new ICAL.Property(name);
  prop.setValue(t);
  if (!t.isDate) prop.setParameter('tzid', VN_TZID);
  comp.addProperty(prop);
}

function mailto(email: string): string {
  return email.startsWith('mailto:') ? email : `mailto:${email}`;
}

function eventComponent(e: CalendarEvent, dtstamp: string, lang: Lang | undefined): ICAL.Component {
  const v = new ICAL.Component('vevent');
  v.addPropertyWithValue('uid', e.uid);
  const st = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(dtstamp);
  if (!st) throw new CalendarError('INVALID_ARGUMENT', `DTSTAMP không hợp lệ: "${dtstamp}" (cần yyyy-mm-ddTHH:mm:ssZ).`, `Invalid DTSTAMP: "${dtstamp}" (expected yyyy-mm-ddTHH:mm:ssZ).`, { where: 'dtstamp', lang });
  const [, sy, smo, sd, sh, smi, ss] = st.map(Number) as [number, number, number, number, number, number, number];
  v.addPropertyWithValue('dtstamp', ICAL.Time.fromData({ year: sy, month: smo, day: sd, hour: sh, minute: smi, second: ss, isDate: false }, ICAL.Timezone.utcTimezone));
  setTime(v, 'dtstart', e.start, lang);
  if (e.end !== undefined) setTime(v, 'dtend', e.end, lang);
  if (e.recurrenceId !== undefined) setTime(v, 'recurrence-id', e.recurrenceId, lang);
  if (e.rrule !== undefined) {
    try {
      v.addPropertyWithValue('rrule', ICAL.Recur.fromString(e.rrule));
    } catch {
      throw new CalendarError('INVALID_ARGUMENT', `RRULE không hợp lệ: "${e.rrule}".`, `Invalid RRULE: "${e.rrule}".`, { where: 'rrule', lang });
    }
  }
  for (const x of e.exdates ?? []) setTime(v, 'exdate', x, lang);
  v.addPropertyWithValue('summary', e.summary);
  if (e.description !== undefined) v.addPropertyWithValue('description', e.description);
  if (e.location !== undefined) v.addPropertyWithValue('location', e.location);
  if (e.status !== undefined) v.addPropertyWithValue('status', e.status);
  if (e.sequence !== undefined) v.addPropertyWithValue('sequence', e.sequence);
  if (e.url !== undefined) v.addPropertyWithValue('url', e.url);
  if (e.categories?.length) {
    const p = new ICAL.Property('categories');
    p.setValues([...e.categories]);
    v.addProperty(p);
  }
  if (e.organizer) {
    const p = v.addPropertyWithValue('organizer', mailto(e.organizer.email));
    if (e.organizer.name !== undefined) p.setParameter('cn', e.organizer.name);
  }
  for (const a of e.attendees) {
    const p = v.addPropertyWithValue('attendee', mailto(a.email));
    if (a.name !== undefined) p.setParameter('cn', a.name);
    if (a.role !== undefined) p.setParameter('role', a.role);
    if (a.partstat !== undefined) p.setParameter('partstat', a.partstat);
    if (a.rsvp !== undefined) p.setParameter('rsvp', a.rsvp ? 'TRUE' : 'FALSE');
  }
  return v;
}

/** Options of {@link toICalendar}. */
export interface ExportOptions {
  /** X-WR-CALNAME, shown as the calendar name by Google Calendar and Thunderbird. */
  readonly name?: string;
  /** DTSTAMP of every event, ISO UTC (default: now). Fix it for reproducible output. */
  readonly dtstamp?: string;
  readonly lang?: Lang;
}

/** Writes events as an RFC 5545 VCALENDAR with the Asia/Ho_Chi_Minh VTIMEZONE. */
export function toICalendar(events: readonly CalendarEvent[], options: ExportOptions = {}): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//egov-vn//@egov-vn/calendar//VI');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  if (options.name !== undefined) cal.addPropertyWithValue('x-wr-calname', options.name);
  cal.addPropertyWithValue('x-wr-timezone', VN_TZID);
  cal.addSubcomponent(vnTimezoneComponent());
  const stamp = (options.dtstamp ?? new Date().toISOString()).replace(/\.\d+Z$/, 'Z');
  for (const e of events) cal.addSubcomponent(eventComponent(e, stamp, options.lang));
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}

function parseComponent(text: string, lang: Lang | undefined): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new CalendarError('INVALID_ICALENDAR', `Tệp iCalendar không hợp lệ: ${detail}`, `Invalid iCalendar file: ${detail}`, { where: 'ics', lang });
  }
  const root = new ICAL.Component(Array.isArray(jcal) && Array.isArray(jcal[0]) ? (jcal[0] as unknown[]) : (jcal as unknown[]));
  if (root.name !== 'vcalendar') {
    throw new CalendarError('INVALID_ICALENDAR', `Tệp iCalendar không hợp lệ: cần BEGIN:VCALENDAR, gặp ${root.name.toUpperCase()}.`, `Invalid iCalendar file: expected BEGIN:VCALENDAR, found ${root.name.toUpperCase()}.`, { where: 'ics', lang });
  }
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const tzid = tz.getFirstPropertyValue('tzid') as string | null;
    if (tzid && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(tz);
  }
  return root;
}

function timeProp(v: ICAL.Component, name: string): ICAL.Time | null {
  return v.getFirstPropertyValue(name) as ICAL.Time | null;
}

function param(p: ICAL.Property, name: string): string | undefined {
  const value = p.getParameter(name) as string | string[] | undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

function str(v: ICAL.Component, name: string): string | undefined {
  const value = v.getFirstPropertyValue(name) as string | number | null;
  return value === null ? undefined : String(value);
}

function eventOf(v: ICAL.Component): CalendarEvent {
  const start = timeProp(v, 'dtstart');
  if (!start) throw new Error('VEVENT without DTSTART');
  const endValue = timeProp(v, 'dtend');
  const durationValue = v.getFirstPropertyValue('duration') as ICAL.Duration | null;
  let end: string | undefined;
  if (endValue) end = toVn(endValue);
  else if (durationValue) {
    const t = start.clone();
    t.addDuration(durationValue);
    end = toVn(t);
  }
  const rrule = v.getFirstPropertyValue('rrule') as ICAL.Recur | null;
  const recurrenceId = timeProp(v, 'recurrence-id');
  const exdates = v.getAllProperties('exdate').flatMap((p) => p.getValues() as ICAL.Time[]).map(toVn);
  const categories = v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]);
  const org = v.getFirstProperty('organizer');
  const sequence = v.getFirstPropertyValue('sequence') as number | null;
  const strip = (s: string): string => s.replace(/^mailto:/i, '');
  const optional = <K extends string, T>(key: K, value: T | undefined | null): Partial<Record<K, T>> =>
    value === undefined || value === null ? {} : ({ [key]: value } as Record<K, T>);
  return {
    uid: str(v, 'uid') ?? '',
    summary: str(v, 'summary') ?? '',
    ...optional('description', str(v, 'description')),
    ...optional('location', str(v, 'location')),
    start: toVn(start),
    ...optional('end', end),
    allDay: start.isDate,
    ...optional('status', str(v, 'status')),
    ...optional('sequence', sequence),
    ...optional('rrule', rrule ? rrule.toString() : undefined),
    ...(exdates.length ? { exdates } : {}),
    ...optional('recurrenceId', recurrenceId ? toVn(recurrenceId) : undefined),
    ...(org
      ? { organizer: { email: strip(String(org.getFirstValue())), ...optional('name', param(org, 'cn')) } }
      : {}),
    attendees: v.getAllProperties('attendee').map((p) => {
      const rsvp = param(p, 'rsvp');
      return {
        email: strip(String(p.getFirstValue())),
        ...optional('name', param(p, 'cn')),
        ...optional('role', param(p, 'role')),
        ...optional('partstat', param(p, 'partstat')),
        ...(rsvp === undefined ? {} : { rsvp: rsvp.toUpperCase() === 'TRUE' }),
      };
    }),
    ...optional('url', str(v, 'url')),
    ...(categories.length ? { categories } : {}),
  };
}

/** Reads the VEVENTs of an iCalendar file (Google Calendar, Thunderbird, Outlook exports). */
export function fromICalendar(text: string, options: { lang?: Lang } = {}): ParsedCalendar {
  const root = parseComponent(text, options.lang);
  const events: CalendarEvent[] = [];
  root.getAllSubcomponents('vevent').forEach((v, i) => {
    try {
      events.push(eventOf(v));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new CalendarError('INVALID_ICALENDAR', `VEVENT thứ ${i + 1} không hợp lệ: ${detail}`, `VEVENT #${i + 1} is invalid: ${detail}`, { where: `vevent[${i}]`, lang: options.lang });
    }
  });
  const name = str(root, 'x-wr-calname');
  const prodId = str(root, 'prodid');
  return { ...(name === undefined ? {} : { name }), ...(prodId === undefined ? {} : { prodId }), events };
}

/** One occurrence of an event. */
export interface Occurrence {
  readonly uid: string;
  readonly start: string;
  readonly end?: string;
}

/**
 * Expands a (possibly recurring) event into its occurrences that start in [from, to] (Vietnam wall time,
 * `yyyy-mm-dd` bounds inclusive), honouring RRULE and EXDATE. Stops after `max` occurrences (default 1000) so
 * an unbounded rule can never hang.
 */
export function expandOccurrences(event: CalendarEvent, range: { from: string; to: string; max?: number }, options: { lang?: Lang } = {}): Occurrence[] {
  const vevent = eventComponent(event, '1970-01-01T00:00:00Z', options.lang);
  const cal = new ICAL.Component('vcalendar');
  cal.addSubcomponent(vnTimezoneComponent());
  cal.addSubcomponent(vevent);
  const ev = new ICAL.Event(vevent);
  const from = range.from.slice(0, 10);
  const to = range.to.slice(0, 10);
  const max = range.max ?? 1000;
  const out: Occurrence[] = [];
  if (!ev.isRecurring()) {
    const d = event.start.slice(0, 10);
    return d >= from && d <= to ? [{ uid: event.uid, start: event.start, ...(event.end ? { end: event.end } : {}) }] : [];
  }
  try {
    const it = ev.iterator();
    for (let n = 0; n < 100_000 && out.length < max; n++) {
      const next = it.next() as ICAL.Time | undefined; // undefined once the rule is exhausted
      if (!next) break;
      const start = wallString(next);
      if (start.slice(0, 10) > to) break;
      if (start.slice(0, 10) < from) continue;
      const details = ev.getOccurrenceDetails(next);
      out.push({ uid: event.uid, start, end: wallString(details.endDate) });
    }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new CalendarError('INVALID_ICALENDAR', `Không triển khai được quy tắc lặp của "${event.uid}": ${detail}`, `Cannot expand the recurrence of "${event.uid}": ${detail}`, { where: 'rrule', lang: options.lang });
  }
  return out;
}

/** One occurrence in a whole calendar, with the event it comes from (the override for a moved instance). */
export interface CalendarOccurrence extends Occurrence {
  readonly event: CalendarEvent;
}

/**
 * Expands every event of a calendar in [from, to], applying overridden instances (VEVENTs with RECURRENCE-ID and
 * the same UID, as Google Calendar and Thunderbird write moved or edited occurrences) and dropping cancelled ones.
 * Sorted by start.
 */
export function expandCalendar(events: readonly CalendarEvent[], range: { from: string; to: string; max?: number }, options: { lang?: Lang } = {}): CalendarOccurrence[] {
  const overrides = new Map<string, CalendarEvent>();
  for (const e of events) if (e.recurrenceId !== undefined) overrides.set(`${e.uid}|${e.recurrenceId}`, e);
  const from = range.from.slice(0, 10);
  const to = range.to.slice(0, 10);
  const out: CalendarOccurrence[] = [];
  for (const e of events) {
    if (e.recurrenceId !== undefined) continue;
    for (const o of expandOccurrences(e, { from, to, max: range.max ?? 1000 }, options)) {
      const override = overrides.get(`${e.uid}|${o.start}`);
      const ev = override ?? e;
      const start = override ? override.start : o.start;
      if (ev.status === 'CANCELLED' || start.slice(0, 10) < from || start.slice(0, 10) > to) continue;
      const end = override ? override.end : o.end;
      out.push({ uid: e.uid, start, ...(end === undefined ? {} : { end }), event: ev });
    }
  }
  // An override moved into the range from an original date outside it.
  for (const o of overrides.values()) {
    const d = o.start.slice(0, 10);
    const orig = o.recurrenceId!.slice(0, 10);
    if (o.status === 'CANCELLED' || d < from || d > to || (orig >= from && orig <= to)) continue;
    if (!events.some((e) => e.uid === o.uid && e.recurrenceId === undefined)) continue;
    out.push({ uid: o.uid, start: o.start, ...(o.end === undefined ? {} : { end: o.end }), event: o });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/** Default start time of a schedule session when an entry has no time. */
const SESSION_START = { sang: '08:00', chieu: '14:00', toi: '19:00' } as const;

/** Turns a work-schedule entry into a calendar event (1 hour long unless it has an end time). */
export function scheduleEntryToEvent(entry: ScheduleEntry, options: { uidDomain?: string } = {}): CalendarEvent {
  const time = entry.time ?? SESSION_START[entry.session];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const endTime = entry.endTime ?? `${pad(Math.min(23, h + 1))}:${pad(m)}`;
  const lines = [
    entry.chair ? `Chủ trì: ${entry.chair}` : '',
    entry.participants.length ? `Thành phần: ${entry.participants.join('; ')}` : '',
    entry.preparingUnit ? `Đơn vị chuẩn bị: ${entry.preparingUnit}` : '',
    entry.invitation ? `Giấy mời số ${entry.invitation.numberSymbol}` : '',
    entry.online ? `Điểm cầu chính: ${entry.online.hostPoint}` : '',
    entry.notes ? `Ghi chú: ${entry.notes}` : '',
  ].filter(Boolean);
  const status = entry.status === 'cancelled' ? 'CANCELLED' : entry.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED';
  return {
    uid: `${entry.id}@${options.uidDomain ?? 'egov-vn.local'}`,
    summary: entry.content,
    ...(lines.length ? { description: lines.join('\n') } : {}),
    ...(entry.place ? { location: entry.place } : {}),
    start: `${entry.date}T${time}:00`,
    end: `${entry.date}T${endTime}:00`,
    allDay: false,
    status,
    sequence: entry.revisions.length,
    attendees: [],
    ...(entry.online?.url ? { url: entry.online.url } : {}),
  };
}
