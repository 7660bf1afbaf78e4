// Checks the signatures of the PDFs users upload at ký (the leader's personal signature) and đóng dấu (the agency's
// organisation signature) with @egov-vn/pdf-signature: the newest signature must be valid against the configured
// trust anchors (TOTAL_PASSED), cover the whole file (so it signs the whole previous revision), be made with the
// expected kind of certificate, and — at the seal — leave every earlier signature intact.
import { type SignatureReport, type TrustInput, verifyPdf, type VerificationReport } from '@egov-vn/pdf-signature';
import { certificateKind, type CertificateKind } from '@egov-vn/pdf-signature/nd30';
import { OfficeError } from './errors.js';

export interface SignatureCheckOptions {
  /**
   * The certificates trusted as roots (PEM text, DER bytes), or a loader called when first needed and again after a
   * failure (e.g. the exchange's `/v1/trust-anchors`).
   */
  trustAnchors: readonly TrustInput[] | (() => Promise<readonly TrustInput[]>);
  /** Intermediates for chain building, when documents do not carry them. */
  intermediates?: readonly TrustInput[];
  /** Person or organisation (default: `certificateKind` of `@egov-vn/pdf-signature/nd30`, from the subject). */
  classifyCertificate?: (certificate: SignatureReport['certificateChain'][number]) => CertificateKind | undefined;
  /** Require a trusted signature timestamp (PAdES B-T) (default false). */
  requireTimestamp?: boolean;
}

/** What is signed: the leader's signature (ký, a person's certificate) or the agency's seal (đóng dấu, an organisation's). */
export type SignatureStep = 'sign' | 'seal';

const KIND: Record<SignatureStep, CertificateKind> = { sign: 'person', seal: 'organisation' };

const MESSAGES = {
  'no-signature': { vi: 'Tệp PDF chưa có chữ ký số.', en: 'The PDF carries no digital signature.' },
  'no-new-signature': { vi: 'Tệp PDF không có chữ ký số mới so với bản đã ký.', en: 'The PDF carries no new digital signature over the signed one.' },
  invalid: { vi: 'Chữ ký số mới không hợp lệ hoặc không được tin cậy.', en: 'The new digital signature is not valid or not trusted.' },
  coverage: {
    vi: 'Chữ ký số mới không bao trùm toàn bộ tệp (có nội dung thêm vào sau khi ký).',
    en: 'The new digital signature does not cover the whole file (something was added after signing).',
  },
  'earlier-broken': { vi: 'Chữ ký số trước đó không còn nguyên vẹn.', en: 'An earlier digital signature is no longer intact.' },
  'kind-person': {
    vi: 'Văn bản phải được ký bằng chứng thư số cá nhân của người có thẩm quyền (lãnh đạo), không phải chứng thư của cơ quan.',
    en: "The document must be signed with the competent official's personal certificate (the leader's), not the agency's.",
  },
  'kind-organisation': {
    vi: 'Đóng dấu phải dùng chứng thư số của cơ quan, tổ chức, không phải chứng thư cá nhân.',
    en: "The seal must use the agency's organisation certificate, not a personal one.",
  },
  unreadable: { vi: 'Không đọc được cấu trúc chữ ký của tệp PDF.', en: "The PDF's signature structure cannot be read." },
  anchors: { vi: 'Máy chủ chưa tải được danh sách chứng thư gốc tin cậy; hãy thử lại.', en: 'The server could not load its trust anchors; try again.' },
} as const;

type Reason = keyof typeof MESSAGES;

function refuse(reason: Reason, details: Record<string, unknown> = {}): OfficeError {
  return new OfficeError('SIGNATURE_INVALID', { reason, ...details }, MESSAGES[reason]);
}

/** The verifier the server uses at ký and đóng dấu. */
export class SignatureChecker {
  readonly #o: SignatureCheckOptions;
  #anchors: Promise<readonly TrustInput[]> | undefined;

  constructor(options: SignatureCheckOptions) {
    this.#o = options;
  }

  async #trustAnchors(): Promise<readonly TrustInput[]> {
    const source = this.#o.trustAnchors;
    if (typeof source !== 'function') return source;
    this.#anchors ??= source().then((a) => {
      if (a.length === 0) throw new Error('no trust anchors');
      return a;
    });
    try {
      return await this.#anchors;
    } catch {
      this.#anchors = undefined; // tried again next time
      throw new OfficeError('UNAVAILABLE', { reason: 'trust-anchors' }, MESSAGES.anchors);
    }
  }

  /**
   * Checks `pdf` at a step. `previousLength` is the length of the PDF it extends (0 at ký): a signature that ends
   * beyond it is new; there must be one, and the newest must be valid, whole-file and of the step's certificate kind,
   * and every other signature intact.
   */
  async check(pdf: Uint8Array, step: SignatureStep, previousLength = 0): Promise<{ report: VerificationReport; signature: SignatureReport }> {
    const report = await verifyPdf(pdf, {
      trustAnchors: await this.#trustAnchors(),
      ...(this.#o.intermediates ? { intermediates: this.#o.intermediates } : {}),
      ...(this.#o.requireTimestamp ? { policy: { requireTimestamp: true } } : {}),
    });
    if (report.documentError) throw refuse('unreadable', { error: report.documentError });
    if (report.signatures.length === 0) throw refuse('no-signature');
    const end = (sig: SignatureReport) => (sig.byteRange && sig.byteRange.length === 4 ? (sig.byteRange[2] ?? 0) + (sig.byteRange[3] ?? 0) : Infinity);
    if (!report.signatures.some((sig) => end(sig) > previousLength)) throw refuse('no-new-signature', { signatures: report.signatures.length });
    const ordered = [...report.signatures].sort((a, b) => a.revision - b.revision);
    const newest = ordered[ordered.length - 1] as SignatureReport;
    const about = { field: newest.fieldName, signer: newest.signerName ?? null };
    if (newest.coverage !== 'ENTIRE_FILE') throw refuse('coverage', { ...about, coverage: newest.coverage });
    if (newest.indication !== 'TOTAL_PASSED') {
      throw refuse('invalid', { ...about, indication: newest.indication, subIndication: newest.subIndication ?? null, errors: newest.errors });
    }
    const leaf = newest.certificateChain[0];
    const kind = leaf ? (this.#o.classifyCertificate ?? certificateKind)(leaf) : undefined;
    if (kind !== KIND[step]) throw refuse(step === 'sign' ? 'kind-person' : 'kind-organisation', { ...about, certificateKind: kind ?? null });
    for (const earlier of ordered.slice(0, -1)) {
      if (earlier.verdict !== 'valid') throw refuse('earlier-broken', { field: earlier.fieldName, verdict: earlier.verdict });
    }
    return { report, signature: newest };
  }
}

/** Loads PEM trust anchors from a URL (the exchange's `/v1/trust-anchors`). */
export function trustAnchorsFromUrl(url: string, fetchImpl: typeof fetch = fetch): () => Promise<readonly TrustInput[]> {
  return async () => {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`trust anchors: HTTP ${res.status}`);
    const pem = await res.text();
    return pem.includes('-----BEGIN CERTIFICATE-----') ? [pem] : [];
  };
}
