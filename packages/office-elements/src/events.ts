/** Where a feature asks the host to go. The host routes (or not); features never change the URL themselves. */
export interface OfficeNavigationTarget {
  view: 'incoming' | 'outgoing' | 'compose' | 'register' | 'office';
  /** The document, when the target is one document; absent for the list. */
  id?: string;
  /** With `view: 'register'`: which register (sổ văn bản đến / đi). */
  kind?: 'incoming' | 'outgoing';
  /** With `view: 'compose'`: the sent document the new one replaces (edXML business type thay thế). */
  replaces?: string;
}

/**
 * Fired by every office feature when the user opens something. Cancelable: when the host calls `preventDefault()`, the
 * feature does not open it itself (the host routes, then sets e.g. `document-id`).
 */
export type EgovNavigateEvent = CustomEvent<OfficeNavigationTarget>;

/**
 * Fired by every office feature when a back-end call fails; the feature shows the error with a retry. The shape is
 * the kit's one `egov-error` (`EgovErrorEvent` of @egov-vn/elements-core, which types it on every element).
 */
export type { EgovErrorEvent } from '@egov-vn/elements-core';

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-navigate': EgovNavigateEvent;
  }
}
