/**
 * Builds CMS SignedData (RFC 5652) for PAdES/CAdES: signed attributes, ESS signing-certificate-v2 (RFC 5035). The
 * DER is written directly from its parts (der.ts): the signer's certificates go in as the bytes it gave, and nothing
 * is decoded or re-encoded on the way (building the same structure as pkijs objects cost more than hashing a small
 * PDF). The output is byte for byte what pkijs encodes for the same SignedData (tested).
 */
import type { CmsAttributeLike } from './attribute-like.js';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDigest, certificateFromDer } from './certificate-cache.js';
import { certificateIssuerSerial, encodeElement, encodeOid, encodeSetOf, encodeTime } from './der.js';
import { pdfError } from '../errors.js';
import { toArrayBuffer } from '../pdf/bytes.js';
import type { Signer } from '../sign/signer.js';
import { keyKind } from './crypto.js';
import { ECDSA_SIG_OID, HASH_OID, OID, RSA_SIG_OID, type HashAlgorithm } from './oids.js';

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    return certificateFromDer(der);
  } catch {
    throw pdfError('CERT_PARSE', 'Không đọc được chứng thư số', 'Cannot parse the certificate');
  }
}

const DER_NULL = Uint8Array.of(0x05, 0x00);
const VERSION = (v: number): Uint8Array => Uint8Array.of(0x02, 0x01, v);
const sequence = (...parts: Uint8Array[]): Uint8Array => encodeElement(0x30, parts);
const octets = (bytes: Uint8Array): Uint8Array => encodeElement(0x04, [bytes]);
const algorithm = (oid: string, withNull: boolean): Uint8Array => sequence(encodeOid(oid), ...(withNull ? [DER_NULL] : []));

/** An Attribute (RFC 5652 §5.3): its type and one value (DER). */
export function encodeAttribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(encodeOid(type), encodeElement(0x31, [value]));
}

export interface BuildSignedDataOptions {
  readonly signer: Signer;
  readonly hash: HashAlgorithm;
  /** Digest of the (detached or attached) content. */
  readonly contentDigest: Uint8Array;
  readonly eContentType?: string;
  /** Attached content (timestamp tokens carry TSTInfo); omit for detached. */
  readonly eContent?: Uint8Array;
  /** Adds the CMS signing-time attribute (legacy adbe.pkcs7.detached only: PAdES forbids it). */
  readonly signingTime?: Date;
  /** Test hook: rewrites the signed attributes before signing (used to build broken fixtures). */
  readonly mutateSignedAttributes?: (attributes: pkijs.Attribute[]) => CmsAttributeLike[];
}

/** A signed SignerInfo waiting for its unsigned attributes (a signature timestamp needs the signature value first). */
export interface BuiltSignedData {
  readonly signatureValue: Uint8Array;
  /** The DER ContentInfo(SignedData), with these unsigned attributes (encoded Attributes) if any. */
  encode(unsignedAttributes?: readonly Uint8Array[]): Uint8Array;
}

/** Everything about the signer that does not depend on the content: fetched and encoded while the content is hashed. */
export interface PreparedSigner {
  /** The signer's chain as it gave it (DER), and parsed. */
  readonly chainDer: Uint8Array[];
  readonly chain: pkijs.Certificate[];
  readonly kind: 'RSA' | 'ECDSA';
  /** IssuerAndSerialNumber of the signer certificate (DER). */
  readonly sid: Uint8Array;
  /** The signing-certificate-v2 attribute (DER). */
  readonly signingCertificate: Uint8Array;
}

export async function prepareSigner(signer: Signer, hash: HashAlgorithm): Promise<PreparedSigner> {
  const chainDer = await signer.certificateChain();
  if (chainDer.length === 0) throw pdfError('SIGNER_NO_CERT', 'Bộ ký không có chứng thư', 'The signer has no certificate');
  const chain = chainDer.map(parseCertificate);
  const cert = chain[0]!;
  const kind = keyKind(cert);
  if (!kind) throw pdfError('SIGNER_ALG', 'Khoá của chứng thư không phải RSA hay ECDSA', 'The certificate key is neither RSA nor ECDSA');
  const names = certificateIssuerSerial(chainDer[0]!);
  if (!names) throw pdfError('CERT_PARSE', 'Không đọc được chứng thư số', 'Cannot parse the certificate');
  const serial = encodeElement(0x02, [names.serial]);
  // ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash, IssuerSerial { GeneralNames { [4] directoryName }, serial } }.
  const certHash = await certificateDigest(cert, hash, chainDer[0]);
  const essCertId = sequence(
    ...(hash === 'SHA-256' ? [] : [algorithm(HASH_OID[hash], false)]),
    octets(certHash),
    sequence(sequence(encodeElement(0xa4, [names.issuer.der])), serial),
  );
  return {
    chainDer,
    chain,
    kind,
    sid: sequence(names.issuer.der, serial),
    signingCertificate: encodeAttribute(OID.signingCertificateV2, sequence(sequence(essCertId))),
  };
}

export async function buildSignedData(options: BuildSignedDataOptions & { prepared?: PreparedSigner }): Promise<BuiltSignedData> {
  const { signer, hash } = options;
  const { chainDer, kind, sid, signingCertificate } = options.prepared ?? (await prepareSigner(signer, hash));
  const eContentType = options.eContentType ?? OID.data;
  let attributes = [
    encodeAttribute(OID.contentType, encodeOid(eContentType)),
    encodeAttribute(OID.messageDigest, octets(options.contentDigest)),
    signingCertificate,
    ...(options.signingTime ? [encodeAttribute(OID.signingTime, encodeTime(options.signingTime))] : []),
  ];
  if (options.mutateSignedAttributes) {
    const asPkijs = attributes.map((a) => new pkijs.Attribute({ schema: asn1js.fromBER(toArrayBuffer(a)).result }));
    attributes = options.mutateSignedAttributes(asPkijs).map((a) => new Uint8Array(a.toSchema().toBER(false)));
  }
  // Signed as a DER SET OF, carried as [0] IMPLICIT with the same contents.
  const signedSet = encodeSetOf(0x31, attributes);
  const signatureValue = await signer.sign(signedSet, { hash });
  const signedAttrs = signedSet.slice();
  signedAttrs[0] = 0xa0;
  const digestAlgorithm = algorithm(HASH_OID[hash], true);
  const signatureAlgorithm = kind === 'RSA' ? algorithm(RSA_SIG_OID[hash], true) : algorithm(ECDSA_SIG_OID[hash], false);
  const encapContentInfo = sequence(encodeOid(eContentType), ...(options.eContent ? [encodeElement(0xa0, [octets(options.eContent)])] : []));
  return {
    signatureValue,
    encode(unsignedAttributes = []) {
      const signerInfo = sequence(
        VERSION(1),
        sid,
        digestAlgorithm,
        signedAttrs,
        signatureAlgorithm,
        octets(signatureValue),
        ...(unsignedAttributes.length > 0 ? [encodeElement(0xa1, [...unsignedAttributes])] : []),
      );
      const signedData = sequence(
        VERSION(eContentType === OID.data ? 1 : 3),
        encodeElement(0x31, [digestAlgorithm]),
        encapContentInfo,
        encodeElement(0xa0, chainDer),
        encodeElement(0x31, [signerInfo]),
      );
      return sequence(encodeOid(OID.signedData), encodeElement(0xa0, [signedData]));
    },
  };
}
