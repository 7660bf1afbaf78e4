// Registers <egov-outgoing>: `import '@egov-vn/office-elements/outgoing';`
import { EgovOutgoing } from './outgoing.component.js';

export { EgovOutgoing, recipientStage } from './outgoing.component.js';
export type { EgovOutgoingChangeEvent, EgovOutgoingOpenEvent, EgovOutgoingReplaceEvent, OutgoingAction, RecipientStage } from './outgoing.events.js';

EgovOutgoing.define('egov-outgoing');

declare global {
  interface HTMLElementTagNameMap {
    'egov-outgoing': EgovOutgoing;
  }
}
