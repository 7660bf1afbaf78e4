/** WebCrypto helpers: digests and signature verification from a certificate's public key. */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { toArrayBuffer } from '../pdf/bytes.js';
import { CURVES, OID, type HashAlgorithm } from './oids.js';

export async function digest(hash: HashAlgorithm | 'SHA-1', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, data as Uint8Array<ArrayBuffer>));
}

export type KeyKind = 'RSA' | 'ECDSA';

export function keyKind(cert: pkijs.Certificate): KeyKind | undefined {
  const oid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  return oid === OID.rsaEncryption ? 'RSA' : oid === OID.ecPublicKey ? 'ECDSA' : undefined;
}

function curveOf(cert: pkijs.Certificate): string | undefined {
  const params = cert.subjectPublicKeyInfo.algorithm.algorithmParams as unknown;
  return params instanceof asn1js.ObjectIdentifier ? CURVES[params.valueBlock.toString()] : undefined;
}

export function curveSize(curve: string): number {
  return curve === 'P-256' ? 32 : curve === 'P-384' ? 48 : 66;
}

/** DER ECDSA-Sig-Value → IEEE P1363 r||s. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return undefined;
  const [r, s] = parsed.result.valueBlock.value;
  if (!(r instanceof asn1js.Integer) || !(s instanceof asn1js.Integer)) return undefined;
  const out = new Uint8Array(size * 2);
  const put = (int: asn1js.Integer, at: number): boolean => {
    let v = new Uint8Array(int.valueBlock.valueHexView);
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    if (v.length > size) return false;
    out.set(v, at + size - v.length);
    return true;
  };
  return put(r, 0) && put(s, size) ? out : undefined;
}

/** IEEE P1363 r||s → DER ECDSA-Sig-Value (what CMS carries). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (v: Uint8Array): asn1js.Integer => {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    let b = v.subarray(i);
    if (b[0]! & 0x80) b = Uint8Array.from([0, ...b]);
    return new asn1js.Integer({ valueHex: toArrayBuffer(b) });
  };
  return new Uint8Array(new asn1js.Sequence({ value: [int(raw.subarray(0, half)), int(raw.subarray(half))] }).toBER(false));
}

/** Verifies `signature` (CMS form) over `data` with the certificate's key. */
export async function verifyWithCertificate(
  cert: pkijs.Certificate,
  hash: HashAlgorithm | 'SHA-1',
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const spki = cert.subjectPublicKeyInfo.toSchema().toBER(false);
  const kind = keyKind(cert);
  try {
    if (kind === 'RSA') {
      const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
      return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
    }
    if (kind === 'ECDSA') {
      const curve = curveOf(cert);
      if (!curve) return false;
      const raw = ecdsaDerToRaw(signature, curveSize(curve));
      if (!raw) return false;
      const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'ECDSA', hash }, key, raw as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
    }
  } catch {
    return false;
  }
  return false;
}

/**
 * Digest of bytes [0,a) ∪ [b,end). When the second range fits in the gap it is copied there for one contiguous
 * digest call and the gap is restored in the same synchronous turn (WebCrypto copies its input when called, before
 * returning the promise), so no second copy of a large file is made and no other code can observe the change.
 */
export async function digestRanges(bytes: Uint8Array, a: number, b: number, end: number, hash: HashAlgorithm | 'SHA-1'): Promise<Uint8Array> {
  const tail = end - b;
  if (tail <= b - a) {
    const saved = bytes.slice(a, a + tail);
    bytes.copyWithin(a, b, end);
    let pending: Promise<ArrayBuffer>;
    try {
      pending = crypto.subtle.digest(hash, bytes.subarray(0, a + tail) as Uint8Array<ArrayBuffer>);
    } finally {
      bytes.set(saved, a);
    }
    return new Uint8Array(await pending);
  }
  const joined = new Uint8Array(a + tail);
  joined.set(bytes.subarray(0, a));
  joined.set(bytes.subarray(b, end), a);
  return digest(hash, joined);
}
