// XMLDSig for edXML packages (QCVN 102:2016 puts an enveloped signature in edXMLHeader/Signature): verify and create,
// on WebCrypto (browsers and Node ≥ 20) with xmldsigjs; @xmldom/xmldom provides the DOM where there is none.
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xml-core';
import * as xmldsig from 'xmldsigjs';
import type { EdxmlIssue, EdxmlLang } from './issues.js';
import { EDXML_NS, XMLDSIG_NS } from './model.js';
import { readTree, type TreeNode } from './reader.js';

let ready = false;
function setup(): void {
  if (ready) return;
  setNodeDependencies({ DOMParser, XMLSerializer, DOMImplementation });
  // xmldsigjs 2.8 removes only a Signature that is a direct child of the signed element. XMLDSig §6.6.4 removes the
  // Signature that contains the transform wherever it is; edXML puts it in edXMLHeader, so apply the transform as
  // the standard defines it (every XMLDSig Signature element in the signed content; edXML has exactly one).
  const proto = xmldsig.XmlDsigEnvelopedSignatureTransform.prototype as unknown as {
    innerXml: Element | Document | null;
    GetOutput(): unknown;
  };
  proto.GetOutput = function (this: { innerXml: Element | Document | null }) {
    const root = this.innerXml;
    if (!root) throw new Error('enveloped-signature transform without input');
    for (const sig of Array.from(root.getElementsByTagNameNS(XMLDSIG_NS, 'Signature'))) sig.parentNode?.removeChild(sig);
    return root;
  };
  if (xmldsig.Application.isNodePlugin()) {
    const c = (globalThis as { crypto?: Crypto }).crypto;
    if (!c?.subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
    xmldsig.Application.setEngine('WebCrypto', c);
  }
  ready = true;
}

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

/** The outcome of verifying the XML signature of a package. */
export interface EdxmlSignatureVerdict {
  /** `valid`: signature and digests check out; `invalid`: they do not; `absent`: no (or an empty) signature; `error`: could not be checked. */
  status: 'valid' | 'invalid' | 'absent' | 'error';
  valid: boolean;
  /** Why, in the chosen language. */
  message: string;
  /** Stable reason code. */
  reason:
    | 'OK'
    | 'NO_SIGNATURE'
    | 'EMPTY_SIGNATURE'
    | 'NOT_XMLDSIG_NAMESPACE'
    | 'DIGEST_MISMATCH'
    | 'SIGNATURE_MISMATCH'
    | 'NOT_WHOLE_PACKAGE'
    | 'UNREADABLE';
  signatureAlgorithm?: string;
  digestAlgorithms?: string[];
  canonicalization?: string;
  /** true when the one Reference has URI="" with the enveloped-signature transform (the whole package is signed). */
  coversWholePackage?: boolean;
  /** Base64 DER certificates from KeyInfo/X509Data. */
  certificates?: string[];
  subjectName?: string;
  /** Reading problems, when the XML itself was refused. */
  issues?: EdxmlIssue[];
}

const texts = {
  OK: ['Chữ ký số hợp lệ: gói tin không bị thay đổi sau khi ký.', 'The signature is valid: the package is unchanged since signing.'],
  NO_SIGNATURE: ['Gói tin không có chữ ký số XML.', 'The package has no XML signature.'],
  EMPTY_SIGNATURE: ['Phần tử <Signature> rỗng: gói tin không có chữ ký số XML.', 'The <Signature> element is empty: no XML signature.'],
  NOT_XMLDSIG_NAMESPACE: [
    'Phần tử <Signature> không thuộc không gian tên XMLDSig (http://www.w3.org/2000/09/xmldsig#).',
    'The <Signature> element is not in the XMLDSig namespace (http://www.w3.org/2000/09/xmldsig#).',
  ],
  DIGEST_MISMATCH: ['Nội dung gói tin đã bị thay đổi sau khi ký (giá trị băm không khớp).', 'The package was changed after signing (digest mismatch).'],
  SIGNATURE_MISMATCH: ['Giá trị chữ ký không khớp với khóa công khai.', 'The signature value does not match the public key.'],
  NOT_WHOLE_PACKAGE: [
    'Chữ ký không bao trùm toàn bộ gói tin (cần một Reference URI="" với biến đổi enveloped-signature).',
    'The signature does not cover the whole package (one Reference URI="" with the enveloped-signature transform is required).',
  ],
  UNREADABLE: ['Không kiểm tra được chữ ký.', 'The signature could not be checked.'],
} as const;

function verdict(
  status: EdxmlSignatureVerdict['status'],
  reason: EdxmlSignatureVerdict['reason'],
  lang: EdxmlLang,
  extra: Partial<EdxmlSignatureVerdict> = {},
  detail?: string,
): EdxmlSignatureVerdict {
  const [vi, en] = texts[reason];
  const base = lang === 'en' ? en : vi;
  return { status, valid: status === 'valid', reason, message: detail ? `${base} (${detail})` : base, ...extra };
}

function errorText(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

function toText(xml: string | Uint8Array): string {
  return typeof xml === 'string' ? xml : new TextDecoder('utf-8', { fatal: true }).decode(xml);
}

function headerOf(doc: Document): Element | undefined {
  return Array.from(doc.getElementsByTagNameNS(EDXML_NS, 'edXMLHeader'))[0];
}

function signatureElements(doc: Document): Element[] {
  const header = headerOf(doc);
  if (!header) return [];
  return Array.from(header.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Signature',
  );
}

/**
 * Verifies the enveloped XML signature in `edXMLHeader/Signature` (RSA-SHA256 and RSA-SHA1, c14n or exclusive c14n).
 * The key comes from KeyInfo (X509Certificate or KeyValue) unless `options.key` is given. Never throws.
 * The XML is first read by the package's safe parser (no DTD, limits), then by a DOM for canonicalisation.
 */
export async function verifyEdxmlSignature(
  xml: string | Uint8Array,
  options: { lang?: EdxmlLang; key?: CryptoKeyLike } = {},
): Promise<EdxmlSignatureVerdict> {
  const lang = options.lang ?? 'vi';
  try {
    setup();
    const safe = await readTree(xml, { lang });
    if (!safe.ok) return verdict('error', 'UNREADABLE', lang, { issues: safe.errors }, safe.errors[0]?.message);
    const doc = xmldsig.Parse(toText(xml));
    const sigs = signatureElements(doc);
    const sig = sigs[0];
    if (!sig) return verdict('absent', 'NO_SIGNATURE', lang);
    if (sig.namespaceURI !== XMLDSIG_NS) {
      const empty = Array.from(sig.childNodes).every((n) => n.nodeType !== 1);
      return empty
        ? verdict('absent', 'EMPTY_SIGNATURE', lang)
        : verdict('invalid', 'NOT_XMLDSIG_NAMESPACE', lang);
    }
    if (Array.from(sig.childNodes).every((n) => n.nodeType !== 1)) return verdict('absent', 'EMPTY_SIGNATURE', lang);
    const signed = new xmldsig.SignedXml(doc);
    signed.LoadXml(sig);
    const si = signed.XmlSignature.SignedInfo;
    const refs = si.References.GetIterator();
    const extra: Partial<EdxmlSignatureVerdict> = {
      signatureAlgorithm: si.SignatureMethod.Algorithm,
      digestAlgorithms: refs.map((r) => r.DigestMethod.Algorithm),
      canonicalization: si.CanonicalizationMethod.Algorithm,
      coversWholePackage:
        refs.length === 1 &&
        (refs[0]?.Uri ?? '') === '' &&
        (refs[0]?.Transforms.GetIterator() ?? []).some((t) => t.Algorithm === 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'),
    };
    const certs = Array.from(sig.getElementsByTagNameNS(XMLDSIG_NS, 'X509Certificate')).map((e) => (e.textContent as string | null ?? '').replace(/\s+/g, ''));
    if (certs.length > 0) extra.certificates = certs;
    const subject = sig.getElementsByTagNameNS(XMLDSIG_NS, 'X509SubjectName')[0]?.textContent;
    if (subject) extra.subjectName = subject;
    let ok: boolean;
    try {
      ok = await signed.Verify(options.key as CryptoKey | undefined);
    } catch (e) {
      const detail = errorText(e);
      if (/invalid digest/i.test(detail)) return verdict('invalid', 'DIGEST_MISMATCH', lang, extra);
      return verdict('error', 'UNREADABLE', lang, extra, detail);
    }
    // Verify checks the digests first and throws on a mismatch: a plain `false` means the signature value is wrong.
    if (!ok) return verdict('invalid', 'SIGNATURE_MISMATCH', lang, extra);
    if (!extra.coversWholePackage) return verdict('invalid', 'NOT_WHOLE_PACKAGE', lang, extra);
    return verdict('valid', 'OK', lang, extra);
  } catch (e) {
    return verdict('error', 'UNREADABLE', lang, {}, errorText(e));
  }
}

/** Options for `signEdxml`. */
export interface SignEdxmlOptions {
  privateKey: CryptoKeyLike;
  /** Written as KeyInfo/KeyValue (when there is no certificate). */
  publicKey?: CryptoKeyLike;
  /** Base64 DER certificates written as KeyInfo/X509Data/X509Certificate (signer first). */
  certificates?: string[];
  /** RSA-SHA256 (default) or RSA-SHA1 (only for exchanges with old systems). */
  algorithm?: 'RSA-SHA256' | 'RSA-SHA1';
}

/**
 * Signs an edXML package: an enveloped XMLDSig signature (Reference URI="", transforms enveloped-signature and
 * exclusive c14n, SignedInfo canonicalised with exclusive c14n, RSA PKCS#1 v1.5) placed at the end of edXMLHeader,
 * replacing any signature already there; every other byte of the package is kept. Throws a TypeError when the XML
 * is not an edXML package.
 */
export async function signEdxml(xml: string | Uint8Array, options: SignEdxmlOptions): Promise<string> {
  setup();
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  const safe = await readTree(bytes);
  if (!safe.ok) throw new TypeError(`Not a readable edXML package: ${safe.errors[0]?.message ?? ''}`);
  const header = findHeader(safe.root);
  if (header?.closeAt === undefined || header.items.length === 0) throw new TypeError('Not an edXML package: no edXMLHeader content');
  // Work on the original bytes: old signatures are cut out and the new one is inserted before </edXMLHeader>, so that
  // the rest of the package stays byte for byte as it was (a DOM serialiser may rename prefixes, which breaks digests).
  const cuts = header.items
    .filter((n): n is TreeNode => typeof n !== 'string' && n.local === 'Signature')
    .map((n) => [n.loc.offset ?? 0, n.endAt ?? 0] as const);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    parts.push(bytes.subarray(at, from));
    at = to;
  }
  const insertAt = header.closeAt;
  parts.push(bytes.subarray(at, insertAt));
  const tail = bytes.subarray(insertAt);
  const decoder = new TextDecoder();
  const head = parts.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode();
  const rest = decoder.decode(tail);
  const doc = xmldsig.Parse(head + rest);
  const hash = options.algorithm === 'RSA-SHA1' ? 'SHA-1' : 'SHA-256';
  const signed = new xmldsig.SignedXml();
  signed.XmlSignature.SignedInfo.CanonicalizationMethod.Algorithm = EXC_C14N;
  const signOptions: xmldsig.OptionsSign = {
    references: [{ hash, uri: '', transforms: ['enveloped', 'exc-c14n'] }],
  };
  if (options.certificates?.length) signOptions.x509 = options.certificates;
  else if (options.publicKey) signOptions.keyValue = options.publicKey as CryptoKey;
  const signature = await signed.Sign({ name: 'RSASSA-PKCS1-v1_5', hash }, options.privateKey as CryptoKey, doc, signOptions);
  const el = signature.GetXml();
  if (!el) throw new Error('xmldsigjs produced no Signature element');
  return head + xmldsig.Stringify(el) + rest;
}

function findHeader(root: TreeNode): TreeNode | undefined {
  const child = (n: TreeNode | undefined, local: string): TreeNode | undefined =>
    n?.items.find((c): c is TreeNode => typeof c !== 'string' && c.ns === EDXML_NS && c.local === local);
  return child(child(root, 'edXMLEnvelope'), 'edXMLHeader');
}

/**
 * A WebCrypto key as both the DOM and Node's `node:crypto` (`webcrypto.CryptoKey`) define it, typed structurally so
 * that the declarations compile in a Node-only TypeScript project (no DOM library) as well as in a browser one.
 */
export interface CryptoKeyLike {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}
