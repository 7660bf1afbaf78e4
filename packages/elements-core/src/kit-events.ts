// The kit-wide events of docs/elements.md: the host contract every microfrontend keeps, typed once for the whole kit.
import type { LocalizedText } from '@egov-vn/schemas';

/**
 * The `detail` of `egov-error`, the one error shape of the kit's microfrontends (and of the CDN loader): the element
 * shows the error itself, with a retry; the event is for the host's logging or session handling.
 */
export interface EgovErrorDetail {
  /** The failure: a contract code (UNAUTHENTICATED, FORBIDDEN, …) or NETWORK, TIMEOUT, BAD_RESPONSE, CHUNK_LOAD. */
  code: string;
  /** What happened, Vietnamese first. */
  message: LocalizedText;
  /** The operation that failed (an office-api operation id, or `load-viewer`, `load-feature`, `load-element`). */
  operation: string;
  /** HTTP status, 0 without a response. */
  status: number;
}

/** Fired by every microfrontend of the kit when something it needs failed (docs/elements.md, "Errors"). */
export type EgovErrorEvent = CustomEvent<EgovErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-error': EgovErrorEvent;
  }
}
