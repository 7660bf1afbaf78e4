// JSX types for the egov-vn elements in React 19: each tag takes the element's own properties (set as properties by
// React 19), the usual HTML attributes, and `on<event-name>` listeners typed with the element's event.
import type { EgovDeadline, EgovDeadlineChangeEvent } from '@egov-vn/calendar-elements/deadline';
import type { EgovMonthCalendar, EgovMonthCalendarNavigateEvent, EgovMonthCalendarSelectEvent } from '@egov-vn/calendar-elements/month-calendar';
import type { EgovEdocStats, EgovEdocStatsExportEvent, EgovEdocStatsViewEvent } from '@egov-vn/report-elements/edoc-stats';
import type { EgovSignaturePanel, EgovSignaturePanelErrorEvent, EgovSignaturePanelVerifyEvent } from '@egov-vn/signature-elements/signature-panel';
import type { LitElement } from 'lit';
import type { HTMLAttributes, Key, Ref } from 'react';

/** The props of a custom element `E` with events `Events` (event name → event type). */
export type ElementProps<E extends LitElement, Events extends Record<string, Event>> = Partial<
  Omit<E, keyof LitElement>
> &
  Omit<HTMLAttributes<E>, keyof Omit<E, keyof LitElement>> & { ref?: Ref<E>; key?: Key } & {
    [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'egov-month-calendar': ElementProps<
        EgovMonthCalendar,
        { 'egov-month-calendar-select': EgovMonthCalendarSelectEvent; 'egov-month-calendar-navigate': EgovMonthCalendarNavigateEvent }
      >;
      'egov-deadline': ElementProps<EgovDeadline, { 'egov-deadline-change': EgovDeadlineChangeEvent }>;
      'egov-signature-panel': ElementProps<
        EgovSignaturePanel,
        { 'egov-signature-panel-verify': EgovSignaturePanelVerifyEvent; 'egov-signature-panel-error': EgovSignaturePanelErrorEvent }
      >;
      'egov-edoc-stats': ElementProps<
        EgovEdocStats,
        { 'egov-edoc-stats-export': EgovEdocStatsExportEvent; 'egov-edoc-stats-view': EgovEdocStatsViewEvent }
      >;
    }
  }
}
