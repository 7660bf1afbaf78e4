// Registers <egov-electronic-copy> (sao y điện tử): `import '@egov-vn/office-elements/electronic-copy';`
import { EgovElectronicCopy } from './electronic-copy.component.js';

export { EgovElectronicCopy } from './electronic-copy.component.js';
export type { ElectronicCopyLoaders } from './electronic-copy.component.js';
export type { EgovElectronicCopyAttachEvent, EgovElectronicCopyEvent } from './compose.events.js';

EgovElectronicCopy.define('egov-electronic-copy');

declare global {
  interface HTMLElementTagNameMap {
    'egov-electronic-copy': EgovElectronicCopy;
  }
}
