// Registers <egov-sign-button> (and <egov-sign-dialog>): `import '@egov-vn/signature-elements/sign-button';`
import '../sign-dialog/sign-dialog.js';
import { EgovSignButton } from './sign-button.component.js';

export { EgovSignButton } from './sign-button.component.js';
export type { EgovSignButtonOpenEvent } from './sign-button.events.js';

EgovSignButton.define('egov-sign-button');

declare global {
  interface HTMLElementTagNameMap {
    'egov-sign-button': EgovSignButton;
  }
}
