/** The validation report: DSS Simple Report vocabulary plus pyHanko's separate coverage / modification / DocMDP. */
import type { Message } from '../errors.js';

export type Indication = 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';

export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'NOT_YET_VALID'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'REVOKED'
  | 'REVOKED_NO_POE';

/** pyHanko SignatureCoverageLevel. */
export type Coverage = 'ENTIRE_FILE' | 'ENTIRE_REVISION' | 'CONTIGUOUS_BLOCK_FROM_START' | 'UNCLEAR';

/** pyHanko ModificationLevel, ordered from harmless to anything-goes. */
export type ModificationLevel = 'NONE' | 'LTA_UPDATES' | 'FORM_FILLING' | 'ANNOTATIONS' | 'OTHER';

export const MODIFICATION_ORDER: readonly ModificationLevel[] = ['NONE', 'LTA_UPDATES', 'FORM_FILLING', 'ANNOTATIONS', 'OTHER'];

export type CheckLevel = 'FAIL' | 'WARN' | 'INFO';

export interface Check {
  /** Stable id, DSS constraint names where one exists (e.g. `ByteRange`, `SignatureIntact`). */
  readonly id: string;
  readonly level: CheckLevel;
  readonly passed: boolean;
  readonly message: Message;
  /** The indication a failure of this check leads to (FAIL level only). */
  readonly indication?: Exclude<Indication, 'TOTAL_PASSED'>;
  readonly subIndication?: SubIndication;
}

/** RFC 5280 key usages. */
export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

/** One certificate of a chain, as a clerk reads it. */
export interface CertificateInfo {
  /** One-line subject, e.g. `C=VN, O=UBND tỉnh X, CN=Nguyễn Văn A`. */
  readonly subject: string;
  readonly issuer: string;
  /** Serial number, lower-case hex. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Key usages; absent when the certificate has no keyUsage extension. */
  readonly keyUsage?: readonly KeyUsage[];
  /** Extended key usage OIDs, when present. */
  readonly extendedKeyUsage?: readonly string[];
  /** A CA certificate (basicConstraints cA). */
  readonly ca: boolean;
  readonly selfSigned: boolean;
  /** One of the configured trust anchors. */
  readonly trustAnchor: boolean;
}

/**
 * The clerk's verdict: `valid`, `valid-untrusted` (intact, certificate not trusted here), `modified` (changed after
 * signing), `indeterminate` (e.g. expired certificate without a trusted timestamp), `invalid`.
 */
export type Verdict = 'valid' | 'valid-untrusted' | 'modified' | 'indeterminate' | 'invalid';

export interface TimestampReport {
  readonly genTime: Date;
  readonly tsa: string;
  readonly imprintValid: boolean;
  readonly signatureValid: boolean;
  readonly trusted: boolean;
}

export interface SignatureReport {
  readonly fieldName: string;
  readonly signerName?: string;
  readonly signerSubject?: string;
  readonly issuerSubject?: string;
  /** The signer's certificate, then its issuers up to a trust anchor or self-signed root (names followed only). */
  readonly certificateChain: readonly CertificateInfo[];
  readonly subFilter?: string;
  /** e.g. PAdES-BASELINE-B, PAdES-BASELINE-T, PKCS7-B, PKCS7-T. */
  readonly format?: string;
  readonly claimedSigningTime?: Date;
  /** The timestamp's time when trusted, else the validation time. */
  readonly bestSignatureTime: Date;
  readonly timestamp?: TimestampReport;
  readonly byteRange?: readonly number[];
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** 0-based index of the revision this signature covers. */
  readonly revision: number;
  readonly coverage: Coverage;
  readonly modificationLevel: ModificationLevel;
  /** Present for a certification signature. */
  readonly docMdp?: { readonly permission: 1 | 2 | 3; readonly ok: boolean };
  readonly certification: boolean;
  readonly indication: Indication;
  readonly subIndication?: SubIndication;
  /** The clerk's verdict, derived from the indication and checks. */
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  readonly errors: readonly Message[];
  readonly warnings: readonly Message[];
  readonly infos: readonly Message[];
}

export interface VerificationReport {
  readonly validationTime: Date;
  /** Document-level failure (unreadable structure): fail closed. */
  readonly documentError?: Message;
  readonly documentWarnings: readonly Message[];
  readonly revisions: number;
  readonly signatures: readonly SignatureReport[];
  readonly signaturesCount: number;
  readonly validSignaturesCount: number;
}
