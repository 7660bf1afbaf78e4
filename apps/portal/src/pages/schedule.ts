// The leaders' weekly work schedule (editable, printable) and the month calendar, kept in the browser per agency.
import '@egov-vn/calendar-elements/week-schedule';
import '@egov-vn/calendar-elements/month-calendar';
import { isoWeekOf } from '@egov-vn/calendar';
import { emptyWeekSchedule, groupByDay, parseWeekSchedule, type WeekSchedule } from '@egov-vn/calendar/schedule';
import { html, type TemplateResult } from 'lit';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { refresh, save, saved, state } from '../app.js';
import { t } from '../i18n.js';

/** A plausible week for a provincial body: briefings, meetings, field visits (demo data). */
export function demoWeek(agencyName: string, leader: string, date: string): WeekSchedule {
  const week = emptyWeekSchedule(date, agencyName);
  const days = groupByDay(week).map((d) => d.date);
  const entries = [
    { day: 0, session: 'sang', time: '08:00', content: 'Giao ban lãnh đạo đầu tuần', chair: leader, place: 'Phòng họp tầng 3', preparingUnit: 'Văn phòng' },
    { day: 1, session: 'chieu', time: '14:00', content: 'Họp trực tuyến triển khai văn bản điện tử theo Chỉ thị 02/CT-BNV', chair: leader, place: 'Điểm cầu tỉnh', preparingUnit: 'Phòng Tổng hợp' },
    { day: 2, session: 'sang', time: '08:30', content: 'Làm việc với Sở Thông tin và Truyền thông về trục liên thông văn bản', chair: leader, place: 'Trụ sở cơ quan', preparingUnit: 'Văn phòng' },
    { day: 3, session: 'sang', time: '07:30', content: 'Kiểm tra thực tế tại Trung tâm Phục vụ hành chính công tỉnh', chair: leader, place: 'Thành phố Hạ Long', preparingUnit: 'Phòng Kế hoạch' },
    { day: 4, session: 'chieu', time: '15:00', content: 'Họp rà soát công việc trong tuần', chair: leader, place: 'Phòng họp tầng 2', preparingUnit: 'Văn phòng' },
  ];
  const parsed = parseWeekSchedule({
    ...week,
    title: `Lịch công tác tuần của lãnh đạo ${agencyName}`,
    revisionLabel: 'Chính thức',
    entries: entries.map((e, i) => ({
      id: `demo-${i + 1}`,
      date: days[e.day],
      session: e.session,
      time: e.time,
      content: e.content,
      chair: e.chair,
      place: e.place,
      preparingUnit: e.preparingUnit,
      participants: ['Lãnh đạo các phòng'],
    })),
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.value;
}

function weekKey(code: string, w: { isoYear: number; isoWeek: number }): string {
  return `schedule:${code}:${w.isoYear}-W${w.isoWeek}`;
}

const vietnamToday = () => formatIsoDate(todayInVietnam());

/** DEMO: the leaders who chair the demo agencies' meetings. */
const DEMO_LEADERS: Record<string, string> = {
  '000.00.01.H49': 'Nguyễn Văn Hùng',
  '000.00.02.H49': 'Trần Thị Lan',
  '000.00.03.H49': 'Lê Minh Tuấn',
};

function currentAgency(): { code: string; name: string; leader: string } {
  const me = state.me!;
  return { code: me.agency, name: me.agencyName, leader: DEMO_LEADERS[me.agency] ?? 'Lãnh đạo cơ quan' };
}

let shown: { agency: string; isoYear: number; isoWeek: number } | undefined;

function scheduleFor(code: string, isoYear: number, isoWeek: number, date: string): WeekSchedule {
  const agency = currentAgency();
  return saved<WeekSchedule | undefined>(weekKey(code, { isoYear, isoWeek }), undefined) ?? demoWeek(agency.name, agency.leader, date);
}

function currentWeek(): { isoYear: number; isoWeek: number; schedule: WeekSchedule } {
  if (shown?.agency !== currentAgency().code) {
    const w = isoWeekOf(vietnamToday());
    shown = { agency: currentAgency().code, isoYear: w.year, isoWeek: w.week };
  }
  const today = vietnamToday();
  const w = isoWeekOf(today);
  const isThisWeek = w.year === shown.isoYear && w.week === shown.isoWeek;
  const schedule = isThisWeek
    ? scheduleFor(currentAgency().code, shown.isoYear, shown.isoWeek, today)
    : (saved<WeekSchedule | undefined>(weekKey(currentAgency().code, shown), undefined) ?? { ...emptyWeekSchedule(today, currentAgency().name), isoYear: shown.isoYear, isoWeek: shown.isoWeek });
  return { ...shown, schedule };
}

let savedNote = false;

export function schedulePage(): TemplateResult {
  const tx = t();
  const { schedule } = currentWeek();
  return html`
    <h1 id="page-title" tabindex="-1">${tx.scheduleTitle}</h1>
    <div class="actions no-print">
      <button type="button" class="secondary" @click=${() => window.print()}>${tx.print}</button>
    </div>
    ${savedNote ? html`<p class="notice ok no-print" role="status">${tx.scheduleSaved}</p>` : ''}
    <egov-week-schedule
      editable
      .schedule=${schedule}
      @egov-week-schedule-navigate=${(e: GlobalEventHandlersEventMap['egov-week-schedule-navigate']) => {
        shown = { agency: currentAgency().code, isoYear: e.detail.isoYear, isoWeek: e.detail.isoWeek };
        savedNote = false;
        refresh();
      }}
      @egov-week-schedule-change=${(e: GlobalEventHandlersEventMap['egov-week-schedule-change']) => {
        // The element updated its own schedule; keep it.
        const el = e.currentTarget as HTMLElementTagNameMap['egov-week-schedule'];
        queueMicrotask(() => {
          save(weekKey(currentAgency().code, el.schedule!), el.schedule);
          savedNote = true;
          refresh();
        });
      }}
    ></egov-week-schedule>
  `;
}

let month = vietnamToday().slice(0, 7);

export function calendarPage(): TemplateResult {
  const tx = t();
  const { schedule } = currentWeek();
  const events = schedule.entries
    .filter((e) => e.status !== 'cancelled')
    .map((e) => ({ date: e.date, title: e.content, id: e.id, ...(e.time ? { time: e.time } : {}) }));
  return html`
    <h1 id="page-title" tabindex="-1">${tx.calendarTitle}</h1>
    <egov-month-calendar
      month=${month}
      .events=${events}
      @egov-month-calendar-navigate=${(e: GlobalEventHandlersEventMap['egov-month-calendar-navigate']) => {
        month = e.detail.month;
      }}
    ></egov-month-calendar>
  `;
}
