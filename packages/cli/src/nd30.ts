// Nghị định 30 conformance of signed PDFs for `egov-vn check`: the Phụ lục I findings of @egov-vn/pdf-signature's
// checkNd30 (signature kinds, image colours, seal size and place, text stamp, order, electronic copies), as file
// issues. The signatures' verdicts are reported by pdfIssues (pdf.ts) from the same report, so they are not repeated.
import { readFile } from 'node:fs/promises';
import type { VerificationReport } from '@egov-vn/pdf-signature';
import type { Nd30FindingCode } from '@egov-vn/pdf-signature/nd30';
import type { Lang } from './i18n.js';

export interface Nd30Issue {
  code: `ND30_${Nd30FindingCode}`;
  severity: 'error' | 'warning';
  message: string;
  /** Where: page (1-based), rectangle and signature field, e.g. `trang 1 [330 560 480 620] Signature2`. */
  path?: string;
  /** 1-based page. */
  page?: number;
  /** Rectangle in PDF points from the page's bottom left: [x1, y1, x2, y2]. */
  rect?: readonly number[];
}

/** Codes already reported from the verification report by `pdfIssues`. */
const VERDICT_CODES: readonly Nd30FindingCode[] = ['DOCUMENT_UNREADABLE', 'NO_SIGNATURE', 'SIGNATURE_INVALID', 'SIGNATURE_MODIFIED', 'SIGNATURE_UNTRUSTED', 'SIGNATURE_INDETERMINATE'];

/** The Phụ lục I findings for a signed PDF whose verification `report` is known. Never throws. */
export async function nd30Issues(path: string, report: VerificationReport, lang: Lang): Promise<Nd30Issue[]> {
  const { checkNd30 } = await import('@egov-vn/pdf-signature/nd30');
  const check = await checkNd30(new Uint8Array(await readFile(path)), { report });
  return check.findings
    .filter((f) => !VERDICT_CODES.includes(f.code))
    .map((f) => {
      const page = f.page === undefined ? undefined : f.page + 1;
      const where = [page === undefined ? '' : `${lang === 'vi' ? 'trang' : 'page'} ${page}`, f.rect ? `[${f.rect.map((v) => Math.round(v)).join(' ')}]` : '', f.field ?? ''].filter(Boolean).join(' ');
      return {
        code: `ND30_${f.code}` as const,
        severity: f.severity === 'error' ? 'error' : 'warning',
        message: f.message[lang],
        ...(where ? { path: where } : {}),
        ...(page === undefined ? {} : { page }),
        ...(f.rect ? { rect: f.rect } : {}),
      };
    });
}
