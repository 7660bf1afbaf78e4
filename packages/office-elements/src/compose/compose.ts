// Registers <egov-compose>: `import '@egov-vn/office-elements/compose';`
import { EgovCompose } from './compose.component.js';

export { EgovCompose, composeActions } from './compose.component.js';
export type { ComposeFonts, ComposeLoaders } from './compose.component.js';
export { documentFromForm, emptyForm, formFromDocument, isBlockedSecret, pdfFileName, symbolFor, validateForm } from './compose-model.js';
export type { ComposeField, ComposeForm, ComposeFormTexts, FieldError } from './compose-model.js';
export type { ComposeAction, EgovComposeEvent, EgovComposeSendEvent } from './compose.events.js';

EgovCompose.define('egov-compose');

declare global {
  interface HTMLElementTagNameMap {
    'egov-compose': EgovCompose;
  }
}
