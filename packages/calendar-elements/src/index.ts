import { version } from './version.js';

/** The version of @egov-vn/calendar-elements this build came from. */
export function calendarElementsVersion(): string {
  return version;
}

// Element classes (no registration); import '@egov-vn/calendar-elements/<name>' to register a tag.
export { EgovWeekSchedule } from './week-schedule/week-schedule.component.js';
export type { EgovWeekScheduleChangeEvent, EgovWeekScheduleExportEvent, EgovWeekScheduleNavigateEvent } from './week-schedule/week-schedule.events.js';
export { EgovMonthCalendar } from './month-calendar/month-calendar.component.js';
export type { MonthCalendarEvent } from './month-calendar/month-calendar.component.js';
export type { EgovMonthCalendarNavigateEvent, EgovMonthCalendarSelectEvent } from './month-calendar/month-calendar.events.js';
export { EgovDatePicker, parseDateText } from './date-picker/date-picker.component.js';
export type { EgovDatePickerChangeEvent } from './date-picker/date-picker.events.js';
export { EgovDeadline } from './deadline/deadline.component.js';
export type { EgovDeadlineChangeEvent } from './deadline/deadline.events.js';
