// Weekly work schedules (lịch công tác tuần), meeting invitations (giấy mời) and online meetings (giao ban trực
// tuyến) as zod 4 models. Validation messages are Vietnamese by default; `createScheduleSchemas('en')` gives English.
// Import from "@egov-vn/calendar/schedule".

import { foldForSearch } from '@egov-vn/schemas/core';
import * as z from 'zod';
import { formatIsoDate, isoWeekDays, isoWeekOf, toCivilDate, toJdn, WEEKDAY_NAMES_VI } from './civil.js';
import type { CivilDate } from './civil.js';
import type { Lang } from './errors.js';

/** Sessions of a schedule day. */
export const SESSIONS = ['sang', 'chieu', 'toi'] as const;
export type Session = (typeof SESSIONS)[number];
/** Vietnamese labels of the sessions. */
export const SESSION_LABELS: Record<Session, string> = { sang: 'Sáng', chieu: 'Chiều', toi: 'Tối' };

/** Status of a schedule entry; always shown as text, never by colour only. */
export const ENTRY_STATUSES = ['planned', 'added', 'changed', 'cancelled', 'postponed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
/** Vietnamese labels of the statuses, as printed in published schedules. */
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  planned: 'Dự kiến',
  added: 'Bổ sung',
  changed: 'Thay đổi',
  cancelled: 'Hủy',
  postponed: 'Hoãn',
};

type Label = readonly [vi: string, en: string];
type Issue = z.core.$ZodRawIssue;

function describe(iss: Issue, lang: Lang): string {
  const vi = lang === 'vi';
  const min = 'minimum' in iss ? Number(iss.minimum) : 0;
  const max = 'maximum' in iss ? Number(iss.maximum) : 0;
  const origin = 'origin' in iss ? String(iss.origin) : '';
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return vi ? 'bắt buộc phải có' : 'is required';
      return vi ? `sai kiểu dữ liệu (cần ${String(iss.expected)})` : `has the wrong type (expected ${String(iss.expected)})`;
    case 'too_small':
      if (origin === 'string') return min <= 1 ? (vi ? 'không được để trống' : 'must not be empty') : vi ? `cần ít nhất ${min} ký tự` : `needs at least ${min} characters`;
      if (origin === 'array') return vi ? `cần ít nhất ${min} mục` : `needs at least ${min} items`;
      return vi ? `phải lớn hơn hoặc bằng ${min}` : `must be at least ${min}`;
    case 'too_big':
      if (origin === 'string') return vi ? `tối đa ${max} ký tự` : `at most ${max} characters`;
      if (origin === 'array') return vi ? `tối đa ${max} mục` : `at most ${max} items`;
      return vi ? `phải nhỏ hơn hoặc bằng ${max}` : `must be at most ${max}`;
    case 'invalid_format': {
      const format = 'format' in iss ? String(iss.format) : '';
      const expected =
        format === 'date' ? 'yyyy-mm-dd' : format === 'datetime' ? 'ISO 8601' : format === 'url' ? 'URL' : format === 'email' ? 'email' : format === 'regex' ? (vi ? 'mẫu quy định' : 'the required pattern') : format;
      return vi ? `sai định dạng (cần ${expected})` : `has an invalid format (expected ${expected})`;
    }
    case 'invalid_value': {
      const values = 'values' in iss ? (iss.values as unknown[]).map(String).join(', ') : '';
      return vi ? `giá trị không hợp lệ (cần một trong: ${values})` : `is not allowed (expected one of: ${values})`;
    }
    default:
      return vi ? 'không hợp lệ' : 'is invalid';
  }
}

/** Builds the zod models with messages in `lang` (default Vietnamese). */
export function createScheduleSchemas(lang: Lang = 'vi') {
  const e = (label: Label) => ({ error: (iss: Issue) => `${lang === 'vi' ? label[0] : label[1]}: ${describe(iss, lang)}` });
  const text = (label: Label, max: number) => z.string(e(label)).trim().min(1).max(max);
  const optionalText = (label: Label, max: number) => z.string(e(label)).trim().max(max).optional();
  const date = (label: Label) =>
    z.iso.date(e(label)).refine((s) => {
      try {
        toCivilDate(s);
        return true;
      } catch {
        return false;
      }
    }, e(label));
  const time = (label: Label) => z.string(e(label)).regex(/^([01]\d|2[0-3]):[0-5]\d$/);
  const names = (label: Label) => z.array(text(label, 200), e(label)).max(200);

  const revision = z.object({
    at: z.iso.datetime({ offset: true, ...e(['Thời điểm điều chỉnh', 'Revision time']) }),
    by: optionalText(['Người điều chỉnh', 'Revised by'], 200),
    reason: optionalText(['Lý do điều chỉnh', 'Reason'], 1000),
    changes: z.array(
      z.object({
        field: text(['Trường thay đổi', 'Changed field'], 50),
        from: z.unknown(),
        to: z.unknown(),
      }),
      e(['Nội dung điều chỉnh', 'Changes']),
    ),
  });

  const documentRef = z.object({
    /** Số, ký hiệu, e.g. "125/GM-UBND" (Nghị định 30/2020, Phụ lục I). */
    numberSymbol: z.string(e(['Số, ký hiệu văn bản', 'Document number and symbol'])).trim().regex(/^\d{2,}(?:\/\d{4})?\/[\p{Lu}\p{N}Đ]+(?:[-.][\p{Lu}\p{N}Đ]+)*$/u),
    issuedDate: date(['Ngày ban hành', 'Issue date']).optional(),
    issuer: optionalText(['Cơ quan ban hành', 'Issuer'], 200),
    url: z.url(e(['Đường dẫn văn bản', 'Document URL'])).optional(),
  });

  const onlineMeeting = z.object({
    platform: optionalText(['Nền tảng họp trực tuyến', 'Meeting platform'], 100),
    url: z.url(e(['Đường dẫn họp trực tuyến', 'Meeting link'])).optional(),
    meetingId: optionalText(['Mã phòng họp', 'Meeting ID'], 100),
    passcode: optionalText(['Mật khẩu phòng họp', 'Passcode'], 100),
    /** Điểm cầu chính (host point). */
    hostPoint: text(['Điểm cầu chính', 'Host point'], 300),
    /** Điểm cầu (points of connection). */
    endpoints: z
      .array(
        z.object({
          name: text(['Tên điểm cầu', 'Endpoint name'], 300),
          address: optionalText(['Địa chỉ điểm cầu', 'Endpoint address'], 500),
          contact: optionalText(['Đầu mối liên hệ', 'Contact'], 200),
        }),
        e(['Các điểm cầu', 'Endpoints']),
      )
      .default([]),
  });

  const meetingInvitation = z.object({
    /** The Giấy mời document: its ký hiệu starts with GM (Nghị định 30/2020, Phụ lục III), e.g. "05/GM-UBND". */
    document: documentRef.refine((d) => /\/GM(?:-|$)/.test(d.numberSymbol), {
      path: ['numberSymbol'],
      message: lang === 'vi' ? 'Số, ký hiệu văn bản: giấy mời phải có ký hiệu GM (ví dụ 05/GM-UBND)' : 'Document number and symbol: an invitation has the symbol GM (e.g. 05/GM-UBND)',
    }),
    subject: text(['Nội dung cuộc họp', 'Meeting subject'], 1000),
    date: date(['Ngày họp', 'Meeting date']),
    time: time(['Giờ họp', 'Meeting time']),
    place: text(['Địa điểm', 'Place'], 500),
    chair: text(['Chủ trì', 'Chair'], 200),
    invitees: names(['Thành phần mời', 'Invitees']).min(1),
    online: onlineMeeting.optional(),
  });

  const entry = z.object({
    id: text(['Mã lịch', 'Entry id'], 100),
    date: date(['Ngày', 'Date']),
    session: z.enum(SESSIONS, e(['Buổi', 'Session'])),
    time: time(['Thời gian', 'Time']).optional(),
    endTime: time(['Thời gian kết thúc', 'End time']).optional(),
    content: text(['Nội dung', 'Content'], 2000),
    chair: optionalText(['Chủ trì', 'Chair'], 200),
    participants: names(['Thành phần', 'Participants']).default([]),
    place: optionalText(['Địa điểm', 'Place'], 500),
    preparingUnit: optionalText(['Đơn vị chuẩn bị', 'Preparing unit'], 300),
    notes: optionalText(['Ghi chú', 'Notes'], 1000),
    status: z.enum(ENTRY_STATUSES, e(['Trạng thái', 'Status'])).default('planned'),
    invitation: documentRef.optional(),
    online: onlineMeeting.optional(),
    revisions: z.array(revision, e(['Lịch sử điều chỉnh', 'Revisions'])).default([]),
  });

  const weekSchedule = z
    .object({
      /** ISO week-numbering year and week (Monday start). */
      isoYear: z.int(e(['Năm', 'Year'])).min(1900).max(2199),
      isoWeek: z.int(e(['Tuần', 'Week'])).min(1).max(53),
      agency: text(['Cơ quan', 'Agency'], 300),
      title: optionalText(['Tiêu đề', 'Title'], 500),
      /** "Dự thảo", "Chính thức", "Điều chỉnh lần 1" … */
      revisionLabel: text(['Lần điều chỉnh', 'Revision label'], 100).default('Dự thảo'),
      publishedAt: z.iso.datetime({ offset: true, ...e(['Thời điểm ban hành', 'Published at']) }).optional(),
      entries: z.array(entry, e(['Các mục lịch', 'Entries'])).default([]),
    })
    .superRefine((week, ctx) => {
      const days = isoWeekDays(week.isoYear, week.isoWeek).map(formatIsoDate);
      const ids = new Set<string>();
      week.entries.forEach((en, i) => {
        if (!days.includes(en.date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'date'],
            message:
              lang === 'vi'
                ? `Ngày: ${en.date} không thuộc tuần ${week.isoWeek}/${week.isoYear} (${days[0]} – ${days[6]})`
                : `Date: ${en.date} is not in week ${week.isoWeek}/${week.isoYear} (${days[0]} – ${days[6]})`,
          });
        }
        if (ids.has(en.id)) {
          ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: lang === 'vi' ? `Mã lịch: trùng "${en.id}"` : `Entry id: duplicate "${en.id}"` });
        }
        ids.add(en.id);
        if (en.time && en.endTime && en.endTime <= en.time) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'endTime'],
            message: lang === 'vi' ? 'Thời gian kết thúc: phải sau thời gian bắt đầu' : 'End time: must be after the start time',
          });
        }
      });
    });

  return { revision, documentRef, onlineMeeting, meetingInvitation, entry, weekSchedule };
}

const vi = /* @__PURE__ */ createScheduleSchemas('vi');
/** Schedule entry model (Vietnamese messages). */
export const scheduleEntrySchema = vi.entry;
/** Week schedule model (Vietnamese messages). */
export const weekScheduleSchema = vi.weekSchedule;
/** Meeting invitation model (Vietnamese messages). */
export const meetingInvitationSchema = vi.meetingInvitation;
/** Online meeting model (Vietnamese messages). */
export const onlineMeetingSchema = vi.onlineMeeting;
/** Reference to a document by number/symbol (Vietnamese messages). */
export const documentRefSchema = vi.documentRef;

export type ScheduleEntry = z.output<typeof scheduleEntrySchema>;
export type ScheduleEntryInput = z.input<typeof scheduleEntrySchema>;
export type WeekSchedule = z.output<typeof weekScheduleSchema>;
export type WeekScheduleInput = z.input<typeof weekScheduleSchema>;
export type MeetingInvitation = z.output<typeof meetingInvitationSchema>;
export type OnlineMeeting = z.output<typeof onlineMeetingSchema>;
export type DocumentRef = z.output<typeof documentRefSchema>;
export type Revision = ScheduleEntry['revisions'][number];

/** A validation problem: where (dotted path) and what, in the requested language. */
export interface ScheduleProblem {
  readonly path: string;
  readonly message: string;
}

/** Result of {@link parseWeekSchedule}: never throws. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ScheduleProblem[] };

const en = { current: undefined as ReturnType<typeof createScheduleSchemas> | undefined };

/** Validates a week schedule; problems come in Vietnamese unless `lang: 'en'`. */
export function parseWeekSchedule(input: unknown, options: { lang?: Lang } = {}): ParseResult<WeekSchedule> {
  const schemas = options.lang === 'en' ? (en.current ??= createScheduleSchemas('en')) : vi;
  const r = schemas.weekSchedule.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** "Dự thảo" for 0, "Điều chỉnh lần n" after. */
export function revisionLabel(n: number): string {
  return n <= 0 ? 'Dự thảo' : `Điều chỉnh lần ${n}`;
}

/** An empty week schedule for the week that contains `date`. */
export function emptyWeekSchedule(date: CivilDate | string, agency: string): WeekSchedule {
  const { year, week } = isoWeekOf(date);
  return weekScheduleSchema.parse({ isoYear: year, isoWeek: week, agency });
}

/** One day of a schedule grouped by session. */
export interface ScheduleDay {
  readonly date: string;
  /** "Thứ Hai (11/11/2019)", as the first column of a printed schedule. */
  readonly heading: string;
  readonly sessions: Record<Session, ScheduleEntry[]>;
}

const byTime = (a: ScheduleEntry, b: ScheduleEntry): number => (a.time ?? '').localeCompare(b.time ?? '');

/** The seven days of the week (Monday first) with their entries by session, sorted by time. */
export function groupByDay(week: WeekSchedule): ScheduleDay[] {
  return isoWeekDays(week.isoYear, week.isoWeek).map((d) => {
    const iso = formatIsoDate(d);
    const entries = week.entries.filter((x) => x.date === iso).sort(byTime);
    const wd = ((toJdn(d) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
    return {
      date: iso,
      heading: `${WEEKDAY_NAMES_VI[wd]} (${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year})`,
      sessions: {
        sang: entries.filter((x) => x.session === 'sang'),
        chieu: entries.filter((x) => x.session === 'chieu'),
        toi: entries.filter((x) => x.session === 'toi'),
      },
    };
  });
}

/** The accent- and case-insensitive search key of @egov-vn/schemas, trimmed for queries. */
const fold = (s: string): string => foldForSearch(s).trim();

/** Entries a leader chairs or attends (name match ignores case and diacritics). */
export function filterByLeader(week: WeekSchedule, leader: string): ScheduleEntry[] {
  const q = fold(leader);
  return week.entries.filter((x) => [x.chair ?? '', ...x.participants].some((p) => fold(p).includes(q)));
}

/** Entries a unit prepares or takes part in. */
export function filterByUnit(week: WeekSchedule, unit: string): ScheduleEntry[] {
  const q = fold(unit);
  return week.entries.filter((x) => [x.preparingUnit ?? '', ...x.participants].some((p) => fold(p).includes(q)));
}

const TRACKED = ['date', 'session', 'time', 'endTime', 'content', 'chair', 'participants', 'place', 'preparingUnit', 'notes', 'status'] as const;
type Tracked = (typeof TRACKED)[number];

/**
 * Applies a change to an entry and records it: the new entry gets status `changed` (or the status given in the
 * patch, e.g. `postponed`) and a revision with what changed, from what, to what, and when.
 */
export function reviseEntry(
  entry: ScheduleEntry,
  patch: Partial<Pick<ScheduleEntry, Tracked>>,
  meta: { at: string; by?: string; reason?: string },
): ScheduleEntry {
  const changes: { field: string; from: unknown; to: unknown }[] = [];
  for (const field of TRACKED) {
    if (!(field in patch) || field === 'status') continue;
    const from = entry[field];
    const to = patch[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  const status = patch.status ?? 'changed';
  if (status !== entry.status) changes.push({ field: 'status', from: entry.status, to: status });
  const revision = { at: meta.at, changes, ...(meta.by ? { by: meta.by } : {}), ...(meta.reason ? { reason: meta.reason } : {}) };
  return scheduleEntrySchema.parse({ ...entry, ...patch, status, revisions: [...entry.revisions, revision] });
}
