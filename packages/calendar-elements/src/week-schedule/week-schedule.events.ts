import type { ScheduleEntry } from '@egov-vn/calendar/schedule';

/**
 * Fired by <egov-week-schedule> in editable mode when an entry is added or changed through the form (validated with
 * the zod models of @egov-vn/calendar/schedule). Cancelable: `preventDefault()` keeps the element's schedule as it
 * was (the host then applies the change itself).
 */
export type EgovWeekScheduleChangeEvent = CustomEvent<{
  action: 'add' | 'update';
  entry: ScheduleEntry;
  /** The entry before the change (for `update`). */
  previous?: ScheduleEntry;
}>;

/** Fired by <egov-week-schedule> when the visible week changes: ISO week-numbering year and week. */
export type EgovWeekScheduleNavigateEvent = CustomEvent<{ isoYear: number; isoWeek: number }>;

/**
 * Fired by <egov-week-schedule> with the iCalendar text of the visible entries. Cancelable: without
 * `preventDefault()` the element offers the file for download.
 */
export type EgovWeekScheduleExportEvent = CustomEvent<{ ics: string; filename: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-week-schedule-change': EgovWeekScheduleChangeEvent;
    'egov-week-schedule-navigate': EgovWeekScheduleNavigateEvent;
    'egov-week-schedule-export': EgovWeekScheduleExportEvent;
  }
}
