// Registers <egov-incoming>: `import '@egov-vn/office-elements/incoming';`
import { EgovIncoming } from './incoming.component.js';

export { EgovIncoming } from './incoming.component.js';
export type { ViewerLoader } from './incoming.component.js';
export type { EgovIncomingChangeEvent, EgovIncomingOpenEvent, IncomingAction } from './incoming.events.js';

EgovIncoming.define('egov-incoming');

declare global {
  interface HTMLElementTagNameMap {
    'egov-incoming': EgovIncoming;
  }
}
