// @egov-vn/office-server/testing — an identity provider for tests and labelled demos: a key pair, its JWKS, and
// tokens with the claims the office server reads. Never for production: a real portal's provider issues the tokens.
import type { Role } from '@egov-vn/office-api';
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import { DEFAULT_CLAIMS } from './auth.js';

export interface TestUser {
  id: string;
  name: string;
  agency: string;
  roles: Role[];
  title?: string;
}

export interface IssueOptions {
  /** Lifetime (jose syntax, default '10m'), or an absolute expiry in seconds since the epoch. */
  expiresIn?: string | number;
  /** Not valid before (seconds since the epoch). */
  notBefore?: number;
  issuer?: string;
  audience?: string;
  /** Extra or overriding claims. */
  claims?: Record<string, unknown>;
}

export interface TestIdentityProvider {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  /** A signed token for a user (RS256, kid `egov-test-1`). */
  issue(user: TestUser, options?: IssueOptions): Promise<string>;
}

/** A provider with a fresh RSA key pair (the private key never leaves this object). */
export async function createTestIdentityProvider(options: { issuer: string; audience: string; kid?: string }): Promise<TestIdentityProvider> {
  const kid = options.kid ?? 'egov-test-1';
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    issuer: options.issuer,
    audience: options.audience,
    jwks: { keys: [jwk] },
    async issue(user, o = {}) {
      const jwt = new SignJWT({
        [DEFAULT_CLAIMS.name]: user.name,
        [DEFAULT_CLAIMS.agency]: user.agency,
        [DEFAULT_CLAIMS.roles]: user.roles,
        ...(user.title ? { [DEFAULT_CLAIMS.title]: user.title } : {}),
        ...o.claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(o.issuer ?? options.issuer)
        .setAudience(o.audience ?? options.audience)
        .setIssuedAt()
        .setExpirationTime(o.expiresIn ?? '10m');
      if (o.notBefore !== undefined) jwt.setNotBefore(o.notBefore);
      return jwt.sign(privateKey);
    },
  };
}
