// Registers <egov-deadline>: `import '@egov-vn/calendar-elements/deadline';`
import { EgovDeadline } from './deadline.component.js';

export { EgovDeadline } from './deadline.component.js';
export type { EgovDeadlineChangeEvent } from './deadline.events.js';

EgovDeadline.define('egov-deadline');

declare global {
  interface HTMLElementTagNameMap {
    'egov-deadline': EgovDeadline;
  }
}
