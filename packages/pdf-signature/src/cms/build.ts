/** Builds CMS SignedData (RFC 5652) for PAdES/CAdES with pkijs: signed attributes, ESS signing-certificate-v2. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, certificateDigest, certificateFromDer } from './certificate-cache.js';
import { insertCertificates } from './der.js';
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

function attr(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS SigningCertificateV2 (RFC 5035) for `cert`, with IssuerSerial. */
export async function signingCertificateV2(cert: pkijs.Certificate, certDer: Uint8Array, hash: HashAlgorithm): Promise<asn1js.Sequence> {
  const certHash = await certificateDigest(cert, hash, certDer);
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const essCertId = new asn1js.Sequence({
    value: [
      ...(hash === 'SHA-256' ? [] : [new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash] }).toSchema()]),
      new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }),
      issuerSerial,
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

/** DER SET OF attributes, sorted as DER requires. Returns the sorted attributes and the SET encoding. */
function derSet(attributes: pkijs.Attribute[]): { sorted: pkijs.Attribute[]; der: Uint8Array } {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => {
    const n = Math.min(x.der.length, y.der.length);
    for (let i = 0; i < n; i++) if (x.der[i] !== y.der[i]) return x.der[i]! - y.der[i]!;
    return x.der.length - y.der.length;
  });
  const sorted = encoded.map((e) => e.a);
  const der = new Uint8Array(new asn1js.Set({ value: sorted.map((a) => a.toSchema()) }).toBER(false));
  return { sorted, der };
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
  /** Extra signed attributes. */
  readonly extraSignedAttributes?: pkijs.Attribute[];
  /** Test hook: rewrites the signed attributes before signing (used to build broken fixtures). */
  readonly mutateSignedAttributes?: (attributes: pkijs.Attribute[]) => pkijs.Attribute[];
}

export interface BuiltSignedData {
  readonly signedData: pkijs.SignedData;
  readonly signatureValue: Uint8Array;
}

/** Everything about the signer that does not depend on the content: fetched and parsed while the content is hashed. */
export interface PreparedSigner {
  /** The signer's chain as it gave it (DER), and parsed. */
  readonly chainDer: Uint8Array[];
  readonly chain: pkijs.Certificate[];
  readonly kind: 'RSA' | 'ECDSA';
  readonly signingCertificate: asn1js.Sequence;
}

export async function prepareSigner(signer: Signer, hash: HashAlgorithm): Promise<PreparedSigner> {
  const chainDer = await signer.certificateChain();
  if (chainDer.length === 0) throw pdfError('SIGNER_NO_CERT', 'Bộ ký không có chứng thư', 'The signer has no certificate');
  const chain = chainDer.map(parseCertificate);
  const cert = chain[0]!;
  const kind = keyKind(cert);
  if (!kind) throw pdfError('SIGNER_ALG', 'Khoá của chứng thư không phải RSA hay ECDSA', 'The certificate key is neither RSA nor ECDSA');
  return { chainDer, chain, kind, signingCertificate: await signingCertificateV2(cert, chainDer[0]!, hash) };
}

export async function buildSignedData(options: BuildSignedDataOptions & { prepared?: PreparedSigner }): Promise<BuiltSignedData> {
  const { signer, hash } = options;
  const { chain, kind, signingCertificate } = options.prepared ?? (await prepareSigner(signer, hash));
  const cert = chain[0]!;
  const attributes = [
    attr(OID.contentType, new asn1js.ObjectIdentifier({ value: options.eContentType ?? OID.data })),
    attr(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(options.contentDigest) })),
    attr(OID.signingCertificateV2, signingCertificate),
    ...(options.signingTime ? [attr(OID.signingTime, new asn1js.UTCTime({ valueDate: options.signingTime }))] : []),
    ...(options.extraSignedAttributes ?? []),
  ];
  const { sorted, der } = derSet(options.mutateSignedAttributes ? options.mutateSignedAttributes(attributes) : attributes);
  const signatureValue = await signer.sign(der, { hash });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash], algorithmParams: new asn1js.Null() }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      kind === 'RSA' ? { algorithmId: RSA_SIG_OID[hash], algorithmParams: new asn1js.Null() } : { algorithmId: ECDSA_SIG_OID[hash] },
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signatureValue) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash], algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: options.eContentType ?? OID.data,
      ...(options.eContent ? { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(options.eContent) }) } : {}),
    }),
    certificates: chain,
    signerInfos: [signerInfo],
  });
  if (options.eContentType && options.eContentType !== OID.data) signedData.version = 3;
  return { signedData, signatureValue };
}

/** Adds an unsigned attribute (e.g. the signature timestamp token) to the only SignerInfo. */
export function addUnsignedAttribute(signedData: pkijs.SignedData, type: string, value: asn1js.AsnType): void {
  const si = signedData.signerInfos[0]!;
  const existing = si.unsignedAttrs?.attributes ?? [];
  si.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [...existing, attr(type, value)] });
}

export function encodeContentInfo(signedData: pkijs.SignedData): Uint8Array {
  const encode = (sd: pkijs.SignedData): Uint8Array =>
    new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER(false));
  // The certificates go in as the DER they were read from, not re-encoded by pkijs.
  const certificates = signedData.certificates;
  if (!certificates?.length || !certificates.every((c) => c instanceof pkijs.Certificate)) return encode(signedData);
  signedData.certificates = undefined;
  try {
    const without = encode(signedData);
    return insertCertificates(without, certificates.map((c) => certificateDer(c))) ?? encode(Object.assign(signedData, { certificates }));
  } finally {
    signedData.certificates = certificates;
  }
}
