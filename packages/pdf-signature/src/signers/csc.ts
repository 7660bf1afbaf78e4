/**
 * A client and a signer for the Cloud Signature Consortium API v2 (CSC API v2.0.0.2 / v2.1, "remote signature
 * service" = RSSP): `auth/login` or `oauth2/token` (client credentials), `credentials/list`, `credentials/info`,
 * `credentials/authorize` (explicit PIN/OTP, answered with a SAD; or asynchronous: HTTP 202 with a `handle`, polled
 * with `credentials/authorizeCheck` until the signer confirms on the phone), and `signatures/signHash`.
 *
 * Only the digest of the CMS signed attributes leaves this process: the document never does. Several documents can
 * be signed under one authorisation (`numSignatures` = n, n hashes bound to the SAD, one `signHash` with n hashes).
 */
import { digest } from '../cms/crypto.js';
import { HASH_OID, ECDSA_SIG_OID, OID, RSA_SIG_OID, type HashAlgorithm } from '../cms/oids.js';
import { parseCertificate } from '../cms/build.js';
import { keyKind } from '../cms/crypto.js';
import type { Signer } from '../sign/signer.js';
import {
  b64,
  callJson,
  checkedSignatures,
  num,
  remoteError,
  sleep,
  str,
  unb64,
  type BatchSigner,
  type JsonCallOptions,
  type RemoteSigningState,
} from './common.js';

export interface CscConnection extends JsonCallOptions {
  /** The service's base URL, ending before `/csc/v2` (e.g. `https://rssp.example.vn`). */
  readonly baseUrl: string;
  /** The service access token (Bearer), or a function returning a fresh one. */
  readonly accessToken?: string | (() => Promise<string>);
  /** Path of the API under `baseUrl` (default `/csc/v2`; some services publish `/csc/v1` with the same shapes). */
  readonly apiPath?: string;
}

/** One authentication object answered in `credentials/authorize` (explicit mode). */
export interface CscAuthData {
  readonly id: string;
  readonly value: string;
}

/** What `credentials/info` (or one entry of `credentials/list`) says about a credential. */
export interface CscCredentialInfo {
  readonly credentialID: string;
  readonly description?: string;
  readonly keyStatus: string;
  readonly keyAlgorithms: readonly string[];
  readonly certificateStatus?: string;
  /** DER certificates as the service gave them (signer first). */
  readonly certificates: readonly Uint8Array[];
  readonly subjectDN?: string;
  readonly validTo?: string;
  /** `explicit` (PIN/OTP objects) or `oauth2code`; out-of-band services answer `authorize` with HTTP 202. */
  readonly authMode?: string;
  readonly authObjects: readonly { id: string; type?: string; label?: string }[];
  /** Most signatures one authorisation allows (CSC `multisign`, default 1). */
  readonly multisign: number;
  readonly scal?: string;
}

/** The answer of `credentials/authorize` or `credentials/authorizeCheck`. */
export type CscAuthorization = { readonly sad: string; readonly expiresIn: number } | { readonly handle: string };

function failure(method: string, status: number, body: Record<string, unknown>): Error {
  const error = str(body.error) ?? '';
  const desc = str(body.error_description) ?? '';
  const detail = `${method}: ${error}${desc ? ` (${desc})` : ''}`;
  if (error === 'invalid_authentication_data' || error === 'invalid_otp') return remoteError('REMOTE_AUTH_DATA', detail);
  if (error === 'access_denied') return remoteError('REMOTE_REJECTED', detail);
  if (error === 'expired_token' && method === 'credentials/authorizeCheck') return remoteError('REMOTE_EXPIRED', detail);
  if (/SAD expired|authori[sz]ation expired/i.test(desc)) return remoteError('REMOTE_EXPIRED', detail);
  if (status === 401 || ['invalid_token', 'expired_token', 'unauthorized_client', 'invalid_client', 'invalid_grant', 'authentication_error'].includes(error)) {
    return remoteError('REMOTE_AUTH', detail);
  }
  if (/certificate is (expired|revoked)|disabled|locked/i.test(desc)) return remoteError('REMOTE_CREDENTIAL', detail);
  return remoteError('REMOTE_FAILED', `HTTP ${status} ${detail}`);
}

/** A thin, checked client of the CSC API v2 methods this package uses. */
export class CscClient {
  constructor(readonly connection: CscConnection) {}

  private url(method: string): string {
    return `${this.connection.baseUrl.replace(/\/+$/, '')}${this.connection.apiPath ?? '/csc/v2'}/${method}`;
  }

  private async token(): Promise<string | undefined> {
    const t = this.connection.accessToken;
    return typeof t === 'function' ? t() : t;
  }

  /** Calls one method; answers 200 and 202 bodies, maps every error to a REMOTE_* code. */
  async call(method: string, body: Record<string, unknown>, accept202 = false): Promise<{ status: number; body: Record<string, unknown> }> {
    const token = await this.token();
    const reply = await callJson(this.url(method), { body, headers: token ? { authorization: `Bearer ${token}` } : {} }, this.connection);
    if (reply.status === 200 || (accept202 && reply.status === 202) || reply.status === 204) return reply;
    throw failure(method, reply.status, reply.body);
  }

  /** `info`: the service's name, methods and algorithms. */
  async info(): Promise<Record<string, unknown>> {
    return (await this.call('info', {})).body;
  }

  /** `credentials/list` with the information of each credential (certificate chain, auth mode). */
  async listCredentials(options: { userID?: string } = {}): Promise<CscCredentialInfo[]> {
    const { body } = await this.call('credentials/list', {
      ...(options.userID ? { userID: options.userID } : {}),
      credentialInfo: true,
      certificates: 'chain',
      certInfo: true,
      authInfo: true,
    });
    const ids = body.credentialIDs;
    if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) throw remoteError('REMOTE_GARBAGE', 'credentials/list credentialIDs');
    const infos = Array.isArray(body.credentialInfos) ? (body.credentialInfos as unknown[]) : [];
    return Promise.all(
      (ids).map(async (id) => {
        const found = infos.find((x) => typeof x === 'object' && x !== null && (x as Record<string, unknown>).credentialID === id);
        return found ? readCredentialInfo(id, found as Record<string, unknown>) : this.credentialInfo(id);
      }),
    );
  }

  /** `credentials/info` with the whole chain, certificate details and authorisation objects. */
  async credentialInfo(credentialID: string): Promise<CscCredentialInfo> {
    const { body } = await this.call('credentials/info', { credentialID, certificates: 'chain', certInfo: true, authInfo: true });
    return readCredentialInfo(credentialID, body);
  }

  /** `credentials/authorize`: a SAD at once (HTTP 200) or a handle to poll (HTTP 202, out-of-band confirmation). */
  async authorize(request: {
    credentialID: string;
    numSignatures: number;
    hashes?: readonly Uint8Array[];
    hash?: HashAlgorithm;
    authData?: readonly CscAuthData[];
    description?: string;
  }): Promise<CscAuthorization> {
    const { status, body } = await this.call(
      'credentials/authorize',
      {
        credentialID: request.credentialID,
        numSignatures: request.numSignatures,
        ...(request.hashes ? { hashes: request.hashes.map(b64), hashAlgorithmOID: HASH_OID[request.hash ?? 'SHA-256'] } : {}),
        ...(request.authData?.length ? { authData: request.authData } : {}),
        ...(request.description ? { description: request.description.slice(0, 500) } : {}),
      },
      true,
    );
    return readAuthorization(status, body, 'credentials/authorize');
  }

  /** `credentials/authorizeCheck`: the SAD once confirmed, or the handle again while it is pending. */
  async authorizeCheck(handle: string): Promise<CscAuthorization> {
    const { status, body } = await this.call('credentials/authorizeCheck', { handle }, true);
    return readAuthorization(status, body, 'credentials/authorizeCheck');
  }

  /**
   * `credentials/sendOTP`: asks the service to send the signer a one-time password (SMS, e-mail…) for an `OTP`
   * authentication object of type online; then pass the OTP the signer received to `authorize`.
   */
  async sendOTP(credentialID: string): Promise<void> {
    await this.call('credentials/sendOTP', { credentialID });
  }

  /**
   * `signatures/signHash`: the raw signatures, base64, in the order of `hashes` (unchecked: see `checkedSignatures`).
   * With `async`, the request asks for `operationMode: "A"` and polls `signatures/signPolling` with the `responseID`
   * the service answers until the signatures are there (or the deadline passes, REMOTE_TIMEOUT).
   */
  async signHash(request: {
    credentialID: string;
    sad: string;
    hashes: readonly Uint8Array[];
    hash: HashAlgorithm;
    signAlgo: string;
    async?: { pollIntervalMs?: number; timeoutMs?: number; signal?: AbortSignal; validitySeconds?: number };
  }): Promise<unknown[]> {
    const generic = request.signAlgo === OID.rsaEncryption;
    const { body } = await this.call(
      'signatures/signHash',
      {
        credentialID: request.credentialID,
        SAD: request.sad,
        hashes: request.hashes.map(b64),
        signAlgo: request.signAlgo,
        ...(generic ? { hashAlgorithmOID: HASH_OID[request.hash] } : {}),
        ...(request.async ? { operationMode: 'A', validity_period: request.async.validitySeconds ?? 300 } : {}),
      },
      Boolean(request.async),
    );
    if (Array.isArray(body.signatures)) return body.signatures as unknown[];
    const responseID = str(body.responseID);
    if (!request.async || !responseID) throw remoteError('REMOTE_GARBAGE', 'signatures/signHash');
    const until = Date.now() + (request.async.timeoutMs ?? 120_000);
    for (;;) {
      if (Date.now() >= until) throw remoteError('REMOTE_TIMEOUT', 'signatures/signPolling');
      await sleep(Math.min(request.async.pollIntervalMs ?? 1000, Math.max(0, until - Date.now())), request.async.signal);
      const polled = await this.call('signatures/signPolling', { responseID }, true);
      if (Array.isArray(polled.body.signatures)) return polled.body.signatures as unknown[];
      if (polled.status !== 202) throw remoteError('REMOTE_GARBAGE', 'signatures/signPolling');
    }
  }
}

function readAuthorization(status: number, body: Record<string, unknown>, method: string): CscAuthorization {
  const sad = str(body.SAD);
  if (status === 200 && sad) return { sad, expiresIn: num(body.expiresIn) ?? 3600 };
  const handle = str(body.handle);
  if (status === 202 && handle) return { handle };
  throw remoteError('REMOTE_GARBAGE', method);
}

function readCredentialInfo(credentialID: string, body: Record<string, unknown>): CscCredentialInfo {
  const key = (body.key ?? {}) as Record<string, unknown>;
  const cert = (body.cert ?? {}) as Record<string, unknown>;
  const auth = (body.auth ?? {}) as Record<string, unknown>;
  const certs = Array.isArray(cert.certificates) ? cert.certificates.map(unb64) : [];
  if (certs.length === 0 || certs.some((c) => !c)) throw remoteError('REMOTE_GARBAGE', 'credentials/info cert/certificates');
  const algos = Array.isArray(key.algo) ? key.algo.filter((a): a is string => typeof a === 'string') : [];
  const objects = Array.isArray(auth.objects) ? (auth.objects as unknown[]) : [];
  const description = str(body.description);
  const certificateStatus = str(cert.status);
  const subjectDN = str(cert.subjectDN);
  const validTo = str(cert.validTo);
  const authMode = str(auth.mode);
  const scal = str(body.SCAL);
  return {
    credentialID,
    ...(description ? { description } : {}),
    keyStatus: str(key.status) ?? 'enabled',
    keyAlgorithms: algos,
    ...(certificateStatus ? { certificateStatus } : {}),
    certificates: certs as Uint8Array[],
    ...(subjectDN ? { subjectDN } : {}),
    ...(validTo ? { validTo } : {}),
    ...(authMode ? { authMode } : {}),
    authObjects: objects
      .filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null && typeof (o as Record<string, unknown>).id === 'string')
      .map((o) => ({ id: o.id as string, ...(str(o.type) ? { type: str(o.type)! } : {}), ...(str(o.label) ? { label: str(o.label)! } : {}) })),
    multisign: Math.max(1, Math.floor(num(body.multisign) ?? 1)),
    ...(scal ? { scal } : {}),
  };
}

/** The signature algorithm OID to request for this certificate and hash (one the credential lists, if it lists any). */
export function signAlgorithmFor(certificateDer: Uint8Array, hash: HashAlgorithm, offered: readonly string[] = []): string {
  const kind = keyKind(parseCertificate(certificateDer));
  if (kind === 'ECDSA') return ECDSA_SIG_OID[hash];
  const specific = RSA_SIG_OID[hash];
  if (offered.length === 0 || offered.includes(specific)) return specific;
  return offered.includes(OID.rsaEncryption) ? OID.rsaEncryption : specific;
}

/** Polls a pending authorisation until a SAD arrives, the service refuses it, the deadline passes or `signal` aborts. */
export async function waitForSad(
  client: CscClient,
  first: CscAuthorization,
  options: { pollIntervalMs?: number; confirmTimeoutMs?: number; signal?: AbortSignal; onState?: (s: RemoteSigningState) => void } = {},
): Promise<string> {
  if ('sad' in first) return first.sad;
  const expiresAt = Date.now() + (options.confirmTimeoutMs ?? 120_000);
  options.onState?.({ state: 'waiting', expiresAt, transaction: first.handle });
  let current: CscAuthorization = first;
  while ('handle' in current) {
    if (Date.now() >= expiresAt) throw remoteError('REMOTE_EXPIRED');
    await sleep(Math.min(options.pollIntervalMs ?? 1000, Math.max(0, expiresAt - Date.now())), options.signal);
    current = await client.authorizeCheck(current.handle);
  }
  return current.sad;
}

export interface CscSignerOptions extends CscConnection {
  readonly credentialID: string;
  /** PIN for explicit authorisation (sent as the authentication object `PIN`). */
  readonly pin?: string;
  /**
   * OTP for explicit authorisation (sent as the authentication object `OTP`): the value, or — for an OTP the service
   * sends to the signer — a function called after `credentials/sendOTP` that returns what the signer received.
   */
  readonly otp?: string | (() => Promise<string>);
  /** Ask for the signatures asynchronously (`operationMode: "A"`, then `signatures/signPolling`). */
  readonly asyncSignHash?: boolean;
  /** Other authentication objects, as `credentials/info` lists them. */
  readonly authData?: readonly CscAuthData[];
  /** Shown to the signer on the phone (CSC `description`, at most 500 characters). */
  readonly description?: string;
  /** Poll interval for out-of-band confirmation (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** How long to wait for the confirmation (default 120 000 ms), then REMOTE_EXPIRED. */
  readonly confirmTimeoutMs?: number;
  /** Progress for dialogs (authorising, waiting with a deadline, signing, signed). */
  readonly onState?: (state: RemoteSigningState) => void;
}

/**
 * A `Signer` over a CSC API v2 service, and a `BatchSigner` (`signMany`) signing several documents under one
 * authorisation. The returned signatures are checked against the credential's certificate before they are used.
 */
export function cscSigner(options: CscSignerOptions): Signer & BatchSigner & { info(): Promise<CscCredentialInfo> } {
  const client = new CscClient(options);
  let info: Promise<CscCredentialInfo> | undefined;
  const credential = (): Promise<CscCredentialInfo> => {
    info ??= client.credentialInfo(options.credentialID).then((c) => {
      if (c.keyStatus !== 'enabled') throw remoteError('REMOTE_CREDENTIAL', `key ${c.keyStatus}`);
      if (c.certificateStatus && c.certificateStatus !== 'valid') throw remoteError('REMOTE_CREDENTIAL', `certificate ${c.certificateStatus}`);
      return c;
    });
    info.catch(() => {
      info = undefined;
    });
    return info;
  };
  const authDataFor = async (): Promise<CscAuthData[]> => {
    let otp = options.otp;
    if (typeof otp === 'function') {
      await client.sendOTP(options.credentialID);
      otp = await otp();
    }
    return [...(options.pin !== undefined ? [{ id: 'PIN', value: options.pin }] : []), ...(otp !== undefined ? [{ id: 'OTP', value: otp }] : []), ...(options.authData ?? [])];
  };
  const signMany = async (data: readonly Uint8Array[], algorithm: { hash: HashAlgorithm }): Promise<Uint8Array[]> => {
    if (data.length === 0) return [];
    const c = await credential();
    if (data.length > c.multisign) throw remoteError('REMOTE_BATCH_COUNT', `${data.length} > multisign ${c.multisign}`);
    const hashes = await Promise.all(data.map((d) => digest(algorithm.hash, d)));
    options.onState?.({ state: 'authorizing' });
    const first = await client.authorize({
      credentialID: options.credentialID,
      numSignatures: data.length,
      hashes,
      hash: algorithm.hash,
      authData: await authDataFor(),
      ...(options.description ? { description: options.description } : {}),
    });
    const sad = await waitForSad(client, first, options);
    options.onState?.({ state: 'signing' });
    const signatures = await client.signHash({
      credentialID: options.credentialID,
      sad,
      hashes,
      hash: algorithm.hash,
      signAlgo: signAlgorithmFor(c.certificates[0]!, algorithm.hash, c.keyAlgorithms),
      ...(options.asyncSignHash
        ? { async: { ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}), ...(options.signal ? { signal: options.signal } : {}) } }
        : {}),
    });
    const checked = await checkedSignatures(c.certificates[0]!, algorithm.hash, data, signatures);
    options.onState?.({ state: 'signed', count: checked.length });
    return checked;
  };
  return {
    info: credential,
    async certificateChain() {
      const certs = [...(await credential()).certificates];
      return certs;
    },
    signMany,
    sign: async (data, algorithm) => (await signMany([data], algorithm))[0]!,
  };
}

/** `auth/login` with HTTP Basic (user name and password): the user's service access token. */
export async function cscLogin(connection: Omit<CscConnection, 'accessToken'>, user: { username: string; password: string }): Promise<{ accessToken: string; expiresIn: number }> {
  const basic = b64(new TextEncoder().encode(`${user.username}:${user.password}`));
  const url = `${connection.baseUrl.replace(/\/+$/, '')}${connection.apiPath ?? '/csc/v2'}/auth/login`;
  const reply = await callJson(url, { body: {}, headers: { authorization: `Basic ${basic}` } }, connection);
  if (reply.status !== 200) throw failure('auth/login', reply.status, reply.body);
  const token = str(reply.body.access_token);
  if (!token) throw remoteError('REMOTE_GARBAGE', 'auth/login access_token');
  return { accessToken: token, expiresIn: num(reply.body.expires_in) ?? 3600 };
}

/**
 * `oauth2/token` with the client-credentials grant (RFC 6749 §4.4, client authenticated with HTTP Basic): a service
 * access token for a back end. The client secret must stay on the server (see `@egov-vn/pdf-signature/relay`).
 */
export async function cscClientToken(
  connection: Omit<CscConnection, 'accessToken'> & { tokenUrl?: string },
  client: { clientId: string; clientSecret: string; scope?: string },
): Promise<{ accessToken: string; expiresIn: number }> {
  const url = connection.tokenUrl ?? `${connection.baseUrl.replace(/\/+$/, '')}/oauth2/token`;
  const basic = b64(new TextEncoder().encode(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`));
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: client.scope ?? 'service' });
  const reply = await callJson(url, { form, headers: { authorization: `Basic ${basic}` } }, connection);
  if (reply.status !== 200) throw failure('oauth2/token', reply.status, reply.body);
  const token = str(reply.body.access_token);
  if (!token) throw remoteError('REMOTE_GARBAGE', 'oauth2/token access_token');
  return { accessToken: token, expiresIn: num(reply.body.expires_in) ?? 3600 };
}
