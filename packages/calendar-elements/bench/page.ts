// Runs inside Chromium (built by calendar.bench.ts): renders the same events with the egov-vn elements and with
// FullCalendar, and times the first complete render (element created → frame after rendering) and view switches.
import { Calendar } from '@fullcalendar/core';
import type { EventInput } from '@fullcalendar/core';
import viLocale from '@fullcalendar/core/locales/vi';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { ScheduleEntry, WeekSchedule } from '@egov-vn/calendar/schedule';
import '../src/month-calendar/month-calendar.js';
import '../src/week-schedule/week-schedule.js';
import type { MonthCalendarEvent } from '../src/month-calendar/month-calendar.js';

const MAX_PER_DAY = 3;

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Item {
  id: string;
  date: string;
  time: string;
  end: string;
  title: string;
}

/** `count` events on the given days, 07:00–17:00, 30–90 minutes. */
function items(count: number, days: string[], seed: number): Item[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const start = 7 * 60 + Math.floor(r() * 20) * 30;
    const end = start + 30 * (1 + Math.floor(r() * 3));
    return {
      id: `e${i}`,
      date: days[Math.floor(r() * days.length)]!,
      time: `${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
      end: `${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
      title: `Cuộc họp số ${i + 1} về chuyển đổi số`,
    };
  });
}

const april = Array.from({ length: 30 }, (_, i) => `2026-04-${pad(i + 1)}`);
const week15 = Array.from({ length: 7 }, (_, i) => `2026-04-${pad(i + 6)}`);

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * A fresh, empty stage. The previous run's DOM (up to 2 000 positioned events) is removed and one frame is let
 * through before the caller starts its timer: otherwise the style and layout work of tearing down the previous run
 * lands in the next run's first frame, and each library is charged for the other's teardown.
 */
async function stage(): Promise<HTMLElement> {
  document.body.replaceChildren();
  const div = document.createElement('div');
  div.style.width = '1200px';
  document.body.append(div);
  await frame();
  return div;
}

const toFc = (list: Item[]): EventInput[] => list.map((x) => ({ id: x.id, title: x.title, start: `${x.date}T${x.time}:00`, end: `${x.date}T${x.end}:00` }));

export interface Timing {
  first: number;
  switch: number;
}

async function egovMonth(list: Item[]): Promise<Timing> {
  const host = await stage();
  const events: MonthCalendarEvent[] = list.map((x) => ({ id: x.id, date: x.date, time: x.time, title: x.title }));
  const t0 = performance.now();
  const el = document.createElement('egov-month-calendar');
  el.maxEvents = MAX_PER_DAY;
  el.month = '2026-04';
  el.events = events;
  host.append(el);
  await el.updateComplete;
  await frame();
  const t1 = performance.now();
  el.month = '2026-05';
  await el.updateComplete;
  await frame();
  el.month = '2026-04';
  await el.updateComplete;
  await frame();
  const t2 = performance.now();
  return { first: t1 - t0, switch: t2 - t1 };
}

async function fcView(list: Item[], view: 'dayGridMonth' | 'timeGridWeek', date: string): Promise<Timing> {
  const host = await stage();
  const events = toFc(list);
  const t0 = performance.now();
  const cal = new Calendar(host, {
    plugins: [dayGridPlugin, timeGridPlugin],
    initialView: view,
    initialDate: date,
    locale: viLocale,
    timeZone: 'local',
    dayMaxEvents: MAX_PER_DAY,
    events,
  });
  cal.render();
  await frame();
  const t1 = performance.now();
  cal.next();
  await frame();
  cal.prev();
  await frame();
  const t2 = performance.now();
  cal.destroy();
  return { first: t1 - t0, switch: t2 - t1 };
}

async function egovWeek(list: Item[]): Promise<Timing> {
  const host = await stage();
  const entries: ScheduleEntry[] = list.map((x) => ({
    id: x.id,
    date: x.date,
    session: x.time < '12:00' ? 'sang' : 'chieu',
    time: x.time,
    endTime: x.end,
    content: x.title,
    participants: [],
    status: 'planned',
    revisions: [],
  }));
  const schedule: WeekSchedule = { isoYear: 2026, isoWeek: 15, agency: 'UBND', revisionLabel: 'Dự thảo', entries };
  const t0 = performance.now();
  const el = document.createElement('egov-week-schedule');
  el.schedule = schedule;
  host.append(el);
  await el.updateComplete;
  await frame();
  const t1 = performance.now();
  el.shiftWeek(1);
  await el.updateComplete;
  await frame();
  el.shiftWeek(-1);
  await el.updateComplete;
  await frame();
  const t2 = performance.now();
  return { first: t1 - t0, switch: t2 - t1 };
}

const monthItems = items(2000, april, 1);
const weekItems = items(2000, week15, 2);

const runs = {
  'month egov': () => egovMonth(monthItems),
  'month fullcalendar': () => fcView(monthItems, 'dayGridMonth', '2026-04-01'),
  'week egov': () => egovWeek(weekItems),
  'week fullcalendar': () => fcView(weekItems, 'timeGridWeek', '2026-04-06'),
} as const;

declare global {
  interface Window {
    benchRun(name: keyof typeof runs): Promise<Timing>;
    benchReady: boolean;
  }
}

window.benchRun = (name) => runs[name]();
window.benchReady = true;
