import { version } from './version.js';

/** The version of @egov-vn/office-elements this build came from. */
export function officeElementsVersion(): string {
  return version;
}

// The host contract: one data-access interface, its HTTP implementation, the context.
export { httpOfficeBackend } from './backend/http.js';
export type { HttpOfficeBackendOptions } from './backend/http.js';
export { OfficeBackendError, toOfficeBackendError } from './backend/types.js';
export type {
  OfficeBackend,
  OfficeBackendErrorCode,
  OfficeCallOptions,
  OfficeInput,
  OfficeOperation,
  OfficeOutput,
} from './backend/types.js';
export { officeContext } from './context/context.js';
export type { OfficeAgency, OfficeHost, OfficeUser, SigningUse } from './context/context.js';
export type { EgovErrorEvent, EgovNavigateEvent, OfficeNavigationTarget } from './events.js';
export type { OfficeTexts } from './feature.js';

// Element classes (no registration); `pnpm new:element` adds one line per element.
export { EgovOfficeContext } from './context/office-context.component.js';
export { EgovIncoming } from './incoming/incoming.component.js';
export type { ViewerLoader } from './incoming/incoming.component.js';
export type { EgovIncomingChangeEvent, EgovIncomingOpenEvent, IncomingAction } from './incoming/incoming.events.js';
export { EgovCompose, composeActions } from './compose/compose.component.js';
export type { ComposeFonts, ComposeLoaders } from './compose/compose.component.js';
export type { ComposeAction, EgovComposeEvent, EgovComposeSendEvent } from './compose/compose.events.js';
export { EgovElectronicCopy } from './compose/electronic-copy.component.js';
export type { ElectronicCopyLoaders } from './compose/electronic-copy.component.js';
export type { EgovElectronicCopyAttachEvent, EgovElectronicCopyEvent } from './compose/compose.events.js';
export { EgovOutgoing, recipientStage } from './outgoing/outgoing.component.js';
export { EgovRegister } from './register/register.component.js';
export { EgovOffice } from './office/office.component.js';
export type { OfficeFeatureLoaders, OfficeView } from './office/office.component.js';
export type { EgovOfficeViewEvent } from './office/office.events.js';
export type { EgovRegisterExportEvent, RegisterExportFormat } from './register/register.events.js';
export type { EgovOutgoingChangeEvent, EgovOutgoingOpenEvent, EgovOutgoingReplaceEvent, OutgoingAction, RecipientStage } from './outgoing/outgoing.events.js';
