// Registers <egov-week-schedule>: `import '@egov-vn/calendar-elements/week-schedule';`
import { EgovWeekSchedule } from './week-schedule.component.js';

export { EgovWeekSchedule } from './week-schedule.component.js';
export type { EgovWeekScheduleChangeEvent, EgovWeekScheduleExportEvent, EgovWeekScheduleNavigateEvent } from './week-schedule.events.js';

EgovWeekSchedule.define('egov-week-schedule');

declare global {
  interface HTMLElementTagNameMap {
    'egov-week-schedule': EgovWeekSchedule;
  }
}
