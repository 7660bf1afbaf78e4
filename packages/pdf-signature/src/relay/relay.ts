/**
 * The signing relay: a small Hono app a back end mounts (Node or any fetch runtime) so that browsers sign remotely
 * without ever holding the signing service's client id and secret. The relay authenticates the portal's user (your
 * `authenticate`, before any body is read), lists that user's credentials, starts an authorisation with the digests
 * the browser computed, and answers the transaction state the browser polls; the signatures it returns are checked by
 * the browser against the credential's certificate (`relaySigner`).
 *
 *   POST   /credentials          → { credentials: RelayCredential[] }
 *   POST   /transactions         { credentialID, hashes[], hashAlgorithm, pin?, otp?, description? }
 *                                 → RelayTransaction (state waiting | signed | rejected | expired | failed)
 *   GET    /transactions/:id     → RelayTransaction (polls the service once while waiting)
 *   DELETE /transactions/:id     → { id, state: 'cancelled' }
 *   POST   /credentials/:id/otp  → 204: the service sends the signer a one-time code (CSC credentials/sendOTP); the
 *                                 browser then starts the transaction with { otp } the signer received
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PdfSignatureError } from '../errors.js';
import type { HashAlgorithm } from '../cms/oids.js';
import { b64, remoteError, unb64, type RemoteErrorCode, REMOTE_ERRORS } from '../signers/common.js';
import { CscClient, cscClientToken, signAlgorithmFor, type CscAuthorization, type CscCredentialInfo } from '../signers/csc.js';

export interface SigningRelayOptions {
  /** The CSC API v2 service and this back end's client credentials (kept here, never sent to browsers). */
  readonly service: {
    readonly baseUrl: string;
    readonly clientId: string;
    readonly clientSecret: string;
    /** Token endpoint (default `<baseUrl>/oauth2/token`). */
    readonly tokenUrl?: string;
    readonly apiPath?: string;
    readonly fetch?: typeof fetch;
    /** Per-request timeout to the service (default 30 000 ms). */
    readonly timeoutMs?: number;
  };
  /** Who is calling: the portal's own authentication (session cookie, bearer token…). `undefined` → 401. */
  authenticate(request: Request): Promise<{ userID: string } | undefined> | { userID: string } | undefined;
  /** How long the signer has to confirm on the phone (default 120 000 ms). */
  readonly confirmTimeoutMs?: number;
  /** Most bytes of a request body (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /** Most documents per transaction (default 50; the credential's `multisign` may allow fewer). */
  readonly maxDocuments?: number;
  /** Origins allowed to call the relay from another origin (CORS, with credentials); default none. */
  readonly allowOrigins?: readonly string[];
  /** Ask the service for the signatures asynchronously (CSC `operationMode: "A"` + `signatures/signPolling`). */
  readonly asyncSignHash?: boolean;
}

/** A credential as the relay shows it to the browser. */
export interface RelayCredential {
  readonly credentialID: string;
  readonly description?: string;
  readonly subjectDN?: string;
  readonly validTo?: string;
  /** The authentication objects to ask for (e.g. `PIN`, `OTP`); empty → confirmed on the phone. */
  readonly authObjects: readonly string[];
  readonly multisign: number;
  /** Base64 DER, signer first. */
  readonly certificates: readonly string[];
}

export type RelayState = 'waiting' | 'signed' | 'rejected' | 'expired' | 'failed' | 'cancelled';

export interface RelayTransaction {
  readonly id: string;
  readonly state: RelayState;
  /** Epoch ms by which the signer must confirm. */
  readonly expiresAt?: number;
  /** Base64 signatures, in the order of the hashes (state `signed`). */
  readonly signatures?: readonly string[];
  readonly error?: { readonly code: string; readonly vi: string; readonly en: string };
}

interface Transaction {
  id: string;
  userID: string;
  credential: CscCredentialInfo;
  hashes: Uint8Array[];
  hash: HashAlgorithm;
  state: RelayState;
  expiresAt: number;
  authorization?: CscAuthorization;
  signatures?: string[];
  error?: { code: string; vi: string; en: string };
  busy?: Promise<void>;
}

const HASH_LENGTH: Record<HashAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function errorBody(error: unknown): { code: string; vi: string; en: string } {
  if (error instanceof PdfSignatureError) return { code: error.code, vi: error.vi, en: error.en };
  const e = remoteError('REMOTE_FAILED');
  return { code: e.code, vi: e.vi, en: e.en };
}

function stateOf(code: string): RelayState {
  if (code === 'REMOTE_REJECTED') return 'rejected';
  if (code === 'REMOTE_EXPIRED') return 'expired';
  if (code === 'REMOTE_CANCELLED') return 'cancelled';
  return 'failed';
}

function fail(status: 400 | 401 | 403 | 404 | 413 | 502 | 504, code: RemoteErrorCode | 'RELAY_REQUEST' | 'RELAY_UNAUTHENTICATED' | 'RELAY_NOT_FOUND', detail?: string): Response {
  const texts: Record<string, readonly [string, string]> = {
    ...REMOTE_ERRORS,
    RELAY_REQUEST: ['Yêu cầu ký không hợp lệ', 'Invalid signing request'],
    RELAY_UNAUTHENTICATED: ['Chưa đăng nhập cổng thông tin', 'Not signed in to the portal'],
    RELAY_NOT_FOUND: ['Không tìm thấy giao dịch ký', 'Signing transaction not found'],
  };
  const [vi, en] = texts[code]!;
  const tail = detail ? `: ${detail}` : '';
  return Response.json({ error: { code, vi: `${vi}${tail}`, en: `${en}${tail}` } }, { status });
}

/** Builds the relay app. Mount it under a path of your server, e.g. `app.route('/api/ky-so', relay)`. */
export function createSigningRelay(options: SigningRelayOptions): Hono<{ Variables: { userID: string } }> {
  const connection = {
    baseUrl: options.service.baseUrl,
    ...(options.service.apiPath ? { apiPath: options.service.apiPath } : {}),
    ...(options.service.fetch ? { fetch: options.service.fetch } : {}),
    ...(options.service.timeoutMs ? { timeoutMs: options.service.timeoutMs } : {}),
  };
  let token: { value: string; until: number } | undefined;
  const accessToken = async (): Promise<string> => {
    if (token && Date.now() < token.until) return token.value;
    const fresh = await cscClientToken(
      { ...connection, ...(options.service.tokenUrl ? { tokenUrl: options.service.tokenUrl } : {}) },
      { clientId: options.service.clientId, clientSecret: options.service.clientSecret },
    );
    token = { value: fresh.accessToken, until: Date.now() + Math.max(0, fresh.expiresIn - 60) * 1000 };
    return token.value;
  };
  const client = new CscClient({ ...connection, accessToken });
  /** Runs a call; on an authentication failure gets a new service token once and retries. */
  const withToken = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof PdfSignatureError && error.code === 'REMOTE_AUTH' && token) {
        token = undefined;
        return run();
      }
      throw error;
    }
  };
  const transactions = new Map<string, Transaction>();
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 120_000;
  const maxDocuments = options.maxDocuments ?? 50;

  const credentialsOf = (userID: string): Promise<CscCredentialInfo[]> => withToken(() => client.listCredentials({ userID }));

  const view = (t: Transaction): RelayTransaction => ({
    id: t.id,
    state: t.state,
    expiresAt: t.expiresAt,
    ...(t.signatures ? { signatures: t.signatures } : {}),
    ...(t.error ? { error: t.error } : {}),
  });

  const finish = async (t: Transaction, sad: string): Promise<void> => {
    const signatures = await withToken(() =>
      client.signHash({
        credentialID: t.credential.credentialID,
        sad,
        hashes: t.hashes,
        hash: t.hash,
        signAlgo: signAlgorithmFor(t.credential.certificates[0]!, t.hash, t.credential.keyAlgorithms),
        ...(options.asyncSignHash ? { async: { pollIntervalMs: 250, timeoutMs: Math.max(1000, t.expiresAt - Date.now()) } } : {}),
      }),
    );
    if (!signatures.every((s) => typeof s === 'string')) throw remoteError('REMOTE_GARBAGE', 'signatures');
    t.signatures = signatures;
    t.state = 'signed';
  };

  const step = async (t: Transaction): Promise<void> => {
    if (t.state !== 'waiting' || !t.authorization) return;
    try {
      if ('handle' in t.authorization) {
        if (Date.now() >= t.expiresAt) throw remoteError('REMOTE_EXPIRED');
        const handle = t.authorization.handle;
        t.authorization = await withToken(() => client.authorizeCheck(handle));
      }
      if ('sad' in t.authorization) await finish(t, t.authorization.sad);
    } catch (error) {
      t.error = errorBody(error);
      t.state = stateOf(t.error.code);
    }
  };

  const app = new Hono<{ Variables: { userID: string } }>();
  if (options.allowOrigins?.length) {
    const allowed = new Set(options.allowOrigins);
    app.use('*', async (c, next) => {
      const origin = c.req.header('origin');
      if (origin && allowed.has(origin)) {
        c.header('access-control-allow-origin', origin);
        c.header('access-control-allow-credentials', 'true');
        c.header('vary', 'Origin');
        if (c.req.method === 'OPTIONS') {
          c.header('access-control-allow-methods', 'GET, POST, DELETE');
          c.header('access-control-allow-headers', 'authorization, content-type');
          c.header('access-control-max-age', '600');
          return c.body(null, 204);
        }
      }
      await next();
      return undefined;
    });
  }
  // Authentication first: nothing of the body is read before the caller is known.
  app.use('*', async (c, next) => {
    const who = await options.authenticate(c.req.raw);
    if (!who?.userID) return fail(401, 'RELAY_UNAUTHENTICATED');
    c.set('userID', who.userID);
    await next();
    return undefined;
  });
  app.use('*', bodyLimit({ maxSize: options.maxBodyBytes ?? 64 * 1024, onError: () => fail(413, 'RELAY_REQUEST', 'body too large') }));

  const serviceFailure = (c: Context, error: unknown): Response => {
    const body = errorBody(error);
    const status = body.code === 'REMOTE_TIMEOUT' ? 504 : body.code === 'REMOTE_AUTH_DATA' || body.code === 'REMOTE_BATCH_COUNT' || body.code === 'REMOTE_CREDENTIAL' ? 400 : 502;
    return c.json({ error: body }, status);
  };

  app.post('/credentials', async (c) => {
    try {
      const list = await credentialsOf(c.get('userID'));
      const credentials: RelayCredential[] = list.map((x) => ({
        credentialID: x.credentialID,
        ...(x.description ? { description: x.description } : {}),
        ...(x.subjectDN ? { subjectDN: x.subjectDN } : {}),
        ...(x.validTo ? { validTo: x.validTo } : {}),
        authObjects: x.authObjects.map((o) => o.id),
        multisign: x.multisign,
        certificates: x.certificates.map(b64),
      }));
      return c.json({ credentials });
    } catch (error) {
      return serviceFailure(c, error);
    }
  });

  app.post('/credentials/:id/otp', async (c) => {
    const id = c.req.param('id');
    try {
      // Only the caller's own credentials: the relay's service token could reach anyone's.
      if (!(await credentialsOf(c.get('userID'))).some((x) => x.credentialID === id)) return fail(403, 'REMOTE_CREDENTIAL', id.slice(0, 80));
      await withToken(() => client.sendOTP(id));
      return c.body(null, 204);
    } catch (error) {
      return serviceFailure(c, error);
    }
  });

  app.post('/transactions', async (c) => {
    const userID = c.get('userID');
    let body: Record<string, unknown>;
    try {
      const parsed = (await c.req.json()) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail(400, 'RELAY_REQUEST', 'JSON object expected');
      body = parsed as Record<string, unknown>;
    } catch {
      return fail(400, 'RELAY_REQUEST', 'JSON object expected');
    }
    const hash = body.hashAlgorithm ?? 'SHA-256';
    if (hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512') return fail(400, 'RELAY_REQUEST', 'hashAlgorithm');
    if (!Array.isArray(body.hashes) || body.hashes.length === 0 || body.hashes.length > maxDocuments) return fail(400, 'RELAY_REQUEST', 'hashes');
    const hashes = body.hashes.map(unb64);
    if (hashes.some((h) => h?.length !== HASH_LENGTH[hash])) return fail(400, 'RELAY_REQUEST', 'hashes');
    for (const field of ['pin', 'otp', 'description'] as const) {
      if (body[field] !== undefined && (typeof body[field] !== 'string' || body[field].length > 500)) return fail(400, 'RELAY_REQUEST', field);
    }
    if (typeof body.credentialID !== 'string') return fail(400, 'RELAY_REQUEST', 'credentialID');
    let credential: CscCredentialInfo | undefined;
    try {
      credential = (await credentialsOf(userID)).find((x) => x.credentialID === body.credentialID);
    } catch (error) {
      return serviceFailure(c, error);
    }
    // Only the caller's own credentials: the relay's service token could reach anyone's.
    if (!credential) return fail(403, 'REMOTE_CREDENTIAL', body.credentialID.slice(0, 80));
    if (hashes.length > credential.multisign) return fail(400, 'REMOTE_BATCH_COUNT', `${hashes.length} > multisign ${credential.multisign}`);
    const t: Transaction = {
      id: randomId(),
      userID,
      credential,
      hashes: hashes as Uint8Array[],
      hash,
      state: 'waiting',
      expiresAt: Date.now() + confirmTimeoutMs,
    };
    const authData = [
      ...(typeof body.pin === 'string' ? [{ id: 'PIN', value: body.pin }] : []),
      ...(typeof body.otp === 'string' ? [{ id: 'OTP', value: body.otp }] : []),
    ];
    try {
      t.authorization = await withToken(() =>
        client.authorize({
          credentialID: credential.credentialID,
          numSignatures: t.hashes.length,
          hashes: t.hashes,
          hash,
          authData,
          ...(typeof body.description === 'string' ? { description: body.description } : {}),
        }),
      );
    } catch (error) {
      return serviceFailure(c, error);
    }
    transactions.set(t.id, t);
    // Forget finished or abandoned transactions after a while.
    (setTimeout(() => transactions.delete(t.id), confirmTimeoutMs + 60_000) as { unref?: () => void }).unref?.();
    if ('sad' in t.authorization) await step(t);
    return c.json(view(t), 200);
  });

  const own = (c: Context<{ Variables: { userID: string } }>): Transaction | undefined => {
    const t = transactions.get(c.req.param('id') ?? '');
    return t && t.userID === c.get('userID') ? t : undefined;
  };

  app.get('/transactions/:id', async (c) => {
    const t = own(c);
    if (!t) return fail(404, 'RELAY_NOT_FOUND');
    t.busy ??= step(t).finally(() => {
      t.busy = undefined;
    });
    await t.busy;
    return c.json(view(t));
  });

  app.delete('/transactions/:id', (c) => {
    const t = own(c);
    if (!t) return fail(404, 'RELAY_NOT_FOUND');
    if (t.state === 'waiting') t.state = 'cancelled';
    return c.json(view(t));
  });

  return app;
}
