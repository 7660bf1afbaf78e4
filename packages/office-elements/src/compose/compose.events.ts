import type { Draft, OutgoingDetail } from '@egov-vn/office-api';

/** The steps of a draft in <egov-compose>, one event each (`egov-compose-<verb>`). */
export type ComposeAction = 'save' | 'attach' | 'submit' | 'sign' | 'number' | 'seal' | 'send';

/** Fired after the back end accepted a step; `detail.draft` is the draft now. */
export type EgovComposeEvent = CustomEvent<{ id: string; draft: Draft }>;

/** Fired after the draft was sent: `detail.outgoing` is the outgoing document (per-recipient state, trace). */
export type EgovComposeSendEvent = CustomEvent<{ id: string; outgoing: OutgoingDetail }>;

/** Fired by <egov-electronic-copy> when its copy was attached to the draft `draft-id`; `detail.draft` is the draft now. */
export type EgovElectronicCopyAttachEvent = EgovComposeEvent;

/** Fired by <egov-electronic-copy> once a copy is made (and saved as a draft's PDF when `detail.draftId` is set). */
export type EgovElectronicCopyEvent = CustomEvent<{ pdf: Uint8Array; copyKind: 'SY' | 'TrS' | 'SL'; dpi: readonly number[]; fileName: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-compose-save': EgovComposeEvent;
    'egov-compose-attach': EgovComposeEvent;
    'egov-compose-submit': EgovComposeEvent;
    'egov-compose-sign': EgovComposeEvent;
    'egov-compose-number': EgovComposeEvent;
    'egov-compose-seal': EgovComposeEvent;
    'egov-compose-send': EgovComposeSendEvent;
    'egov-compose-replace': EgovComposeEvent;
    'egov-electronic-copy-made': EgovElectronicCopyEvent;
    'egov-electronic-copy-attach': EgovElectronicCopyAttachEvent;
  }
}
