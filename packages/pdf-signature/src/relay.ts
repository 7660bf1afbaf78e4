/**
 * @egov-vn/pdf-signature/relay — the server side of remote signing: a Hono app your back end mounts, holding the
 * signing service's client id and secret. Browsers use `relaySigner` from the main entry.
 */
export { createSigningRelay, type SigningRelayOptions, type RelayCredential, type RelayTransaction, type RelayState } from './relay/relay.js';
