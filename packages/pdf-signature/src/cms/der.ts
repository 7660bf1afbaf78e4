/**
 * A minimal DER reader and writer for CMS (RFC 5652): a ContentInfo(SignedData), a SignerInfo and its attributes are
 * read where they lie, and written from their parts. asn1js decodes every element into a tree of objects (half a
 * millisecond for a 600-byte SignerInfo) and pkijs then compares that tree with a schema; a signature needs a few
 * fields. Certificates are taken out as they are (and parsed once by the certificate cache). The indefinite lengths
 * of BER are followed (older signers wrote them); multi-byte tags and anything malformed give undefined, which the
 * verifier reports as a format error.
 */
import { concatBytes } from '../pdf/bytes.js';

interface Tlv {
  /** Identifier octet (single-byte tags only). */
  readonly id: number;
  readonly start: number;
  /** Where the contents start and end (before the end-of-contents octets of an indefinite length). */
  readonly body: number;
  readonly bodyEnd: number;
  readonly end: number;
}

/** Nesting of indefinite-length elements followed to find their end (BER from old signers nests a few levels). */
const MAX_INDEFINITE_DEPTH = 32;

/**
 * One element at `at` (single-byte tag; definite length, or the indefinite length of BER for a constructed
 * element), or undefined for anything else.
 */
function tlv(b: Uint8Array, at: number, limit: number, depth = 0): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const id = b[at]!;
  if ((id & 0x1f) === 0x1f) return undefined;
  let len = b[at + 1]!;
  let body = at + 2;
  if (len === 0x80) {
    if ((id & 0x20) === 0 || depth >= MAX_INDEFINITE_DEPTH) return undefined;
    for (let p = body; ; ) {
      if (p + 2 > limit) return undefined;
      if (b[p] === 0 && b[p + 1] === 0) return { id, start: at, body, bodyEnd: p, end: p + 2 };
      const child = tlv(b, p, limit, depth + 1);
      if (!child) return undefined;
      p = child.end;
    }
  }
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4 || body + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i]!;
    body += n;
  }
  const end = body + len;
  return end <= limit ? { id, start: at, body, bodyEnd: end, end } : undefined;
}

function children(b: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let at = parent.body; at < parent.bodyEnd; ) {
    const t = tlv(b, at, parent.bodyEnd);
    if (!t) return undefined;
    out.push(t);
    at = t.end;
  }
  return out;
}

/** A DER element with identifier octet `id` around the concatenated `parts`. */
export function encodeElement(id: number, parts: readonly Uint8Array[]): Uint8Array {
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

/** An OBJECT IDENTIFIER element from its dotted text. */
export function encodeOid(text: string): Uint8Array {
  const arcs = text.split('.').map(Number);
  const content: number[] = [];
  const [first = 0, second = 0, ...rest] = arcs;
  for (const arc of [first * 40 + second, ...rest]) {
    const base128: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) base128.unshift(0x80 | v % 128);
    content.push(...base128);
  }
  return encodeElement(0x06, [Uint8Array.from(content)]);
}

/** DER SET OF: the elements sorted by their encodings (X.690 §11.6). */
export function encodeSetOf(id: number, items: readonly Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((x, y) => {
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  });
  return encodeElement(id, sorted);
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), to the second, in UTC. */
export function encodeTime(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  const two = (n: number): string => String(n).padStart(2, '0');
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  const utc = year >= 1950 && year < 2050;
  const text = utc ? `${two(year % 100)}${rest}` : `${String(year).padStart(4, '0')}${rest}`;
  return encodeElement(utc ? 0x17 : 0x18, [Uint8Array.from(text, (c) => c.charCodeAt(0))]);
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

/** One element read by `derElement`: its identifier octet, the whole element and its contents (views, no copy). */
export interface DerElement {
  readonly id: number;
  readonly der: Uint8Array;
  readonly content: Uint8Array;
}

const view = (b: Uint8Array, t: Tlv): DerElement => ({ id: t.id, der: b.subarray(t.start, t.end), content: b.subarray(t.body, t.bodyEnd) });

/** The element at the start of `b` (what follows it, such as the zero padding of /Contents, is ignored). */
export function firstElement(b: Uint8Array): DerElement | undefined {
  const t = tlv(b, 0, b.length);
  return t && view(b, t);
}

/** `b` as exactly one DER element, or undefined. */
export function derElement(b: Uint8Array): DerElement | undefined {
  const t = tlv(b, 0, b.length);
  return t && t.end === b.length ? view(b, t) : undefined;
}

/** The elements inside a constructed element, or undefined when its contents are not a run of DER elements. */
export function derChildren(parent: DerElement): DerElement[] | undefined {
  if ((parent.id & 0x20) === 0) return undefined;
  const b = parent.content;
  const list = children(b, { id: parent.id, start: 0, body: 0, bodyEnd: b.length, end: b.length });
  return list?.map((t) => view(b, t));
}

/** The dotted text of an OBJECT IDENTIFIER element, or undefined. */
export function derOid(el: DerElement | undefined): string | undefined {
  if (el?.id !== 0x06) return undefined;
  const c = el.content;
  if (c.length === 0 || c.length > 64 || c[c.length - 1]! & 0x80) return undefined;
  const arcs: number[] = [];
  let v = 0;
  for (const x of c) {
    v = v * 128 + (x & 0x7f);
    if (x & 0x80) continue;
    if (arcs.length === 0) {
      const first = v < 80 ? Math.floor(v / 40) : 2;
      arcs.push(first, v - first * 40);
    } else arcs.push(v);
    v = 0;
  }
  return arcs.join('.');
}

/** The algorithm OID of an AlgorithmIdentifier element (parameters are not read). */
export function derAlgorithm(el: DerElement | undefined): string | undefined {
  if (el?.id !== 0x30) return undefined;
  const [oid, ...params] = derChildren(el) ?? [];
  return params.length <= 1 ? derOid(oid) : undefined;
}

/** A CMS Attribute: its type and the DER of each of its values. */
export interface DerAttribute {
  readonly type: string;
  readonly values: DerElement[];
}

/** The attributes of a SET OF Attribute, in their tagged ([0]/[1] IMPLICIT) or plain form; undefined if malformed. */
export function derAttributes(set: DerElement): DerAttribute[] | undefined {
  const out: DerAttribute[] = [];
  for (const a of derChildren(set) ?? []) {
    const [type, values, ...more] = (a.id === 0x30 && derChildren(a)) || [];
    const oid = derOid(type);
    const list = values?.id === 0x31 ? derChildren(values) : undefined;
    if (!oid || !list || more.length > 0) return undefined;
    out.push({ type: oid, values: list });
  }
  return out;
}

/** The parts of a SignerInfo that a verifier reads. */
export interface SignerInfoParts {
  readonly version: number;
  /** IssuerAndSerialNumber (the issuer Name element and the serial number's content octets) or a key identifier. */
  readonly sid: { readonly issuer: DerElement; readonly serial: Uint8Array } | { readonly keyIdentifier: Uint8Array };
  readonly digestAlgorithm: string;
  /** The [0] IMPLICIT signed attributes as received, and read. */
  readonly signedAttrs?: { readonly der: Uint8Array; readonly attributes: DerAttribute[] };
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly unsignedAttrs?: DerAttribute[];
}

/** A DER SignerInfo (RFC 5652 §5.3), or undefined when it is not one. */
export function signerInfoParts(b: Uint8Array): SignerInfoParts | undefined {
  const si = derElement(b);
  const items = si?.id === 0x30 ? derChildren(si) : undefined;
  if (!items) return undefined;
  const [version, sidEl, digestEl, ...rest] = items;
  if (version?.id !== 0x02 || version.content.length !== 1 || !sidEl) return undefined;
  let sid: SignerInfoParts['sid'];
  if (sidEl.id === 0x30) {
    const [issuer, serial, ...more] = derChildren(sidEl) ?? [];
    if (issuer?.id !== 0x30 || serial?.id !== 0x02 || more.length > 0) return undefined;
    sid = { issuer, serial: serial.content };
  } else if (sidEl.id === 0x80) sid = { keyIdentifier: sidEl.content };
  else return undefined;
  const digestAlgorithm = derAlgorithm(digestEl);
  if (!digestAlgorithm) return undefined;
  let signedAttrs: SignerInfoParts['signedAttrs'];
  if (rest[0]?.id === 0xa0) {
    const el = rest.shift()!;
    const attributes = derAttributes(el);
    if (!attributes) return undefined;
    signedAttrs = { der: el.der, attributes };
  }
  const [sigAlgEl, signature, unsigned, ...more] = rest;
  const signatureAlgorithm = derAlgorithm(sigAlgEl);
  const signatureValue = signature && octetString(signature);
  if (!signatureAlgorithm || !signatureValue || more.length > 0 || (unsigned && unsigned.id !== 0xa1)) return undefined;
  const unsignedAttrs = unsigned ? derAttributes(unsigned) : undefined;
  if (unsigned && !unsignedAttrs) return undefined;
  return {
    version: version.content[0]!,
    sid,
    digestAlgorithm,
    ...(signedAttrs ? { signedAttrs } : {}),
    signatureAlgorithm,
    signature: signatureValue,
    ...(unsignedAttrs ? { unsignedAttrs } : {}),
  };
}

/** The octets of an OCTET STRING element: primitive, or constructed from primitive pieces (BER). */
export function octetString(el: DerElement): Uint8Array | undefined {
  if (el.id === 0x04) return el.content;
  if (el.id !== 0x24) return undefined;
  const pieces = derChildren(el);
  return pieces?.every((p) => p.id === 0x04) ? concatBytes(pieces.map((p) => p.content)) : undefined;
}

/** The eContentType and (when attached) eContent of an EncapsulatedContentInfo. */
export function encapsulatedContentParts(b: Uint8Array): { eContentType: string; eContent?: Uint8Array } | undefined {
  const el = derElement(b);
  const [type, explicit, ...more] = (el?.id === 0x30 && derChildren(el)) || [];
  const eContentType = derOid(type);
  if (!eContentType || more.length > 0) return undefined;
  if (!explicit) return { eContentType };
  const [octets, ...extra] = (explicit.id === 0xa0 && derChildren(explicit)) || [];
  if (!octets || extra.length > 0) return undefined;
  const eContent = octetString(octets);
  return eContent && { eContentType, eContent };
}

/** The issuer Name element and serial number content octets of a DER certificate. */
export function certificateIssuerSerial(b: Uint8Array): { issuer: DerElement; serial: Uint8Array } | undefined {
  const cert = derElement(b);
  const [tbs] = (cert?.id === 0x30 && derChildren(cert)) || [];
  const items = tbs?.id === 0x30 ? derChildren(tbs) : undefined;
  if (!items) return undefined;
  if (items[0]?.id === 0xa0) items.shift();
  const [serial, , issuer] = items;
  return serial?.id === 0x02 && issuer?.id === 0x30 ? { issuer, serial: serial.content } : undefined;
}

/** The DER of each part of a ContentInfo(SignedData), for reading the parts one by one. */
export interface SignedDataParts {
  /** The ContentInfo's contentType (an OBJECT IDENTIFIER element). */
  readonly contentType: Uint8Array;
  readonly version: Uint8Array;
  readonly digestAlgorithms: Uint8Array[];
  readonly encapContentInfo: Uint8Array;
  /** The plain X.509 certificates. */
  readonly certificates: Uint8Array[];
  /** How many other CertificateChoices (attribute certificates, other formats) were skipped. */
  readonly otherCertificates: number;
  /** The [1] revocation information element, when present (not read). */
  readonly crls?: Uint8Array;
  readonly signerInfos: Uint8Array[];
}

/**
 * The parts of a ContentInfo(SignedData): version, digest algorithms, encapsulated content, certificates, the
 * revocation information as it is, and signer infos. Undefined when the bytes are not that shape.
 */
export function signedDataParts(b: Uint8Array): SignedDataParts | undefined {
  const sd = signedDataItems(b);
  if (!sd) return undefined;
  const items = [...sd.items];
  const [version, algs, encap] = items.splice(0, 3);
  const signerSet = items.pop();
  if (version?.id !== 0x02 || algs?.id !== 0x31 || encap?.id !== 0x30 || signerSet?.id !== 0x31) return undefined;
  const bytes = (t: Tlv): Uint8Array => b.subarray(t.start, t.end);
  let certificates: Uint8Array[] = [];
  let otherCertificates = 0;
  if (items[0]?.id === 0xa0) {
    const list = children(b, items.shift()!);
    if (!list) return undefined;
    certificates = list.filter((c) => c.id === 0x30).map(bytes);
    otherCertificates = list.length - certificates.length;
  }
  const crls = items[0]?.id === 0xa1 ? items.shift() : undefined;
  if (items.length > 0) return undefined;
  const algorithms = children(b, algs);
  const signers = children(b, signerSet);
  if (!algorithms?.every((t) => t.id === 0x30) || !signers?.every((t) => t.id === 0x30)) return undefined;
  return {
    contentType: sd.oid,
    version: bytes(version),
    digestAlgorithms: algorithms.map(bytes),
    encapContentInfo: bytes(encap),
    certificates,
    otherCertificates,
    ...(crls ? { crls: bytes(crls) } : {}),
    signerInfos: signers.map(bytes),
  };
}
