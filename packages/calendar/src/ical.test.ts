import { readFileSync } from 'node:fs';
import { CalendarError } from './errors.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandCalendar, expandOccurrences, fromICalendar, scheduleEntryToEvent, toICalendar } from './ical.js';
import { scheduleEntrySchema } from './schedule.js';

const google = readFileSync(new URL('./fixtures/google-calendar.ics', import.meta.url), 'utf8');

describe('iCalendar import (a Google Calendar export written by hand to RFC 5545)', () => {
  const cal = fromICalendar(google);
  it('reads the calendar name and every VEVENT', () => {
    expect(cal.name).toBe('Lịch công tác Văn phòng UBND');
    expect(cal.events.map((e) => e.uid)).toEqual([
      '0a1b2c3d4e5f6g7h8i9j@google.com',
      '0a1b2c3d4e5f6g7h8i9j@google.com',
      '0a1b2c3d4e5f6g7h8i9j@google.com',
      'tet-at-ty-2025@google.com',
      'giao-ban-truc-tuyen@google.com',
    ]);
    expect(cal.events[1]!.recurrenceId).toBe('2025-02-10T07:30:00');
  });
  it('unfolds lines, unescapes text and reads attendees with their parameters', () => {
    const e = cal.events[0]!;
    expect(e.description).toBe('Chào cờ và giao ban đầu tuần.\nThành phần: Lãnh đạo UBND, các phòng chuyên môn.');
    expect(e.organizer).toEqual({ email: 'vanphong@example.gov.vn', name: 'Văn phòng UBND' });
    expect(e.attendees).toEqual([
      { email: 'an.nv@example.gov.vn', name: 'Nguyễn Văn An', role: 'CHAIR', partstat: 'ACCEPTED' },
      { email: 'binh.tt@example.gov.vn', name: 'Trần Thị Bình', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: true },
    ]);
    expect(e.rrule).toBe('FREQ=WEEKLY;COUNT=10;BYDAY=MO');
    expect(e.exdates).toEqual(['2025-01-27T07:30:00']);
  });
  it('keeps all-day events as dates and converts UTC times to Vietnam time', () => {
    expect(cal.events[3]).toMatchObject({ start: '2025-01-29', end: '2025-01-30', allDay: true });
    expect(cal.events[4]).toMatchObject({ start: '2025-02-10T14:00:00', end: '2025-02-10T16:00:00', status: 'TENTATIVE', sequence: 2 });
    expect(cal.events[4]!.categories).toEqual(['Giao ban', 'Trực tuyến']);
  });
  it('expands RRULE with EXDATE: 10 Mondays minus Tết week', () => {
    const occ = expandOccurrences(cal.events[0]!, { from: '2025-01-01', to: '2025-12-31' });
    expect(occ).toHaveLength(9);
    expect(occ[0]).toEqual({ uid: cal.events[0]!.uid, start: '2025-01-06T07:30:00', end: '2025-01-06T08:30:00' });
    expect(occ.map((o) => o.start)).not.toContain('2025-01-27T07:30:00');
    expect(occ.at(-1)!.start).toBe('2025-03-10T07:30:00');
    expect(expandOccurrences(cal.events[0]!, { from: '2025-02-01', to: '2025-02-28' }).map((o) => o.start.slice(0, 10))).toEqual([
      '2025-02-03',
      '2025-02-10',
      '2025-02-17',
      '2025-02-24',
    ]);
  });
  it('applies moved and cancelled instances (RECURRENCE-ID) when expanding the whole calendar', () => {
    const feb = expandCalendar(cal.events, { from: '2025-02-01', to: '2025-03-31' });
    expect(feb.map((o) => o.start)).toEqual([
      '2025-02-03T07:30:00',
      '2025-02-10T14:00:00',
      '2025-02-11T14:00:00',
      '2025-02-17T07:30:00',
      '2025-02-24T07:30:00',
      '2025-03-10T07:30:00',
    ]);
    expect(feb[2]!.event.location).toBe('Phòng họp số 2');
    expect(expandCalendar(cal.events, { from: '2025-02-11', to: '2025-02-11' }).map((o) => o.event.summary)).toEqual([
      'Giao ban đầu tuần (dời sang chiều thứ Ba)',
    ]);
  });
  it('never hangs on an unbounded rule', () => {
    const daily = { ...cal.events[0]!, rrule: 'FREQ=DAILY', exdates: [] };
    expect(expandOccurrences(daily, { from: '2025-01-01', to: '2999-12-31', max: 50 })).toHaveLength(50);
  });
});

describe('iCalendar export', () => {
  const cal = fromICalendar(google);
  const out = toICalendar(cal.events, { name: cal.name!, dtstamp: '2025-01-02T02:00:00Z' });
  it('round-trips import → export → import to the same events', () => {
    expect(fromICalendar(out).events).toEqual(cal.events);
    expect(fromICalendar(out).name).toBe(cal.name);
  });
  it('writes CRLF lines, the Asia/Ho_Chi_Minh VTIMEZONE and TZID-qualified times', () => {
    expect(out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(out).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh');
    expect(out).toContain('TZOFFSETTO:+0700');
    expect(out).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20250106T073000');
    expect(out).toContain('DTSTART;VALUE=DATE:20250129');
    expect(out).toContain('DTSTAMP:20250102T020000Z');
    expect(out.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 76)).toBe(true);
  });
  it('exports a work-schedule entry as an event', () => {
    const entry = scheduleEntrySchema.parse({
      id: 'e1',
      date: '2025-03-03',
      session: 'chieu',
      content: 'Họp Ban Chỉ đạo chuyển đổi số',
      chair: 'Chủ tịch UBND tỉnh',
      participants: ['Sở Khoa học và Công nghệ'],
      place: 'Phòng họp A',
      invitation: { numberSymbol: '45/GM-UBND' },
      online: { url: 'https://meet.example.gov.vn/x', hostPoint: 'UBND tỉnh' },
    });
    const ev = scheduleEntryToEvent(entry, { uidDomain: 'ubnd.example.gov.vn' });
    expect(ev).toMatchObject({ uid: 'e1@ubnd.example.gov.vn', start: '2025-03-03T14:00:00', end: '2025-03-03T15:00:00', location: 'Phòng họp A', url: 'https://meet.example.gov.vn/x' });
    expect(ev.description).toContain('Giấy mời số 45/GM-UBND');
    const back = fromICalendar(toICalendar([ev], { dtstamp: '2025-03-01T00:00:00Z' })).events[0];
    expect(back).toEqual(ev);
  });
});

describe('iCalendar errors', () => {
  it('reports a malformed file in Vietnamese, English on request', () => {
    expect(() => fromICalendar('BEGIN:VCALENDAR\r\nBROKEN LINE\r\n')).toThrow(/Tệp iCalendar không hợp lệ/);
    expect(() => fromICalendar('BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n', { lang: 'en' })).toThrow(/expected BEGIN:VCALENDAR/);
  });
  it('rejects an event without DTSTART and a bad RRULE', () => {
    expect(() => fromICalendar('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow(/VEVENT thứ 1/);
    expect(() => toICalendar([{ uid: 'x', summary: 'x', start: '2025-01-01', allDay: true, attendees: [], rrule: 'FREQ=SOMETIMES' }])).toThrow(/RRULE/);
    expect(() => toICalendar([{ uid: 'x', summary: 'x', start: '2025-02-30T08:00:00', allDay: false, attendees: [] }])).toThrow(/DTSTART: thời gian không hợp lệ/);
  });
});

describe('iCalendar round trip (property)', () => {
  const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 100);
  // Text without control characters other than newline (RFC 5545 TEXT cannot carry them).
  const text = fc
    .string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬỀỂỄẾỆ ,;:\\"\'\n<>&/'.split('')), minLength: 1, maxLength: 120 })
    .filter((s) => s.trim() === s && s.length > 0);
  // ical.js reads "\n" inside a parameter value (CN) as a newline, so names here carry no backslash or newline;
  // quotes, commas, colons and semicolons are covered (RFC 6868 caret encoding).
  const paramText = text.map((s) => s.replace(/[\\\n]/g, ' ').trim()).filter((s) => s.length > 0);
  const two = (n: number): string => String(n).padStart(2, '0');
  const dateTime = fc
    .record({ y: fc.integer({ min: 1971, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 22 }), mi: fc.integer({ min: 0, max: 59 }) })
    .map(({ y, m, d, h, mi }) => ({ date: `${y}-${two(m)}-${two(d)}`, time: `${two(h)}:${two(mi)}:00`, h }));
  const event = fc
    .record({
      uid: fc.stringMatching(/^[a-z0-9]{1,20}@[a-z]{1,10}\.vn$/),
      summary: text,
      description: fc.option(text, { nil: undefined }),
      location: fc.option(text, { nil: undefined }),
      at: dateTime,
      allDay: fc.boolean(),
      rrule: fc.option(fc.constantFrom('FREQ=WEEKLY;COUNT=5;BYDAY=MO', 'FREQ=DAILY;COUNT=3;INTERVAL=2', 'FREQ=MONTHLY;BYMONTHDAY=15'), { nil: undefined }),
      attendees: fc.array(fc.record({ email: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.gov\.vn$/), name: paramText }), { maxLength: 3 }),
    })
    .map(({ at, allDay, description, location, rrule, ...rest }) => ({
      ...rest,
      ...(description === undefined ? {} : { description }),
      ...(location === undefined ? {} : { location }),
      ...(rrule === undefined ? {} : { rrule }),
      allDay,
      start: allDay ? at.date : `${at.date}T${at.time}`,
      ...(allDay ? {} : { end: `${at.date}T${two(at.h + 1)}:${at.time.slice(3)}` }),
    }));
  it('toICalendar → fromICalendar gives back the same events', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), (events) => {
        const ics = toICalendar(events, { dtstamp: '2025-01-01T00:00:00Z' });
        expect(fromICalendar(ics).events).toEqual(events);
      }),
      { numRuns: runs },
    );
  });
});

describe('iCalendar import robustness (property)', () => {
  it('on a damaged file returns events or throws a CalendarError, never anything else', () => {
    const lines = google.split('\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', ':', ';', '=', 'X', ',', '\\', 'BEGIN:VEVENT', 'END:VEVENT', 'T', '9')), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const damaged = [...lines];
          for (const [li, ci, insert] of edits) {
            const i = li % damaged.length;
            const line = damaged[i]!;
            const c = ci % (line.length + 1);
            damaged[i] = line.slice(0, c) + insert + line.slice(c + (insert === '' ? 1 : 0));
          }
          let outcome: string;
          try {
            const cal = fromICalendar(damaged.join('\r\n'));
            for (const e of cal.events) expandOccurrences(e, { from: '2025-01-01', to: '2025-12-31', max: 20 });
            outcome = 'ok';
          } catch (err) {
            outcome = err instanceof CalendarError ? 'calendar-error' : `raw: ${String(err)}`;
          }
          expect(['ok', 'calendar-error']).toContain(outcome);
        },
      ),
      { numRuns: Number(process.env.EGOV_FUZZ_RUNS ?? 200) },
    );
  });
});
