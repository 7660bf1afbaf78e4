/**
 * Parsed certificates by their DER bytes. An agency verifies many documents from the same signers and CAs, and a
 * signer signs many documents with one chain; parsing a certificate with pkijs costs more than hashing a small PDF,
 * so each distinct certificate is parsed once. Parsed certificates are only read, never changed, so sharing them is
 * safe. A small least-recently-used bound keeps memory flat.
 */
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../pdf/bytes.js';
import { digest } from './crypto.js';
import type { HashAlgorithm } from './oids.js';

const LIMIT = 256;
const cache = new Map<string, pkijs.Certificate>();
const encodings = new WeakMap<pkijs.Certificate, Uint8Array>();

/**
 * One string per DER, decoded natively: windows-1252 as WHATWG defines it (what 'latin1' means to TextDecoder) maps
 * each of the 256 byte values to its own code point, so distinct bytes give distinct keys.
 */
const latin1 = new TextDecoder('latin1');
const keyOf = (der: Uint8Array): string => latin1.decode(der);

/** The certificate encoded by `der` (throws what pkijs throws on bad input; callers turn it into their error). */
export function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  const key = keyOf(der);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
  cache.set(key, cert);
  encodings.set(cert, der.slice());
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return cert;
}

/** The DER bytes of a certificate: the bytes it was parsed from when it came through the cache. */
export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return encodings.get(cert) ?? new Uint8Array(cert.toSchema().toBER(false));
}

const digests = new WeakMap<pkijs.Certificate, Partial<Record<HashAlgorithm | 'SHA-1', Promise<Uint8Array>>>>();

/**
 * The digest of a certificate's DER (signing-certificate attributes), kept per certificate and algorithm: a signer
 * signs, and a verifier checks, many documents with the same certificate.
 */
export function certificateDigest(cert: pkijs.Certificate, hash: HashAlgorithm | 'SHA-1', der = certificateDer(cert)): Promise<Uint8Array> {
  let byHash = digests.get(cert);
  if (!byHash) digests.set(cert, (byHash = {}));
  return (byHash[hash] ??= digest(hash, der));
}
