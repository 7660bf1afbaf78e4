import type { IncomingDetail } from '@egov-vn/office-api';

/** Fired by <egov-incoming> when a document is shown (after its detail loaded); `detail.id` is its id. */
export type EgovIncomingOpenEvent = CustomEvent<{ id: string; document: IncomingDetail }>;

/** The actions of <egov-incoming>, by office-api operation. */
export type IncomingAction = 'receive' | 'assign' | 'start' | 'done' | 'return';

/** Fired by <egov-incoming> after an action succeeded on the back end; `detail.document` is the document now. */
export type EgovIncomingChangeEvent = CustomEvent<{ action: IncomingAction; id: string; document: IncomingDetail }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-incoming-open': EgovIncomingOpenEvent;
    'egov-incoming-change': EgovIncomingChangeEvent;
  }
}
