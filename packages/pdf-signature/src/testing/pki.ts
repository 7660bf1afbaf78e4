/**
 * A demo PKI made with pkijs + WebCrypto: root CA, intermediate, signer, agency seal and TSA certificates. For tests
 * and the demo portal only: these keys are generated on the fly and trusted by nobody.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../cms/oids.js';
import { cryptoKeySigner, type Signer } from '../sign/signer.js';

export type DemoKeyAlgorithm = 'RSA' | 'ECDSA';

export interface Identity {
  readonly certificate: pkijs.Certificate;
  /** DER of the certificate. */
  readonly der: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** DER chain, this certificate first (root excluded). */
  readonly chain: readonly Uint8Array[];
}

export interface IssueOptions {
  readonly commonName: string;
  readonly organization?: string;
  readonly ca?: boolean;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Key usage bits to set (default: CA → keyCertSign+cRLSign; end entity → digitalSignature+nonRepudiation). */
  readonly keyUsage?: readonly ('digitalSignature' | 'nonRepudiation' | 'keyCertSign' | 'cRLSign')[];
  readonly extKeyUsage?: readonly string[];
  readonly keyAlgorithm?: DemoKeyAlgorithm;
  readonly serial?: number;
}

const BITS = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 } as const;

function name(cn: string, o?: string): pkijs.RelativeDistinguishedNames {
  const rdn = new pkijs.RelativeDistinguishedNames();
  rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }));
  if (o) rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: o }) }));
  rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) }));
  return rdn;
}

async function generateKeys(alg: DemoKeyAlgorithm): Promise<CryptoKeyPair> {
  return alg === 'RSA'
    ? crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      )
    : crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}

let serialCounter = 1000;

/** Issues a certificate signed by `issuer` (or self-signed when `issuer` is undefined). */
export async function issueCertificate(issuer: Identity | undefined, options: IssueOptions): Promise<Identity> {
  const keys = await generateKeys(options.keyAlgorithm ?? 'RSA');
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: options.serial ?? serialCounter++ });
  cert.subject = name(options.commonName, options.organization);
  cert.issuer = issuer ? issuer.certificate.subject : cert.subject;
  const now = Date.now();
  cert.notBefore.value = options.notBefore ?? new Date(now - 24 * 3600_000);
  cert.notAfter.value = options.notAfter ?? new Date(now + 5 * 365 * 24 * 3600_000);
  const usage = options.keyUsage ?? (options.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation']);
  let bits = 0;
  for (const u of usage) bits |= 0x80 >> BITS[u];
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: options.ca ?? false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.keyUsage,
      critical: true,
      extnValue: new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: 0 }).toBER(false),
    }),
  ];
  if (options.extKeyUsage?.length) {
    extensions.push(
      new pkijs.Extension({
        extnID: OID.extKeyUsage,
        critical: true,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [...options.extKeyUsage] }).toSchema().toBER(false),
      }),
    );
  }
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  // Subject key identifier, RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits.
  const keyId = await crypto.subtle.digest('SHA-1', cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView as Uint8Array<ArrayBuffer>);
  extensions.push(new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(false) }));
  cert.extensions = extensions;
  await cert.sign(issuer?.privateKey ?? keys.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const chain = issuer ? [der, ...issuer.chain] : [der];
  return { certificate: cert, der, privateKey: keys.privateKey, publicKey: keys.publicKey, chain };
}

export interface DemoPki {
  readonly root: Identity;
  readonly intermediate: Identity;
  /** The person who signs (lãnh đạo). */
  readonly signer: Identity;
  /** The agency's organisation certificate (văn thư, con dấu). */
  readonly seal: Identity;
  readonly tsa: Identity;
  /** Signer for `signer` with its chain (root left out, as usual). */
  signerFor(identity: Identity): Signer;
}

/** A complete demo PKI. All certificates are valid from yesterday for five years. */
export async function createDemoPki(options: { keyAlgorithm?: DemoKeyAlgorithm; prefix?: string } = {}): Promise<DemoPki> {
  const prefix = options.prefix ?? 'Demo';
  const keyAlgorithm = options.keyAlgorithm ?? 'RSA';
  const root = await issueCertificate(undefined, { commonName: `${prefix} Root CA`, organization: 'egov-vn demo', ca: true, keyAlgorithm });
  const intermediate = await issueCertificate(root, { commonName: `${prefix} Issuing CA`, organization: 'egov-vn demo', ca: true, keyAlgorithm });
  const signer = await issueCertificate(intermediate, { commonName: 'Nguyễn Văn A', organization: 'UBND tỉnh Demo', keyAlgorithm });
  const seal = await issueCertificate(intermediate, { commonName: 'UBND tỉnh Demo', organization: 'UBND tỉnh Demo', keyAlgorithm });
  const tsa = await issueCertificate(intermediate, {
    commonName: `${prefix} TSA`,
    keyUsage: ['digitalSignature'],
    extKeyUsage: [OID.timeStamping],
    keyAlgorithm,
  });
  return {
    root,
    intermediate,
    signer,
    seal,
    tsa,
    signerFor: (identity) => cryptoKeySigner(identity.privateKey, identity.chain.slice(0, -1).length ? identity.chain.slice(0, -1) : identity.chain),
  };
}

/** PEM armour for a DER certificate. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = btoa(Array.from(der, (c) => String.fromCharCode(c)).join(''));
  return `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}


/** A CRL (DER) issued by `issuer`, revoking each certificate at its date. */
export async function issueCrl(issuer: Identity, revoked: readonly { certificate: pkijs.Certificate; date: Date }[], thisUpdate = new Date()): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.certificate.subject;
  crl.thisUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: new Date(thisUpdate.getTime() + 7 * 24 * 3600_000) });
  crl.revokedCertificates = revoked.map(
    (r) => new pkijs.RevokedCertificate({ userCertificate: r.certificate.serialNumber, revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: r.date }) }),
  );
  await crl.sign(issuer.privateKey, 'SHA-256');
  return new Uint8Array((crl.toSchema(true) as asn1js.Sequence).toBER(false));
}

/**
 * An OCSP response (RFC 6960, DER OCSPResponse) about `certificate`: good, or revoked at `revoked`. Signed by
 * `responder` — the certificate's issuer, or a responder the issuer certified for OCSP signing (then included).
 */
export async function issueOcspResponse(
  responder: Identity,
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
  options: { revoked?: Date; thisUpdate?: Date } = {},
): Promise<Uint8Array> {
  const certID = new pkijs.CertID();
  await certID.createForCertificate(certificate, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
  const certStatus = options.revoked
    ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: options.revoked })] })
    : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: responder.certificate.subject,
      producedAt: new Date(),
      responses: [new pkijs.SingleResponse({ certID, certStatus, thisUpdate: options.thisUpdate ?? new Date() })],
    }),
    ...(responder.certificate.subject.isEqual(issuer.subject) ? {} : { certs: [responder.certificate] }),
  });
  await basic.sign(responder.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
