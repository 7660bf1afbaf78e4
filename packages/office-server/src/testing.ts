// @egov-vn/office-server/testing — an identity provider for tests and labelled demos: a key pair, its JWKS, and
// tokens with the claims the office server reads; PDFs signed as a leader and sealed as an agency on a demo PKI.
// Never for production: a real portal's provider issues the tokens, a real CA the certificates.
import type { Role } from '@egov-vn/office-api';
import { signPdf } from '@egov-vn/pdf-signature';
import { createDemoPki, type DemoPki, toPem } from '@egov-vn/pdf-signature/testing';
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
  /** A signed token for a user (RS256, kid `egov-test-1`, a fresh `jti` each time). */
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
        // a token id, as identity providers give: two tokens issued in the same second differ
        .setJti(crypto.randomUUID())
        .setExpirationTime(o.expiresIn ?? '10m');
      if (o.notBefore !== undefined) jwt.setNotBefore(o.notBefore);
      return jwt.sign(privateKey);
    },
  };
}

/** PDFs signed the way the office's users sign them, on a demo PKI (tests and labelled demos only). */
export interface SigningFixtures {
  /** The demo root CA (PEM): give it as `signatures.trustAnchors`. */
  trustAnchors: string[];
  /** A small valid one-page PDF (ASCII text), as a document renderer would give. */
  samplePdf(text: string): Uint8Array;
  /** Signs as the leader, with a person's certificate (ký). */
  signAsLeader(pdf: Uint8Array): Promise<Uint8Array>;
  /** Signs as the agency, with its organisation certificate (đóng dấu). */
  sealAsAgency(pdf: Uint8Array): Promise<Uint8Array>;
  /** The demo PKI (root, intermediate, the leader `signer`, the agency `seal`). */
  pki: DemoPki;
}

/**
 * A fresh demo PKI and helpers to make the PDFs the leader signs and the clerk seals. ECDSA P-256 keys by default
 * (made in milliseconds; RSA 2048 key generation costs seconds on a loaded machine).
 */
export async function createSigningFixtures(prefix = 'Office test', keyAlgorithm: 'ECDSA' | 'RSA' = 'ECDSA'): Promise<SigningFixtures> {
  const pki = await createDemoPki({ prefix, keyAlgorithm });
  return {
    trustAnchors: [toPem(pki.root.der)],
    samplePdf: minimalPdf,
    signAsLeader: (pdf) => signPdf(pdf, { signer: pki.signerFor(pki.signer), fieldName: 'LanhDaoKy', reason: 'Ký ban hành' }),
    sealAsAgency: (pdf) => signPdf(pdf, { signer: pki.signerFor(pki.seal), fieldName: 'DongDau', reason: 'Đóng dấu' }),
    pki,
  };
}

/** A small valid one-page PDF with an xref table (text folded to ASCII). */
export function minimalPdf(text: string): Uint8Array {
  const ascii = text.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 770 Td (${ascii}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
