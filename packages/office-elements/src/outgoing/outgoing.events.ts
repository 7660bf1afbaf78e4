import type { OutgoingDetail } from '@egov-vn/office-api';

/** The actions of <egov-outgoing>: send again, revoke (thu hồi), replace (thay thế: drafts a new document). */
export type OutgoingAction = 'resend' | 'revoke' | 'replace';

/**
 * Where a recipient is with a sent document: waiting (not acknowledged yet), failed (its system refused the package),
 * arrived (01 đã đến), received (03 đã nhận, vào sổ), assigned (04 đã phân công), processing (05 đang xử lý), done
 * (06 hoàn thành), returned (02 trả lại), other (a request status: 13, 15, 16).
 */
export type RecipientStage = 'waiting' | 'failed' | 'arrived' | 'received' | 'assigned' | 'processing' | 'done' | 'returned' | 'other';

/** Fired by <egov-outgoing> when a document is shown (after its detail and trace loaded). */
export type EgovOutgoingOpenEvent = CustomEvent<{ id: string; document: OutgoingDetail }>;

/** Fired by <egov-outgoing> after an action succeeded on the back end; `detail.document` is the document now. */
export type EgovOutgoingChangeEvent = CustomEvent<{ action: 'resend' | 'revoke'; id: string; document: OutgoingDetail }>;

/** Fired by <egov-outgoing> when the user confirmed drafting a replacement; `egov-navigate` to compose follows. */
export type EgovOutgoingReplaceEvent = CustomEvent<{ id: string; document: OutgoingDetail }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-outgoing-open': EgovOutgoingOpenEvent;
    'egov-outgoing-change': EgovOutgoingChangeEvent;
    'egov-outgoing-replace': EgovOutgoingReplaceEvent;
  }
}
