// Registers <egov-sign-dialog>: `import '@egov-vn/signature-elements/sign-dialog';`
import '../pdf-viewer/pdf-viewer.js'; // the dialog places a custom signature box on <egov-pdf-viewer>
import { EgovSignDialog } from './sign-dialog.component.js';

export { EgovSignDialog } from './sign-dialog.component.js';
export type {
  EgovSignDialogCloseEvent,
  EgovSignDialogErrorEvent,
  EgovSignDialogSignEvent,
  SignedDocumentDetail,
} from './sign-dialog.events.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the former names stay exported for one minor version
export type { EgovSignedEvent, EgovSignErrorEvent } from './sign-dialog.events.js';
export type { SignDialogDocument } from './sign-dialog.logic.js';
export {
  cryptoKeyProvider,
  localServiceProvider,
  pkcs12Provider,
  registerSignerProvider,
  signerProviders,
  unregisterSignerProvider,
  type ProviderField,
  type SignerProvider,
  type SignerProviderInput,
} from '../internal/providers.js';
export type { AppearanceInput, SignatureKind, SignProblem } from '../internal/sign-flow.js';

EgovSignDialog.define('egov-sign-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'egov-sign-dialog': EgovSignDialog;
  }
}
