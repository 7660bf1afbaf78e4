/** Plain-text rendering of a VerificationReport (for the CLI and logs), Vietnamese by default. */
import { formatVietnamIso } from '@egov-vn/schemas/time';
import type { Lang } from '../errors.js';
import type { SignatureReport, VerificationReport } from './report.js';

const L = {
  vi: {
    doc: 'Tài liệu',
    revisions: 'phiên bản',
    none: 'Không có chữ ký nào.',
    sig: 'Chữ ký',
    field: 'Trường',
    signer: 'Người ký',
    issuer: 'Tổ chức cấp',
    format: 'Định dạng',
    claimed: 'Thời điểm ký (khai báo)',
    best: 'Thời điểm ký tốt nhất',
    ts: 'Dấu thời gian',
    coverage: 'Phạm vi ký',
    mod: 'Mức thay đổi sau khi ký',
    mdp: 'Chữ ký chứng thực DocMDP',
    verdict: 'Kết luận',
    errors: 'Lỗi',
    warnings: 'Cảnh báo',
    infos: 'Thông tin',
    summary: (v: number, n: number) => `${v}/${n} chữ ký hợp lệ.`,
    ok: 'đạt',
    notOk: 'vi phạm',
    trusted: 'tin cậy',
    untrusted: 'không tin cậy',
  },
  en: {
    doc: 'Document',
    revisions: 'revisions',
    none: 'No signatures.',
    sig: 'Signature',
    field: 'Field',
    signer: 'Signer',
    issuer: 'Issuer',
    format: 'Format',
    claimed: 'Claimed signing time',
    best: 'Best signature time',
    ts: 'Timestamp',
    coverage: 'Coverage',
    mod: 'Modification level after signing',
    mdp: 'Certification DocMDP',
    verdict: 'Verdict',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Info',
    summary: (v: number, n: number) => `${v}/${n} signatures valid.`,
    ok: 'ok',
    notOk: 'violated',
    trusted: 'trusted',
    untrusted: 'not trusted',
  },
} as const;

/**
 * ISO 8601 in Vietnam time (UTC+07:00), as Nghị định 30 asks for signing times: `formatVietnamIso` of
 * `@egov-vn/schemas`, the kit's one definition.
 * @deprecated Use `formatVietnamIso` (from `@egov-vn/schemas` or `@egov-vn/schemas/time`).
 */
export function vnTime(date: Date): string {
  return formatVietnamIso(date);
}

function signature(s: SignatureReport, i: number, lang: Lang): string[] {
  const t = L[lang];
  const out = [`${t.sig} #${i + 1} — ${t.verdict}: ${s.indication}${s.subIndication ? ` / ${s.subIndication}` : ''}`];
  out.push(`  ${t.field}: ${s.fieldName}`);
  if (s.signerSubject) out.push(`  ${t.signer}: ${s.signerSubject}`);
  if (s.issuerSubject) out.push(`  ${t.issuer}: ${s.issuerSubject}`);
  if (s.format) out.push(`  ${t.format}: ${s.format} (${s.subFilter ?? ''})`);
  if (s.claimedSigningTime) out.push(`  ${t.claimed}: ${formatVietnamIso(s.claimedSigningTime)}`);
  out.push(`  ${t.best}: ${formatVietnamIso(s.bestSignatureTime)}`);
  if (s.timestamp) out.push(`  ${t.ts}: ${formatVietnamIso(s.timestamp.genTime)} — ${s.timestamp.tsa} (${s.timestamp.trusted ? t.trusted : t.untrusted})`);
  out.push(`  ${t.coverage}: ${s.coverage}${s.byteRange ? ` [${s.byteRange.join(' ')}]` : ''}`);
  out.push(`  ${t.mod}: ${s.modificationLevel}`);
  if (s.docMdp) out.push(`  ${t.mdp}: P=${s.docMdp.permission} (${s.docMdp.ok ? t.ok : t.notOk})`);
  for (const [label, list] of [
    [t.errors, s.errors],
    [t.warnings, s.warnings],
    [t.infos, s.infos],
  ] as const) {
    for (const msg of list) out.push(`  ${label}: ${msg[lang]}`);
  }
  return out;
}

/** Renders the report as text lines, like pdfsig but with the validator's verdicts. */
export function formatReport(report: VerificationReport, options: { lang?: Lang } = {}): string {
  const lang = options.lang ?? 'vi';
  const t = L[lang];
  const lines: string[] = [];
  if (report.documentError) {
    lines.push(`${t.doc}: TOTAL_FAILED / FORMAT_FAILURE — ${report.documentError[lang]}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${t.doc}: ${report.revisions} ${t.revisions}`);
  for (const w of report.documentWarnings) lines.push(`${t.warnings}: ${w[lang]}`);
  if (report.signatures.length === 0) lines.push(t.none);
  report.signatures.forEach((s, i) => lines.push(...signature(s, i, lang)));
  lines.push(t.summary(report.validSignaturesCount, report.signaturesCount));
  return `${lines.join('\n')}\n`;
}
