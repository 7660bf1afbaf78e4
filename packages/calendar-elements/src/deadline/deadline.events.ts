import type { DeadlineStatus } from '@egov-vn/calendar';

/** Fired by <egov-deadline> when its status is first computed and whenever it changes. */
export type EgovDeadlineChangeEvent = CustomEvent<{ status: DeadlineStatus; workingDaysLeft: number }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-deadline-change': EgovDeadlineChangeEvent;
  }
}
