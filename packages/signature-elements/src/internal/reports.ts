// Hand-made reports for stories and tests of states a real document is slow to produce (the shapes are
// `@egov-vn/pdf-signature`'s `VerificationReport`).
import type { CertificateInfo, SignatureReport, Verdict, VerificationReport } from '@egov-vn/pdf-signature';

const year = 365 * 24 * 3600_000;
const cert = (subject: string, issuer: string, extra: Partial<CertificateInfo> = {}): CertificateInfo => ({
  subject,
  issuer,
  serialNumber: '03e9',
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date(Date.parse('2025-01-01T00:00:00Z') + 5 * year),
  ca: true,
  selfSigned: false,
  trustAnchor: false,
  keyUsage: ['keyCertSign', 'cRLSign'],
  ...extra,
});

const root = 'C=VN, O=egov-vn demo, CN=Demo Root CA';
const issuing = 'C=VN, O=egov-vn demo, CN=Demo Issuing CA';
const signer = 'C=VN, O=UBND tỉnh Demo, CN=Nguyễn Văn A';

const base: SignatureReport = {
  fieldName: 'Signature1',
  signerName: 'Nguyễn Văn A',
  signerSubject: 'C=VN, O=UBND tỉnh Demo, CN=Nguyễn Văn A',
  issuerSubject: issuing,
  certificateChain: [
    cert(signer, issuing, { ca: false, keyUsage: ['digitalSignature', 'nonRepudiation'] }),
    cert(issuing, root),
    cert(root, root, { selfSigned: true, trustAnchor: true }),
  ],
  subFilter: 'ETSI.CAdES.detached',
  format: 'PAdES-BASELINE-T',
  claimedSigningTime: new Date('2026-03-02T02:15:00Z'),
  bestSignatureTime: new Date('2026-03-02T02:15:03Z'),
  timestamp: { genTime: new Date('2026-03-02T02:15:03Z'), tsa: 'C=VN, CN=Demo TSA', imprintValid: true, signatureValid: true, trusted: true },
  revision: 0,
  coverage: 'ENTIRE_FILE',
  modificationLevel: 'NONE',
  certification: false,
  indication: 'TOTAL_PASSED',
  verdict: 'valid',
  checks: [{ id: 'SignatureIntact', level: 'FAIL', passed: true, message: { vi: 'Chữ ký toàn vẹn', en: 'Signature intact' } }],
  errors: [],
  warnings: [],
  infos: [],
};

const variants: Record<Verdict, Partial<SignatureReport>> = {
  valid: {},
  'valid-untrusted': {
    certificateChain: base.certificateChain.slice(0, 2),
    indication: 'INDETERMINATE',
    subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    errors: [{ vi: 'Chứng thư không dẫn tới tổ chức được tin cậy', en: 'The certificate does not chain to a trust anchor' }],
  },
  modified: {
    indication: 'TOTAL_FAILED',
    subIndication: 'SIG_CONSTRAINTS_FAILURE',
    coverage: 'ENTIRE_REVISION',
    modificationLevel: 'OTHER',
    checks: [
      {
        id: 'UndefinedChanges',
        level: 'FAIL',
        passed: false,
        indication: 'TOTAL_FAILED',
        subIndication: 'SIG_CONSTRAINTS_FAILURE',
        message: { vi: 'Tài liệu bị sửa sau khi ký: nội dung trang 1', en: 'The document was modified after signing: page 1 content' },
      },
    ],
    errors: [{ vi: 'Tài liệu bị sửa sau khi ký: nội dung trang 1', en: 'The document was modified after signing: page 1 content' }],
  },
  indeterminate: {
    indication: 'INDETERMINATE',
    subIndication: 'OUT_OF_BOUNDS_NO_POE',
    timestamp: undefined,
    errors: [{ vi: 'Chứng thư đã hết hạn tại thời điểm kiểm tra', en: 'The certificate had expired at validation time' }],
  },
  invalid: {
    indication: 'TOTAL_FAILED',
    subIndication: 'HASH_FAILURE',
    errors: [{ vi: 'Nội dung đã ký không khớp giá trị băm', en: 'The signed content does not match its digest' }],
  },
};

/** A report with one signature per verdict given. */
export function sampleReport(list: readonly Verdict[]): VerificationReport {
  const signatures = list.map((v, i) => ({ ...base, ...variants[v], verdict: v, fieldName: `Signature${i + 1}`, revision: i }));
  return {
    validationTime: new Date('2026-03-03T01:00:00Z'),
    documentWarnings: [],
    revisions: list.length + 1,
    signatures,
    signaturesCount: signatures.length,
    validSignaturesCount: signatures.filter((s) => s.indication === 'TOTAL_PASSED').length,
  };
}
