import type { VerificationReport } from '@egov-vn/pdf-signature';

/** Fired by <egov-signature-panel> when a document was verified: `detail.report` is `verifyPdf`'s report. */
export type EgovSignaturePanelVerifyEvent = CustomEvent<{ report: VerificationReport }>;
/** Fired by <egov-signature-panel> when the document could not be loaded (e.g. the `src` URL failed). */
export type EgovSignaturePanelErrorEvent = CustomEvent<{ message: { vi: string; en: string } }>;

/** @deprecated The former name of {@link EgovSignaturePanelVerifyEvent} (event `egov-verified`); removed in the next minor release. */
export type EgovVerifiedEvent = EgovSignaturePanelVerifyEvent;
/** @deprecated The former name of {@link EgovSignaturePanelErrorEvent} (event `egov-verify-error`); removed in the next minor release. */
export type EgovVerifyErrorEvent = EgovSignaturePanelErrorEvent;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-signature-panel-verify': EgovSignaturePanelVerifyEvent;
    'egov-signature-panel-error': EgovSignaturePanelErrorEvent;
    /** @deprecated Listen to `egov-signature-panel-verify`; this alias is fired until the next minor release. */
    'egov-verified': EgovSignaturePanelVerifyEvent;
    /** @deprecated Listen to `egov-signature-panel-error`; this alias is fired until the next minor release. */
    'egov-verify-error': EgovSignaturePanelErrorEvent;
  }
}
