import { describe, expect, it } from 'vitest';
import {
  createScheduleSchemas,
  emptyWeekSchedule,
  filterByLeader,
  filterByUnit,
  groupByDay,
  meetingInvitationSchema,
  parseWeekSchedule,
  reviseEntry,
  revisionLabel,
  scheduleEntrySchema,
  weekScheduleSchema,
} from './schedule.js';

const week = weekScheduleSchema.parse({
  isoYear: 2019,
  isoWeek: 46,
  agency: 'UBND huyện Đắk Song',
  revisionLabel: 'Điều chỉnh lần 1',
  entries: [
    {
      id: 'e2',
      date: '2019-11-11',
      session: 'sang',
      time: '09:00',
      content: 'Họp giao ban Thường trực UBND huyện',
      chair: 'Chủ tịch UBND huyện',
      participants: ['Phó Chủ tịch Nguyễn Văn A', 'Văn phòng HĐND và UBND'],
      place: 'Phòng họp số 1',
      preparingUnit: 'Văn phòng HĐND và UBND',
    },
    { id: 'e1', date: '2019-11-11', session: 'sang', time: '07:30', content: 'Chào cờ đầu tuần', chair: 'Chủ tịch UBND huyện' },
    {
      id: 'e3',
      date: '2019-11-12',
      session: 'chieu',
      time: '14:00',
      content: 'Giao ban trực tuyến với UBND tỉnh',
      chair: 'Phó Chủ tịch Nguyễn Văn A',
      preparingUnit: 'Phòng Tài chính – Kế hoạch',
      invitation: { numberSymbol: '125/GM-UBND', issuedDate: '2019-11-08', issuer: 'UBND tỉnh Đắk Nông' },
      online: { platform: 'Hệ thống hội nghị truyền hình', url: 'https://hop.example.gov.vn/r/123', hostPoint: 'UBND tỉnh', endpoints: [{ name: 'UBND huyện Đắk Song' }] },
    },
  ],
});

describe('week schedule model', () => {
  it('fills defaults: status planned, no revisions, empty participants', () => {
    const e1 = week.entries.find((e) => e.id === 'e1')!;
    expect(e1.status).toBe('planned');
    expect(e1.revisions).toEqual([]);
    expect(e1.participants).toEqual([]);
  });
  it('groups by day (Monday first) and session, sorted by time, with printed headings', () => {
    const days = groupByDay(week);
    expect(days).toHaveLength(7);
    expect(days[0]!.heading).toBe('Thứ Hai (11/11/2019)');
    expect(days[6]!.heading).toBe('Chủ nhật (17/11/2019)');
    expect(days[0]!.sessions.sang.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(days[1]!.sessions.chieu.map((e) => e.id)).toEqual(['e3']);
  });
  it('filters by leader and by unit, ignoring case and diacritics', () => {
    expect(filterByLeader(week, 'nguyen van a').map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(filterByUnit(week, 'phòng tài chính').map((e) => e.id)).toEqual(['e3']);
  });
  it('records what a revision changed and when', () => {
    const e2 = week.entries.find((e) => e.id === 'e2')!;
    const moved = reviseEntry(e2, { time: '10:00', place: 'Hội trường' }, { at: '2019-11-10T16:00:00+07:00', by: 'Văn phòng', reason: 'Trùng lịch' });
    expect(moved.status).toBe('changed');
    expect(moved.revisions).toHaveLength(1);
    expect(moved.revisions[0]!.changes).toEqual([
      { field: 'time', from: '09:00', to: '10:00' },
      { field: 'place', from: 'Phòng họp số 1', to: 'Hội trường' },
      { field: 'status', from: 'planned', to: 'changed' },
    ]);
    const postponed = reviseEntry(moved, { status: 'postponed' }, { at: '2019-11-11T08:00:00+07:00' });
    expect(postponed.status).toBe('postponed');
    expect(postponed.revisions).toHaveLength(2);
    expect(revisionLabel(0)).toBe('Dự thảo');
    expect(revisionLabel(2)).toBe('Điều chỉnh lần 2');
  });
  it('makes an empty schedule for the ISO week of a date (Monday start)', () => {
    const w = emptyWeekSchedule('2026-01-01', 'Sở Nội vụ');
    expect([w.isoYear, w.isoWeek, w.revisionLabel]).toEqual([2026, 1, 'Dự thảo']);
    expect(groupByDay(w)[0]!.date).toBe('2025-12-29');
  });
});

describe('validation messages', () => {
  it('are Vietnamese by default, with the field named', () => {
    const r = parseWeekSchedule({
      isoYear: 2019,
      isoWeek: 46,
      agency: '',
      entries: [
        { id: 'a', date: '2019-11-11', session: 'sáng', content: 'x', time: '7h30' },
        { id: 'b', date: '2019-11-11', session: 'chieu', content: ' ', time: '14:00' },
      ],
    });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    const at = (path: string): string | undefined => problems.find((p) => p.path === path)?.message;
    expect(at('agency')).toBe('Cơ quan: không được để trống');
    expect(at('entries.0.session')).toBe('Buổi: giá trị không hợp lệ (cần một trong: sang, chieu, toi)');
    expect(at('entries.0.time')).toBe('Thời gian: sai định dạng (cần mẫu quy định)');
    expect(at('entries.1.content')).toBe('Nội dung: không được để trống');
  });
  it('check the week as a whole: dates inside the ISO week, unique ids, end after start', () => {
    const r = parseWeekSchedule({
      isoYear: 2019,
      isoWeek: 46,
      agency: 'UBND',
      entries: [
        { id: 'a', date: '2019-11-20', session: 'sang', content: 'x' },
        { id: 'a', date: '2019-11-11', session: 'chieu', content: 'y', time: '14:00', endTime: '13:00' },
      ],
    });
    const problems = r.ok ? [] : r.problems;
    const at = (path: string): string | undefined => problems.find((p) => p.path === path)?.message;
    expect(at('entries.0.date')).toMatch(/^Ngày: 2019-11-20 không thuộc tuần 46\/2019/);
    expect(at('entries.1.id')).toBe('Mã lịch: trùng "a"');
    expect(at('entries.1.endTime')).toBe('Thời gian kết thúc: phải sau thời gian bắt đầu');
  });
  it('are English on request', () => {
    const r = parseWeekSchedule({ isoYear: 2019, isoWeek: 46 }, { lang: 'en' });
    expect(r.ok ? [] : r.problems).toContainEqual({ path: 'agency', message: 'Agency: is required' });
    expect(createScheduleSchemas('en').entry.safeParse({}).error?.issues[0]?.message).toMatch(/is required$/);
  });
  it('rejects an impossible date and a malformed invitation number', () => {
    expect(scheduleEntrySchema.safeParse({ id: 'x', date: '2025-02-30', session: 'sang', content: 'x' }).success).toBe(false);
    const inv = meetingInvitationSchema.safeParse({
      document: { numberSymbol: 'GM 12' },
      subject: 'Họp',
      date: '2025-03-03',
      time: '08:00',
      place: 'Phòng họp',
      chair: 'Giám đốc',
      invitees: ['Trưởng phòng'],
    });
    expect(inv.error?.issues[0]?.message).toBe('Số, ký hiệu văn bản: sai định dạng (cần mẫu quy định)');
    const ok = meetingInvitationSchema.safeParse({
      document: { numberSymbol: '05/GM-SNV' },
      subject: 'Họp',
      date: '2025-03-03',
      time: '08:00',
      place: 'Phòng họp',
      chair: 'Giám đốc',
      invitees: ['Trưởng phòng'],
    });
    expect(ok.success).toBe(true);
    const notGm = meetingInvitationSchema.safeParse({ ...ok.data, document: { numberSymbol: '05/TB-SNV' } });
    expect(notGm.error?.issues[0]?.message).toBe('Số, ký hiệu văn bản: giấy mời phải có ký hiệu GM (ví dụ 05/GM-UBND)');
    expect(scheduleEntrySchema.safeParse({ id: 'x', date: '2025-03-03', session: 'sang', content: 'x', invitation: { numberSymbol: '123/2020/NĐ-CP' } }).success).toBe(true);
  });
});
