// Signed PDFs for `check` and `verify`: the validation report of @egov-vn/pdf-signature, turned into file issues.
import { readFile } from 'node:fs/promises';
import type { VerificationReport } from '@egov-vn/pdf-signature';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';

/** True for files that start like a PDF. */
export function isPdf(head: string): boolean {
  return head.startsWith('%PDF-');
}

export interface PdfIssue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path?: string;
}

/** Reads trust anchors (PEM/DER bundles) and CRLs named on the command line. */
export async function loadTrust(trust: readonly string[], crls: readonly string[]): Promise<{ trustAnchors: Uint8Array[]; crls: Uint8Array[] }> {
  return {
    trustAnchors: await Promise.all(trust.map(async (f) => new Uint8Array(await readFile(f)))),
    crls: await Promise.all(crls.map(async (f) => new Uint8Array(await readFile(f)))),
  };
}

/** Verifies a PDF's signatures. Never throws: an unreadable structure is a documentError in the report. */
export async function verifyPdfFile(path: string, trust: { trustAnchors: Uint8Array[]; crls: Uint8Array[] }): Promise<VerificationReport> {
  const { verifyPdf } = await import('@egov-vn/pdf-signature');
  return verifyPdf(new Uint8Array(await readFile(path)), { trustAnchors: trust.trustAnchors, crls: trust.crls });
}

/**
 * The problems of a signed PDF: a broken structure, no signature, and every signature that did not pass — failed
 * ones are errors; indeterminate ones (e.g. no trust anchor given) are warnings.
 */
export function pdfIssues(report: VerificationReport, lang: Lang): PdfIssue[] {
  if (report.documentError) return [{ code: 'PDF_FORMAT_FAILURE', severity: 'error', message: report.documentError[lang] }];
  if (report.signaturesCount === 0) return [{ code: 'PDF_NOT_SIGNED', severity: 'error', message: t(lang, 'pdfNotSigned') }];
  const issues: PdfIssue[] = [];
  for (const s of report.signatures) {
    if (s.indication === 'TOTAL_PASSED') continue;
    const reasons = (s.errors.length > 0 ? s.errors : s.warnings).map((m) => m[lang]).join('; ');
    issues.push({
      code: `PDF_${s.indication}${s.subIndication ? `_${s.subIndication}` : ''}`,
      severity: s.indication === 'TOTAL_FAILED' ? 'error' : 'warning',
      message: t(lang, 'pdfSignature', { name: s.signerName ?? s.fieldName, indication: s.indication, reasons }),
      path: s.fieldName,
    });
  }
  return issues;
}
