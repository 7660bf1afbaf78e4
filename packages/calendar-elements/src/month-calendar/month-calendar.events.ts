/** Fired by <egov-month-calendar> when a day is chosen (click, Enter or Space): `detail.date` is yyyy-mm-dd. */
export type EgovMonthCalendarSelectEvent = CustomEvent<{ date: string }>;
/** Fired by <egov-month-calendar> when the visible month changes: `detail.month` is yyyy-mm. */
export type EgovMonthCalendarNavigateEvent = CustomEvent<{ month: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-month-calendar-select': EgovMonthCalendarSelectEvent;
    'egov-month-calendar-navigate': EgovMonthCalendarNavigateEvent;
  }
}
