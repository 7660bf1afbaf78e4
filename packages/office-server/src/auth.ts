// Who is calling: a bearer JWT of the host portal's identity provider, checked against its JWKS (issuer, audience,
// expiry and not-before with a clock tolerance; asymmetric algorithms only), or a session callback of the host.
import { ROLES, type Role } from '@egov-vn/office-api';
import { foldForSearch } from '@egov-vn/schemas';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { OfficeError } from './errors.js';

/** The user of a request, as the server sees it. */
export interface SessionUser {
  /** Stable id: the token subject. */
  id: string;
  name: string;
  /** Mã định danh of the user's agency. */
  agency: string;
  roles: Role[];
  title?: string | null;
  email?: string | null;
}

/** Which claims carry what (defaults in `DEFAULT_CLAIMS`), and how role values map to roles. */
export interface ClaimMapping {
  agency?: string;
  roles?: string;
  name?: string;
  title?: string;
  email?: string;
  /** Extra role values of the provider (e.g. `{ "ROLE_CLERK": "vanThu" }`), besides the built-in names. */
  roleValues?: Record<string, Role>;
}

export const DEFAULT_CLAIMS = {
  agency: 'egov_agency',
  roles: 'egov_roles',
  name: 'name',
  title: 'egov_title',
  email: 'email',
} as const;

export interface JwtAuthOptions {
  issuer: string;
  audience: string;
  /** The provider's JWKS URL (fetched and cached by jose), or … */
  jwksUrl?: string;
  /** … the key set itself. */
  jwks?: JSONWebKeySet;
  /** Accepted clock skew in seconds for exp/nbf/iat (default 60). */
  clockToleranceSec?: number;
  /** Accepted algorithms (default RS256, PS256, ES256, EdDSA: never `none`, never a symmetric one). */
  algorithms?: string[];
  claims?: ClaimMapping;
}

/** Reads the user of a request; answers null when the request carries no credentials. */
export type Authenticate = (request: Request) => Promise<SessionUser | null>;

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** `vanThu`, `van_thu`, `văn thư`, `VAN-THU` → vanThu; provider values through `roleValues`. */
export function roleOf(value: unknown, extra: Record<string, Role> = {}): Role | undefined {
  if (typeof value !== 'string') return undefined;
  if (value in extra) return extra[value];
  const key = foldForSearch(value).replace(/[\s_.-]/g, '');
  return ROLES.find((r) => r.toLowerCase() === key);
}

function unauthenticated(reason: string): OfficeError {
  return new OfficeError('UNAUTHENTICATED', { reason });
}

/** The user from verified claims through the mapping; refuses a token without subject, agency or known role. */
export function userFromClaims(payload: JWTPayload, mapping: ClaimMapping = {}): SessionUser {
  const m = { ...DEFAULT_CLAIMS, ...mapping };
  const claim = (name: string): unknown => (payload as Record<string, unknown>)[name];
  if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('no-subject');
  const agency = claim(m.agency);
  if (typeof agency !== 'string' || agency === '') throw unauthenticated('no-agency');
  const raw = claim(m.roles);
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const roles = [...new Set(values.map((v) => roleOf(v, mapping.roleValues)).filter((r): r is Role => r !== undefined))];
  const name = claim(m.name);
  const title = claim(m.title);
  const email = claim(m.email);
  return {
    id: payload.sub,
    name: typeof name === 'string' && name !== '' ? name : payload.sub,
    agency,
    roles,
    title: typeof title === 'string' ? title : null,
    email: typeof email === 'string' ? email : null,
  };
}

/** The bearer token of a request, or null; a malformed Authorization header is refused. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!m?.[1]) throw unauthenticated('malformed-authorization');
  if (m[1].length > 16_384) throw unauthenticated('token-too-large');
  return m[1];
}

/** An authenticator of bearer JWTs against the provider's JWKS. */
export function jwtAuthenticator(options: JwtAuthOptions): Authenticate {
  if (!options.jwks && !options.jwksUrl) throw new Error('jwtAuthenticator: jwks or jwksUrl is required');
  const algorithms = (options.algorithms ?? ['RS256', 'PS256', 'ES256', 'EdDSA']).filter((a) => ASYMMETRIC.includes(a));
  if (algorithms.length === 0) throw new Error('jwtAuthenticator: only asymmetric algorithms are accepted');
  const keys = options.jwks ? createLocalJWKSet(options.jwks) : createRemoteJWKSet(new URL(options.jwksUrl ?? ''));
  return async (request) => {
    const token = bearerToken(request);
    if (token === null) return null;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance: options.clockToleranceSec ?? 60,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      throw unauthenticated(reasonOf(e));
    }
    return userFromClaims(payload, options.claims);
  };
}

function reasonOf(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return 'expired';
  if (e instanceof joseErrors.JWTClaimValidationFailed) return `claim:${e.claim}`;
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm';
  if (e instanceof joseErrors.JWKSNoMatchingKey) return 'no-matching-key';
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature';
  if (e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JWTInvalid) return 'malformed';
  return 'invalid';
}
