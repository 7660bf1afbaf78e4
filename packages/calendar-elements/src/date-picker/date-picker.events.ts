/**
 * Fired by <egov-date-picker> when the user commits a new value (also fires the native `change` and `input`
 * events, bubbling and composed, like `<input type="date">`): `detail.value` is yyyy-mm-dd or empty.
 */
export type EgovDatePickerChangeEvent = CustomEvent<{ value: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-date-picker-change': EgovDatePickerChangeEvent;
  }
}
