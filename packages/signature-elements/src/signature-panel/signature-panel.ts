// Registers <egov-signature-panel>: `import '@egov-vn/signature-elements/signature-panel';`
import { EgovSignaturePanel } from './signature-panel.component.js';

export { EgovSignaturePanel } from './signature-panel.component.js';
export type { EgovSignaturePanelErrorEvent, EgovSignaturePanelVerifyEvent } from './signature-panel.events.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the former names stay exported for one minor version
export type { EgovVerifiedEvent, EgovVerifyErrorEvent } from './signature-panel.events.js';

EgovSignaturePanel.define('egov-signature-panel');

declare global {
  interface HTMLElementTagNameMap {
    'egov-signature-panel': EgovSignaturePanel;
  }
}
