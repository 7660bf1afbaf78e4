/**
 * Checks a CMS SignedData (BER lengths accepted, trailing zero padding ignored): one SignerInfo, signed attributes,
 * message digest, ESS signing-certificate(-v2), and the signature with WebCrypto. The structure is read with the
 * DER walker (der.ts), the certificates through the certificate cache.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { certificateDer, certificateDigest, certificateFromDer } from './certificate-cache.js';
import {
  certificateIssuerSerial,
  derAlgorithm,
  derChildren,
  derElement,
  derOid,
  encapsulatedContentParts,
  octetString,
  signedDataParts,
  signerInfoParts,
  type DerAttribute,
  type DerElement,
  type SignerInfoParts,
} from './der.js';
import { bytesEqual, toArrayBuffer } from '../pdf/bytes.js';
import { digest, verifyWithCertificate } from './crypto.js';
import { OID, SIG_ALGS, hashFromOid, type HashAlgorithm } from './oids.js';

export interface CmsFacts {
  /** The one SignerInfo, as read. */
  signer?: SignerInfoParts;
  signerCert?: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  hash?: HashAlgorithm | 'SHA-1';
  /** Problems, each with an id from the DSS constraint vocabulary. */
  problems: { id: string; vi: string; en: string; kind: 'format' | 'hash' | 'crypto' | 'attr' | 'weak' | 'warn' }[];
  signingTime?: Date;
  hasSigningCertificateV2: boolean;
  signatureValue?: Uint8Array;
  /** The signature timestamp token (a ContentInfo), as received. */
  timestampToken?: Uint8Array;
  /** eContent when attached (timestamp tokens). */
  eContent?: Uint8Array;
  eContentType?: string;
  /**
   * CRLs (DER) the signature carries: in Adobe's signed revocation archive (adbe-revocationInfoArchival) and in the
   * SignedData's own revocation information.
   */
  crls: Uint8Array[];
  /** OCSP responses (DER OCSPResponse) in Adobe's signed revocation archive. */
  ocsps: Uint8Array[];
}

/** The values of the one attribute of `type`: undefined when absent, empty when it occurs more than once. */
function attrValue(attributes: readonly DerAttribute[], type: string): DerElement[] | undefined {
  const found = attributes.filter((a) => a.type === type);
  if (found.length !== 1) return found.length === 0 ? undefined : [];
  return found[0]!.values;
}

/** What a verifier reads of a ContentInfo(SignedData). */
interface SignedDataFacts {
  eContentType: string;
  eContent?: Uint8Array;
  certificates: pkijs.Certificate[];
  signerInfos: Uint8Array[];
  crls: Uint8Array[];
}

/** The SEQUENCE elements among the children of `el` (CRLs, OCSP responses; other formats are skipped). */
function sequencesIn(el: DerElement | undefined): Uint8Array[] {
  return ((el && derChildren(el)) ?? []).filter((c) => c.id === 0x30).map((c) => c.der);
}

/**
 * The CRLs ([0]) or OCSP responses ([1]) of an adbe-revocationInfoArchival value: RevocationInfoArchival
 * { crl [0] EXPLICIT SEQUENCE OF CRL, ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse, … }.
 */
function archived(value: DerElement | undefined, tag: 0xa0 | 0xa1): Uint8Array[] {
  const tagged = (value?.id === 0x30 ? derChildren(value) : undefined)?.find((p) => p.id === tag);
  const [list] = (tagged && derChildren(tagged)) || [];
  return list?.id === 0x30 ? sequencesIn(list) : [];
}

/**
 * A ContentInfo(SignedData) read with the DER walker (BER lengths accepted, trailing zero padding ignored); the
 * certificates come from the certificate cache. Undefined when the bytes are not one.
 */
function readSignedData(der: Uint8Array): SignedDataFacts | undefined {
  const parts = signedDataParts(der);
  if (!parts || derOid(derElement(parts.contentType)) !== OID.signedData) return undefined;
  const encap = encapsulatedContentParts(parts.encapContentInfo);
  if (!encap) return undefined;
  const certificates: pkijs.Certificate[] = [];
  for (const c of parts.certificates) {
    try {
      certificates.push(certificateFromDer(c));
    } catch {
      return undefined;
    }
  }
  const crls = parts.crls ? sequencesIn(derElement(parts.crls)) : [];
  return { ...encap, certificates, signerInfos: parts.signerInfos, crls };
}

const issuerSerials = new WeakMap<pkijs.Certificate, { issuer: DerElement; serial: Uint8Array } | null>();

/** Whether `cert` is the one a SignerInfo's sid names (issuer and serial number, or subject key identifier). */
function matchesSid(cert: pkijs.Certificate, sid: SignerInfoParts['sid']): boolean {
  if ('keyIdentifier' in sid) {
    const ski = cert.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier)?.parsedValue as unknown;
    return ski instanceof asn1js.OctetString && bytesEqual(new Uint8Array(ski.valueBlock.valueHexView), sid.keyIdentifier);
  }
  let own = issuerSerials.get(cert);
  if (own === undefined) issuerSerials.set(cert, (own = certificateIssuerSerial(certificateDer(cert)) ?? null));
  // The serial number first: it tells certificates apart at once. Names are compared as encoded, as pkijs does.
  return own !== null && bytesEqual(own.serial, sid.serial) && bytesEqual(own.issuer.der, sid.issuer.der);
}

/** The time of a signing-time attribute value (UTCTime or GeneralizedTime). */
function timeOf(value: DerElement | undefined): Date | undefined {
  if (value?.id !== 0x17 && value?.id !== 0x18) return undefined;
  const parsed = asn1js.fromBER(toArrayBuffer(value.der));
  const t = parsed.result;
  return t instanceof asn1js.UTCTime || t instanceof asn1js.GeneralizedTime ? t.toDate() : undefined;
}

/** The hash algorithm and certificate hash of the first ESSCertID(v2) of a signing-certificate(-v2) value. */
function essCertHash(value: DerElement | undefined, v2: boolean): { hash: HashAlgorithm | 'SHA-1'; certHash: Uint8Array } | undefined {
  const [certs] = (value?.id === 0x30 && derChildren(value)) || [];
  const [first] = (certs?.id === 0x30 && derChildren(certs)) || [];
  const parts = first?.id === 0x30 ? derChildren(first) : undefined;
  if (!parts) return undefined;
  let hash: HashAlgorithm | 'SHA-1' = v2 ? 'SHA-256' : 'SHA-1';
  let idx = 0;
  if (v2 && parts[0]?.id === 0x30) {
    hash = hashFromOid(derAlgorithm(parts[0]) ?? '') ?? hash;
    idx = 1;
  }
  const hashElement = parts[idx];
  const certHash = hashElement && octetString(hashElement);
  return certHash && { hash, certHash };
}

/**
 * @param cms DER/BER ContentInfo bytes (possibly zero-padded).
 * @param contentDigest computes the digest of the signed content for a hash (detached), or undefined to use eContent.
 */
export async function inspectCms(cms: Uint8Array, contentDigest?: (hash: HashAlgorithm | 'SHA-1') => Promise<Uint8Array>): Promise<CmsFacts> {
  const facts: CmsFacts = { certificates: [], problems: [], hasSigningCertificateV2: false, crls: [], ocsps: [] };
  const sd = readSignedData(cms);
  const si = sd?.signerInfos.length === 1 ? signerInfoParts(sd.signerInfos[0]!) : undefined;
  if (!sd || (sd.signerInfos.length === 1 && !si)) {
    facts.problems.push({ id: 'CmsParse', vi: 'Không đọc được cấu trúc CMS SignedData', en: 'Cannot parse the CMS SignedData', kind: 'format' });
    return facts;
  }
  facts.certificates = sd.certificates;
  facts.crls = sd.crls;
  facts.eContentType = sd.eContentType;
  if (sd.eContent) facts.eContent = sd.eContent;
  if (!si) {
    facts.problems.push({
      id: 'SignerInformationStore',
      vi: `CMS phải có đúng một SignerInfo (có ${sd.signerInfos.length})`,
      en: `The CMS must hold exactly one SignerInfo (found ${sd.signerInfos.length})`,
      kind: 'format',
    });
    return facts;
  }
  facts.signer = si;
  facts.signatureValue = si.signature;
  const token = si.unsignedAttrs?.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  if (token) facts.timestampToken = token.der;
  const cert = facts.certificates.find((c) => matchesSid(c, si.sid));
  if (!cert) {
    facts.problems.push({
      id: 'SigningCertificatePresent',
      vi: 'CMS không chứa chứng thư của người ký',
      en: 'The CMS does not contain the signer certificate',
      kind: 'format',
    });
    return facts;
  }
  facts.signerCert = cert;
  const hash = hashFromOid(si.digestAlgorithm);
  if (!hash) {
    facts.problems.push({ id: 'DigestAlgorithm', vi: 'Thuật toán băm không được hỗ trợ', en: 'Unsupported digest algorithm', kind: 'format' });
    return facts;
  }
  facts.hash = hash;
  if (hash === 'SHA-1') facts.problems.push({ id: 'DigestAlgorithm', vi: 'SHA-1 đã hết hạn dùng cho chữ ký (từ 2009)', en: 'SHA-1 is expired for signatures (since 2009)', kind: 'weak' });
  const sigAlg = SIG_ALGS[si.signatureAlgorithm];
  if (!sigAlg || (sigAlg.hash && sigAlg.hash !== hash)) {
    facts.problems.push({ id: 'SignatureAlgorithm', vi: 'Thuật toán chữ ký không được hỗ trợ hoặc không khớp', en: 'Unsupported or inconsistent signature algorithm', kind: 'format' });
    return facts;
  }
  const signedAttrs = si.signedAttrs;
  if (!signedAttrs) {
    facts.problems.push({ id: 'SignedAttributes', vi: 'Thiếu thuộc tính được ký (signedAttrs)', en: 'Signed attributes are missing', kind: 'attr' });
    return facts;
  }
  // The signature over the DER SET OF signed attributes, as received: started first (in browsers it runs on
  // WebCrypto's thread pool while the content digest is computed).
  const tbs = signedAttrs.der.slice();
  tbs[0] = 0x31;
  const sigPending = verifyWithCertificate(cert, hash, si.signature, tbs);
  // Then the (large) content digest (with node:crypto it is computed right here, on this thread).
  const digestPending = (contentDigest ? contentDigest(hash) : facts.eContent ? digest(hash, facts.eContent) : Promise.resolve(undefined)).catch(
    () => undefined,
  );
  const attributes = signedAttrs.attributes;
  const archive = attrValue(attributes, OID.adbeRevocationInfoArchival)?.[0];
  facts.crls = [...archived(archive, 0xa0), ...facts.crls];
  facts.ocsps = archived(archive, 0xa1);
  if (derOid(attrValue(attributes, OID.contentType)?.[0]) !== (facts.eContentType ?? OID.data)) {
    facts.problems.push({ id: 'ContentType', vi: 'Thuộc tính contentType thiếu hoặc sai', en: 'The contentType attribute is missing or wrong', kind: 'attr' });
  }
  const signingTime = timeOf(attrValue(attributes, OID.signingTime)?.[0]);
  if (signingTime) facts.signingTime = signingTime;
  const scv2 = attrValue(attributes, OID.signingCertificateV2);
  const sc = scv2 ?? attrValue(attributes, OID.signingCertificate);
  if (sc) {
    facts.hasSigningCertificateV2 = scv2 !== undefined;
    const ess = essCertHash(sc[0], scv2 !== undefined);
    if (!ess) {
      facts.problems.push({ id: 'CertDigestPresent', vi: 'Thuộc tính signing-certificate hỏng', en: 'Corrupt signing-certificate attribute', kind: 'attr' });
    } else if (!bytesEqual(ess.certHash, await certificateDigest(cert, ess.hash))) {
      facts.problems.push({
        id: 'CertDigestMatch',
        vi: 'Giá trị băm chứng thư trong signing-certificate không khớp chứng thư người ký',
        en: 'The signing-certificate hash does not match the signer certificate',
        kind: 'attr',
      });
    }
  }
  // The content digest is awaited last: everything else above ran while it was computed.
  const md = attrValue(attributes, OID.messageDigest)?.[0];
  const mdValue = md && octetString(md);
  if (!mdValue) {
    facts.problems.push({ id: 'MessageDigestOrSignedPropertiesPresent', vi: 'Thiếu thuộc tính messageDigest', en: 'The messageDigest attribute is missing', kind: 'attr' });
  } else {
    const actual = await digestPending;
    if (!actual || !bytesEqual(actual, mdValue)) {
      facts.problems.push({
        id: 'SignatureIntact',
        vi: 'Giá trị băm của nội dung không khớp messageDigest: tài liệu đã bị thay đổi',
        en: 'The content digest does not match messageDigest: the document was changed',
        kind: 'hash',
      });
    }
  }
  if (!(await sigPending)) {
    facts.problems.push({
      id: 'SignatureValue',
      vi: 'Chữ ký số không khớp khoá công khai của chứng thư',
      en: 'The signature value does not verify with the certificate key',
      kind: 'crypto',
    });
  }
  return facts;
}
