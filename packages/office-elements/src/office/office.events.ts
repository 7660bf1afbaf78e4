import type { OfficeView } from './office.component.js';

/** Fired by <egov-office> when it shows another view (after the host let it go there). */
export type EgovOfficeViewEvent = CustomEvent<{ view: OfficeView; id?: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-office-view': EgovOfficeViewEvent;
  }
}
