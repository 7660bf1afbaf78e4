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
 *
 * With `service.oauth2` (the OAuth 2.0 authorisation-code flow with PKCE, CSC `oauth2/authorize`), each portal user
 * links their own account at the service once; the relay keeps the code verifier and the user's tokens, the browser
 * is only redirected:
 *   POST   /oauth2/start         { returnTo? } → { authorizeUrl } (and a binding cookie for the callback): the
 *                                 browser goes there, signs in at the service and consents
 *   GET    /oauth2/callback      ?code&state — the service sends the browser back here; the relay checks the state
 *                                 and the binding cookie, exchanges the code with the verifier, keeps the tokens and
 *                                 redirects to returnTo?remote_signing=linked|denied|failed (no token in it)
 *   GET    /oauth2/status        → { linked, expiresAt? };  DELETE /oauth2 → forgets the user's tokens
 * Until a user has linked, their calls answer 403 RELAY_OAUTH_REQUIRED.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PdfSignatureError } from '../errors.js';
import type { HashAlgorithm } from '../cms/oids.js';
import { b64, callJson, remoteError, unb64, REMOTE_ERRORS } from '../signers/common.js';
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
    /**
     * The authorisation-code flow with PKCE (S256) instead of the client-credentials grant: every portal user links
     * their own account at the service (scope `service`), and the relay calls it with that user's token.
     */
    readonly oauth2?: RelayOAuthOptions;
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

export interface RelayOAuthOptions {
  /** This relay's `/oauth2/callback`, absolute, exactly as registered at the service. */
  readonly redirectUri: string;
  /** The service's authorisation endpoint (default `<baseUrl>/oauth2/authorize`). */
  readonly authorizeUrl?: string;
  /** Where the browser goes back after linking when `start` names no `returnTo` (a path of the portal; default `/`). */
  readonly returnTo?: string;
  /** How long the user has to sign in and consent at the service (default 600 000 ms). */
  readonly flowTimeoutMs?: number;
  /** The name of the cookie binding the callback to the browser that started (default `egov_relay_oauth`). */
  readonly cookieName?: string;
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
  client: CscClient;
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

const base64url = (bytes: Uint8Array): string => b64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** RFC 7636: a 43-character verifier (32 random bytes) and its S256 challenge. */
async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  return { verifier, challenge };
}

/** A portal user who has not linked their account at the service yet (OAuth authorisation-code mode). */
class OAuthRequired extends Error {}

/** A same-site path to go back to (`/…`, not `//host`): anything else is refused. */
function safeReturn(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000 ? value : undefined;
}

function withFlag(path: string, flag: string): string {
  const url = new URL(path, 'http://relay.invalid');
  url.searchParams.set('remote_signing', flag);
  return `${url.pathname}${url.search}${url.hash}`;
}

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
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

const RELAY_TEXTS = {
  ...REMOTE_ERRORS,
  RELAY_REQUEST: ['Yêu cầu ký không hợp lệ', 'Invalid signing request'],
  RELAY_UNAUTHENTICATED: ['Chưa đăng nhập cổng thông tin', 'Not signed in to the portal'],
  RELAY_NOT_FOUND: ['Không tìm thấy giao dịch ký', 'Signing transaction not found'],
  RELAY_OAUTH_REQUIRED: [
    'Chưa liên kết tài khoản ký số từ xa: hãy đăng nhập dịch vụ ký số và đồng ý cấp quyền',
    'The remote signing account is not linked yet: sign in at the signing service and allow access',
  ],
  RELAY_OAUTH_STATE: ['Liên kết tài khoản ký số không hợp lệ hoặc đã hết hạn (state)', 'Invalid or expired remote signing account link (state)'],
} as const satisfies Record<string, readonly [string, string]>;

type RelayCode = keyof typeof RELAY_TEXTS;

function errorOf(code: RelayCode, detail?: string): { code: string; vi: string; en: string } {
  const [vi, en] = RELAY_TEXTS[code];
  const tail = detail ? `: ${detail}` : '';
  return { code, vi: `${vi}${tail}`, en: `${en}${tail}` };
}

function fail(status: 400 | 401 | 403 | 404 | 413 | 502 | 504, code: RelayCode, detail?: string): Response {
  return Response.json({ error: errorOf(code, detail) }, { status });
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
  const serviceClient = new CscClient({ ...connection, accessToken });
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

  // ---------- OAuth 2.0 authorisation code with PKCE: the users' own tokens, kept here ----------
  const oauth = options.service.oauth2;
  const userTokens = new Map<string, { value: string; until: number }>();
  const flows = new Map<string, { userID: string; verifier: string; binding: string; returnTo: string; until: number }>();
  const cookieName = oauth?.cookieName ?? 'egov_relay_oauth';
  const userToken = (userID: string): string => {
    const t = userTokens.get(userID);
    if (!t || Date.now() >= t.until) {
      userTokens.delete(userID);
      throw new OAuthRequired();
    }
    return t.value;
  };
  /** The client a user's calls go through: the service token, or (OAuth) the user's own. */
  const clientFor = (userID: string): CscClient =>
    oauth ? new CscClient({ ...connection, accessToken: () => Promise.resolve(userToken(userID)) }) : serviceClient;
  /** Runs a user's call; a user token the service refuses is forgotten (the user links again). */
  const asUser = async <T>(userID: string, run: (client: CscClient) => Promise<T>): Promise<T> => {
    if (!oauth) return withToken(() => run(serviceClient));
    try {
      return await run(clientFor(userID));
    } catch (error) {
      if (error instanceof PdfSignatureError && error.code === 'REMOTE_AUTH') {
        userTokens.delete(userID);
        throw new OAuthRequired();
      }
      throw error;
    }
  };
  const transactions = new Map<string, Transaction>();
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 120_000;
  const maxDocuments = options.maxDocuments ?? 50;

  // A user token names its owner; the service token names the user.
  const credentialsOf = (userID: string): Promise<CscCredentialInfo[]> => asUser(userID, (client) => client.listCredentials(oauth ? {} : { userID }));

  const view = (t: Transaction): RelayTransaction => ({
    id: t.id,
    state: t.state,
    expiresAt: t.expiresAt,
    ...(t.signatures ? { signatures: t.signatures } : {}),
    ...(t.error ? { error: t.error } : {}),
  });

  const finish = async (t: Transaction, sad: string): Promise<void> => {
    const signatures = await asUser(t.userID, () =>
      t.client.signHash({
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
        t.authorization = await asUser(t.userID, () => t.client.authorizeCheck(handle));
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
  // Authentication first: nothing of the body is read before the caller is known. The OAuth callback is the
  // service sending the browser back: it is bound by its state and the cookie set at its start instead.
  app.use('*', async (c, next) => {
    if (oauth && c.req.method === 'GET' && /\/oauth2\/callback$/.test(c.req.path)) {
      await next();
      return undefined;
    }
    const who = await options.authenticate(c.req.raw);
    if (!who?.userID) return fail(401, 'RELAY_UNAUTHENTICATED');
    c.set('userID', who.userID);
    await next();
    return undefined;
  });
  app.use('*', bodyLimit({ maxSize: options.maxBodyBytes ?? 64 * 1024, onError: () => fail(413, 'RELAY_REQUEST', 'body too large') }));

  const serviceFailure = (c: Context, error: unknown): Response => {
    if (error instanceof OAuthRequired) return Response.json({ error: errorOf('RELAY_OAUTH_REQUIRED'), start: 'oauth2/start' }, { status: 403 });
    const body = errorBody(error);
    const status = body.code === 'REMOTE_TIMEOUT' ? 504 : body.code === 'REMOTE_AUTH_DATA' || body.code === 'REMOTE_BATCH_COUNT' || body.code === 'REMOTE_CREDENTIAL' ? 400 : 502;
    return c.json({ error: body }, status);
  };

  if (oauth) {
    const authorizeUrl = oauth.authorizeUrl ?? `${options.service.baseUrl.replace(/\/+$/, '')}/oauth2/authorize`;
    const tokenUrl = options.service.tokenUrl ?? `${options.service.baseUrl.replace(/\/+$/, '')}/oauth2/token`;
    const callbackPath = new URL(oauth.redirectUri).pathname;
    const secure = oauth.redirectUri.startsWith('https:') ? '; Secure' : '';
    const flowMs = oauth.flowTimeoutMs ?? 600_000;

    app.post('/oauth2/start', async (c) => {
      let returnTo = safeReturn(oauth.returnTo) ?? '/';
      const text = await c.req.text();
      if (text) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return fail(400, 'RELAY_REQUEST', 'JSON object expected');
        }
        const asked = (body as { returnTo?: unknown } | null)?.returnTo;
        if (asked !== undefined) {
          const safe = safeReturn(asked);
          if (!safe) return fail(400, 'RELAY_REQUEST', 'returnTo must be a path of this site');
          returnTo = safe;
        }
      }
      const { verifier, challenge } = await pkcePair();
      const state = base64url(crypto.getRandomValues(new Uint8Array(24)));
      const binding = base64url(crypto.getRandomValues(new Uint8Array(24)));
      flows.set(state, { userID: c.get('userID'), verifier, binding, returnTo, until: Date.now() + flowMs });
      (setTimeout(() => flows.delete(state), flowMs) as { unref?: () => void }).unref?.();
      const url = new URL(authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.service.clientId,
        redirect_uri: oauth.redirectUri,
        scope: 'service',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
      }).toString();
      // The callback must come back to the browser that started: a cookie only that browser has, for the callback only.
      c.header('set-cookie', `${cookieName}=${binding}; Path=${callbackPath}; HttpOnly; SameSite=Lax; Max-Age=${Math.ceil(flowMs / 1000)}${secure}`);
      c.header('cache-control', 'no-store');
      return c.json({ authorizeUrl: url.href });
    });

    app.get('/oauth2/callback', async (c) => {
      const state = c.req.query('state') ?? '';
      const flow = flows.get(state);
      const bound = cookie(c.req.raw, cookieName);
      const clear = `${cookieName}=; Path=${callbackPath}; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
      if (!flow || Date.now() > flow.until || !bound || bound !== flow.binding) {
        // An unknown, expired or foreign state (another browser's link): nothing is exchanged.
        if (flow && bound !== flow.binding) flows.delete(state);
        c.header('set-cookie', clear);
        return fail(400, 'RELAY_OAUTH_STATE');
      }
      flows.delete(state);
      c.header('set-cookie', clear);
      c.header('cache-control', 'no-store');
      const code = c.req.query('code');
      if (!code) return c.redirect(withFlag(flow.returnTo, c.req.query('error') === 'access_denied' ? 'denied' : 'failed'), 303);
      try {
        const form = new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: oauth.redirectUri,
          client_id: options.service.clientId,
          client_secret: options.service.clientSecret,
          code_verifier: flow.verifier,
        });
        const reply = await callJson(tokenUrl, { form }, connection);
        const value = typeof reply.body.access_token === 'string' ? reply.body.access_token : undefined;
        if (reply.status !== 200 || !value) return c.redirect(withFlag(flow.returnTo, 'failed'), 303);
        const expiresIn = typeof reply.body.expires_in === 'number' ? reply.body.expires_in : 3600;
        userTokens.set(flow.userID, { value, until: Date.now() + Math.max(0, expiresIn - 30) * 1000 });
        return c.redirect(withFlag(flow.returnTo, 'linked'), 303);
      } catch {
        return c.redirect(withFlag(flow.returnTo, 'failed'), 303);
      }
    });

    app.get('/oauth2/status', (c) => {
      const t = userTokens.get(c.get('userID'));
      return c.json(t && Date.now() < t.until ? { linked: true, expiresAt: t.until } : { linked: false });
    });

    app.delete('/oauth2', (c) => {
      userTokens.delete(c.get('userID'));
      return c.json({ linked: false });
    });
  }

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
      await asUser(c.get('userID'), (client) => client.sendOTP(id));
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
      client: clientFor(userID),
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
      t.authorization = await asUser(userID, () =>
        t.client.authorize({
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
