/**
 * RSA PKCS#1 v1.5 signing of a precomputed digest (RFC 8017 §9.2 EMSA-PKCS1-v1_5, then RSASP1 with the CRT), for the
 * test services that receive hashes, not data (WebCrypto only signs data it hashes itself). Test and demo use only:
 * BigInt arithmetic is not constant-time.
 */
import type { HashAlgorithm } from '../cms/oids.js';

const DIGEST_INFO_PREFIX: Record<HashAlgorithm, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

const fromB64u = (s: string): bigint => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '='));
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return BigInt(`0x${hex || '0'}`);
};

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

const keys = new WeakMap<CryptoKey, Promise<JsonWebKey>>();

/** The PKCS#1 v1.5 signature of `hashValue` (already a digest made with `hash`) with an extractable RSA key. */
export async function signDigestRsa(privateKey: CryptoKey, hash: HashAlgorithm, hashValue: Uint8Array): Promise<Uint8Array> {
  let jwkPromise = keys.get(privateKey);
  if (!jwkPromise) {
    jwkPromise = crypto.subtle.exportKey('jwk', privateKey);
    keys.set(privateKey, jwkPromise);
  }
  const jwk = await jwkPromise;
  const n = fromB64u(jwk.n!);
  const k = Math.ceil(n.toString(16).length / 2);
  const t = DIGEST_INFO_PREFIX[hash] + Array.from(hashValue, (b) => b.toString(16).padStart(2, '0')).join('');
  const psLength = k - t.length / 2 - 3;
  if (psLength < 8) throw new Error('RSA key too short for this digest');
  const em = BigInt(`0x0001${'ff'.repeat(psLength)}00${t}`);
  const p = fromB64u(jwk.p!);
  const q = fromB64u(jwk.q!);
  const dp = fromB64u(jwk.dp!);
  const dq = fromB64u(jwk.dq!);
  const qi = fromB64u(jwk.qi!);
  const m1 = modPow(em, dp, p);
  const m2 = modPow(em, dq, q);
  const h = (qi * (((m1 - m2) % p) + p)) % p;
  const s = m2 + h * q;
  const hex = s.toString(16).padStart(k * 2, '0');
  return Uint8Array.from(hex.match(/../g)!, (x) => parseInt(x, 16));
}
