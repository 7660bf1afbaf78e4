import type { VerificationReport } from '@egov-vn/pdf-signature';
import type { SignatureKind, SignProblem } from '../internal/sign-flow.js';

/** Fired by <egov-sign-dialog> when the document was signed: the signed bytes and `verifyPdf`'s report of them. */
export type EgovSignedEvent = CustomEvent<{ pdf: Uint8Array; report: VerificationReport; kind: SignatureKind; provider: string }>;
/** Fired by <egov-sign-dialog> when signing failed: the problem as shown (code, title, what to do next). */
export type EgovSignErrorEvent = CustomEvent<{ problem: SignProblem }>;
/** Fired by <egov-sign-dialog> when it closes (Escape, the close button, or after signing). */
export type EgovSignDialogCloseEvent = CustomEvent<{ signed: boolean }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-signed': EgovSignedEvent;
    'egov-sign-error': EgovSignErrorEvent;
    'egov-sign-dialog-close': EgovSignDialogCloseEvent;
  }
}
