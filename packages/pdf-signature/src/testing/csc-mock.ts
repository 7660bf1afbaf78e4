/**
 * A Cloud Signature Consortium API v2 service for tests and the demo (a Hono app: serve it with
 * `serveApp` from `@egov-vn/pdf-signature/node`, or call `mock.app.fetch` directly). Keys come from the demo PKI, so
 * what it signs verifies against the demo root. Never use it for real documents.
 *
 * - `oauth2/token` (client credentials, client authenticated with HTTP Basic) and `auth/login` (HTTP Basic user).
 * - `oauth2/authorize` (authorisation-code flow with PKCE S256, scope `service`): a DEMO sign-in and consent page for
 *   the `users` (or `oauth2AutoApprove`: that user consents without a page, for tests), back to the client's registered
 *   `redirectUris` with `code` and `state`; `oauth2/token` exchanges the code once, for the same client and
 *   redirect URI, when `code_verifier` hashes to the challenge (a code used twice revokes what it gave).
 * - `credentials/list`, `credentials/info`, `credentials/authorize` (explicit PIN/OTP → SAD; a credential without a PIN
 *   is confirmed out of band → HTTP 202 + handle), `credentials/authorizeCheck`, `signatures/signHash`.
 * - The out-of-band confirmation is approved, rejected or left to expire: automatically after `afterMs`, or by hand
 *   with `approve()` / `reject()` or the "phone" page at `GET /phone` (buttons posting to `/phone/<handle>/approve`).
 * - Faults for tests: `garbage` (signHash answers HTML), `hang` (signHash never answers), `drop-one` (one signature
 *   fewer than hashes), `wrong-key` (signs with another key than the certificate's).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HASH_OID, hashFromOid, type HashAlgorithm } from '../cms/oids.js';
import type { Identity } from './pki.js';
import { signDigestRsa } from './raw-rsa.js';

export interface CscMockCredential {
  readonly credentialID: string;
  /** The owner (service tokens name it in `credentials/list`; user tokens imply it). */
  readonly userID: string;
  readonly identity: Pick<Identity, 'privateKey' | 'chain'>;
  /** The certificates `credentials/info` advertises (default `identity.chain`): set another chain to test a mismatch. */
  readonly certificates?: readonly Uint8Array[];
  /** Explicit authorisation with this PIN; without `pin` the credential is confirmed out of band (HTTP 202). */
  readonly pin?: string;
  /** A second explicit factor (OTP) required with the PIN. */
  readonly otp?: string;
  /**
   * The OTP is sent to the signer (`credentials/sendOTP`): a fresh 6-digit code each time, valid once, readable in
   * tests with `mock.sentOtp(credentialID)` (the stand-in for the SMS).
   */
  readonly onlineOtp?: boolean;
  /** Most signatures per authorisation (default 10). */
  readonly multisign?: number;
  readonly description?: string;
}

export type CscMockOutcome = 'manual' | 'approve' | 'reject' | 'expire';
export type CscMockFault = 'none' | 'garbage' | 'hang' | 'drop-one' | 'wrong-key';

export interface CscMockOptions {
  readonly credentials: readonly CscMockCredential[];
  /** Back-end clients (client credentials grant; `redirectUris` for the authorisation-code grant, matched exactly). */
  readonly clients?: readonly { clientId: string; clientSecret: string; redirectUris?: readonly string[] }[];
  /** Users for `auth/login` and the `oauth2/authorize` sign-in page. */
  readonly users?: readonly { username: string; password: string; userID: string }[];
  /** `oauth2/authorize` approves at once for this user (no page): for tests and unattended demos. */
  readonly oauth2AutoApprove?: string;
  /** An authorisation code lives this long (default 60 000 ms). */
  readonly authorizationCodeTtlMs?: number;
  /** What happens to an out-of-band confirmation, and after how long (default manual, 1500 ms). */
  readonly outcome?: CscMockOutcome;
  readonly afterMs?: number;
  /** An unconfirmed authorisation expires after this long (default 120 000 ms). */
  readonly confirmExpiresInMs?: number;
  /** A SAD lives this long (default 300 000 ms). */
  readonly sadExpiresInMs?: number;
  /** Asynchronous signHash (`operationMode: "A"`): the signatures are ready after this long (default 100 ms). */
  readonly asyncSignMs?: number;
  readonly fault?: CscMockFault;
  /** The key `wrong-key` signs with (default: a fresh RSA key). */
  readonly wrongKey?: CryptoKey;
}

export interface CscMockPending {
  readonly handle: string;
  readonly credentialID: string;
  readonly userID: string;
  readonly numSignatures: number;
  readonly description: string;
  readonly createdAt: number;
}

export interface CscMockRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface CscMock {
  readonly app: Hono;
  /** Every request received (method, path, Authorization header, body text). */
  readonly requests: CscMockRequest[];
  /** Out-of-band authorisations waiting for the phone. */
  pending(): CscMockPending[];
  /** Confirms the given (default: the oldest) pending authorisation. */
  approve(handle?: string): boolean;
  /** Rejects the given (default: the oldest) pending authorisation. */
  reject(handle?: string): boolean;
  /** The last OTP `credentials/sendOTP` sent for this credential (what the signer's SMS would say). */
  sentOtp(credentialID: string): string | undefined;
  /** Changes behaviour between tests. */
  configure(change: Partial<Pick<CscMockOptions, 'outcome' | 'afterMs' | 'confirmExpiresInMs' | 'fault'>>): void;
}

type TokenOwner = { kind: 'service'; clientId: string } | { kind: 'user'; userID: string };

interface Authorization {
  handle: string;
  credentialID: string;
  userID: string;
  numSignatures: number;
  hashes: Set<string> | undefined;
  hash: HashAlgorithm | undefined;
  description: string;
  createdAt: number;
  state: 'pending' | 'approved' | 'rejected' | 'used';
}

interface OAuthRequest {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scope: string;
  expiresAt: number;
}

interface OAuthCode extends OAuthRequest {
  userID: string;
  used: boolean;
  issued: string[];
}

interface Sad {
  credentialID: string;
  remaining: number;
  hashes: Set<string> | undefined;
  expiresAt: number;
}

const random = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
};
const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string): Uint8Array | undefined => {
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
};
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~]. */
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
/** base64url of a SHA-256 digest, no padding: 43 characters. */
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return b64(digest).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `redirect_uri` with the answer's parameters added (RFC 6749 §4.1.2). */
function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

function cscError(c: Context, status: 400 | 401, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status);
}

/** Creates the mock CSC service. */
export function createCscMock(options: CscMockOptions): CscMock {
  const settings = {
    outcome: options.outcome ?? 'manual',
    afterMs: options.afterMs ?? 1500,
    confirmExpiresInMs: options.confirmExpiresInMs ?? 120_000,
    fault: options.fault ?? 'none',
  };
  const tokens = new Map<string, TokenOwner>();
  /** oauth2/authorize requests waiting for the sign-in page's answer. */
  const consents = new Map<string, OAuthRequest>();
  /** Authorisation codes; a code exchanged once keeps the tokens it gave, to revoke them if it comes back. */
  const codes = new Map<string, OAuthCode>();
  const authorizations = new Map<string, Authorization>();
  const sads = new Map<string, Sad>();
  const requests: CscMockRequest[] = [];
  const otps = new Map<string, string>();
  const asyncResults = new Map<string, { credentialID: string; readyAt: number; signatures: Promise<string[]> }>();
  let wrongKey: Promise<CryptoKey> | undefined = options.wrongKey ? Promise.resolve(options.wrongKey) : undefined;
  const credentialById = (id: unknown): CscMockCredential | undefined => options.credentials.find((c) => c.credentialID === id);

  const app = new Hono();
  app.use('*', async (c, next) => {
    const body = c.req.method === 'POST' ? await c.req.raw.clone().text().catch(() => '') : '';
    requests.push({ method: c.req.method, path: new URL(c.req.url).pathname, authorization: c.req.header('authorization'), body: body.slice(0, 4096) });
    await next();
  });
  app.use('*', bodyLimit({ maxSize: 256 * 1024, onError: (c) => cscError(c, 400, 'invalid_request', 'Request too large') }));

  const basic = (c: Context): [string, string] | undefined => {
    const h = c.req.header('authorization') ?? '';
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(h);
    if (!m) return undefined;
    const text = new TextDecoder().decode(unb64(m[1]!) ?? new Uint8Array());
    const at = text.indexOf(':');
    return at < 0 ? undefined : [decodeURIComponent(text.slice(0, at)), decodeURIComponent(text.slice(at + 1))];
  };
  const owner = (c: Context): TokenOwner | undefined => {
    const m = /^Bearer\s+(\S+)$/.exec(c.req.header('authorization') ?? '');
    return m ? tokens.get(m[1]!) : undefined;
  };
  const readJson = async (c: Context): Promise<Record<string, unknown> | undefined> => {
    try {
      const v = (await c.req.json()) as unknown;
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  /** The credential the caller may use, or an error response. */
  const usable = (who: TokenOwner, id: unknown, c: Context): CscMockCredential | Response => {
    const cred = credentialById(id);
    if (typeof id !== 'string') return cscError(c, 400, 'invalid_request', 'Missing (or invalid type) string parameter credentialID');
    if (!cred || (who.kind === 'user' && cred.userID !== who.userID)) return cscError(c, 400, 'invalid_request', 'Invalid parameter credentialID');
    return cred;
  };
  const describe = (cred: CscMockCredential): Record<string, unknown> => ({
    ...(cred.description ? { description: cred.description } : {}),
    key: { status: 'enabled', algo: ['1.2.840.113549.1.1.11', '1.2.840.113549.1.1.1'], len: 2048 },
    cert: { status: 'valid', certificates: (cred.certificates ?? cred.identity.chain).map(b64) },
    auth: cred.pin
      ? {
          mode: 'explicit',
          expression: cred.otp || cred.onlineOtp ? 'PIN AND OTP' : 'PIN',
          objects: [
            { type: 'Password', id: 'PIN', format: 'N', label: 'PIN' },
            ...(cred.otp || cred.onlineOtp ? [{ type: 'Password', id: 'OTP', format: 'N', label: 'OTP', ...(cred.onlineOtp ? { generator: 'online' } : {}) }] : []),
          ],
        }
      : { mode: 'explicit', objects: [] },
    SCAL: '2',
    multisign: cred.multisign ?? 10,
    lang: 'vi-VN',
  });

  // ---------- OAuth 2.0: authorisation code with PKCE (CSC v2 oauth2/authorize, oauth2/token; RFC 6749, RFC 7636) ----------

  const oauthPage = (c: Context, body: string, status: 200 | 400 | 401 = 200): Response =>
    c.html(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Dịch vụ ký số thử nghiệm (DEMO) — cấp quyền</title></head><body><main><h1>Dịch vụ ký số thử nghiệm — DEMO</h1><p role="note"><strong>Chỉ dùng cho bản trình diễn. / Demo only.</strong></p>${body}</main></body></html>`,
      status,
    );
  const issueCode = (request: OAuthRequest, userID: string): string => {
    const code = random();
    codes.set(code, { ...request, userID, used: false, issued: [], expiresAt: Date.now() + (options.authorizationCodeTtlMs ?? 60_000) });
    return redirectWith(request.redirectUri, { code, state: request.state });
  };

  app.get('/oauth2/authorize', (c) => {
    const q = (name: string): string | undefined => c.req.query(name);
    const client = options.clients?.find((x) => x.clientId === q('client_id'));
    const redirectUri = q('redirect_uri');
    // An unknown client or redirect URI is answered here, never redirected (RFC 6749 §4.1.2.1).
    if (!client || !redirectUri || !client.redirectUris?.includes(redirectUri)) {
      return oauthPage(c, '<p role="alert">Yêu cầu cấp quyền không hợp lệ (client_id hoặc redirect_uri). / Invalid client_id or redirect_uri.</p>', 400);
    }
    const state = q('state');
    const refuse = (error: string, description: string) => c.redirect(redirectWith(redirectUri, { error, error_description: description, state }), 302);
    if (q('response_type') !== 'code') return refuse('unsupported_response_type', 'response_type must be code');
    const challenge = q('code_challenge');
    if (!challenge || !PKCE_CHALLENGE.test(challenge)) return refuse('invalid_request', 'code_challenge (PKCE) is required');
    if (q('code_challenge_method') !== 'S256') return refuse('invalid_request', 'code_challenge_method must be S256');
    const scope = q('scope') ?? 'service';
    if (scope !== 'service') return refuse('invalid_scope', 'Only the service scope is offered');
    const request: OAuthRequest = { clientId: client.clientId, redirectUri, state, codeChallenge: challenge, scope, expiresAt: Date.now() + 600_000 };
    if (options.oauth2AutoApprove !== undefined) return c.redirect(issueCode(request, options.oauth2AutoApprove), 302);
    const id = random();
    consents.set(id, request);
    return oauthPage(
      c,
      `<p><strong>${esc(client.clientId)}</strong> xin quyền dùng chứng thư số ký từ xa của bạn. / asks to use your remote signing credentials.</p>
<form method="post" action="authorize"><input type="hidden" name="request" value="${esc(id)}">
<p><label>Tên đăng nhập / Username <input name="username" autocomplete="username"></label></p>
<p><label>Mật khẩu / Password <input name="password" type="password" autocomplete="current-password"></label></p>
<p><button name="decision" value="approve">Đồng ý / Allow</button> <button name="decision" value="deny">Từ chối / Deny</button></p></form>`,
    );
  });

  app.post('/oauth2/authorize', async (c) => {
    const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
    const id = typeof form.request === 'string' ? form.request : '';
    const request = consents.get(id);
    if (!request || Date.now() > request.expiresAt) return oauthPage(c, '<p role="alert">Yêu cầu đã hết hạn. / The request expired.</p>', 400);
    if (form.decision !== 'approve') {
      consents.delete(id);
      return c.redirect(redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request', state: request.state }), 302);
    }
    const user = options.users?.find((u) => u.username === form.username && u.password === form.password);
    if (!user) return oauthPage(c, '<p role="alert">Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.</p>', 401);
    consents.delete(id);
    return c.redirect(issueCode(request, user.userID), 302);
  });

  app.post('/oauth2/token', async (c) => {
    const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
    // The client authenticates with HTTP Basic or, as CSC v2 writes it, client_id and client_secret in the body.
    const pair = basic(c) ?? (typeof form.client_id === 'string' && typeof form.client_secret === 'string' ? [form.client_id, form.client_secret] : undefined);
    const client = pair && options.clients?.find((x) => x.clientId === pair[0] && x.clientSecret === pair[1]);
    if (!client) return c.json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401);
    if (form.grant_type === 'authorization_code') {
      const code = typeof form.code === 'string' ? codes.get(form.code) : undefined;
      const grantError = (description: string) => c.json({ error: 'invalid_grant', error_description: description }, 400);
      if (!code) return grantError('Invalid authorization code');
      if (code.used) {
        // A code used twice: refuse, and revoke what it gave (RFC 6749 §4.1.2).
        for (const t of code.issued) tokens.delete(t);
        code.issued = [];
        return grantError('The authorization code was already used');
      }
      code.used = true;
      if (Date.now() > code.expiresAt) return grantError('The authorization code expired');
      if (code.clientId !== client.clientId) return grantError('The authorization code was issued to another client');
      if (form.redirect_uri !== code.redirectUri) return grantError('redirect_uri does not match the authorization request');
      const verifier = form.code_verifier;
      if (typeof verifier !== 'string' || !PKCE_VERIFIER.test(verifier) || (await s256(verifier)) !== code.codeChallenge) {
        return grantError('code_verifier does not match the code_challenge');
      }
      const token = random();
      tokens.set(token, { kind: 'user', userID: code.userID });
      code.issued.push(token);
      return c.json({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: code.scope });
    }
    if (form.grant_type !== 'client_credentials') return c.json({ error: 'unsupported_grant_type' }, 400);
    const token = random();
    tokens.set(token, { kind: 'service', clientId: client.clientId });
    return c.json({ access_token: token, token_type: 'Bearer', expires_in: 3600 });
  });

  const api = new Hono();
  api.post('/info', (c) =>
    c.json({
      specs: '2.0.0.2',
      name: 'egov-vn CSC mock',
      logo: '',
      region: 'VN',
      lang: 'vi-VN',
      description: 'Dịch vụ ký số từ xa thử nghiệm (demo) — không dùng cho văn bản thật',
      authType: ['basic', 'oauth2client', 'oauth2code'],
      oauth2: new URL(c.req.url).origin,
      methods: ['auth/login', 'oauth2/authorize', 'oauth2/token', 'credentials/list', 'credentials/info', 'credentials/authorize', 'credentials/authorizeCheck', 'credentials/sendOTP', 'signatures/signHash', 'signatures/signPolling'],
      signAlgorithms: { algos: ['1.2.840.113549.1.1.11', '1.2.840.113549.1.1.1'] },
      signature_formats: { formats: [] },
      conformance_levels: [],
    }),
  );
  api.post('/auth/login', (c) => {
    const pair = basic(c);
    const user = pair && options.users?.find((u) => u.username === pair[0] && u.password === pair[1]);
    if (!user) return cscError(c, 400, 'authentication_error', 'An error occurred during authentication process');
    const token = random();
    tokens.set(token, { kind: 'user', userID: user.userID });
    return c.json({ access_token: token, expires_in: 3600 });
  });
  // Every other method authenticates before reading its body.
  const requireToken: MiddlewareHandler = async (c, next) => {
    if (!owner(c)) return cscError(c, 401, 'invalid_token', 'The access token is not valid');
    await next();
    return undefined;
  };
  api.use('/credentials/*', requireToken);
  api.use('/signatures/*', requireToken);

  api.post('/credentials/list', async (c) => {
    const who = owner(c)!;
    const body = (await readJson(c)) ?? {};
    if (who.kind === 'user' && body.userID !== undefined) return cscError(c, 400, 'invalid_request', 'userID parameter MUST be null');
    const userID = who.kind === 'user' ? who.userID : body.userID;
    if (typeof userID !== 'string') return cscError(c, 400, 'invalid_request', 'Invalid parameter userID');
    const mine = options.credentials.filter((x) => x.userID === userID);
    return c.json({
      credentialIDs: mine.map((x) => x.credentialID),
      ...(body.credentialInfo === true ? { credentialInfos: mine.map((x) => ({ credentialID: x.credentialID, ...describe(x) })) } : {}),
    });
  });
  api.post('/credentials/info', async (c) => {
    const body = await readJson(c);
    if (!body) return cscError(c, 400, 'invalid_request', 'Malformed JSON');
    const cred = usable(owner(c)!, body.credentialID, c);
    if (cred instanceof Response) return cred;
    return c.json(describe(cred));
  });
  api.post('/credentials/authorize', async (c) => {
    const who = owner(c)!;
    const body = await readJson(c);
    if (!body) return cscError(c, 400, 'invalid_request', 'Malformed JSON');
    const cred = usable(who, body.credentialID, c);
    if (cred instanceof Response) return cred;
    const n = body.numSignatures;
    if (typeof n !== 'number' || !Number.isInteger(n)) return cscError(c, 400, 'invalid_request', 'Missing (or invalid type) integer parameter numSignatures');
    if (n < 1) return cscError(c, 400, 'invalid_request', 'Invalid value for parameter numSignatures');
    if (n > (cred.multisign ?? 10)) return cscError(c, 400, 'invalid_request', 'Numbers of signatures is too high');
    const hashes = Array.isArray(body.hashes) ? body.hashes : undefined;
    if (hashes && (hashes.length !== n || !hashes.every((h) => typeof h === 'string'))) {
      return cscError(c, 400, 'invalid_request', 'The number of hashes differs from numSignatures');
    }
    const hash = typeof body.hashAlgorithmOID === 'string' ? hashFromOid(body.hashAlgorithmOID) : undefined;
    if (hash === 'SHA-1') return cscError(c, 400, 'invalid_request', 'Invalid parameter hashAlgorithmOID');
    const bound = hashes ? new Set(hashes) : undefined;
    if (cred.pin !== undefined) {
      const data = Array.isArray(body.authData) ? (body.authData as { id?: unknown; value?: unknown }[]) : [];
      const value = (id: string): unknown => data.find((d) => d.id === id)?.value;
      if (cred.onlineOtp) {
        const sent = otps.get(cred.credentialID);
        otps.delete(cred.credentialID); // one try per sent code
        if (sent === undefined || value('OTP') !== sent) return cscError(c, 400, 'invalid_otp', 'The OTP is invalid');
      }
      if (value('PIN') !== cred.pin || (cred.otp !== undefined && value('OTP') !== cred.otp)) {
        return cscError(c, 400, 'invalid_authentication_data', 'The authentication data is invalid');
      }
      const sad = random();
      sads.set(sad, { credentialID: cred.credentialID, remaining: n, hashes: bound, expiresAt: Date.now() + (options.sadExpiresInMs ?? 300_000) });
      return c.json({ SAD: sad, expiresIn: Math.round((options.sadExpiresInMs ?? 300_000) / 1000) });
    }
    const handle = random();
    authorizations.set(handle, {
      handle,
      credentialID: cred.credentialID,
      userID: cred.userID,
      numSignatures: n,
      hashes: bound,
      hash: hash ?? 'SHA-256',
      description: typeof body.description === 'string' ? body.description.slice(0, 500) : '',
      createdAt: Date.now(),
      state: 'pending',
    });
    return c.json({ handle }, 202);
  });
  api.post('/credentials/authorizeCheck', async (c) => {
    const body = await readJson(c);
    const auth = typeof body?.handle === 'string' ? authorizations.get(body.handle) : undefined;
    if (!auth || auth.state === 'used') return cscError(c, 400, 'invalid_request', 'Invalid parameter handle');
    const who = owner(c)!;
    if (who.kind === 'user' && who.userID !== auth.userID) return cscError(c, 400, 'invalid_request', 'Invalid parameter handle');
    const age = Date.now() - auth.createdAt;
    if (auth.state === 'pending' && settings.outcome !== 'manual' && age >= settings.afterMs) {
      if (settings.outcome === 'approve') auth.state = 'approved';
      if (settings.outcome === 'reject') auth.state = 'rejected';
    }
    if (auth.state === 'rejected') {
      authorizations.delete(auth.handle);
      return cscError(c, 400, 'access_denied', 'The user rejected the request');
    }
    if (auth.state === 'approved') {
      auth.state = 'used';
      const sad = random();
      sads.set(sad, { credentialID: auth.credentialID, remaining: auth.numSignatures, hashes: auth.hashes, expiresAt: Date.now() + (options.sadExpiresInMs ?? 300_000) });
      return c.json({ SAD: sad, expiresIn: Math.round((options.sadExpiresInMs ?? 300_000) / 1000) });
    }
    if (age >= settings.confirmExpiresInMs || (settings.outcome === 'expire' && age >= settings.afterMs)) {
      authorizations.delete(auth.handle);
      return cscError(c, 400, 'expired_token', 'The authorization expired before it was confirmed');
    }
    return c.json({ handle: auth.handle }, 202);
  });
  api.post('/signatures/signHash', async (c) => {
    const who = owner(c)!;
    const body = await readJson(c);
    if (!body) return cscError(c, 400, 'invalid_request', 'Malformed JSON');
    const cred = usable(who, body.credentialID, c);
    if (cred instanceof Response) return cred;
    const sad = typeof body.SAD === 'string' ? sads.get(body.SAD) : undefined;
    if (typeof body.SAD !== 'string') return cscError(c, 400, 'invalid_request', 'Missing (or invalid type) string parameter SAD');
    if (!sad || sad.credentialID !== cred.credentialID) return cscError(c, 400, 'invalid_request', 'Invalid parameter SAD');
    if (Date.now() > sad.expiresAt) return cscError(c, 400, 'invalid_request', 'SAD expired');
    const hashes = body.hashes;
    if (!Array.isArray(hashes) || hashes.length === 0) return cscError(c, 400, 'invalid_request', 'Missing (or invalid type) array parameter hashes');
    if (hashes.length > sad.remaining) return cscError(c, 400, 'invalid_request', 'Numbers of signatures is too high');
    const algo = body.signAlgo;
    const hash: HashAlgorithm | undefined =
      algo === '1.2.840.113549.1.1.11' ? 'SHA-256' : algo === '1.2.840.113549.1.1.1' && body.hashAlgorithmOID === HASH_OID['SHA-256'] ? 'SHA-256' : undefined;
    if (!hash) return cscError(c, 400, 'invalid_request', 'Invalid parameter signAlgo');
    const digests: Uint8Array[] = [];
    for (const h of hashes) {
      const bytes = typeof h === 'string' ? unb64(h) : undefined;
      if (!bytes) return cscError(c, 400, 'invalid_request', 'Invalid Base64 hash string parameter');
      if (bytes.length !== 32) return cscError(c, 400, 'invalid_request', 'Invalid digest value length');
      if (sad.hashes && !sad.hashes.has(h as string)) return cscError(c, 400, 'invalid_request', 'Hash is not authorized by the SAD');
      digests.push(bytes);
    }
    sad.remaining -= hashes.length;
    if (sad.remaining === 0) sads.delete(body.SAD);
    if (settings.fault === 'garbage') return c.html('<html><body>502 Bad Gateway</body></html>', 200);
    if (settings.fault === 'hang') return new Promise<Response>(() => undefined);
    let key = cred.identity.privateKey;
    if (settings.fault === 'wrong-key') {
      wrongKey ??= crypto.subtle
        .generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])
        .then((k) => k.privateKey);
      key = await wrongKey;
    }
    const signing = Promise.all(digests.map((d) => signDigestRsa(key, hash, d))).then((signatures) => {
      if (settings.fault === 'drop-one') signatures.pop();
      return signatures.map(b64);
    });
    if (body.operationMode === 'A') {
      const responseID = random();
      asyncResults.set(responseID, { credentialID: cred.credentialID, readyAt: Date.now() + (options.asyncSignMs ?? 100), signatures: signing });
      return c.json({ responseID }, 202);
    }
    return c.json({ signatures: await signing });
  });
  api.post('/signatures/signPolling', async (c) => {
    const body = await readJson(c);
    const result = typeof body?.responseID === 'string' ? asyncResults.get(body.responseID) : undefined;
    if (!result) return cscError(c, 400, 'invalid_request', 'Invalid parameter responseID');
    const who = owner(c)!;
    if (who.kind === 'user' && credentialById(result.credentialID)?.userID !== who.userID) return cscError(c, 400, 'invalid_request', 'Invalid parameter responseID');
    if (Date.now() < result.readyAt) return c.json({ responseID: body!.responseID }, 202);
    asyncResults.delete(body!.responseID as string);
    return c.json({ signatures: await result.signatures });
  });
  api.post('/credentials/sendOTP', async (c) => {
    const body = await readJson(c);
    if (!body) return cscError(c, 400, 'invalid_request', 'Malformed JSON');
    const cred = usable(owner(c)!, body.credentialID, c);
    if (cred instanceof Response) return cred;
    if (!cred.onlineOtp) return cscError(c, 400, 'invalid_request', 'The credential has no online OTP');
    otps.set(cred.credentialID, String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0'));
    return c.body(null, 204);
  });
  app.route('/csc/v2', api);

  // The stand-in for the signer's phone (DEMO, labelled as such). Links are relative, so the page works wherever the
  // mock is mounted (e.g. `/demo/signing/phone` on the office server); `?user=<userID>` shows one signer's requests.
  app.get('/phone', (c) => {
    const user = c.req.query('user');
    const keep = user ? `?user=${encodeURIComponent(user)}` : '';
    const list = pendingList().filter((p) => !user || p.userID === user);
    const rows = list
      .map(
        (p) => `<li><p><strong>${esc(options.credentials.find((x) => x.credentialID === p.credentialID)?.description ?? p.credentialID)}</strong> — ${p.numSignatures} chữ ký / signature(s)${p.description ? ` — ${esc(p.description)}` : ''}</p>
<form method="post" action="phone/${encodeURIComponent(p.handle)}/approve${keep}"><button>Đồng ý ký (approve)</button></form>
<form method="post" action="phone/${encodeURIComponent(p.handle)}/reject${keep}"><button>Từ chối (reject)</button></form></li>`,
      )
      .join('\n');
    return c.html(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Điện thoại thử nghiệm (DEMO) — xác nhận ký số</title></head>
<body><main><h1>Điện thoại thử nghiệm — DEMO</h1><p role="note"><strong>Chỉ dùng cho bản trình diễn: trang này đứng thay ứng dụng ký số trên điện thoại. / Demo only: this page stands in for the signing app on the phone.</strong></p><p>Yêu cầu ký đang chờ xác nhận / Requests waiting for confirmation:</p><ul>${rows || '<li>Không có yêu cầu nào. / No request.</li>'}</ul><p><a href="phone${keep}">Làm mới / Refresh</a></p></main></body></html>`);
  });
  app.get('/phone/pending', (c) => {
    const user = c.req.query('user');
    return c.json(
      pendingList()
        .filter((p) => !user || p.userID === user)
        .map((p) => ({ handle: p.handle, credentialID: p.credentialID, numSignatures: p.numSignatures, description: p.description })),
    );
  });
  app.post('/phone/:handle/:action{approve|reject}', (c) => {
    const ok = c.req.param('action') === 'approve' ? approve(c.req.param('handle')) : reject(c.req.param('handle'));
    const user = c.req.query('user');
    // Relative: from …/phone/<handle>/<action> back to …/phone.
    return ok ? c.redirect(`../../phone${user ? `?user=${encodeURIComponent(user)}` : ''}`, 303) : c.text('Không có yêu cầu này / No such request', 404);
  });

  function pendingList(): CscMockPending[] {
    return [...authorizations.values()]
      .filter((a) => a.state === 'pending' && Date.now() - a.createdAt < settings.confirmExpiresInMs)
      .map((a) => ({ handle: a.handle, credentialID: a.credentialID, userID: a.userID, numSignatures: a.numSignatures, description: a.description, createdAt: a.createdAt }));
  }
  function decide(handle: string | undefined, state: 'approved' | 'rejected'): boolean {
    const target = handle ? authorizations.get(handle) : [...authorizations.values()].find((a) => a.state === 'pending');
    if (!target || target.state !== 'pending') return false;
    target.state = state;
    return true;
  }
  const approve = (handle?: string): boolean => decide(handle, 'approved');
  const reject = (handle?: string): boolean => decide(handle, 'rejected');

  return {
    app,
    requests,
    pending: pendingList,
    approve,
    reject,
    sentOtp: (credentialID) => otps.get(credentialID),
    configure(change) {
      Object.assign(settings, change);
    },
  };
}
