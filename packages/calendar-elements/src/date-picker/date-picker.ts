// Registers <egov-date-picker> (and the <egov-month-calendar> of its popup): `import '@egov-vn/calendar-elements/date-picker';`
import { EgovDatePicker } from './date-picker.component.js';

export { EgovDatePicker, parseDateText } from './date-picker.component.js';
export type { EgovDatePickerChangeEvent } from './date-picker.events.js';

EgovDatePicker.define('egov-date-picker');

declare global {
  interface HTMLElementTagNameMap {
    'egov-date-picker': EgovDatePicker;
  }
}
