// Registers <egov-office>: `import '@egov-vn/office-elements/office';` (each feature loads on first use).
import { EgovOffice } from './office.component.js';

export { EgovOffice } from './office.component.js';
export type { OfficeFeatureLoaders, OfficeView } from './office.component.js';
export type { EgovOfficeViewEvent } from './office.events.js';

EgovOffice.define('egov-office');

declare global {
  interface HTMLElementTagNameMap {
    'egov-office': EgovOffice;
  }
}
