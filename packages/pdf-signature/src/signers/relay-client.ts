/**
 * The browser side of remote signing through a relay (`@egov-vn/pdf-signature/relay` on your back end): the page
 * computes the digests of the CMS signed attributes, the relay talks to the signing service with the back end's
 * secret, and the page polls the transaction until the signer confirms on the phone. The signatures returned are
 * checked against the credential's certificate before anything is written.
 */
import { digest } from '../cms/crypto.js';
import type { HashAlgorithm } from '../cms/oids.js';
import { isPdfSignatureErrorCode, PdfSignatureError } from '../errors.js';
import type { Signer } from '../sign/signer.js';
import { b64, callJson, checkedSignatures, remoteError, sleep, unb64, REMOTE_ERRORS, type BatchSigner, type JsonCallOptions, type RemoteSigningState } from './common.js';

export interface RelayConnection extends JsonCallOptions {
  /** The relay's base URL as mounted by your back end (e.g. `/api/ky-so`). */
  readonly url: string;
  /** Headers for the portal's own authentication (e.g. `{ authorization: 'Bearer …' }`); cookies are sent anyway. */
  readonly headers?: () => Record<string, string> | Promise<Record<string, string>>;
}

export interface RelayCredentialInfo {
  readonly credentialID: string;
  readonly description?: string;
  readonly subjectDN?: string;
  readonly validTo?: string;
  /** Authentication objects to ask for (`PIN`, `OTP`); empty → confirmed on the phone. */
  readonly authObjects: readonly string[];
  readonly multisign: number;
  /** DER, signer first. */
  readonly certificates: readonly Uint8Array[];
}

export interface RelaySignerOptions extends RelayConnection {
  readonly credentialID: string;
  readonly pin?: string;
  readonly otp?: string;
  /** Shown to the signer on the phone. */
  readonly description?: string;
  /** Poll interval (default 1000 ms). */
  readonly pollIntervalMs?: number;
  readonly onState?: (state: RemoteSigningState) => void;
}

function relayFetch(connection: RelayConnection): typeof fetch {
  const base = connection.fetch ?? globalThis.fetch.bind(globalThis);
  return (input, init) => base(input, { ...init, credentials: 'include' });
}

async function call(connection: RelayConnection, path: string, method: string, body?: unknown): Promise<Record<string, unknown>> {
  const headers = (await connection.headers?.()) ?? {};
  const { status, body: reply } = await callJson(
    `${connection.url.replace(/\/+$/, '')}${path}`,
    { method, headers, ...(body === undefined ? {} : { body }) },
    { ...connection, fetch: relayFetch(connection) },
  );
  if (status >= 200 && status < 300) return reply;
  const error = reply.error as { code?: unknown; vi?: unknown; en?: unknown } | undefined;
  if (error && typeof error.code === 'string' && typeof error.vi === 'string' && typeof error.en === 'string') {
    // A code this package does not know is still a reply it cannot use: REMOTE_REPLY, with the relay's own text.
    throw new PdfSignatureError(isPdfSignatureErrorCode(error.code) ? error.code : 'REMOTE_REPLY', { vi: error.vi, en: error.en });
  }
  if (status >= 500) throw remoteError('REMOTE_UNREACHABLE', `HTTP ${status}`);
  throw remoteError('REMOTE_GARBAGE', `HTTP ${status}`);
}

/** The signed-in user's credentials, as the relay lists them. */
export async function listRelayCredentials(connection: RelayConnection): Promise<RelayCredentialInfo[]> {
  const reply = await call(connection, '/credentials', 'POST', {});
  if (!Array.isArray(reply.credentials)) throw remoteError('REMOTE_GARBAGE', 'credentials');
  return (reply.credentials as Record<string, unknown>[]).map((c) => {
    const certificates = Array.isArray(c.certificates) ? c.certificates.map(unb64) : [];
    if (typeof c.credentialID !== 'string' || certificates.length === 0 || certificates.some((x) => !x)) throw remoteError('REMOTE_GARBAGE', 'credentials');
    return {
      credentialID: c.credentialID,
      ...(typeof c.description === 'string' ? { description: c.description } : {}),
      ...(typeof c.subjectDN === 'string' ? { subjectDN: c.subjectDN } : {}),
      ...(typeof c.validTo === 'string' ? { validTo: c.validTo } : {}),
      authObjects: Array.isArray(c.authObjects) ? c.authObjects.filter((o): o is string => typeof o === 'string') : [],
      multisign: typeof c.multisign === 'number' ? c.multisign : 1,
      certificates: certificates as Uint8Array[],
    };
  });
}

/**
 * Asks the relay to have the service send the signer a one-time code (CSC `credentials/sendOTP`) for an `OTP`
 * credential; then create the signer with `relaySigner({ …, otp })` and the code the signer received.
 */
export async function requestRelayOtp(connection: RelayConnection, credentialID: string): Promise<void> {
  await call(connection, `/credentials/${encodeURIComponent(credentialID)}/otp`, 'POST', {});
}

/**
 * A relay in OAuth mode (`service.oauth2`): where to send the browser so the signed-in user links their account at the
 * signing service (sign in and consent there). The relay keeps the code verifier and, afterwards, the user's tokens;
 * the service sends the browser back to `returnTo` (a path of the portal) with `remote_signing=linked|denied|failed`.
 * Use it when a relay call fails with the relay's `RELAY_OAUTH_REQUIRED` (reported as REMOTE_REPLY with its text):
 * `location.assign(await relayAuthorizeUrl(connection, location.pathname + location.hash))`.
 */
export async function relayAuthorizeUrl(connection: RelayConnection, returnTo?: string): Promise<string> {
  const reply = await call(connection, '/oauth2/start', 'POST', returnTo === undefined ? {} : { returnTo });
  if (typeof reply.authorizeUrl !== 'string') throw remoteError('REMOTE_GARBAGE', 'authorizeUrl');
  return reply.authorizeUrl;
}

const isRemoteCode = (code: unknown): code is keyof typeof REMOTE_ERRORS => typeof code === 'string' && code in REMOTE_ERRORS;

/** A `Signer` and `BatchSigner` through the relay. Aborting `signal` cancels the transaction on the relay too. */
export function relaySigner(options: RelaySignerOptions): Signer & BatchSigner {
  let credential: Promise<RelayCredentialInfo> | undefined;
  const info = (): Promise<RelayCredentialInfo> => {
    credential ??= listRelayCredentials(options).then((list) => {
      const found = list.find((c) => c.credentialID === options.credentialID);
      if (!found) throw remoteError('REMOTE_CREDENTIAL', options.credentialID);
      return found;
    });
    credential.catch(() => {
      credential = undefined;
    });
    return credential;
  };
  const signMany = async (data: readonly Uint8Array[], algorithm: { hash: HashAlgorithm }): Promise<Uint8Array[]> => {
    if (data.length === 0) return [];
    const c = await info();
    if (data.length > c.multisign) throw remoteError('REMOTE_BATCH_COUNT', `${data.length} > multisign ${c.multisign}`);
    const hashes = await Promise.all(data.map((d) => digest(algorithm.hash, d)));
    options.onState?.({ state: 'authorizing' });
    let t = await call(options, '/transactions', 'POST', {
      credentialID: options.credentialID,
      hashes: hashes.map(b64),
      hashAlgorithm: algorithm.hash,
      ...(options.pin !== undefined ? { pin: options.pin } : {}),
      ...(options.otp !== undefined ? { otp: options.otp } : {}),
      ...(options.description ? { description: options.description } : {}),
    });
    const id = typeof t.id === 'string' ? t.id : undefined;
    if (!id) throw remoteError('REMOTE_GARBAGE', 'transaction id');
    let announced = false;
    try {
      while (t.state === 'waiting') {
        if (!announced) {
          announced = true;
          options.onState?.({ state: 'waiting', expiresAt: typeof t.expiresAt === 'number' ? t.expiresAt : Date.now() + 120_000, transaction: id });
        }
        await sleep(options.pollIntervalMs ?? 1000, options.signal);
        t = await call(options, `/transactions/${encodeURIComponent(id)}`, 'GET');
      }
    } catch (error) {
      if (error instanceof PdfSignatureError && error.code === 'REMOTE_CANCELLED') {
        // Tell the relay; the signing itself is already abandoned.
        void call({ ...options, signal: undefined }, `/transactions/${encodeURIComponent(id)}`, 'DELETE').catch(() => undefined);
      }
      throw error;
    }
    if (t.state !== 'signed') {
      const e = t.error as { code?: unknown; vi?: unknown; en?: unknown } | undefined;
      if (e && isRemoteCode(e.code) && typeof e.vi === 'string' && typeof e.en === 'string') throw new PdfSignatureError(e.code, { vi: e.vi, en: e.en });
      throw remoteError(t.state === 'rejected' ? 'REMOTE_REJECTED' : t.state === 'expired' ? 'REMOTE_EXPIRED' : t.state === 'cancelled' ? 'REMOTE_CANCELLED' : 'REMOTE_FAILED');
    }
    options.onState?.({ state: 'signing' });
    const checked = await checkedSignatures(c.certificates[0]!, algorithm.hash, data, t.signatures as unknown[] | undefined);
    options.onState?.({ state: 'signed', count: checked.length });
    return checked;
  };
  return {
    certificateChain: async () => [...(await info()).certificates],
    signMany,
    sign: async (data, algorithm) => (await signMany([data], algorithm))[0]!,
  };
}
