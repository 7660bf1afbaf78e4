/**
 * Certificates as a clerk reads them: the chain of a signature (subject, issuer, validity, key usage, which one is
 * the trust anchor), and the check a signing dialog runs before it signs (`checkSigningCertificate`).
 */
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer } from '../cms/certificate-cache.js';
import { OID } from '../cms/oids.js';
import { civilDateOf, formatIsoDate, formatVnDate } from '@egov-vn/schemas/time';
import type { Message } from '../errors.js';
import { bytesEqual } from '../pdf/bytes.js';
import type { CertificateInfo, KeyUsage } from './report.js';
import { isTrustAnchor, toCertificates, type TrustInput } from './trust.js';

const SHORT: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

/** An RFC 4514-like one-line name (`C=VN, O=…, CN=…`), in the certificate's order. */
export function distinguishedName(rdn: pkijs.RelativeDistinguishedNames): string {
  return rdn.typesAndValues
    .map((t) => `${SHORT[t.type] ?? t.type}=${(t.value as { valueBlock?: { value?: string } }).valueBlock?.value ?? ''}`)
    .join(', ');
}

/** RFC 5280 §4.2.1.3 bit order. */
const KEY_USAGE_BITS: readonly KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** The key usages a certificate names; undefined when it has no keyUsage extension (any usage allowed). */
export function keyUsageOf(cert: pkijs.Certificate): KeyUsage[] | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return undefined;
  const bits = ext.parsedValue as asn1js.BitString | undefined;
  const bytes = bits ? new Uint8Array(bits.valueBlock.valueHexView) : new Uint8Array(0);
  return KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

/** The extended key usage purposes (OIDs), when the certificate has the extension. */
export function extendedKeyUsageOf(cert: pkijs.Certificate): string[] | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  return (ext?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes;
}

function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.19');
  return Boolean((ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA);
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return a === b || bytesEqual(certificateDer(a), certificateDer(b));
}

/** What the report says about one certificate. */
export function describeCertificate(cert: pkijs.Certificate, trustAnchor: boolean): CertificateInfo {
  const keyUsage = keyUsageOf(cert);
  const eku = extendedKeyUsageOf(cert);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    ...(keyUsage ? { keyUsage } : {}),
    ...(eku ? { extendedKeyUsage: eku } : {}),
    ca: isCa(cert),
    selfSigned: cert.subject.isEqual(cert.issuer),
    trustAnchor,
  };
}

/**
 * The chain from `leaf` upwards, issuer by issuer (matched by name among `pool` and `anchors`), stopping at a trust
 * anchor, a self-signed certificate or a missing issuer. Only names are followed: whether the chain validates is
 * the `Recognition` check's business.
 */
export function certificateChain(leaf: pkijs.Certificate, pool: readonly pkijs.Certificate[], anchors: readonly pkijs.Certificate[]): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const seen: pkijs.Certificate[] = [];
  let cert: pkijs.Certificate | undefined = leaf;
  while (cert && out.length < 10 && !seen.some((s) => sameCertificate(s, cert!))) {
    seen.push(cert);
    const current: pkijs.Certificate = cert;
    const anchor = anchors.some((a) => sameCertificate(a, current));
    out.push(describeCertificate(current, anchor));
    if (anchor || current.subject.isEqual(current.issuer)) break;
    cert = anchors.find((a) => a.subject.isEqual(current.issuer)) ?? pool.find((c) => c !== current && c.subject.isEqual(current.issuer));
  }
  return out;
}

/** Why a certificate should not be used to sign now. */
export type CertificateProblemCode = 'EXPIRED' | 'NOT_YET_VALID' | 'KEY_USAGE' | 'UNTRUSTED';

export interface CertificateProblem {
  readonly code: CertificateProblemCode;
  readonly message: Message;
}

export interface CertificateCheck {
  /** True when there is no problem. */
  readonly ok: boolean;
  readonly problems: readonly CertificateProblem[];
  /** The signer's certificate as the report would show it. */
  readonly certificate: CertificateInfo;
  /** The chain found (the signer's first), when trust anchors were given. */
  readonly chain: readonly CertificateInfo[];
}

export interface CheckCertificateOptions {
  /** The time of signing (default now). */
  readonly at?: Date;
  /** When given, the chain must reach one of them (same rule as `verifyPdf`); when omitted trust is not checked. */
  readonly trustAnchors?: readonly TrustInput[];
  /** Issuers to build the chain with (e.g. the rest of `Signer.certificateChain()`). */
  readonly intermediates?: readonly TrustInput[];
}

/** The civil day of an instant in Việt Nam (UTC+07:00): `dd/mm/yyyy` in the Vietnamese text, ISO in the English. */
const vnDate = (d: Date): string => formatVnDate(civilDateOf(d));
const isoDate = (d: Date): string => formatIsoDate(civilDateOf(d));

/**
 * Checks a signing certificate before signing: validity at `at`, a digitalSignature or nonRepudiation key usage,
 * and (with `trustAnchors`) a chain to an anchor. Each problem has a Vietnamese and an English text.
 *
 * ```ts
 * const [leaf, ...rest] = await signer.certificateChain();
 * const check = await checkSigningCertificate(leaf!, { trustAnchors, intermediates: rest });
 * if (!check.ok) show(check.problems.map((p) => p.message.vi));
 * ```
 */
export async function checkSigningCertificate(certificate: TrustInput, options: CheckCertificateOptions = {}): Promise<CertificateCheck> {
  const at = options.at ?? new Date();
  const [cert] = toCertificates([certificate]);
  const extra = toCertificates(options.intermediates);
  const problems: CertificateProblem[] = [];
  const nb = cert!.notBefore.value;
  const na = cert!.notAfter.value;
  if (at > na) {
    problems.push({
      code: 'EXPIRED',
      message: { vi: `Chứng thư số đã hết hạn từ ngày ${vnDate(na)}`, en: `The certificate expired on ${isoDate(na)}` },
    });
  } else if (at < nb) {
    problems.push({
      code: 'NOT_YET_VALID',
      message: { vi: `Chứng thư số chưa có hiệu lực (từ ngày ${vnDate(nb)})`, en: `The certificate is not valid yet (from ${isoDate(nb)})` },
    });
  }
  const usage = keyUsageOf(cert!);
  if (usage && !usage.includes('digitalSignature') && !usage.includes('nonRepudiation')) {
    problems.push({
      code: 'KEY_USAGE',
      message: {
        vi: 'Chứng thư số không được cấp để ký (thiếu mục đích digitalSignature hoặc nonRepudiation)',
        en: 'The certificate is not issued for signing (no digitalSignature or nonRepudiation key usage)',
      },
    });
  }
  let chain: CertificateInfo[] = [];
  if (options.trustAnchors) {
    const anchors = toCertificates(options.trustAnchors);
    chain = certificateChain(cert!, extra, anchors);
    let trusted = false;
    if (isTrustAnchor(cert!, anchors)) trusted = true;
    else if (anchors.length > 0) {
      try {
        const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [...extra, cert!], checkDate: at > na || at < nb ? nb : at });
        trusted = (await engine.verify()).result;
      } catch {
        trusted = false;
      }
    }
    if (!trusted) {
      problems.push({
        code: 'UNTRUSTED',
        message: {
          vi: 'Chứng thư số không dẫn tới tổ chức chứng thực được cổng này tin cậy',
          en: 'The certificate does not chain to a certification authority this portal trusts',
        },
      });
    }
  }
  const described = describeCertificate(cert!, false);
  return { ok: problems.length === 0, problems, certificate: described, chain: chain.length ? chain : [described] };
}
