/**
 * Checks a CMS SignedData (BER accepted, trailing zero padding ignored): one SignerInfo, signed attributes,
 * message digest, ESS signing-certificate(-v2), and the signature with WebCrypto.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDigest, certificateFromDer } from './certificate-cache.js';
import { signedDataParts } from './der.js';
import { bytesEqual, toArrayBuffer } from '../pdf/bytes.js';
import { digest, verifyWithCertificate } from './crypto.js';
import { OID, SIG_ALGS, hashFromOid, type HashAlgorithm } from './oids.js';

export interface CmsFacts {
  signedData?: pkijs.SignedData;
  signerInfo?: pkijs.SignerInfo;
  signerCert?: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  hash?: HashAlgorithm | 'SHA-1';
  /** Problems, each with an id from the DSS constraint vocabulary. */
  problems: { id: string; vi: string; en: string; kind: 'format' | 'hash' | 'crypto' | 'attr' | 'weak' | 'warn' }[];
  signingTime?: Date;
  hasSigningCertificateV2: boolean;
  signatureValue?: Uint8Array;
  timestampToken?: asn1js.AsnType;
  /** eContent when attached (timestamp tokens). */
  eContent?: Uint8Array;
  eContentType?: string;
}

function attrValue(si: pkijs.SignerInfo, type: string): asn1js.AsnType[] | undefined {
  const found = si.signedAttrs?.attributes.filter((a) => a.type === type) ?? [];
  if (found.length !== 1) return found.length === 0 ? undefined : [];
  return found[0]!.values as asn1js.AsnType[];
}

/** One DER element decoded by asn1js (a copy, so asn1js never holds on to the caller's buffer). */
function decoded(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  return parsed.result;
}

/**
 * SignedData from DER. The outer layers are walked by hand and each part is read on its own (pkijs builds the
 * template of the whole SignedData, with every certificate and CRL choice, on each parse, and asn1js decodes every
 * element of every certificate); the certificates come from the certificate cache. Anything unusual (BER, CRLs,
 * other certificate choices) is read whole by pkijs.
 */
export function parseSignedData(der: Uint8Array): pkijs.SignedData | undefined {
  try {
    const parts = signedDataParts(der);
    if (parts) {
      const contentType = decoded(parts.contentType);
      if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.signedData) return undefined;
      const version = decoded(parts.version);
      if (!(version instanceof asn1js.Integer)) return undefined;
      return new pkijs.SignedData({
        version: version.valueBlock.valueDec,
        digestAlgorithms: parts.digestAlgorithms.map((d) => new pkijs.AlgorithmIdentifier({ schema: decoded(d) })),
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ schema: decoded(parts.encapContentInfo) }),
        ...(parts.certificates.length > 0 ? { certificates: parts.certificates.map(certificateFromDer) } : {}),
        signerInfos: parts.signerInfos.map((d) => new pkijs.SignerInfo({ schema: decoded(d) })),
      });
    }
    const parsed = asn1js.fromBER(toArrayBuffer(der));
    if (parsed.offset === -1) return undefined;
    const ci = new pkijs.ContentInfo({ schema: parsed.result });
    if (ci.contentType !== OID.signedData) return undefined;
    return new pkijs.SignedData({ schema: ci.content });
  } catch {
    return undefined;
  }
}

function matchesSid(cert: pkijs.Certificate, sid: unknown): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    // The serial number first: it tells certificates apart at once, the issuer name takes longer to compare.
    return cert.serialNumber.isEqual(sid.serialNumber) && cert.issuer.isEqual(sid.issuer);
  }
  return false;
}

/**
 * @param cms DER/BER ContentInfo bytes (possibly zero-padded).
 * @param contentDigest computes the digest of the signed content for a hash (detached), or undefined to use eContent.
 */
export async function inspectCms(cms: Uint8Array, contentDigest?: (hash: HashAlgorithm | 'SHA-1') => Promise<Uint8Array>): Promise<CmsFacts> {
  const facts: CmsFacts = { certificates: [], problems: [], hasSigningCertificateV2: false };
  const sd = parseSignedData(cms);
  if (!sd) {
    facts.problems.push({ id: 'CmsParse', vi: 'Không đọc được cấu trúc CMS SignedData', en: 'Cannot parse the CMS SignedData', kind: 'format' });
    return facts;
  }
  facts.signedData = sd;
  facts.certificates = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  facts.eContentType = sd.encapContentInfo.eContentType;
  const ec = sd.encapContentInfo.eContent;
  if (ec) facts.eContent = new Uint8Array(ec.getValue());
  if (sd.signerInfos.length !== 1) {
    facts.problems.push({
      id: 'SignerInformationStore',
      vi: `CMS phải có đúng một SignerInfo (có ${sd.signerInfos.length})`,
      en: `The CMS must hold exactly one SignerInfo (found ${sd.signerInfos.length})`,
      kind: 'format',
    });
    return facts;
  }
  const si = sd.signerInfos[0]!;
  facts.signerInfo = si;
  facts.signatureValue = new Uint8Array(si.signature.valueBlock.valueHexView);
  const token = si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
  if (token) facts.timestampToken = token.values[0] as asn1js.AsnType;
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
  const hash = hashFromOid(si.digestAlgorithm.algorithmId);
  if (!hash) {
    facts.problems.push({ id: 'DigestAlgorithm', vi: 'Thuật toán băm không được hỗ trợ', en: 'Unsupported digest algorithm', kind: 'format' });
    return facts;
  }
  facts.hash = hash;
  if (hash === 'SHA-1') facts.problems.push({ id: 'DigestAlgorithm', vi: 'SHA-1 đã hết hạn dùng cho chữ ký (từ 2009)', en: 'SHA-1 is expired for signatures (since 2009)', kind: 'weak' });
  const sigAlg = SIG_ALGS[si.signatureAlgorithm.algorithmId];
  if (!sigAlg || (sigAlg.hash && sigAlg.hash !== hash)) {
    facts.problems.push({ id: 'SignatureAlgorithm', vi: 'Thuật toán chữ ký không được hỗ trợ hoặc không khớp', en: 'Unsupported or inconsistent signature algorithm', kind: 'format' });
    return facts;
  }
  // Start the (large) content digest now; it runs off the main thread while the rest is checked.
  const digestPending = (contentDigest ? contentDigest(hash) : facts.eContent ? digest(hash, facts.eContent) : Promise.resolve(undefined)).catch(
    () => undefined,
  );
  const signedAttrs = si.signedAttrs;
  if (!signedAttrs) {
    facts.problems.push({ id: 'SignedAttributes', vi: 'Thiếu thuộc tính được ký (signedAttrs)', en: 'Signed attributes are missing', kind: 'attr' });
    return facts;
  }
  // The signature over the DER SET OF signed attributes, as received (also started early).
  const tbs = new Uint8Array(signedAttrs.encodedValue).slice();
  tbs[0] = 0x31;
  const sigPending = verifyWithCertificate(cert, hash, facts.signatureValue, tbs);
  const ct = attrValue(si, OID.contentType);
  const ctOid = ct?.[0] instanceof asn1js.ObjectIdentifier ? ct[0].valueBlock.toString() : undefined;
  if (ctOid !== (facts.eContentType ?? OID.data)) {
    facts.problems.push({ id: 'ContentType', vi: 'Thuộc tính contentType thiếu hoặc sai', en: 'The contentType attribute is missing or wrong', kind: 'attr' });
  }
  const st = attrValue(si, OID.signingTime);
  const stv = st?.[0];
  if (stv instanceof asn1js.UTCTime || stv instanceof asn1js.GeneralizedTime) facts.signingTime = stv.toDate();
  const scv2 = attrValue(si, OID.signingCertificateV2);
  const scv1 = attrValue(si, OID.signingCertificate);
  const sc = scv2 ?? scv1;
  if (sc) {
    facts.hasSigningCertificateV2 = scv2 !== undefined;
    try {
      const seq = sc[0];
      if (!(seq instanceof asn1js.Sequence)) throw new Error('shape');
      const certs = seq.valueBlock.value[0];
      const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
      if (!(first instanceof asn1js.Sequence)) throw new Error('shape');
      const parts = first.valueBlock.value;
      let certHashAlg: HashAlgorithm | 'SHA-1' = scv2 ? 'SHA-256' : 'SHA-1';
      let idx = 0;
      if (scv2 && parts[0] instanceof asn1js.Sequence) {
        const alg = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
        certHashAlg = hashFromOid(alg.algorithmId) ?? certHashAlg;
        idx = 1;
      }
      const certHash = new Uint8Array((parts[idx] as asn1js.OctetString).valueBlock.valueHexView);
      if (!bytesEqual(certHash, await certificateDigest(cert, certHashAlg))) {
        facts.problems.push({
          id: 'CertDigestMatch',
          vi: 'Giá trị băm chứng thư trong signing-certificate không khớp chứng thư người ký',
          en: 'The signing-certificate hash does not match the signer certificate',
          kind: 'attr',
        });
      }
    } catch {
      facts.problems.push({ id: 'CertDigestPresent', vi: 'Thuộc tính signing-certificate hỏng', en: 'Corrupt signing-certificate attribute', kind: 'attr' });
    }
  }
  // The content digest is awaited last: everything else above ran while it was computed.
  const md = attrValue(si, OID.messageDigest);
  const mdValue = md?.[0] instanceof asn1js.OctetString ? new Uint8Array(md[0].valueBlock.valueHexView) : undefined;
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
