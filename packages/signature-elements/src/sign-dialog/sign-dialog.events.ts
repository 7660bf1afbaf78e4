import type { VerificationReport } from '@egov-vn/pdf-signature';
import type { SignatureKind, SignProblem } from '../internal/sign-flow.js';

/** One signed document of `egov-sign-dialog-sign`: its name, the signed bytes and `verifyPdf`'s report of them. */
export interface SignedDocumentDetail {
  readonly name: string;
  readonly pdf: Uint8Array;
  readonly report: VerificationReport;
}

/**
 * Fired by <egov-sign-dialog> when signing succeeded: the (first) signed document's bytes and `verifyPdf`'s report
 * of them, the kind and provider, and `documents`: every signed document (one, or each of `documents`), in order.
 */
export type EgovSignDialogSignEvent = CustomEvent<{
  pdf: Uint8Array;
  report: VerificationReport;
  kind: SignatureKind;
  provider: string;
  documents: readonly SignedDocumentDetail[];
}>;
/** Fired by <egov-sign-dialog> when signing failed: the problem as shown (code, title, what to do next). */
export type EgovSignDialogErrorEvent = CustomEvent<{ problem: SignProblem }>;
/** Fired by <egov-sign-dialog> when it closes (Escape, the close button, or after signing). */
export type EgovSignDialogCloseEvent = CustomEvent<{ signed: boolean }>;

/** @deprecated Renamed `EgovSignDialogSignEvent` (event `egov-sign-dialog-sign`); the old name goes in the next minor release. */
export type EgovSignedEvent = EgovSignDialogSignEvent;
/** @deprecated Renamed `EgovSignDialogErrorEvent` (event `egov-sign-dialog-error`); the old name goes in the next minor release. */
export type EgovSignErrorEvent = EgovSignDialogErrorEvent;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-sign-dialog-sign': EgovSignDialogSignEvent;
    'egov-sign-dialog-error': EgovSignDialogErrorEvent;
    'egov-sign-dialog-close': EgovSignDialogCloseEvent;
    /** @deprecated Listen to `egov-sign-dialog-sign`; fired too until the next minor release. */
    'egov-signed': EgovSignDialogSignEvent;
    /** @deprecated Listen to `egov-sign-dialog-error`; fired too until the next minor release. */
    'egov-sign-error': EgovSignDialogErrorEvent;
  }
}
