// Registers <egov-month-calendar>: `import '@egov-vn/calendar-elements/month-calendar';`
import { EgovMonthCalendar } from './month-calendar.component.js';

export { EgovMonthCalendar } from './month-calendar.component.js';
export type { MonthCalendarEvent } from './month-calendar.component.js';
export type { EgovMonthCalendarNavigateEvent, EgovMonthCalendarSelectEvent } from './month-calendar.events.js';

EgovMonthCalendar.define('egov-month-calendar');

declare global {
  interface HTMLElementTagNameMap {
    'egov-month-calendar': EgovMonthCalendar;
  }
}
