/** WebCrypto helpers: digests and signature verification from a certificate's public key. */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { concatBytes, toArrayBuffer } from '../pdf/bytes.js';
import { CURVES, OID, type HashAlgorithm } from './oids.js';

/** A digest: with node:crypto on this thread (no thread-pool round trip for small inputs), else WebCrypto. */
export async function digest(hash: HashAlgorithm | 'SHA-1', data: Uint8Array): Promise<Uint8Array> {
  const node = nodeCrypto();
  if (node) return new Uint8Array(node.createHash(NODE_HASH_NAMES[hash]).update(data).digest());
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

/** Imported public keys per certificate and algorithm (certificates come from the shared certificate cache). */
const publicKeys = new WeakMap<pkijs.Certificate, Map<string, Promise<CryptoKey>>>();

function publicKey(cert: pkijs.Certificate, algorithm: RsaHashedImportParams | EcKeyImportParams): Promise<CryptoKey> {
  let byAlg = publicKeys.get(cert);
  if (!byAlg) publicKeys.set(cert, (byAlg = new Map<string, Promise<CryptoKey>>()));
  const id = JSON.stringify(algorithm);
  let key = byAlg.get(id);
  if (!key) {
    const spki = cert.subjectPublicKeyInfo.toSchema().toBER(false);
    key = crypto.subtle.importKey('spki', spki, algorithm, false, ['verify']);
    byAlg.set(id, key);
    key.catch(() => byAlg.delete(id));
  }
  return key;
}

/** node:crypto public keys per certificate (parsed once from the SPKI). */
const nodePublicKeys = new WeakMap<pkijs.Certificate, unknown>();

/**
 * Verifies `signature` (CMS form) over `data` with the certificate's key. With node:crypto the check is synchronous
 * (an RSA or ECDSA verification takes tens of microseconds; WebCrypto's thread-pool round trip took longer, and
 * handed the event loop to whatever task was waiting); in browsers WebCrypto.
 */
export async function verifyWithCertificate(
  cert: pkijs.Certificate,
  hash: HashAlgorithm | 'SHA-1',
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const kind = keyKind(cert);
  if (!kind) return false;
  const node = nodeCrypto();
  if (node) {
    try {
      let key = nodePublicKeys.get(cert);
      if (key === undefined) {
        key = node.createPublicKey({ key: new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' });
        nodePublicKeys.set(cert, key);
      }
      // CMS carries ECDSA signatures as DER, which is node:crypto's default form.
      return node.verify(NODE_HASH_NAMES[hash], data, key, signature);
    } catch {
      return false;
    }
  }
  try {
    if (kind === 'RSA') {
      const key = await publicKey(cert, { name: 'RSASSA-PKCS1-v1_5', hash });
      return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
    }
    const curve = curveOf(cert);
    if (!curve) return false;
    const raw = ecdsaDerToRaw(signature, curveSize(curve));
    if (!raw) return false;
    const key = await publicKey(cert, { name: 'ECDSA', namedCurve: curve });
    return await crypto.subtle.verify({ name: 'ECDSA', hash }, key, raw as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}
interface NodeCrypto {
  createHash(algorithm: string): NodeHash;
  createPublicKey(options: { key: Uint8Array; format: 'der'; type: 'spki' }): unknown;
  verify(algorithm: string, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
}
let nodeModule: NodeCrypto | null | undefined;

/**
 * node:crypto where the runtime has it (Node ≥ 20.16, Bun, Deno), found through `process.getBuiltinModule` so no
 * import statement reaches browser bundles; `null` in browsers.
 */
function nodeCrypto(): NodeCrypto | null {
  if (nodeModule === undefined) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    try {
      nodeModule = (proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined) ?? null;
    } catch {
      nodeModule = null;
    }
  }
  return nodeModule;
}

/**
 * True where digests of large inputs are computed in place on the calling thread (node:crypto): such a digest blocks
 * until it is done, so callers start their other asynchronous work (signature checks) before it.
 */
export function hashesInPlace(): boolean {
  return nodeCrypto() !== null;
}

const NODE_HASH_NAMES: Record<HashAlgorithm | 'SHA-1', string> = {
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};
/** Most bytes hashed without yielding to the event loop (node:crypto hashes on the calling thread). */
const SLICE = 16 * 1024 * 1024;

/** Calls `each` over [from, to) in pieces of `size` bytes, yielding to the event loop after every SLICE bytes. */
async function inPieces(from: number, to: number, size: number, each: (start: number, end: number) => void): Promise<void> {
  let sinceYield = 0;
  for (let at = from; at < to; at += size) {
    const end = Math.min(to, at + size);
    each(at, end);
    sinceYield += end - at;
    if (sinceYield >= SLICE && end < to) {
      sinceYield = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

/**
 * Digest of bytes [0,a) ∪ [b,end).
 *
 * - `inPlace`: with node:crypto the two ranges are hashed where they lie, on the calling thread, in slices that
 *   yield to the event loop, so no copy of a large file is made at all. WebCrypto copies its input (the
 *   specification requires it), which costs as much as a second pass over the file.
 * - Otherwise, and in browsers, WebCrypto runs the hash off the main thread. When the second range fits in the gap
 *   it is copied there for one contiguous digest call and the gap is restored in the same synchronous turn
 *   (WebCrypto copies its input when called, before returning the promise), so no second copy is made and no other
 *   code can observe the change.
 */
export async function digestRanges(
  bytes: Uint8Array,
  a: number,
  b: number,
  end: number,
  hash: HashAlgorithm | 'SHA-1',
  options: { inPlace?: boolean } = {},
): Promise<Uint8Array> {
  const node = options.inPlace ? nodeCrypto() : null;
  if (node) {
    const h = node.createHash(NODE_HASH_NAMES[hash]);
    for (const [from, to] of [[0, a], [b, end]] as const) await inPieces(from, to, SLICE, (s, e) => h.update(bytes.subarray(s, e)));
    return new Uint8Array(h.digest());
  }
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

/**
 * The signed output (`input` then `update`) and the digest of its bytes [0,a) ∪ [b,end), where the /Contents hole
 * [a,b) lies in `update`. With node:crypto each slice of the input is hashed right after it is copied, while it is
 * still in the processor's cache: one pass over the file instead of two, and no copy for the digest.
 * Elsewhere the output is assembled, then hashed with WebCrypto (`digestRanges`).
 */
export async function joinAndDigest(
  input: Uint8Array,
  update: Uint8Array,
  a: number,
  b: number,
  hash: HashAlgorithm | 'SHA-1',
): Promise<{ bytes: Uint8Array; digest: Uint8Array }> {
  const node = nodeCrypto();
  if (!node || a < input.length) {
    const out = concatBytes([input, update]);
    return { bytes: out, digest: await digestRanges(out, a, b, out.length, hash, { inPlace: true }) };
  }
  const h = node.createHash(NODE_HASH_NAMES[hash]);
  const out = new Uint8Array(input.length + update.length);
  await inPieces(0, input.length, 256 * 1024, (s, e) => {
    const piece = input.subarray(s, e);
    out.set(piece, s);
    h.update(piece);
  });
  out.set(update, input.length);
  h.update(out.subarray(input.length, a));
  h.update(out.subarray(b));
  return { bytes: out, digest: new Uint8Array(h.digest()) };
}
