// React 19 usage: properties (objects, arrays) are set as properties, `on<event-name>` props listen to custom events.
import { createElement, act } from 'react';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './date-picker/date-picker.js';
import './deadline/deadline.js';
import './month-calendar/month-calendar.js';
import type { EgovMonthCalendarSelectEvent, MonthCalendarEvent } from './month-calendar/month-calendar.js';
import './week-schedule/week-schedule.js';
import { sampleWeek } from './week-schedule/fixtures.js';
import type { EgovWeekScheduleNavigateEvent } from './week-schedule/week-schedule.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
const container = document.createElement('div');
container.lang = 'vi';
document.body.append(container);

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function show(element: ReactElement): void {
  root ??= createRoot(container);
  act(() => root!.render(element));
}

describe('from React 19 (createRoot)', () => {
  it('passes an array property and listens to egov- events on <egov-month-calendar>', async () => {
    const events: MonthCalendarEvent[] = [{ date: '2026-04-06', title: 'Giao ban' }];
    const chosen: string[] = [];
    show(
      createElement('egov-month-calendar', {
        month: '2026-04',
        events,
        'onegov-month-calendar-select': (e: EgovMonthCalendarSelectEvent) => chosen.push(e.detail.date),
      }),
    );
    const el = container.querySelector('egov-month-calendar')!;
    expect(el.events).toBe(events);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('td[data-date="2026-04-06"] [part=event]')!.textContent).toBe('Giao ban');
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('td[data-date="2026-04-07"]')!);
    expect(chosen).toEqual(['2026-04-07']);
  });

  it('re-renders with a new object property on <egov-week-schedule> and gets its navigate event', async () => {
    const weeks: number[] = [];
    const week = sampleWeek();
    const props = { 'onegov-week-schedule-navigate': (e: EgovWeekScheduleNavigateEvent) => weeks.push(e.detail.isoWeek) };
    show(createElement('egov-week-schedule', { schedule: week, ...props }));
    const el = container.querySelector('egov-week-schedule')!;
    expect(el.schedule).toBe(week);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tr[part=entry]')).toHaveLength(4);
    show(createElement('egov-week-schedule', { schedule: { ...week, entries: week.entries.slice(0, 1) }, ...props }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tr[part=entry]')).toHaveLength(1);
    el.shiftWeek(1);
    expect(weeks).toEqual([19]);
  });

  it('uses <egov-date-picker> in a React form with native change events and FormData', async () => {
    const values: string[] = [];
    show(
      createElement(
        'form',
        { id: 'f' },
        createElement('egov-date-picker', { name: 'ngay', label: 'Ngày', onChange: (e: Event) => values.push((e.target as HTMLInputElement).value) }),
      ),
    );
    const el = container.querySelector('egov-date-picker')!;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input')!;
    await userEvent.type(input, '01/06/2026');
    await userEvent.keyboard('{Tab}');
    expect(values).toEqual(['2026-06-01']);
    expect(new FormData(container.querySelector('form')!).get('ngay')).toBe('2026-06-01');
  });

  it('sets string attributes on <egov-deadline>', async () => {
    show(createElement('egov-deadline', { due: '2026-03-02', today: '2026-03-05' }));
    const el = container.querySelector('egov-deadline')!;
    await el.updateComplete;
    expect(el.status).toBe('overdue');
  });
});
