/**
 * @egov-vn/pdf-signature/relay — the server side of remote signing: a Hono app your back end mounts, holding the
 * signing service's client id and secret. Browsers use `relaySigner` from the main entry.
 */
export { createSigningRelay, type SigningRelayOptions, type RelayOAuthOptions, type RelayCredential, type RelayTransaction, type RelayState } from './relay/relay.js';
// Provider adapters: their requests carry the service's secret, so they live on the server side too.
export { smartcaStyleSigner, type SmartcaStyleOptions } from './signers/smartca-style.js';
export { mysignStyleSigner, type MysignStyleOptions } from './signers/mysign-style.js';
