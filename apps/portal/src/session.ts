// The portal's session with the agency's identity provider. DEMO: the office server's demo identity provider
// (`/demo/idp`, reached through the portal's origin) issues short-lived RS256 tokens for its demo users; a real portal
// signs in with its own provider (OIDC) and gives the office features the same `getToken`. The token is the only
// credential the browser holds: no exchange secret, no signing key.

/** A demo user of the office server's demo identity provider (apps/office-server/src/demo.ts). */
export interface DemoUser {
  id: string;
  agency: string;
  agencyName: string;
  roleLabel: { vi: string; en: string };
}

const DEMO_AGENCIES = [
  { key: 'vp', code: '000.00.01.H49', name: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh' },
  { key: 'snv', code: '000.00.02.H49', name: 'Sở Nội vụ tỉnh Quảng Ninh' },
  { key: 'stc', code: '000.00.03.H49', name: 'Sở Tài chính tỉnh Quảng Ninh' },
];

const DEMO_ROLES = [
  { key: 'vanthu', label: { vi: 'Văn thư', en: 'Clerk (văn thư)' } },
  { key: 'lanhdao', label: { vi: 'Lãnh đạo', en: 'Leader (lãnh đạo)' } },
  { key: 'chuyenvien', label: { vi: 'Chuyên viên', en: 'Officer (chuyên viên)' } },
  { key: 'quantri', label: { vi: 'Quản trị', en: 'Administrator (quản trị)' } },
];

/** DEMO: one user per agency and role (`snv.vanthu`, `stc.lanhdao`, …), as the demo identity provider has them. */
export const demoUsers: DemoUser[] = DEMO_AGENCIES.flatMap((a) =>
  DEMO_ROLES.map((r) => ({ id: `${a.key}.${r.key}`, agency: a.code, agencyName: a.name, roleLabel: r.label })),
);

/** The claims the portal reads from its own token (the office server checks the token again, with the JWKS). */
export interface TokenClaims {
  sub: string;
  exp: number;
  name?: string;
}

interface Stored {
  token: string;
  claims: TokenClaims;
}

const KEY = 'egov-portal:session';
/** Ask for a new token this long before the old one expires. */
const MARGIN_S = 20;

/** The payload of a JWT, without checking it (the office server checks it; the portal only reads sub and exp). */
export function readClaims(token: string): TokenClaims | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Partial<TokenClaims>;
    return typeof claims.sub === 'string' && typeof claims.exp === 'number' ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

let current: Stored | undefined;
let pending: Promise<string> | undefined;

function load(): Stored | undefined {
  if (current) return current;
  try {
    const raw = sessionStorage.getItem(KEY);
    const token = raw ? (JSON.parse(raw) as { token?: unknown }).token : undefined;
    const claims = typeof token === 'string' ? readClaims(token) : undefined;
    if (typeof token === 'string' && claims) current = { token, claims };
  } catch {
    // a broken entry is no session
  }
  return current;
}

function keep(token: string): Stored {
  const claims = readClaims(token);
  if (!claims) throw new Error('Mã đăng nhập không hợp lệ / invalid token');
  current = { token, claims };
  sessionStorage.setItem(KEY, JSON.stringify({ token }));
  return current;
}

/** DEMO: asks the demo identity provider for a token of `userId` (POST /demo/idp/token). */
export async function login(userId: string): Promise<TokenClaims> {
  const res = await fetch('/demo/idp/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: userId }),
  });
  if (!res.ok) throw new Error(`Đăng nhập không thành công (${res.status}) / sign-in failed (${res.status})`);
  const body = (await res.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('Đăng nhập không thành công / sign-in failed');
  return keep(body.access_token).claims;
}

/**
 * Takes the token the identity provider's login page sent back (`#access_token=…&token_type=Bearer`), if the URL has
 * one, and removes it from the address bar.
 */
export function takeRedirectToken(): boolean {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash.startsWith('access_token=')) return false;
  const token = new URLSearchParams(hash).get('access_token');
  if (!token || !readClaims(token)) return false;
  keep(token);
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/incoming`);
  return true;
}

/** The login page of the identity provider, coming back to this page. */
export function providerLoginUrl(): string {
  return `/demo/idp/login?redirect_uri=${encodeURIComponent(`${window.location.origin}${window.location.pathname}`)}`;
}

/** Who is signed in (from the token), or nothing. */
export function signedIn(): TokenClaims | undefined {
  return load()?.claims;
}

export function logout(): void {
  current = undefined;
  sessionStorage.removeItem(KEY);
}

/**
 * The host's `getToken` for the office features: the kept token while it has more than 20 s left; otherwise a new one
 * (DEMO: the demo provider signs the same user in again; a real portal refreshes its OIDC session here).
 */
export function getToken(): Promise<string> {
  const s = load();
  if (!s) return Promise.reject(new Error('Chưa đăng nhập / not signed in'));
  if (s.claims.exp - Date.now() / 1000 > MARGIN_S) return Promise.resolve(s.token);
  pending ??= login(s.claims.sub)
    .then(() => current!.token)
    .finally(() => (pending = undefined));
  return pending;
}
