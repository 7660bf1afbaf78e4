import { version } from './version.js';

/** The version of @egov-vn/signature-elements this build came from. */
export function signatureElementsVersion(): string {
  return version;
}

// Element classes (no registration): import '@egov-vn/signature-elements/<element>' to register a tag.
export { EgovSignaturePanel } from './signature-panel/signature-panel.component.js';
export type { EgovSignaturePanelErrorEvent, EgovSignaturePanelVerifyEvent } from './signature-panel/signature-panel.events.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the former names stay exported for one minor version
export type { EgovVerifiedEvent, EgovVerifyErrorEvent } from './signature-panel/signature-panel.events.js';
export { EgovSignDialog } from './sign-dialog/sign-dialog.component.js';
export type { EgovSignDialogCloseEvent, EgovSignDialogErrorEvent, EgovSignDialogSignEvent, SignedDocumentDetail } from './sign-dialog/sign-dialog.events.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the former names stay exported for one minor version
export type { EgovSignedEvent, EgovSignErrorEvent } from './sign-dialog/sign-dialog.events.js';
export type { SignDialogDocument } from './sign-dialog/sign-dialog.logic.js';
export { EgovSignButton } from './sign-button/sign-button.component.js';
export type { EgovSignButtonOpenEvent } from './sign-button/sign-button.events.js';

// Signer providers (the plug-in point); the verdict type of the reports the elements show.
export {
  cryptoKeyProvider,
  localServiceProvider,
  pkcs12Provider,
  registerSignerProvider,
  remoteSigningProvider,
  signerProviders,
  unregisterSignerProvider,
  type ProviderField,
  type SignerProvider,
  type SignerProviderInput,
  type RemoteCredentialChoice,
  type WholeDocumentInput,
} from './internal/providers.js';
export { vgcaPluginInstalled, vgcaPluginProvider, type VgcaPluginProviderOptions, type VgcaStaging } from './internal/vgca-provider.js';
export { explainError, kindReasons, signatureKinds, signDocument, type AppearanceInput, type SignatureKind, type SignDocumentOptions, type SignedDocument, type SignProblem } from './internal/sign-flow.js';
export type { Verdict } from '@egov-vn/pdf-signature';
export { EgovPdfViewer } from './pdf-viewer/pdf-viewer.component.js';
export type { EgovPdfViewerBoxEvent, EgovPdfViewerErrorEvent, EgovPdfViewerLoadEvent, EgovPdfViewerPageEvent, PdfBox } from './pdf-viewer/pdf-viewer.events.js';
