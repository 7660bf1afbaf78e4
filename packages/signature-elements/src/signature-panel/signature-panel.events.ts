import type { VerificationReport } from '@egov-vn/pdf-signature';

/** Fired by <egov-signature-panel> when a document was verified: `detail.report` is `verifyPdf`'s report. */
export type EgovVerifiedEvent = CustomEvent<{ report: VerificationReport }>;
/** Fired by <egov-signature-panel> when the document could not be loaded (e.g. the `src` URL failed). */
export type EgovVerifyErrorEvent = CustomEvent<{ message: { vi: string; en: string } }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-verified': EgovVerifiedEvent;
    'egov-verify-error': EgovVerifyErrorEvent;
  }
}
