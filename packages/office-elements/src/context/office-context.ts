// Registers <egov-office-context>: `import '@egov-vn/office-elements/office-context';`
import { EgovOfficeContext } from './office-context.component.js';

export { EgovOfficeContext } from './office-context.component.js';

EgovOfficeContext.define('egov-office-context');

declare global {
  interface HTMLElementTagNameMap {
    'egov-office-context': EgovOfficeContext;
  }
}
