// Registers <egov-register>: `import '@egov-vn/office-elements/register';`
import { EgovRegister } from './register.component.js';

export { EgovRegister } from './register.component.js';
export type { EgovRegisterExportEvent, RegisterExportFormat } from './register.events.js';

EgovRegister.define('egov-register');

declare global {
  interface HTMLElementTagNameMap {
    'egov-register': EgovRegister;
  }
}
