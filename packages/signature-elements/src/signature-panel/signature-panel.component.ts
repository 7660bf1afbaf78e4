import { defineMessages, EgovElement, hostStyles } from '@egov-vn/elements-core';
import type { CertificateInfo, ModificationLevel, SignatureReport, TrustInput, Verdict, VerificationReport } from '@egov-vn/pdf-signature';
import { formatVietnamDateTime as formatTime } from '@egov-vn/schemas';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { subjectAttribute } from '../internal/verdict.js';
import type { EgovSignaturePanelVerifyEvent } from './signature-panel.events.js';
import styles from './signature-panel.styles.js';

const messages = defineMessages({
  vi: {
    label: 'Chữ ký số của văn bản',
    empty: 'Chưa có văn bản để kiểm tra.',
    loading: 'Đang kiểm tra chữ ký…',
    none: 'Văn bản không có chữ ký số nào.',
    summary: (valid: number, total: number) => `${valid}/${total} chữ ký hợp lệ`,
    signature: (n: number) => `Chữ ký ${n}`,
    verdict: (v: Verdict) =>
      ({
        valid: 'Hợp lệ',
        'valid-untrusted': 'Hợp lệ nhưng chưa được tin cậy (chứng thư không thuộc tổ chức cung cấp dịch vụ được tin cậy)',
        modified: 'Văn bản bị sửa sau khi ký',
        indeterminate: 'Chưa xác định được (ví dụ chứng thư hết hạn, không có dấu thời gian tin cậy)',
        invalid: 'Không hợp lệ',
      })[v],
    signer: 'Người ký',
    agency: 'Cơ quan',
    time: 'Thời điểm ký',
    timestamp: 'Dấu thời gian',
    noTimestamp: 'Không có',
    trustedTs: 'tin cậy',
    untrustedTs: 'không tin cậy',
    changes: 'Thay đổi sau khi ký',
    change: (m: ModificationLevel) =>
      ({
        NONE: 'Không có',
        LTA_UPDATES: 'Chỉ bổ sung dữ liệu kiểm tra/dấu thời gian',
        FORM_FILLING: 'Điền biểu mẫu hoặc thêm chữ ký',
        ANNOTATIONS: 'Thêm ghi chú',
        OTHER: 'Nội dung văn bản bị thay đổi',
      })[m],
    problems: 'Vấn đề phát hiện',
    details: 'Chứng thư và chi tiết kỹ thuật',
    subject: 'Chủ thể chứng thư',
    issuer: 'Tổ chức cấp chứng thư',
    format: 'Định dạng',
    coverage: 'Phạm vi ký',
    reason: 'Lý do',
    location: 'Nơi ký',
    contact: 'Liên hệ',
    chain: 'Chuỗi chứng thư (từ người ký tới gốc)',
    certificate: (n: number) => `Chứng thư ${n}`,
    validity: 'Hiệu lực',
    validityRange: (from: string, to: string) => `từ ${from} đến ${to}`,
    keyUsage: 'Mục đích sử dụng khoá',
    anyUsage: 'Không giới hạn',
    trustAnchor: 'Gốc tin cậy (do cổng cấu hình)',
    notAnchor: 'Không phải gốc tin cậy',
    unknown: 'Không rõ',
    loadFailed: 'Không tải được văn bản',
  },
  en: {
    label: 'Digital signatures of the document',
    empty: 'No document to check yet.',
    loading: 'Checking signatures…',
    none: 'The document has no digital signature.',
    summary: (valid: number, total: number) => `${valid}/${total} signatures valid`,
    signature: (n: number) => `Signature ${n}`,
    verdict: (v: Verdict) =>
      ({
        valid: 'Valid',
        'valid-untrusted': 'Valid but not trusted (the certificate is not from a trusted provider)',
        modified: 'Document modified after signing',
        indeterminate: 'Indeterminate (e.g. expired certificate without a trusted timestamp)',
        invalid: 'Invalid',
      })[v],
    signer: 'Signer',
    agency: 'Agency',
    time: 'Signing time',
    timestamp: 'Timestamp',
    noTimestamp: 'None',
    trustedTs: 'trusted',
    untrustedTs: 'not trusted',
    changes: 'Changes after signing',
    change: (m: ModificationLevel) =>
      ({
        NONE: 'None',
        LTA_UPDATES: 'Validation data or timestamps only',
        FORM_FILLING: 'Form filling or further signatures',
        ANNOTATIONS: 'Annotations added',
        OTHER: 'The document content was changed',
      })[m],
    problems: 'Problems found',
    details: 'Certificate and technical details',
    subject: 'Certificate subject',
    issuer: 'Certificate issuer',
    format: 'Format',
    coverage: 'Coverage',
    reason: 'Reason',
    location: 'Location',
    contact: 'Contact',
    chain: 'Certificate chain (signer to root)',
    certificate: (n: number) => `Certificate ${n}`,
    validity: 'Validity',
    validityRange: (from: string, to: string) => `from ${from} to ${to}`,
    keyUsage: 'Key usage',
    anyUsage: 'Not restricted',
    trustAnchor: 'Trust anchor (configured by the portal)',
    notAnchor: 'Not a trust anchor',
    unknown: 'Unknown',
    loadFailed: 'Could not load the document',
  },
});

const icons: Record<Verdict, string> = { valid: '✔', 'valid-untrusted': '⚠', indeterminate: '⚠', modified: '✖', invalid: '✖' };

/**
 * @summary The signatures of a PDF with a verdict for each, as a receiving clerk needs to accept or return it.
 * Every verdict comes from `verifyPdf`'s report (`@egov-vn/pdf-signature`); nothing is trusted unless
 * `trustAnchors` says so.
 * @tagname egov-signature-panel
 *
 * @fires {EgovSignaturePanelVerifyEvent} egov-signature-panel-verify - The document was verified; `detail.report` is the full report.
 * @fires {EgovSignaturePanelErrorEvent} egov-signature-panel-error - The document could not be loaded; `detail.message` is vi/en.
 * @fires {EgovSignaturePanelVerifyEvent} egov-verified - Deprecated alias of `egov-signature-panel-verify`, fired until the next minor release.
 * @fires {EgovSignaturePanelErrorEvent} egov-verify-error - Deprecated alias of `egov-signature-panel-error`, fired until the next minor release.
 *
 * @csspart base - The wrapper.
 * @csspart summary - The summary line (a polite live region).
 * @csspart list - The list of signatures.
 * @csspart signature - One signature (has `data-verdict`).
 * @csspart verdict - The verdict text of one signature.
 * @csspart details - The certificate disclosure (`<details>`).
 * @csspart chain - The certificate chain in the disclosure (each item has `data-trust-anchor`).
 *
 * @cssprop --egov-signature-panel-valid - Accent of valid signatures (default `--egov-color-success`).
 * @cssprop --egov-signature-panel-warning - Accent of untrusted/indeterminate ones (default `--egov-color-warning`).
 * @cssprop --egov-signature-panel-invalid - Accent of modified/invalid ones (default `--egov-color-danger`).
 */
export class EgovSignaturePanel extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    pdf: { attribute: false },
    src: {},
    trustAnchors: { attribute: false },
    report: { attribute: false },
    loading: { state: true },
    error: { state: true },
  };

  /** The PDF bytes to verify (takes precedence over `src`). */
  declare pdf: Uint8Array | undefined;
  /** A URL to fetch the PDF from. */
  declare src: string | undefined;
  /** Trust anchors passed to `verifyPdf` (PEM text, DER, certificates). Nothing is trusted when empty. */
  declare trustAnchors: readonly TrustInput[];
  /** The last report (set by verification; may also be set directly to show a stored report). */
  declare report: VerificationReport | undefined;
  /** True while loading or verifying. */
  declare private loading: boolean;
  /** The last load error, if any (also fired as `egov-signature-panel-error`). */
  declare private error: { vi: string; en: string } | undefined;

  #run = 0;

  constructor() {
    super();
    this.pdf = undefined;
    this.src = undefined;
    this.trustAnchors = [];
    this.report = undefined;
    this.loading = false;
    this.error = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pdf') || changed.has('src') || changed.has('trustAnchors')) {
      if (this.pdf || this.src) void this.verify();
    }
  }

  /** Verifies the current `pdf` (or `src`) again and resolves with the report. */
  async verify(): Promise<VerificationReport | undefined> {
    const run = ++this.#run;
    this.loading = true;
    this.error = undefined;
    try {
      const { verifyPdf } = await import('../internal/core.js');
      let bytes = this.pdf;
      if (!bytes && this.src) {
        const response = await fetch(this.src);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        bytes = new Uint8Array(await response.arrayBuffer());
      }
      if (!bytes) return undefined;
      const report = await verifyPdf(bytes, { trustAnchors: this.trustAnchors });
      if (run !== this.#run) return report;
      this.report = report;
      const detail: EgovSignaturePanelVerifyEvent['detail'] = { report };
      this.emit('egov-signature-panel-verify', { detail }, { deprecatedAlias: 'egov-verified' });
      return report;
    } catch (cause) {
      if (run !== this.#run) return undefined;
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.error = { vi: `${messages.vi.loadFailed}: ${reason}`, en: `${messages.en.loadFailed}: ${reason}` };
      this.emit('egov-signature-panel-error', { detail: { message: this.error } }, { deprecatedAlias: 'egov-verify-error' });
      return undefined;
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  #renderCertificate(c: CertificateInfo, index: number) {
    const lang = this.locale;
    return html`<li data-trust-anchor=${c.trustAnchor ? 'true' : 'false'}>
      <p class="mono">${this.msg('certificate', index + 1)}: ${c.subject}</p>
      <dl>
        <dt>${this.msg('issuer')}</dt>
        <dd class="mono">${c.issuer}</dd>
        <dt>${this.msg('validity')}</dt>
        <dd>${this.msg('validityRange', formatTime(c.notBefore, lang), formatTime(c.notAfter, lang))}</dd>
        <dt>${this.msg('keyUsage')}</dt>
        <dd class="mono">${c.keyUsage ? c.keyUsage.join(', ') || '—' : this.msg('anyUsage')}</dd>
      </dl>
      <p class=${c.trustAnchor ? 'anchor' : ''}>${c.trustAnchor ? `✔ ${this.msg('trustAnchor')}` : this.msg('notAnchor')}</p>
    </li>`;
  }

  #renderSignature(s: SignatureReport, index: number) {
    const verdict = s.verdict;
    const lang = this.locale;
    const agency = subjectAttribute(s.signerSubject, 'O');
    const problems = [...s.errors, ...s.warnings];
    const headingId = `sig-${index}`;
    return html`<li part="signature" class="signature" data-verdict=${verdict} aria-labelledby=${headingId}>
      <h3 id=${headingId}>${this.msg('signature', index + 1)}: ${s.signerName ?? this.msg('unknown')}</h3>
      <p part="verdict" class="verdict" data-icon=${icons[verdict]}>${this.msg('verdict', verdict)}</p>
      <dl>
        <dt>${this.msg('signer')}</dt>
        <dd>${s.signerName ?? this.msg('unknown')}</dd>
        <dt>${this.msg('agency')}</dt>
        <dd>${agency ?? this.msg('unknown')}</dd>
        <dt>${this.msg('time')}</dt>
        <dd>${s.claimedSigningTime ? formatTime(s.claimedSigningTime, lang) : this.msg('unknown')}</dd>
        <dt>${this.msg('timestamp')}</dt>
        <dd>
          ${s.timestamp
            ? `${formatTime(s.timestamp.genTime, lang)} — ${s.timestamp.tsa} (${s.timestamp.trusted ? this.msg('trustedTs') : this.msg('untrustedTs')})`
            : this.msg('noTimestamp')}
        </dd>
        <dt>${this.msg('changes')}</dt>
        <dd>${this.msg('change', s.modificationLevel)}</dd>
        ${s.reason ? html`<dt>${this.msg('reason')}</dt><dd>${s.reason}</dd>` : nothing}
        ${s.location ? html`<dt>${this.msg('location')}</dt><dd>${s.location}</dd>` : nothing}
        ${s.contactInfo ? html`<dt>${this.msg('contact')}</dt><dd>${s.contactInfo}</dd>` : nothing}
      </dl>
      ${problems.length
        ? html`<p class="problems-label">${this.msg('problems')}:</p>
            <ul class="messages">
              ${problems.map((m) => html`<li>${m[lang]}</li>`)}
            </ul>`
        : nothing}
      <details part="details">
        <summary>${this.msg('details')}</summary>
        <dl>
          <dt>${this.msg('subject')}</dt>
          <dd class="mono">${s.signerSubject ?? this.msg('unknown')}</dd>
          <dt>${this.msg('issuer')}</dt>
          <dd class="mono">${s.issuerSubject ?? this.msg('unknown')}</dd>
          <dt>${this.msg('format')}</dt>
          <dd class="mono">${s.format ?? this.msg('unknown')}</dd>
          <dt>${this.msg('coverage')}</dt>
          <dd class="mono">${s.coverage}</dd>
        </dl>
        ${s.certificateChain.length
          ? html`<p>${this.msg('chain')}:</p>
              <ol part="chain" class="chain">
                ${s.certificateChain.map((c, i) => this.#renderCertificate(c, i))}
              </ol>`
          : nothing}
        <ul class="messages mono">
          ${s.checks.map((c) => html`<li>${c.level} ${c.passed ? '✔' : '✖'} ${c.id}: ${c.message[lang]}</li>`)}
        </ul>
      </details>
    </li>`;
  }

  override render() {
    const report = this.report;
    let summary: string;
    if (this.loading) summary = this.msg('loading');
    else if (this.error) summary = this.error[this.locale];
    else if (!report) summary = this.msg('empty');
    else if (report.documentError) summary = report.documentError[this.locale];
    else if (report.signaturesCount === 0) summary = this.msg('none');
    else summary = this.msg('summary', report.validSignaturesCount, report.signaturesCount);
    const failed = Boolean(this.error ?? report?.documentError);
    return html`<section part="base" class="base" aria-label=${this.msg('label')} aria-busy=${this.loading ? 'true' : 'false'}>
      <p part="summary" class="summary ${failed ? 'error' : ''}" role="status">${summary}</p>
      ${report && !this.loading && report.signatures.length
        ? html`<ol part="list">
            ${report.signatures.map((s, i) => this.#renderSignature(s, i))}
          </ol>`
        : nothing}
    </section>`;
  }
}
