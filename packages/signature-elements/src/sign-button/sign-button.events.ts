/** Fired by <egov-sign-button> when it opens its dialog. The dialog's own events (`egov-sign-dialog-sign`, …) bubble out too. */
export type EgovSignButtonOpenEvent = CustomEvent<undefined>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-sign-button-open': EgovSignButtonOpenEvent;
  }
}
