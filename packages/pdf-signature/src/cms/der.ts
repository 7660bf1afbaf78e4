/**
 * A minimal DER walker for the outer layers of a CMS ContentInfo(SignedData): enough to take the certificates out
 * before asn1js decodes the rest, and to put them back as they are when encoding. asn1js decodes (and pkijs
 * re-encodes) every element of a certificate, which is most of the cost of reading and writing a signature.
 */
import { concatBytes } from '../pdf/bytes.js';

interface Tlv {
  /** Identifier octet (single-byte tags only). */
  readonly id: number;
  readonly start: number;
  /** Where the contents start. */
  readonly body: number;
  readonly end: number;
}

/** One DER element at `at` (definite length, single-byte tag), or undefined for anything else. */
function tlv(b: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const id = b[at]!;
  if ((id & 0x1f) === 0x1f) return undefined;
  let len = b[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i]!;
    body += n;
  }
  const end = body + len;
  return end <= limit ? { id, start: at, body, end } : undefined;
}

function children(b: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let at = parent.body; at < parent.end; ) {
    const t = tlv(b, at, parent.end);
    if (!t) return undefined;
    out.push(t);
    at = t.end;
  }
  return out;
}

function element(id: number, parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const head: number[] = [id];
  if (length < 0x80) head.push(length);
  else {
    const bytes: number[] = [];
    for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    head.push(0x80 | bytes.length, ...bytes);
  }
  return concatBytes([Uint8Array.from(head), ...parts]);
}

/** The SignedData items of a DER ContentInfo, or undefined when it is not that plain shape. */
function signedDataItems(b: Uint8Array): { oid: Uint8Array; items: Tlv[] } | undefined {
  const ci = tlv(b, 0, b.length);
  if (ci?.id !== 0x30) return undefined;
  const [oid, explicit] = children(b, ci) ?? [];
  if (oid?.id !== 0x06 || explicit?.id !== 0xa0) return undefined;
  const [sd, ...more] = children(b, explicit) ?? [];
  if (sd?.id !== 0x30 || more.length > 0) return undefined;
  const items = children(b, sd);
  return items && { oid: b.subarray(oid.start, oid.end), items };
}

function contentInfo(oid: Uint8Array, signedData: readonly Uint8Array[]): Uint8Array {
  return element(0x30, [oid, element(0xa0, [element(0x30, signedData)])]);
}

/**
 * Puts certificates (DER, as they are) into a DER ContentInfo(SignedData) that has none, at their place after
 * encapContentInfo. Undefined when the bytes are not that shape.
 */
export function insertCertificates(b: Uint8Array, certificates: readonly Uint8Array[]): Uint8Array | undefined {
  const sd = signedDataItems(b);
  if (!sd || sd.items.length < 4 || sd.items.some((t) => t.id === 0xa0)) return undefined;
  const parts = sd.items.map((t) => b.subarray(t.start, t.end));
  parts.splice(3, 0, element(0xa0, certificates));
  return contentInfo(sd.oid, parts);
}

/** The DER of each part of a ContentInfo(SignedData), for reading the parts one by one. */
export interface SignedDataParts {
  /** The ContentInfo's contentType (an OBJECT IDENTIFIER element). */
  readonly contentType: Uint8Array;
  readonly version: Uint8Array;
  readonly digestAlgorithms: Uint8Array[];
  readonly encapContentInfo: Uint8Array;
  readonly certificates: Uint8Array[];
  readonly signerInfos: Uint8Array[];
}

/**
 * The parts of a plain DER ContentInfo(SignedData): version, digest algorithms, encapsulated content, plain X.509
 * certificates and signer infos. Undefined for anything else (BER, CRLs or other certificate choices present, extra
 * elements): read such bytes whole.
 */
export function signedDataParts(b: Uint8Array): SignedDataParts | undefined {
  const sd = signedDataItems(b);
  if (!sd) return undefined;
  const items = [...sd.items];
  const [version, algs, encap] = items.splice(0, 3);
  const signerSet = items.pop();
  if (version?.id !== 0x02 || algs?.id !== 0x31 || encap?.id !== 0x30 || signerSet?.id !== 0x31) return undefined;
  let certificates: Uint8Array[] = [];
  if (items[0]?.id === 0xa0) {
    const list = children(b, items.shift()!);
    if (!list?.every((c) => c.id === 0x30)) return undefined;
    certificates = list.map((c) => b.subarray(c.start, c.end));
  }
  if (items.length > 0) return undefined;
  const algorithms = children(b, algs);
  const signers = children(b, signerSet);
  if (!algorithms?.every((t) => t.id === 0x30) || !signers?.every((t) => t.id === 0x30)) return undefined;
  const bytes = (t: Tlv): Uint8Array => b.subarray(t.start, t.end);
  return {
    contentType: sd.oid,
    version: bytes(version),
    digestAlgorithms: algorithms.map(bytes),
    encapContentInfo: bytes(encap),
    certificates,
    signerInfos: signers.map(bytes),
  };
}
